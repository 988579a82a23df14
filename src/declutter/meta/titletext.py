"""A title's text as a reader would read it, repaired from the ways markup garbles it.

Every candidate headline (``<title>``, the declared titles, the ``<h1>`` texts) passes here
before it is compared: an HTML entity escaped twice ("SQL &#x26; AI"), UTF-8 read as Latin-1
or Windows-1252 ("Investorâ\\x80\\x99s"), invisible soft hyphens and zero-width marks, and an
``<h1>`` that holds the same words several times over (the copies a responsive design shows at
different screen widths, glued together once the styles are gone).  ``same_words`` tells two
candidates that are one title typeset differently (quote glyphs, dashes, case, marks the page's
encoding lost).
"""

from __future__ import annotations

import html
import re

from ..patterns import QUOTE_FOLD
from .sitename import fold

_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")
#: Soft hyphen, zero-width space/joiners, word joiner, byte-order mark: never seen on screen.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: The Windows-1252 characters that stand for the bytes 0x80–0x9f.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CONT = f"[\u0080-\u00bf{_CP1252_HIGH}]"
#: The characters a UTF-8 sequence becomes when its bytes are read one by one.
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}"
)
#: A byte 0x80–0x9f read as a character: a control (Latin-1) or one of Windows-1252's marks.
#: Real text never puts one right after an accented capital; a UTF-8 sequence read wrongly does.
_HIGH_BYTE = re.compile(f"[\u0080-\u009f{_CP1252_HIGH}]")
#: Separators a heading's text may open with, left by a decoration ("/ PORTFOLIO", "| About").
_LEAD_MARKS = re.compile(r"^(?:[/|·•»>]+|[-–—]+)\s+")
#: Markdown marks a declared title may carry that its rendered <h1> does not show.
_MARKUP = frozenset("*_`#")
#: What stands around a title's words: marks, symbols, spaces.
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
#: A character the page's encoding put for one it lost, and what it may have stood for.
_LOST_MARK = re.compile("[?\ufffd]")
_LOST_GAP = r"([^\w\s]{1,3}\w?)"
#: The shortest copy of a glued repetition read as copies (not "Bora Bora").
_MIN_COPY = 4


def _byte(ch: str) -> int:
    code = ord(ch)
    if code <= 0xFF:
        return code
    return ch.encode("cp1252")[0]


def _undo(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return bytes(_byte(c) for c in run).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return run


def repair_mojibake(text: str) -> str:
    """UTF-8 read as single bytes, read again as UTF-8 ("â\\x80\\x94" → "—", "Â¶" → "¶").

    Only a text holding at least one such sequence with a byte in 0x80–0x9f is touched:
    "Ã©" alone could be meant, a control character after "â" never is."""
    if not any(_HIGH_BYTE.search(m.group(0)) for m in _MOJIBAKE.finditer(text)):
        return text
    return _MOJIBAKE.sub(_undo, text)


def clean_title(text: str) -> str:
    """A candidate title's text repaired and its white space folded."""
    if not text:
        return text
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = repair_mojibake(text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


def heading_text(text: str) -> str:
    """An ``<h1>``'s text: cleaned, one copy of glued responsive copies, no leading separator."""
    text = one_copy(clean_title(text))
    return _LEAD_MARKS.sub("", text) or text


def one_copy(text: str) -> str:
    """One copy of a text that is the same words repeated with nothing between the copies
    ("The productdevelopment…agentsThe product development…agents"): the copy with the most
    spaces, its words parted the way the page parts them on one screen."""
    spots = [i for i, c in enumerate(text) if not c.isspace()]
    letters = "".join(text[i] for i in spots).casefold()
    size = len(letters)
    for copies in (2, 3, 4):
        if size % copies:
            continue
        step = size // copies
        if step < _MIN_COPY:
            break
        if letters != letters[:step] * copies:
            continue
        starts = [spots[k * step] for k in range(copies)]
        if any(text[s - 1].isspace() for s in starts[1:]):
            return text  # spaced copies are words said again ("Tora! Tora! Tora!")
        bounds = [*starts, len(text)]
        pieces = [text[bounds[k] : bounds[k + 1]].strip() for k in range(copies)]
        return max(pieces, key=lambda p: p.count(" "))
    return text


def _same_but_quotes(a: str, b: str) -> bool:
    return a != b and a.translate(QUOTE_FOLD) == b.translate(QUOTE_FOLD)


def _lost_marks(shown: str, declared: str) -> bool:
    """Whether the shown text is the declared one with marks the page's own encoding lost: a
    "?" or U+FFFD standing for an apostrophe, a colon or a dash the declared title has in its
    place ("Event Planning? Beginner? Guide" for "Event Planning: Beginner's Guide")."""
    pieces = _LOST_MARK.split(shown)
    # A question mark ending the heading is the question's own.
    if len(pieces) < 2 or "?" in declared or not all(p.strip() for p in pieces):
        return False
    pattern = _LOST_GAP.join(re.escape(p) for p in pieces)
    found = re.fullmatch(pattern, declared, re.IGNORECASE)
    # A question's own mark stands between words; a lost one inside a word ("Don?t") or for an
    # apostrophe and its letter ("Beginner? Guide" for "Beginner's Guide").
    return found is not None and any(re.search(r"\w", g) for g in found.groups())


def same_words(shown: str, declared: str) -> bool:
    """The same words, typeset differently: quote glyphs, dashes, case, spacing (a declared
    form shorter than the shown one has lost a mark on the way, "»…" taken for a separator)."""
    if not _MARKUP.isdisjoint(set(declared) - set(shown)):
        return False  # "*Title* (1792)": the declared form carries markup the page renders
    if _same_but_quotes(shown, declared) or _lost_marks(shown, declared):
        return True
    if _EDGES.sub("", declared) == _EDGES.sub("", shown):
        return False  # marks only around the words ("🎤 Title", "Title |", '"Title"'): unseen
    return shown != declared and len(declared) >= len(shown) and fold(shown) == fold(declared)

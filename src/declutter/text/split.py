"""A plain-text dump → candidate blocks.

Handles the shapes scrapers save text in: one block per line, blocks separated by blank lines,
lines hard-wrapped at a fixed width (re-joined into paragraphs), bulleted lists, and the
``lynx -dump`` / ``w3m -dump`` conventions (``[12]`` link markers, a numbered "References"
list of URLs at the end), which are removed.
"""

from __future__ import annotations

import re

from ..model import Removed
from ..patterns import CLAUSE_STOPS, CLOSING_MARKS, FULL_STOPS
from .blocks import Piece

_BULLET = re.compile(r"^\s*(?:[*+•·◦▪‣–-]|(\d{1,3})[.)])\s+(?=\S)")
_LYNX_REF = re.compile(r"\[(\d{1,4})\]")
_URL_LINE = re.compile(
    r"^\s*(?:\d{1,4}[.)]\s*|\[\d{1,4}\]:?\s*)?(?:https?|ftp|file|mailto|javascript):\S*\s*$",
    re.IGNORECASE,
)
_REFS_HEADING = re.compile(
    r"^\s*(?:references|visible links|hidden links:?|links:?)\s*$", re.IGNORECASE
)
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(f"[{FULL_STOPS}{CLAUSE_STOPS}{CLOSING_MARKS}\\]]$")


def _clean(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def _drop_link_lists(lines: list[str], removed: list[Removed]) -> list[str]:
    """Cut lynx/w3m numbered link lists (a run of URL lines, with or without a heading)."""
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        if _URL_LINE.match(lines[i]) or (
            _REFS_HEADING.match(lines[i]) and _url_run_follows(lines, i + 1)
        ):
            j = i + 1 if _REFS_HEADING.match(lines[i]) else i
            start = i
            count = 0
            while j < n and (
                not lines[j].strip() or _URL_LINE.match(lines[j]) or _REFS_HEADING.match(lines[j])
            ):
                if lines[j].strip():
                    count += 1
                j += 1
            if count >= 2 or _REFS_HEADING.match(lines[start]):
                text = " ".join(_clean(x) for x in lines[start:j] if x.strip())
                removed.append(Removed(text[:500], "link_list"))
                i = j
                continue
        out.append(lines[i])
        i += 1
    return out


def _url_run_follows(lines: list[str], i: int) -> bool:
    seen = 0
    while i < len(lines) and seen < 2:
        if lines[i].strip():
            if not _URL_LINE.match(lines[i]):
                return False
            seen += 1
        i += 1
    return seen >= 1


def _wrap_width(paragraphs: list[list[str]]) -> int | None:
    """The fixed width the dump was wrapped at, or None when its lines are not wrapped.

    Wrapped text shows as a crowd of lines just short of one width and almost none beyond it;
    menus and headings between the paragraphs are short and do not disturb that picture.
    """
    lengths = sorted(len(line.rstrip()) for para in paragraphs if len(para) > 1 for line in para)
    if len(lengths) < 4:
        return None
    width = lengths[max(0, int(len(lengths) * 0.98) - 1)]
    if width > 140 or width < 30:
        return None
    long_lines = [x for x in lengths if x >= 0.6 * width]
    near = sum(1 for x in long_lines if x >= width - 15)
    return width if len(long_lines) >= 3 and near >= 0.5 * len(long_lines) else None


def _continues(line: str, nxt: str, width: int | None) -> bool:
    """Whether ``nxt`` continues the paragraph of ``line`` (hard-wrapped, not a new block)."""
    if _BULLET.match(nxt):
        return False
    if width is None:
        return False
    first = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
    if len(line.rstrip()) + 1 + len(first) <= width - 3:
        return False
    # a full line ending a sentence, then a short capitalised line with no full stop: a new
    # block (a heading, a menu) rather than the paragraph's last words
    short = nxt.strip()
    return not (
        _SENTENCE_END.search(line.rstrip())
        and short[:1].isupper()
        and len(short) < 0.6 * width
        and not _SENTENCE_END.search(short)
    )


def split_text(text: str) -> tuple[list[Piece], list[Removed]]:
    """Split a text dump into paragraph/list pieces; return also what was cut (link lists)."""
    removed: list[Removed] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(8).split("\n")
    lines = _drop_link_lists(lines, removed)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    width = _wrap_width(paragraphs)
    many_refs = bool(removed) or len(_LYNX_REF.findall(text)) >= 3
    pieces: list[Piece] = []
    for para in paragraphs:
        for group, is_list in _groups(para, width):
            pieces.append(_make_piece(group, is_list, many_refs))
    return pieces, removed


def _groups(para: list[str], width: int | None) -> list[tuple[list[str], bool]]:
    """Lines of one blank-line paragraph → runs of lines that form one block each."""
    out: list[tuple[list[str], bool]] = []
    units: list[list[str]] = []  # each unit: the lines of one logical line (wrapped or not)
    bullets: list[bool] = []
    for line in para:
        if (
            units
            and not _BULLET.match(line)
            and (
                _continues(units[-1][-1], line, width)
                or (bullets[-1] and _indent(line) > _indent(units[-1][0]))
            )
        ):
            units[-1].append(line)
            continue
        units.append([line])
        bullets.append(bool(_BULLET.match(line)))
    # consecutive bulleted units form one list; others stand alone
    i = 0
    while i < len(units):
        if bullets[i]:
            j = i
            while j < len(units) and bullets[j]:
                j += 1
            out.append(([" ".join(_clean(x) for x in u) for u in units[i:j]], True))
            i = j
        else:
            out.append(([" ".join(_clean(x) for x in units[i])], False))
            i += 1
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _refs(text: str, many_refs: bool) -> tuple[str, int, int]:
    """Strip lynx ``[12]`` markers; return the text, link characters and link count."""
    if not many_refs or "[" not in text:
        return text, 0, 0
    link_chars = 0
    links = 0
    parts = _LYNX_REF.split(text)
    # parts: text, num, text, num, text… — the link text is what follows a marker up to the
    # next sentence break; count the words right after each marker as link text.
    out = [parts[0]]
    for k in range(2, len(parts), 2):
        seg = parts[k]
        links += 1
        # lynx marks where a link starts, not where it ends: count up to three words
        stop = re.search(r"[.,;:!?()]|\s{2,}|$", seg)
        span = seg[: stop.start()] if stop else seg
        link_chars += len(" ".join(span.split(" ")[:3]))
        out.append(seg)
    return _clean("".join(out)), link_chars, links


def _make_piece(lines: list[str], is_list: bool, many_refs: bool) -> Piece:
    if is_list:
        items: list[str] = []
        link_chars = links = 0
        ordered = bool(_BULLET.match(lines[0]) and _BULLET.match(lines[0]).group(1))  # type: ignore[union-attr]
        for line in lines:
            item, lc, ln = _refs(_BULLET.sub("", line, count=1), many_refs)
            items.append(item)
            link_chars += lc
            links += ln
        return Piece(
            "list", items=tuple(items), ordered=ordered, link_chars=link_chars, links=links
        )
    text, link_chars, links = _refs(lines[0], many_refs)
    return Piece("paragraph", text=text, link_chars=link_chars, links=links)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))

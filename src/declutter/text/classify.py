"""Which candidate blocks of a text or Markdown scrape are the article.

Language-neutral: each block gets a score from its length, whether it ends like a sentence,
its share of title-case words, link text and digits; the article is the densest contiguous
run of blocks (the maximum-sum subsequence of the scores).  Inside the run, navigation runs,
stray fragments and captions are dropped; short lines between prose that read like headings
are kept as subheadings.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..deadline import check_deadline
from ..patterns import CLOSING_MARKS, FULL_STOPS
from .blocks import _NOSPACE, _WORD, Piece, word_count

_CASED_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_END = re.compile(f"[{FULL_STOPS}]['{CLOSING_MARKS}\\]]*$")
_SOFT_END = re.compile(r"[:;,：；，、،؛]$")


#: Score = quality × words (capped) − threshold: a block needs about eight words of prose to
#: count for the article (tuned on the scrapinghub text dumps; 6–10 are within 0.02 F1).
_CAP = 80.0
_THRESH = 8.0


@dataclass(slots=True)
class Features:
    words: int
    chars: int
    link_ratio: float
    title_share: float
    digit_share: float
    ends: bool
    soft_end: bool
    inner_punct: int
    #: The block's runs of word characters, as written.
    tokens: list[str]


def features(piece: Piece) -> Features:
    check_deadline()
    text = piece.plain
    tokens = _WORD.findall(text)
    words = word_count(text) if _NOSPACE.search(text) else len(tokens)
    chars = len(text)
    digits = sum(len(t) for t in tokens if t.isdigit())
    upper = lower = 0
    for w in _CASED_WORD.findall(text):
        c = w[0]
        if c.isupper():
            upper += 1
        elif c.islower():
            lower += 1
    cased = upper + lower
    title_share = upper / cased if cased >= 2 else (0.5 if cased else 0.0)
    stripped = text.rstrip()
    return Features(
        words=words,
        chars=chars,
        link_ratio=min(1.0, piece.link_chars / chars) if chars else 0.0,
        title_share=title_share,
        digit_share=digits / chars if chars else 0.0,
        ends=bool(_END.search(stripped)),
        soft_end=bool(_SOFT_END.search(stripped)),
        inner_punct=sum(text.count(c) for c in ",;:，、；"),
        tokens=tokens,
    )


_CREDIT_LABEL = re.compile(
    r"^(?:image|photo|picture|pic|foto|bild|credit|source|fonte|fuente|quelle|crédit|crédito|"
    r"file photo|image caption|caption|légende|video|фото|图片|写真)\b"
    r"\s*(?:caption|credit)?\s*[:：|]",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(
    r"[(\[][^()\[\]]{0,80}(?:©|image|photo|foto|credit|getty|reuters|\bap\b|afp|epa|"
    r"shutterstock|file|istock|alamy|[A-Z]{2,}/)[^()\[\]]{0,80}[)\]]\s*$",
    re.IGNORECASE,
)
#: "… REUTERS/Brendan McDermid": an agency in capitals, a slash, the photographer.
_AGENCY_CREDIT = re.compile(r"(?<![\w./])[A-Z]{3,}/[A-Z][\w .-]+$")
_TEASER_LABEL = re.compile(
    r"^(?:related|read more|read also|read next|see also|also|more|watch|listen|don'?t miss|"
    r"recommended|lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|"
    r"voir aussi|leia também|leia mais|veja também|lee también|ver también|leer más|"
    r"leggi anche|czytaj też|czytaj także|lees ook|читайте также|смотрите также|"
    r"читайте|相关|延伸阅读|関連)\b\s*(?:[:：»|-]|on\b)",
    re.IGNORECASE,
)


#: Brackets that open and close a credit or an aside: the full-width forms are CJK text's own.
OPEN_BRACKETS = "([（［【"
CLOSE_BRACKETS = ")]）］】"


def looks_like_caption(text: str) -> bool:
    """A photo caption or credit: a credit label, a trailing "(Image: …)" / "REUTERS/…"."""
    t = text.strip()
    if not t:
        return False
    if t[0] in OPEN_BRACKETS and t[-1] in CLOSE_BRACKETS and word_count(t) <= 15:
        return True
    if "©" in t and word_count(t) <= 30:
        return True
    return bool(_CREDIT_LABEL.match(t) or _CREDIT_TAIL.search(t) or _AGENCY_CREDIT.search(t))


def is_teaser(text: str) -> bool:
    """A "Related: …" / "Read more: …" line pointing at another article."""
    return bool(_TEASER_LABEL.match(text.strip()))


def is_prose(f: Features) -> bool:
    """A block that reads like running text: long enough, sentence-like, little link text."""
    if f.link_ratio > 0.5:
        return False
    if f.words >= 25 and f.title_share < 0.7:
        return True
    return f.words >= 10 and (f.ends or f.soft_end) and f.title_share < 0.6


#: Weight of the function-word share: a block with none of the page's own function words
#: keeps 70 % of its quality, one where they make 40 % of the words or more keeps 110 %.
_FA = 0.7
_FB = 0.4
_FK = 40


def function_words(feats: list[Features]) -> frozenset[str]:
    """The document's own function words: its most frequent short lower-case words.

    Learned from the page itself, so it works for any cased language without a word list
    (in scripts without case or spaces it comes out empty and changes nothing).
    """
    counts: dict[str, int] = {}
    for f in feats:
        for w in f.tokens:
            if len(w) <= 4 and w.islower() and w.isalpha():
                counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:_FK]
    return frozenset(w for w, c in top if c >= 3)


def function_share(f: Features, words: frozenset[str]) -> float:
    if not f.tokens or not words:
        return -1.0
    return sum(1 for t in f.tokens if t in words) / len(f.tokens)


#: The threshold of each mode: "precision" asks more of a block, "recall" less.
THRESHOLDS = {"balanced": _THRESH, "precision": 10.0, "recall": 6.0}


def score(piece: Piece, f: Features, fshare: float = -1.0, threshold: float = _THRESH) -> float:
    """Positive for content-like blocks, negative for chrome-like ones."""
    q = 1.0 if f.ends else (0.75 if f.soft_end or f.inner_punct else 0.5)
    if fshare >= 0 and f.words >= 3:
        q *= _FA + _FB * min(fshare, 0.4) / 0.4
    if f.words >= 4:
        q *= 1.0 - 0.6 * max(0.0, f.title_share - 0.25)
    q *= 1.0 - f.link_ratio
    if f.digit_share > 0.2:
        q *= 0.5
    if piece.type in ("code", "table"):
        q = max(q, 0.8)
    value = q * min(f.words, _CAP)
    if piece.type in ("list", "table", "code", "quote") and f.link_ratio < 0.3:
        # structure the page author wrote (steps, data, code): costs less than a stray line
        return value + 0.5 * min(f.words, 10) - threshold
    return value - threshold


_LETTER = re.compile(r"[^\W\d_]")


def cap_data_runs(pieces: list[Piece], feats: list[Features], scores: list[float]) -> None:
    """A chart's or a table's residue (many tiny lines, mostly figures) costs like one block.

    Flattened charts and tables leave a run of one-figure lines; counted line by line they
    would cut the article in two.  Menus are words, not figures, so they keep their cost.
    """
    n = len(pieces)
    i = 0
    while i < n:
        j = i
        figures = 0
        while j < n and feats[j].words <= 3 and pieces[j].type == "paragraph" and scores[j] < 0:
            text = pieces[j].plain
            if feats[j].digit_share > 0.2 or not _LETTER.search(text):
                figures += 1
            j += 1
        if j - i >= 8 and figures >= 0.7 * (j - i):
            total = sum(scores[i:j])
            for k in range(i, j):
                scores[k] = max(-15.0, total) / (j - i)
        i = max(j, i + 1)


def best_run(scores: list[float]) -> tuple[int, int]:
    """The maximum-sum contiguous run ``[start, end)`` of ``scores`` (empty when all ≤ 0)."""
    best = 0.0
    best_span = (0, 0)
    total = 0.0
    start = 0
    for i, s in enumerate(scores):
        if total <= 0:
            total = 0.0
            start = i
        total += s
        if total > best:
            best = total
            best_span = (start, i + 1)
    return best_span


_SHAPE_DIGITS = re.compile(r"\d+")
_SHAPE_KEEP = re.compile(r"[^0:/.,\-]")
_TIME_OR_DATE = re.compile(r"\d{1,2}:\d{2}|\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}")
#: Headings that open a comment section (help only: the repeated-shape rule needs no words).
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions|discussion|leave a (?:comment|reply)|"
    r"add (?:a |your )?comment|post a comment|join the (?:discussion|conversation)|"
    r"kommentare?|commentaires?|comentarios?|comentários?|commenti|komentarze?|reacties|"
    r"kommentarer|комментарии|коментарі|评论|評論|コメント|댓글)(?:\s*\(\d+\))?\s*:?$",
    re.IGNORECASE,
)


def _shape(text: str) -> str:
    return _SHAPE_KEEP.sub("", _SHAPE_DIGITS.sub("0", text))


def comment_cut(pieces: list[Piece], feats: list[Features], start: int, end: int) -> int:
    """Where a comment section starts inside ``[start, end)`` (``end`` when there is none).

    A comment section shows as short header lines of one shape (a date or a time: "… says:",
    "March 3, 2019 at 4:47 pm") that recur between the comments; or as a heading naming it.
    """
    total = sum(max(0, f.words) for f in feats[start:end] if is_prose(f))
    seen_prose = 0
    shapes: dict[str, list[int]] = {}
    for i in range(start, end):
        f = feats[i]
        text = pieces[i].plain.lstrip()
        if (
            (pieces[i].type in ("paragraph", "heading") or len(pieces[i].items) == 1)
            and f.words <= 15
            and not is_prose(f)
            and text[:1] not in '—–―-("“«'  # "— Name (@handle) date": an embed's attribution
            and _TIME_OR_DATE.search(text)
        ):
            shapes.setdefault(_shape(pieces[i].plain), []).append(i)
    first_repeat = end
    for idx in shapes.values():
        if len(idx) >= 3:
            # each occurrence followed by prose-ish text: a comment header
            between = sum(1 for a, b in itertools.pairwise(idx) if b - a >= 2)
            if between >= 2:
                first_repeat = min(first_repeat, idx[0])
    for i in range(start, end):
        f = feats[i]
        if i >= first_repeat:
            break
        if is_prose(f):
            seen_prose += f.words
        elif (
            seen_prose >= min(40, 0.5 * total)
            and pieces[i].type == "paragraph"
            and _COMMENTS.match(pieces[i].plain.strip())
        ):
            return i
    if first_repeat < end:
        body_before = sum(f.words for f in feats[start:first_repeat] if is_prose(f))
        if body_before >= min(25, 0.2 * total):
            cut = first_repeat
            while cut > start and not is_prose(feats[cut - 1]) and first_repeat - cut < 4:
                cut -= 1
            return cut
    return end

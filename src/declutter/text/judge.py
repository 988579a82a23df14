"""Inside and around the body run of a scrape: which blocks are body, and why the others are not.

Each judgement reads the block's features and its neighbours: a short line followed by new prose
is a subheading, a run of short lines is navigation, a list of names nobody announced is a menu.
"""

from __future__ import annotations

from ..prune import is_boilerplate
from .blocks import Piece
from .classify import (
    CLOSE_BRACKETS,
    OPEN_BRACKETS,
    Features,
    is_prose,
    is_teaser,
    looks_like_caption,
)
from .textmeta import is_date_line, parse_byline


def closing_line(pieces: list[Piece], feats: list[Features], dup: list[bool], end: int) -> int:
    """Take in a short closing sentence right after the run ("More at the library's site.")."""
    if end >= len(pieces) or end == 0:
        return end
    p, f = pieces[end], feats[end]
    text = p.plain
    if (
        p.type == "paragraph"
        and f.ends
        and 4 <= f.words < 25
        and f.link_ratio < 0.5
        and f.title_share < 0.5
        and not dup[end]
        and not is_boilerplate(text)
        and not is_teaser(text)
        and not looks_like_caption(text)
        and not parse_byline(text)
        and not is_date_line(text)
        and (end + 1 >= len(pieces) or not is_prose(feats[end + 1]))
    ):
        return end + 1
    return end


def outside_reason(p: Piece, f: Features, dup: bool) -> str:
    if p.type != "code" and is_boilerplate(p.plain):
        return "boilerplate"
    if parse_byline(p.plain):
        return "byline"
    if is_date_line(p.plain):
        return "date"
    if dup:
        return "duplicate"
    if is_prose(f):
        return "outside_article"
    return "navigation"


def _short(f: Features) -> bool:
    return f.words <= 6 and not f.ends


def judge(
    pieces: list[Piece], feats: list[Features], dup: list[bool], i: int, start: int, end: int
) -> str | None:
    """Why block ``i`` of the run is not body, or None when it is."""
    p, f = pieces[i], feats[i]
    if p.type == "image":
        return None
    text = p.plain
    if p.type != "code" and is_boilerplate(text):
        return None  # prune names it
    if dup[i]:
        return "duplicate"
    if p.type == "code":
        return None
    if f.link_ratio > 0.5 and not is_prose(f):
        return "navigation"
    if (
        p.type == "list"
        and f.words < 3 * len(p.items)
        and (f.title_share > 0.7 or not _introduced(pieces, i, start))
    ):
        return "navigation"  # a list of names or labels, not of statements
    if p.type in ("list", "table", "quote"):
        return None
    if p.type in ("paragraph", "heading") and f.words <= 60 and looks_like_caption(text):
        return "caption_or_fragment"
    if p.type in ("paragraph", "heading") and f.words <= 30 and is_teaser(text):
        return "related"
    if p.type == "heading":
        return None if heading_like(pieces, feats, dup, i, end) else "caption_or_fragment"
    if is_prose(f):
        return None
    if parse_byline(text):
        return "byline"
    if is_date_line(text):
        return "date"
    # a run of short lines: navigation
    run = 1
    j = i - 1
    while j >= start and _short(feats[j]) and pieces[j].type == "paragraph":
        run += 1
        j -= 1
    j = i + 1
    while j < end and _short(feats[j]) and pieces[j].type == "paragraph":
        run += 1
        j += 1
    if _short(f) and run >= 3:
        return "navigation"
    if heading_like(pieces, feats, dup, i, end):
        return None
    if (f.ends or f.soft_end) and f.words >= 3 and f.title_share < 0.5 and f.link_ratio < 0.3:
        return None  # a short sentence of the body
    return "caption_or_fragment"


def heading_like(
    pieces: list[Piece], feats: list[Features], dup: list[bool], i: int, end: int
) -> bool:
    """A short line followed by prose that is new (not a repeat): a subheading."""
    f = feats[i]
    text = pieces[i].plain.strip()
    if (
        f.digit_share > 0.3
        or not f.chars
        or " | " in text
        or text[0] in OPEN_BRACKETS
        or text[-1] in CLOSE_BRACKETS
    ):
        return False
    marked = pieces[i].marked
    if not marked and (f.words > 20 or f.words == 0 or (f.ends and not text.endswith("?"))):
        return False
    if marked and f.words > 40:
        return False
    if not marked and text.endswith((":", "：")) and f.title_share < 0.5:
        return False  # a sentence introducing what follows
    j = i + 1
    while j < end and pieces[j].type == "paragraph" and is_boilerplate(pieces[j].plain):
        j += 1
    if j >= end or dup[j]:
        return False
    if pieces[j].type == "heading" and marked and pieces[j].level > pieces[i].level:
        return True  # a section whose first child is a subsection
    return (
        is_prose(feats[j])
        or pieces[j].type in ("list", "table", "code", "quote", "image")
        or ((feats[j].ends or feats[j].soft_end) and feats[j].words >= 3)
    )


def _introduced(pieces: list[Piece], i: int, start: int) -> bool:
    """A list announced by the line before it ("You will need:", a heading)."""
    if i <= start:
        return False
    prev = pieces[i - 1]
    return prev.type == "heading" or prev.plain.rstrip().endswith((":", "："))

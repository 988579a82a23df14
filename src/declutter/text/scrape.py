"""Plain-text and Markdown scrapes → breadcrumb, headline, body blocks and removed blocks.

1. split the dump into candidate blocks (:mod:`.textsplit`, :mod:`.markdown_input`);
2. score each block and take the densest run of content-like blocks (:mod:`.textclassify`);
3. inside the run, drop navigation runs, fragments, captions, byline and date lines (read into
   the metadata), then boilerplate and duplicates (:mod:`.prune`);
4. before the run, find the breadcrumb and the headline (:mod:`.textmeta`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..meta.collect import Meta
from ..meta.language import detect_language
from ..model import Block, Removed
from ..options import Options
from ..prune import fold, is_boilerplate, is_duplicate_of, prune_blocks
from .blocks import Piece
from .classify import (
    THRESHOLDS,
    Features,
    best_run,
    cap_data_runs,
    comment_cut,
    features,
    function_share,
    function_words,
    is_prose,
    is_teaser,
    looks_like_caption,
    score,
)
from .split import split_text
from .textmeta import (
    inline_byline,
    is_date_line,
    parse_breadcrumb,
    parse_byline,
    parse_date,
    pick_headline,
)

_STRONG_SEP = re.compile(r"[›»>→]|\s/\s")


@dataclass(frozen=True, slots=True)
class TextResult:
    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...]
    meta: Meta


def extract_text(text: str, kind: str, options: Options) -> TextResult:
    """Extract the article from a text or Markdown scrape."""
    hints: dict[str, str] = {}
    if kind == "markdown":
        from .markdown import front_matter, parse_markdown

        hints, text = front_matter(text)
        pieces, removed = parse_markdown(text)
    else:
        pieces, removed = split_text(text)
    if not pieces:
        return TextResult((), tuple(removed), Meta())
    feats = [features(p) for p in pieces]
    dup = _duplicates(pieces)
    # Markdown has its link text to tell menus from prose; a bare text dump leans also on
    # the share of the page's own function words (measured: +0.01 F1 on flattened
    # readability pages, ±0 on the scrapinghub dumps; it cost Markdown 0.006, so not there)
    fw = function_words(feats) if kind != "markdown" else frozenset()
    threshold = THRESHOLDS.get(options.mode, THRESHOLDS["balanced"])
    scores = [
        score(p, f, function_share(f, fw), threshold) for p, f in zip(pieces, feats, strict=True)
    ]
    for i, p in enumerate(pieces):
        if dup[i] or (p.type == "paragraph" and is_boilerplate(p.text)):
            scores[i] = min(scores[i], -2.0)
    cap_data_runs(pieces, feats, scores)
    start, end = best_run(scores)
    if start == end:
        start, end = 0, len(pieces)
    end = comment_cut(pieces, feats, start, end)
    end = _closing_line(pieces, feats, dup, end)
    if start > 0 and pieces[start - 1].type == "image":
        start -= 1  # the lead image right above the first paragraph

    lines = [p.plain for p in pieces]
    breadcrumb: tuple[str, ...] = ()
    crumb_at = None
    strong = False
    for i in range(min(start, 60)):
        if pieces[i].type != "paragraph" or parse_byline(lines[i]) or is_date_line(lines[i]):
            continue
        trail = parse_breadcrumb(lines[i])
        is_strong = bool(trail) and bool(_STRONG_SEP.search(lines[i]))
        if trail and (is_strong or not strong):
            breadcrumb, crumb_at, strong = trail, i, is_strong
    title_at = next(
        (
            i
            for i in range(start)
            if i != crumb_at
            and pieces[i].type != "image"
            and lines[i].strip()
            and feats[i].link_ratio < 0.5
            and not is_boilerplate(lines[i])
        ),
        None,
    )
    head_at, headline = _marked_headline(pieces, feats, start)
    if headline is None and hints.get("title"):
        headline = hints["title"]
    if headline is None:
        head_at, headline = pick_headline(lines, title_at, start)
    if head_at is not None and head_at >= start:
        head_at = None
    if crumb_at is not None and head_at is not None and crumb_at > head_at:
        breadcrumb, crumb_at = (), None  # a trail comes above the headline, not below it

    authors: tuple[str, ...] = ()
    published: str | None = None
    # metadata lines: between the headline and the body first, then just above the body
    near = list(range(head_at + 1, start)) if head_at is not None else []
    near += [i for i in range(start - 1, max(-1, start - 9), -1) if i not in near]
    for i in near:
        if pieces[i].type not in ("paragraph", "list") or feats[i].words > 16:
            continue
        authors = authors or parse_byline(lines[i]) or inline_byline(lines[i])
        if published is None:
            published = parse_date(lines[i])

    description = None
    if head_at is not None:
        for i in range(head_at + 1, start):
            if is_prose(feats[i]) and not looks_like_caption(lines[i]) and not dup[i]:
                description = lines[i]
                break
    skip = {crumb_at, head_at}
    for i in [*range(start), *range(end, len(pieces))]:
        if i not in skip and lines[i].strip():
            why = "dek" if lines[i] == description else _outside_reason(pieces[i], feats[i], dup[i])
            removed.append(Removed(lines[i], why))
    body: list[Piece] = []
    for i in range(start, end):
        p, f = pieces[i], feats[i]
        reason = _judge(pieces, feats, dup, i, start, end)
        if reason == "byline":
            authors = authors or parse_byline(p.plain)
        elif reason == "date":
            published = published or parse_date(p.plain)
        if reason:
            removed.append(Removed(p.plain, reason))
            continue
        if p.type == "paragraph" and not is_prose(f) and _heading_like(pieces, feats, dup, i, end):
            p.type = "heading"
            p.level = 2
        body.append(p)
    if not options.images:
        body = [p for p in body if p.type != "image"]
    if not options.tables:
        body = [p for p in body if p.type != "table"]
    kept, pruned = prune_blocks(body, headline=headline)
    removed.extend(pruned)
    if not authors and hints.get("author"):
        authors = tuple(a.strip() for a in hints["author"].split(",") if a.strip())
    if hints.get("published"):
        published = parse_date(hints["published"]) or published
    meta = Meta(
        headline=headline,
        breadcrumb=breadcrumb,
        authors=authors,
        published=published,
        description=description or hints.get("description"),
        language=hints.get("language") or detect_language(" ".join(p.plain for p in kept)[:2000]),
        url=hints.get("url"),
    )
    order: dict[str, int] = {}
    for i, line in enumerate(lines):
        order.setdefault(line, i)
    removed.sort(key=lambda r: order.get(r.text, len(lines)))
    return TextResult(tuple(p.to_block() for p in kept), tuple(removed), meta)


def _marked_headline(
    pieces: list[Piece], feats: list[Features], start: int
) -> tuple[int | None, str | None]:
    """The last level-1 heading above the body (else the last level-2 one), if it fits."""
    for level, reach in ((1, start), (2, 6)):
        for i in range(start - 1, max(-1, start - reach - 1), -1):
            p = pieces[i]
            if p.type == "heading" and p.marked and p.level == level:
                if (
                    feats[i].link_ratio < 0.5
                    and 2 <= feats[i].words <= 40
                    and not is_date_line(p.text)
                    and not parse_byline(p.text)
                ):
                    return i, p.text
                break
    return None, None


def _closing_line(pieces: list[Piece], feats: list[Features], dup: list[bool], end: int) -> int:
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


def _outside_reason(p: Piece, f: Features, dup: bool) -> str:
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


def _duplicates(pieces: list[Piece]) -> list[bool]:
    """Repeats of an earlier block (a short line counts when it recurs: a share bar)."""
    seen: list[str] = []
    exact: set[str] = set()
    out: list[bool] = []
    for p in pieces:
        folded = fold(p.plain)
        if p.type not in ("paragraph", "quote", "heading"):
            out.append(False)
        elif len(folded) < 25:
            out.append(folded in exact and len(folded) >= 3)
        else:
            out.append(
                folded in exact or (folded.endswith(("...", "…")) and is_duplicate_of(folded, seen))
            )
        exact.add(folded)
        seen.append(folded)
    return out


def _short(f: Features) -> bool:
    return f.words <= 6 and not f.ends


def _judge(
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
        return None if _heading_like(pieces, feats, dup, i, end) else "caption_or_fragment"
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
    if _heading_like(pieces, feats, dup, i, end):
        return None
    if (f.ends or f.soft_end) and f.words >= 3 and f.title_share < 0.5 and f.link_ratio < 0.3:
        return None  # a short sentence of the body
    return "caption_or_fragment"


def _heading_like(
    pieces: list[Piece], feats: list[Features], dup: list[bool], i: int, end: int
) -> bool:
    """A short line followed by prose that is new (not a repeat): a subheading."""
    f = feats[i]
    text = pieces[i].plain.strip()
    if f.digit_share > 0.3 or not f.chars or " | " in text or text[0] in "([" or text[-1] in ")]":
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

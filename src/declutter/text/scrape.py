"""Plain-text and Markdown scrapes → breadcrumb, headline, body blocks and removed blocks.

1. split the dump into candidate blocks (:mod:`.split`, :mod:`.markdown`);
2. score each block and take the densest run of content-like blocks (:mod:`.classify`);
3. before the run, find the breadcrumb, the headline, byline, date and dek (:mod:`.textmeta`);
4. inside the run, drop navigation runs, fragments, captions, byline and date lines (read into
   the metadata), then boilerplate and duplicates (:mod:`..prune`).
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
    looks_like_caption,
    score,
)
from .judge import closing_line, heading_like, judge, outside_reason
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


@dataclass(slots=True)
class _Scrape:
    """A scrape split into pieces, with what every phase reads about them."""

    pieces: list[Piece]
    feats: list[Features]
    dup: list[bool]
    lines: list[str]
    removed: list[Removed]
    hints: dict[str, str]


@dataclass(slots=True)
class _Head:
    """What stands above the body: the breadcrumb and the headline, with their places."""

    breadcrumb: tuple[str, ...] = ()
    crumb_at: int | None = None
    headline: str | None = None
    head_at: int | None = None


def extract_text(text: str, kind: str, options: Options) -> TextResult:
    """Extract the article from a text or Markdown scrape."""
    scrape = _split(text, kind)
    if not scrape.pieces:
        return TextResult((), tuple(scrape.removed), Meta())
    start, end = _body_run(scrape, kind, options)
    head = _find_head(scrape, start)
    authors, published = _metadata_lines(scrape, head, start)
    description = _description(scrape, head, start)
    _remove_outside(scrape, head, description, start, end)
    body, authors, published = _judge_run(scrape, start, end, authors, published)
    if not options.images:
        body = [p for p in body if p.type != "image"]
    if not options.tables:
        body = [p for p in body if p.type != "table"]
    kept, pruned = prune_blocks(body, headline=head.headline)
    scrape.removed.extend(pruned)
    hints = scrape.hints
    if not authors and hints.get("author"):
        authors = tuple(a.strip() for a in hints["author"].split(",") if a.strip())
    if hints.get("published"):
        published = parse_date(hints["published"]) or published
    meta = Meta(
        headline=head.headline,
        breadcrumb=head.breadcrumb,
        authors=authors,
        published=published,
        description=description or hints.get("description"),
        language=hints.get("language") or detect_language(" ".join(p.plain for p in kept)[:2000]),
        url=hints.get("url"),
    )
    order: dict[str, int] = {}
    for i, line in enumerate(scrape.lines):
        order.setdefault(line, i)
    scrape.removed.sort(key=lambda r: order.get(r.text, len(scrape.lines)))
    return TextResult(tuple(p.to_block() for p in kept), tuple(scrape.removed), meta)


def _split(text: str, kind: str) -> _Scrape:
    """The scrape's candidate blocks and the metadata written above a Markdown scrape's content."""
    hints: dict[str, str] = {}
    if kind == "markdown":
        from .markdown import front_matter, parse_markdown

        hints, text = front_matter(text)
        pieces, removed = parse_markdown(text)
    else:
        pieces, removed = split_text(text)
    feats = [features(p) for p in pieces]
    lines = [p.plain for p in pieces]
    return _Scrape(pieces, feats, _duplicates(pieces), lines, removed, hints)


def _body_run(scrape: _Scrape, kind: str, options: Options) -> tuple[int, int]:
    """Score every block and take the densest run of content as the body: [start, end)."""
    pieces, feats, dup = scrape.pieces, scrape.feats, scrape.dup
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
    end = closing_line(pieces, feats, dup, end)
    if start > 0 and pieces[start - 1].type == "image":
        start -= 1  # the lead image right above the first paragraph
    return start, end


def _find_head(scrape: _Scrape, start: int) -> _Head:
    """The breadcrumb and the headline, among the blocks above the body."""
    pieces, feats, lines = scrape.pieces, scrape.feats, scrape.lines
    head = _Head()
    strong = False
    for i in range(min(start, 60)):
        if pieces[i].type != "paragraph" or parse_byline(lines[i]) or is_date_line(lines[i]):
            continue
        trail = parse_breadcrumb(lines[i])
        is_strong = bool(trail) and bool(_STRONG_SEP.search(lines[i]))
        if trail and (is_strong or not strong):
            head.breadcrumb, head.crumb_at, strong = trail, i, is_strong
    title_at = next(
        (
            i
            for i in range(start)
            if i != head.crumb_at
            and pieces[i].type != "image"
            and lines[i].strip()
            and feats[i].link_ratio < 0.5
            and not is_boilerplate(lines[i])
        ),
        None,
    )
    head.head_at, head.headline = _marked_headline(pieces, feats, start)
    if head.headline is None and scrape.hints.get("title"):
        head.headline = scrape.hints["title"]
    if head.headline is None:
        head.head_at, head.headline = pick_headline(lines, title_at, start)
    if head.head_at is not None and head.head_at >= start:
        head.head_at = None
    if head.crumb_at is not None and head.head_at is not None and head.crumb_at > head.head_at:
        head.breadcrumb, head.crumb_at = (), None  # a trail comes above the headline
    return head


def _metadata_lines(scrape: _Scrape, head: _Head, start: int) -> tuple[tuple[str, ...], str | None]:
    """Byline and date lines: between the headline and the body first, then just above it."""
    authors: tuple[str, ...] = ()
    published: str | None = None
    near = list(range(head.head_at + 1, start)) if head.head_at is not None else []
    near += [i for i in range(start - 1, max(-1, start - 9), -1) if i not in near]
    for i in near:
        if scrape.pieces[i].type not in ("paragraph", "list") or scrape.feats[i].words > 16:
            continue
        authors = authors or parse_byline(scrape.lines[i]) or inline_byline(scrape.lines[i])
        if published is None:
            published = parse_date(scrape.lines[i])
    return authors, published


def _description(scrape: _Scrape, head: _Head, start: int) -> str | None:
    """The dek: the first prose between the headline and the body."""
    if head.head_at is None:
        return None
    for i in range(head.head_at + 1, start):
        line = scrape.lines[i]
        if is_prose(scrape.feats[i]) and not looks_like_caption(line) and not scrape.dup[i]:
            return line
    return None


def _remove_outside(
    scrape: _Scrape, head: _Head, description: str | None, start: int, end: int
) -> None:
    """Name why each block outside the body run was left out."""
    skip = {head.crumb_at, head.head_at}
    lines = scrape.lines
    for i in [*range(start), *range(end, len(scrape.pieces))]:
        if i not in skip and lines[i].strip():
            why = (
                "dek"
                if lines[i] == description
                else outside_reason(scrape.pieces[i], scrape.feats[i], scrape.dup[i])
            )
            scrape.removed.append(Removed(lines[i], why))


def _judge_run(
    scrape: _Scrape,
    start: int,
    end: int,
    authors: tuple[str, ...],
    published: str | None,
) -> tuple[list[Piece], tuple[str, ...], str | None]:
    """The body: each block of the run that is content; bylines and dates read on the way."""
    pieces, feats, dup = scrape.pieces, scrape.feats, scrape.dup
    body: list[Piece] = []
    for i in range(start, end):
        p, f = pieces[i], feats[i]
        reason = judge(pieces, feats, dup, i, start, end)
        if reason == "byline":
            authors = authors or parse_byline(p.plain)
        elif reason == "date":
            published = published or parse_date(p.plain)
        if reason:
            scrape.removed.append(Removed(p.plain, reason))
            continue
        if p.type == "paragraph" and not is_prose(f) and heading_like(pieces, feats, dup, i, end):
            p.type = "heading"
            p.level = 2
        body.append(p)
    return body, authors, published


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

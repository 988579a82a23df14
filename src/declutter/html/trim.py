"""The chosen article's chunks, trimmed: its masthead, its link rows and the headings of
widgets left with nothing under them go."""

from __future__ import annotations

import re

from .chunk import LINK_ROW, Chunk
from .vote import SENTENCE_END, chunk_score, linked_items

# A date, a clock time, or a by-line opener: what a masthead line carries in any language.
DATELINE = re.compile(
    r"\b(1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b|^\s*(by|von|par|por|di|door|av|af|przez|от)\s",
    re.IGNORECASE,
)
#: Inside the article, a block this linked is navigation ("Read more: …", a link row).
NAV_LINK_DENSITY = 0.65
#: The first block with this vote starts the body; short lines before it are masthead.
HEAD_PROSE = 60
#: A masthead line (date, byline, kicker) is shorter than this.
HEAD_LINE = 80
#: A block this linked is one link from end to end.
WHOLE_LINK = 0.95


def drop_orphan_headings(chunks: list[Chunk]) -> list[Chunk]:
    """A heading with nothing left under it was a widget's title ("Related posts")."""
    kept: list[Chunk] = []
    for i, chunk in enumerate(chunks):
        if chunk.type == "heading":
            nxt = next((c for c in chunks[i + 1 :] if c.type != "image"), None)
            if nxt is None or (nxt.type == "heading" and nxt.level <= chunk.level):
                continue
        kept.append(chunk)
    return kept


def trim_head(chunks: list[Chunk]) -> list[Chunk]:
    """Drop the article's masthead: the <h1> and the short date/byline lines before the prose.

    The headline and the byline are metadata; everything from the first prose block on is body.
    """
    start = next(
        (i for i, c in enumerate(chunks) if c.type != "heading" and chunk_score(c) >= HEAD_PROSE),
        None,
    )
    if start is None:
        return chunks
    head = [
        c
        for c in chunks[:start]
        if not (
            (c.type == "heading" and c.level == 1)
            or (c.type == "paragraph" and len(c.text) < HEAD_LINE and DATELINE.search(c.text))
        )
    ]
    return head + chunks[start:]


def contents(chunk: Chunk) -> bool:
    """A list whose links mostly lead to anchors on the page itself: a table of contents."""
    if chunk.type != "list":
        return False
    hrefs: list[str] = [a.get("href") or "" for a in chunk.el.iter("a")]
    return sum(h.startswith("#") for h in hrefs) * 2 > len(hrefs)


def without_link_rows(chunks: list[Chunk], nav_link_density: float) -> list[Chunk]:
    """The article's blocks without its link rows, keeping the links written into its prose.

    A block that is mostly one link is navigation in a run of such blocks (a "related" list
    set as paragraphs, "Read the review · Compare deals") or at the article's edge ("Read
    more"), but in the flow of the prose it is the author's: a linked subhead above its
    section (a listicle's product names), a one-line pointer or credit between paragraphs,
    a list of links between paragraphs.
    """
    linky = [navigation(c, nav_link_density) for c in chunks]
    flow = [i for i, c in enumerate(chunks) if c.type != "image"]
    for at, i in enumerate(flow):
        c = chunks[i]
        after = flow[at + 1] if at + 1 < len(flow) else None
        if linky[i] and c.type == "list" and after is not None and at > 0:
            # A list of links between paragraphs is the author's (the tools named, the sources
            # cited); a table of contents (links to the page's own anchors) is not.
            linky[i] = linky[after] or linky[flow[at - 1]] or contents(c)
            continue
        if not linky[i] or c.type not in ("paragraph", "heading") or c.anchors >= LINK_ROW:
            continue
        if after is None or linky[after]:
            continue
        if c.type == "heading":
            linky[i] = chunks[after].type == "heading"
            continue
        before = flow[at - 1] if at > 0 else None
        # A headline standing alone as a link is a teaser ("Dave Matthews Band takes over
        # Rock Hall Fan Vote"); a sentence or a credit is the author's.
        whole = c.link_density >= WHOLE_LINK and not SENTENCE_END.search(c.text)
        linky[i] = before is None or linky[before] or whole
    return [c for c, out in zip(chunks, linky, strict=True) if not out]


def navigation(chunk: Chunk, nav_link_density: float) -> bool:
    """Links inside the article that are no part of it: a "read more" line, a link list."""
    if chunk.type == "image":
        return False
    if chunk.type == "list":
        linked = sum(linked_items(chunk))
        return linked > 0.8 * len(chunk.items) and chunk.link_density > 0.3
    return chunk.link_density > nav_link_density

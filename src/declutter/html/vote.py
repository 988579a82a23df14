"""A chunk's vote in the search for the main content: positive for prose (long, punctuated,
link-poor text), negative for link lists and short fragments."""

from __future__ import annotations

import re

from .chunk import Chunk

#: How a sentence (or a quotation, a clause set off) ends, in the scripts the pages use.
SENTENCE_END = re.compile(r"[.!?。！？…:;\"”’»)؟۔।॥؛]\s*$")
#: Link density above which a chunk is navigation rather than prose.
LINKY = 0.5
#: A list item with this share of linked text is a link, not a point of the article.
LINKED_ITEM = 0.15
#: A "heading" this long is text in heading markup, and is scored as prose.
LONG_HEADING = 150
#: Vote of a short line without links: data lines, not navigation (which is linked).
SHORT_PLAIN = 0.1
#: Prose shorter than this gets only a partial vote: it could be a teaser line.
PROSE_CHARS = 120


def chunk_score(chunk: Chunk) -> float:
    """The chunk's vote: positive for prose, negative for navigation and fragments."""
    n = chunk.size
    if n == 0 or chunk.type == "image" or (chunk.type == "heading" and n < LONG_HEADING):
        return 0.0
    ld = chunk.link_density
    if ld > LINKY:
        return -float(n)
    if chunk.type == "list":
        return _list_score(chunk)
    if chunk.type == "table":
        return 0.3 * n * (1 - 2 * ld)
    text = chunk.text
    sentence = bool(SENTENCE_END.search(text))
    if n >= PROSE_CHARS and sentence:
        return n * (1 - 1.5 * ld)
    if n >= PROSE_CHARS:
        return 0.6 * n * (1 - 1.5 * ld)
    if sentence and n >= 40:
        return 0.5 * n * (1 - 2 * ld)
    if ld == 0:
        return SHORT_PLAIN * n
    return -0.3 * n


def _list_score(chunk: Chunk) -> float:
    """Items vote one by one: a teaser list (linked title + summary) is not prose."""
    total = 0.0
    for item, linked in zip(chunk.items, linked_items(chunk), strict=True):
        n = len(item)
        if linked:
            total -= n
        elif n >= PROSE_CHARS and SENTENCE_END.search(item):
            total += 0.8 * n
        else:
            total += 0.1 * n
    return total


def linked_items(chunk: Chunk) -> list[bool]:
    """Per item: is it a link (a teaser's linked title) rather than a point with links in it?"""
    leads = chunk.item_lead or [True] * len(chunk.items)
    return [
        links > (LINKED_ITEM if lead else LINKY) * len(item)
        for item, links, lead in zip(chunk.items, chunk.item_links, leads, strict=True)
    ]

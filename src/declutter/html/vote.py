"""A chunk's vote in the search for the main content: positive for prose (long, punctuated,
link-poor text), negative for link lists and short fragments."""

from __future__ import annotations

import re

from ..patterns import CLAUSE_STOPS, CLOSING_MARKS, FULL_STOPS
from .chunk import Chunk

#: How a sentence (or a quotation, a clause set off) ends, in the scripts the pages use (the
#: marks are listed once, in patterns.py).
SENTENCE_END = re.compile(f"[{FULL_STOPS}{CLAUSE_STOPS}{CLOSING_MARKS}]\\s*$")
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
#: Chinese and Japanese write a word in one to two characters, with no space between words:
#: each of their characters counts for this many of an alphabet's, so that the thresholds
#: above (set in characters of spaced scripts) ask the same length of prose of every script.
DENSE_WEIGHT = 3
#: Han ideographs, kana and the CJK punctuation and full-width forms written with them.
_DENSE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def weighted_len(text: str) -> int:
    """The length of ``text`` in characters of spaced scripts (see ``DENSE_WEIGHT``)."""
    if text.isascii():
        return len(text)
    dense = len(_DENSE.findall(text))
    return len(text) + (DENSE_WEIGHT - 1) * dense


def weighted_size(chunk: Chunk) -> int:
    """A chunk's size in characters of spaced scripts (see ``DENSE_WEIGHT``)."""
    if chunk.type == "list":
        return sum(weighted_len(i) for i in chunk.items)
    if chunk.type == "table":
        return sum(weighted_len(c) for r in chunk.rows for c in r)
    return weighted_len(chunk.text)


def chunk_score(chunk: Chunk) -> float:
    """The chunk's vote: positive for prose, negative for navigation and fragments."""
    if chunk.size == 0 or chunk.type == "image":
        return 0.0
    n = weighted_size(chunk)
    if chunk.type == "heading" and n < LONG_HEADING:
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
        n = weighted_len(item)
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

"""Chunks → the main content: score every chunk, add the scores up the tree, take the best element.

Each chunk votes for its ancestors: prose (long, punctuated, link-poor text) votes for,
link lists and short fragments vote against.  The element whose subtree collects the highest
net vote is the article; semantic markup (``<article>``, ``<main>``, ``itemprop=articleBody``)
adds a bonus so that equal candidates resolve towards what the author marked.
"""

from __future__ import annotations

import re

from lxml import html

from .segment import Chunk

_SENTENCE_END = re.compile(r"[.!?。！？…:;\"”’»)]\s*$")
#: Link density above which a chunk is navigation rather than prose.
LINKY = 0.5
#: Prose shorter than this gets only a partial vote: it could be a teaser line.
PROSE_CHARS = 120
_SEMANTIC_CLASSES = re.compile(
    r"article[-_]?body|articlebody|entry[-_]content|post[-_]?content|post[-_]?body|"
    r"story[-_]?body|article[-_]?content|article[-_]?text|main[-_]?content|"
    r"content[-_]?body|post[-_]?entry|rich[-_]?text|body[-_]?text",
    re.IGNORECASE,
)
#: Share of its own positive mass a semantically marked element receives as a bonus.
SEMANTIC_BONUS = 0.25


def chunk_score(chunk: Chunk) -> float:
    """The chunk's vote: positive for prose, negative for navigation and fragments."""
    n = chunk.size
    if n == 0 or chunk.type in ("image", "heading"):
        return 0.0
    ld = chunk.link_density
    if ld > LINKY:
        return -float(n)
    if chunk.type == "list":
        return n * (0.5 - ld) if n > 200 else -0.2 * n
    if chunk.type == "table":
        return 0.3 * n * (1 - 2 * ld)
    text = chunk.text
    sentence = bool(_SENTENCE_END.search(text))
    if n >= PROSE_CHARS and sentence:
        return n * (1 - 1.5 * ld)
    if n >= PROSE_CHARS:
        return 0.6 * n * (1 - 1.5 * ld)
    if sentence and n >= 40:
        return 0.5 * n * (1 - 2 * ld)
    return -0.3 * n


def _semantic(el: html.HtmlElement) -> bool:
    if el.tag in ("article", "main") or el.get("itemprop") == "articleBody":
        return True
    names = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_SEMANTIC_CLASSES.search(names))


def choose_container(chunks: list[Chunk]) -> html.HtmlElement | None:
    """The element whose subtree holds the article."""
    net: dict[html.HtmlElement, float] = {}
    pos: dict[html.HtmlElement, float] = {}
    depth: dict[html.HtmlElement, int] = {}
    for chunk in chunks:
        s = chunk_score(chunk)
        if s == 0:
            continue
        el: html.HtmlElement | None = chunk.el
        while el is not None:
            net[el] = net.get(el, 0.0) + s
            if s > 0:
                pos[el] = pos.get(el, 0.0) + s
            el = el.getparent()
    if not net:
        return None
    best: html.HtmlElement | None = None
    best_score = float("-inf")
    for el, score in net.items():
        if _semantic(el):
            score += SEMANTIC_BONUS * pos.get(el, 0.0)
        if score > best_score or (score == best_score and _depth(el, depth) > _depth(best, depth)):
            best, best_score = el, score
    return best


def _depth(el: html.HtmlElement | None, cache: dict[html.HtmlElement, int]) -> int:
    if el is None:
        return -1
    if el not in cache:
        parent = el.getparent()
        cache[el] = 0 if parent is None else _depth(parent, cache) + 1
    return cache[el]


def within(chunks: list[Chunk], container: html.HtmlElement) -> list[Chunk]:
    """The chunks that lie inside the container, in order."""
    inside: list[Chunk] = []
    members: dict[html.HtmlElement, bool] = {}
    for chunk in chunks:
        el = chunk.el
        path: list[html.HtmlElement] = []
        found = False
        node: html.HtmlElement | None = el
        while node is not None:
            if node in members:
                found = members[node]
                break
            if node is container:
                found = True
                break
            path.append(node)
            node = node.getparent()
        for p in path:
            members[p] = found
        if found:
            inside.append(chunk)
    return inside

"""A second opinion on the main content, asked only when the first answer looks weak.

The vote in ``html.locate`` is right on most pages; where it is not, it usually errs by taking
too little: one section of a page whose prose is spread over several, or a small box beside a
body it scored as links.  When its answer is in doubt (less text than a page's main content
holds), readability-lxml, a differently built extractor, reads the page too.  Its answer is
mapped back onto this page's own chunks (by their words), so what comes out is typed, pruned
and explained like any other.  What the vote found stays; what readability adds is taken when
it reads as text (no link rows, no fragments, no comment thread): on the development corpora
that union beat either answer alone on the pages in doubt."""

from __future__ import annotations

import copy
import logging
import re
from collections import Counter

from lxml import html

from .html.chunk import Chunk
from .html.locate import Located, Tuning
from .html.strip import hard_clutter
from .html.trim import drop_orphan_headings, navigation, trim_head
from .html.vote import chunk_score
from .prune import fold

#: Below this many characters of body the first answer is in doubt.  (A small share of the
#: page's prose is a weaker sign: measured, the second answer rarely helped there.)
DOUBT_CHARS = 1000
#: A chunk is in the second answer when this share of its words is.
HELD = 0.8
#: What the second answer adds must read as text: a fragment ("Posts: 12", "Joined: …")
#: scores below this share of its length.
ADD_SCORE = 0.25


_WORD = re.compile(r"\w+")


def in_doubt(located: Located) -> bool:
    """Whether the vote's answer is weak: too little text to be a page's main content."""
    return sum(c.size for c in located.chunks) < DOUBT_CHARS


def readability_text(tree: html.HtmlElement) -> tuple[str, str] | None:
    """readability-lxml's article in the (stripped) tree: (folded text, summary HTML).

    It reads a copy of the tree this page is already parsed and stripped into, which spares
    it a parse and the scripts and hidden parts it would drop anyway; None if it fails.
    """
    try:
        from readability import Document
    except ImportError:  # pragma: no cover - a regular dependency; an old install may lack it
        return None
    logging.getLogger("readability.readability").setLevel(logging.ERROR)
    try:
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
        text = html.fromstring(summary).text_content() if summary.strip() else ""
    except Exception:  # the second opinion is optional: on any failure the vote stands
        return None
    return fold(text), summary


def _mapped(chunks: list[Chunk], text: str, summary: str) -> list[Chunk]:
    """This page's chunks that the second answer holds, in document order.

    A chunk is held when nearly all of its words are in the answer: readability rewrites the
    markup it keeps (divs become paragraphs, small elements go), so whole texts rarely match.
    """
    vocab = Counter(_WORD.findall(text))
    found: list[Chunk] = []
    for c in chunks:
        if any(hard_clutter(a) for a in c.el.iterancestors()):
            continue  # a comment thread stays out, whoever proposes it
        if c.type == "image":
            if c.src and c.src.rsplit("/", 1)[-1] in summary:
                found.append(c)
            continue
        words = Counter(_WORD.findall(fold(c.text)))
        n = sum(words.values())
        if n and sum((words & vocab).values()) >= HELD * n:
            found.append(c)
    return found


def _adds(chunk: Chunk) -> bool:
    """Whether a chunk only the second answer holds is text worth adding."""
    if chunk.type in ("heading", "image"):
        return True
    score = chunk_score(chunk)
    if chunk.type in ("list", "table"):
        return score > 0
    return score >= ADD_SCORE * chunk.size


def _anything_to_add(chunks: list[Chunk], located: Located, tuning: Tuning) -> bool:
    """Whether any text outside the vote's answer could be added (else asking is wasted).

    The union only ever adds chunks that pass ``_adds``; a page whose every other block is a
    link row, a fragment or a comment has nothing for a second opinion to bring.
    """
    ours = {id(c) for c in located.chunks}
    return any(
        id(c) not in ours
        and c.type not in ("heading", "image")
        and _adds(c)
        and not navigation(c, tuning.nav_link_density)
        and not any(hard_clutter(a) for a in c.el.iterancestors())
        for c in chunks
    )


def second_opinion(
    tree: html.HtmlElement, chunks: list[Chunk], located: Located, tuning: Tuning
) -> Located:
    """The vote's answer, or where it is in doubt, its union with readability's."""
    if not in_doubt(located) or not _anything_to_add(chunks, located, tuning):
        return located
    answer = readability_text(tree)
    if answer is None or not answer[0]:
        return located
    ours = {id(c) for c in located.chunks}
    extra = {
        id(c)
        for c in _mapped(chunks, *answer)
        if id(c) not in ours and _adds(c) and not navigation(c, tuning.nav_link_density)
    }
    if not extra:
        return located
    union = [c for c in chunks if id(c) in ours or id(c) in extra]
    union = drop_orphan_headings(union)
    return Located(located.container, trim_head(union) if tuning.trim_head else union)

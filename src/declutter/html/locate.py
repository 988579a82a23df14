"""Chunks → the main content: score every chunk, add the scores up the tree, take the best element.

Each chunk votes for its ancestors: prose (long, punctuated, link-poor text) votes for,
link lists and short fragments vote against.  The element whose subtree collects the highest
net vote is the article; semantic markup (``<article>``, ``<main>``, ``itemprop=articleBody``)
adds a bonus so that equal candidates resolve towards what the author marked.  The vote of
one chunk is ``vote.py``'s; what is trimmed off the chosen chunks (masthead, link rows) is
``trim.py``'s; what is taken back around and inside them (a lede, a lead picture, components
named for their layout) is ``edges.py``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html

from ..deadline import check_deadline
from ..patterns import CHROME_TAGS
from .chunk import LINKY_TITLE, Chunk
from .edges import opened, readmit, take_lede
from .strip import hard_clutter, layout_name
from .trim import NAV_LINK_DENSITY, drop_orphan_headings, trim_head, without_link_rows
from .vote import LINKED_ITEM, SENTENCE_END, chunk_score, weighted_len, weighted_size

_SEMANTIC_CLASSES = re.compile(
    r"article[-_]?body|articlebody|entry[-_]content|post[-_]?content|post[-_]?body|"
    r"story[-_]?body|article[-_]?content|article[-_]?text|main[-_]?content|"
    r"content[-_]?body|post[-_]?entry|rich[-_]?text|body[-_]?text",
    re.IGNORECASE,
)
#: Share of its own positive mass a semantically marked element receives as a bonus.
SEMANTIC_BONUS = 0.25
#: A teaser card is at most this many blocks and characters, opening with a linked heading.
CARD_CHUNKS = 4
CARD_CHARS = 600
#: A child keeping all but this share of its parent's prose is chosen instead of the parent.
TIGHTEN_SLACK = 0.1
#: Share of the negative votes inside a semantically marked element that is forgiven.
SEMANTIC_FORGIVE = 0.7


def _semantic(el: html.HtmlElement) -> bool:
    if el.tag in ("article", "main") or el.get("itemprop") == "articleBody":
        return True
    names = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_SEMANTIC_CLASSES.search(names))


#: A clutter-named element holding this share of the page's prose is the article's wrapper.
CLUTTER_RELEASE_SHARE = 0.5


#: A clutter-named element with this much prose of its own, and against it at most this share
#: of that in link rows and fragments, is content whatever its name.
RELEASE_PROSE = 400
RELEASE_AGAINST = 0.2


class Located:
    """The chosen container and the chunks of the article, in document order."""

    __slots__ = ("chunks", "container")

    def __init__(self, container: html.HtmlElement | None, chunks: list[Chunk]) -> None:
        self.container = container
        self.chunks = chunks


@dataclass(frozen=True, slots=True)
class Tuning:
    """The knobs that trade clutter against loss; one set per extraction mode."""

    #: A child keeping (1 - slack) of its parent's prose is chosen instead of the parent.
    tighten_slack: float = TIGHTEN_SLACK
    #: Inside the article, a block this linked is navigation.
    nav_link_density: float = NAV_LINK_DENSITY
    #: Drop the masthead (h1, date and by-line lines before the first prose block).
    trim_head: bool = True


TUNINGS = {
    "balanced": Tuning(),
    # Less clutter: tighter containers, stricter about links inside the article.
    "precision": Tuning(tighten_slack=0.3, nav_link_density=0.4),
    # Less loss: keep the element the vote chose, and links unless they are nearly all.
    "recall": Tuning(tighten_slack=0.0, nav_link_density=0.9),
}


def locate(
    chunks: list[Chunk],
    clutter: set[html.HtmlElement] | None = None,
    tuning: Tuning = TUNINGS["balanced"],
) -> Located:
    """Choose the element that holds the article and return its chunks."""
    clutter = clutter or set()
    paths: list[list[html.HtmlElement]] = []
    scores: list[float] = []
    pos: dict[html.HtmlElement, float] = {}
    against: dict[html.HtmlElement, float] = {}
    path_cache: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    paths = [_path(chunk.el, path_cache) for chunk in chunks]
    _mark_teasers(chunks, paths)
    for chunk, path in zip(chunks, paths, strict=True):
        check_deadline()
        s = chunk_score(chunk)
        scores.append(s)
        votes = pos if s > 0 else against
        if s:
            for el in path:
                votes[el] = votes.get(el, 0.0) + abs(s)
    total = max((pos.get(p[-1], 0.0) for p in paths if p), default=0.0)
    blocked = {el for el in clutter if _stays_blocked(el, pos, against, total)}
    live = [not blocked.intersection(path) for path in paths]
    net: dict[html.HtmlElement, float] = {}
    neg: dict[html.HtmlElement, float] = {}
    live_pos: dict[html.HtmlElement, float] = {}
    for path, s, ok in zip(paths, scores, live, strict=True):
        check_deadline()
        if ok and s:
            for el in path:
                net[el] = net.get(el, 0.0) + s
                if s < 0:
                    neg[el] = neg.get(el, 0.0) - s
                else:
                    live_pos[el] = live_pos.get(el, 0.0) + s
    if not net:
        return Located(None, [])
    voted = _best(net, pos, neg)
    best = _tighten(voted, live_pos, tuning.tighten_slack)
    taken = [ok and best in path for path, ok in zip(paths, live, strict=True)]
    if best is not voted:
        take_lede(chunks, paths, opened(paths, live, blocked, voted), taken, voted)
    readmit(chunks, paths, live, blocked, best, (pos, against), taken)
    inside = [c for c, t in zip(chunks, taken, strict=True) if t]
    chosen = without_link_rows(inside, tuning.nav_link_density)
    chosen = drop_orphan_headings(chosen)
    return Located(best, trim_head(chosen) if tuning.trim_head else chosen)


def _stays_blocked(
    el: html.HtmlElement,
    pos: dict[html.HtmlElement, float],
    against: dict[html.HtmlElement, float],
    total: float,
) -> bool:
    """Whether a clutter-named element's chunks stay out of the vote.

    Class names are a guess: "listicle-header", "card__meta" or "widget" name a component's
    layout as often as its chrome.  A named element is released when it holds most of the
    page's prose, or, named only by such layout words, when it reads as prose itself
    (paragraphs, hardly a link row in it); a comment thread never is, and a page-chrome tag
    is released only for the former.
    """
    if total <= 0 or hard_clutter(el):
        return True
    prose = pos.get(el, 0.0)
    if prose >= CLUTTER_RELEASE_SHARE * total:
        return False
    if el.tag in CHROME_TAGS or prose < RELEASE_PROSE or not layout_name(el):
        return True
    return against.get(el, 0.0) > RELEASE_AGAINST * prose


def _mark_teasers(chunks: list[Chunk], paths: list[list[html.HtmlElement]]) -> None:
    """Mark teaser cards: a small element that opens with a linked heading.

    A card (linked title, a kicker, a one-line summary) is a link to another article however
    its summary is marked up, so all its text counts as link text.  The chunks under an element
    are a contiguous run, so each candidate card is measured by scanning its few neighbours.
    """
    n = len(chunks)
    for i, chunk in enumerate(chunks):
        if chunk.type != "heading" or chunk.link_density < LINKY_TITLE or _self_linked(chunk):
            continue
        card: tuple[int, int] | None = None
        for el in paths[i][1:]:
            lo, hi = i, i
            while lo > 0 and hi - lo < CARD_CHUNKS and el in paths[lo - 1]:
                lo -= 1
            while hi + 1 < n and hi - lo < CARD_CHUNKS and el in paths[hi + 1]:
                hi += 1
            run = chunks[lo : hi + 1]
            if hi - lo + 1 > CARD_CHUNKS or sum(weighted_size(c) for c in run) > CARD_CHARS:
                break
            card = (lo, hi)
        if card is None or card[1] == card[0] or i - card[0] > 1:
            continue
        if any(_entry_prose(c) for c in chunks[card[0] : card[1] + 1]):
            continue
        for c in chunks[card[0] : card[1] + 1]:
            c.as_link()


def _self_linked(chunk: Chunk) -> bool:
    """A heading linked only to places on the page itself (its own anchor, the table of
    contents): documentation generators link every section heading so, and a teaser's title
    leads to another page."""
    hrefs = [a.get("href") or "" for a in chunk.el.iter("a")]
    return bool(hrefs) and all(h.startswith("#") for h in hrefs)


#: A paragraph this long under a linked heading is an entry of a listicle, not a teaser's dek.
ENTRY_PROSE = 300
#: How an excerpt cut short ends: "…", "...", "[…]", "[...]".
_CUT_SHORT = re.compile(r"(…|\.\.\.)\]?\s*$")


def _entry_prose(chunk: Chunk) -> bool:
    """A paragraph of unlinked prose, whole (a teaser's excerpt is cut short)."""
    text = chunk.text
    return (
        chunk.type == "paragraph"
        and weighted_len(text) >= ENTRY_PROSE
        and chunk.link_chars < LINKED_ITEM * len(text)
        and bool(SENTENCE_END.search(text))
        and not _CUT_SHORT.search(text)
    )


def _path(
    el: html.HtmlElement, cache: dict[html.HtmlElement, list[html.HtmlElement]]
) -> list[html.HtmlElement]:
    """The element and its ancestors, innermost first (shared prefixes are cached)."""
    found = cache.get(el)
    if found is not None:
        return found
    parent = el.getparent()
    path = [el] + (_path(parent, cache) if parent is not None else [])
    cache[el] = path
    return path


def _best(
    net: dict[html.HtmlElement, float],
    pos: dict[html.HtmlElement, float],
    neg: dict[html.HtmlElement, float],
) -> html.HtmlElement:
    best: html.HtmlElement | None = None
    best_score = float("-inf")
    for el, score in net.items():
        if _semantic(el):
            # What the author marked as the article is forgiven most of its link rows (they
            # are pruned inside it anyway) and gets a share of its prose as a bonus.
            score += SEMANTIC_BONUS * pos.get(el, 0.0) + SEMANTIC_FORGIVE * neg.get(el, 0.0)
        if score > best_score:
            best, best_score = el, score
    assert best is not None
    return best


def _tighten(
    best: html.HtmlElement, prose: dict[html.HtmlElement, float], slack: float
) -> html.HtmlElement:
    """Descend to a child that holds nearly all of the chosen element's prose.

    What a wrapper adds beyond such a child (a comment thread of short replies after a link
    row) is more likely clutter than article.
    """
    while True:
        floor = (1 - slack) * prose.get(best, 0.0)
        child = max((c for c in best if c in prose), key=lambda c: prose[c], default=None)
        if child is None or prose[child] < floor or floor <= 0:
            return best
        best = child

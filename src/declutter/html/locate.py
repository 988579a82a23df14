"""Chunks → the main content: score every chunk, add the scores up the tree, take the best element.

Each chunk votes for its ancestors: prose (long, punctuated, link-poor text) votes for,
link lists and short fragments vote against.  The element whose subtree collects the highest
net vote is the article; semantic markup (``<article>``, ``<main>``, ``itemprop=articleBody``)
adds a bonus so that equal candidates resolve towards what the author marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html

from ..deadline import check_deadline
from ..patterns import CHROME_TAGS
from .segment import LINK_ROW, LINKY_TITLE, Chunk
from .strip import hard_clutter, layout_name

# A date, a clock time, or a by-line opener: what a masthead line carries in any language.
_DATELINE = re.compile(
    r"\b(1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b|^\s*(by|von|par|por|di|door|av|af|przez|от)\s",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?。！？…:;\"”’»)؟۔।॥؛]\s*$")
#: Link density above which a chunk is navigation rather than prose.
LINKY = 0.5
#: Inside the article, a block this linked is navigation ("Read more: …", a link row).
NAV_LINK_DENSITY = 0.65
#: The first block with this vote starts the body; short lines before it are masthead.
HEAD_PROSE = 60
#: A masthead line (date, byline, kicker) is shorter than this.
HEAD_LINE = 80
#: A block this linked is one link from end to end.
WHOLE_LINK = 0.95
#: A list item with this share of linked text is a link, not a point of the article.
LINKED_ITEM = 0.15
#: A "heading" this long is text in heading markup, and is scored as prose.
LONG_HEADING = 150
#: Vote of a short line without links: data lines, not navigation (which is linked).
SHORT_PLAIN = 0.1
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
#: A teaser card is at most this many blocks and characters, opening with a linked heading.
CARD_CHUNKS = 4
CARD_CHARS = 600
#: A child keeping all but this share of its parent's prose is chosen instead of the parent.
TIGHTEN_SLACK = 0.1
#: Share of the negative votes inside a semantically marked element that is forgiven.
SEMANTIC_FORGIVE = 0.7


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
    sentence = bool(_SENTENCE_END.search(text))
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
    for item, linked in zip(chunk.items, _linked_items(chunk), strict=True):
        n = len(item)
        if linked:
            total -= n
        elif n >= PROSE_CHARS and _SENTENCE_END.search(item):
            total += 0.8 * n
        else:
            total += 0.1 * n
    return total


def _linked_items(chunk: Chunk) -> list[bool]:
    """Per item: is it a link (a teaser's linked title) rather than a point with links in it?"""
    leads = chunk.item_lead or [True] * len(chunk.items)
    return [
        links > (LINKED_ITEM if lead else LINKY) * len(item)
        for item, links, lead in zip(chunk.items, chunk.item_links, leads, strict=True)
    ]


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
        _take_lede(chunks, paths, live, taken, voted)
    inside = [c for c, t in zip(chunks, taken, strict=True) if t]
    chosen = without_link_rows(inside, tuning.nav_link_density)
    chosen = drop_orphan_headings(chosen)
    return Located(best, trim_head(chosen) if tuning.trim_head else chosen)


def _take_lede(
    chunks: list[Chunk],
    paths: list[list[html.HtmlElement]],
    live: list[bool],
    taken: list[bool],
    voted: html.HtmlElement,
) -> None:
    """Take back the prose just before the child that tightening chose.

    The descent leaves out what the wrapper adds around the body, which after it is comments
    and teasers; but an intro set apart from the body's element (a lede, a first section in
    a block of its own) stands right before it, prose after prose.
    """
    start = next((i for i, t in enumerate(taken) if t), None)
    i = (start or 0) - 1
    while start is not None and i >= 0 and live[i] and voted in paths[i]:
        c = chunks[i]
        if c.type == "image" or (c.type == "heading" and c.link_density < LINKY):
            i -= 1
            continue
        if chunk_score(c) < HEAD_PROSE:
            break
        for j in range(i, start):
            taken[j] = live[j]
        i -= 1


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


def _mark_teasers(chunks: list[Chunk], paths: list[list[html.HtmlElement]]) -> None:
    """Mark teaser cards: a small element that opens with a linked heading.

    A card (linked title, a kicker, a one-line summary) is a link to another article however
    its summary is marked up, so all its text counts as link text.  The chunks under an element
    are a contiguous run, so each candidate card is measured by scanning its few neighbours.
    """
    n = len(chunks)
    for i, chunk in enumerate(chunks):
        if chunk.type != "heading" or chunk.link_density < LINKY_TITLE:
            continue
        card: tuple[int, int] | None = None
        for el in paths[i][1:]:
            lo, hi = i, i
            while lo > 0 and hi - lo < CARD_CHUNKS and el in paths[lo - 1]:
                lo -= 1
            while hi + 1 < n and hi - lo < CARD_CHUNKS and el in paths[hi + 1]:
                hi += 1
            if hi - lo + 1 > CARD_CHUNKS or sum(c.size for c in chunks[lo : hi + 1]) > CARD_CHARS:
                break
            card = (lo, hi)
        if card is None or card[1] == card[0] or i - card[0] > 1:
            continue
        if any(_entry_prose(c) for c in chunks[card[0] : card[1] + 1]):
            continue
        for c in chunks[card[0] : card[1] + 1]:
            c.as_link()


#: A paragraph this long under a linked heading is an entry of a listicle, not a teaser's dek.
ENTRY_PROSE = 300
#: How an excerpt cut short ends: "…", "...", "[…]", "[...]".
_CUT_SHORT = re.compile(r"(…|\.\.\.)\]?\s*$")


def _entry_prose(chunk: Chunk) -> bool:
    """A paragraph of unlinked prose, whole (a teaser's excerpt is cut short)."""
    text = chunk.text
    return (
        chunk.type == "paragraph"
        and len(text) >= ENTRY_PROSE
        and chunk.link_chars < LINKED_ITEM * len(text)
        and bool(_SENTENCE_END.search(text))
        and not _CUT_SHORT.search(text)
    )


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
            or (c.type == "paragraph" and len(c.text) < HEAD_LINE and _DATELINE.search(c.text))
        )
    ]
    return head + chunks[start:]


def _contents(chunk: Chunk) -> bool:
    """A list whose links mostly lead to anchors on the page itself: a table of contents."""
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
            linky[i] = linky[after] or linky[flow[at - 1]] or _contents(c)
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
        whole = c.link_density >= WHOLE_LINK and not _SENTENCE_END.search(c.text)
        linky[i] = before is None or linky[before] or whole
    return [c for c, out in zip(chunks, linky, strict=True) if not out]


def navigation(chunk: Chunk, nav_link_density: float) -> bool:
    """Links inside the article that are no part of it: a "read more" line, a link list."""
    if chunk.type == "image":
        return False
    if chunk.type == "list":
        linked = sum(_linked_items(chunk))
        return linked > 0.8 * len(chunk.items) and chunk.link_density > 0.3
    return chunk.link_density > nav_link_density


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

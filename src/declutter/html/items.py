"""Listings and collections: the page's items, found as runs of alike siblings.

On a listing (news, jobs, search results, a shop's category) the content is the items: each a
title with a line or two (a price, a date, a summary), built alike by the same template.  Link
density says nothing here (every title is a link), so the prose vote of locate is no guide.
Instead every element's children are grouped by their shape (tag and class, or tag alone); a
run of several alike children holding text is a candidate list, and the one holding the most
item text wins.  Its items and the page's heading and intro above them are the content; the
menus, filters, widgets and footer around them are not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container
from functools import lru_cache

from lxml import etree, html

from ..patterns import CHROME_TAGS, HIDING_CLASSES, TOKEN_SPLIT, tokens
from .cardparts import control_label, template_lines
from .chunk import Chunk
from .locate import Located
from .shape import inside
from .vote import chunk_score

#: A list has at least this many items.
MIN_ITEMS = 3
#: Lists shorter than this many items count for less (three large "items" are a layout).
FULL_ITEMS = 8
#: Items shorter than this on average may be a menu's entries, and count for less...
ITEM_CHARS = 25
#: ...and shorter than this they are (a category list, a tag cloud), not a list's items.
MENU_CHARS = 15
#: Items alike in their tag alone: this share of them hold the same kinds of elements.
ALIKE_SHARE = 0.6
#: A page of another type is read as a list when its items weigh this many times its prose.
PROSE_RATIO = 1.0
#: Elements that are an item's parts, never an item themselves.
_PART_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "br", "img", "b", "i"})
#: Class/id tokens of the places around a list: menus, filters, the footer.  A layout names its
#: wrappers after them too ("skip-nav" target, "sticky-footer" wrapper), so an element holding
#: most of the page's text is not taken for one of them.
_PLACES = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
        "pagination", "pager", "footer", "sidebar", "skip", "filter", "filters", "facet",
        "facets", "sort",
    }
)  # fmt: skip
#: Of those, the names of the controls over a list (its pages, filters, order): a layout names
#: the box holding the list itself after them too ("pagination-wrapper", "filtered-results").
_CONTROLS = frozenset({"pagination", "pager", "filter", "filters", "facet", "facets", "sort"})
#: Class/id tokens of widgets that never hold a page's items, however large.
_WIDGETS = frozenset(
    {
        "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "modal", "popup",
        "login", "share", "social", "comments", "comment",
    }
)  # fmt: skip


def _shape(el: html.HtmlElement) -> tuple[str, str]:
    return (str(el.tag), " ".join((el.get("class") or "").split()))


class _Run:
    """Children of one parent with one shape, and the characters each holds."""

    __slots__ = ("chars", "chunks", "parent", "shape")

    def __init__(self, parent: html.HtmlElement, shape: tuple[str, str]) -> None:
        self.parent = parent
        self.shape = shape
        #: Per item (an element, or a list chunk's item by its index): its characters.
        self.chars: dict[object, int] = {}
        self.chunks: list[Chunk] = []

    def weight(self) -> float:
        n = len(self.chars)
        total = sum(self.chars.values())
        if n < MIN_ITEMS or not total:
            return 0.0
        mean = total / n
        if mean < MENU_CHARS:
            return 0.0
        if not self.shape[1] and not _built_alike(self.chars):
            # Alike in their tag alone, the items must be built alike: a sidebar's boxes
            # (a category list, a tag cloud, an archive) are not.
            return 0.0
        short = min(1.0, mean / ITEM_CHARS)
        return total * min(1.0, n / FULL_ITEMS) * short

    def linked(self) -> float:
        """The share of the items that link somewhere (the entries of a plain list count all)."""
        elements = [el for el in self.chars if isinstance(el, html.HtmlElement)]
        if not elements:
            return 1.0
        linking = sum(1 for el in elements if el.tag == "a" or _LINK(el))
        return linking / len(elements)


_LINK = etree.XPath("boolean(.//a[@href])")


def _built_alike(items: dict[object, int]) -> bool:
    """Do most of the items hold the same kinds of elements (a template's cards)?"""
    kinds = Counter(
        frozenset(str(child.tag) for child in el if isinstance(child.tag, str))
        for el in items
        if isinstance(el, html.HtmlElement)
    )
    if not kinds:
        return True  # the entries of a plain list
    return kinds.most_common(1)[0][1] >= ALIKE_SHARE * len(items)


def _around(el: html.HtmlElement, clutter: set[html.HtmlElement]) -> str | None:
    """Is the element page chrome, a widget, hidden, or a place around the list (a menu)?"""
    if el.tag in CHROME_TAGS and not _item_head(el):
        return "chrome"
    if el not in clutter:
        return None
    names = tokens(f"{el.get('class', '')} {el.get('id', '')}")
    if not names.isdisjoint(_WIDGETS):
        return "widget"
    classes = (el.get("class") or "").lower().split()
    if not HIDING_CLASSES.isdisjoint(classes) and not any(":" in c for c in classes):
        # Hidden by its class until a script shows it: a quick-view copy of every card, a
        # comparison drawer ("hidden md:block" is shown on wide screens, as the page was read).
        return "hidden"
    if el.get("role") in ("navigation", "banner", "contentinfo"):
        return "place"
    places = _place_words(f"{el.get('class', '')} {el.get('id', '')}")
    if places:
        return "control" if places <= _CONTROLS else "place"
    return None


#: Words naming a control's own parts: a place word before one of them modifies it, and the
#: element is no such place ("dark-nav-btns" styles a carousel's arrows; "menu-toggle" is a
#: button).
_PARTS = frozenset(
    {
        "btn", "btns", "button", "buttons", "arrow", "arrows", "dots", "icon", "icons",
        "toggle", "toggler", "trigger",
    }
)  # fmt: skip


@lru_cache(maxsize=4096)
def _place_words(names: str) -> frozenset[str]:
    """The words of an element's class/id names that name a place around a list (``_PLACES``),
    less those that only modify the name of a part."""
    found: set[str] = set()
    for name in names.split():
        parts = [t.lower() for t in TOKEN_SPLIT.split(name) if t]
        for i, part in enumerate(parts):
            if part in _PLACES and not (i + 1 < len(parts) and parts[i + 1] in _PARTS):
                found.add(part)
    return frozenset(found)


def _item_head(el: html.HtmlElement) -> bool:
    """A <header> or <footer> inside an <article>: an item's title and by-line, not the page's."""
    return el.tag in ("header", "footer") and any(a.tag == "article" for a in el.iterancestors())


_Key = tuple[html.HtmlElement, tuple[str, str]]
_Step = tuple[html.HtmlElement | None, tuple[_Key, ...]]


def _step(el: html.HtmlElement) -> _Step:
    """An element's parent and the keys of the runs it is an item of."""
    parent = el.getparent()
    if parent is None or el.tag in _PART_TAGS:
        return parent, ()
    own_shape = _shape(el)
    # Grid cells differ in their width classes ("col-md-8", "col-md-4"): items alike in
    # their tag alone are a run too.
    shapes = (own_shape, (own_shape[0], "")) if own_shape[1] else (own_shape,)
    return parent, tuple((parent, shape) for shape in shapes)


def _runs(chunks: list[Chunk], outside: set[int]) -> list[_Run]:
    runs: dict[_Key, _Run] = {}
    lists: list[_Run] = []
    steps: dict[html.HtmlElement, _Step] = {}
    for chunk in chunks:
        if id(chunk) in outside:
            continue
        if chunk.type == "list" and len(chunk.items) >= MIN_ITEMS:
            # The items of a plain list are no elements of their own: the list is a run.
            own = _Run(chunk.el, ("li", ""))
            own.chars = {i: len(item) for i, item in enumerate(chunk.items)}
            own.chunks.append(chunk)
            lists.append(own)
        size = chunk.size
        el: html.HtmlElement | None = chunk.el
        while el is not None:
            # Chunks share most of their ancestors: each element's keys are worked out once.
            step = steps.get(el)
            if step is None:
                step = steps[el] = _step(el)
            parent, keys = step
            if parent is None:
                break
            for key in keys:
                run = runs.get(key)
                if run is None:
                    run = runs[key] = _Run(parent, key[1])
                run.chars[el] = run.chars.get(el, 0) + size
                run.chunks.append(chunk)
            el = parent
    return lists + [r for r in runs.values() if len(r.chars) >= MIN_ITEMS]


#: An element holding this share of the page's text is a wrapper of the page, whatever its name.
WRAPPER_SHARE = 0.5


def _outside(
    chunks: list[Chunk],
    clutter: set[html.HtmlElement],
    spared: Container[html.HtmlElement] | None = (),
) -> set[int]:
    """The chunks inside page chrome or a control around the list.

    Boxes named for a control are not in it when ``spared`` holds them (None: all of them).
    """
    held: dict[html.HtmlElement, int] = {}
    total = 0
    lines = [(chunk, (chunk.el, *chunk.el.iterancestors())) for chunk in chunks]
    for chunk, line in lines:
        size = chunk.size
        total += size
        for el in line:
            held[el] = held.get(el, 0) + size
    judged: dict[html.HtmlElement, bool] = {}
    out: set[int] = set()
    for chunk, line in lines:
        for el in line:
            verdict = judged.get(el)
            if verdict is None:
                kind = _around(el, clutter)
                if kind == "control":
                    kind = None if spared is None or el in spared else "place"
                verdict = kind is not None
                if kind == "place" and el.find(".//main") is not None:
                    # No menu holds the page's main part: a layout's wrapper of the main part
                    # and a sidebar beside it ("content-sidebar-wrap") is named for both.
                    verdict = False
                elif kind == "place" and held[el] >= WRAPPER_SHARE * total:
                    # A menu larger than the page does not hold its heading either.
                    verdict = el.find(".//h1") is None
                judged[el] = verdict
            if verdict:
                out.add(id(chunk))
                break
    return out


def items(
    chunks: list[Chunk],
    located: Located,
    clutter: set[html.HtmlElement] | None = None,
    *,
    typed: bool = True,
    ratio: float = PROSE_RATIO,
) -> Located | None:
    """The page's items, its heading and intro, and the prose locate found beside them.

    The prose stays: a category page's description is content as much as its items.  What
    lies in the page's chrome, its menus and its widgets does not, whoever chose it.

    ``typed`` says the page was typed a listing or a collection.  Any other page is read as
    a list only when its items outweigh the prose locate found ``ratio`` times, and are not
    the "more stories" under an article; None when it is not a list.
    """
    outside = _outside(chunks, clutter or set())
    runs = _runs(chunks, outside)
    best = max(runs, key=_linked_weight if typed else _Run.weight, default=None)
    if typed:
        outside, runs, best = _in_control(chunks, clutter or set(), outside, runs, best)
    if best is None or best.weight() <= 0:
        return located if typed else None
    prose = sum(max(chunk_score(c), 0.0) for c in located.chunks)
    if not typed and (best.weight() <= ratio * prose or _below_article(chunks, located, best)):
        return None
    lists = (best, *_kin(runs, best))
    kept = {id(c) for r in lists for c in r.chunks}
    kept |= {id(c) for c in located.chunks if id(c) not in outside}
    first = next(i for i, c in enumerate(chunks) if id(c) in kept)
    kept |= {id(c) for c in _intro(chunks[:first], outside)}
    if typed:
        # The buttons each card repeats ("Quick view", "Add to cart") are the template's...
        kept -= {id(c) for c in chunks if id(c) in kept and control_label(c)}
    for run in lists:
        # ...and so are the lines it prints word for word on every card, on any page read
        # as a list.
        kept -= template_lines(run.chars, run.chunks)
    return Located(best.parent, [c for c in chunks if id(c) in kept])


#: A list inside a box named for a control outweighs the best list outside it this many times.
CONTROL_RATIO = 2.0


def _in_control(
    chunks: list[Chunk],
    clutter: set[html.HtmlElement],
    outside: set[int],
    runs: list[_Run],
    best: _Run | None,
) -> tuple[set[int], list[_Run], _Run | None]:
    """The list held by a box named for its pager or filters, when that is the page's list.

    A pager's links and a filter's options are short; a run of linked items far heavier than
    any list outside such boxes is the grid they page and filter, wrapped in their name.
    """
    freed = _outside(chunks, clutter, None)
    if len(freed) == len(outside):
        return outside, runs, best
    floor = CONTROL_RATIO * (_linked_weight(best) if best is not None else 0.0)
    # Only the boxes holding such a list are spared: a pager or filters beside it (or inside
    # the box) stay out.
    holders = {
        el
        for run in _runs(chunks, freed)
        if run.weight() > 0 and _linked_weight(run) > floor
        for el in (run.parent, *run.parent.iterancestors())
        if _around(el, clutter) == "control"
    }
    if not holders:
        return outside, runs, best
    spared = _outside(chunks, clutter, holders)
    spared_runs = _runs(chunks, spared)
    return spared, spared_runs, max(spared_runs, key=_linked_weight)


def _linked_weight(run: _Run) -> float:
    """A run's weight on a page typed a list, where each item links to its own page.

    A grid of boxes that link nowhere (questions and answers, a store's promises) is a
    section about the items, however much text it holds.
    """
    return run.weight() * run.linked()


def _kin(runs: list[_Run], best: _Run) -> list[_Run]:
    """The other lists built like the best one: the same items in the same kind of box.

    A page's items are often split over several boxes (the columns of an index, a guide's
    boxes of links, a front's sections), each box its own run; all of them are the content.
    """
    box = _shape(best.parent)
    kin = []
    for run in runs:
        if run is best or run.shape != best.shape or _shape(run.parent) != box:
            continue
        if run.weight() <= 0 or inside(run.parent, best.parent) or inside(best.parent, run.parent):
            continue
        kin.append(run)
    return kin


#: An article has this many paragraphs of prose; a listing's intro above its items has fewer.
ARTICLE_PARAGRAPHS = 2
#: A paragraph scoring this much in locate's vote is prose.
PROSE_PARAGRAPH = 150


def _below_article(chunks: list[Chunk], located: Located, run: _Run) -> bool:
    """Is the list wholly below prose of several paragraphs: an article's "more stories"?

    A listing's items stand beside or around what locate chose (a line of intro, a cookie
    notice), or follow no more than a paragraph of intro.
    """
    paragraphs = sum(
        1 for c in located.chunks if c.type == "paragraph" and chunk_score(c) >= PROSE_PARAGRAPH
    )
    if paragraphs < ARTICLE_PARAGRAPHS:
        return False
    order = {id(c): i for i, c in enumerate(chunks)}
    last = max((order.get(id(c), -1) for c in located.chunks), default=-1)
    return all(order.get(id(c), -1) > last for c in run.chunks)


#: The intro above a list: its heading and the lines under it, back to this many blocks.
INTRO_BLOCKS = 4


def _intro(before: list[Chunk], outside: set[int]) -> list[Chunk]:
    """The page's heading and the short text between it and the list."""
    start = None
    for i in range(len(before) - 1, -1, -1):
        c = before[i]
        if c.type == "heading" and c.level == 1 and id(c) not in outside:
            start = i
            break
    if start is None or len(before) - start > INTRO_BLOCKS:
        return []
    return [c for c in before[start:] if id(c) not in outside]

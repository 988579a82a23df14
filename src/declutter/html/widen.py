"""After locate: what readers of each kind of page call the content.

Locate finds the one element with the most prose, which is the article on an article page.  On a
forum thread that is one post (the longest answer); the thread is every post, in order (see
posts.py).  A listing is its items, a product or service page every section of it.
"""

from __future__ import annotations

import re

from lxml import html

from ..model import PageType
from ..patterns import CLUTTER_PREFIX, CLUTTER_TOKENS, tokens
from .chunk import Chunk
from .items import items
from .locate import Located
from .posts import thread
from .shape import inside as _inside
from .shape import link_share as _link_share
from .shape import shape_of as _shape
from .strip import layout_name
from .vote import chunk_score

#: A <noscript> holding this much text may be the page itself (an app's crawler view).
NOSCRIPT_CHARS = 500
_HIDDEN_TEXT = ("script", "style", "noscript", "template")


def reveal_noscript(root: html.HtmlElement) -> bool:
    """Unwrap a <noscript> that holds more text than the rest of the page.

    Single-page apps (forum engines among them) render the thread with scripts and put the
    crawler's copy of it in <noscript>; stripping that leaves an empty page.
    """
    big = [n for n in root.iter("noscript") if len(n) and len(n.text_content()) >= NOSCRIPT_CHARS]
    if not big:
        return False
    body = root.find("body")
    if body is None:
        return False
    hidden = sum(len(el.text_content()) for el in body.iter(*_HIDDEN_TEXT))
    visible = len(body.text_content()) - hidden
    largest = max(big, key=lambda n: len(n.text_content()))
    if len(largest.text_content()) <= visible:
        return False
    for node in big:
        if node.getparent() is not None and not any(
            a.tag == "noscript" for a in node.iterancestors()
        ):
            node.drop_tag()
    return True


def widen(
    page_type: PageType | None,
    chunks: list[Chunk],
    located: Located,
    described: str | None = None,
    clutter: set[html.HtmlElement] | None = None,
    declared_product: bool = False,
) -> Located:
    """The located content, widened to what a page of ``page_type`` holds.

    ``page_type`` None is an article the page declares as such: it is taken as located unless
    its items far outweigh its prose.

    ``described`` is a product's description from JSON-LD: it leads the body when the visible
    text chosen does not hold it.  ``clutter`` are the elements locate left out by their names
    (newsletter boxes, share bars); widening does not take them back in.
    ``declared_product`` says the page declares one Product in its schema.org data.
    """
    if described and located.container is not None:
        located = _with_description(located, described)
    if page_type == "forum" and located.container is not None:
        posts = thread(chunks, located, clutter)
        if posts is not None:
            return posts
    if page_type in ("listing", "collection"):
        return items(chunks, located, clutter) or located
    if page_type is None:
        # A declared article may be a site's index all the same (some site builders declare
        # every page so): it is read as a list only when its items far outweigh its prose.
        return items(chunks, located, clutter, typed=False, ratio=DECLARED_RATIO) or located
    if page_type is not None and page_type not in ("forum", "product"):
        # A page typed otherwise whose items outweigh its prose is a list all the same (a
        # product page's sections and a thread's posts have their own widening).
        listed = items(chunks, located, clutter, typed=False)
        if listed is not None and page_type == "service" and located.container is not None:
            # A service page's cards (its offers, its steps) are one of its sections: the
            # others (the intro, the FAQ, the pricing) stand beside them.
            sections = _sections(page_type, chunks, located, clutter or set())
            return _union(chunks, listed, sections)
        if listed is not None:
            return listed
    if page_type == "product" and not declared_product and _found(located) < WEAK_CHARS:
        # Typed a product by its cart and prices alone, with next to no prose of its own: a
        # shop's category grid is typed so as often as one product, and its items tell.
        listed = items(chunks, located, clutter, typed=False)
        if listed is not None:
            return listed
    if page_type in ("service", "product") and located.container is not None:
        return _sections(page_type, chunks, located, clutter or set())
    if page_type is not None and _found(located) < WEAK_CHARS:
        # Next to nothing was found: the page may be a list the type did not recognise.
        return _with_items(chunks, located, WEAK_ITEMS_SHARE)
    return located


def _union(chunks: list[Chunk], first: Located, second: Located) -> Located:
    """The chunks of both answers in document order, in the first answer's container.

    A lead that is no chunk of the page (a description read from JSON-LD) stays in front.
    """
    on_page = {id(c) for c in chunks}
    keep = {id(c) for c in first.chunks} | {id(c) for c in second.chunks}
    lead = [c for c in (*first.chunks, *second.chunks) if id(c) not in on_page]
    lead = list({id(c): c for c in lead}.values())
    return Located(first.container, lead + [c for c in chunks if id(c) in keep])


def _found(located: Located) -> int:
    return sum(c.size for c in located.chunks)


#: A list of items has at least this many, each with a link.
MIN_ITEMS = 3
#: Items carry text besides their link (a price, a date, a summary): a menu does not.
ITEM_PLAIN_SHARE = 0.15
#: The items are added when they hold this share of the text locate chose, or more.
ITEMS_SHARE = 1.0
#: A page declaring itself an article is a list when its items weigh this many times its prose.
DECLARED_RATIO = 2.0
#: Below this much text the located answer is weak, whatever the page type.
WEAK_CHARS = 600
#: ...and a list of items this many times larger than it is taken as the content.
WEAK_ITEMS_SHARE = 3.0
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})


class _Group:
    """Sibling elements of one shape under one parent, and the chunks inside them."""

    __slots__ = ("chunks", "items", "linked", "size")

    def __init__(self) -> None:
        self.items: set[html.HtmlElement] = set()
        self.chunks: list[Chunk] = []
        self.size = 0
        self.linked = 0


def _item_groups(chunks: list[Chunk]) -> list[_Group]:
    """Every run of alike siblings (same parent, tag and class) with the chunks under them."""
    # Keyed by the parent element itself, not by its id(): lxml makes an element's Python
    # object afresh when asked and frees it when no longer held, so the id() of one not held
    # may soon be another element's, and two parents' children would count as one run.
    groups: dict[tuple[html.HtmlElement, tuple[str, str]], _Group] = {}
    lists: list[_Group] = []
    for chunk in chunks:
        if chunk.type == "list" and len(chunk.items) >= MIN_ITEMS:
            # A list is a run of items by itself; its items are not elements of their own.
            group = _Group()
            group.items.add(chunk.el)
            group.chunks.append(chunk)
            group.size = chunk.size
            group.linked = min(sum(chunk.item_links), chunk.size)
            lists.append(group)
        el: html.HtmlElement | None = chunk.el
        while el is not None:
            parent = el.getparent()
            if parent is None or el.tag in _CHROME_TAGS:
                break
            shape = _shape(el)
            if shape is not None:
                group = groups.setdefault((parent, shape), _Group())
                group.items.add(el)
                group.chunks.append(chunk)
                group.size += chunk.size
                group.linked += min(int(_link_share(chunk) * chunk.size), chunk.size)
            el = parent
    return lists + [g for g in groups.values() if len(g.items) >= MIN_ITEMS]


def _in_chrome(el: html.HtmlElement) -> bool:
    return any(a.tag in _CHROME_TAGS for a in el.iterancestors())


def _with_items(chunks: list[Chunk], located: Located, share: float = ITEMS_SHARE) -> Located:
    """The located text plus the largest list of items (cards, rows) on the page."""
    best: _Group | None = None
    for group in _item_groups(chunks):
        if group.size - group.linked < ITEM_PLAIN_SHARE * group.size:
            continue
        if best is None or group.size > best.size:
            best = group
    if best is None or _in_chrome(next(iter(best.items))):
        return located
    found = sum(c.size for c in located.chunks)
    if best.size < share * found:
        return located
    keep = {id(c) for c in located.chunks} | {id(c) for c in best.chunks}
    return Located(located.container, [c for c in chunks if id(c) in keep])


#: The description counts as shown when this share of its words is in the located text.
SHOWN_SHARE = 0.5
_WORDS = re.compile(r"\w+")


def _with_description(located: Located, described: str) -> Located:
    """Put a product description that the chosen text lacks at the head of the body."""
    wanted = [w.lower() for w in _WORDS.findall(described)]
    if not wanted:
        return located
    have = {w.lower() for c in located.chunks for w in _WORDS.findall(_chunk_text(c))}
    if sum(w in have for w in wanted) >= SHOWN_SHARE * len(wanted):
        return located
    assert located.container is not None
    lead = [Chunk("paragraph", located.container, text=line) for line in described.splitlines()]
    return Located(located.container, lead + located.chunks)


def _chunk_text(chunk: Chunk) -> str:
    if chunk.type == "list":
        return " ".join(chunk.items)
    if chunk.type == "table":
        return " ".join(cell for row in chunk.rows for cell in row)
    return chunk.text


#: The sections of a service or product page hold this share of the page's prose together.
SECTIONS_SHARE = 0.85
#: A block this linked is a menu or a link row, whatever section it stands in.
SECTION_LINK_DENSITY = 0.5


def _sections(
    page_type: PageType, chunks: list[Chunk], located: Located, clutter: set[html.HtmlElement]
) -> Located:
    """Every section of the page, not only the one with the most prose.

    Climbs from the chosen element to the first ancestor (the body at most) that holds nearly
    all of the page's prose outside its header, footer, menus and asides, and keeps its blocks
    that are not link rows.
    """
    chosen = located.container
    if chosen is None:
        return located
    # Locate may have chosen prose inside a wrapper named only for its layout ("gallery",
    # "slider"): the sections beside it sit in wrappers built from the same template.
    forgiven = {el for el in (chosen, *chosen.iterancestors()) if el in clutter and layout_name(el)}
    names = {_first_name(el) for el in forgiven} - {None}
    clutter = {el for el in clutter if el not in forgiven and _first_name(el) not in names}
    if page_type == "service":
        # A service page builds its sections as banners, sliders and carousels; a product
        # page's carousels are its recommendations, and stay out.
        clutter = {el for el in clutter if not layout_name(el)}
    elif page_type == "product":
        # A product page heads its own sections with boxes named for it ("section-header",
        # "product-header": a section's title and intro, the product's name and maker): those
        # are content there, unlike a site's header, which is chrome by its tag or stands
        # outside the sections.
        clutter = {el for el in clutter if not _section_head(el)}
    held: dict[html.HtmlElement, float] = {}
    votes: dict[int, float] = {}
    for chunk in chunks:
        path = [chunk.el, *chunk.el.iterancestors()]
        if any(node.tag in _CHROME_TAGS or node in clutter for node in path):
            continue
        vote = votes[id(chunk)] = max(chunk_score(chunk), 0.0)
        if vote:
            for node in path:
                held[node] = held.get(node, 0.0) + vote
    total = sum(votes.values())
    el: html.HtmlElement | None = chosen
    while el is not None:
        if held.get(el, 0.0) >= SECTIONS_SHARE * total:
            break
        el = el.getparent()
    # The body may be that ancestor: sections often sit straight under it, and what else it
    # holds (header, footer, menus, clutter-named boxes) was left out of the votes above.  So
    # may the chosen element itself: its sections that locate trimmed are taken back.
    if el is None or total <= 0:
        return located
    kept = {id(c) for c in located.chunks}
    # A description read from JSON-LD leads the body; it is no chunk of the page.
    on_page = {id(c) for c in chunks}
    picked = [c for c in located.chunks if id(c) not in on_page]
    picked += [
        c
        for c in chunks
        if id(c) in kept
        or (
            id(c) in votes
            and _within(c.el, el)
            and (c.type == "image" or _link_share(c) <= SECTION_LINK_DENSITY)
        )
    ]
    return Located(el, picked)


def _section_head(el: html.HtmlElement) -> bool:
    """Whether a box's only clutter word is "header" (its other words name no widget)."""
    found = tokens(f"{el.get('class', '')} {el.get('id', '')}")
    return (
        el.tag not in _CHROME_TAGS
        and found & CLUTTER_TOKENS == {"header"}
        and not any(CLUTTER_PREFIX.match(t) for t in found)
    )


def _within(el: html.HtmlElement, outer: html.HtmlElement) -> bool:
    return el is outer or _inside(el, outer)


def _first_name(el: html.HtmlElement) -> tuple[str, str] | None:
    """An element's tag and first class: what blocks built from one template share."""
    classes = (el.get("class") or "").split()
    return (str(el.tag), classes[0]) if classes else None

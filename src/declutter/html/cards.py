"""Other products' cards on a product page: the recommendations laid out around it.

A product page shows, beside its own description, rows of other products ("related items",
"customers also bought", "more from this shop", "recently viewed", "sponsored").  Each is a
card built from one template: a linked name, a price, a badge or a rating.  The card's linked
name is left out as a link row, but its price, badge and delivery lines are plain text and
would stay; a shop that lays out a dozen such rows under a short description has more card
text than description, and locate would take the cards for the content.  The product's own
sections (features, specifications, its story) are laid out alike too, but they do not each
link elsewhere with a price of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree, html

from .chunk import Chunk
from .locate import Located
from .shape import inside, under

#: A row of cards has at least this many.
MIN_CARDS = 3
#: This share of a parent's children of one tag link elsewhere and show a price: a row of
#: products.
CARD_SHARE = 0.75
#: A card holds at most this many characters on average: a name, a price, a badge and the
#: small print of an advertiser, not a section of prose.
CARD_CHARS = 1000
#: A price: a currency sign or code beside a figure.
_CODES = (
    r"USD|EUR|GBP|CHF|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|JPY|CNY|INR|BRL|MXN|RUB|kr|zł|Kč|Ft|lei"
)
_PRICE = re.compile(rf"[$€£¥₹₩₽]\s?\d|\d\s?[$€£¥₹₩₽]|\b(?:{_CODES})\s?\d|\d\s?(?:{_CODES})\b")
#: A card links to its product (a script may follow the link: no href needed).
_LINK = etree.XPath("boolean(descendant-or-self::a)")
#: When less than this share of the located text is left outside the cards, locate took the
#: cards for the content: the product's own text is looked for again without them.
LEFT_SHARE = 0.5
#: What is found past the cards holds at least this many characters, or the cards stay.
FOUND_CHARS = 250


def card_rows(chunks: list[Chunk], root: html.HtmlElement) -> set[html.HtmlElement]:
    """The cards of the rows of other products that hold some of ``chunks``."""
    headline = next(root.iter("h1"), None)
    seen: set[tuple[html.HtmlElement, str]] = set()
    rows: set[html.HtmlElement] = set()
    for chunk in chunks:
        el: html.HtmlElement = chunk.el
        if chunk.type == "list" and (el, "li") not in seen:
            # A list chunk's items are no chunks of their own: they may be the cards.
            seen.add((el, "li"))
            cards = _cards(el, "li", headline)
            if cards:
                rows.update(cards)
                continue
        for parent in el.iterancestors():
            key = (parent, str(el.tag))
            if key not in seen:
                seen.add(key)
                cards = _cards(parent, el.tag, headline)
                if cards:
                    rows.update(cards)
                    break
            el = parent
    return rows


def _cards(
    parent: html.HtmlElement, tag: object, headline: html.HtmlElement | None
) -> list[html.HtmlElement]:
    """The children of ``parent`` with ``tag`` when they are a row of priced cards."""
    siblings = [c for c in parent if c.tag == tag]
    if len(siblings) < MIN_CARDS:
        return []
    if headline is not None and under(headline, siblings):
        return []
    misses = int((1 - CARD_SHARE) * len(siblings))
    budget = CARD_CHARS * len(siblings)
    for sibling in siblings:
        # Stop at the first sibling that shows the row is no cards' (most rows are not).
        text = sibling.text_content()
        # Words at about six characters each: markup pads a card's text with white space.
        budget -= 6 * len(text.split())
        if budget < 0:
            return []
        if _PRICE.search(text) is None or not _LINK(sibling):
            misses -= 1
            if misses < 0:
                return []
    return siblings


def without_other_products(
    located: Located, root: html.HtmlElement
) -> tuple[Located, set[html.HtmlElement], bool]:
    """The located content of a product page less rows of other products, the cards left
    out, and whether they were most of it (then the located content is left whole)."""
    rows = card_rows(located.chunks, root)
    if not rows:
        return located, set(), False
    left = outside_cards(located.chunks, rows)
    if sum(c.size for c in left) < LEFT_SHARE * sum(c.size for c in located.chunks):
        return located, rows, True
    return Located(located.container, _untitled(located.chunks, rows)), rows, False


def _untitled(chunks: list[Chunk], rows: set[html.HtmlElement]) -> list[Chunk]:
    """The chunks outside the cards and the headings that title them."""
    dropped = of_other_products(chunks, rows)
    return [c for c in chunks if id(c) not in dropped]


def of_other_products(chunks: list[Chunk], rows: set[html.HtmlElement]) -> set[int]:
    """The ids of the chunks that stand in the cards, or head a row of them ("Customers also
    bought", "Similar items"): a heading followed by a card."""
    out: set[int] = set()
    for i, chunk in enumerate(chunks):
        after = chunks[i + 1] if i + 1 < len(chunks) else None
        if _in_cards(chunk, rows) or (
            chunk.type == "heading" and after is not None and _in_cards(after, rows)
        ):
            out.add(id(chunk))
    return out


def past_cards(
    chunks: list[Chunk],
    located: Located,
    root: html.HtmlElement,
    declared: bool,
    find: Callable[[list[Chunk]], Located],
) -> tuple[Located, set[html.HtmlElement]]:
    """A product page's located content less the rows of other products' cards, and the cards
    left out.

    When the cards were most of it, locate took them for the content (they outweigh a short
    description): ``find`` looks again among the chunks outside them, and what it finds is kept
    if it holds the product's name (the page's <h1>).  Only on a page ``declared`` to be one
    Product: a page declaring none may be a shop's grid, whose cards are its content.
    """
    trimmed, cards, mostly = without_other_products(located, root)
    if not mostly:
        return trimmed, cards
    if not declared:
        return located, set()
    again = find(outside_cards(chunks, cards))
    if sum(c.size for c in again.chunks) < FOUND_CHARS or not _names_product(root, again):
        return located, set()
    again, more, mostly = without_other_products(again, root)
    return again, cards | (set() if mostly else more)


def _names_product(root: html.HtmlElement, located: Located) -> bool:
    """Whether the located content holds the page's first <h1>."""
    h1 = next(root.iter("h1"), None)
    if h1 is None or located.container is None:
        return False
    return h1 is located.container or inside(h1, located.container)


def outside_cards(chunks: list[Chunk], rows: set[html.HtmlElement]) -> list[Chunk]:
    """The chunks that stand in none of the cards."""
    return [c for c in chunks if not _in_cards(c, rows)]


def _in_cards(chunk: Chunk, rows: set[html.HtmlElement]) -> bool:
    if chunk.type == "list" and any(item in rows for item in chunk.el):
        return True
    return under(chunk.el, rows)

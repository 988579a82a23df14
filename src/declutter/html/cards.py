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

from lxml import etree, html

from .chunk import Chunk
from .locate import Located
from .shape import under

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
#: When less than this share of the located text is left outside the cards, the product's own
#: text was not found (its description is in a frame, or the page is a shop's grid typed as
#: one product): the cards are all the page has to say, and stay.
LEFT_SHARE = 0.5


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
) -> tuple[Located, set[html.HtmlElement]]:
    """The located content of a product page less rows of other products, and the cards left
    out (none when they are most of it)."""
    rows = card_rows(located.chunks, root)
    if not rows:
        return located, set()
    left = [c for c in located.chunks if not _in_cards(c, rows)]
    if sum(c.size for c in left) < LEFT_SHARE * sum(c.size for c in located.chunks):
        return located, set()
    return Located(located.container, left), rows


def _in_cards(chunk: Chunk, rows: set[html.HtmlElement]) -> bool:
    if chunk.type == "list" and any(item in rows for item in chunk.el):
        return True
    return under(chunk.el, rows)

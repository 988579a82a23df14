"""What each card of a list prints for its template, not for its item.

Controls: "Quick view", "Add to cart", "+ Wishlist".

A shop's or a job board's cards carry the same buttons each ("Apply now", "Add to compare"),
drawn as links or boxes styled as buttons rather than as <button> elements (which strip drops).
Their labels are short, hold no figures, and sit in an element named for a button or an action;
they are the template's, not the item's.  A short line with a figure is a count ("Star 194k",
"Compare (3)") and stays.

Template lines: a short line printed word for word on nearly every card (the brand of a
one-brand shop, "View company profile", a per-unit note) says nothing about any one item.  A
label ending in a colon stays (its value beside it differs from card to card), and so does a
line with a figure (a price, a count).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lxml import html

from ..patterns import CONTROL_TOKENS, tokens
from .chunk import Chunk

#: A control's label is this many words at most.
LABEL_WORDS = 4
#: The label's element and its parent are looked at for the button's name.
NAMED_LEVELS = 2


def control_label(chunk: Chunk) -> bool:
    """Is the chunk a button's label on a card (see the module docstring)?"""
    if chunk.type != "paragraph":
        return False
    text = chunk.text
    if len(text.split()) > LABEL_WORDS or any(ch.isdigit() for ch in text):
        return False
    el = chunk.el
    for _ in range(NAMED_LEVELS):
        if el is None:
            break
        if _control_names(el.get("class") or ""):
            return True
        el = el.getparent()
    # The button may be an inline element inside the block ("<div><a class='btn'>…</a></div>")
    # when it holds all of the block's text.
    label = text.strip()
    return any(
        _control_names(d.get("class") or "") and d.text_content().strip() == label
        for d in chunk.el.iterdescendants()
        if isinstance(d.tag, str)
    )


@lru_cache(maxsize=4096)
def _control_names(names: str) -> bool:
    return not tokens(names).isdisjoint(CONTROL_TOKENS)


#: A line printed on this share of a list's cards, word for word, is the template's...
TEMPLATE_SHARE = 0.8
#: ...on a list of this many cards at least...
TEMPLATE_CARDS = 5
#: ...and a line of this many words at most.
TEMPLATE_WORDS = 3


def template_lines(cards: Iterable[object], chunks: Iterable[Chunk]) -> set[int]:
    """The ids of the chunks printing the same short line on nearly every card.

    ``cards`` are a list's items (elements; other keys are ignored), ``chunks`` the chunks
    inside them.
    """
    items = {el for el in cards if isinstance(el, html.HtmlElement)}
    if len(items) < TEMPLATE_CARDS:
        return set()
    on: dict[str, set[html.HtmlElement]] = {}
    printed: dict[str, list[int]] = {}
    for chunk in chunks:
        line = chunk.text.strip()
        if chunk.type != "paragraph" or not line or line.endswith(":"):
            continue
        if len(line.split()) > TEMPLATE_WORDS or any(ch.isdigit() for ch in line):
            continue
        card = next((a for a in (chunk.el, *chunk.el.iterancestors()) if a in items), None)
        if card is None:
            continue
        key = line.casefold()
        on.setdefault(key, set()).add(card)
        printed.setdefault(key, []).append(id(chunk))
    return {
        i
        for key, where in on.items()
        if len(where) >= TEMPLATE_SHARE * len(items)
        for i in printed[key]
    }

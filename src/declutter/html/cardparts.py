"""The controls printed on each card of a list: "Quick view", "Add to cart", "+ Wishlist".

A shop's or a job board's cards carry the same buttons each ("Apply now", "Add to compare"),
drawn as links or boxes styled as buttons rather than as <button> elements (which strip drops).
Their labels are short, hold no figures, and sit in an element named for a button or an action;
they are the template's, not the item's.  A short line with a figure is a count ("Star 194k",
"Compare (3)") and stays.
"""

from __future__ import annotations

from functools import lru_cache

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

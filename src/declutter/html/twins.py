"""Tree: drop the second copy of a label printed twice over, once for the eye and once for
screen readers.

Shops print a card's title, price and dates twice: a copy hidden from screen readers
(``aria-hidden``) beside a copy clipped out of sight for them, or the visible text followed by
its clipped twin inside the same element.  Where hidden elements are kept (pages that fold their
content into tabs, see ``strip_tree``), both copies stay and every such label reads twice,
run together ("EUR 163.12EUR 163.12").  Only one of them is ever on the screen.
"""

from __future__ import annotations

from lxml import etree, html

# A copy hidden from screen readers: its twin beside it is what they read.
_SCREEN_HIDDEN = etree.XPath("/html/body//*[@aria-hidden='true']")
# An element whose own leading text is repeated whole by its only child.
_ECHOED = etree.XPath(
    "/html/body//*[count(*) = 1 and normalize-space(text()[1]) != ''"
    " and normalize-space(text()[1]) = normalize-space(*)]"
)
_TEXT = etree.XPath("normalize-space()")


def drop_twins(root: html.HtmlElement) -> None:
    """Drop one of each pair of twin labels (see the module's docstring)."""
    for el in _SCREEN_HIDDEN(root):
        if el.getparent() is None:
            continue
        text = _TEXT(el)
        if text and any(_TEXT(s) == text for s in _beside(el)):
            el.drop_tree()
    for el in _ECHOED(root):
        child = el[0]
        if not (child.tail or "").strip() and el.getparent() is not None:
            child.drop_tree()


def _beside(el: html.HtmlElement) -> list[html.HtmlElement]:
    return [s for s in (el.getprevious(), el.getnext()) if s is not None and isinstance(s.tag, str)]

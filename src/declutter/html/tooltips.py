"""Tree: drop tooltips, the help text a shop opens over a label when it is pointed at."""

from __future__ import annotations

from lxml import etree, html

# By role, or by a class spelling the word out ("tooltip", "tool-tip__content", "Tooltip").
_TOOLTIPS = etree.XPath(
    "/html/body//*[@role='tooltip'"
    " or contains(translate(@class, 'TOLIP', 'tolip'), 'tooltip')"
    " or contains(translate(@class, 'TOLIP', 'tolip'), 'tool-tip')]"
)


def drop_tooltips(root: html.HtmlElement) -> None:
    """Drop the tooltips of a product page.

    A product page explains its specification's labels ("Driver type", "Cup style") and its
    badges in tooltips, hidden until pointed at: kept with the hidden panels, each would read
    into the label it explains.  What the page says of the product is in the labels' values.
    """
    for el in _TOOLTIPS(root):
        if el.getparent() is not None:
            el.drop_tree()

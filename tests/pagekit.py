"""Small pages and stage runs shared by the tests of list reading and product pages."""

from __future__ import annotations

from declutter.html.items import items
from declutter.html.locate import locate
from declutter.html.parse import parse_html
from declutter.html.segment import segment
from declutter.html.strip import clutter_elements, strip_tree


def items_text(page: str) -> str:
    """The text the item search keeps of ``page``, one chunk a line."""
    root = strip_tree(parse_html(page))
    chunks = segment(root)
    clutter = clutter_elements(root)
    found = items(chunks, locate(chunks, clutter), clutter)
    return "\n".join(c.text for c in found.chunks)


def product_page(body: str) -> str:
    """A page declaring one schema.org Product (a mug), ``body`` under its ``<h1>``."""
    return (
        "<html><head><title>Speckle mug</title>"
        '<meta property="og:type" content="product">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "Product", "name": "Speckle mug", "offers": {"@type": "Offer", '
        '"price": "60.00", "priceCurrency": "USD"}}</script>'
        f"</head><body><main><h1>Speckle mug</h1>{body}</main></body></html>"
    )

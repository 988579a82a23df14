"""Small pages and stage runs shared by the tests of list reading and product pages."""

from __future__ import annotations

import declutter
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


def extract_product(body: str) -> declutter.Article:
    """``body`` on the mug's page, extracted; the page must be read as a product."""
    article = declutter.extract(product_page(body), url="https://shop.example/products/mug")
    assert article.page_type == "product"
    return article


MUG_DESCRIPTION = (
    "A wheel thrown stoneware mug with a matte speckled glaze outside and a clear glazed "
    "interior, made by hand in our studio and fired twice for strength. "
)
MUG_STORY = (
    "Every mug starts as a pound of local clay, thrown on the wheel, trimmed the next morning, "
    "dipped in glaze and fired again until the speckles rise through the surface. "
)


def card_row(n: int, price: bool = True) -> str:
    """``n`` cards of other products (a bowl each: name link, badge, price), as list items."""
    return "".join(
        f"<li class='card'><a href='/products/{k}'>Bowl number {k}</a>"
        f"<span class='badge'>Handmade in small batches</span>"
        f"{f'<span>${20 + k}.00</span>' if price else ''}</li>"
        for k in range(n)
    )

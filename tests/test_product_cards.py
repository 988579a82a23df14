"""Product pages: rows of other products' cards stay out, the product's own sections stay in."""

from __future__ import annotations

import declutter
from declutter.html.cards import card_rows, without_other_products
from declutter.html.locate import Located
from declutter.html.parse import parse_html
from declutter.html.segment import segment

_DESCRIPTION = (
    "A wheel thrown stoneware mug with a matte speckled glaze outside and a clear glazed "
    "interior, made by hand in our studio and fired twice for strength. "
)
_STORY = (
    "Every mug starts as a pound of local clay, thrown on the wheel, trimmed the next morning, "
    "dipped in glaze and fired again until the speckles rise through the surface. "
)


def _product_page(body: str) -> str:
    return (
        "<html><head><title>Speckle mug</title>"
        '<meta property="og:type" content="product">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "Product", "name": "Speckle mug", "offers": {"@type": "Offer", '
        '"price": "60.00", "priceCurrency": "USD"}}</script>'
        f"</head><body><main><h1>Speckle mug</h1>{body}</main></body></html>"
    )


def _extract(body: str) -> str:
    article = declutter.extract(_product_page(body), url="https://shop.example/products/mug")
    assert article.page_type == "product"
    return article.text


def _cards(n: int, price: bool = True) -> str:
    return "".join(
        f"<li class='card'><a href='/products/{k}'>Bowl number {k}</a>"
        f"<span class='badge'>Handmade in small batches</span>"
        f"{f'<span>${20 + k}.00</span>' if price else ''}</li>"
        for k in range(n)
    )


def test_a_row_of_other_products_stays_out() -> None:
    body = (
        f"<div class='description'><p>{_DESCRIPTION}</p><p>{_STORY}</p></div>"
        f"<div class='more'><h2>You may also like</h2><ul class='grid'>{_cards(6)}</ul></div>"
    )
    root = parse_html(_product_page(body))
    assert len(card_rows(segment(root), root)) == 6
    text = _extract(body)
    assert "wheel thrown stoneware" in text
    assert "$21.00" not in text
    assert "small batches" not in text


def test_alike_sections_without_prices_are_the_products_own() -> None:
    features = "".join(
        f"<div class='feature'><h3>Feature {k}</h3><p>{_STORY}</p></div>" for k in range(4)
    )
    root = parse_html(_product_page(f"<p>{_DESCRIPTION}</p><div class='features'>{features}</div>"))
    assert not card_rows(segment(root), root)
    assert (
        _extract(f"<p>{_DESCRIPTION}</p><div class='features'>{features}</div>").count(
            "pound of local clay"
        )
        >= 1
    )


def test_unpriced_cards_are_not_taken_for_products() -> None:
    root = parse_html(_product_page(f"<p>{_DESCRIPTION}</p><ul>{_cards(6, price=False)}</ul>"))
    assert not card_rows(segment(root), root)


def test_cards_that_are_most_of_the_page_stay() -> None:
    # Next to no text of its own was found: the cards are all the page has to say.
    root = parse_html(_product_page(f"<p>Mugs.</p><ul class='grid'>{_cards(8)}</ul>"))
    chunks = segment(root)
    located, left_out = without_other_products(Located(root, chunks), root)
    assert located.chunks == chunks
    assert not left_out
    root = parse_html(_product_page(f"<p>{_DESCRIPTION}</p><ul class='grid'>{_cards(3)}</ul>"))
    chunks = segment(root)
    located, left_out = without_other_products(Located(root, chunks), root)
    assert len(left_out) == 3
    assert [c.text for c in located.chunks] == ["Speckle mug", _DESCRIPTION.strip()]


def test_a_section_header_of_a_product_page_is_content() -> None:
    # Each section opens with a box named for the layout ("section-header"): its title and
    # tagline are the product's, whatever the name says.
    body = "".join(
        f"<section class='section-{k}'><div class='section-header'><h2>Title {k}</h2>"
        f"<p>Tagline {k}.</p></div><p>{_STORY}</p><p>{_DESCRIPTION}</p></section>"
        for k in ("story", "care")
    )
    text = _extract(body)
    assert "Title story" in text
    assert "Tagline care." in text

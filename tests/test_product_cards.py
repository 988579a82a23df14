"""Product pages: rows of other products' cards stay out, the product's own sections stay in."""

from __future__ import annotations

from pagekit import MUG_DESCRIPTION, MUG_STORY, card_row, product_page

import declutter
from declutter.html.cards import card_rows, past_cards, without_other_products
from declutter.html.chunk import Chunk
from declutter.html.locate import Located
from declutter.html.parse import parse_html
from declutter.html.segment import segment


def _extract(body: str) -> str:
    article = declutter.extract(product_page(body), url="https://shop.example/products/mug")
    assert article.page_type == "product"
    return article.text


def test_a_row_of_other_products_stays_out() -> None:
    body = (
        f"<div class='description'><p>{MUG_DESCRIPTION}</p><p>{MUG_STORY}</p></div>"
        f"<div class='more'><h2>People also viewed</h2><ul class='grid'>{card_row(6)}</ul></div>"
        f"<div class='care'><h2>Care</h2><p>{MUG_STORY}</p></div>"
    )
    root = parse_html(product_page(body))
    assert len(card_rows(segment(root), root)) == 6
    text = _extract(body)
    assert "wheel thrown stoneware" in text
    assert "$21.00" not in text
    assert "small batches" not in text
    assert "People also viewed" not in text  # the row's title goes with it


def test_alike_sections_without_prices_are_the_products_own() -> None:
    features = "".join(
        f"<div class='feature'><h3>Feature {k}</h3><p>{MUG_STORY}</p></div>" for k in range(4)
    )
    root = parse_html(
        product_page(f"<p>{MUG_DESCRIPTION}</p><div class='features'>{features}</div>")
    )
    assert not card_rows(segment(root), root)
    assert (
        _extract(f"<p>{MUG_DESCRIPTION}</p><div class='features'>{features}</div>").count(
            "pound of local clay"
        )
        >= 1
    )


def test_unpriced_cards_are_not_taken_for_products() -> None:
    root = parse_html(product_page(f"<p>{MUG_DESCRIPTION}</p><ul>{card_row(6, price=False)}</ul>"))
    assert not card_rows(segment(root), root)


def test_cards_that_are_most_of_the_located_text_are_told() -> None:
    # Next to no text of its own was found: the located text is left whole, and the caller
    # told that the cards were most of it.
    root = parse_html(product_page(f"<p>Mugs.</p><ul class='grid'>{card_row(8)}</ul>"))
    chunks = segment(root)
    located, left_out, mostly = without_other_products(Located(root, chunks), root)
    assert located.chunks == chunks
    assert len(left_out) == 8
    assert mostly
    root = parse_html(product_page(f"<p>{MUG_DESCRIPTION}</p><ul class='grid'>{card_row(3)}</ul>"))
    chunks = segment(root)
    located, left_out, mostly = without_other_products(Located(root, chunks), root)
    assert len(left_out) == 3
    assert not mostly
    assert [c.text for c in located.chunks] == ["Speckle mug", MUG_DESCRIPTION.strip()]


def test_a_section_header_of_a_product_page_is_content() -> None:
    # Each section opens with a box named for the layout ("section-header"): its title and
    # tagline are the product's, whatever the name says.
    body = "".join(
        f"<section class='section-{k}'><div class='section-header'><h2>Title {k}</h2>"
        f"<p>Tagline {k}.</p></div><p>{MUG_STORY}</p><p>{MUG_DESCRIPTION}</p></section>"
        for k in ("story", "care")
    )
    text = _extract(body)
    assert "Title story" in text
    assert "Tagline care." in text


def _buybox_page(cards: str) -> str:
    buybox = (
        "<div class='buybox'><h1>Speckle mug</h1><p>Condition: new, never used.</p>"
        "<p>Delivery: varies by country; see the shipping details before you buy.</p>"
        "<p>About this item: a stoneware mug, glazed inside, fired twice, 350 ml.</p>"
        f"<p>{MUG_DESCRIPTION}</p></div>"
    )
    page = product_page(f"{buybox}<div class='more'><h2>People also viewed</h2>{cards}</div>")
    return page.replace("<h1>Speckle mug</h1><div", "<div", 1)


def test_cards_that_outweigh_a_short_description_are_looked_past() -> None:
    # Locate takes the long rows of cards for the content; the short description beside them,
    # under the product's name, is what the page is about, found once the cards are set aside.
    cards = "".join(
        f"<div class='tile'><a href='/p/{k}'>Bowl {k}</a><p>Stoneware bowl, glazed in "
        f"speckled white, thrown by hand, made to order, ships in two weeks.</p>"
        f"<span>${20 + k}.00</span></div>"
        for k in range(12)
    )
    article = declutter.extract(_buybox_page(cards), url="https://shop.example/products/mug")
    assert article.page_type == "product"
    assert "About this item" in article.text
    assert "$25.00" not in article.text


def test_machine_identifiers_are_no_text() -> None:
    ids = " ".join(
        f"{k:08x}-d3e5-41e1-baf5-303640756ebf{k:x}X2bf8403c-6590-4d73-8b16-95f6c3ecdef8"
        for k in range(6)
    )
    text = _extract(f"<p>{MUG_DESCRIPTION}</p><p>{MUG_STORY}</p><p>{ids}</p>")
    assert "wheel thrown stoneware" in text
    assert "d3e5" not in text


def test_a_grid_declaring_no_product_keeps_itscard_row() -> None:
    root = parse_html(product_page(f"<p>Mugs.</p><ul class='grid'>{card_row(8)}</ul>"))
    chunks = segment(root)
    located = Located(root, chunks)

    def find(left: list[Chunk]) -> Located:
        raise AssertionError("a grid is not searched again")

    kept, left_out = past_cards(chunks, located, root, False, find)
    assert kept is located
    assert not left_out

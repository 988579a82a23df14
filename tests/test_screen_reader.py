"""Text written for screen readers only is not on the page readers see, and is dropped."""

from __future__ import annotations

import declutter
from declutter.html.parse import parse_html
from declutter.html.strip import strip_tree
from declutter.pagetype import page_type


def _page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


def _card(name: str, price: str) -> str:
    return (
        f"<li class='grid__item'><h3 class='card__heading'><a href='/p/{name}'>{name}</a></h3>"
        "<div class='price'><span class='visually-hidden visually-hidden--inline'>"
        f"Regular price</span><span class='price-item'>{price}</span>"
        "<small class='unit-price'><span class='sr-only'>Unit price per</span></small></div>"
        "</li>"
    )


def test_labels_for_screen_readers_leave_a_product_grid() -> None:
    cards = "".join(_card(f"Roast number {i}", f"${i}9.99") for i in range(1, 9))
    html = _page(f"<main><h1>Coffee</h1><ul class='product-grid'>{cards}</ul></main>")
    text = declutter.extract(html, url="https://shop.example/collections/coffee").text
    assert "Roast number 3" in text and "$39.99" in text
    assert "Regular price" not in text
    assert "Unit price" not in text


def test_a_label_whose_visible_twin_is_hidden_from_screen_readers_stays() -> None:
    # Shops strike the old price through for the eye (hidden from screen readers) and spell
    # it out for the ear: with the struck price dropped as hidden, the label is all there is.
    body = (
        "<p><span class='price'><del aria-hidden='true'>$20</del>"
        "<span class='screen-reader-text'>Original price was: $20.</span>"
        "<ins aria-hidden='true'>$15</ins>"
        "<span class='screen-reader-text'>Current price is: $15.</span></span></p>"
    )
    root = strip_tree(parse_html(_page(body)))
    assert "Original price was: $20." in root.text_content()
    # Where hidden elements are kept (a product page's folded tabs), the visible twin stays
    # and the label goes.
    kept = strip_tree(parse_html(_page(body)), keep_hidden=True)
    assert "Original price" not in kept.text_content()
    assert "$20" in kept.text_content()


def test_classes_that_only_begin_alike_are_not_screen_reader_text() -> None:
    body = "<p class='sr-only-focusable'>Skip</p><p class='visually-hidden-xs'>Shown wide.</p>"
    root = strip_tree(parse_html(_page(body)))
    assert "Skip" in root.text_content()
    assert "Shown wide." in root.text_content()


def test_the_page_type_pass_tells_strip_whether_to_look() -> None:
    marked = _page("<p>Price <span class='sr-only'>Regular price</span> $5</p>")
    assert page_type(parse_html(marked), None).screen_reader_classes == {"sr-only"}
    plain = page_type(parse_html(_page("<p>Price $5</p>")), None)
    assert plain.screen_reader_classes == frozenset()
    # Told that no class marks screen-reader text, strip does not look for it.
    root = strip_tree(parse_html(marked), screen_reader_classes=frozenset())
    assert "Regular price" in root.text_content()
    # Told which classes the page uses, it looks for those, as spelt.
    spelt = _page("<p>Price <span class='SR-Only'>Regular price</span> $5</p>")
    assert page_type(parse_html(spelt), None).screen_reader_classes == {"SR-Only"}
    root = strip_tree(parse_html(spelt), screen_reader_classes=frozenset({"SR-Only"}))
    assert "Regular price" not in root.text_content()

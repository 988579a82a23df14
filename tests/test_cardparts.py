"""The buttons each card of a list repeats are left out on list pages (html/cardparts.py)."""

from __future__ import annotations

import declutter


def _shop(extra: str) -> str:
    cards = "".join(
        f'<li class="product-item"><a class="product-item-link" href="/p/{i}">Grow bag set'
        f' number {i}, ten pack</a><span class="price">${12 + i}.95</span>'
        f'<div class="product-item-actions"><a class="action tocompare" href="#">Add to'
        f' Compare</a></div><a class="btn quick-view" href="#">Quick View</a>{extra}</li>'
        for i in range(10)
    )
    return (
        "<html><head><title>Garden</title></head><body><main><h1>Garden accessories</h1>"
        "<aside class='facets'><div class='filter'>Size</div><div class='filter'>Kind</div>"
        f'</aside><ol class="product-grid">{cards}</ol></main></body></html>'
    )


def test_a_cards_buttons_are_left_out_on_a_collection() -> None:
    article = declutter.extract(_shop(""), url="https://shop.example/collections/garden")
    assert article.page_type == "collection"
    text = article.text
    assert "Grow bag set number 7, ten pack" in text
    assert "$19.95" in text
    assert "Add to Compare" not in text
    assert "Quick View" not in text


def test_a_count_on_a_button_is_kept() -> None:
    """A figure on a button is a count the reader reads ("Star 194k")."""
    page = _shop('<a class="btn btn-sm" href="/stars">Star 1.2k</a>')
    article = declutter.extract(page, url="https://shop.example/collections/garden")
    assert "Star 1.2k" in article.text


def _brand_shop(per_card: str) -> str:
    cards = "".join(
        f'<li class="grid__item"><div class="card__vendor">{per_card}</div>'
        f'<h3><a href="/p/{i}">Studio headphones model {i}</a></h3>'
        f'<div class="card__price">${200 + 10 * i}.00</div><div class="card__spec">Weight:</div>'
        f'<div class="card__value">Light</div></li>'
        for i in range(8)
    )
    return (
        "<html><head><title>Headphones</title></head><body><main><h1>Headphones</h1>"
        "<aside class='facets'><div class='filter'>Brand</div><div class='filter'>Fit</div>"
        f"</aside><ul class='product-grid'>{cards}</ul></main></body></html>"
    )


def test_a_line_printed_on_every_card_is_the_templates() -> None:
    """The brand of a one-brand collection on each card says nothing about the card."""
    article = declutter.extract(_brand_shop("Acme"), url="https://shop.example/collections/acme")
    assert article.page_type in ("collection", "listing")
    lines = article.text.splitlines()
    assert "Studio headphones model 5" in lines
    assert "$250.00" in lines
    assert "Acme" not in lines
    # A label's colon says a value follows, and the value is the item's.
    assert "Weight:" in lines


def test_a_template_line_goes_on_a_page_of_another_type_read_as_a_list() -> None:
    """A page typed otherwise whose items outweigh its prose is read as a list: the line each
    card prints word for word is the template's there too."""
    cards = "".join(
        f'<div class="teaser"><h3><a href="/talks/{i}">Talk number {i} on soil and water</a>'
        f"</h3><p>How the team measured the fields in season {i}, and what changed.</p>"
        f'<div class="teaser__kind">On demand</div></div>'
        for i in range(8)
    )
    page = (
        "<html><head><title>Talks</title></head><body><main><h1>Talks</h1>"
        f"<p>Recorded sessions.</p><div class='teasers'>{cards}</div></main></body></html>"
    )
    article = declutter.extract(page)
    assert article.page_type not in ("collection", "listing")
    lines = article.text.splitlines()
    assert "Talk number 5 on soil and water" in lines
    assert "On demand" not in lines

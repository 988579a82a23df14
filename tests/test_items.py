"""Listings and collections: the items are found as runs of alike siblings (html/items.py)."""

from __future__ import annotations

from pagekit import items_text

import declutter
from declutter.html.items import items
from declutter.html.locate import locate
from declutter.html.parse import parse_html
from declutter.html.segment import segment
from declutter.html.strip import clutter_elements, strip_tree

_MENU = (
    '<nav class="site-nav"><ul>'
    + "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(8))
    + "</ul></nav>"
)
_COOKIES = (
    '<div id="cookie-consent"><p>We use cookies to measure traffic and to show you offers,'
    " and we share what we learn with our partners. You can change your choices at any time"
    " in the settings of this site.</p></div>"
)


def _card(i: int, width: str) -> str:
    return (
        f'<div class="{width} mb-4"><div class="card"><h4><a href="/a/{i}">Project number {i}:'
        f" a clock that keeps time</a></h4><p>Build it in a weekend with parts from the drawer,"
        f" step {i}.</p></div></div>"
    )


def test_grid_cells_of_different_widths_are_one_list() -> None:
    widths = ["col-12", "col-md-8", "col-md-4", "col-sm-6", "col-sm-6", "col-md-5"]
    cards = "".join(_card(i, w) for i, w in enumerate(widths))
    page = (
        f"<html><body>{_MENU}{_COOKIES}<div class='container'><h1>Gadgets</h1>"
        f"<div class='row'>{cards}</div></div>"
        "<footer><p>Copyright 2024 The Workshop Magazine, all rights reserved.</p></footer>"
        "</body></html>"
    )
    text = items_text(page)
    for i in range(len(widths)):
        assert f"Project number {i}" in text
        assert f"step {i}." in text
    assert "Gadgets" in text
    assert "Section 3" not in text
    assert "cookies" not in text
    assert "Copyright" not in text


def test_a_plain_list_of_entries_is_a_list() -> None:
    entries = "".join(
        f'<li><a href="/b/{i}">Catalogue of fittings, volume {i}</a> (1910)</li>' for i in range(9)
    )
    page = f"<html><body>{_MENU}<h1>Hardware catalogues</h1><ul>{entries}</ul></body></html>"
    text = items_text(page)
    assert "Catalogue of fittings, volume 7" in text
    assert "Section 3" not in text


def test_a_wrapper_named_like_a_menu_is_not_the_menu() -> None:
    """A skip-link target (or a sticky-footer wrapper) holding the page is the page."""
    rows = "".join(
        f'<li class="feed-item"><h3><a href="/n/{i}">Cloud budgets grow again, report {i}</a></h3>'
        f"<p>Spending on hosted services rose for the {i}th quarter running.</p></li>"
        for i in range(6)
    )
    page = (
        f"<html><body>{_MENU}<div class='page-wrapper skip-link-target'><h1>Cloud</h1>"
        f"<ul class='feed'>{rows}</ul></div></body></html>"
    )
    text = items_text(page)
    assert "Cloud budgets grow again, report 5" in text
    assert "Section 3" not in text


def test_short_entries_are_a_menu_and_the_prose_stays() -> None:
    """A list of one-word categories beside an article is no list of items."""
    categories = "".join(f'<li><a href="/c/{i}">Topic{i}</a></li>' for i in range(12))
    prose = (
        "The council approved the new bridge on Monday after a long debate about its cost,"
        " and work is due to start in the spring once the contracts are signed."
    )
    page = (
        f"<html><body><div class='post'><h1>Bridge approved</h1><p>{prose}</p>"
        f"<p>{prose}</p></div><div class='box'><ul>{categories}</ul></div></body></html>"
    )
    text = items_text(page)
    assert "The council approved" in text
    assert "Topic3" not in text


def _untyped(page: str) -> str | None:
    root = strip_tree(parse_html(page))
    chunks = segment(root)
    clutter = clutter_elements(root)
    found = items(chunks, locate(chunks, clutter), clutter, typed=False)
    return None if found is None else "\n".join(c.text for c in found.chunks)


def test_a_page_of_another_type_is_a_list_when_its_items_outweigh_its_prose() -> None:
    jobs = "".join(
        f'<li class="job"><a href="/j/{i}">Senior engineer, team {i}</a>'
        f"<span>Remote</span><span>$90,000 a year</span><span>{i}d</span></li>"
        for i in range(12)
    )
    page = f"<html><body>{_MENU}<h1>Remote jobs</h1><ul class='jobs'>{jobs}</ul></body></html>"
    text = _untyped(page)
    assert text is not None
    assert "Senior engineer, team 11" in text
    assert "$90,000 a year" in text


def test_an_article_with_a_short_list_beside_it_is_no_list() -> None:
    prose = (
        "The council approved the new bridge on Monday after a long debate about its cost,"
        " and work is due to start in the spring once the contracts are signed."
    )
    links = "".join(
        f'<li class="more"><a href="/n/{i}">Other news story {i}</a> (May {i})</li>'
        for i in range(4)
    )
    page = (
        f"<html><body><article><h1>Bridge approved</h1>{f'<p>{prose}</p>' * 6}</article>"
        f"<ul class='more-news'>{links}</ul></body></html>"
    )
    assert _untyped(page) is None


def test_stories_listed_below_an_article_are_not_the_page() -> None:
    """Teasers outweighing an article of several paragraphs are its "more stories"."""
    prose = (
        "The council approved the new bridge on Monday after a long debate about its cost,"
        " and work is due to start in the spring once the contracts are signed."
    )
    teasers = "".join(
        f'<li class="teaser"><h3><a href="/n/{i}">Other news story {i} from the region</a></h3>'
        f"<p>A summary of the story in a sentence or two, as the front page shows it, {i}.</p>"
        "</li>"
        for i in range(12)
    )
    page = (
        f"<html><body><article><h1>Bridge approved</h1>{f'<p>{prose}</p>' * 2}</article>"
        f"<ul class='more'>{teasers}</ul></body></html>"
    )
    assert _untyped(page) is None
    # The same teasers under a line of intro are the page's items.
    intro = page.replace(f"<p>{prose}</p>" * 2, "<p>The latest from the region.</p>")
    text = _untyped(intro)
    assert text is not None and "Other news story 11" in text


def _shop_page(schema: str) -> str:
    cards = "".join(
        f'<li class="product-card"><a href="/p/{i}">Cast iron skillet number {i}</a>'
        f'<span class="price">${20 + i}.99 USD</span></li>'
        for i in range(12)
    )
    return (
        f"<html><head><title>Skillets</title>{schema}</head><body>"
        '<header><a class="cart-link" href="/cart">Cart</a><div id="cart-drawer"></div></header>'
        f'<main><h1>Skillets</h1><ul class="product-grid">{cards}</ul></main>'
        "<footer><p>1725 Long Avenue, Springfield.</p><p>Monday - Friday: 9:30am to 5pm</p>"
        "</footer></body></html>"
    )


def test_a_shop_grid_typed_product_by_its_prices_is_read_as_items() -> None:
    article = declutter.extract(_shop_page(""))
    assert article.page_type == "product"
    for i in range(12):
        assert f"Cast iron skillet number {i}" in article.text
        assert f"${20 + i}.99 USD" in article.text
    assert "Monday - Friday" not in article.text


def test_a_declared_product_is_not_read_as_its_grid_of_items() -> None:
    schema = (
        '<script type="application/ld+json">{"@type": "Product", "name": "Skillet",'
        ' "description": "A heavy pan of cast iron that keeps its heat for a long time."}'
        "</script>"
    )
    article = declutter.extract(_shop_page(schema))
    assert article.page_type == "product"
    assert "keeps its heat" in article.text
    assert "Cast iron skillet number 7" not in article.text


def test_an_items_own_header_is_its_title_not_page_chrome() -> None:
    stories = "".join(
        f'<article class="river"><header><h2><a href="/n/{i}">Headphone story number {i}'
        f' gains new colours</a></h2><a href="/by/ann">Ann Lee</a></header></article>'
        for i in range(10)
    )
    page = (
        f"<html><body><header class='site'>{_MENU}</header><main><h1>Headphones</h1>"
        f"<section class='river-list'>{stories}</section></main>"
        "<footer><p>Copyright 2024 The Gadget Site, all rights reserved.</p></footer>"
        "</body></html>"
    )
    text = items_text(page)
    for i in range(10):
        assert f"Headphone story number {i}" in text
    assert "Section 3" not in text
    assert "Copyright" not in text


def test_items_split_over_alike_boxes_are_all_kept() -> None:
    """An index in columns (or a guide's boxes of links) is one list in several boxes."""

    def box(letter: str, count: int) -> str:
        rows = "".join(
            f'<li><a href="/l/{letter}{i}">{letter}-language number {i}</a>, a compiled language'
            "</li>"
            for i in range(count)
        )
        return f"<div class='group'><h3>{letter}</h3><ul>{rows}</ul></div>"

    page = (
        f"<html><body>{_MENU}<h1>Programming languages</h1><div class='columns'>"
        f"{box('A', 9)}{box('B', 4)}{box('C', 6)}</div></body></html>"
    )
    text = items_text(page)
    for name in ("A-language number 8", "B-language number 3", "C-language number 5"):
        assert name in text
    assert "Section 3" not in text


def _product(i: int) -> str:
    return (
        f'<li class="grid__item"><h3 class="card__heading"><a href="/p/{i}">Dark roast blend'
        f' number {i}</a></h3><p class="price">${10 + i}.99</p></li>'
    )


def test_a_copy_of_the_cards_hidden_by_its_class_stays_out() -> None:
    """A quick-view or comparison drawer repeats every card, hidden until a script opens it."""
    grid = "".join(_product(i) for i in range(10))
    drawer = "".join(
        f"<div class='compare-card'><p>Dark roast blend number {i}</p><p>Roasted in small"
        f" batches, bold and smooth, with notes of cocoa and a long finish, lot {i}.</p></div>"
        for i in range(10)
    )
    page = (
        f"<html><body><main><h1>Coffee</h1><ul class='product-grid'>{grid}</ul>"
        f"<div class='compare-section hidden'>{drawer}</div></main></body></html>"
    )
    text = items_text(page)
    assert "Dark roast blend number 9" in text and "$19.99" in text
    assert "Roasted in small batches" not in text


def test_on_a_typed_list_a_grid_of_boxes_linking_nowhere_is_not_the_items() -> None:
    """Questions and answers under a shop's grid hold more text than its cards, and link
    nowhere, while every card links to its product."""
    grid = "".join(_product(i) for i in range(10))
    answer = (
        "Most roasts keep their flavour for about a month after the bag is opened, longer"
        " when the beans are stored whole, dry and away from light and heat."
    )
    faq = "".join(
        f"<div class='faq-card'><h4>How long does roast {i} keep?</h4><p>{answer}</p></div>"
        for i in range(10)
    )
    page = (
        f"<html><body><main><h1>Coffee</h1><ul class='product-grid'>{grid}</ul>"
        f"<div class='faq-grid'>{faq}</div></main></body></html>"
    )
    text = items_text(page)
    assert "Dark roast blend number 9" in text and "$19.99" in text
    # Read untyped, the longer boxes still weigh more: only a page typed a list expects links.
    root = strip_tree(parse_html(page))
    chunks = segment(root)
    clutter = clutter_elements(root)
    found = items(chunks, locate(chunks, clutter), clutter, typed=False)
    assert found is not None
    assert "How long does roast 3 keep?" in "\n".join(c.text for c in found.chunks)


def test_a_card_title_printed_twice_comes_out_once_on_a_collection() -> None:
    cards = "".join(
        f'<li class="grid__item"><div class="card__media"><a href="/p/{i}">Tea tin {i}</a></div>'
        f'<div class="card__content"><h3><a href="/p/{i}">Tea tin {i}</a></h3>'
        f'<p class="price">${10 + i}.50</p></div></li>'
        for i in range(10)
    )
    page = (
        "<html><head><title>Tins</title></head><body><header><a class='cart-link' href='/cart'>"
        "Cart</a><div id='cart-drawer'></div></header><main><h1>Tea tins</h1>"
        "<aside class='facets'><div class='filter'>Size</div><div class='filter'>Tin</div></aside>"
        f"<ul class='product-grid'>{cards}</ul></main></body></html>"
    )
    article = declutter.extract(page, url="https://shop.example/collections/tins")
    assert article.page_type == "collection"
    lines = article.text.splitlines()
    assert lines.count("Tea tin 4") == 1
    assert "$14.50" in lines


def test_a_grid_wrapped_in_a_box_named_for_its_pager_is_the_list() -> None:
    cards = "".join(
        f'<div class="product-card"><a href="/p/{i}">Running graphic shirt {i}</a>'
        f"<p>Oversized fit, washed black</p><p>${20 + i}</p></div>"
        for i in range(12)
    )
    pages = "".join(
        f'<li><a href="?p={n}">Go to page {n} of the shirts</a></li>' for n in range(2, 6)
    )
    page = (
        f"<html><body>{_MENU}<main><h1>T-Shirts</h1><p>400 products</p>"
        f'<div class="pagination_pagination__x1"><div class="grid">{cards}</div>'
        f'<ul class="pager">{pages}</ul></div></main></body></html>'
    )
    text = items_text(page)
    for i in range(12):
        assert f"Running graphic shirt {i}" in text
    assert "T-Shirts" in text
    # The pager inside the box is still a pager.
    assert "Go to page 3" not in text
    assert "Section 3" not in text

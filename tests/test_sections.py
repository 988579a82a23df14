"""Service and product pages: every section is content, not only the one locate chose."""

from __future__ import annotations

import declutter
from declutter.html.chunk import Chunk
from declutter.html.locate import Located, locate
from declutter.html.parse import parse_html
from declutter.html.segment import segment
from declutter.html.strip import clutter_elements, strip_tree
from declutter.html.widen import _union, widen
from declutter.model import PageType

_PROSE = (
    "Our team plans, builds and maintains the whole system for you, from the first survey "
    "of the site to the yearly inspection, so that nothing is left to chance. "
)


def _kept(page: str, kind: PageType = "service") -> list[str]:
    root = strip_tree(parse_html(page))
    chunks = segment(root)
    clutter = clutter_elements(root)
    located = widen(kind, chunks, locate(chunks, clutter), None, clutter)
    return [c.text for c in located.chunks]


_LINKS = "".join(f"<a href='/{n}'>Link number {n} of the row</a> " for n in range(8))


def _section(title: str, words: int) -> str:
    # Each section ends in a row of links, as service pages end them in calls to action.
    return f"<section><h2>{title}</h2><p>{title}: {_PROSE * words}</p></section><p>{_LINKS}</p>"


def test_sections_straight_under_the_body_are_all_kept() -> None:
    page = (
        "<html><body><header><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></header>"
        + _section("Planning", 3)
        + _section("Building", 1)
        + _section("Upkeep", 1)
        + "<footer><p>Copyright, all rights reserved, and a long footer line here.</p></footer>"
        + "</body></html>"
    )
    kept = " ".join(_kept(page))
    for title in ("Planning:", "Building:", "Upkeep:"):
        assert title in kept
    assert "Copyright" not in kept
    assert "About" not in kept
    assert "Link number" not in kept


def test_sections_in_layout_named_wrappers_are_kept() -> None:
    blade = (
        "<div class='feature-gallery left'><div class='gallery-content'><p>{}: {}</p></div></div>"
    )
    page = (
        "<html><body><main><div class='features'>"
        + blade.format("Power", _PROSE * 3)
        + blade.format("Display", _PROSE)
        + blade.format("Keyboard", _PROSE)
        + "</div></main>"
        + "<div class='newsletter'><p>Sign up for our newsletter and get ten percent off your "
        + "first order of anything at all in the store today.</p></div>"
        + "</body></html>"
    )
    kept = " ".join(_kept(page, "product"))
    for title in ("Power:", "Display:", "Keyboard:"):
        assert title in kept
    assert "newsletter" not in kept


def _product_page(body: str) -> str:
    return (
        "<html><head><title>Trail pack</title>"
        '<meta property="og:type" content="product">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "Product", "name": "Trail pack", "offers": {"@type": "Offer", '
        '"price": "89.00", "priceCurrency": "USD"}}</script>'
        f"</head><body><h1>Trail pack</h1>{body}</body></html>"
    )


def test_folded_specifications_of_a_product_are_kept() -> None:
    body = (
        f"<div class='description'><p>{_PROSE * 2}</p></div>"
        "<div class='accordion-panel' style='display: none'><h2>Specifications</h2>"
        "<p>Capacity twenty-five liters, weight one pound thirteen ounces, reservoir "
        "compatible, rain cover included with every pack sold.</p></div>"
    )
    article = declutter.extract(_product_page(body), url="https://shop.example/products/pack")
    assert article.page_type == "product"
    assert "Capacity twenty-five liters" in article.text


def test_hidden_text_of_an_article_stays_out() -> None:
    page = (
        "<html><head><title>A story</title></head><body><article><h1>A story</h1>"
        f"<p>{_PROSE * 3}</p><p>{_PROSE * 2}</p>"
        "<div style='display: none'><p>Hidden note that readers never see on the page, "
        "kept for a script that never runs.</p></div></article></body></html>"
    )
    article = declutter.extract(page, url="https://news.example/2026/01/a-story")
    assert article.page_type == "article"
    assert "Hidden note" not in article.text


def _slides() -> str:
    slide = "<div class='carousel-item'><p>{}: {}</p></div>"
    return (
        "<html><body><main><section><h1>Project planning</h1>"
        f"<p>Lead: {_PROSE * 3}</p></section>"
        "<div class='carousel'>"
        + slide.format("First slide", _PROSE)
        + slide.format("Second slide", _PROSE)
        + "</div></main></body></html>"
    )


def test_a_service_page_keeps_its_slides() -> None:
    kept = " ".join(_kept(_slides()))
    assert "Lead:" in kept
    assert "First slide:" in kept
    assert "Second slide:" in kept


def test_a_product_page_leaves_its_carousel_out() -> None:
    kept = " ".join(_kept(_slides(), "product"))
    assert "Lead:" in kept
    assert "First slide:" not in kept


def test_a_service_section_laid_out_twice_comes_out_once() -> None:
    tier = "<li>Phone consultation included.</li><li>Two rounds of revisions.</li>"
    page = (
        "<html><head><title>Resume writing services</title></head><body><main>"
        "<section class='hero'><h1>Resume writing services</h1>"
        f"<p>{_PROSE * 2}</p></section>"
        f"<div class='desktop-only'><h2>How it works</h2><p>Steps: {_PROSE}</p></div>"
        f"<div class='pricing'><div class='tier'><h3>Basic</h3><ul>{tier}</ul></div>"
        f"<div class='tier'><h3>Pro</h3><ul>{tier}<li>Cover letter.</li></ul></div></div>"
        f"<div class='mobile-only'><h2>How it works</h2><p>Steps: {_PROSE}</p></div>"
        "</main></body></html>"
    )
    article = declutter.extract(page, url="https://firm.example/services/resume-writing")
    assert article.page_type == "service"
    assert article.text.count("Steps:") == 1
    assert article.text.count("Phone consultation included.") == 2


def test_a_union_of_answers_keeps_document_order_and_the_lead() -> None:
    root = strip_tree(parse_html("<html><body><p>One.</p><p>Two.</p><p>Three.</p></body></html>"))
    chunks = segment(root)
    lead = Chunk("paragraph", chunks[0].el, text="From the page's data.")
    cards = Located(chunks[2].el, [chunks[2]])
    sections = Located(chunks[0].el, [lead, chunks[0]])
    both = _union(chunks, cards, sections)
    assert [c.text for c in both.chunks] == ["From the page's data.", "One.", "Three."]
    assert both.container is cards.container

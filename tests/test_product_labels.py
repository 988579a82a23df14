"""Product pages: labels printed twice for screen readers come out once, cookie dialogs stay
out whatever they are named, and the product's name stays in the body."""

from __future__ import annotations

from pagekit import MUG_DESCRIPTION, extract_product

from declutter.html.parse import parse_html
from declutter.html.strip import strip_tree

COOKIES = (
    "We use cookies and similar tools that are necessary to enable you to make purchases and "
    "to enhance your shopping experience, as detailed in our cookie notice. "
)


def _summary(labels: str) -> str:
    return f"<div class='summary'>{labels}<p>{MUG_DESCRIPTION}</p></div>"


def test_a_label_with_its_clipped_twin_reads_once() -> None:
    labels = (
        "<div class='price'><span>USD 60.00<span class='clipped'>USD 60.00</span></span></div>"
        "<div class='date'><span aria-hidden='true'><span>Sat, Aug 31</span></span>"
        "<span class='clipped'>Sat, Aug 31</span></div>"
    )
    text = extract_product(_summary(labels)).text
    assert text.count("USD 60.00") == 1
    assert text.count("Sat, Aug 31") == 1


def test_text_that_merely_goes_on_in_a_child_stays() -> None:
    root = parse_html(
        "<html><body><p>Glazed <b>inside</b></p><p>Fired<span>Fired</span> twice</p>"
        "<div><span aria-hidden='true'>Fired</span><span>Glazed</span></div></body></html>"
    )
    text = strip_tree(root, keep_hidden=True).text_content()
    assert "Glazed inside" in text
    assert "FiredFired twice" in text
    assert "FiredGlazed" in text


def test_twins_are_looked_for_only_where_hidden_panels_are_kept() -> None:
    page = "<html><body><p>USD 60.00<span>USD 60.00</span></p></body></html>"
    assert strip_tree(parse_html(page)).text_content() == "USD 60.00USD 60.00"


def test_a_cookie_dialog_named_for_no_consent_manager_stays_out() -> None:
    dialog = (
        f"<form id='cos-banner' role='dialog'><h3>Select your cookie preferences</h3>"
        f"<div class='cc-text'><p>{COOKIES * 2}</p><p>{COOKIES}</p></div>"
        "<span>Accept</span></form>"
    )
    text = extract_product(_summary("") + dialog).text
    assert "wheel thrown stoneware" in text
    assert "cookie" not in text


def test_a_dialog_without_cookies_or_holding_the_page_stays() -> None:
    story = f"<p>{MUG_DESCRIPTION}</p>" * 6
    page = (
        f"<html><body><div role='dialog'><p>{MUG_DESCRIPTION}</p></div>"
        f"<div aria-modal='true'>{story}<p>Bake cookies in it.</p></div></body></html>"
    )
    text = strip_tree(parse_html(page)).text_content()
    assert text.count("wheel thrown stoneware") == 7


def test_the_product_name_stays_in_the_body() -> None:
    # The name printed again over the price, past the masthead, is the shopper's to read.
    article = extract_product(
        _summary("") + "<div class='buy'><h2>Speckle mug</h2><p>$60.00</p></div>"
    )
    assert article.headline == "Speckle mug"
    assert "Speckle mug" in article.text


def test_a_specification_label_comes_without_its_tooltip() -> None:
    tip = (
        "<tool-tip class='tool-tip'><div class='tool-tip__content'>Open-back designs sound "
        "wider but leak sound, closed-back designs isolate you from the room.</div></tool-tip>"
    )
    specs = f"<div class='spec'><h4>Cup style {tip}</h4><p>Open-back</p></div>"
    text = extract_product(_summary("") + specs).text
    assert "Cup style" in text
    assert "leak sound" not in text

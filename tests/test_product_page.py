"""Product pages: shoppers' reviews stay out, and a description laid out twice comes out once."""

from __future__ import annotations

from pagekit import extract_product

from declutter.html.parse import parse_html
from declutter.html.reviews import review_elements

_DESCRIPTION = (
    "A wheel thrown stoneware mug with a matte speckled glaze outside and a clear glazed "
    "interior, made by hand in our studio and fired twice for strength. "
)
_REVIEW = (
    "I bought two of these for my partner and we both love them, the glaze is lovely and "
    "they keep the coffee warm for a long while, would buy again without a doubt. "
)


def test_customer_reviews_of_a_product_stay_out() -> None:
    reviews = "".join(
        f"<div class='review-item'><p>Reviewer {n} wrote: {_REVIEW * 2}</p></div>" for n in range(6)
    )
    body = (
        f"<div class='product-description'><p>{_DESCRIPTION}</p><p>Size: approx. 9.5 x 13 cm."
        f" {_DESCRIPTION}</p></div><section class='product-reviews'><h2>Reviews</h2>"
        f"{reviews}</section>"
    )
    text = extract_product(body).text
    assert "wheel thrown stoneware" in text
    assert "Reviewer" not in text


def test_a_page_that_is_all_reviews_keeps_them() -> None:
    body = f"<div class='reviews'><p>Reviewer one wrote: {_REVIEW * 3}</p></div>"
    assert "Reviewer one" in extract_product(body).text


def test_editorial_reviews_describe_the_product() -> None:
    root = parse_html(
        "<html><body><div id='editorialReviews'><p>Praise</p></div>"
        "<div class='customer-reviews'><p>Mine</p></div>"
        "<div itemprop='review'><p>Theirs</p></div>"
        "<section class='testimonials'><div class='review-card'><p>Chosen</p></div></section>"
        "<div class='home-review testimonial-card'><p>Picked</p></div></body></html>"
    )
    found = {el.text_content() for el in review_elements(root)}
    assert found == {"Mine", "Theirs"}


def test_a_description_laid_out_twice_comes_out_once() -> None:
    copy = f"<p>{_DESCRIPTION}</p><ul><li>Handmade stoneware.</li><li>Volume: 350 ml.</li></ul>"
    body = (
        f"<div class='summary'>{copy}</div><div class='gallery'><p>Price: 60 dollars.</p></div>"
        f"<div class='tab-panel'><h2>Details</h2><p>Fired twice.</p><p>Glazed inside.</p>{copy}"
        "</div>"
    )
    text = extract_product(body).text
    assert text.count("wheel thrown stoneware") == 1
    assert text.count("Handmade stoneware.") == 1

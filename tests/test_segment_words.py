"""Segment: words printed by elements side by side are not run together."""

from __future__ import annotations

from declutter.html.parse import parse_html
from declutter.html.segment import segment


def _texts(body: str) -> list[str]:
    root = parse_html(f"<html><body>{body}</body></html>")
    return [c.text for c in segment(root)]


def test_brand_and_name_in_spans_are_two_words() -> None:
    body = (
        '<p><a href="/p/1"><span class="brand">Merrell</span>'
        '<span class="title">Moab 3 Mid Hiking Boots</span></a></p>'
    )
    assert _texts(body) == ["Merrell Moab 3 Mid Hiking Boots"]


def test_side_by_side_in_a_container_and_in_other_scripts() -> None:
    body = "<div><span>Привет</span><span>Мир</span> and <b>done</b><i>Next</i></div>"
    assert _texts(body) == ["Привет Мир and done Next"]


def test_words_split_over_elements_stay_whole() -> None:
    # Lower case after the break, a text before the element, a short name's own capital, and
    # elements with space between them: nothing is added.
    body = (
        "<p><span>Hel</span><span>lo</span> Java<b>Script</b> <span>i</span><span>Phone</span>"
        " <span>one</span> <span>Two</span></p>"
    )
    assert _texts(body) == ["Hello JavaScript iPhone one Two"]


def test_a_price_and_its_label_are_two_words_a_figure_and_its_unit_one() -> None:
    body = (
        "<p><span>$108.95</span><span>MSRP</span> <span>4</span><span>K</span> "
        "<span>REI Co-op</span><span>Trailmade</span></p>"
    )
    assert _texts(body) == ["$108.95 MSRP 4K REI Co-op Trailmade"]

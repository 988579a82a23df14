"""Boxes around a list named for menus and sidebars, and those only seeming so (html/items.py)."""

from __future__ import annotations

from pagekit import items_text

_MENU = (
    '<div class="site-nav"><ul>'
    + "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(8))
    + "</ul></div>"
)


def _cards(shelf: int) -> str:
    return "".join(
        f'<div class="c-item"><a href="/p/{shelf}-{i}">Folding treadmill model {shelf}{i}</a>'
        f"<p>${900 + i}.00, free delivery and assembly</p></div>"
        for i in range(6)
    )


def test_a_carousel_named_for_the_look_of_its_arrows_is_no_menu() -> None:
    """A class "dark-nav-btns" styles a carousel's arrow buttons: the carousel is not a menu."""
    shelves = "".join(
        f'<h2>Shelf {s}</h2><div class="category-carousel dark-nav-btns">{_cards(s)}</div>'
        for s in range(3)
    )
    page = f"<html><body>{_MENU}<main><h1>Home fitness</h1>{shelves}</main></body></html>"
    text = items_text(page)
    for s in range(3):
        assert f"Folding treadmill model {s}3" in text
    # A box named for a menu outright is still one.
    assert "Section 3" not in text


#: Recipe sites' footers hold more text than the list itself.
_FOOTER = (
    "<p>About us: a family kitchen writing down what works on busy weeknights since 2012, with"
    " every recipe tested three times before it is posted, and notes on what to swap when the"
    " pantry runs short of something.</p>"
)


def test_a_wrapper_of_the_main_part_and_a_sidebar_is_no_sidebar() -> None:
    """A layout names the box holding <main> and the sidebar beside it for both."""
    recipes = "".join(
        f'<article class="entry"><h2><a href="/r/{i}">Crispy air fryer dish number {i}</a></h2>'
        f"<p>Ready in {10 + i} minutes with a handful of pantry staples.</p></article>"
        for i in range(8)
    )
    links = "".join(f'<li><a href="/t/{i}">Popular tag {i}</a></li>' for i in range(6))
    page = (
        f"<html><body>{_MENU}<h1>Air fryer recipes</h1>"
        f'<div class="content-sidebar-wrap"><main class="content">{recipes}</main>'
        f'<div class="sidebar"><ul>{links}</ul></div></div>'
        f"<footer>{_FOOTER * 4}</footer></body></html>"
    )
    text = items_text(page)
    for i in range(8):
        assert f"Crispy air fryer dish number {i}" in text
    assert "Popular tag 3" not in text
    assert "Section 3" not in text

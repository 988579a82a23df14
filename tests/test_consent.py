"""Cookie-consent dialogs are dropped from the tree; content that merely shares a word is not."""

from __future__ import annotations

import declutter
from declutter.html.parse import parse_html
from declutter.html.strip import strip_tree
from declutter.pagetype import page_type

POST = "I have the same case and wondered what the two ports at the back are meant for, anyone? "
COOKIES = (
    "These cookies are set by a range of social media services that we have added to the site "
    "to enable you to share our content with your friends and networks, and they track you. "
)


def _page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


def _thread() -> str:
    posts = "".join(f"<div class='msg'><p>{POST}</p></div>" for _ in range(2))
    dialog = (
        "<div id='onetrust-consent-sdk'><h3>Manage Consent Preferences</h3>"
        + "".join(f"<p class='ot-category-desc'>{COOKIES}</p>" for _ in range(3))
        + "</div>"
    )
    return _page(f"<main>{posts}</main>{dialog}")


def test_a_consent_dialog_longer_than_the_posts_is_not_the_page() -> None:
    text = declutter.extract(_thread()).text
    assert "two ports at the back" in text
    assert "cookies" not in text


def test_the_dialog_is_gone_from_the_tree() -> None:
    root = strip_tree(parse_html(_thread()))
    assert root.find(".//*[@id='onetrust-consent-sdk']") is None


def test_consent_named_content_without_cookies_stays() -> None:
    # A form to give consent for a study, named so, speaks of no cookie: it is content.
    root = strip_tree(parse_html(_page(f"<div class='consent-form'><p>{POST}</p></div>")))
    assert "two ports" in root.text_content()


def test_a_wrapper_holding_the_page_stays() -> None:
    body = f"<div id='consent-wrapper'><p>{POST}</p><p>{POST}</p><p>We use cookies.</p></div>"
    root = strip_tree(parse_html(_page(body)))
    assert "two ports" in root.text_content()


def test_the_page_type_pass_tells_strip_whether_to_look() -> None:
    assert page_type(parse_html(_thread()), None).consent_named is True
    plain = _page(f"<main><p>{POST}</p></main>")
    assert page_type(parse_html(plain), None).consent_named is False
    # Told that no name mentions a consent manager, strip does not search the names again.
    root = strip_tree(parse_html(_thread()), consent_named=False)
    assert root.find(".//*[@id='onetrust-consent-sdk']") is not None


def test_a_dialog_by_any_of_its_roles_that_speaks_of_cookies_goes() -> None:
    # Named after no consent manager: the role tells it is laid over the page.
    story = f"<p>{POST}</p>" * 4
    for attrs in ("role='dialog'", "role='alertdialog'", "aria-modal='true'"):
        banner = f"<div class='shop-banner' {attrs}><p>{COOKIES}</p></div>"
        text = strip_tree(parse_html(_page(story + banner))).text_content()
        assert "social media services" not in text, attrs
        assert text.count("two ports") == 4


def test_a_dialog_without_cookies_and_a_page_without_dialogs_keep_their_text() -> None:
    story = f"<p>{POST}</p>" * 4
    offer = "<div role='dialog'><p>Ten percent off your first order of speakers.</p></div>"
    assert "Ten percent" in strip_tree(parse_html(_page(story + offer))).text_content()
    plain = f"<div role='region'><p>{COOKIES}</p></div>"
    assert "social media services" in strip_tree(parse_html(_page(story + plain))).text_content()

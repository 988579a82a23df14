"""Prose the article holds that its markup hides from the vote: text after a stray document
end tag, sections under headings linked to their own anchors, an intro above the table of
contents, a box of the article's prose under a widget's name."""

from __future__ import annotations

from lxml import html

import declutter
from declutter.html.parse import parse_html
from declutter.html.strip import clutter_named

PROSE = (
    "The committee met on Tuesday to weigh the proposal, and after a long debate it agreed "
    "to fund the new library wing for another three years of work. "
)
BODY = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(12))
INTRO = (
    "The library wing opened in spring after eleven years of planning, and the town's readers "
    "have filled its rooms every afternoon since the doors first opened."
)


def _extract(body: str) -> declutter.Article:
    return declutter.extract(f"<html><head><title>T</title></head><body>{body}</body></html>")


def test_text_after_a_stray_document_end_is_read() -> None:
    root = parse_html(
        "<html><body><header><a href='/'>Home</a></header></body></html>"
        f"<div class='post'>{BODY}</div></body></html>"
    )
    assert "Part 11." in root.find("body").text_content()


def test_sections_under_headings_linked_to_their_own_anchors_are_no_teasers() -> None:
    sections = "".join(
        f"<section id='s{i}'><h2><a class='toc-backref' href='#toc{i}'>Step {i}</a>"
        f"<a class='headerlink' href='#s{i}'>¶</a></h2>"
        f"<p>Run the tool once for each host you manage. Step {i} writes its log.</p></section>"
        for i in range(4)
    )
    article = _extract(
        f"<div class='document'><section id='guide'>{BODY}{sections}</section></div>"
    )
    for i in range(4):
        assert f"Step {i} writes its log." in article.text


def test_an_intro_above_the_table_of_contents_stays_and_the_contents_go() -> None:
    article = _extract(
        "<main><div class='layout__header'><h1>Using the library</h1>"
        f"<p>{INTRO}</p><p>Here is how it works.</p></div>"
        "<aside class='toc'><h2>In this article</h2><ul><li><a href='#a'>Opening hours</a></li>"
        "<li><a href='#b'>Borrowing</a></li><li><a href='#c'>Rooms</a></li></ul></aside>"
        f"<div class='layout__body'><h2 id='a'>Opening hours</h2>{BODY}</div></main>"
    )
    text = article.text
    assert text.startswith("The library wing opened")
    assert "Here is how it works." in text
    assert "In this article" not in text
    assert "Borrowing" not in text


def test_a_box_of_the_articles_prose_under_a_widget_name_stays() -> None:
    box = "".join(f"<p>{PROSE} Box {i}.</p>" for i in range(4))
    article = _extract(
        f"<article><div class='entry'>{BODY}<div class='ck-widget row'>{box}</div>"
        f"<p>{PROSE} The end.</p></div></article>"
    )
    assert "Box 3." in article.text


def test_a_writers_bio_inside_the_article_stays_out() -> None:
    bio = "".join(
        f"<p>Jane has written about city councils and their budgets for twenty years, and "
        f"before that she taught history at the grammar school in town. Fact {i}.</p>"
        for i in range(4)
    )
    article = _extract(
        f"<article><div class='entry'>{BODY}<div class='author-box widget'>{bio}</div>"
        f"<p>{PROSE} The end.</p></div></article>"
    )
    assert "Fact 3." not in article.text
    assert "Part 11." in article.text


STANDFIRST = (
    "Electric cars cost more than ever, yet a handful of them still sell for less than a family "
    "hatchback did ten years ago, and we drove every one of them for a month."
)


def test_a_standfirst_in_a_header_with_a_byline_and_buttons_stays() -> None:
    links = "".join(f"<a href='/s/{n}'>{n} share button</a> " for n in ("Mail", "Print", "Save"))
    half = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(5))
    article = _extract(
        "<main><div class='listicle'>"
        f"<section class='listicle-header'><h1>Cheap electric cars</h1><p>{STANDFIRST}</p>"
        f"<p><a href='/authors/jo'>Jo Writer</a></p><div>{links}</div></section>"
        f"<section class='part'>{half}</section><section class='part'>{half}</section>"
        "</div></main>"
    )
    assert STANDFIRST in article.text


def test_a_wrapper_named_for_a_sidebar_it_has_not_is_no_sidebar() -> None:
    def named(classes: str) -> bool:
        return clutter_named(html.fragment_fromstring(f"<div class='{classes}'></div>"))

    assert not named("blog-article__main sidebar-enabled--false content")
    assert not named("layout sidebar-disabled")
    assert named("sidebar")
    assert named("sidebar-left")

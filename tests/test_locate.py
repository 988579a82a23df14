"""Locate, strip and the second opinion on small pages: content that class names or broken
markup used to hide, and clutter that must stay out."""

from __future__ import annotations

from lxml import html

import declutter
from declutter.html.chunk import Chunk
from declutter.html.locate import TUNINGS, Located, locate
from declutter.html.parse import parse_html
from declutter.html.segment import segment
from declutter.html.strip import clutter_elements, strip_tree
from declutter.second import DOUBT_CHARS, in_doubt, second_opinion

PROSE = (
    "The committee met on Tuesday to weigh the proposal, and after a long debate it agreed "
    "to fund the new library wing for another three years of work. "
)


def _page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


def _text(body: str) -> str:
    return declutter.extract(_page(body)).text


def test_overflow_hidden_is_not_hidden() -> None:
    body = (
        f'<div class="grid overflow-hidden"><p>{PROSE}</p><p>{PROSE.upper()}</p></div>'
        '<div class="hidden">Screen reader only words</div>'
    )
    text = _text(body)
    assert "committee met" in text
    assert "Screen reader only" not in text


def test_hidden_beside_a_responsive_variant_is_shown() -> None:
    body = f'<div class="hidden md:block"><p>{PROSE}</p></div>'
    assert "committee met" in _text(body)


def test_react_streamed_segment_is_shown() -> None:
    # React streams late parts of the page hidden and a script moves them into place.
    menu = "".join(f"<a href='/{i}'>Section number {i}</a> " for i in range(12))
    body = (
        f"<nav>{menu}</nav><template id='B:0'></template>"
        f"<div hidden id='S:0'><p>{PROSE}</p><p>{PROSE.upper()}</p></div>"
        "<div hidden id='menu'><p>A folded menu that nobody opened</p></div>"
    )
    text = _text(body)
    assert "committee met" in text
    assert "folded menu" not in text


def test_hidden_main_part_is_shown() -> None:
    # An app hides the main part until a script has run; a small hidden box there stays out.
    menu = "".join(f"<a href='/{i}'>Section number {i}</a> " for i in range(12))
    body = (
        f"<nav>{menu}</nav><main><div style='display:none'><p>{PROSE}</p>"
        f"<p>{PROSE.upper()}</p></div><div hidden>Sign in to see your saved items</div></main>"
    )
    text = _text(body)
    assert "committee met" in text
    assert "Sign in to see" not in text


def test_unclosed_button_does_not_swallow_the_page() -> None:
    body = f"<nav><a href='/'>Home</a></nav><button class='menu'>Menu <p>{PROSE * 20}</p>"
    assert "committee met" in _text(body)


def test_small_button_is_still_dropped() -> None:
    body = f"<p>{PROSE}</p><button>Subscribe now</button>"
    assert "Subscribe now" not in _text(body)


def test_noscript_holding_the_page_is_read() -> None:
    posts = "".join(f"<div class='post'><p>{PROSE} Reply {i}.</p></div>" for i in range(20))
    body = f"<div id='app'></div><noscript>{posts}</noscript>"
    assert "Reply 19." in _text(body)


def test_menu_item_left_open_is_not_a_teaser_card() -> None:
    # Broken markup: the article sits inside the first item of a navigation list.
    body = (
        "<ul class='main-nav'><li class='menu-item'><a href='/x'>Build</a>"
        f"<div class='site-content'><h2>Section</h2>{f'<p>{PROSE}</p>' * 12}</div></li></ul>"
    )
    assert "committee met" in _text(body)


def test_teaser_cards_stay_links() -> None:
    cards = "".join(
        f"<li><h3><a href='/a{i}'>Other story {i}</a></h3><p>Short summary {i}.</p></li>"
        for i in range(6)
    )
    body = f"<article><p>{PROSE}</p><p>{PROSE}</p><ul class='x'>{cards}</ul></article>"
    assert "Other story" not in _text(body)


def test_named_component_with_prose_is_released() -> None:
    # "listicle-header" names a layout part, and it holds the article's introduction.
    body = (
        f"<section class='listicle-header'><p>Intro: {PROSE}</p><p>{PROSE}</p></section>"
        f"<div class='items'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
    )
    assert "Intro:" in _text(body)


def test_named_link_row_stays_blocked() -> None:
    links = "".join(f"<a href='/t{i}'>Topic number {i}</a> " for i in range(12))
    body = f"<div class='post-meta'>{links}</div><article><p>{PROSE}</p><p>{PROSE}</p></article>"
    assert "Topic number" not in _text(body)


def test_comments_never_released() -> None:
    comments = "".join(f"<p>Comment {i}: {PROSE}</p>" for i in range(10))
    body = f"<article><p>{PROSE}</p><p>{PROSE}</p></article><div id='comments'>{comments}</div>"
    assert "Comment 3" not in _text(body)


def _located(page: str) -> tuple[html.HtmlElement, list[Chunk], Located]:
    root = strip_tree(parse_html(page))
    chunks = segment(root)
    return root, chunks, locate(chunks, clutter_elements(root))


def test_a_long_answer_is_not_in_doubt() -> None:
    page = _page(f"<article>{f'<p>{PROSE}</p>' * 10}</article>")
    root, chunks, located = _located(page)
    assert sum(c.size for c in located.chunks) >= DOUBT_CHARS
    assert not in_doubt(located)
    assert second_opinion(root, chunks, located, TUNINGS["balanced"]) is located


def test_second_opinion_adds_prose_the_vote_missed() -> None:
    # The vote keeps the short marked section; readability also reads the longer story that
    # a widget-named wrapper kept out of the vote.
    story = "".join(f"<p>Part {i}. {PROSE}</p>" for i in range(3))
    page = _page(
        "<nav>" + "".join(f"<a href='/n{i}'>Nav {i}</a>" for i in range(8)) + "</nav>"
        f"<main><div class='entry-content'><p>{PROSE}</p></div></main>"
        f"<div class='widget'>{story}</div>"
    )
    root, chunks, located = _located(page)
    assert in_doubt(located)
    found = second_opinion(root, chunks, located, TUNINGS["balanced"])
    text = " ".join(c.text for c in found.chunks)
    assert "Part 2." in text
    assert "Nav 3" not in text


def test_linked_subheads_and_pointers_in_the_prose_stay() -> None:
    body = (
        "<article>"
        f"<p>{PROSE}</p>"
        "<h2><a href='/p/sony'>2. Sony A7 IV</a></h2>"
        f"<p>{PROSE.replace('committee', 'camera')}</p>"
        "<p>See our <a href='/g/m'>guide to choosing a mattress</a></p>"
        f"<p>{PROSE.replace('committee', 'council')}</p>"
        "</article>"
    )
    text = _text(body)
    assert "2. Sony A7 IV" in text
    assert "See our guide to choosing a mattress" in text


def test_runs_of_links_and_standalone_headlines_still_go() -> None:
    body = (
        "<article>"
        f"<p>{PROSE}</p>"
        "<p><a href='/r/1'>Read the full Kia review</a></p>"
        "<p><a href='/r/2'>Compare new car deals</a></p>"
        f"<p>{PROSE.replace('committee', 'council')}</p>"
        "<p><a href='/n/9'>Dave Matthews Band takes over Rock Hall Fan Vote</a></p>"
        f"<p>{PROSE.replace('committee', 'board')}</p>"
        "<p><a href='/more'>More stories from the desk</a></p>"
        "</article>"
    )
    text = _text(body)
    assert "council met" in text
    for gone in ("Kia review", "car deals", "Dave Matthews", "More stories"):
        assert gone not in text


def test_a_lede_set_apart_from_the_body_stays() -> None:
    body = (
        "<article><div class='intro'>"
        f"<p>{PROSE.replace('committee', 'mayor')}</p></div>"
        f"<div class='body'>{''.join(f'<p>{PROSE} Part {i}.</p>' for i in range(12))}</div>"
        "</article>"
    )
    text = _text(body)
    assert "mayor met" in text
    assert "Part 11." in text


def test_a_list_of_links_between_paragraphs_stays_but_contents_go() -> None:
    apps = "".join(f"<li><a href='/apps/{n}'>{n}</a></li>" for n in ("BBEdit", "Acorn", "Napkin"))
    toc = "".join(f"<li><a href='#s{n}'>Section number {n}</a></li>" for n in range(4))
    body = (
        "<article>"
        f"<p>{PROSE}</p><ul>{apps}</ul>"
        f"<p>{PROSE.replace('committee', 'council')}</p><ul>{toc}</ul>"
        f"<p>{PROSE.replace('committee', 'board')}</p>"
        "</article>"
    )
    text = _text(body)
    assert "BBEdit" in text and "Napkin" in text
    assert "Section number" not in text


def test_a_figure_that_swallowed_the_article_is_read() -> None:
    # A tag left unclosed in a figure: the parser puts what follows inside the figure.
    body = (
        f"<article><p>{PROSE}</p><figure><img src='/a.jpg'><figcaption>Caption</figcaption>"
        f"<p>{PROSE.replace('committee', 'council')}</p><p>{PROSE} The end.</p></figure></article>"
    )
    text = _text(body)
    assert "The end." in text
    assert "council met" in text


def test_a_picture_with_its_caption_stays_one_image() -> None:
    body = (
        f"<article><p>{PROSE}</p><figure><img src='/a.jpg'><figcaption>A short caption"
        f"</figcaption></figure><p>{PROSE.upper()}</p></article>"
    )
    article = declutter.extract(_page(body))
    assert [b.type for b in article.blocks].count("image") == 1


def test_listicle_entries_under_linked_titles_are_not_teasers() -> None:
    entries = "".join(
        f"<section class='entry'><header><h3><a href='https://example.org/{n}'>Trail {n}</a>"
        f"</h3></header><div><p>{PROSE * 3} Trail {n} ends here.</p></div></section>"
        for n in range(4)
    )
    body = f"<article><p>{PROSE}</p>{entries}</article>"
    text = _text(body)
    assert "Trail 3 ends here." in text
    assert "Trail 1\n" in text or "Trail 1" in text.splitlines()


def test_teaser_cards_with_cut_excerpts_stay_out() -> None:
    cards = "".join(
        f"<div class='card'><h3><a href='/story-{n}'>Story {n}</a></h3>"
        f"<p>{PROSE * 2}Cut short {n}…</p></div>"
        for n in range(4)
    )
    body = f"<article>{''.join(f'<p>{PROSE} Part {i}.</p>' for i in range(8))}</article>{cards}"
    text = _text(body)
    assert "Part 7." in text
    assert "Cut short" not in text


def test_a_section_header_is_content_but_the_page_header_is_chrome() -> None:
    root = parse_html(
        _page(
            "<header id='top'><h1>Site name</h1></header>"
            "<article><section><header><h2>Entry</h2></header><p>Text</p></section>"
            "<section><header><h2>Menu</h2><nav><a href='/'>Home</a></nav></header></section>"
            "</article>"
        )
    )
    headers = list(root.iter("header"))
    clutter = clutter_elements(root)
    assert [h in clutter for h in headers] == [True, False, True]

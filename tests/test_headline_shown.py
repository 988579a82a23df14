"""The headline is the title a reader sees: hidden headings, lost marks, home pages."""

from __future__ import annotations

from metapages import BODY, meta_of, page

from declutter.html.parse import parse_html
from declutter.meta.h1 import h1_text

HOME = "https://www.example-shop.com/"


def test_a_heading_as_long_as_a_paragraph_beats_a_title_that_only_names_the_site() -> None:
    story = (
        "Regulator to Europe: If You Restrict Our Satellite Providers, We'll Ban You Here: "
        '"New barriers are emerging that constrain businesses operating abroad," the chair '
        'says. The regulator is now soliciting public comment on "satellite market access '
        'reciprocity" and will publish its findings next spring.'
    )
    assert len(story) > 250
    head = "<title>Example - The heart of the internet</title>"
    m = meta_of(page(head, f"<h1>{story}</h1>{BODY}"), "https://www.example.com/r/t/123/story/")
    assert m.headline == story


def test_an_over_long_heading_does_not_beat_the_story_title() -> None:
    para = "A long paragraph set in a heading by mistake, " * 8
    head = "<title>Council opens the new library | Example News</title>"
    m = meta_of(page(head, f"<h1>{para}</h1>{BODY}"))
    assert m.headline == "Council opens the new library"


def test_question_marks_standing_for_lost_marks_give_way_to_the_declared_title() -> None:
    head = (
        "<title>What Are The Basics Of Event Planning: Beginner's Guide</title>"
        '<meta property="og:title" content="What Are The Basics Of Event Planning: Beginner\'s'
        ' Guide">'
    )
    body = f"<h1>What Are The Basics Of Event Planning? Beginner? Guide</h1>{BODY}"
    assert meta_of(page(head, body)).headline == (
        "What Are The Basics Of Event Planning: Beginner's Guide"
    )


def test_the_home_page_of_a_site_titled_with_a_menu_word_is_named_by_the_site() -> None:
    head = (
        '<meta property="og:title" content="The Barn Owl - Shop"><title>The Barn Owl - Shop</title>'
    )
    body = f'<h1><a href="/">The Barn Owl</a></h1><h1>Shop</h1>{BODY}'
    assert meta_of(page(head, body), HOME).headline == "The Barn Owl"
    head = '<meta property="og:title" content="Home"><title>Home - The Example Blog</title>'
    assert meta_of(page(head, BODY), "https://blog.example.com/").headline == "The Example Blog"


def test_an_inner_page_titled_with_a_menu_word_keeps_its_title() -> None:
    head = '<meta property="og:title" content="Home"><title>Home - The Example Blog</title>'
    assert meta_of(page(head, BODY)).headline == "Home - The Example Blog"


def test_a_hidden_heading_gives_way_to_the_one_shown() -> None:
    body = (
        "<div style=\"display:none\"><form><h1>Don't miss tomorrow's news</h1></form></div>"
        f"<h1>Cloud</h1>{BODY}"
    )
    m = meta_of(page("<title>Latest Cloud News | Example Dive</title>", body))
    assert m.headline == "Cloud"
    body = (
        '<h1 style="height: 0;width: 0;overflow: hidden;">Example Pad P16s i Gen 3 Laptop</h1>'
        f"<h1>Pad P16s Gen 3 Mobile Workstation</h1>{BODY}"
    )
    m = meta_of(page("<title>Pad P16s Gen 3 | Example US</title>", body))
    assert m.headline == "Pad P16s Gen 3 Mobile Workstation"


def test_a_hidden_heading_alone_still_names_the_page() -> None:
    body = f'<h1 style="display:none">Six Gardening Shows to Watch</h1>{BODY}'
    m = meta_of(page("<title>Six Gardening Shows to Watch | Example</title>", body))
    assert m.headline == "Six Gardening Shows to Watch"


def test_the_piece_of_a_heading_that_opens_a_shops_title() -> None:
    head = (
        "<title>Atomic Habits: An Easy Way to Build Good Habits: Clear, James: 9780735211292:"
        " Example.com: Books</title>"
    )
    body = (
        '<h1><span id="productTitle">Atomic Habits: An Easy Way to Build Good Habits</span>'
        f" <span>Hardcover – October 16, 2018</span></h1>{BODY}"
    )
    m = meta_of(page(head, body), "https://www.example.com/Atomic-Habits/dp/0735211299")
    assert m.headline == "Atomic Habits: An Easy Way to Build Good Habits"


def test_the_sites_name_opening_its_title_is_no_piece_to_take() -> None:
    head = "<title>Engora Data Blog: Small adventures with small language models</title>"
    body = (
        '<h1><a href="https://blog.engora.com/">Engora Data Blog</a></h1>'
        f"<h1>Small adventures with small language models</h1>{BODY}"
    )
    m = meta_of(page(head, body), "https://blog.engora.com/2025/small.html")
    assert m.headline == "Small adventures with small language models"


def test_of_two_copies_of_a_heading_the_one_the_title_spells_wins() -> None:
    head = "<title>Example Switch – OLED Model - Example - Official Site</title>"
    body = (
        "<h1>Example Switch - OLED Model</h1><h1>Example Switch – OLED Model</h1>"
        f"<h1>Three ways to play</h1>{BODY}"
    )
    m = meta_of(page(head, body), "https://www.example.com/us/switch/oled-model/")
    assert m.headline == "Example Switch – OLED Model"


def test_the_overview_page_of_a_section_is_named_by_the_section() -> None:
    head = '<meta property="og:site_name" content="Example Docs"><title>Auth | Example Docs</title>'
    body = (
        '<nav aria-label="breadcrumb"><ol class="breadcrumb">'
        '<li><a href="/docs/guides/auth">Auth</a></li><li>Overview</li></ol></nav>'
        f"{BODY}"
    )
    m = meta_of(page(head, body), "https://example.com/docs/guides/auth")
    assert m.headline == "Auth"


def test_marks_only_around_a_declared_titles_words_give_way_to_the_heading() -> None:
    for declared in (
        "🎤 Example NT1 5th Generation Black",
        "Example NT1 5th Generation Black |",
        '"Example NT1 5th Generation Black"',
        "Example NT1 5th Generation Black ⋆",
    ):
        head = f"<meta property=\"og:title\" content='{declared}'>"
        body = f"<h1>Example NT1 5th Generation Black</h1>{BODY}"
        assert meta_of(page(head, body)).headline == "Example NT1 5th Generation Black"


def test_a_site_named_only_by_its_logos_link_comes_off_the_title() -> None:
    body = (
        '<b class="name"><a href="news">Example Hacker Board</a></b> <a href="new">new</a>'
        f" <a href='ask'>ask</a><table><tr><td>{BODY}</td></tr></table>"
    )
    head = "<title>New Links | Example Hacker Board</title>"
    m = meta_of(page(head, body), "https://hn.test-site.org/newest")
    assert m.headline == "New Links"
    # A home page is not titled after one of its sections: the logo's side stays.
    assert meta_of(page(head, body), "https://hn.test-site.org/").headline == (
        "New Links | Example Hacker Board"
    )


def test_an_svg_logos_label_is_no_word_of_the_heading() -> None:
    body = (
        '<h1><div class="logo"><svg viewBox="0 0 10 10"><title>Example</title>'
        '<path d="M0 0h10v10z"/></svg></div><span>Cloud Computing News Today</span></h1>'
        f"{BODY}"
    )
    m = meta_of(page("<title>Cloud Computing News Today | Example</title>", body))
    assert m.headline == "Cloud Computing News Today"
    root = parse_html(page("", body))
    assert h1_text(root.xpath("//h1")[0]).split() == ["Cloud", "Computing", "News", "Today"]

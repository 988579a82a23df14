"""Headlines garbled by markup, and title sides that are not the story's."""

from __future__ import annotations

from metapages import BODY, meta_of, page

from declutter.html.parse import parse_html
from declutter.meta.collect import extract_metadata
from declutter.meta.titletext import clean_title, heading_text, one_copy, repair_mojibake


def test_an_entity_escaped_twice_is_decoded_once() -> None:
    assert clean_title("Data Tools | Python, SQL &#x26; AI") == "Data Tools | Python, SQL & AI"
    assert clean_title("Fish &amp;amp; chips") == "Fish &amp; chips"
    assert clean_title("AT&T plans") == "AT&T plans"


def test_utf8_read_as_single_bytes_is_read_again() -> None:
    assert repair_mojibake("A DIY Investorâ\x80\x99s Guide") == "A DIY Investor’s Guide"
    assert repair_mojibake("Investorâ€™s Guide") == "Investor’s Guide"  # via Windows-1252
    assert repair_mojibake("itertools â\x80\x94 Functions loopingÂ¶") == (
        "itertools — Functions looping¶"
    )
    # Without a byte 0x80–0x9f nothing says the text was misread.
    assert repair_mojibake("Ã© and Â¶") == "Ã© and Â¶"
    assert repair_mojibake("Crème brûlée à la carte") == "Crème brûlée à la carte"


def test_invisible_marks_are_not_read() -> None:
    assert (
        clean_title("Home Repair Assis\u00adtance Pro\u200bgram")
        == "Home Repair Assistance Program"
    )


def test_responsive_copies_glued_together_give_one_title() -> None:
    glued = (
        "The productdevelopmentsystem for teamsand agents"
        "The product development system for teams and agents"
    )
    assert one_copy(glued) == "The product development system for teams and agents"
    assert one_copy("NewsNews") == "News"
    # Words said again with spaces between are the title's own.
    assert one_copy("Tora! Tora! Tora!") == "Tora! Tora! Tora!"
    assert one_copy("Bora Bora") == "Bora Bora"


def test_a_heading_opening_on_a_separator_loses_it() -> None:
    assert heading_text("/ CREATIVE AGENCY PORTFOLIO") == "CREATIVE AGENCY PORTFOLIO"
    assert heading_text("- Intro") == "Intro"
    assert heading_text("/r/technology") == "/r/technology"
    assert heading_text("#1 Rated Therapy") == "#1 Rated Therapy"


def test_an_h1_with_a_block_inside_parts_its_words() -> None:
    body = (
        '<h1>The Best Notion Alternatives<span class="block text-sm">Top Note-taking Tools'
        f"</span></h1>{BODY}"
    )
    m = meta_of(page("", body))
    assert m.headline == "The Best Notion Alternatives Top Note-taking Tools"


def test_an_h1_glued_from_responsive_copies_is_read_once() -> None:
    body = (
        '<h1><span aria-hidden="true"><span class="show-mobile">The product</span>'
        '<span class="show-mobile">development</span><span class="hide-mobile">'
        'The product development</span></span><span class="sr-only">The product development'
        f"</span></h1>{BODY}"
    )
    m = meta_of(page("<title>The product development tool</title>", body))
    assert m.headline == "The product development"


def test_the_h1_that_is_exactly_the_title_wins_over_one_that_only_agrees() -> None:
    body = "<h1>Tips from a first visitor - Japan Forum</h1><h1>Tips from a first visitor</h1>"
    head = "<title>Tips from a first visitor - Japan Forum - Example News</title>"
    m = meta_of(page(head, body + BODY))
    assert m.headline == "Tips from a first visitor"


def test_a_declared_title_carrying_markdown_does_not_replace_the_shown_one() -> None:
    head = '<meta property="og:title" content="*A Treatise on Coffee* (1792)">'
    m = meta_of(page(head, f"<h1>A Treatise on Coffee (1792)</h1>{BODY}"))
    assert m.headline == "A Treatise on Coffee (1792)"


def test_a_title_side_naming_a_breadcrumb_section_is_not_the_story() -> None:
    body = (
        '<nav class="breadcrumb"><a href="/">Forum</a> › <a href="/sci">Science</a> › '
        '<a href="/prog">Programming</a> › <span>Hybrid Quantum Computing</span></nav>'
        f"{BODY}"
    )
    m = meta_of(page("<title>Hybrid Quantum Computing - Programming - Nigeria</title>", body))
    assert m.headline == "Hybrid Quantum Computing"


def test_the_sites_name_in_the_middle_of_a_title_ends_the_story() -> None:
    head = "<title>Online Care That Suits You | Example News | Online Therapy | Counseling</title>"
    assert meta_of(page(head, BODY)).headline == "Online Care That Suits You"


def test_the_forum_softwares_view_topic_is_no_part_of_the_title() -> None:
    head = "<title>Example News • View topic - Football Season: MLS is Back!</title>"
    assert meta_of(page(head, BODY)).headline == "Football Season: MLS is Back!"


def test_home_alone_is_no_title() -> None:
    head = '<meta property="og:title" content="Home"><title>Home - The Example Blog</title>'
    assert meta_of(page(head, BODY)).headline == "Home - The Example Blog"


def test_an_inner_page_titled_only_for_its_site_is_named_by_its_h1() -> None:
    head = "<title>Example News - The heart of the internet</title>"
    body = f"<h1>Best laptop for college in 2026?</h1>{BODY}"
    assert meta_of(page(head, body)).headline == "Best laptop for college in 2026?"
    # A heading of a word or two is a section's, not the page's.
    body = f"<h1>Pulse!</h1>{BODY}"
    assert meta_of(page(head, body)).headline == "The heart of the internet"


def test_on_a_home_page_a_bar_parts_the_brand_from_the_tagline() -> None:
    home = "https://render.example/"
    head = "<title>Render | The cloud for builders</title>"
    assert meta_of(page(head, BODY), url=home).headline == "The cloud for builders"
    head = "<title>Render — The cloud for builders</title>"
    assert meta_of(page(head, BODY), url=home).headline == "Render — The cloud for builders"


def test_the_sites_name_titles_its_own_home_page() -> None:
    head = '<meta property="og:site_name" content="DEV Community"><title>DEV Community</title>'
    body = f"<h1>Posts</h1>{BODY}"
    assert meta_of(page(head, body), url="https://dev.example/").headline == "DEV Community"
    assert meta_of(page(head, body), url="https://dev.example/t/python").headline == "Posts"


def test_the_sites_address_before_the_story_comes_off() -> None:
    url = "https://davidbau.com/archives/vibe_coding.html"
    head = "<title>davidbau.com Vibe Coding</title>"
    assert meta_of(page(head, BODY), url=url).headline == "Vibe Coding"


def test_a_declared_title_before_the_sites_part_keeps_a_word_like_the_site() -> None:
    url = "https://forum.astronomy.example/t/telescopes/1555"
    head = (
        '<meta property="og:site_name" content="Astronomy">'
        '<meta property="og:title" content="New to Astronomy – Best First Telescope?">'
        "<title>New to Astronomy – Best First Telescope? - Site Feedback - Astronomy</title>"
    )
    assert meta_of(page(head, BODY), url=url).headline == "New to Astronomy – Best First Telescope?"


def test_a_title_side_shown_only_as_a_link_is_the_logos() -> None:
    url = "https://news.example.com/newest"
    head = "<title>New Links | Example Hacker News</title>"
    body = f'<b><a href="news">Example Hacker News</a></b>{BODY}'
    assert meta_of(page(head, body), url=url).headline != "Example Hacker News"


def test_an_h1_written_as_a_document_title_loses_what_follows_its_bar() -> None:
    head = '<meta property="og:title" content="Data Analysis Tools for 2026">'
    body = f"<h1>Data Analysis Tools for 2026 | Python, SQL &amp;#x26; AI</h1>{BODY}"
    assert meta_of(page(head, body)).headline == "Data Analysis Tools for 2026"
    # A bar the declared title carries too is the page's own wording.
    head = '<meta property="og:title" content="Staple Tee | 5001">'
    assert meta_of(page(head, f"<h1>Staple Tee | 5001</h1>{BODY}")).headline == "Staple Tee | 5001"


def test_a_heading_keeps_a_makers_name_that_only_holds_the_sites() -> None:
    url = "https://www.nintendo.example/us/switch/oled-model/"
    body = f"<h1>Nintendo Switch - OLED Model</h1>{BODY}"
    assert meta_of(page("", body), url=url).headline == "Nintendo Switch - OLED Model"


def test_a_products_title_keeps_the_makers_name_that_holds_the_sites() -> None:
    head = "<title>Ridge Wallet - Royal Black</title>"
    url = "https://ridge.example/products/wallet"
    product = extract_metadata(parse_html(page(head, BODY)), url, kind="product")
    assert product.headline == "Ridge Wallet"
    # On a story's page a side holding the site's name is the site's.
    article = extract_metadata(parse_html(page(head, BODY)), url, kind="article")
    assert article.headline == "Royal Black"


def test_a_manuals_section_number_is_no_word_of_its_title() -> None:
    url = "https://docs.example/book/branches"
    body = f"<h1>3.1 Git Branching - Branches in a Nutshell</h1>{BODY}"
    doc = extract_metadata(parse_html(page("", body)), url, kind="documentation")
    assert doc.headline == "Git Branching - Branches in a Nutshell"
    body = f"<h1>10 Best Trails in Houston</h1>{BODY}"
    doc = extract_metadata(parse_html(page("", body)), url, kind="documentation")
    assert doc.headline == "10 Best Trails in Houston"


def test_a_lists_count_is_no_word_of_its_heading() -> None:
    url = "https://shop.example/category/trail-running"
    body = f"<h1>Trail Running Shoes (158 ITEMS)</h1>{BODY}"
    shop = extract_metadata(parse_html(page("", body)), url, kind="collection")
    assert shop.headline == "Trail Running Shoes"
    # A year in brackets is the title's own.
    body = f"<h1>A Treatise on Coffee (1792)</h1>{BODY}"
    shop = extract_metadata(parse_html(page("", body)), url, kind="collection")
    assert shop.headline == "A Treatise on Coffee (1792)"

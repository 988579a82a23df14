"""The headline: pieces of an <h1> and the parts of a title between the story and the site."""

from __future__ import annotations

import pytest
from metapages import BODY, meta_of, page

from declutter.html.parse import parse_html
from declutter.meta.collect import collect_metas
from declutter.meta.headline import choose_headline, title_inputs
from declutter.meta.sitename import SiteKeys, strip_site


@pytest.mark.parametrize(
    "h1",
    [
        '<span class="label">News</span><span> </span>Cameras are back in fashion',
        '<a href="/p"><time datetime="2025-12-18">Dec 18 2025</time> Cameras are back in'
        " fashion</a>",
        'Thread: <span class="threadtitle"><a href="/t">Cameras are back in fashion</a></span>',
        '<span><a href="/s">Cameras are back in fashion</a> <a href="/x">(example.org)</a></span>'
        ' <span class="comments">87</span>',
    ],
)
def test_the_piece_of_an_h1_that_is_the_declared_title(h1: str) -> None:
    m = meta_of(
        page(
            "<title>Cameras are back in fashion | Example Forum</title>"
            '<meta property="og:site_name" content="Example Forum">',
            f"<h1>{h1}</h1>{BODY}",
        )
    )
    assert m.headline == "Cameras are back in fashion"
    assert m.sources["headline"] == "h1"


def test_an_h1_equal_to_the_title_is_kept_whole() -> None:
    m = meta_of(
        page(
            "<title>Squad 2024 - 2025 | Example Forum</title>"
            '<meta property="og:site_name" content="Example Forum">',
            f"<h1>Squad <em>2024 - 2025</em></h1>{BODY}",
        )
    )
    assert m.headline == "Squad 2024 - 2025"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Organic SEO Consultant | Hire an SEO Expert - Mike Example", ["Mike Example"],
         "Organic SEO Consultant"),
        ("What happened to the ISO / Arch Discussion / Example Forums", ["Example Forums"],
         "What happened to the ISO"),
        ("Reflections on a UI Pipeline - Part 1 | Playful Example", ["Playful Example"],
         "Reflections on a UI Pipeline"),
        # No site's name at the end: the parts stay.
        ("Travel Insurance - Flight and Trip Quotes", ["Example"],
         "Travel Insurance - Flight and Trip Quotes"),
        # The site's name first: only it comes off.
        ("Example News - Story of the day - Part 2", ["Example News"],
         "Story of the day - Part 2"),
    ],
)  # fmt: skip
def test_between_the_story_and_the_site_at_the_end(
    title: str, site: list[str], expected: str
) -> None:
    assert strip_site(title, SiteKeys.of(site, None))[0] == expected


def test_a_brands_home_page_keeps_its_name_on_the_title() -> None:
    head = (
        "<title>Talkspace - Online Therapy for Everyone</title>"
        '<meta property="og:site_name" content="Talkspace">'
    )
    home = meta_of(page(head, BODY), "https://www.talkspace.com/")
    assert home.headline == "Talkspace - Online Therapy for Everyone"
    inner = meta_of(page(head, BODY), "https://www.talkspace.com/therapy")
    assert inner.headline == "Online Therapy for Everyone"


def test_a_style_inside_the_h1_is_not_its_text() -> None:
    body = f"<h1><style>.css-1a{{cursor:pointer}}</style>The Cream Moisturizer</h1>{BODY}"
    m = meta_of(page("<title>The Cream Moisturizer - Example Shop</title>", body))
    assert m.headline == "The Cream Moisturizer"


def test_the_same_words_typeset_differently_follow_the_declared_title() -> None:
    head = '<meta property="og:title" content="Question - Which GPU for a small case?">'
    body = f'<h1><span class="label">Question</span> Which GPU for a small case?</h1>{BODY}'
    m = meta_of(page(head, body))
    assert m.headline == "Question - Which GPU for a small case?"


def _ld(node: str) -> str:
    return f'<script type="application/ld+json">{node}</script>'


@pytest.mark.parametrize(
    "node",
    [
        '{"@type": "VideoObject", "name": "promo_cut_v3_FINAL"}',
        '{"@type": "CreativeWork", "name": "Documentation"}',
        '{"@type": "Product", "name": "Shelf", "review": [{"@type": "Review", "name": "Love it"}]}',
    ],
)
def test_a_named_piece_embedded_in_the_page_yields_to_its_own_metas(node: str) -> None:
    m = meta_of(
        page(
            _ld(node) + '<meta property="og:title" content="Business text messaging">'
            "<title>Business text messaging | Example</title>",
            f"<h1>Messaging that scales with you</h1>{BODY}",
        )
    )
    assert m.headline == "Business text messaging"


def test_an_article_named_in_json_ld_is_still_trusted_first() -> None:
    m = meta_of(
        page(
            _ld('{"@type": "NewsArticle", "headline": "Rivers rise after a week of rain"}')
            + '<meta property="og:title" content="Rain news">',
            f"<p>Weather</p>{BODY}",
        )
    )
    assert m.headline == "Rivers rise after a week of rain"


def test_a_long_declared_title_cut_between_words_takes_the_full_one() -> None:
    full = (
        "Fix It Friday: Struggling With How To Arrange Your Living Room? We Help 4 Readers"
        " Find Solutions (Including One Trick That Works)"
    )
    cut = full[: full.index(" One Trick")]
    m = meta_of(
        page(
            _ld(f'{{"@type": "BlogPosting", "headline": "{cut}"}}')
            + f'<meta property="og:title" content="{full}">',
            BODY,
        )
    )
    assert m.headline == full


def test_a_short_declared_title_is_not_taken_for_a_cut_one() -> None:
    m = meta_of(
        page(
            _ld('{"@type": "BlogPosting", "headline": "Why we moved"}')
            + '<meta property="og:title" content="Why we moved to the coast">',
            BODY,
        )
    )
    assert m.headline == "Why we moved"


def _headline_of(markup: str, kind: str | None) -> str | None:
    root = parse_html(markup)
    return choose_headline(title_inputs(root, metas=collect_metas(root), kind=kind))[0]


def test_a_category_page_is_named_by_its_h1_not_its_search_title() -> None:
    markup = page(
        '<meta property="og:title" content="Headlamps for Camping, Hiking &amp; Running">',
        f"<h1>Headlamps</h1>{BODY}",
    )
    assert _headline_of(markup, "collection") == "Headlamps"
    # On an article the short <h1> is a section's name; the declared title names the story.
    assert _headline_of(markup, "article") == "Headlamps for Camping, Hiking & Running"


def test_a_category_h1_with_words_the_title_lacks_is_not_taken_for_its_name() -> None:
    markup = page(
        '<meta property="og:title" content="Modern Sofas &amp; Couches">',
        f"<h1>Sofas &amp; sectionals</h1>{BODY}",
    )
    assert _headline_of(markup, "collection") == "Modern Sofas & Couches"


def test_the_pilcrow_of_a_heading_permalink_is_no_part_of_the_headline() -> None:
    m = meta_of(
        page(
            "<title>Middleware | Example documentation</title>",
            '<h1>Middleware<a class="headerlink" href="#middleware">¶</a></h1>' + BODY,
        )
    )
    assert m.headline == "Middleware"


@pytest.mark.parametrize(
    ("declared", "h1"),
    [
        ("Flexbox - Learn web development", "Flexbox"),
        ("Jimmy: The Ultimate Device Opener, Stainless Steel Blade", "Jimmy"),
        ("Webcams | Yosemite National Park", "Webcams"),
    ],
)
def test_an_h1_that_is_the_lead_of_the_declared_title_names_the_page(
    declared: str, h1: str
) -> None:
    m = meta_of(page(f'<meta property="og:title" content="{declared}">', f"<h1>{h1}</h1>{BODY}"))
    assert m.headline == h1


def test_a_label_in_the_h1_gives_way_to_the_json_ld_headline() -> None:
    head = (
        _ld('{"@type": "DiscussionForumPosting", "headline": "Squad 2024 - 2025"}')
        + '<meta property="og:title" content="Player - Squad 2024 - 2025">'
    )
    body = f'<h1><span class="label">Player</span><span> </span>Squad 2024 - 2025</h1>{BODY}'
    assert meta_of(page(head, body)).headline == "Squad 2024 - 2025"


def test_a_line_break_in_the_h1_parts_its_words() -> None:
    body = f"<h1>Rebuilding the Legacy<br>of American Made</h1>{BODY}"
    m = meta_of(page("", body))
    assert m.headline == "Rebuilding the Legacy of American Made"


def test_a_button_inside_the_h1_is_not_its_text() -> None:
    body = '<h1>Crate <span>tokio</span> <button id="copy-path">Copy item path</button></h1>' + BODY
    assert meta_of(page("<title>tokio - Rust</title>", body)).headline == "Crate tokio"


def test_what_follows_the_current_crumb_is_no_crumb() -> None:
    body = (
        '<ul class="wy-breadcrumbs"><li><a href="/">Docs</a></li>'
        '<li class="breadcrumb-item"><a href="/guide/">Using playbooks</a></li>'
        '<li class="breadcrumb-item active">Ansible playbooks</li>'
        '<li class="wy-breadcrumbs-aside"><a href="https://github.example/edit">Edit on GitHub</a>'
        "</li></ul>"
        f"<h1>Ansible playbooks</h1>{BODY}"
    )
    m = meta_of(page("<title>Ansible playbooks — Example Documentation</title>", body))
    assert m.headline == "Ansible playbooks"
    assert "Edit on GitHub" not in m.breadcrumb


def test_a_language_menu_in_the_breadcrumb_box_is_no_crumb() -> None:
    body = (
        '<div class="breadcrumb-row"><ol><li><a href="/">Home</a></li>'
        '<li><a href="/health/">Health Information</a></li>'
        "<li><span>Some Myths about Nutrition</span></li></ol>"
        '<ul role="menu"><li class="current"><a href="/en">English</a></li>'
        '<li><a href="/es">Español</a></li></ul></div>'
        f"<h1>Some Myths about Nutrition</h1>{BODY}"
    )
    m = meta_of(page("<title>Some Myths about Nutrition - Example Institute</title>", body))
    assert m.headline == "Some Myths about Nutrition"
    assert m.breadcrumb == ("Home", "Health Information")


def test_an_h1_longer_than_the_sites_name_it_holds_is_no_logo() -> None:
    head = (
        '<meta property="og:site_name" content="Visual Studio">'
        "<title>Visual Studio Community | Download Latest Free Version</title>"
    )
    m = meta_of(page(head, f"<h1>Visual Studio Community</h1>{BODY}"))
    assert m.headline == "Visual Studio Community"
    # A word beside the name is still the logo's ("Example Homepage").
    m = meta_of(page(head, f"<h1>Visual Studio Homepage</h1>{BODY}"))
    assert m.headline != "Visual Studio Homepage"


def test_an_h1_linking_to_the_home_page_is_the_sites_logo() -> None:
    head = "<title>Small adventures with small language models</title>"
    for h1 in (
        '<h1><a href="/">Small Adventures Blog</a></h1>',
        '<a href="https://www.example-news.com/"><h1>Small Adventures Blog</h1></a>',
    ):
        m = meta_of(page(head, f"{h1}{BODY}"))
        assert m.headline == "Small adventures with small language models"
    # A link to a page of the site is no logo's.
    m = meta_of(
        page(head, f'<h1><a href="/posts/small">Small models, big adventures</a></h1>{BODY}')
    )
    assert m.headline == "Small models, big adventures"

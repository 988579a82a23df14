"""Headline, dates and authors as the modern web writes them (issue 12): the site's name off
the title whatever the separator, the visible <h1> against an SEO title, dates shown on the
page or found by htmldate, by-lines without markup, and where each field came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from metapages import BODY, meta_of, page

import declutter
from declutter.batch import BatchConfig, run_batch
from declutter.meta.names import split_authors
from declutter.meta.sitename import SiteKeys, generic_tail, strip_site

# --- the site's name on a title -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        (
            "Brief History of Coffee - Charleston Coffee Roasters",
            [],
            "https://www.charlestoncoffeeroasters.com/a",
            "Brief History of Coffee",
        ),
        (
            "Home renovation costs: Room-by-room costs and ROIs | Facet",
            ["Facet"],
            None,
            "Home renovation costs: Room-by-room costs and ROIs",
        ),
        (
            "Five steps to calm » Take The Magic Step®",
            ["Take The Magic Step"],
            None,
            "Five steps to calm",
        ),
        (
            "The Ultimate Car Maintenance Checklist | Bridgestone Tires",
            [],
            "https://tires.bridgestone.com/x",
            "The Ultimate Car Maintenance Checklist",
        ),
        (
            "Quanta Magazine — The Year in Mathematics",
            [],
            "https://www.quantamagazine.org/x",
            "The Year in Mathematics",
        ),
        ("Middleware · Django documentation · Django", ["Django"], None, "Middleware"),
        ("Best Shoes 2025 – Shop Now | Headphones.com", [], None, "Best Shoes 2025"),
        (
            "Engora Data Blog: Small adventures with small models",
            ["Engora Data Blog"],
            None,
            "Small adventures with small models",
        ),
        (
            "DigitalOcean: AI-Powered Cloud",
            ["Digital Ocean Holdings"],
            None,
            "DigitalOcean: AI-Powered Cloud",
        ),
        ("Nuts & Volts | Electronic Gadgets", ["Nuts and Volts"], None, "Electronic Gadgets"),
        ("Player Squad 2024 - 2025", [], None, "Player Squad 2024 - 2025"),
    ],
)
def test_strip_site(title: str, site: list[str], url: str | None, expected: str) -> None:
    assert strip_site(title, SiteKeys.of(site, url))[0] == expected


def test_generic_tail_needs_a_capitalised_short_tail() -> None:
    assert generic_tail("A long enough headline | Some Brand") == "A long enough headline"
    assert generic_tail("Fish & chips – a history") is None  # one story, not a brand
    assert generic_tail("Squad 2024 - 2025 season") is None  # a range of years, not a tail
    assert generic_tail("Short | Brand") is None


# --- the headline a reader sees -----------------------------------------------------------------


def test_og_title_loses_the_site_name_and_the_h1_wins() -> None:
    m = meta_of(
        page(
            "<title>Brief History of Coffee - Charleston Coffee Roasters</title>"
            '<meta property="og:title"'
            ' content="Brief History of Coffee - Charleston Coffee Roasters">'
            '<meta property="og:site_name" content="Charleston Coffee Roasters">',
            f"<h1>Brief History of Coffee</h1>{BODY}",
        )
    )
    assert m.headline == "Brief History of Coffee"
    assert m.sources["headline"] == "h1"


def test_visible_h1_beats_a_seo_variant_of_the_title() -> None:
    m = meta_of(
        page(
            "<title>Best Office Chairs for Back Pain Relief | Chair Co</title>",
            f"<h1>Best Office Chairs to Prevent Back Pain</h1>{BODY}",
        )
    )
    assert m.headline == "Best Office Chairs to Prevent Back Pain"


def test_a_slogan_h1_loses_to_the_title() -> None:
    m = meta_of(
        page(
            "<title>Cybersecurity Consulting Services | IBM</title>"
            '<meta property="og:site_name" content="IBM">',
            f"<h1>Elevate security maturity and move from reactive to ready</h1>{BODY}",
        ),
        "https://www.ibm.com/services/security",
    )
    assert m.headline == "Cybersecurity Consulting Services"
    assert m.sources["headline"] == "title"


def test_logo_h1_is_not_the_headline() -> None:
    m = meta_of(
        page(
            "<title>Defining Shared Behavior with Traits - The Rust Programming Language</title>",
            f"<header><h1>The Rust Programming Language</h1></header>{BODY}",
        )
    )
    assert m.headline == "Defining Shared Behavior with Traits"


def test_quote_glyphs_follow_the_declared_title() -> None:
    m = meta_of(
        page(
            "<title>Why Cheap SEO Doesn't Work | Agency</title>"
            '<meta property="og:title" content="Why Cheap SEO Doesn\'t Work">',
            f"<h1>Why Cheap SEO Doesn’t Work</h1>{BODY}",
        )
    )
    assert m.headline == "Why Cheap SEO Doesn't Work"


def test_home_page_title_keeps_the_site() -> None:
    m = meta_of(page("<title>Home - Ohio Artisan Collective</title>", BODY))
    assert m.headline == "Home - Ohio Artisan Collective"


# --- dates -----------------------------------------------------------------------------------


def test_declared_date_first_then_the_shown_one() -> None:
    head = '<meta property="article:published_time" content="2024-02-01T10:00:00Z">'
    body = f'<h1>Story</h1><p class="byline">Updated March 5, 2025</p>{BODY}'
    m = meta_of(page(head, body))
    assert m.published == "2024-02-01T10:00:00+00:00"
    assert m.sources["published"] == "meta"
    m = meta_of(page("", body))
    assert (m.published, m.modified) == ("2025-03-05", "2025-03-05")
    assert m.sources["published"] == "visible"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("<p>Published: January 3, 2024</p>", "2024-01-03"),
        ('<span class="post-date">12.12.2025</span>', "2025-12-12"),
        ("<div>Veröffentlicht am 7. März 2021</div>", "2021-03-07"),
        ('<time datetime="2025-12-18">Dec 18</time>', "2025-12-18"),
        ("<p>Posted by David at December 16, 2025 11:15 AM</p>", "2025-12-16T11:15:00"),
    ],
)
def test_dates_shown_beside_the_headline(line: str, iso: str) -> None:
    m = meta_of(page("", f"<h1>The story</h1>{line}{BODY}"))
    assert m.published == iso


def test_dates_in_comments_and_sidebars_are_not_the_articles() -> None:
    body = (
        f"<h1>The story</h1>{BODY}<aside><p>Posted on May 1, 2020</p></aside>"
        '<div class="comments"><p>Posted on June 2, 2021</p></div>'
    )
    assert meta_of(page("", body), None).published is None


def test_dates_never_after_tomorrow_nor_before_the_web() -> None:
    head = (
        '<meta property="article:published_time" content="2199-01-01">'
        '<meta name="date" content="1970-01-01">'
    )
    m = meta_of(page(head, f"<h1>Story</h1>{BODY}"), None)
    assert m.published is None


def test_htmldate_is_the_last_resort() -> None:
    body = f"<h1>Story</h1>{BODY}<p>Some text, 2023-04-05, more text.</p>"
    m = meta_of(page("", body), None)
    assert m.published == "2023-04-05"
    assert m.sources["published"] == "htmldate"


# --- authors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("paulb203", ["paulb203"]),
        ("Post by crumbshot » Tue Feb 13, 2024 8:41 am", ["crumbshot"]),
        ("By Jane Doe and John Roe | Staff", ["Jane Doe", "John Roe"]),
        ("Steven Musil January 18, 2025", ["Steven Musil"]),
    ],
)
def test_split_authors_modern(raw: str, names: list[str]) -> None:
    assert split_authors(raw) == names


def test_byline_line_beside_the_headline() -> None:
    m = meta_of(page("", f"<h1>Story</h1><p>Written by John Crenshaw</p>{BODY}"))
    assert m.authors == ("John Crenshaw",)
    assert m.sources["authors"] == "byline"


def test_author_page_link_beside_the_headline() -> None:
    body = f'<h1>Story</h1><div><a href="/author/sofia-gonzalez/">Sofia Gonzalez</a></div>{BODY}'
    assert meta_of(page("", body)).authors == ("Sofia Gonzalez",)
    category = (
        f'<h1>Story</h1><div><a href="/category/cloud-computing">Cloud Computing</a></div>{BODY}'
    )
    assert meta_of(page("", category)).authors == ()


def test_organisation_only_when_no_person_is_named() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "Article", "headline": "Story",'
        ' "author": {"@type": "Organization", "name": "Example Clinic"}}</script>'
    )
    m = meta_of(page(ld, f"<h1>Story</h1><p>By Holly Wilgus</p>{BODY}"))
    assert m.authors == ("Holly Wilgus",)
    m = meta_of(page(ld, f"<h1>Story</h1>{BODY}"))
    assert m.authors == ("Example Clinic",)
    assert m.sources["authors"] == "json-ld-organization"


# --- --explain and batches --------------------------------------------------------------------


def test_explain_records_sources() -> None:
    markup = page(
        '<title>Story - Site</title><meta property="og:site_name" content="Site">'
        '<meta property="article:published_time" content="2025-01-02">',
        f"<h1>Story</h1><p>By Jane Doe</p>{BODY}",
    )
    record = declutter.extract(markup, options=declutter.Options(explain=True)).to_dict(
        explain=True
    )
    assert record["sources"] == {
        "headline": "h1",
        "authors": "byline",
        "published": "meta",
    }
    assert "sources" not in declutter.extract(markup).to_dict()


SITE = "Quillfeather Gazette and Almanac of the Northern Counties"


def test_batch_learns_the_site_name_from_its_titles(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    stories = ["Rain returns to the valley", "Bridge reopens after repairs",
               "Library extends its hours", "Farmers market moves indoors"]  # fmt: skip
    for i, story in enumerate(stories):
        (pages / f"p{i}.html").write_text(
            page(f"<title>{story} | {SITE}</title>", BODY.replace("story", f"story {i}")),
            "utf-8",
        )
    out = tmp_path / "out.jsonl"
    run_batch(BatchConfig(inputs=[str(pages)], format="jsonl", out_file=str(out), jobs=1))
    headlines = sorted(json.loads(line)["headline"] for line in out.read_text().splitlines())
    assert headlines == sorted(stories)
    off = tmp_path / "off.jsonl"
    run_batch(
        BatchConfig(
            inputs=[str(pages)], format="jsonl", out_file=str(off), jobs=1, learn_sites=False
        )
    )
    records = [json.loads(line) for line in off.read_text().splitlines()]
    assert all(SITE in r["headline"] for r in records), records


def test_forum_thread_starter_is_the_author() -> None:
    card = (
        '<div class="post"><div class="author-info">{name}{label} · 12 posts</div>'
        "<p>{text}</p></div>"
    )
    body = (
        '<div class="sidebar-author">Newest member: someone</div><h1>Which projector to buy?</h1>'
        + card.format(name="eljaycanuck", label="", text="Quoted: an older answer first.")
        + card.format(name="JosephF", label=" Discussion starter", text="My question, at length.")
        + card.format(name="bud16415", label="", text="A reply.")
    )
    assert meta_of(page("", body)).authors == ("JosephF",)


def test_marked_author_nearest_after_the_headline() -> None:
    body = (
        '<div class="header"><span class="author">Site Editor Jane Roe</span></div>'
        '<h1>The story</h1><p class="byline"><span class="author">Amal Haddad</span></p>' + BODY
    )
    assert meta_of(page("", body)).authors == ("Amal Haddad",)

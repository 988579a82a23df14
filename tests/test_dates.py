"""The published and modified dates: unlabelled date lines beside the headline, the day a
``<time>`` shows, day-beside-month parsing, and declared dates that contradict each other."""

from __future__ import annotations

import metapages
import pytest
from metapages import BODY, page

from declutter.html.parse import parse_html
from declutter.meta.collect import Meta, extract_metadata
from declutter.meta.dateparse import is_bare_date, not_after, parse_date_value


def meta_of(head: str, body: str) -> Meta:
    return metapages.meta_of(page(f"<title>T</title>{head}", body))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("5 min read · February 6, 2026", "2026-02-06"),
        ("23 de febrero de 2015", "2015-02-23"),
        ("Essay - Published: 2025.12.17", "2025-12-17"),
        ("Updated 2025-12-17", "2025-12-17"),
        ("2025 March 5", "2025-03-05"),
        ("v2.1.2023.5", None),
        ("2025年12月19日 10:30", "2025-12-19"),
        ("2025년 12월 19일", "2025-12-19"),
        ("ngày 19 tháng 12 năm 2025", "2025-12-19"),
        ("19 декабря 2025 г.", "2025-12-19"),
        ("19 грудня 2025 р.", "2025-12-19"),
        ("19 Aralık 2025 Cuma", "2025-12-19"),
        ("19 Δεκεμβρίου 2025", "2025-12-19"),
        ("19. joulukuuta 2025", "2025-12-19"),
        ("19 ديسمبر 2025", "2025-12-19"),
        ("2025年度の予算", None),
    ],
)
def test_parse_date_value_finds_the_day_beside_the_month(text: str, iso: str | None) -> None:
    found = parse_date_value(text)
    assert (found.isoformat()[:10] if found else None) == iso


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Dec 17, 2025", True),
        ("17.05.2021", True),
        ("Friday, 5 March 2024 at 10:30 am", True),
        ("Tax brackets for 2025", False),
        ("Join us on March 5, 2025 for the launch", False),
        ("2025年12月19日", True),
        ("19 декабря 2025 г. в 10:30", True),
    ],
)
def test_bare_date_lines(text: str, bare: bool) -> None:
    assert is_bare_date(text) is bare


def test_an_unlabelled_date_under_the_headline_is_the_pages() -> None:
    m = meta_of("", f'<h1>The story</h1><div class="text-sm">December 13, 2025</div>{BODY}')
    assert m.published == "2025-12-13"
    assert m.sources["published"] == "visible"


def test_unlabelled_dates_in_links_cells_or_far_away_are_not_the_pages() -> None:
    far = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(60))
    for body in (
        f'<h1>The story</h1><a href="/old">December 13, 2025</a>{BODY}',
        f"<h1>The story</h1><table><tr><td>12/01/2013</td></tr></table>{BODY}",
        f"<h1>The story</h1>{BODY}{far}<div>December 13, 2025</div>",
    ):
        assert meta_of("", body).sources.get("published") != "visible"


def test_a_time_inside_a_date_line_gives_the_exact_day() -> None:
    line = (
        '<small class="post-date"><time datetime="2023-10-12T19:38:01.0870000Z">'
        "10/12/2023 7:38:01 PM</time></small>"
    )
    assert meta_of("", f"<h1>The story</h1>{line}{BODY}").published == "2023-10-12T19:38:01+00:00"


def test_a_time_shows_its_local_day() -> None:
    line = '<time datetime="2026-02-24T04:13:00Z">February 23, 2026</time>'
    assert meta_of("", f"<h1>The story</h1>{line}{BODY}").published == "2026-02-23"


def test_declared_modified_before_published_is_dropped() -> None:
    head = (
        '<meta property="article:published_time" content="2025-03-12T08:00:00">'
        '<meta property="article:modified_time" content="2025-03-03T15:01:45">'
    )
    m = meta_of(head, f"<h1>The story</h1>{BODY}")
    assert (m.published, m.modified) == ("2025-03-12T08:00:00", None)


def test_a_shown_day_is_compared_with_the_local_day_of_the_modified_time() -> None:
    assert not_after("2025-10-01", "2025-10-01T00:00:00+03:00")
    head = '<meta property="article:modified_time" content="2025-10-01T00:00:00+03:00">'
    m = meta_of(head, f"<h1>The story</h1><div>October 1, 2025</div>{BODY}")
    assert m.published == "2025-10-01"


def test_published_and_updated_shown_together() -> None:
    line = (
        '<div class="dateline-wrapper"><a href="/c">Health</a>'
        '<span class="dateline">DECEMBER 22, 2022</span>'
        '<span class="dateline updated">Updated: JANUARY 02, 2026</span></div>'
    )
    m = meta_of("", f"{line}<h1>The story</h1>{BODY}")
    assert (m.published, m.modified) == ("2022-12-22", "2026-01-02")


def test_a_post_date_with_its_edit_note_inside() -> None:
    line = (
        '<span class="post_date">2019-02-23, 09:14 PM <span class="edited_post">'
        "(This post was last modified: 2024-01-05, 03:27 AM by admin.)</span></span>"
    )
    assert meta_of("", f"<h1>The story</h1>{line}{BODY}").published == "2019-02-23T21:14:00"


def test_a_date_after_an_icon_and_a_date_before_the_byline() -> None:
    icon = '<div class="meta"><svg><use href="#calendar"></use></svg> Dec 12, 2025 </div>'
    assert meta_of("", f"<h1>The story</h1>{icon}{BODY}").published == "2025-12-12"
    lead = '<p>Dec 26, 2025 <span>&#8226;</span> <img src="a.png"> Jane Doe</p>'
    assert meta_of("", f"<h1>The story</h1>{lead}{BODY}").published == "2025-12-26"


def test_utility_classes_do_not_make_a_sidebar() -> None:
    body = (
        '<h1>The story</h1><div class="w-full lg:mr-[--sidebar-container-width]">'
        f"<span>Published on Oct 21, 2025</span>{BODY}</div>"
    )
    assert meta_of("", body).published == "2025-10-21"


def test_a_plain_published_meta_and_a_page_without_h1() -> None:
    assert meta_of('<meta name="published" content="July 17, 2025">', BODY).published == (
        "2025-07-17"
    )
    head = '<meta property="og:title" content="Best HR management software compared">'
    body = f'<p class="title">Best HR management software compared</p><p>Feb 16, 2026</p>{BODY}'
    assert meta_of(head, body).published == "2026-02-16"


DECLARED = '<meta property="article:published_time" content="2025-06-24T10:00:00Z">'


@pytest.mark.parametrize(
    ("line", "iso", "source"),
    [
        ("<p>August 25, 2024</p>", "2024-08-25", "visible"),  # the page states another day
        ("<p>June 23, 2025</p>", "2025-06-24T10:00:00+00:00", "meta"),  # a time zone apart
        ("<p>06/24/2025</p>", "2025-06-24T10:00:00+00:00", "meta"),  # agrees
        ("<p>Updated August 25, 2025</p>", "2025-06-24T10:00:00+00:00", "meta"),  # an update
    ],
)
def test_a_date_shown_by_the_headline_against_the_declared_one(
    line: str, iso: str, source: str
) -> None:
    m = meta_of(DECLARED, f"<h1>The story</h1>{line}{BODY}")
    assert (m.published, m.sources["published"]) == (iso, source)


def test_day_and_month_read_as_the_declared_date_says() -> None:
    head = '<meta property="article:published_time" content="2024-09-10">'
    m = meta_of(head, f"<h1>The story</h1><p>10/09/2024</p>{BODY}")
    assert m.published == "2024-09-10"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Marco Bambini Dec 19, 2025", "2025-12-19"),
        ("2024.4.4 -> 2024.5.0 issue", None),
        ("2021.3.7", "2021-03-07"),
    ],
)
def test_names_and_versions_are_not_dates(text: str, iso: str | None) -> None:
    found = parse_date_value(text)
    assert (found.isoformat()[:10] if found else None) == iso


def test_an_update_label_after_a_date_is_not_its_label() -> None:
    line = (
        '<div class="dateline-wrapper"><span class="dateline">December 22, 2022</span>'
        '<span class="dateline updated">Updated: January 2, 2026</span></div>'
    )
    m = meta_of("", f"<h1>The story</h1>{line}{BODY}")
    assert (m.published, m.modified) == ("2022-12-22", "2026-01-02")


@pytest.mark.parametrize(
    ("text", "iso"),
    [("11-29-2024,", "2024-11-29"), ("29-11-2024", "2024-11-29"), ("03-09-2026", None)],
)
def test_dashed_numeric_dates_only_when_unambiguous(text: str, iso: str | None) -> None:
    found = parse_date_value(text)
    assert (found.isoformat()[:10] if found else None) == iso


def test_the_address_gives_the_local_day_of_a_utc_timestamp() -> None:
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    markup = f"<html><head>{head}</head><body><h1>The story</h1>{BODY}</body></html>"
    url = "https://blog.example.org/2025/12/18/the-story/"
    m = extract_metadata(parse_html(markup), url)
    assert (m.published, m.sources["published"]) == ("2025-12-18", "url")
    m = extract_metadata(parse_html(markup), "https://blog.example.org/2025/12/01/the-story/")
    assert m.published == "2025-12-19T02:41:41+00:00"


def test_a_shown_day_no_time_zone_reaches_beats_the_declared_moment() -> None:
    # 22:02 UTC is the 19th or the 20th somewhere, never the 18th the page shows.
    head = '<meta property="article:published_time" content="2025-12-19T22:02:58+00:00">'
    m = meta_of(head, f"<h1>The story</h1><div>Dec 18, 2025</div>{BODY}")
    assert (m.published, m.sources["published"]) == ("2025-12-18", "visible")
    # 02:41 UTC is still the 18th west of Greenwich: the declared moment is the exact one.
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    m = meta_of(head, f"<h1>The story</h1><div>Dec 18, 2025</div>{BODY}")
    assert m.published == "2025-12-19T02:41:41+00:00"


def test_a_date_in_a_page_builders_block_or_a_newsletter_issue_is_shown() -> None:
    for wrapper in ("elementor-widget-container", "newsletter-details-wrapper"):
        line = f'<div class="{wrapper}"><p>November 2, 2022</p></div>'
        m = meta_of("", f"<h1>The story</h1>{line}{BODY}")
        assert m.published == "2022-11-02", wrapper
    sidebar = '<div class="widget widget_recent"><p>November 2, 2022</p></div>'
    assert meta_of("", f"<h1>The story</h1>{sidebar}{BODY}").published is None


def test_a_labelled_date_line_far_from_the_headline_when_nothing_else_dates_the_page() -> None:
    far = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(300))
    line = '<p style="text-align:right">Last updated: November 13, 2025</p>'
    m = meta_of("", f"<h1>Open Menu Close Menu</h1>{BODY}{far}{line}")
    assert (m.published, m.modified, m.sources["published"]) == (
        "2025-11-13",
        "2025-11-13",
        "visible",
    )
    comment = '<div class="comments"><p>Posted on March 3, 2024</p></div>'
    assert meta_of("", f"<h1>The story</h1>{BODY}{far}{comment}").published is None
    head = '<meta property="article:published_time" content="2024-01-02">'
    assert meta_of(head, f"<h1>The story</h1>{BODY}{far}{line}").published == "2024-01-02"

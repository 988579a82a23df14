"""Dates a page shows its readers: date lines with a reading time, blocks that open with their
date, a declared date the headline repeats, re-saved pages, thread starters and forum posts."""

from __future__ import annotations

from metapages import BODY, page

from declutter.html.parse import parse_html
from declutter.meta.collect import Meta, extract_metadata

URL = "https://www.example-news.com/story"
#: Twenty elements of a by-line bar (name, follow, share …) between a headline and its date.
FILLER = "".join(f"<span>{word}</span>" for word in ("Jane", "Doe", "Follow", "Share", "X")) * 4


def meta_of(head: str, body: str, kind: str | None = None) -> Meta:
    return extract_metadata(parse_html(page(f"<title>T</title>{head}", body)), URL, kind=kind)


def test_a_date_line_with_a_reading_time_gives_its_date() -> None:
    for line in ("December 18, 2025 ・ 3 min read", "February 4, 2025 - 11 minutes"):
        m = meta_of("", f"<h1>The story</h1><span class='c1'>{line}</span>{BODY}")
        assert m.published is not None and m.sources["published"] == "visible"
        assert m.published in ("2025-12-18", "2025-02-04")


def test_a_hyphenated_date_is_not_cut_into_parts() -> None:
    m = meta_of("", f"<h1>The story</h1><span>2025-12-18 | Jane Doe</span>{BODY}")
    assert m.published == "2025-12-18"


def test_a_block_that_opens_with_its_date() -> None:
    long_story = BODY * 6
    body = (
        "<h1>The blog</h1><fieldset><legend>Week two</legend> 20 December 2025 "
        f"<div>{long_story}</div></fieldset>"
    )
    assert meta_of("", body).published == "2025-12-20"


def test_the_declared_date_the_headline_shows_comes_first() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "The story",'
        ' "datePublished": "2024-08-29T10:00:00Z"}</script>'
        '<meta property="article:published_time" content="2025-11-25">'
    )
    m = meta_of(head, f"<h1>The story</h1><p>Nov 25, 2025</p>{BODY}")
    assert m.published == "2025-11-25"
    assert m.sources["published"] == "meta"


def test_a_shown_date_years_before_the_declared_one_is_the_pages() -> None:
    head = '<meta property="article:published_time" content="2024-08-07T12:01:51Z">'
    filler = FILLER
    body = f"<h1>The story</h1><div>{filler}</div><span>Dec 30, 2013</span>{BODY}"
    assert meta_of(head, body).published == "2013-12-30"


def test_a_shown_date_weeks_before_the_declared_one_farther_down_is_not() -> None:
    head = '<meta property="article:published_time" content="2024-08-07T12:01:51Z">'
    filler = FILLER
    body = f"<h1>The story</h1><div>{filler}</div><span>Jul 1, 2024</span>{BODY}"
    assert meta_of(head, body).published == "2024-08-07T12:01:51+00:00"


def test_a_published_date_far_down_beats_a_resave_stamp() -> None:
    # Declared published the very moment it was last modified: a re-save's stamp.
    head = (
        '<meta property="article:published_time" content="2025-11-29T12:28:31-05:00">'
        '<meta property="article:modified_time" content="2025-11-29T12:28:31-05:00">'
    )
    line = 'Published <time datetime="2025-08-13">August 13, 2025</time>'
    body = f"<h1>The story</h1><div>{FILLER * 3}</div><p>{line}</p>{BODY}"
    assert meta_of(head, body).published == "2025-08-13"
    # Not a date merely shown there, nor when the page was changed after it was published.
    plain = f"<h1>The story</h1><div>{FILLER * 3}</div><p>Aug 13, 2025</p>{BODY}"
    assert meta_of(head, plain).published == "2025-11-29T12:28:31-05:00"
    changed = head.replace(
        'modified_time" content="2025-11-29',
        'modified_time" content="2025-12-01',
    )
    assert meta_of(changed, body).published == "2025-11-29T12:28:31-05:00"


def test_a_thread_starter_line_dates_the_thread() -> None:
    body = (
        "<div id='footerfix'><h1><img src='logo.png'></h1><div id='main'>"
        "<h2><span>How does everyone handle backups?</span></h2>"
        "<p>Started by Jane Doe, June 04, 2024, 11:23:55 AM</p>"
        f"{BODY}</div></div>"
    )
    head = '<meta property="og:title" content="How does everyone handle backups?">'
    assert (meta_of(head, body).published or "")[:10] == "2024-06-04"


def test_the_date_an_update_line_follows_is_the_publication_date() -> None:
    far = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(300))
    body = (
        f"<h1>The story</h1>{BODY}{far}"
        '<p class="credit">December 3, 2025. <i>Updated: December 7, 2025</i></p>'
    )
    assert meta_of("", body).published == "2025-12-03"


def test_a_forum_posts_date_cell_far_below_the_title_dates_the_thread() -> None:
    menu = "".join(f"<li><a href='/f{i}'>Forum {i}</a></li>" for i in range(40))
    body = (
        f"<strong>Wrong refresh rate</strong><ul>{menu}</ul>"
        "<table><tr><td class='thead'><a name='post1'><img src='old.gif'></a>"
        f" 30th March 2025, 16:26 </td></tr><tr><td>{BODY}</td></tr></table>"
    )
    head = '<meta property="og:title" content="Wrong refresh rate">'
    assert (meta_of(head, body, kind="forum").published or "")[:10] == "2025-03-30"
    assert meta_of(head, body, kind="article").sources.get("published") != "visible"


def test_labelled_date_lines_in_other_scripts() -> None:
    story = "<p>" + "正文内容。" * 40 + "</p>"
    m = meta_of(
        "",
        "<h1>見出し</h1><p><span>公開日：2025年12月19日</span> <span>更新日：2025年12月20日</span>"
        f"</p>{story}",
    )
    assert (m.published, m.modified) == ("2025-12-19", "2025-12-20")
    m = meta_of("", f"<h1>Заголовок</h1><div>Опубликовано 19 декабря 2025 г. в 10:30</div>{BODY}")
    assert m.published == "2025-12-19T10:30:00"


def test_a_date_after_a_label_names_what_the_label_says() -> None:
    body = f"<h1>The thread</h1><dl><dd><strong>Founded:</strong> Dec 11, 2021</dd></dl>{BODY}"
    assert meta_of("", body).sources.get("published") != "visible"


def test_a_post_header_after_its_poster_dates_the_thread() -> None:
    body = (
        "<h3><a href='#p1'>The thread</a></h3><p class='author'><a href='#p1'><img src='i.gif'>"
        "</a>by <strong><a href='/u/1'>Jane Doe</a></strong> » Tue Aug 27, 2019 1:47 am </p>"
        f"{BODY}"
    )
    head = '<meta property="og:title" content="The thread">'
    m = meta_of(head, body, kind="forum")
    assert (m.published or "")[:10] == "2019-08-27"
    assert m.sources["published"] == "visible"


def test_a_quoted_posts_date_is_not_the_threads() -> None:
    quote = (
        "<blockquote><cite>Jane wrote:<div>Sun Dec 17, 2023 11:23 am</div></cite>Hi</blockquote>"
    )
    body = f"<h1>The thread</h1>{quote}{BODY}"
    assert meta_of("", body, kind="forum").sources.get("published") != "visible"

"""Authors from the sources modern pages use: user names, label/data metas, thread starters,
by-lines split over elements, an article's own footer."""

from __future__ import annotations

import json

import pytest
from metapages import BODY, meta_of, page

from declutter.meta.names import split_authors, team_name, user_name


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ron1cne", "ron1cne"),
        ("Mr_Enigmatic", "Mr_Enigmatic"),
        ("b.scherer", "b.scherer"),
        ("admin", None),
        ("team", None),
        ("example.com", None),
        ("jane@example.com", None),
        ("two words", None),
    ],
)
def test_user_name(text: str, expected: str | None) -> None:
    assert user_name(text) == expected


def test_a_declared_person_known_by_a_user_name() -> None:
    posting = {
        "@context": "https://schema.org",
        "@type": "DiscussionForumPosting",
        "headline": "Which host for a small server?",
        "author": {"@type": "Person", "name": "ron1cne"},
    }
    m = meta_of(page(ld(posting), f"<h1>Which host for a small server?</h1>{BODY}"))
    assert m.authors == ("ron1cne",)
    assert m.sources["authors"] == "json-ld"


def test_an_account_id_declared_as_author_gives_way_to_the_name_shown() -> None:
    article = {"@context": "https://schema.org", "@type": "NewsArticle", "author": "CC7567"}
    byline = '<div class="byline"><span class="author-name">James Akinaka</span></div>'
    m = meta_of(page(ld(article), f"<h1>Original cuts may return</h1>{byline}{BODY}"))
    assert m.authors == ("James Akinaka",)
    assert m.sources["authors"] == "markup"
    # With no name shown, the account id is all the page gives.
    alone = meta_of(page(ld(article), f"<h1>Original cuts may return</h1>{BODY}"))
    assert alone.authors == ("CC7567",)


def test_written_by_label_and_data_metas() -> None:
    head = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Tyler Brown">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="4 minutes">'
    )
    m = meta_of(page(head, f"<h1>Moving tips</h1>{BODY}"))
    assert m.authors == ("Tyler Brown",)
    assert m.sources["authors"] == "meta"


def test_reading_time_data_is_no_author() -> None:
    head = (
        '<meta name="twitter:label1" content="Est. reading time">'
        '<meta name="twitter:data1" content="Four Minutes">'
    )
    assert meta_of(page(head, f"<h1>Moving tips</h1>{BODY}")).authors == ()


def test_the_site_as_author_only_when_no_person_is_named() -> None:
    head = (
        '<meta name="author" content="CBC Bank"><meta property="og:site_name" content="CBC Bank">'
    )
    m = meta_of(page(head, f"<h1>Nine money tips</h1>{BODY}"))
    assert m.authors == ("CBC Bank",)
    assert m.sources["authors"] == "json-ld-organization"
    named = meta_of(page(head, f'<h1>Nine money tips</h1><p class="byline">By Ann Lee</p>{BODY}'))
    assert named.authors == ("Ann Lee",)


def test_rel_author_in_the_articles_own_footer() -> None:
    body = (
        f"<article><h1>What tutoring is</h1>{BODY}"
        '<footer class="meta"><div class="author"><p class="name">'
        '<a href="/author/hg" rel="author">Halina Goetz</a></p></div></footer></article>'
        '<footer class="site"><a href="/about" rel="author">Site Team Pages</a></footer>'
    )
    assert meta_of(page("", body)).authors == ("Halina Goetz",)


def test_itemprop_author_on_a_page_without_byline_classes() -> None:
    body = (
        '<div class="article__meta"><strong itemprop="author">By Ibrahim Diallo</strong></div>'
        f"<h1>A post</h1>{BODY}"
    )
    assert meta_of(page("", body)).authors == ("Ibrahim Diallo",)


@pytest.mark.parametrize(
    "line",
    [
        '<ul><li><span class="u-srOnly">Thread starter</span>'
        ' <a href="/members/sean_g.81409/" class="username">sean_g</a></li></ul>',
        '<p class="muted">Discussion in \'<a href="/forums/help">Help</a>\' started by'
        ' <a href="/members/pelex.1/" class="username">pelex</a>, <span>May 26, 2025</span>.</p>',
        "<p>Started by Biology Forums, June 04, 2024, 11:23:55 AM</p>",
    ],
)
def test_the_thread_starter_beside_the_title(line: str) -> None:
    body = (
        f'<div class="mainContainer_noSidebar"><h1>Best server hosts</h1>{line}'
        '<div class="message"><a class="author" href="/members/other.2/">Someone Else</a>'
        f"{BODY}</div></div>"
    )
    m = meta_of(page("", body))
    assert m.authors[:1] in (("sean_g",), ("pelex",), ("Biology Forums",))
    assert m.sources["authors"] == "starter"


def test_a_starter_in_a_list_of_similar_threads_is_not_the_author() -> None:
    body = (
        f"<h1>Best server hosts</h1>{BODY}"
        '<div class="similar-threads"><p>Cheap hosts? started by <a href="/m/x">otheruser1</a>'
        "</p></div>"
    )
    assert meta_of(page("", body)).sources.get("authors") != "starter"


def test_a_by_line_split_over_elements() -> None:
    body = (
        '<h1>Trends in catering</h1><div class="meta"><p>Written by</p><p>Edzel Tabing</p></div>'
        f"{BODY}"
    )
    assert meta_of(page("", body)).authors == ("Edzel Tabing",)


def test_a_bare_by_before_a_name_but_not_before_a_brand_link() -> None:
    person = f'<h1>Sleep</h1><div><span class="x">By</span><span>Daryl Austin</span></div>{BODY}'
    assert meta_of(page("", person)).authors == ("Daryl Austin",)
    brand = (
        '<h1>Executive Chair</h1><div><span class="x">By</span>'
        '<a href="/brand/boss-office-products"><span>Boss Office Products</span></a></div>'
        f"{BODY}"
    )
    assert meta_of(page("", brand)).authors == ()


def test_a_nickname_in_brackets_stays_inside_the_name() -> None:
    m = meta_of(page('<meta name="author" content="Richard (R.J.) Eskow">', f"<h1>T</h1>{BODY}"))
    assert m.authors == ("Richard Eskow",)


def test_dublin_core_creator_before_the_author_meta() -> None:
    head = (
        '<meta name="DC.creator" content="Jennifer Huberty"><meta name="author" content="Ann Lee">'
    )
    assert meta_of(page(head, f"<h1>T</h1>{BODY}")).authors == ("Jennifer Huberty",)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Keith Barry Senior Autos Reporter", ["Keith Barry"]),
        ("Rachel MacDonald Writer", ["Rachel MacDonald"]),
        ("Adrien Ramirez Former Staff Writer", ["Adrien Ramirez"]),
        ("AP Auto Writer", []),
        ("Great Day Editorial Team", []),
    ],
)
def test_a_writers_title_after_the_name(text: str, names: list[str]) -> None:
    assert split_authors(text) == names


def test_a_by_line_whose_name_is_a_link_to_the_members_page() -> None:
    body = (
        f"<h1>MLS is back</h1>"
        '<div class="post"><p class="author"><span>by <strong><a href="./memberlist.php?mode='
        'viewprofile&amp;u=1654">Outer Armatonisdaristan</a></strong> » Tue Aug 27, 2019'
        f" 1:47 am</span></p>{BODY}</div>"
    )
    assert meta_of(page("", body)).authors == ("Outer Armatonisdaristan",)


def test_a_microformat_author_card_is_no_teaser_card() -> None:
    body = (
        '<h1>Caches</h1><div class="byline">via <a class="u-author h-card" href="/~scvalex">'
        f"scvalex</a> 1 year ago</div>{BODY}"
        '<div class="research-card_authors">Jiejing Zhang, Yubo Wang</div>'
    )
    assert meta_of(page("", body)).authors == ("scvalex",)


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("The Upwork Team", "The Upwork Team"),
        ("ByThe Meetingnotes Team|6mins|February 28, 2026", "The Meetingnotes Team"),
        ("Great Day Editorial Team", "Great Day Editorial Team"),
        ("Our Editors", None),
        ("Editorial Team", None),
        ("Jane Doe", None),
    ],
)
def test_team_name(text: str, team: str | None) -> None:
    assert team_name(text) == team


def test_a_team_only_when_no_person_is_named() -> None:
    head = '<meta name="author" content="Great Day Editorial Team">'
    m = meta_of(page(head, f"<h1>Hiring</h1>{BODY}"))
    assert m.authors == ("Great Day Editorial Team",)
    assert m.sources["authors"] == "team"
    named = meta_of(page(head, f'<h1>Hiring</h1><p class="byline">By Ann Lee</p>{BODY}'))
    assert named.authors == ("Ann Lee",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J. R. Smith", ["J. R. Smith"]),
        ("J.R.R. Tolkien and C. S. Lewis", ["J.R.R. Tolkien", "C. S. Lewis"]),
        ("TOM KRISHER AP Auto Writer", ["Tom Krisher"]),
        ("page.head.extra.author", []),
    ],
)
def test_initials_and_unfilled_template_fields(text: str, expected: list[str]) -> None:
    """Initials are no shouted name to cut at; a template's dotted field path is no name."""
    assert split_authors(text) == expected
    if not expected:
        assert user_name(text) is None


def test_a_by_line_that_goes_on_past_the_linked_name() -> None:
    body = (
        '<h1>Tips for selecting motors</h1><p>By <a href="/contributor/a_j_neal">A. J. Neal</a>'
        ' &nbsp; <a href="/digital">View In Digital Edition</a></p>'
        f"{BODY}"
    )
    assert meta_of(page("", body)).authors == ("A. J. Neal",)


def test_an_author_box_with_a_bio_gives_the_name_it_shows_not_its_sentences() -> None:
    body = (
        f"<h1>Planting beds</h1>{BODY}"
        '<div class="author-container"><h4>The Author</h4><span>NB</span><p>Nicole Burke</p>'
        "<p>As founder of Rooted Garden, I've consulted with hundreds of new and experienced"
        " gardeners and designed all kinds of kitchen gardens.</p></div>"
    )
    m = meta_of(page("", body))
    assert m.authors == ("Nicole Burke",)
    assert m.sources["authors"] == "markup"


def test_an_author_bio_sentence_names_who_wrote_the_post() -> None:
    body = (
        f"<h1>Patient intake</h1>{BODY}"
        '<div class="author-bio">This post was written by Danielle Padula, Head of Marketing and'
        " Community Development at the company</div>"
    )
    assert meta_of(page("", body)).authors == ("Danielle Padula",)


def test_a_by_line_that_is_one_wrapped_link() -> None:
    body = (
        '<h1>Reduce waste</h1><div class="my-meta"><span><a href="/search?q=Meaghan+Weeden">'
        f"by Meaghan Weeden</a></span></div>{BODY}"
    )
    assert meta_of(page("", body)).authors == ("Meaghan Weeden",)


def test_a_list_of_links_is_no_by_line() -> None:
    body = (
        '<h1>Hardware catalogs</h1><ul><li><a href="/b?k=door">Door fittings -- Catalogs</a></li>'
        f'</ul><div><span><a href="/b?k=door">Door fittings -- Catalogs</a></span></div>{BODY}'
    )
    assert meta_of(page("", body)).authors == ()


_FAR = "".join(
    f"<p>Paragraph {i} of a long guide goes on about its subject at length.</p>" for i in range(160)
)


def test_an_article_signed_at_its_end() -> None:
    body = (
        f"<h1>How mobile apps are made</h1>{_FAR}"
        '<p>Written by <a href="/blog/author/moses-kim">Moses Kim and Kate Shokurova</a></p>'
    )
    assert meta_of(page("", body)).authors == ("Moses Kim", "Kate Shokurova")


def test_a_customer_review_far_down_a_page_signs_nothing() -> None:
    body = (
        f"<h1>Cast iron pan</h1>{_FAR}"
        '<article class="review-item"><div class="review-meta">Written by Faith Cox on Jul 5th'
        " 2022</div><p>Quick delivery.</p></article>"
    )
    assert meta_of(page("", body)).authors == ()


def test_an_interview_by_line() -> None:
    body = (
        '<h1>Award-winning novels of the year</h1><p class="interview-credit">Interview by '
        f'<a href="/interviewer/sylvia-bishop/">Sylvia Bishop</a></p>{BODY}'
    )
    assert meta_of(page("", body)).authors == ("Sylvia Bishop",)


def test_a_by_line_in_the_articles_own_footer() -> None:
    body = (
        f"<main><article><h1>Preparing a transition</h1>{BODY}<footer><p>Posted by "
        '<a href="/blog/author/colin-watson.html">Colin Watson</a> on '
        '<time datetime="2025-12-18T13:21:19+00:00">2025-12-18</time></p></footer></article>'
        "</main>"
    )
    assert meta_of(page("", body)).authors == ("Colin Watson",)


def test_a_by_line_label_then_an_avatar_then_the_name() -> None:
    body = (
        '<h1>Best tutors</h1><div><span>Written by:</span><picture><img src="a.jpg" alt="">'
        f"</picture><span>Elise Nass</span></div>{BODY}"
    )
    assert meta_of(page("", body)).authors == ("Elise Nass",)


def test_a_by_line_in_deeply_indented_markup() -> None:
    pad = "\n" + " " * 120
    body = (
        f'<h1>Efficient cars</h1><div class="byline-authors"><span class="author-name">{pad}By '
        f'<a href="/people/keith-barry/">Keith Barry</a>{pad}<span>Senior Autos Reporter</span>'
        f"{pad}</span></div>{BODY}"
    )
    assert meta_of(page("", body)).authors == ("Keith Barry",)


def test_a_by_line_beside_a_headline_that_is_no_h1() -> None:
    head = "<title>Homestead gardening brings hope</title>"
    body = (
        f"<h4>Homestead gardening brings hope</h4><p>By <strong>Md Aynal Haque</strong></p>{BODY}"
    )
    assert meta_of(page(head, body)).authors == ("Md Aynal Haque",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("<p>Aaron Ricadela | Senior Writer | July 2, 2025</p>", ("Aaron Ricadela",)),
        (
            '<p>Dec 26, 2025 <span>•</span> Mahua Das in <a href="/blog/pm">Project Management'
            "</a></p>",
            ("Mahua Das",),
        ),
        ('<p>Dec 12, 2025 | <a href="/category/travel">Travel Tips</a></p>', ()),
        ("<p>Dec 12, 2025 · 5 min read</p>", ()),
    ],
)
def test_a_line_of_date_and_name_under_the_headline(line: str, names: tuple[str, ...]) -> None:
    assert meta_of(page("", f"<h1>How AI is changing care</h1>{line}{BODY}")).authors == names


def test_a_by_line_in_the_side_column_of_the_main_part() -> None:
    side = (
        '<aside class="side-col"><p class="author">Written By <span>Jane Doe, MD</span></p></aside>'
    )
    body = f"<main><h1>Sleep training</h1>{side}<div>{BODY}</div></main>"
    assert meta_of(page("", body)).authors == ("Jane Doe",)
    related = '<aside class="related"><p>By Other Writer</p></aside>'
    body = f"<main><h1>Sleep training</h1><div>{BODY}</div></main>{related}"
    assert meta_of(page("", body)).authors == ()

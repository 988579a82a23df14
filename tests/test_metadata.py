"""Metadata of HTML pages: each source, the normalisations, and malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest

from declutter.html.parse import parse_html
from declutter.meta.authors import find_authors
from declutter.meta.breadcrumb import drop_repeated_headline, find_breadcrumb
from declutter.meta.collect import Meta, collect_metas, extract_metadata
from declutter.meta.dates import date_from_url, find_dates, normalize_date, not_after
from declutter.meta.headline import find_headline, strip_site_tail
from declutter.meta.jsonld import load, parse_payload
from declutter.meta.language import declared_language, detect_language, normalize_language
from declutter.meta.names import is_name, split_authors

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "metadata"


def meta_of(markup: str, url: str | None = "https://example.com/section/page.html") -> Meta:
    return extract_metadata(parse_html(markup), url)


def page(head: str = "", body: str = "", lang: str = "") -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<!DOCTYPE html><html{attr}><head>{head}</head><body>{body}</body></html>"


def ld(payload: str) -> str:
    return f'<script type="application/ld+json">{payload}</script>'


# --- JSON-LD ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}', [{"a": 1}]),
        ('{"a": [1, 2,], "b": {"c": 3,},}', [{"a": [1, 2], "b": {"c": 3}}]),  # trailing commas
        ('<![CDATA[ {"a": 1} ]]>', [{"a": 1}]),
        ('//<![CDATA[\n{"a": 1}\n//]]>', [{"a": 1}]),
        ('<!-- {"a": 1} -->', [{"a": 1}]),
        ("{&quot;a&quot;: &quot;x&quot;}", [{"a": "x"}]),  # an HTML-escaped payload
        ('{"a": 1}\n{"b": 2}', [{"a": 1}, {"b": 2}]),  # two objects in one script
        ('[{"a": 1}, {"b": 2}]', [[{"a": 1}, {"b": 2}]]),
        ('{"text": "line\nbreak"}', [{"text": "line\nbreak"}]),  # raw control character
        ("", []),
        ("{ not json", []),
        ("}}}]]]", []),
        ("[" * 5000, []),
    ],
)
def test_parse_payload_repairs_or_skips(text: str, expected: list[object]) -> None:
    assert parse_payload(text) == expected


def test_jsonld_graph_ids_and_several_scripts() -> None:
    root = parse_html(
        page(
            ld('{"@context": "https://schema.org", "@graph": ['
               '{"@type": "Person", "@id": "#p1", "name": "Ada Lovelace"},'
               '{"@type": "NewsArticle", "headline": "Engines", "author": {"@id": "#p1"}}]}')
            + ld("{ broken")
            + ld('[{"@type": "WebSite", "name": "Site"}]')
        )
    )  # fmt: skip
    data = load(root)
    kinds = [n.get("@type") for n in data.nodes]
    assert kinds[:3] == ["Person", "NewsArticle", "WebSite"]
    article = data.articles()[0]
    assert data.resolve(article["author"])["name"] == "Ada Lovelace"


def test_jsonld_nested_article_and_prefixed_type() -> None:
    root = parse_html(
        page(ld('{"@type": "WebPage", "mainEntity": {"@type": "schema:BlogPosting",'
                ' "headline": "Nested post"}}'))
    )  # fmt: skip
    assert [a["headline"] for a in load(root).articles()] == ["Nested post"]


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"),
        ("2019-10-18T17:23:34.816Z", "2019-10-18T17:23:34+00:00"),
        ("2019-04-28 06:01:07", "2019-04-28T06:01:07"),
        ("2018-04-05T06:00", "2018-04-05T06:00:00"),
        ("2024-06-25", "2024-06-25"),
        ("20240625", "2024-06-25"),
        ("2017/12/07", "2017-12-07"),
        ("2017/12/07 14:05", "2017-12-07T14:05:00"),
        ("07.12.2017", "2017-12-07"),
        ("12/31/2020", "2020-12-31"),
        ("January 7, 2025", "2025-01-07"),
        ("Jan 7th, 2025 3:30 pm", "2025-01-07T15:30:00"),
        ("7 March 2021", "2021-03-07"),
        ("7. März 2021 10:30", "2021-03-07T10:30:00"),
        ("12 juin 2022", "2022-06-12"),
        ("3 de diciembre de 2019", "2019-12-03"),
        ("Mon, 23 Feb 2015 10:00:00 GMT", "2015-02-23T10:00:00+00:00"),
        ("1700000000", "2023-11-14T22:13:20+00:00"),
        ("not a date", None),
        ("2021-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(raw: str | None, iso: str | None) -> None:
    assert normalize_date(raw) == iso


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://example.com/2021/03/07/some-story/", "2021-03-07"),
        ("https://example.com/news/2021-3-7-some-story", "2021-03-07"),
        ("https://example.com/20210307/story.html", "2021-03-07"),
        ("https://example.com/story-2021", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, iso: str | None) -> None:
    assert date_from_url(url) == iso


def test_dates_sources_in_order_of_trust() -> None:
    markup = page(
        '<meta property="article:published_time" content="2020-01-02T03:04:05Z">'
        + ld('{"@type": "Article", "datePublished": "2020-01-01", "dateModified": "2020-02-01"}'),
        '<time datetime="2019-05-05">5 May</time>',
    )
    assert meta_of(markup)[3:5] if False else True  # keep the helper honest
    m = meta_of(markup)
    assert (m.published, m.modified) == ("2020-01-01", "2020-02-01")


def test_dates_from_meta_time_and_url() -> None:
    m = meta_of(page('<meta property="article:published_time" content="2020-01-02T03:04:05Z">'))
    assert m.published == "2020-01-02T03:04:05+00:00"
    m = meta_of(page(body='<p>x</p><time datetime="2019-05-05T10:00:00-04:00">May 5</time>'))
    assert m.published == "2019-05-05T10:00:00-04:00"
    m = meta_of(page(body='<span itemprop="datePublished" content="2018-08-08">Aug 8</span>'))
    assert m.published == "2018-08-08"
    m = meta_of(page(body="<p>x</p>"), url="https://example.com/2016/02/29/leap/")
    assert m.published == "2016-02-29"


def test_published_never_after_modified() -> None:
    markup = page(
        ld('{"@type": "Article", "datePublished": "2021-06-01", "dateModified": "2020-01-01"}')
        + '<meta property="article:published_time" content="2019-12-31">'
    )
    m = meta_of(markup)
    assert m.modified == "2020-01-01"
    assert m.published == "2019-12-31"
    assert not_after("2020-01-01T10:00:00+02:00", "2020-01-01")
    assert not not_after("2021-01-01", "2020-01-01T23:00:00")


def test_find_dates_without_sources() -> None:
    root = parse_html(page(body="<p>nothing here</p>"))
    assert find_dates(root, load(root), collect_metas(root), None) == (None, None)


# --- authors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("by: Jane Doe | Staff", ["Jane Doe"]),
        ("By A and B | Staff", ["A", "B"]),
        ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
        ("Texte : Claire Martin", ["Claire Martin"]),
        ("Текст: Венера Ерофеева", ["Венера Ерофеева"]),
        ("Автор: Иван Петров", ["Иван Петров"]),
        ("di Mario Rossi", ["Mario Rossi"]),
        ("Di Caprio Leonardo", ["Di Caprio Leonardo"]),
        ("بقلم محمد أحمد", ["محمد أحمد"]),
        ("מאת דנה כהן", ["דנה כהן"]),
        ("By Lisa Mascaro, Mary Clare Jalonick and Eric Tucker",
         ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"]),
        ("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and "
         "Technology Project", ["Daniel Kahn Gillmor"]),
        ("Brenda Goodman, MA", ["Brenda Goodman"]),
        ("Jong, Michiel de", ["Michiel de Jong"]),
        ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"]),
        ("Martin Untersinger (avec Damien Leloup et Morgane Tual)",
         ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]),
        ("by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil", ["Steven Musil"]),
        ("Tech Industry by Steven Musil", ["Steven Musil"]),
        ("James Akinaka • 8h", ["James Akinaka"]),
        ("By STEVEN DAVIDOFF SOLOMON", ["Steven Davidoff Solomon"]),
        ("By TOM KRISHER AP Auto Writer", ["Tom Krisher"]),
        ("Sandee LaMotte, CNN", ["Sandee LaMotte"]),
        ("Troy L. Smith, Cleveland.com", ["Troy L. Smith"]),
        ("By The Associated Press", ["The Associated Press"]),
        ("Jane Doe; jane doe", ["Jane Doe"]),
        ("https://www.facebook.com/jane.doe", []),
        ("@janedoe", []),
        ("Staff Reports", []),
        ("admin", []),
        ("Last Updated: January 7, 2025", []),
        ("", []),
    ],
)  # fmt: skip
def test_split_authors(raw: str, names: list[str]) -> None:
    assert split_authors(raw) == names


def test_is_name() -> None:
    assert is_name("Mary Clare Jalonick")
    assert is_name("肖春芳")
    assert not is_name("Senior Staff Writer")
    assert not is_name("adsbygoogle = window.adsbygoogle")
    assert not is_name("x" * 70)


def _authors(markup: str) -> tuple[str, ...]:
    root = parse_html(markup)
    return find_authors(root, load(root), collect_metas(root))


def test_authors_from_jsonld_person_list_and_ids() -> None:
    markup = page(
        ld('{"@graph": [{"@type": "Person", "@id": "#a", "name": "Ada Lovelace"},'
           '{"@type": "Article", "author": [{"@id": "#a"}, {"@type": "Person", "name": "Bob Roe"},'
           '"Carol Poe"]}]}')
    )  # fmt: skip
    assert _authors(markup) == ("Ada Lovelace", "Bob Roe", "Carol Poe")


def test_authors_jsonld_organisation_only_as_a_last_resort() -> None:
    org = ld('{"@type": "Article", "author": {"@type": "Organization", "name": "Example News"}}')
    assert _authors(page(org)) == ("Example News",)
    assert _authors(page(org + '<meta name="author" content="Jane Doe">')) == ("Jane Doe",)


def test_authors_from_meta_never_a_url() -> None:
    markup = page(
        '<meta property="article:author" content="https://www.facebook.com/someone">'
        '<meta name="author" content="Jane Doe, John Roe">'
    )
    assert _authors(markup) == ("Jane Doe", "John Roe")
    assert _authors(page('<meta name="byl" content="By NELSON D. SCHWARTZ">')) == (
        "Nelson D. Schwartz",
    )
    assert _authors(page('<meta name="parsely-author" content="Jane Doe">')) == ("Jane Doe",)
    assert _authors(page('<meta property="article:author" content="https://x.com/a">')) == ()


def test_authors_from_markup() -> None:
    rel = page(body='<p>By <a rel="author" href="/u/jd">Jane Doe</a></p>')
    assert _authors(rel) == ("Jane Doe",)
    prop = page(body='<div itemprop="author" itemscope><span itemprop="name">Jane Doe</span></div>')
    assert _authors(prop) == ("Jane Doe",)
    byline = page(body='<div class="article-byline">By Jane Doe and John Roe</div><p>Text</p>')
    assert _authors(byline) == ("Jane Doe", "John Roe")


def test_authors_ignore_comments_and_scripts() -> None:
    markup = page(
        body="<article><p>Text</p></article>"
        '<section class="comments"><span class="comment-author">Troll McTroll</span></section>'
    )
    assert _authors(markup) == ()
    markup = page(body='<span class="byline">By Jane Doe<script>var a = 1;</script></span>')
    assert _authors(markup) == ("Jane Doe",)


# --- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("en", "en"),
        ("EN-us", "en-US"),
        ("fr_FR", "fr-FR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de-DE, en", "de-DE"),
        ("English", "en"),
        ("und", None),
        ("", None),
        ("12", None),
    ],
)
def test_normalize_language(raw: str, tag: str | None) -> None:
    assert normalize_language(raw) == tag


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The council said that it would approve the plan for the new lanes on Tuesday.", "en"),
        ("Der Rat hat am Dienstag die neuen Radwege in der Innenstadt beschlossen, die auch "
         "von den Anwohnern gewünscht wurden.", "de"),
        ("Le conseil a approuvé mardi les nouvelles pistes cyclables dans le centre de la "
         "ville.", "fr"),
        ("El consejo aprobó el martes los nuevos carriles para bicicletas en el centro de la "
         "ciudad.", "es"),
        ("Il consiglio ha approvato martedì le nuove piste ciclabili nel centro della città.",
         "it"),
        ("O conselho aprovou na terça-feira as novas ciclovias no centro da cidade, que não "
         "eram esperadas.", "pt"),
        ("De gemeenteraad heeft dinsdag de nieuwe fietspaden in het centrum van de stad "
         "goedgekeurd.", "nl"),
        ("Совет во вторник одобрил новые велосипедные дорожки в центре города, и это не всё.",
         "ru"),
        ("宇航员在太空中喝酒会怎么样？后果很严重，专家这样说。", "zh"),
        ("トレンドマイクロ、公衆無線LANを安全に使うためのアプリを発表しました。", "ja"),
        ("시의회는 화요일 도심에 새로운 자전거 도로를 승인했습니다.", "ko"),
        ("وافق المجلس يوم الثلاثاء على مسارات الدراجات الجديدة في وسط المدينة", "ar"),
        ("Το συμβούλιο ενέκρινε την Τρίτη τους νέους ποδηλατόδρομους στο κέντρο.", "el"),
        ("הוועדה אישרה ביום שלישי את שבילי האופניים החדשים במרכז העיר", "he"),
        ("ok", None),
        ("", None),
        ("12345 67890 !!!", None),
    ],
)  # fmt: skip
def test_detect_language(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_declared_language_order() -> None:
    def declared(markup: str) -> str | None:
        root = parse_html(markup)
        return declared_language(root, collect_metas(root), load(root))

    assert declared(page('<meta http-equiv="content-language" content="de">', lang="fr")) == "fr"
    assert declared(page('<meta http-equiv="content-language" content="de_AT">')) == "de-AT"
    assert declared(page('<meta property="og:locale" content="pt_BR">')) == "pt-BR"
    assert declared(page(ld('{"@type": "Article", "inLanguage": "nl-NL"}'))) == "nl-NL"
    assert declared(page()) is None


def test_language_detected_from_the_page_when_not_declared() -> None:
    body = "<p>" + "Der Rat hat am Dienstag die neuen Radwege beschlossen, die auch gewünscht "
    body += "wurden. Es ist nicht das erste Mal, dass die Stadt in den Verkehr investiert.</p>"
    assert meta_of(page(body=body)).language == "de"


# --- headline ---------------------------------------------------------------------------------


def _headline(markup: str) -> str | None:
    return meta_of(markup).headline


def test_headline_sources() -> None:
    assert (
        _headline(
            page(
                ld('{"@type": "NewsArticle", "headline": "From JSON-LD"}')
                + '<meta property="og:title" content="From OG">'
            )
        )
        == "From JSON-LD"
    )
    assert (
        _headline(
            page('<meta property="og:title" content="From OG"><title>From the title | Site</title>')
        )
        == "From OG"
    )
    assert (
        _headline(
            page(
                '<meta name="dc.title" content="From DC">'
                '<meta property="og:title" content="From OG">'
            )
        )
        == "From DC"
    )
    assert _headline(page('<meta name="parsely-title" content="From Parsely">')) == "From Parsely"
    # A space-separated property names several keys.
    assert _headline(page('<meta property="og:title twitter:title" content="Both">')) == "Both"
    # The <h1> that agrees with <title> beats the trimmed title.
    assert (
        _headline(
            page(
                "<title>The real headline here - Example Site</title>",
                "<h1>The real headline here</h1>",
            )
        )
        == "The real headline here"
    )
    assert _headline(page("<title>Only a title here | Site</title>")) == "Only a title here"
    # A lone <h1> that disagrees with the title loses to the title.
    assert (
        _headline(page("<title>A page about allergies</title>", "<h1>Health Center</h1>"))
        == "A page about allergies"
    )
    assert _headline(page(body="<h1>Only an h1</h1>")) == "Only an h1"
    assert _headline(page()) is None


def test_headline_truncated_or_escaped() -> None:
    markup = page(
        ld('{"@type": "NewsArticle", "headline": "A very long headline that the CMS cut…"}')
        + '<meta property="og:title" content="A very long headline that the CMS cut short">'
    )
    assert _headline(markup) == "A very long headline that the CMS cut short"
    markup = page('<meta property="og:title" content="Fish &amp;amp; chips &amp;#8211; a history">')
    assert _headline(markup) == "Fish & chips – a history"


def test_headline_never_the_site_name_or_a_section() -> None:
    markup = page(
        '<meta property="og:site_name" content="Salon"><title>The big story - Salon.com</title>',
        "<h1>Salon</h1><h1>The big story</h1>",
    )
    assert _headline(markup) == "The big story"
    markup = page(
        '<meta property="og:title" content="Example News">'
        '<meta property="og:site_name" content="Example News">'
        "<title>The big story here | Example News</title>"
    )
    assert _headline(markup) == "The big story here"
    markup = page(
        ld(
            '{"@type": "BreadcrumbList", "itemListElement": ['
            '{"position": 1, "name": "Home"}, {"position": 2, "name": "Sport"},'
            '{"position": 3, "name": "A late winner"}]}'
        )
        + "<title>Sport | Example</title>",
        "<h1>Sport</h1>",
    )
    assert _headline(markup) == "A late winner"


def test_jsonld_headline_or_name_whichever_agrees_with_the_title() -> None:
    markup = page(
        ld('{"@type": "Article", "name": "New Zealand", "headline": "Country in Oceania"}')
        + "<title>New Zealand - Wikipedia</title>"
    )
    assert _headline(markup) == "New Zealand"
    markup = page(
        ld('{"@type": "NewsArticle", "name": "Example.cz", "headline": "West Ham wins again"}')
        + "<title>West Ham wins again - Example.cz</title>"
    )
    assert _headline(markup) == "West Ham wins again"


def test_strip_site_tail() -> None:
    assert strip_site_tail("A long enough headline | Site") == "A long enough headline"
    assert strip_site_tail("Short | Site") == "Short | Site"
    assert strip_site_tail("Site | A headline at the end", "Site") == "A headline at the end"
    assert strip_site_tail("Home - Example News", "Example News") == "Home"


def test_find_headline_standalone() -> None:
    root = parse_html(page("<title>Standalone headline - Site</title>"))
    assert find_headline(root) == "Standalone headline"


# --- breadcrumb -------------------------------------------------------------------------------


def test_breadcrumb_jsonld_sorted_by_position() -> None:
    root = parse_html(
        page(ld('{"@type": "BreadcrumbList", "itemListElement": ['
                '{"position": "2", "item": {"@id": "/news", "name": "News"}},'
                '{"position": 1, "name": "Home"}, {"name": "No position"}]}'))
    )  # fmt: skip
    assert find_breadcrumb(root) == ["Home", "News", "No position"]


def test_breadcrumb_microdata_rdfa_and_marked() -> None:
    rdfa = page(
        body='<ol vocab="https://schema.org/" typeof="BreadcrumbList">'
        '<li property="itemListElement" typeof="ListItem"><a property="item" href="/">'
        '<span property="name">Inicio</span></a><meta property="position" content="1"></li>'
        '<li property="itemListElement" typeof="ListItem"><span property="name">Deportes</span>'
        '<meta property="position" content="2"></li></ol>'
    )
    assert find_breadcrumb(parse_html(rdfa)) == ["Inicio", "Deportes"]
    marked = page(
        body='<nav aria-label="breadcrumb"><ol><li><a href="/">Home</a> ›</li>'
        '<li><a href="/tech">Tech</a> ›</li><li>Story</li></ol></nav>'
    )
    assert find_breadcrumb(parse_html(marked)) == ["Home", "Tech", "Story"]
    plain = page(
        body='<div class="breadcrumbs"><a href="/">Home</a> / <a href="/a">A</a> / B</div>'
    )
    assert find_breadcrumb(parse_html(plain)) == ["Home", "A", "B"]
    share = page(body='<div class="breadcrumb-share"><a>Facebook</a><a>X</a><a>Facebook</a></div>')
    assert find_breadcrumb(parse_html(share)) == []


def test_breadcrumb_drops_a_last_crumb_that_repeats_the_headline() -> None:
    assert drop_repeated_headline(["Home", "News", "Big story"], "Big Story") == ["Home", "News"]
    assert drop_repeated_headline(["Home", "News"], "Big story") == ["Home", "News"]
    assert drop_repeated_headline(["Home", "Big story"], "Big story | Site", "Site") == ["Home"]


# --- URLs, site, description, image, tags ------------------------------------------------------


def test_urls_made_absolute() -> None:
    m = meta_of(
        page('<link rel="canonical" href="/canonical/page"><meta property="og:image" '
             'content="img/a.jpg">'),
        url="https://example.com/section/page.html?x=1",
    )  # fmt: skip
    assert m.url == "https://example.com/canonical/page"
    assert m.image == "https://example.com/section/img/a.jpg"
    m = meta_of(
        page(
            '<base href="https://cdn.example.org/base/"><meta property="og:image" '
            'content="b.png"><meta property="og:url" content="//example.com/x">'
        )
    )
    assert m.image == "https://cdn.example.org/base/b.png"
    assert m.url == "https://example.com/x"
    m = meta_of(
        page(ld('{"@type": "Article", "image": {"@type": "ImageObject", "url": "/c.jpg"}}'))
    )
    assert m.image == "https://example.com/c.jpg"
    assert meta_of(page(), url=None).url is None
    assert meta_of(page('<link rel="canonical" href="/x">'), url=None).url == "/x"


def test_site_description_tags() -> None:
    m = meta_of(
        page('<meta property="og:site_name" content="Example News">'
             '<meta name="description" content="What happened.">'
             '<meta property="article:tag" content="Cycling">'
             '<meta property="article:tag" content="cycling">'
             + ld('{"@type": "Article", "keywords": "Transport, City Council, Lite:true"}'))
    )  # fmt: skip
    assert m.site_name == "Example News"
    assert m.description == "What happened."
    assert m.tags == ("Cycling", "Transport", "City Council")
    m = meta_of(
        page(
            body='<p class="tags"><a rel="tag" href="/t/a">Alpha</a>'
            ' <a rel="tag" href="/t/b">Beta</a></p>'
        )
    )
    assert m.tags == ("Alpha", "Beta")


# --- whole pages ------------------------------------------------------------------------------


def test_fixture_jsonld_graph() -> None:
    m = meta_of((FIXTURES / "jsonld-graph.html").read_text("utf-8"),
                url="https://example.com/news/2024/03/05/bike-lanes/?utm=x")  # fmt: skip
    assert m.headline == "Council approves new bike lanes downtown"
    assert m.authors == ("Jane Q. Public", "Omar Said")
    assert m.published == "2024-03-05T09:30:00+01:00"
    assert m.modified == "2024-03-05T11:00:00+01:00"
    assert m.breadcrumb == ("Home", "Local & Regional")
    assert m.site_name == "The Daily Example"
    assert m.language == "en-US"
    assert m.url == "https://example.com/news/2024/03/05/bike-lanes/"
    assert m.image == "https://example.com/images/lanes.jpg"
    assert m.tags == ("Transport", "City Council", "cycling")


def test_fixture_microdata() -> None:
    m = meta_of((FIXTURES / "microdata.html").read_text("utf-8"))
    assert m.headline == "Wie man Sauerteig ansetzt"
    assert m.breadcrumb == ("Start", "Brot")
    assert m.authors == ("Hans Müller", "Eva Schmidt")
    assert m.published == "2023-11-07"
    assert m.language == "de-DE"
    assert m.description == "Eine Anleitung für den ersten eigenen Sauerteig."
    assert m.tags == ("Brot", "Backen")


def test_fixture_bare_page() -> None:
    m = meta_of((FIXTURES / "bare.html").read_text("utf-8"))
    assert m.headline == "Un festival de jazz en plein air"
    assert m.breadcrumb == ("Accueil", "Culture")
    assert m.authors == ("Marie Dupont",)
    assert m.site_name == "Le Petit Journal"
    assert m.language == "fr"


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "<html>",
        "<p>just text",
        page(ld('{"@type": "Article", "author": {"@id": "#loop"}, "@id": "#loop"}')),
        page(ld('{"@type": "Article", "headline": ["a", {"x": 1}], "author": [null, 1, true]}')),
        page(ld('{"@type": "BreadcrumbList", "itemListElement": "oops"}')),
        page(ld('{"@type": "BreadcrumbList", "itemListElement": [{"position": "x"}, 3]}')),
        page(ld('{"@type": 5, "datePublished": {"nested": []}}')),
        page('<meta property="og:image" content="http://[::1">'),
        page('<meta name="author" content="   ">', "<time datetime='garbage'></time>"),
        page("<base href='::'><link rel='canonical' href='http://a b'>"),
    ],
)
def test_never_crashes(markup: str) -> None:
    assert isinstance(meta_of(markup), Meta)


# --- harder pages -----------------------------------------------------------------------------


def test_unmarked_trail_just_above_the_headline() -> None:
    markup = page(
        "<title>长江流域今年首次开展跨省生态补偿评估_新闻中心_江城日报网</title>",
        '<div class="nav"><a href="/">首页</a><a href="/a">新闻</a><a href="/b">体育</a></div>'
        '<div class="path"><a href="/">首页</a> &gt; <a href="/news">新闻中心</a> &gt; '
        '<a href="/news/china">国内</a></div>'
        "<div><h1>长江流域今年首次开展跨省生态补偿评估</h1></div>",
    )
    assert meta_of(markup).breadcrumb == ("首页", "新闻中心", "国内")
    # Without an <h1>, the element that shows the declared headline anchors the search.
    markup = page(
        '<meta property="og:title" content="В Казани открыли музей транспорта">',
        '<div><a href="/">Главная</a> / <a href="/city/">Город</a></div>'
        "<div><div>В Казани открыли музей транспорта</div></div>",
    )
    assert meta_of(markup).breadcrumb == ("Главная", "Город")
    # A menu of links without separators is not a trail.
    markup = page(body='<div><a href="/">A</a><a href="/b">B</a></div><h1>A headline here</h1>')
    assert meta_of(markup).breadcrumb == ()


def test_cjk_bylines_and_a_site_named_as_author() -> None:
    assert split_authors("记者 王晓燕") == ["王晓燕"]
    assert split_authors("文/张三") == ["张三"]
    assert split_authors("本报记者 李明 王芳") == ["李明", "王芳"]
    assert split_authors("홍길동 기자") == ["홍길동"]
    markup = page(
        "<title>长江流域今年首次开展跨省生态补偿评估_新闻中心_江城日报网</title>"
        '<meta name="author" content="江城日报网">',
        '<h1>长江流域今年首次开展跨省生态补偿评估</h1><span class="author">记者 王晓燕</span>',
    )
    assert meta_of(markup).authors == ("王晓燕",)
    markup = page(
        '<meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Example News">'
    )
    # The site declared as the author, no person named anywhere: the organisation, asked last.
    assert meta_of(markup).authors == ("Example News",)


def test_title_side_shown_on_the_page_is_the_headline() -> None:
    markup = page(
        "<title>Pro Loco di San Vito - La sagra della castagna torna il 19 ottobre</title>",
        "<table><tr><td><b><font size=4>La sagra della castagna torna il 19 ottobre</font></b>"
        "<br>Dopo due anni di pausa la Pro Loco ripropone la tradizionale sagra della castagna, "
        "che quest'anno si terrà domenica nella piazza del paese e lungo via Roma.</td></tr>"
        "</table>",
    )
    m = meta_of(markup)
    assert m.headline == "La sagra della castagna torna il 19 ottobre"
    assert m.language == "it"


def test_data_vocabulary_trail_stops_at_a_second_trail() -> None:
    item = (
        '<li itemscope itemtype="http://data-vocabulary.org/Breadcrumb">'
        '<span itemprop="title">{}</span></li>'
    )
    markup = page(body=f"<ol>{item.format('A')}{item.format('B')}</ol><ol>{item.format('A')}</ol>")
    assert find_breadcrumb(parse_html(markup)) == ["A", "B"]


def test_only_web_addresses_become_url_and_image() -> None:
    m = meta_of(
        page('<link rel="canonical" href="javascript:alert(1)"><meta property="og:image" '
             'content="JavaScript:alert(2)">'),
        url="https://example.com/a.html",
    )  # fmt: skip
    assert m.url == "https://example.com/a.html"
    assert m.image is None
    m = meta_of(page('<meta property="og:image" content="data:image/png;base64,AAAA">'))
    assert m.image is None
    # A browser ignores tabs and entities inside a scheme; so must the check.
    m = meta_of(page('<meta property="og:image" content="java&#9;script:alert(3)">'), url=None)
    assert m.image is None

"""Page types: the decision, its reason under --explain, and what each type keeps as content.

Fixtures in tests/fixtures/pagetype/ are small hand-written pages, one per type;
``cases.json`` gives each its URL and type.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import html

import declutter
from declutter.html.parse import parse_html
from declutter.html.widen import reveal_noscript
from declutter.options import Options
from declutter.pagesignals import index_url, url_words
from declutter.pagetype import PAGE_TYPES, page_type, text_page_type
from declutter.schema import article_schema

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pagetype"
CASES: dict[str, dict[str, str]] = json.loads((FIXTURES / "cases.json").read_text())


def _extract(name: str, *, explain: bool = False) -> declutter.Article:
    case = CASES[name]
    data = (FIXTURES / name).read_bytes()
    return declutter.extract(data, url=case["url"], options=Options(explain=explain))


@pytest.mark.parametrize("name", sorted(CASES), ids=lambda n: n.removesuffix(".html"))
def test_page_type_of_each_fixture(name: str) -> None:
    article = _extract(name)
    assert article.page_type == CASES[name]["type"]
    assert article.page_type in PAGE_TYPES


@pytest.mark.parametrize("name", sorted(CASES), ids=lambda n: n.removesuffix(".html"))
def test_record_with_page_type_is_valid(name: str) -> None:
    validator = jsonschema.Draft202012Validator(article_schema())
    plain = _extract(name).to_dict()
    explained = _extract(name, explain=True).to_dict(explain=True)
    validator.validate(plain)
    validator.validate(explained)
    assert plain["page_type"] == CASES[name]["type"]
    assert "page_type_reason" not in plain
    assert explained["page_type_reason"]


def test_explain_names_the_cues() -> None:
    reason = _extract("product.html", explain=True).page_type_reason or ""
    assert "Product" in reason
    assert "add-to-cart" in reason
    assert "code blocks" in (_extract("documentation.html", explain=True).page_type_reason or "")


def test_explain_in_the_cli_json(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from declutter.cli import app

    page = tmp_path / "page.html"
    page.write_bytes((FIXTURES / "documentation.html").read_bytes())
    result = CliRunner().invoke(app, [str(page), "--explain", "-f", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["page_type"] == "documentation"
    assert "generator sphinx" in record["page_type_reason"]


def test_forum_thread_is_every_post_in_order() -> None:
    text = _extract("forum.html").text
    first = text.find("My favourite mug has a hairline crack")
    second = text.find("No household glue is food safe")
    third = text.find("look up kintsugi")
    assert -1 < first < second < third
    assert "Keep it for pens or plants" in text
    for chrome in ("Report", "Forum rules", "Older", "Log in"):
        assert chrome not in text


def test_reader_comments_under_an_article_stay_out() -> None:
    article = _extract("article.html")
    assert article.page_type == "article"
    assert "oxbow lake is left behind" in article.text
    assert "Great explanation" not in article.text
    assert "Danube delta" not in article.text


def test_noscript_copy_of_an_app_page_is_read() -> None:
    posts = "".join(
        f'<div class="crawler-post"><span class="username">user{i}</span>'
        f"<p>Reply number {i}: the cable was loose, and reseating it fixed the fault for good."
        " I checked it twice with a meter before closing the case again.</p></div>"
        for i in range(6)
    )
    page = (
        "<html><head><title>Loose cable</title></head><body>"
        '<div id="app">Loading…</div><script>boot()</script>'
        f"<noscript>{posts}</noscript></body></html>"
    )
    tree = parse_html(page)
    assert reveal_noscript(tree)
    assert not list(tree.iter("noscript"))
    text = declutter.extract(page, url="https://forum.example/t/loose-cable/1").text
    assert "Reply number 0" in text and "Reply number 5" in text


def test_a_small_noscript_stays_hidden() -> None:
    tree = parse_html(
        "<html><body><p>" + "Visible prose of the page. " * 40 + "</p>"
        "<noscript><p>" + "Please enable JavaScript to use the comments. " * 12 + "</p>"
        "</noscript></body></html>"
    )
    assert not reveal_noscript(tree)


def test_url_words_are_generic_path_segments() -> None:
    assert url_words("https://docs.example.org/en/latest/api_reference.html") == (
        "host:docs", "en", "latest", "api", "reference", "html",
    )  # fmt: skip
    assert url_words(None) == ()
    assert url_words("https://www.example.org/") == ()


def test_text_scrape_types() -> None:
    shop = "Trail Flask\n\n$29.00\n\nAdd to cart\n\nFree shipping over $50\n\n$12.00 $14.00\n"
    kind, reason = text_page_type(shop * 3, "https://outdoor.example/products/trail-flask")
    assert kind == "product", reason
    prose = "A river that runs across a flat plain rarely stays straight for long.\n\n" * 5
    assert text_page_type(prose, None)[0] == "article"
    thread = "Question about glue\n\nReply\n\nQuote\n\nAnswer text here.\n\nReply\n\nQuote\n"
    assert text_page_type(thread * 2, "https://forum.example/t/glue/1")[0] == "forum"
    scrape = declutter.extract(prose, input="text")
    assert scrape.page_type == "article"


def test_product_description_only_in_json_ld_leads_the_body() -> None:
    page = (FIXTURES / "product.html").read_text()
    start = page.index('<section class="product-description">')
    end = page.index("</section>", start) + len("</section>")
    hidden = page[:start] + page[end:]
    article = declutter.extract(hidden, url=CASES["product.html"]["url"])
    assert article.page_type == "product"
    assert article.blocks[0].text.startswith("A double-walled steel flask")
    shown = _extract("product.html").text
    assert "A double-walled steel flask" not in shown  # the visible description is enough


def test_service_page_keeps_every_section() -> None:
    text = _extract("service.html").text
    for section in ("Certified sweeps", "Smoke test", "A standard sweep is £65", "Once a year"):
        assert section in text
    assert "Privacy" not in text


def test_listing_and_collection_keep_their_items() -> None:
    listing = _extract("listing.html").text
    for title in ("Late opening on Thursdays", "A seed library", "Volunteers wanted"):
        assert title in listing
    assert "Older news" not in listing
    collection = _extract("collection.html").text
    for item in ("Trail Flask 750 ml", "Summit Bottle", "Kids Bottle", "$15.00"):
        assert item in collection


_BRIEF = (
    "<p>The bridge reopens on Monday after two weeks of repairs to its deck, the city said.</p>"
)
_STORY = _BRIEF + (
    "<p>Crews replaced the worn expansion joints and resurfaced both lanes, and inspectors"
    " signed off on the work late on Friday after a final load test of the whole span.</p>"
    "<p>Buses return to their usual route on Monday morning; the temporary stop on Mill"
    " Street closes at the same time, the transport office said in a statement.</p>"
)


def _news_page(og_type: str, body: str = _BRIEF) -> str:
    items = "".join(
        f'<li class="story"><a href="/n/{i}">Headline number {i} about the council budget</a>'
        f'<span class="meta">By Staff | 11/20/2019 0{i}:14 PM</span></li>'
        for i in range(9)
    )
    return (
        f'<html><head><meta property="og:type" content="{og_type}"><title>Short</title></head>'
        f"<body><div class='story-body'>{body}</div>"
        f'<div class="latest"><ul class="stories">{items}</ul></div></body></html>'
    )


def test_a_declared_article_keeps_the_stories_listed_below_it_out() -> None:
    text = declutter.extract(_news_page("article", _STORY), url="https://news.example/a/1").text
    assert "The bridge reopens" in text and "Buses return" in text
    assert "Headline number 3" not in text


def test_a_declared_article_that_is_mostly_items_is_a_list() -> None:
    """Some site builders declare every page an article, a section's index among them."""
    rows = "".join(
        f'<div class="trail"><h3><a href="/t/{i}">Ridge loop number {i} through the pines</a>'
        f"</h3><span>Intermediate</span> <span>{i + 3} miles</span>"
        f' <a href="/s/{i}">Trail steward: the Monday crew</a></div>'
        for i in range(10)
    )
    page = (
        '<html><head><meta property="og:type" content="article"></head><body>'
        "<div class='page'><h1>Trails</h1><p>Our volunteers build and look after these trails"
        " all year round; pick one that suits you and ride it.</p>"
        f"<div class='trails'>{rows}</div></div></body></html>"
    )
    text = declutter.extract(page, url="https://bikes.example/p/4471").text
    assert "Our volunteers build" in text
    assert "Ridge loop number 0" in text and "Ridge loop number 9" in text
    assert "12 miles" in text


def test_a_weak_answer_on_an_undeclared_page_takes_the_items() -> None:
    text = declutter.extract(_news_page("website"), url="https://news.example/a/1").text
    assert "Headline number 3" in text


def test_a_whole_thread_chosen_keeps_only_the_posts_text() -> None:
    from declutter.html.locate import Located
    from declutter.html.segment import segment
    from declutter.html.widen import widen

    posts = "".join(
        f'<div class="post"><dl class="profile"><dt>member{i}</dt><dd>Posts: 12{i}</dd>'
        f'<dd>Joined: 2019</dd></dl><div class="content"><p>Answer {i}: check the fuse first,'
        " then the plug, and only then open the case of the kettle to look at the element.</p>"
        f'</div><div class="signature">Fixing things since 19{i}0.</div></div>'
        for i in range(4)
    )
    tree = parse_html(f'<html><body><div id="thread">{posts}</div></body></html>')
    chunks = segment(tree, None)
    thread = tree.get_element_by_id("thread")
    located = Located(thread, list(chunks))
    text = " ".join(c.text for c in widen("forum", list(chunks), located).chunks)
    assert "Answer 0" in text and "Answer 3" in text
    for chrome in ("Posts: 12", "Joined", "Fixing things"):
        assert chrome not in text


def test_a_declared_product_with_a_related_items_carousel_stays_a_product() -> None:
    """Forty prices of related items and a filter bar do not make one product a category."""
    from declutter.pagetype import page_type

    ld = '{"@context": "https://schema.org", "@type": "Product", "name": "Kettle"}'
    related = "".join(
        f'<li class="product-card"><a href="/p/{i}">Item {i}</a>'
        f'<span class="price">${i}.99</span></li>'
        for i in range(45)
    )
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        '<div class="filters"><div class="filter">Colour</div><div class="sort">Sort</div></div>'
        '<h1>Kettle</h1><p class="price">$49.00</p><button>Add to cart</button>'
        '<div class="cart">Cart</div><div class="cart-count">0</div>'
        f"<ul>{related}</ul></body></html>"
    )
    typed = page_type(parse_html(page), "https://example.com/kettle")
    assert typed.kind == "product", typed.reason
    listed = page.replace(ld, '{"@graph": [{"@type": "Product"}, {"@type": "ItemList"}]}')
    assert page_type(parse_html(listed), "https://example.com/kettles").kind == "collection"


def test_index_url_is_a_section_not_a_document() -> None:
    assert index_url("https://paper.example/news/technology")
    assert index_url("https://site.example/trails/")
    assert not index_url("https://paper.example/news/bridge-reopens-after-two-weeks")
    assert not index_url("https://paper.example/news/2024/11/budget")
    assert not index_url("https://site.example/")
    assert not index_url("https://paper.example/news/view.html?idx=8576")


def _index_page(paragraph: str) -> html.HtmlElement:
    items = "".join(
        f'<div><h3><a href="/x/{i}">Story {i}</a></h3><p>A line about story {i}.</p></div>'
        for i in range(8)
    )
    return parse_html(f"<html><body><h1>Science</h1>{paragraph}{items}</body></html>")


def test_a_section_index_with_little_prose_is_a_listing() -> None:
    typed = page_type(_index_page(""), "https://paper.example/news/science")
    assert typed.kind == "listing", typed.reason
    assert "index URL" in typed.reason
    # The same page under a document's URL, or with an article's prose, stays an article.
    assert page_type(_index_page(""), "https://paper.example/news/a-long-story-slug").kind != (
        "listing"
    )
    prose = "<p>" + "The council met on Monday to settle the budget for next year. " * 5 + "</p>"
    assert page_type(_index_page(prose * 3), "https://paper.example/news/science").kind == (
        "article"
    )


def test_a_forum_engine_s_topic_url_word_types_a_thread() -> None:
    # A travel site's forum thread: names of hero, plan and accordion sections all over the
    # page, but the URL says it shows a topic.
    posts = "".join(
        f"<div class='postBody'><a class='username' href='/members/{i}'>m{i}</a>"
        f"<p>Reply number {i} to the question about the first trip, with advice.</p>"
        "<a class='reply'>Reply</a> <a class='quote'>Quote</a></div>"
        for i in range(4)
    )
    chrome = "<div class='hero'>x</div><div class='cta'>y</div><div class='plans'>z</div>"
    root = parse_html(f"<html><body>{chrome}{posts}</body></html>")
    url = "https://www.example.com/ShowTopic-g1-i2-k3-First_trip_tips.html"
    assert page_type(root, url).kind == "forum"

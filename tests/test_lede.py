"""What the vote leaves out that is the article's: a standfirst and a lead picture before the
body's own element, components named for their layout inside it; prose in scripts written
without spaces, voted for as prose; credits in full-width brackets."""

from __future__ import annotations

from lxml import html

import declutter
from declutter.html.chunk import Chunk
from declutter.html.vote import PROSE_CHARS, SENTENCE_END, chunk_score, weighted_len
from declutter.text.classify import looks_like_caption

PROSE = (
    "The committee met on Tuesday to weigh the proposal, and after a long debate it agreed "
    "to fund the new library wing for another three years of work. "
)
BODY = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(12))


def _extract(body: str) -> declutter.Article:
    return declutter.extract(f"<html><head><title>T</title></head><body>{body}</body></html>")


def test_a_standfirst_in_the_article_header_stays_and_its_byline_goes() -> None:
    article = _extract(
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><header><h1>Council funds the library</h1>"
        "<p class='teaser'>After months of debate the council agreed to fund the library wing, "
        "and the shopkeepers of the old town fear for their parking.</p>"
        "<div class='meta'>By Jane Doe 12.03.2024, 17:45</div></header>"
        f"<div class='body'>{BODY}</div>"
        "<footer><p>Comments are closed.</p></footer></article>"
    )
    text = article.text
    assert text.startswith("After months of debate")
    assert "Jane Doe" not in text
    assert "Part 11." in text


def test_the_lead_picture_between_byline_and_body_stays() -> None:
    article = _extract(
        "<article><h1>Solar plant opens</h1><div class='byline'>Sara Ahmed - 9 April 2024</div>"
        "<figure><img src='https://example.org/plant.jpg' alt='The plant'>"
        "<figcaption>The new plant on the coast</figcaption></figure>"
        f"<div class='news-text'>{BODY}</div>"
        "<div class='tags'><a href='/t/1'>Water</a> <a href='/t/2'>Solar</a></div></article>"
    )
    images = [b for b in article.blocks if b.type == "image"]
    assert [b.caption for b in images] == ["The new plant on the coast"]
    assert "Sara Ahmed" not in article.text


def test_the_walk_back_stops_at_a_link_row() -> None:
    article = _extract(
        "<div class='page'><p>Some earlier words of the page, long enough to read like prose, "
        "before the menu of the section begins.</p>"
        "<p><a href='/a'>Alpha</a> · <a href='/b'>Beta</a> · <a href='/c'>Gamma</a></p>"
        f"<div class='story'>{BODY}</div></div>"
    )
    assert "Alpha" not in article.text
    assert "earlier words" not in article.text


def test_dense_scripts_weigh_each_character_as_an_alphabet_word_part() -> None:
    assert weighted_len("plain ascii") == len("plain ascii")
    assert weighted_len("长江流域") == 12
    assert weighted_len("Привет") == 6


def test_a_chinese_paragraph_of_sixty_characters_votes_as_full_prose() -> None:
    text = (
        "记者昨日从省水利厅获悉，长江流域今年将首次对已建立的跨省横向生态补偿机制开展全面评估，"
        "评估结果将作为下一轮补偿资金分配的重要依据。"
    )
    assert len(text) < PROSE_CHARS
    chunk = Chunk("paragraph", html.fromstring("<p>x</p>"), text=text)
    assert chunk_score(chunk) >= weighted_len(text) * 0.99


def test_a_meta_box_of_prose_inside_the_article_is_read_but_a_widget_is_not() -> None:
    article = _extract(
        f"<article class='post'><h1>Library</h1>{BODY}"
        f"<div class='review-meta'><p>{PROSE} The verdict.</p></div>"
        "<div class='zone-widget'><p>Support our newsroom: we do this work every day at no cost "
        "to you, but it is far from free to produce.</p></div>"
        f"<p>{PROSE} The end.</p></article>"
        "<aside class='widget'><p>About me: I write about libraries and councils.</p></aside>"
    )
    assert "The verdict." in article.text
    assert "Support our newsroom" not in article.text
    assert "About me" not in article.text


def test_a_heading_named_for_its_layout_inside_the_article_stays() -> None:
    article = _extract(
        f"<article><h1>Bread</h1>{BODY}<h3 class='recipe-header'>Ingredients</h3>"
        "<ul><li>2 eggs</li><li>1 cup of milk</li><li>2 cups of flour</li></ul>"
        f"<p>{PROSE} The end.</p></article>"
    )
    assert "Ingredients" in article.text


def test_a_caption_box_inside_the_article_stays_out() -> None:
    article = _extract(
        f"<article><h1>Match</h1>{BODY[:400]}<div class='caption'><p>The captain lifts the cup "
        "after the final whistle in front of the home crowd, Tuesday, Nov. 19, 2019, in "
        f"Columbia, S.C. (AP Photo/John Doe)</p></div>{BODY}</article>"
    )
    assert "captain lifts" not in article.text


def test_a_credit_in_full_width_brackets_is_a_caption() -> None:
    assert looks_like_caption("（责任编辑：刘洋）")
    assert looks_like_caption("【记者 王晓燕】")
    assert not looks_like_caption("长江流域今年将首次开展跨省生态补偿评估。")


def test_sentences_end_in_the_marks_of_many_scripts() -> None:
    for text in (
        "「明日は雨が降るでしょう。」",
        "他说：“我们明天出发。”",
        "ဒီနေ့ မိုးရွာတယ်။",
        "ዛሬ ዝናብ ይዘንባል።",
        "ថ្ងៃនេះភ្លៀង។",
        "کیا آپ آج آئیں گے؟",
    ):
        assert SENTENCE_END.search(text), text
    assert not SENTENCE_END.search("Home · News · Sport")


def test_a_chinese_listicle_entry_under_a_linked_title_is_no_teaser() -> None:
    para = (
        "这条徒步路线沿着江边的老街一路向北，途经三座明代石桥和一片保存完好的古村落。"
        "春天来时，两岸的油菜花开成一片金黄，游人可以在村口的茶馆歇脚，品尝当地的新茶。"
        "全程约十二公里，适合一家人用一天的时间慢慢走完，沿途也有不少可以拍照的好地方。"
    )
    entries = "".join(
        f"<section><h3><a href='https://example.org/{n}'>路线{n}</a></h3><p>第{n}条。{para}</p>"
        "</section>"
        for n in range(4)
    )
    intro = "".join(f"<p>第{n}段。{para}</p>" for n in range(3))
    article = _extract(f"<article><h1>四条徒步路线</h1>{intro}{entries}</article>")
    assert article.text.count("全程约十二公里") == 7


def test_a_wrapper_named_for_the_sidebar_beside_it_is_no_sidebar() -> None:
    article = _extract(
        "<div class='layout'><div class='container-article-with-sidebar'>"
        f"<div><p>{PROSE} First.</p><p>{PROSE} Second.</p></div></div>"
        "<div class='comments'>"
        + "".join(f"<p>{PROSE.upper()} Reply {i}.</p>" for i in range(4))
        + "</div></div>"
    )
    assert "Second." in article.text
    assert "Reply 3." not in article.text

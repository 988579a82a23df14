"""Each post of a thread comes under its poster's name and date, as the page shows them."""

from __future__ import annotations

import declutter
from declutter.html.parse import parse_html
from declutter.html.postheads import frames, post_head
from declutter.html.posts import _post_chunks
from declutter.html.segment import segment

POSTS = (
    "I have the same case and wondered what the two ports at the back are meant for, anyone?",
    "The rear one is for an external connection of the lighting hub, the manual says nothing.",
    "Thanks, that explains it: I will leave the bottom one alone until the hub arrives then.",
)
URL = "https://forum.example.org/threads/two-ports-at-the-back.1234/"


def _post(i: int, text: str, quote: str = "") -> str:
    return (
        "<article class='message'>"
        f"<div class='message-user'><a href='/members/user{i}.{i}/'><img src='a.png'></a>"
        f"<div class='message-name'><a href='/members/user{i}.{i}/'>user{i}</a></div></div>"
        "<div class='message-main'><ul class='message-attribution'>"
        f"<li><time datetime='2024-05-0{i + 1}'>May {i + 1}, 2024</time></li></ul>"
        f"<div class='message-body'>{quote}<div class='bbWrapper'><p>{text * 3}</p></div></div>"
        "<div class='message-footer'><a href='/reply'>Reply</a> <a href='/report'>Report</a></div>"
        "</div></article>"
    )


def _thread(quote: str = "") -> str:
    posts = "".join(_post(i, t, quote if i == 2 else "") for i, t in enumerate(POSTS))
    return (
        "<html><head><title>Two ports</title></head><body>"
        f"<div class='block-body'>{posts}</div></body></html>"
    )


def test_each_post_opens_with_its_poster_and_date() -> None:
    lines = declutter.extract(_thread(), url=URL).text.split("\n\n")
    assert lines[:2] == ["user0 · May 1, 2024", POSTS[0] * 3]
    assert "user1 · May 2, 2024" in lines
    assert lines.index("user2 · May 3, 2024") == lines.index(POSTS[2] * 3) - 1


def test_a_quoted_post_does_not_name_the_poster() -> None:
    quote = (
        "<blockquote><a href='/members/user1.1/'>user1</a> said: <time>May 2</time></blockquote>"
    )
    root = parse_html(_thread(quote))
    posts = root.xpath("//div[@class='bbWrapper']")
    framed = frames(posts)
    first = posts[2].find("p")
    assert post_head(framed[posts[2]], first) == "user2 · May 3, 2024"


def test_frames_hold_one_post_each() -> None:
    root = parse_html(_thread())
    posts = root.xpath("//div[@class='bbWrapper']")
    framed = frames(posts)
    assert [framed[p].get("class") for p in posts] == ["message"] * 3


def test_what_follows_the_post_is_no_head() -> None:
    # A question-and-answer site prints the user card after the answer: not the post's head.
    root = parse_html(
        "<html><body><div class='answer'><div class='post-text'><p>The answer.</p></div>"
        "<div class='user-details'><a href='/users/12/jdoe'>jdoe</a>"
        "<span class='relativetime'>answered May 2</span></div></div></body></html>"
    )
    body = root.xpath("//div[@class='post-text']")[0]
    assert post_head(root.xpath("//div[@class='answer']")[0], body.find("p")) is None


def test_signatures_stay_out_of_the_thread() -> None:
    signature = (
        "<div class='message-signature'><p>Baking since lockdown, twelve loaves a week and"
        " counting, ask me anything about rye and spelt starters.</p></div>"
    )
    # The signature sits in the post's own element, under its text.
    page = _thread().replace("</p></div></div>", f"</p>{signature}</div></div>")
    text = declutter.extract(page, url=URL).text
    assert POSTS[1] * 3 in text
    assert "Baking since lockdown" not in text


def test_a_date_shown_long_and_short_does_not_run_into_one_word() -> None:
    # The long and short forms stand side by side; the style sheet shows one by screen size.
    dated = (
        "<time datetime='2024-04-02'><span class='long'>April 2, 2024</span>"
        "<span class='short'>1 yr</span></time>"
    )
    page = _thread().replace("<time datetime='2024-05-01'>May 1, 2024</time>", dated)
    lines = declutter.extract(page, url=URL).text.split("\n\n")
    assert lines[0] == "user0 · April 2, 2024 1 yr"


def _carded(i: int, text: str) -> str:
    card = (
        "<div class='message-userExtras'>"
        f"<dl class='pairs'><dt>Joined</dt><dd>Aug {i + 1}, 2006</dd></dl>"
        f"<dl class='pairs'><dt>Messages</dt><dd>{i + 1},243</dd></dl></div>"
    )
    main = "</div></div><div class='message-main'>"
    return _post(i, text).replace(main, f"</div>{card}</div><div class='message-main'>")


def test_the_posters_cards_stay_out_of_the_thread() -> None:
    # Each post repeats its poster's card ("Joined", "Messages" and their values) beside it;
    # a reply's own short line is no card.
    texts = (*POSTS, "Thanks!")
    posts = "".join(_carded(i, t) for i, t in enumerate(texts))
    root = parse_html(f"<html><body><div class='block-body'>{posts}</div></body></html>")
    kept = _post_chunks(segment(root), root.xpath("//article"))
    text = "\n".join(c.text for c in kept)
    assert "Joined" not in text and "Messages" not in text and "1,243" not in text
    assert POSTS[1] * 3 in text and "Thanks!" in text
    assert "user1" in text and "May 2, 2024" in text


def test_card_labels_go_where_one_wrapper_was_taken_for_the_posts() -> None:
    # The shape taken for a post may be the page's wrapper around them all: a line ending in
    # a colon that comes back in it is a card's label all the same, its value boxed with it.
    card = "<dl class='pairs'><dt>Messages:</dt><dd>{n},243</dd></dl>"
    posts = "".join(
        f"<div class='m'>{card.format(n=i)}<p>{t}</p></div>" for i, t in enumerate(POSTS)
    )
    root = parse_html(f"<html><body><div class='page'>{posts}</div></body></html>")
    kept = _post_chunks(segment(root), root.xpath("//div[@class='page']"))
    text = "\n".join(c.text for c in kept)
    assert "Messages:" not in text and "1,243" not in text
    assert all(t in text for t in POSTS)


def test_the_join_date_on_the_posters_card_is_not_the_posts_date() -> None:
    joined = "<span class='MessageCard__join-date'>Joined 2007</span>"
    page = _thread().replace("<div class='message-main'>", f"{joined}<div class='message-main'>")
    lines = declutter.extract(page, url=URL).text.split("\n\n")
    assert lines[0] == "user0 · May 1, 2024"


def test_a_date_the_names_box_already_prints_is_given_once() -> None:
    root = parse_html(
        "<html><body><div class='post'><div class='author'>jdoe Posted"
        " <time datetime='2024-04-18'>April 18, 2024</time></div>"
        "<div class='body'><p>The post's own words.</p></div></div></body></html>"
    )
    post = root.xpath("//div[@class='post']")[0]
    assert post_head(post, post.find(".//p")) == "jdoe Posted April 18, 2024"

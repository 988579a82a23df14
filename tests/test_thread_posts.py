"""Forum threads: posts named as comments are the thread; a script-rendered thread is described."""

from __future__ import annotations

import declutter
from declutter.html.locate import Located
from declutter.html.parse import parse_html
from declutter.html.posts import thread
from declutter.html.segment import segment
from declutter.html.thread import posts_unlinked

POST = "I have the same case and wondered what the two ports at the back are meant for, anyone? "
REPLY = "The rear one is for an external connection of the lighting hub, the manual says nothing. "
COMMENT = "Nice answer, thanks a lot for taking the time to write it down for us all here. "
URL = "https://forum.example.org/topic/123-two-ports-at-the-back/"


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Two ports</title>{head}</head><body>{body}</body></html>"


def _menu() -> str:
    links = "".join(f"<li><a href='/c/{i}'>Category number {i}</a></li>" for i in range(12))
    return f"<div class='menu-top'><ul>{links}</ul></div>"


def test_posts_named_as_comments_are_the_thread() -> None:
    posts = "".join(
        f"<article id='elComment_{i}' class='entry' itemscope"
        f" itemtype='https://schema.org/DiscussionForumPosting'><div id='comment-{i}_wrap'>"
        f"<p>{text * 2}</p></div></article>"
        for i, text in enumerate((POST, REPLY))
    )
    install = "A full-screen app on your home screen with push notifications, badges and more. "
    page = _page(
        f"{_menu()}<div class='install'><p>{install * 4}</p></div><div id='comments'>{posts}</div>"
    )
    text = declutter.extract(page, url=URL).text
    assert "two ports at the back" in text
    assert "external connection" in text


def test_comments_under_answers_stay_out() -> None:
    # A question-and-answer page: the answers hold the prose, the comments under them little.
    answers = "".join(
        f"<div class='answer'><div class='answer-body'><p>{text * 3}</p></div>"
        f"<div class='comments'><ul><li class='comment'>{COMMENT}</li></ul></div></div>"
        for text in (POST, REPLY)
    )
    page = _page(f"{_menu()}<div class='answers'>{answers}</div>")
    text = declutter.extract(page, url="https://qa.example.org/questions/12/two-ports").text
    assert "external connection" in text
    assert "Nice answer" not in text


def test_a_thread_rendered_by_script_is_its_description() -> None:
    head = f"<meta name='description' content='{POST.strip()}'>"
    page = _page("<section id='main'></section>", head)
    article = declutter.extract(page, url="https://forum.example.org/t/two-ports/1555")
    assert article.page_type == "forum"
    assert article.text == POST.strip()


def test_an_empty_article_stays_empty() -> None:
    head = f"<meta name='description' content='{POST.strip()}'>"
    page = _page("<section id='main'></section>", head)
    assert declutter.extract(page, url="https://news.example.org/2024/05/story").text == ""


QUESTION = "Which of the two rear ports takes the lighting hub, and does it need its own cable? "
ANSWER = "Use the lower port for the hub; it carries power too, so no extra cable is needed. "


def _qa_page(question_box: str) -> str:
    # The answers sit in a container of their own; the question stands apart above them.
    answers = "".join(
        f"<div class='answer'><div class='post-layout'><div class='post-body'>"
        f"<p>{text * 3}</p></div></div></div>"
        for text in (ANSWER, REPLY, POST)
    )
    return _page(f"{_menu()}<div id='main'>{question_box}<div id='answers'>{answers}</div></div>")


def test_the_question_shown_apart_opens_the_thread() -> None:
    question = (
        f"<div class='question'><div class='post-layout'><div class='post-body'>"
        f"<p>{QUESTION * 2}</p></div>"
        f"<div class='comments'><ul><li class='comment'>{COMMENT}</li></ul></div></div></div>"
    )
    text = declutter.extract(_qa_page(question), url="https://qa.example.org/questions/7/q").text
    assert "takes the lighting hub" in text
    assert text.index("takes the lighting hub") < text.index("lower port for the hub")
    assert "Nice answer" not in text


def test_a_box_shaped_like_a_post_without_prose_stays_out() -> None:
    notice = (
        "<div class='post-layout'><div class='post-body'><p>You are not logged in.</p>"
        "<p><a href='/login'>Log in</a> <a href='/register'>Register</a></p></div></div>"
    )
    text = declutter.extract(_qa_page(notice), url="https://qa.example.org/questions/7/q").text
    assert "lower port for the hub" in text
    assert "not logged in" not in text


def test_replies_built_unlike_the_opening_post_are_found_by_their_wrapper() -> None:
    # Locate chose the opening post's body, whose class promotion boxes in the sidebar share;
    # the replies' bodies have a class of their own, but every post sits in the same wrapper.
    promo = "Join our course today and land the offer of your dreams with expert help. "
    opening = f"<div class='post-wrap'><div class='field-body'><p>{QUESTION * 4}</p></div></div>"
    replies = "".join(
        f"<div class='post-wrap'><div class='reply-body'><p>{text * 3}</p></div></div>"
        for text in (ANSWER, REPLY, POST, ANSWER[::-1], REPLY[::-1], POST[::-1])
    )
    boxes = "".join(f"<div class='field-body'><p>{promo}</p></div>" for _ in range(3))
    root = parse_html(_page(f"<div id='main'>{opening}{replies}</div><aside>{boxes}</aside>"))
    chunks = segment(root)
    body = root.find(".//div[@class='field-body']")
    located = Located(body, [c for c in chunks if c.el.getparent() is body])
    found = thread(chunks, located)
    assert found is not None
    text = " ".join(c.text for c in found.chunks)
    assert "takes the lighting hub" in text
    assert "lower port for the hub" in text
    assert "external connection" in text
    assert "Join our course" not in text


def test_posts_laid_out_as_cards_under_an_avatar_link_are_not_links() -> None:
    # Each post is a list item opening with the poster's avatar link (one letter): to the
    # segmenter a teaser card (a linked title, then a summary), all of it link text.
    posts = "".join(
        f"<li class='post'><div class='icon'><a href='/user/u{i}'>U</a></div>"
        f"<div class='content'><p>{text * 2}</p></div></li>"
        for i, text in enumerate((QUESTION, ANSWER, REPLY))
    )
    root = parse_html(_page(f"<ul class='posts'>{posts}</ul>"))
    chunks = segment(root)
    prose = [c for c in chunks if c.el.tag == "p"]
    assert prose and all(c.link_density == 1.0 for c in prose)
    posts_unlinked(chunks)
    assert all(c.link_density == 0.0 for c in prose)
    # The avatar link itself is a link still.
    assert all(c.link_density == 1.0 for c in chunks if c.text == "U")


def test_a_reply_after_a_quote_box_keeps_its_own_words() -> None:
    # phpBB sets a reply's words as loose text after the quote of the post it answers; the
    # quote's links (its "jdoe wrote: ↑" and the quoted post's own) are not the reply's.
    link = "<a href='https://example.org/docs/boot/overlays/README'>https://example.org/docs</a>"
    quoted = f"{POST * 2}See {link} and {link} for the details of the overlays. "
    open_post = "<div class='post'><div class='postbody'><div class='content'>"
    posts = [
        f"{open_post}{POST * 2}</div></div></div>",
        f"{open_post}<blockquote><cite><a href='/memberlist.php?u=1'>jdoe</a> wrote:"
        f" <a href='#p1'>↑</a></cite>{quoted}</blockquote>"
        "look in /boot/firmware/config.txt now</div></div></div>",
        f"{open_post}{REPLY * 2}</div></div></div>",
    ]
    page = _page(f"{_menu()}<div class='topic'>{''.join(posts)}</div>")
    text = declutter.extract(page, url="https://forums.example.org/viewtopic.php?t=3").text
    assert "look in /boot/firmware/config.txt now" in text
    assert "external connection" in text

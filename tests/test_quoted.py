"""Quotes in a thread: a quote of a post given above is a repeat; other quotes stay."""

from __future__ import annotations

import declutter
from declutter.html.chunk import Chunk
from declutter.html.parse import parse_html
from declutter.html.quoted import without_repeated_quotes

FIRST = "The lower port takes the lighting hub and carries power, so no extra cable is needed."
SECOND = "Mine came without the manual, so I had no idea which port was which until today."
OUTSIDE = "Connect the hub to port B only after the controller has finished its start-up."


def _chunk(kind: str, text: str) -> Chunk:
    return Chunk(kind, parse_html("<p>x</p>").find(".//p"), text=text)


def test_a_quote_of_a_post_given_above_is_dropped() -> None:
    chunks = [
        _chunk("paragraph", FIRST),
        _chunk("paragraph", SECOND),
        _chunk("quote", "jdoe said:\n\n" + FIRST + "\n\nClick to expand..."),
        _chunk("paragraph", "Thanks, that did it."),
    ]
    kept = without_repeated_quotes(chunks)
    assert [c.text for c in kept] == [FIRST, SECOND, "Thanks, that did it."]


def test_a_line_picked_out_to_answer_it_stays() -> None:
    chunks = [
        _chunk("paragraph", FIRST),
        _chunk("quote", "so no extra cable is needed"),
        _chunk("paragraph", "Not on the older boards: those need the adapter cable."),
    ]
    assert without_repeated_quotes(chunks) == chunks


def test_a_quote_of_something_not_on_the_page_stays() -> None:
    chunks = [_chunk("paragraph", FIRST), _chunk("quote", OUTSIDE), _chunk("paragraph", SECOND)]
    assert without_repeated_quotes(chunks) == chunks


def test_a_post_repeating_a_quote_is_no_quote_and_stays() -> None:
    # Only quote blocks are dropped: a paragraph that happens to repeat earlier words stays.
    chunks = [_chunk("quote", OUTSIDE), _chunk("paragraph", OUTSIDE)]
    assert without_repeated_quotes(chunks) == chunks


def test_a_thread_gives_a_quoted_post_once() -> None:
    posts = [
        f"<p>{FIRST} {SECOND}</p>",
        f"<blockquote><cite>jdoe said:</cite><p>{FIRST}</p></blockquote>"
        "<p>Thanks a lot, that did it and the hub now lights up as soon as it is plugged in.</p>",
        "<p>Good to hear it worked out; the manual on the maker's site explains it too.</p>",
    ]
    body = "".join(
        f"<div class='post'><a class='username' href='/members/u{i}'>user{i}</a>"
        f"<div class='postbody'>{post}</div><a class='reply'>Reply</a></div>"
        for i, post in enumerate(posts)
    )
    page = f"<html><head><title>Ports</title></head><body><main>{body}</main></body></html>"
    url = "https://forum.example.org/threads/which-port-takes-the-hub.12345/"
    article = declutter.extract(page, url=url)
    assert article.page_type == "forum"
    text = article.text
    assert text.count("lower port takes the lighting hub") == 1
    assert "the hub now lights up" in text

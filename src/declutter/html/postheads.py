"""Who wrote each post of a thread, and when: the line a forum prints at the head of a post.

A thread's readers see every post opened by its poster's name and its date; locate keeps only
the posts' text (the name is a link, the date a short line, both dropped as chrome).  Each
post's frame is the largest element around it that holds no other post; its head is what the
frame shows before the post's first block.  The name is the link to the poster's profile (or
what the markup calls the author), the date the post's ``<time>`` (or what the markup calls
its date).  What a forum prints after the post (a question-and-answer site's user card) is a
signature of sorts, not its head, and is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from lxml import html

from ..patterns import tokens
from .chunk import norm_space
from .shape import inside

#: A name or a date is a short line; longer text is a profile box or a sentence.
NAME_CHARS = 40
DATE_CHARS = 60
#: A poster's name is at most this many words ("Outer Armatonisdaristan", "Bill - I write code").
NAME_WORDS = 5

#: Class and id words of the element holding a poster's name.
_NAME_TOKENS = frozenset(
    {"username", "author", "poster", "postauthor", "creator", "membername", "usernamelink"}
)
#: ...and of the element holding a post's date.
_DATE_TOKENS = frozenset(
    {"date", "time", "timestamp", "posted", "postdate", "datetime", "dateline", "published"}
)
#: ...but not the date the poster joined the forum, which their card shows beside the name.
_JOINED_TOKENS = frozenset({"join", "joined", "joindate", "regdate", "registered", "membersince"})
#: Path words of a link to a member's profile ("/u/jdoe", "/members/jdoe.123/").
_PROFILE_PATH = frozenset(
    {"u", "user", "users", "member", "members", "profile", "profiles", "people", "memberlist"}
)
_PROFILE_FILE = re.compile(r"^(?:member|profile|user|memberlist)\w*\.php$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def frames(posts: list[html.HtmlElement]) -> dict[html.HtmlElement, html.HtmlElement]:
    """Each post's frame: its largest ancestor (or itself) that holds no other post."""
    held: Counter[html.HtmlElement] = Counter()
    for post in posts:
        held.update(post.iterancestors())
    out: dict[html.HtmlElement, html.HtmlElement] = {}
    for post in posts:
        frame = post
        for parent in post.iterancestors():
            if held[parent] > 1 or parent.tag in ("body", "html"):
                break
            frame = parent
        out[post] = frame
    return out


def post_head(frame: html.HtmlElement, first: html.HtmlElement) -> str | None:
    """The poster's name and the post's date shown in ``frame`` before ``first``, or None."""
    name: str | None = None
    date: str | None = None
    for el in _before(frame, first):
        if name is None:
            name = _name(el)
        if date is None:
            date = _date(el)
        if name is not None and date is not None:
            break
    if name and date and date in name:
        # The name's box prints the date too ("jdoe Posted April 18, 2024"): once is enough.
        date = None
    parts = [p for p in (name, date) if p]
    return " · ".join(parts) if parts else None


def _before(frame: html.HtmlElement, first: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements of ``frame`` that come before ``first``, outside quotes."""
    found: list[html.HtmlElement] = []
    skip: html.HtmlElement | None = None
    for el in frame.iter():
        if el is first:
            break
        if not isinstance(el.tag, str):
            continue
        if skip is not None and inside(el, skip):
            continue
        if el.tag == "blockquote":
            # A quoted post names its own author; that is not who wrote this one.
            skip = el
            continue
        found.append(el)
    return found


def _short(text: str, limit: int) -> str | None:
    text = norm_space(text)
    return text if 0 < len(text) <= limit else None


def _name(el: html.HtmlElement) -> str | None:
    if el.get("itemprop") in ("author", "creator"):
        named = el.find(".//*[@itemprop='name']")
        return _person(named if named is not None else el)
    if el.tag == "a" and _profile_link(el.get("href") or ""):
        return _person(el)
    names = tokens(f"{el.get('class', '')} {el.get('id', '')}")
    if names & _NAME_TOKENS:
        return _person(el)
    return None


def _person(el: html.HtmlElement) -> str | None:
    text = _short(el.text_content(), NAME_CHARS)
    if text is None or len(text.split()) > NAME_WORDS:
        return None
    return text


def _profile_link(href: str) -> bool:
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    segments = [s for s in parts.path.lower().split("/") if s]
    if any(s in _PROFILE_PATH for s in segments[:-1]) or any(s.startswith("@") for s in segments):
        return True
    last = segments[-1] if segments else ""
    return bool(_PROFILE_FILE.match(last)) or "showuser=" in parts.query


def _date(el: html.HtmlElement) -> str | None:
    if el.tag == "time" or el.get("itemprop") in ("datePublished", "dateCreated"):
        return _dated(el)
    names = tokens(f"{el.get('class', '')} {el.get('id', '')}")
    if names & _DATE_TOKENS and not names & _JOINED_TOKENS:
        return _dated(el)
    return None


def _dated(el: html.HtmlElement) -> str | None:
    # A date's long and short forms ("April 2, 2024", "1 yr") stand side by side in spans
    # that the style sheet shows by screen size: joined as they are they run into one word.
    text = _short(" ".join(el.itertext()), DATE_CHARS)
    return text if text and _DIGIT.search(text) else None

"""By-lines shown beside the headline when no markup names the author.

Two signs, looked for around the first ``<h1>`` (a little before it, more after it), outside
comments, sidebars and related-story lists:

- a short line that opens with a by-word ("By Jane Doe", "Written by …", "Posted by … at",
  "Von …", "Par …", "Author: …"): its names;
- a link whose text is a name and whose address is an author page ending in that name
  ("Sofia Gonzalez" → ``/author/sofia-gonzalez/``, ``/people/sofia-gonzalez``).
"""

from __future__ import annotations

import re

from lxml import html

from .names import is_name, split_authors
from .visibledate import around, in_clutter

BEFORE = 30
AFTER = 150
MAX_LINE = 120

_BY_WORD = (
    r"^\s*(?:(?:written|posted|reported|published|story|words)\s+)?"
    r"(?:by|von|par|por|door|av|af|przez|autor|author|auteur|autore)\b"
)
_OPENS = re.compile(_BY_WORD, re.IGNORECASE)
_BY_LINE = re.compile(_BY_WORD + r"\s*:?\s*\S", re.IGNORECASE)
_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: Path words of author pages ("/author/jane-doe", "/people/jane-doe", "/redaktion/…").
_AUTHOR_PATH = re.compile(
    r"/(?:authors?|autor(?:en|es|i)?|autore|auteurs?|writers?|people|person|staff|profiles?|"
    r"contributors?|team|bio|by|users?|members?|experts?|journalists?|reporters?|editors?|"
    r"redaktion|redakteur|columnists?)/",
)


def _slug(text: str) -> str:
    return _NON_SLUG.sub("-", text.casefold()).strip("-")


def _text(el: html.HtmlElement) -> str:
    if len(el) > 8:
        return ""
    text = el.text_content()
    return " ".join(text.split()) if len(text) <= MAX_LINE * 2 else ""


def _by_line(el: html.HtmlElement) -> list[str]:
    if not _OPENS.match(el.text or ""):
        return []
    text = _text(el)
    if not text or len(text) > MAX_LINE or not _BY_LINE.match(text):
        return []
    return split_authors(text)


def _author_link(el: html.HtmlElement) -> str | None:
    href = (el.get("href") or "").split("?")[0].split("#")[0].rstrip("/").casefold()
    text = _text(el)
    if not href or not text or not 2 <= len(text.split()) <= 4 or not is_name(text):
        return None
    if not _AUTHOR_PATH.search(href):
        return None
    slug = _slug(text)
    return text if slug and href.endswith(("/" + slug, "/" + slug + ".html")) else None


def byline_names(root: html.HtmlElement, h1: html.HtmlElement | None) -> list[str]:
    """Names from the by-line shown nearest the headline, or [] (see the module docstring)."""
    order, at = around(root, h1, AFTER)
    if at < 0:
        return []
    window = order[max(0, at - BEFORE) :]
    for el in window:
        if el is order[at] or el.tag in ("a", "h1"):
            continue
        names = _by_line(el)
        if names and not in_clutter(el):
            return names
    for el in window:
        if el.tag == "a":
            name = _author_link(el)
            if name and not in_clutter(el):
                return [name]
    return []

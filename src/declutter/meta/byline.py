"""By-lines shown beside the headline when no markup names the author.

Two signs, looked for around the first ``<h1>`` (a little before it, more after it), outside
comments, sidebars and related-story lists:

- a short line that opens with a by-word ("By Jane Doe", "Written by …", "Posted by … at",
  "Von …", "Par …", "Author: …"): its names;
- a link whose text is a name and whose address is an author page ending in that name
  ("Sofia Gonzalez" → ``/author/sofia-gonzalez/``, ``/people/sofia-gonzalez``).

A forum names who opened the thread beside its title ("Thread starter <a>jdoe</a>",
"Discussion in 'Help' started by jdoe, May 26"): ``starter_names`` reads that line.
"""

from __future__ import annotations

import re

from lxml import html

from .dateparse import is_bare_date
from .names import is_name, split_authors, user_name
from .visibledate import around, in_clutter

BEFORE = 30
AFTER = 150
MAX_LINE = 120

_BY_WORD = (
    r"^\s*(?:(?:written|posted|reported|published|story|words|article|interview)\s+)?"
    r"(?:by|von|par|por|door|av|af|przez|autor|author|auteur|autore)\b"
)
_OPENS = re.compile(_BY_WORD, re.IGNORECASE)
_BY_LINE = re.compile(_BY_WORD + r"\s*:?\s*\S", re.IGNORECASE)
#: A by-word alone ("Written by", "By"), the name being the next element's text.
_BY_LABEL = re.compile(_BY_WORD + r"\s*:?\s*$", re.IGNORECASE)
#: A forum's words for who opened the thread, the name after them.
_STARTER = re.compile(
    r"\b(?:(?:thread|discussion|topic)\s+starter|started\s+by)\s*:?\s*", re.IGNORECASE
)
#: Where the starter's name ends in a line that goes on ("jdoe, May 26", "jdoe · 3 days").
_NAME_END = re.compile(r"\s*(?:[,·•|(\n]|\s-\s|\son\s|$)")
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
    # Pieces joined by a space: "<p>Written by</p><p>Jane Doe</p>" is not "byJane".
    text = " ".join(el.itertext())
    return " ".join(text.split()) if len(text) <= MAX_LINE * 2 else ""


def _names_a_person(el: html.HtmlElement) -> bool:
    """Whether the element after a bare "By" holds a person rather than a shop's brand: plain
    text, or a link to an author page (a brand's link goes to the brand's page)."""
    links = [el] if el.tag == "a" else el.findall(".//a")
    return all(_AUTHOR_PATH.search((a.get("href") or "").casefold()) for a in links)


def _by_line(el: html.HtmlElement) -> list[str]:
    if _wrapped_link(el):
        # "<span><a href=…>by Jane Doe</a></span>": a by-line that is one link, wrapped; its
        # names capitalised (a list of links reads "Door fittings", not a Dutch by-line).
        names = _by_line(el[0])
        return names if all(n[:1].isupper() for n in names) else []
    if not _OPENS.match(el.text or ""):
        return []
    text = _text(el)
    if _BY_LABEL.match(text):
        after = _next_with_text(el)
        if after is None or (text.casefold() == "by" and not _names_a_person(after)):
            return []
        text = f"{text} {_text(after)}"
    if not text or len(text) > MAX_LINE or not _BY_LINE.match(text):
        return []
    return split_authors(text) or _by_child(el)


def _next_with_text(el: html.HtmlElement) -> html.HtmlElement | None:
    """The first of the next few siblings that shows text: "Written by: <picture/> <span>Jane
    Doe</span>" puts the writer's avatar between the label and the name."""
    after = el.getnext()
    for _ in range(3):
        if after is None or not isinstance(after.tag, str) or after.text_content().strip():
            return after
        after = after.getnext()
    return after


def _wrapped_link(el: html.HtmlElement) -> bool:
    """An element (not a list item) holding one link and no text of its own."""
    if el.tag in ("li", "td", "dd") or len(el) != 1 or el[0].tag != "a":
        return False
    return not (el.text or "").strip() and not (el[0].tail or "").strip()


def _by_child(el: html.HtmlElement) -> list[str]:
    """ "By <a>A. J. Neal</a> <a>View in digital edition</a>": the line goes on past the name,
    which is the element right after the by-word."""
    if not len(el) or not _BY_LABEL.match(el.text or "") or not isinstance(el[0].tag, str):
        return []
    if (el[0].tail or "").strip():
        return []  # "By <b>Jane</b> Doe": the child is not the whole name
    return split_authors(f"{el.text} {_text(el[0])}")


def _author_link(el: html.HtmlElement) -> str | None:
    href = (el.get("href") or "").split("?")[0].split("#")[0].rstrip("/").casefold()
    text = _text(el)
    if not href or not text or not 2 <= len(text.split()) <= 4 or not is_name(text):
        return None
    if not _AUTHOR_PATH.search(href):
        return None
    slug = _slug(text)
    return text if slug and href.endswith(("/" + slug, "/" + slug + ".html")) else None


def _name_or_user(text: str) -> str | None:
    """A user name, or a capitalised name of a few words ("started by scrolling through a
    feed" in a story names no one)."""
    names = split_authors(text)
    if not names:
        return user_name(text)
    name = names[0]
    return name if name[:1].isupper() and len(name.split()) <= 4 else user_name(name)


def _starter(text: str | None, after: html.HtmlElement | None) -> str | None:
    """The name after a starter phrase in ``text``, or in the element ``after`` it when the
    phrase ends the text."""
    m = _STARTER.search(text or "") if text else None
    if m is None:
        return None
    rest = (text or "")[m.end() :]
    if rest.strip():
        return _name_or_user(rest[: _NAME_END.search(rest).start()])  # type: ignore[union-attr]
    if after is None or not isinstance(after.tag, str) or len(after) > 4:
        return None
    return _name_or_user(" ".join(after.text_content().split()))


#: Class and id words of the lists beside a thread (other threads and their starters).
_ASIDE_WORDS = frozenset({"sidebar", "related", "similar", "widget", "recent", "aside"})
_WORDS = re.compile(r"[a-z]+")


def _aside(el: html.HtmlElement) -> bool:
    """Whether the element is in a list beside the thread: a whole word of its ancestors' class
    or id says so ("similar-threads", not "mainContainer_noSidebar")."""
    for anc in el.iterancestors():
        if anc.tag in ("aside", "nav", "footer"):
            return True
        marks = f"{anc.get('class') or ''} {anc.get('id') or ''}".lower()
        if marks.strip() and _ASIDE_WORDS.intersection(_WORDS.findall(marks)):
            return True
    return False


def starter_names(root: html.HtmlElement, h1: html.HtmlElement | None) -> list[str]:
    """The name of who opened a forum thread, from the line beside its title, or []."""
    order, at = around(root, h1, AFTER)
    if at < 0:
        return []
    for el in order[max(0, at - BEFORE) :]:
        first = el[0] if len(el) else el.getnext()
        name = _starter(el.text, first) or _starter(el.tail, el.getnext())
        # The walk up the ancestors is asked only of a line that names a starter.
        if name and not _aside(el):
            return [name]
    return []


def _clutter(el: html.HtmlElement) -> bool:
    """``in_clutter``, but an article's own ``<footer>`` holds its by-line ("Posted by Jane Doe
    on …" under the story), not another page part's; and a line opening with a by-word in an
    ``<aside>`` inside the article or main part is the story's side column ("Written By …"
    beside the text), not another story's."""
    footer = next((a for a in el.iterancestors() if a.tag == "footer"), None)
    parent = footer.getparent() if footer is not None else None
    if footer is not None and parent is not None and parent.tag == "article":
        return in_clutter(footer)
    aside = next((a for a in el.iterancestors() if a.tag == "aside"), None)
    if (
        aside is not None
        and _OPENS.match(el.text or "")
        and any(a.tag in ("article", "main") for a in aside.iterancestors())
    ):
        return in_clutter(aside)
    return in_clutter(el)


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
        if names and not _clutter(el):
            return names
    for el in window:
        if el.tag == "a":
            name = _author_link(el)
            if name and not _clutter(el):
                return [name]
    for el in order[at + 1 : at + 1 + DATED_NEAR]:
        name = _dated_name(el)
        if name and not _clutter(el):
            return [name]
    return _signed(order[-1] if len(order) > at + AFTER else None)


#: How far after the headline (in elements) a line of date and name is read as the by-line.
DATED_NEAR = 15
#: The fields of a line under a headline ("Jane Doe | Senior Writer | July 2, 2025").
_FIELD_SEP = re.compile(r"\s*[|•·]\s*")
#: What may follow the writer's name in such a field ("Jane Doe in Cloud", "… on behalf of").
_NAME_TAIL = re.compile(r"\s+(?:in|on\s+behalf\s+of)\s+.*$")


def _dated_name(el: html.HtmlElement) -> str | None:
    """The writer of a line that shows the date and a name with no by-word ("Dec. 19, 2025 ·
    Niko Matsakis", "Aaron Ricadela | Senior Writer | July 2, 2025"): the first field that
    is not the date, when it is a capitalised name of two to four words and not a link
    elsewhere than an author page (a category: "Dec 12, 2025 | Travel Tips")."""
    text = _text(el)
    if not text or len(text) > MAX_LINE:
        return None
    fields = [f for f in _FIELD_SEP.split(text) if f.strip()]
    rest = [f for f in fields if not is_bare_date(f)]
    if not 2 <= len(fields) <= 4 or len(rest) == len(fields) or not rest:
        return None
    names = split_authors(_NAME_TAIL.sub("", rest[0]))
    if len(names) != 1:
        return None
    name = names[0]
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or not is_name(name):
        return None
    for link in el.iter("a"):
        if name in _text(link) and not _AUTHOR_PATH.search((link.get("href") or "").casefold()):
            return None
    return name


#: A by-line that says who wrote the piece in so many words, wherever it stands.
_SIGNED = re.compile(r"^\s*(?:written|authored)\s+by\b", re.IGNORECASE)
#: Class and id words of the parts far down a page that are signed by their readers.
_READERS = re.compile(r"review|comment|testimonial|reply|answer", re.IGNORECASE)


def _signed(last: html.HtmlElement | None) -> list[str]:
    """Names from a "Written by …" line past the part read around the headline (an article
    signed at its end), outside clutter and readers' reviews or comments."""
    if last is None:
        return []
    body = last.getroottree().getroot().find("body")
    seen = False
    for el in body.iter() if body is not None else ():
        if el is last:
            seen = True
            continue
        if not seen or not isinstance(el.tag, str) or not _SIGNED.match(el.text or ""):
            continue
        names = _by_line(el)
        if names and not _clutter(el) and not _by_readers(el):
            return names
    return []


def _by_readers(el: html.HtmlElement) -> bool:
    return any(
        _READERS.search(f"{anc.get('class') or ''} {anc.get('id') or ''}")
        for anc in el.iterancestors()
    )

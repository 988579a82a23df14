"""Authors of a page: JSON-LD and meta tags (``declared.py``), then rel/itemprop markup and
by-line elements.

Author strings are split into names and trimmed of "By"-style prefixes, roles, credentials,
dates, handles, URLs and "| Staff" tails; the names are deduplicated and never a URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

from lxml import etree, html

from ..html.shape import under
from .declared import declared_strings, jsonld_authors, meta_authors
from .jsonld import JsonLd
from .names import fold_name, split_authors, team_name, user_name

_ITEMPROP_AUTHOR = etree.XPath(
    "descendant::*[@itemprop][contains(@itemprop, 'author') or contains(@itemprop, 'creator')]"
)
_REL_AUTHOR = etree.XPath(
    "descendant::a[@rel][contains(translate(@rel, 'AUTHOR', 'author'), 'author')]"
)
_MARK_VALUES = etree.XPath("descendant::*/@class | descendant::*/@id")
_TOKEN_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_MARK_TOKENS = frozenset(
    {"byline", "bylines", "author", "authors", "byl", "writer", "auteur", "autor", "autore",
     "writtenby", "authorname", "bylinename", "byline__name", "author_name",
     "articleauthor", "postauthor", "entryauthor", "authorinfo", "authorlink"}
)  # fmt: skip
_SKIP_TOKENS = frozenset(
    {"comment", "comments", "related", "recirc", "recommended", "sidebar", "widget", "widgets",
     "footer", "about", "avatar", "teaser", "teasers", "promo", "reply",
     "replies", "trending", "popular", "more", "next", "prev", "previous", "newsletter",
     "respond", "discussion", "thumb", "thumbnail", "img", "image", "photo", "pic", "hr",
     "title", "card", "list"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"footer", "aside", "nav", "form", "input", "img", "script", "style"})
#: Class and id words of an ancestor that puts a by-line outside the article (another story's).
_CLUTTER_TOKENS = frozenset(
    {"comment", "comments", "related", "recirc", "sidebar", "footer", "reply", "replies",
     "discussion", "respond"}
)  # fmt: skip


_H_CARD = re.compile(r"(?<![\w-])h-card(?![\w-])")


def _tokens(el: Any) -> set[str]:
    # "h-card" is the microformat of a person ("u-author h-card"), not a teaser card.
    text = _H_CARD.sub(" ", f"{el.get('class') or ''} {el.get('id') or ''}")
    return {t.lower() for t in _TOKEN_SPLIT.split(text) if t}


def _in_clutter(el: Any) -> bool:
    for anc in el.iterancestors():
        if anc.tag == "footer" and any(a.tag == "article" for a in anc.iterancestors()):
            continue  # an article's own footer: its author box, its tags
        if anc.tag in _SKIP_TAGS:
            return True
        if anc.tag in ("article", "main", "body"):
            return False
        if not _CLUTTER_TOKENS.isdisjoint(_tokens(anc)):
            return True
    return False


def _visible_text(el: Any) -> str:
    parts: list[str] = []
    for node in el.iter():
        if node.tag in ("script", "style", "noscript", "template"):
            continue
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        if node is not el and node.tail and node.getparent().tag not in ("script", "style"):
            parts.append(node.tail)
    return " ".join(parts)


def _element_text(el: Any) -> str:
    if el.tag == "meta":
        return str(el.get("content") or "")
    inner = el.find(".//*[@itemprop='name']")
    if inner is not None:
        return str(inner.get("content") or _visible_text(inner))
    return _visible_text(el)


def _dom_groups(
    root: html.HtmlElement, marks: str | None, rel_authors: list[Any] | None
) -> Iterator[list[Any]]:
    marked_page = marks is None or any(word in marks for word in BYLINE_MARKS)
    yield [
        el
        for el in _ITEMPROP_AUTHOR(root)
        if el.tag != "link" and {"author", "creator"} & set((el.get("itemprop") or "").split())
    ]
    if rel_authors is None:
        rel_authors = _REL_AUTHOR(root)
    yield [el for el in rel_authors if "author" in (el.get("rel") or "").lower().split()]
    if not marked_page:
        return
    marked: list[Any] = []
    for value in _MARK_VALUES(root):
        lowered = value.lower()
        if not any(word in lowered for word in BYLINE_MARKS):
            continue
        el = value.getparent()
        if el is None or (marked and marked[-1] is el):
            continue
        if el.tag in _SKIP_TAGS:
            continue
        tokens = _tokens(el)
        if tokens & _MARK_TOKENS and not tokens & _SKIP_TOKENS:
            marked.append(el)
    yield marked


#: Fragments (lower case) of class/id values that mark a by-line element.
BYLINE_MARKS = ("uthor", "yline", "byl", "auteur", "autor", "riter")


#: A forum's mark of the one who opened the thread, beside their name.
_STARTER = re.compile(
    r"\b(?:discussion|thread|topic)\s+starter\b|\boriginal\s+poster\b|\bOP\b", re.IGNORECASE
)


def _from_headline(root: html.HtmlElement, h1: Any, group: list[Any]) -> list[Any]:
    """The group reordered: elements after the headline first, nearest first, then the ones
    before it (a forum's "last post by" in the header is not the thread's author)."""
    if h1 is None or len(group) < 2:
        return group
    position = {id(el): i for i, el in enumerate(root.iter())}
    at = position.get(id(h1))
    if at is None:
        return group

    def key(el: Any) -> tuple[int, int]:
        i = position.get(id(el), at)
        return (0, i - at) if i > at else (1, at - i)

    return sorted(group, key=key)


#: Addresses of a member's or author's page ("/members/jdoe.12/", "memberlist.php?mode=
#: viewprofile&u=4", "/~jdoe", "/u/jdoe").
_PROFILE_LINK = re.compile(
    r"/(?:members?|users?|u|profiles?|authors?|people|writers?)/|viewprofile|/~[\w.-]+/?$",
    re.IGNORECASE,
)


def _profile_names(el: Any) -> list[str]:
    """A by-line whose text gives no name ("by » Tue Aug 27, 2019 1:47 am Jdoe"): the text of
    its first link to a member's page, a name or a user name."""
    for link in el.iter("a"):
        if not _PROFILE_LINK.search(link.get("href") or ""):
            continue
        text = " ".join(link.text_content().split())
        names = split_authors(text)
        if names:
            return names[:1]
        handle = user_name(text)
        if handle:
            return [handle]
    return []


#: From this many words a marked element is an author box with a bio, not a by-line: its
#: sentences split into no names ("I've consulted", "hundreds of new").
BIO_WORDS = 12


def _bio_name(box: Any) -> list[str]:
    """The name an author box shows apart from its bio: the first element inside it whose
    whole text is a name of two words or more."""
    for el in box.iterdescendants():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        text = " ".join(_visible_text(el).split())
        if not text or len(text.split()) > 5:
            continue
        names = split_authors(text)
        if len(names) == 1 and " " in names[0] and names[0] == text.strip(" :,"):
            return names
    return []


_WRITTEN_BY_IN = re.compile(r"\b(?:written|posted|authored)\s+by\s+([^,;.|()]{3,60})", re.I)


def _written_by(text: str) -> list[str]:
    """The name a bio's sentence gives its writer: "This post was written by Jane Doe, …"."""
    m = _WRITTEN_BY_IN.search(text)
    return split_authors(m.group(1)) if m else []


def _long(text: str) -> bool:
    """Too long for a by-line, counted without the markup's indentation (a by-line in deeply
    indented source holds hundreds of spaces)."""
    return len(" ".join(text.split())) > 200


def _dom_authors(
    root: html.HtmlElement,
    marks: str | None = None,
    rel_authors: list[Any] | None = None,
    h1: Any = None,
    outside: frozenset[Any] = frozenset(),
) -> list[str]:
    for group in _dom_groups(root, marks, rel_authors):
        if outside:
            group = [el for el in group if not under(el, outside)]
        group = _from_headline(root, h1, group)
        starters = [el for el in group if _STARTER.search(_visible_text(el)[:300])]
        group = starters[:1] + [el for el in group if el not in starters[:1]]
        first_parent = None
        names: list[str] = []
        for el in group:
            if first_parent is not None and el.getparent() is not first_parent:
                continue
            text = _element_text(el)
            if not text.strip() or _long(text) or _in_clutter(el):
                continue
            if len(text.split()) > BIO_WORDS:
                found = _bio_name(el) or _written_by(text)
            else:
                found = split_authors(_STARTER.sub(" | ", text)) or _profile_names(el)
            if found:
                names.extend(n for n in found if n not in names)
                first_parent = el.getparent()
        if names:
            return names
    return []


def _teams(
    root: html.HtmlElement,
    jsonld: JsonLd,
    metas: dict[str, list[str]],
    marks: str | None,
    rel_authors: list[Any] | None,
    h1: Any,
) -> list[str]:
    """A team of the site declared or shown as the author ("The Upwork Team"), the last resort
    when no person and no organisation is named."""
    for text in declared_strings(jsonld, metas):
        team = team_name(text)
        if team:
            return [team]
    for group in _dom_groups(root, marks, rel_authors):
        for el in _from_headline(root, h1, group)[:10]:
            text = _element_text(el)
            team = team_name(text) if not _long(text) and not _in_clutter(el) else None
            if team:
                return [team]
    return []


def find_authors(
    root: html.HtmlElement,
    jsonld: JsonLd,
    metas: dict[str, list[str]],
    marks: str | None = None,
    rel_authors: list[Any] | None = None,
    site_names: Sequence[str] = (),
    shown: Callable[[], list[str]] | None = None,
) -> tuple[str, ...]:
    """The page's authors, most trusted source first; () when none is named.

    ``marks`` (optional): the lower-cased class and id values of the page; when given, the
    class-marked by-line search runs only if they mention a by-line word.  ``rel_authors``
    (optional): the page's ``<a rel="author">`` links, found in the tree when not given.
    ``shown`` (optional) finds the by-line shown beside the headline; it is asked only when no
    markup names a person, before an organisation is taken as the author.
    A meta author that is one of ``site_names`` (the site's declared name or its ``<title>``
    tail) is the site, not a person: the markup is searched for a by-line instead.
    """
    return find_authors_explained(root, jsonld, metas, marks, rel_authors, site_names, shown)[0]


def find_authors_explained(
    root: html.HtmlElement,
    jsonld: JsonLd,
    metas: dict[str, list[str]],
    marks: str | None = None,
    rel_authors: list[Any] | None = None,
    site_names: Sequence[str] = (),
    shown: Callable[[], list[str]] | None = None,
    h1: Any = None,
    starter: Callable[[], list[str]] | None = None,
    outside: frozenset[Any] = frozenset(),
) -> tuple[tuple[str, ...], str | None]:
    """``find_authors`` and where the names came from: "json-ld", "meta", "markup" (itemprop,
    rel=author, by-line classes), "starter" (a forum's line naming who opened the thread),
    "byline" (the line shown beside the headline), "json-ld-organization" or "team" (a team
    of the site named as the author).  ``outside``: boxes whose by-lines are not the page's
    (the shoppers' reviews of a product page)."""
    persons, orgs = jsonld_authors(jsonld)
    sites = frozenset(fold_name(s) for s in site_names if s)
    # A "person" named like the site is the site: an organisation, asked for last.
    orgs = orgs + [p for p in persons if fold_name(p) in sites]
    persons = [p for p in persons if fold_name(p) not in sites]
    meta_names, site_named = meta_authors(metas, sites)
    orgs = orgs + site_named
    # Asked twice (to decide the order of the steps, then in it): the tree is searched once.
    markup = cache(lambda: _dom_authors(root, marks, rel_authors, h1, outside))
    steps: list[tuple[str, Callable[[], list[str]]]] = [
        ("json-ld", lambda: persons),
        ("meta", lambda: meta_names),
        ("starter", starter or list),
        ("markup", markup),
        ("byline", shown or list),
        ("json-ld-organization", lambda: orgs),
        ("team", lambda: _teams(root, jsonld, metas, marks, rel_authors, h1)),
    ]
    if persons and all(_HANDLE_ONLY.match(p) for p in persons) and _real_names(markup()):
        # A platform's account id declared as the author ("CC7567") while the page shows the
        # writer's name: the reader's name for the author is the shown one.
        steps.insert(0, steps.pop(3))
    for source, step in steps:
        names = _unique(step())
        if names:
            return names, source
    return (), None


#: One token mixing letters and digits: an account id, not a name a reader knows.
_HANDLE_ONLY = re.compile(r"^(?=\S*\d)(?=\S*[^\W\d_])\S+$")


def _real_names(names: list[str]) -> bool:
    return any(" " in name and not _HANDLE_ONLY.search(name) for name in names)


def _unique(names: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = fold_name(name)
        if key not in seen and not name.startswith(("http:", "https:")):
            seen.add(key)
            out.append(name)
    return tuple(out[:20])

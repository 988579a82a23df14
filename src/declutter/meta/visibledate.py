"""The date a page shows its readers beside the headline.

Looked for in document order around the first ``<h1>`` (a little before it, more after it):
``<time>`` elements (the day their text shows when it is a day off their UTC datetime),
elements whose class or id names a date ("date", "time", "published", "updated", "byline",
"meta" …), "Published/Updated/Posted … <date>" lines in several languages and, close to the
headline, lines holding nothing but a date ("Dec 17, 2025"; not in links or table cells), or a
date among parts ("Dec 17, 2025 · 3 min read"), or blocks that open with one.
The nearest one to the headline is the page's stated date; a label saying "updated" makes it a
modification date.  Dates inside comments, sidebars, footers, related-story lists and
quotations are not the article's.  ``labelled_date`` reads a "Published/Updated: <date>" line
anywhere in the body, for pages whose headline shows none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree, html

from .dateparse import is_bare_date, parse_date_value

#: Elements looked at before and after the headline (in document order).
BEFORE = 40
AFTER = 250
#: How far after the headline (before it: a third of that) an unlabelled date line is read.
BARE_NEAR = 40
#: The longest text read as one date line.
MAX_TEXT = 120

_DATE_MARK = re.compile(
    r"date|time|publish|posted|updated|modified|byline|meta|datum|fecha|data|дата|日期"
)
#: Class and id words of the page parts around an article that show other pages' dates.  A
#: "widget" is one only as a class of its own ("widget widget_recent"): page builders call
#: every block of the article itself an "elementor-widget-…"; and a newsletter's own issue
#: is an article (a sign-up box is a <form>).
_CLUTTER = re.compile(
    r"comment|related|recirc|sidebar|footer|(?<![\w-])widget|teaser|promo|trending|popular|"
    r"reply|replies|card|recommend",
    re.IGNORECASE,
)
#: "Updated"/"Published" in many languages; CJK words stand without word boundaries
#: ("更新日：2025年12月19日", "发布时间：2025-12-19").
_UPDATED = re.compile(
    r"\b(?:updated?|last\s+updated|modified|edited|revised|aktualisiert|mis\s+à\s+jour|"
    r"actualizado|actualizada|aggiornato|atualizado|actualizat|bijgewerkt|zaktualizowano|"
    r"aktualizováno|uppdaterad|opdateret|oppdatert|päivitetty|frissítve|güncellendi|"
    r"güncelleme|diperbarui|cập\s+nhật|обновлено|оновлено|ενημερώθηκε|تحديث)\b"
    r"|更新|수정",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:published|posted|written|released|started|veröffentlicht|publié|publicado|pubblicato|"
    r"publicat|gepubliceerd|opublikowano|publikováno|publicerad|publiceret|publisert|julkaistu|"
    r"közzétéve|yayınlanma|yayınlandı|diterbitkan|đăng|опубликовано|опубліковано|"
    r"δημοσιεύθηκε|نشر|on)\b"
    r"|发布|發布|发表|發表|公開|投稿|게시|등록|작성",
    re.IGNORECASE,
)
#: The words that call a date the publication's own (``_PUBLISHED`` without "on", "written"
#: and the like, which also head other dates).
_PUBLISHED_WORD = re.compile(
    r"\b(?:published|veröffentlicht|publié|publicado|pubblicato|publicat|gepubliceerd|"
    r"opublikowano|publikováno|publicerad|publiceret|publisert|julkaistu)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "option", "select"})
_CLUTTER_TAGS = frozenset({"footer", "aside", "nav", "form", "blockquote"})
#: A date alone in a table cell is data, in a link another page's date.
_BARE_SKIP = frozenset({"td", "th", "a"})
_TIMES = etree.XPath("descendant::time[@datetime]")


@dataclass(frozen=True)
class ShownDate:
    """A date shown on the page, how far from the headline, whether it says "updated" and
    whether it says "published" in so many words."""

    value: date | datetime
    distance: int
    updated: bool
    published: bool = False

    @property
    def day(self) -> date:
        return _day(self.value)


def _marked(el: html.HtmlElement) -> bool:
    attrib = el.attrib
    if not attrib:
        return False
    marks = f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('itemprop', '')}"
    return len(marks) > 2 and bool(_DATE_MARK.search(marks.lower()))


def in_clutter(el: html.HtmlElement, page: frozenset[html.HtmlElement] = frozenset()) -> bool:
    """Whether ``el`` sits in a page part that shows other pages' dates and names.  ``page``:
    the headline's ancestors, which wrap the page itself whatever their names ("footerfix",
    a sticky footer's wrapper)."""
    for anc in el.iterancestors():
        if anc in page:
            return False
        if anc.tag in _CLUTTER_TAGS:
            return True
        if anc.tag in ("article", "main", "body"):
            return False
        marks = f"{_class_words(anc.get('class'))} {anc.get('id') or ''}"
        if marks.strip() and _CLUTTER.search(marks):
            return True
    return False


def _class_words(classes: str | None) -> str:
    """The class names that name a part of the page: utility classes with a variant or an
    arbitrary value ("lg:mr-[--sidebar-width]") only style it."""
    if not classes:
        return ""
    return " ".join(c for c in classes.split() if "[" not in c and ":" not in c)


def _own_text(el: html.HtmlElement) -> str:
    """The element's text when it is short enough to be one date line."""
    if len(el) > 12:
        return ""  # a container of many elements is no date line
    text = " ".join(el.itertext())  # spaced: "Jane Doe<span>Dec 19</span>" is two words
    if len(text) > MAX_TEXT * 3:
        return ""
    return " ".join(text.split())


def _worth_reading(el: html.HtmlElement) -> bool:
    """Cheap test before the element's text is read: a ``<time>``, a date-marked element, or
    one whose own text (or the text after its first child: "<svg/> Dec 12, 2025", or after its
    last: "by <strong>Jane</strong> » Tue Aug 27, 2019") holds a year."""
    if el.tag == "time" or _marked(el):
        return True
    tails = (el[0].tail, el[-1].tail) if len(el) else ()
    return any(own and len(own) < MAX_TEXT * 3 and _YEAR.search(own) for own in (el.text, *tails))


def _time_value(el: html.HtmlElement, text: str) -> date | datetime | None:
    """A ``<time>``'s date: its datetime, but the day its text shows when that differs (the
    datetime is often in UTC, the text in the page's own time zone, which is its date)."""
    exact = parse_date_value(el.get("datetime"))
    shown = parse_date_value(text) if text and _YEAR.search(text) else None
    if exact is None or shown is None:
        return exact or shown
    apart = abs((_day(shown) - _day(exact)).days)
    return shown if apart == 1 else exact


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _lead(el: html.HtmlElement) -> str:
    """The text an element opens with before its children: its own text, else the text right
    after its first child ("<legend>Title</legend> 20 December 2025 <div>…")."""
    lead = " ".join((el.text or "").split())
    if not lead and len(el) and not (el[0].text or "").rstrip().endswith(":"):
        # Not after a label ("<strong>Founded:</strong> Dec 11, 2021"): that names the date.
        lead = " ".join((el[0].tail or "").split())
    return lead


def _bare_lead(el: html.HtmlElement) -> bool:
    """The element's text opens with a date alone, the rest in its children ("Dec 26, 2025
    <span>•</span> <img> Jane Doe")."""
    lead = _lead(el)
    return bool(lead) and len(el) > 0 and is_bare_date(lead)


#: What separates the parts of a date line ("Dec 18, 2025 · 3 min read", "May 2, 2024 - 11
#: minutes", "by Jane » Tue Aug 27, 2019"); a hyphen only between spaces (dates are written
#: with hyphens).
_PARTS = re.compile(r"\s+[-–—|]\s+|\s*[·•・|»]\s*")


def _part_date(text: str) -> date | datetime | None:
    """The date of a line made of parts one of which is a date alone ("December 18, 2025 ・
    3 min read"): the others are its reading time, author or section."""
    parts = _PARTS.split(text)
    if len(parts) < 2:
        return None
    for part in parts:
        if _YEAR.search(part) and is_bare_date(part):
            return parse_date_value(part)
    return None


def _shown_value(
    el: html.HtmlElement, text: str, near: bool, cells: bool = False
) -> date | datetime | None:
    """The date a non-``<time>`` element shows, when it is one the page states.  ``cells``: a
    date alone in a table cell counts (a forum's posts are tables headed by their dates)."""
    bare_ok = near and (el.tag not in _BARE_SKIP or (cells and el.tag != "a"))
    if bare_ok and len(el) and (not text or len(text) > MAX_TEXT) and _bare_lead(el):
        # A block that opens with its date ("<legend>Title</legend> 20 December 2025 <div>
        # the story…</div>"): the date heads what follows.
        return parse_date_value(_lead(el))
    if not text or len(text) > MAX_TEXT or not _YEAR.search(text):
        return None
    if _TIMES(el):
        return None  # the <time> inside gives it exactly ("10/12/2023" is ambiguous, not it)
    if len(el) and len(_YEAR.findall(text)) > 1:
        # A wrapper of several dates ("May 1, 2020 <span>Updated: June 2, 2021</span>"): the
        # date its own text opens with, else its parts one by one.
        return parse_date_value(_lead(el)) if _bare_lead(el) else None
    if _marked(el) or _PUBLISHED.search(text) or _UPDATED.search(text):
        return parse_date_value(text)
    if bare_ok and is_bare_date(text):
        return parse_date_value(text)
    if bare_ok and _bare_lead(el):
        return parse_date_value(_lead(el))
    return _part_date(text) if bare_ok else None


def _candidate(
    el: html.HtmlElement, near: bool, cells: bool = False
) -> tuple[date | datetime, bool, bool] | None:
    """The date an element shows, whether it is labelled as an update and whether as the
    publication date.  ``near``: the
    element is close enough to the headline for a bare date line to be the page's date."""
    text = _own_text(el)
    value = _time_value(el, text) if el.tag == "time" else _shown_value(el, text, near, cells)
    if value is None:
        return None
    context = text
    if len(text) < 40 and not _UPDATED.search(text):
        # A bare date whose label sits before it in the parent ("Updated <span>March 5</span>").
        context = f"{_label_before(el)} {text}"
    updated = bool(_UPDATED.search(context)) and not _PUBLISHED.search(context)
    return value, updated, not updated and bool(_PUBLISHED_WORD.search(context))


def _label_before(el: html.HtmlElement) -> str:
    """The parent's text before ``el`` (its last ``MAX_TEXT`` characters)."""
    parent = el.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is el:
            break
        parts.extend((" ".join(sibling.itertext()), sibling.tail or ""))
    return " ".join(" ".join(parts).split())[-MAX_TEXT:]


def around(
    root: html.HtmlElement, h1: html.HtmlElement | None, after: int = AFTER, before: int = BEFORE
) -> tuple[list[html.HtmlElement], int]:
    """The body's elements in document order from ``before`` before ``h1`` to ``after`` past
    it, and the index of ``h1`` among them (-1 when it is not in the body).

    Walked outwards from ``h1`` (its preceding siblings' subtrees backwards, then its parent's,
    and so on up): a headline under a long menu costs no walk through the menu."""
    body = root.find("body")
    if h1 is None or body is None or not _shown(h1) or body not in h1.iterancestors():
        return [], -1
    preceding: list[html.HtmlElement] = []
    for el in _backwards(h1, body):
        preceding.append(el)
        if len(preceding) >= before:
            break
    following: list[html.HtmlElement] = []
    for el in _forwards(h1, body):
        following.append(el)
        if len(following) >= after:
            break
    preceding.reverse()
    return [*preceding, h1, *following], len(preceding)


def _shown(el: html.HtmlElement) -> bool:
    return isinstance(el.tag, str) and el.tag not in _SKIP_TAGS


def _backwards(h1: html.HtmlElement, body: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The elements before ``h1`` in the body (the body too), nearest first."""
    node = h1
    while node is not body:
        for sibling in node.itersiblings(preceding=True):
            yield from _subtree_backwards(sibling)
        node = node.getparent()
        if _shown(node):
            yield node


def _subtree_backwards(el: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """``el`` and its descendants in reverse document order (each element after its children,
    the last child first), without recursion: markup may nest deeper than Python recurses."""
    stack: list[tuple[html.HtmlElement, bool]] = [(el, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            if _shown(node):
                yield node
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in node)


def _forwards(h1: html.HtmlElement, body: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The elements after ``h1`` in the body, in document order."""
    for el in h1.iterdescendants():
        if _shown(el):
            yield el
    node = h1
    while node is not body:
        for sibling in node.itersiblings():
            for el in sibling.iter():
                if _shown(el):
                    yield el
        node = node.getparent()


def shown_dates(
    root: html.HtmlElement, h1: html.HtmlElement | None, far: bool = False
) -> list[ShownDate]:
    """Dates shown around the headline, nearest first (none when the page has no ``<h1>``).

    ``far``: lines holding only a date count up to ``AFTER`` elements past the headline, table
    cells too, for a page that dates itself nowhere nearer (a forum's first post under a long
    menu)."""
    bare_within = AFTER if far else BARE_NEAR
    order, at = around(root, h1)
    if at < 0:
        return []
    found: list[ShownDate] = []
    seen: set[int] = set()
    page = frozenset(order[at].iterancestors())
    for i in range(max(0, at - BEFORE), len(order)):
        el = order[i]
        if i == at or not _worth_reading(el):
            continue
        distance = i - at if i > at else (at - i) * 3  # above the headline: less likely
        got = _candidate(el, distance <= bare_within, far)
        if got is None or any(id(a) in seen for a in el.iterancestors()):
            continue
        if in_clutter(el, page):
            continue
        seen.add(id(el))
        found.append(ShownDate(got[0], distance, got[1], got[2]))
    found.sort(key=lambda d: d.distance)
    return found


#: A line that opens by saying what its date is ("Last updated: November 13, 2025").
_LABEL_FIRST = re.compile(
    r"^\s*(?:(?:first\s+|originally\s+)?(?:published|posted)|(?:last\s+)?(?:updated|modified|"
    r"reviewed)|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|publicado|actualizado|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt)\s*(?:on|am|le|el|il|op)?\s*:?\s*",
    re.IGNORECASE,
)


def labelled_date(root: html.HtmlElement) -> ShownDate | None:
    """The first "Published/Updated: <date>" line anywhere in the body, outside clutter: on a
    page whose headline shows no date and that declares none, the page's own date line may
    stand far from the headline (under the story, or the <h1> is a menu's)."""
    body = root.find("body")
    for el in body.iter() if body is not None else ():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or not el.text:
            continue
        m = _LABEL_FIRST.match(el.text)
        if m is None or not _YEAR.search(text := _own_text(el)):
            continue
        rest = _LABEL_FIRST.sub("", text, count=1)
        value = parse_date_value(rest) if is_bare_date(rest) else None
        if value is None or in_clutter(el):
            continue
        updated = bool(_UPDATED.search(m.group()))
        before = _label_before(el).rstrip(" .,;:|·•-–—(")
        if updated and before and is_bare_date(before):
            # "December 3, 2025. <i>Updated: December 7, 2025</i>": the date the update
            # follows is the publication date.
            return ShownDate(parse_date_value(before) or value, 0, False)
        return ShownDate(value, 0, updated)
    return None

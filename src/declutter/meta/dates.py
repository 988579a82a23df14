"""Publication and modification dates of an HTML page, normalised to ISO 8601.

Trust order (the first that gives a date wins; each is recorded in ``sources`` for --explain):

0. a plain (not "Updated") date printed right under the headline, within ``SHOWN_OVER_DECLARED``
   elements (``BARE_NEAR`` when it is over ``RESAVED_AFTER`` days before every declared date:
   those are a re-save's), that is none of the declared dates, not a day a declared moment
   falls on in some time zone (UTC-12 to UTC+14; a day either way of a bare declared day) nor
   one with day and month swapped: what the page states beats a hidden declared date
   ("visible");
1. JSON-LD ``datePublished``/``dateCreated`` of the article, then of the WebPage ("json-ld");
2. meta tags (``article:published_time``, ``dc.date``, ``parsely-pub-date`` …; "meta").
   Of several declared dates, the one the headline shows comes first;
3. the date the page shows beside its headline (``visibledate.py``: a ``<time>``, a
   date-marked element, a "Published/Updated …" line or a line holding only a date, nearest
   the ``<h1>``; on a forum also farther after the thread's title and in table cells, where
   the first post's header dates it; "visible").
   Farther from the headline, or labelled "Updated", a shown date that disagrees with the
   declared one is right less often than it (measured on wcxb-dev), so it only fills in
   where nothing is declared;
4. ``itemprop="datePublished"`` and ``<time datetime>`` anywhere on the page ("markup");
5. a date in the URL (``/2021/03/07/``, "url"); also first when the chosen date is one day off
   it (a UTC timestamp of the site's local day);
6. a "Published/Updated: <date>" line anywhere in the body, outside clutter ("visible");
7. the declared modification date, when it is the only declared date;
8. htmldate's fast search (its header, JSON, ``<abbr>`` and text patterns; "htmldate"), not on
   the ``UNDATED_KINDS`` of pages.

A shown date labelled "Updated" is also the modification date.  Every value lies between
``EARLIEST`` (before it, no web page existed) and tomorrow (a page cannot be dated after it was
read); published is never after modified: a declared modification date before every published
date is dropped (on such pages the publication date is the right one).  Dates come out as
``YYYY-MM-DD`` when only the day is known, else ``YYYY-MM-DDTHH:MM:SS`` with the offset when
the source gives one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

# htmldate is imported with the package, not on the first page that needs it: the import
# takes ~0.3 s, which would be charged to that page's time budget.
from htmldate import find_date
from lxml import etree, html

from ..deadline import check_deadline
from .dateparse import _format, _sort_key, date_from_url, normalize_date, not_after
from .dateparse import parse_date_value as parse_date_value
from .jsonld import JsonLd, first_text
from .visibledate import BARE_NEAR, ShownDate, labelled_date, shown_dates

__all__ = [
    "DateFinding",
    "date_from_url",
    "find_dates",
    "find_dates_explained",
    "normalize_date",
    "not_after",
    "parse_date_value",
]

logging.getLogger("htmldate").setLevel(logging.CRITICAL)  # it logs every date it skips

#: How far after the headline (in elements) a shown date wins over a declared one.
SHOWN_OVER_DECLARED = 10
#: A shown date this many days before every declared one is the page's own even a little
#: farther from the headline: the declared dates are those of a re-save (a move to another
#: platform), no update is dated before the first publication.
RESAVED_AFTER = 365
#: Page types dated only by what they declare: the date htmldate reads in the text of a shop's
#: product, a collection or a list page is a price list's, a review's or a copyright's, and its
#: search costs a copy of the whole tree.
UNDATED_KINDS = frozenset({"product", "collection", "listing"})
#: No web page is older than this.
EARLIEST = date(1991, 1, 1)

_META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "published_time", "publish-date", "publish_date", "publishdate",
    "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.issued",
    "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date",
    "article.published", "citation_publication_date", "citation_date", "published",
    "date_published", "publication_date", "article_date_original", "original-publish-date",
    "og:pubdate", "pub_date", "release_date",
)  # fmt: skip
_META_MODIFIED = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
    "modified_time", "last-modified", "dcterms.modified", "dc.date.modified",
    "article.updated", "lastmod", "date_modified", "last_modified", "updated",
)  # fmt: skip

_TIMES = etree.XPath("descendant::time[@datetime]")
_ITEMPROP_DATES = etree.XPath(
    "descendant::*[@itemprop][@itemprop='datePublished' or @itemprop='dateModified']"
)


@dataclass(frozen=True)
class DateFinding:
    """The page's dates and where each came from."""

    published: str | None = None
    modified: str | None = None
    published_source: str | None = None
    modified_source: str | None = None


def _plausible(value: str) -> bool:
    day = _sort_key(value)[0].date()
    tomorrow = datetime.now(timezone.utc).date() + timedelta(days=1)
    return EARLIEST <= day <= tomorrow


def _valid(values: Iterable[tuple[str | None, str]]) -> list[tuple[str, str]]:
    """(ISO value, source) of the readable, plausible values, first occurrence kept."""
    out: list[tuple[str, str]] = []
    for raw, source in values:
        norm = normalize_date(raw)
        if norm and _plausible(norm) and all(norm != v for v, _ in out):
            out.append((norm, source))
    return out


def _declared(
    jsonld: JsonLd, metas: dict[str, list[str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    pub: list[tuple[str | None, str]] = []
    mod: list[tuple[str | None, str]] = []
    for node in jsonld.articles() + jsonld.of_types(("WebPage",)):
        pub.append((first_text(node.get("datePublished")), "json-ld"))
        pub.append((first_text(node.get("dateCreated")), "json-ld"))
        mod.append((first_text(node.get("dateModified")), "json-ld"))
    for key in _META_PUBLISHED:
        pub.extend((v, "meta") for v in metas.get(key, ()))
    for key in _META_MODIFIED:
        mod.extend((v, "meta") for v in metas.get(key, ()))
    return _valid(pub), _valid(mod)


def _markup(
    root: html.HtmlElement, times: Sequence[html.HtmlElement] | None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    pub: list[tuple[str | None, str]] = []
    mod: list[tuple[str | None, str]] = []
    if times is None:
        times = _TIMES(root)
    elements = list(_ITEMPROP_DATES(root)) + [t for t in times if t.get("datetime")]
    for el in elements:
        prop = (el.get("itemprop") or "").strip()
        value = el.get("datetime") or el.get("content") or el.text_content()
        (mod if prop == "dateModified" else pub).append((value, "markup"))
    return _valid(pub), _valid(mod)


def _same_day(a: str, b: str) -> bool:
    return a[:10] == b[:10]


def _htmldate(root: html.HtmlElement, url: str | None) -> str | None:
    """htmldate's fast search, silenced (it logs what it skips); None when it fails."""
    try:
        found = find_date(root, extensive_search=False, original_date=True, url=url)
    except Exception:  # a third-party heuristic must never break extraction
        return None
    return found if found and _plausible(found) else None


def _day(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value[:10])


#: The widest offsets from UTC a place keeps (UTC-12 to UTC+14).
_WEST, _EAST = timedelta(hours=-12), timedelta(hours=14)


def _local_days(value: str) -> set[date]:
    """The days a declared date can be somewhere: a moment with its offset falls on the days
    from UTC-12 to UTC+14 ("2025-12-19T22:02Z" is the 19th or the 20th, never the 18th); a
    bare day or a time without an offset may be a day off either way."""
    found = parse_date_value(value)
    if isinstance(found, datetime) and found.tzinfo is not None:
        moment = found.astimezone(timezone.utc)
        first, last = (moment + _WEST).date(), (moment + _EAST).date()
        return {first + timedelta(days=n) for n in range((last - first).days + 1)}
    day = _day(value)
    return {day - timedelta(days=1), day, day + timedelta(days=1)}


def _shown_instead(shown: Sequence[ShownDate], declared: Sequence[tuple[str, str]]) -> str | None:
    """The date printed right by the headline when it is none of the declared ones: the page
    states it, the declared date is then a hidden re-save or a template's date.

    Only an unlabelled (or "Published") date within ``SHOWN_OVER_DECLARED`` elements of the
    headline; not when a declared one falls on its day in some time zone (the declared value
    is then the exact one) nor when it is one with day and month swapped (the
    declared value says how "10/09/2024" reads)."""
    if not declared or not shown:
        return None
    first = shown[0]
    if first.updated or first.distance > BARE_NEAR:
        return None
    day = first.day
    if first.distance > SHOWN_OVER_DECLARED and any(
        (_day(value) - day).days <= RESAVED_AFTER for value, _ in declared
    ):
        return None
    for value, _ in declared:
        other = _day(value)
        if day in _local_days(value):
            return None
        if day.day <= 12 and (day.year, day.day, day.month) == (other.year, other.month, other.day):
            return None
    return _format(first.value)


def _stated_before_resave(
    shown: Sequence[ShownDate],
    published: Sequence[tuple[str, str]],
    modified: Sequence[tuple[str, str]],
) -> str | None:
    """A date the page calls "Published" in so many words, before the declared one, when the
    page declares its publication at the very moment of its last change: that is a re-save's
    stamp (a move to another system), the page's own date is the one it states, however far
    from the headline."""
    if not published or not modified or published[0][0] != modified[0][0]:
        return None
    declared = _day(published[0][0])
    stated = next((s for s in shown if s.published and s.day < declared), None)
    return None if stated is None else _format(stated.value)


def _shown_first(
    shown: Sequence[ShownDate], published: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The declared publication dates with the one the headline shows first: a page that
    declares several (JSON-LD's and a meta tag's) states which is its own."""
    if len(published) < 2 or not shown or shown[0].distance > SHOWN_OVER_DECLARED:
        return published
    day = shown[0].day
    match = [p for p in published if _day(p[0]) == day]
    return match + [p for p in published if _day(p[0]) != day] if match else published


def find_dates_explained(
    root: html.HtmlElement,
    jsonld: JsonLd,
    metas: dict[str, list[str]],
    url: str | None,
    times: Sequence[html.HtmlElement] | None = None,
    h1: html.HtmlElement | None = None,
    kind: str | None = None,
) -> DateFinding:
    """The page's dates in the trust order of the module docstring, with their sources.
    ``kind``: the page's type, when known."""
    published, modified = _declared(jsonld, metas)
    # A thread's first post is dated in its header row, often a table cell, and below a long
    # menu or the poster's profile: far from the thread's title for an article's date line.
    far = kind == "forum"
    shown = [s for s in shown_dates(root, h1, far) if _plausible(_format(s.value))]
    instead = _shown_instead(shown, published + modified)
    if instead is None:
        instead = _stated_before_resave(shown, published, modified)
    if instead is not None:
        published = [(instead, "visible"), *published]
    else:
        published = _shown_first(shown, published)
    if not published and shown:
        # "December 22, 2022 · Updated: January 2, 2026": the first date not labelled as an
        # update is the publication date, the first so labelled the modification date.
        first = next(
            (s for s in shown if not s.updated and s.distance <= shown[0].distance + 10),
            shown[0],
        )
        published = [(_format(first.value), "visible")]
        update = next((s for s in shown if s.updated), None)
        if update is not None and not modified:
            modified = [(_format(update.value), "visible")]
    if not published:
        late_pub, late_mod = _markup(root, times)
        published = late_pub + _valid([(date_from_url(url), "url")])
        modified = modified or late_mod
    if not published:
        # The last two searches read the whole body (htmldate its every text node): on a huge
        # page they take seconds, so the call's time budget is asked first.
        check_deadline()
        line = labelled_date(root)
        if line is not None and _plausible(_format(line.value)):
            published = [(_format(line.value), "visible")]
            if line.updated and not modified:
                modified = [(_format(line.value), "visible")]
    if not published and modified and modified[0][1] in ("json-ld", "meta"):
        # Only a modification date is declared: htmldate's search would end on it too (its
        # header search falls back to it), after a copy and a walk of the whole tree.
        published = [modified[0]]
    if not published and kind not in UNDATED_KINDS:
        check_deadline()
        found = _htmldate(root, url)
        if found:
            published = [(found, "htmldate")]
    in_url = date_from_url(url)
    if published and in_url and abs((_day(published[0][0]) - _day(in_url)).days) == 1:
        # A timestamp a day off the date in the page's address is the same moment in another
        # time zone (UTC): the address gives the site's own day.
        published = [(in_url, "url"), *published]
    mod = modified[0] if modified else (None, None)
    for value, source in published:
        if mod[0] is None or not_after(value, mod[0]):
            return DateFinding(value, mod[0], source, mod[1])
    if published:
        # Declared modified before every published date: the modification date is the wrong
        # one (measured on wcxb-dev, the publication date is right on such pages).
        return DateFinding(published[0][0], None, published[0][1], None)
    return DateFinding(None, mod[0], None, mod[1])


def find_dates(
    root: html.HtmlElement,
    jsonld: JsonLd,
    metas: dict[str, list[str]],
    url: str | None,
    times: Sequence[html.HtmlElement] | None = None,
    h1: html.HtmlElement | None = None,
) -> tuple[str | None, str | None]:
    """(published, modified) of the page, ISO 8601; published never after modified."""
    found = find_dates_explained(root, jsonld, metas, url, times, h1)
    return found.published, found.modified

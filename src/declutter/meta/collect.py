"""Metadata of an HTML page: headline, breadcrumb, authors, dates, site, language, image, tags.

Read from the unstripped tree, most trusted source first (JSON-LD, then OpenGraph and other
meta tags, then visible markup).  Every source is optional and malformed markup is skipped:
``extract_metadata`` never raises on a page lxml could parse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from ..html.reviews import review_elements
from ..render import is_live_url
from . import jsonld as jsonld_mod
from .authors import find_authors_explained
from .breadcrumb import drop_repeated_headline, find_breadcrumb, headline_element
from .byline import byline_names, starter_names
from .dates import find_dates_explained
from .h1 import h1_text
from .headline import choose_headline, title_inputs
from .jsonld import JsonLd, first_text
from .language import declared_language, detect_language


@dataclass(frozen=True, slots=True)
class Meta:
    """Everything known about a page besides its body."""

    headline: str | None = None
    breadcrumb: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    image: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    #: Where each field came from ("headline": "h1", "published": "json-ld", …), for --explain.
    sources: Mapping[str, str] = field(default_factory=dict)


_SPACE = re.compile(r"\s+")
_TEXT_SAMPLE = etree.XPath("descendant::p")
_MARK_VALUES = etree.XPath(
    "descendant::*/@class | descendant::*/@id | descendant::*/@itemtype"
    " | descendant::*/@aria-label",
    smart_strings=False,
)
_SCANNED = ("meta", "link", "script", "title", "h1", "base", "time")
_REL_LINKS = etree.XPath("descendant::a[@rel]")
_KEYWORD_JUNK = re.compile(r"^[\w-]+:[\w-]+$")

SITE_KEYS = ("og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone")
DESCRIPTION_KEYS = (
    "og:description", "description", "twitter:description", "dc.description",
    "dcterms.description",
)  # fmt: skip
IMAGE_KEYS = ("og:image:secure_url", "og:image", "og:image:url", "twitter:image",
              "twitter:image:src", "thumbnail", "image")  # fmt: skip


@dataclass
class _Scan:
    """What one pass over the head-ish elements of the tree found."""

    metas: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    base: str | None = None
    title: str | None = None
    h1s: list[str] = field(default_factory=list)
    h1_elements: list[html.HtmlElement] = field(default_factory=list)
    first_h1: html.HtmlElement | None = None
    scripts: list[str] = field(default_factory=list)
    times: list[html.HtmlElement] = field(default_factory=list)
    rel_links: list[html.HtmlElement] | None = None

    def rel(self, root: html.HtmlElement, token: str) -> list[html.HtmlElement]:
        """The page's ``<a rel>`` links whose rel names ``token`` (one tree pass, on demand)."""
        if self.rel_links is None:
            self.rel_links = _REL_LINKS(root)
        return [a for a in self.rel_links if token in (a.get("rel") or "").lower().split()]


_META_KEYS = frozenset({"property", "name", "itemprop", "http-equiv"})


def _add_meta(metas: dict[str, list[str]], el: html.HtmlElement) -> None:
    content = el.get("content")
    if not content:
        return
    content = " ".join(content.split())
    if not content:
        return
    for attr, value in el.items():
        if attr in _META_KEYS and value:
            for key in value.lower().split():
                metas.setdefault(key, []).append(content)


def _scan(root: html.HtmlElement) -> _Scan:
    scan = _Scan()
    for el in root.iter(*_SCANNED):
        tag = el.tag
        if tag == "meta":
            _add_meta(scan.metas, el)
        elif tag == "script":
            kind = (el.get("type") or "").lower()
            if "ld+json" in kind and el.text:
                scan.scripts.append(el.text)
        elif tag == "h1":
            if scan.first_h1 is None:
                scan.first_h1 = el
            if len(scan.h1s) < 20:
                scan.h1s.append(h1_text(el))
                scan.h1_elements.append(el)
        elif tag == "link":
            if scan.canonical is None and "canonical" in (el.get("rel") or "").lower().split():
                href = (el.get("href") or "").strip()
                scan.canonical = href or None
        elif tag == "title":
            if scan.title is None:
                scan.title = el.text_content()
        elif tag == "time":
            if el.get("datetime"):
                scan.times.append(el)
        elif tag == "base" and scan.base is None:
            scan.base = el.get("href")
    return scan


def collect_metas(root: html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-case key (property, name, itemprop, http-equiv; a
    space-separated property names several keys), in document order."""
    metas: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        _add_meta(metas, el)
    return metas


def _first(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for value in metas.get(key, ()):
            if value:
                return value
    return None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("//"):
        scheme = base.split(":", 1)[0] if base and ":" in base else "https"
        return f"{scheme}:{value}"
    if base:
        try:
            return urljoin(base, value)
        except ValueError:
            return value
    return value


def _site_names(metas: dict[str, list[str]], jsonld: JsonLd) -> list[str]:
    names: list[str] = []
    value = _first(metas, SITE_KEYS)
    if value:
        names.append(value)
    for node in jsonld.articles():
        publisher = jsonld.resolve(node.get("publisher"))
        if isinstance(publisher, dict):
            name = first_text(publisher.get("name"))
            if name:
                names.append(name)
    for node in jsonld.of_types(("WebSite", "NewsMediaOrganization")):
        name = first_text(node.get("name"))
        if name:
            names.append(name)
    return names


def _jsonld_image(jsonld: JsonLd) -> str | None:
    for node in jsonld.articles():
        value = jsonld.resolve(node.get("image") or node.get("thumbnailUrl"))
        if isinstance(value, list) and value:
            value = jsonld.resolve(value[0])
        if isinstance(value, dict):
            value = value.get("url") or value.get("contentUrl") or value.get("@id")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _tags(
    root: html.HtmlElement,
    metas: dict[str, list[str]],
    jsonld: JsonLd,
    scan: _Scan | None = None,
    marks: str | None = None,
) -> tuple[str, ...]:
    raw: list[str] = list(metas.get("article:tag", ())) + list(metas.get("og:article:tag", ()))
    for node in jsonld.articles()[:1]:
        keywords = node.get("keywords")
        if isinstance(keywords, str):
            raw.extend(keywords.split(","))
        elif isinstance(keywords, list):
            raw.extend(k for k in keywords if isinstance(k, str))
    if not raw and (marks is None or "tag" in marks):
        links = (scan or _Scan()).rel(root, "tag")
        raw.extend(a.text_content() for a in links[:50])
    if not raw:
        for value in [*metas.get("news_keywords", ()), *metas.get("keywords", ())]:
            raw.extend(value.split(","))
    out: list[str] = []
    seen: set[str] = set()
    for tag in raw:
        tag = _SPACE.sub(" ", tag).strip(" #,;")
        if not tag or len(tag) > 60 or _KEYWORD_JUNK.match(tag):
            continue
        key = tag.casefold()
        if key not in seen:
            seen.add(key)
            out.append(tag)
    return tuple(out[:50])


_TAIL_SEPARATOR = re.compile(r"\s*[|\-–—_·•»:]\s*")


def _title_tail(title: str | None) -> list[str]:
    """The last segment of a document title ("Story_Section_Site" → ["Site"]), often the
    site's name when none is declared."""
    if not title:
        return []
    parts = [p for p in _TAIL_SEPARATOR.split(title.strip()) if p]
    return [parts[-1]] if len(parts) > 1 else []


def _text_sample(root: html.HtmlElement, limit: int = 3000) -> str:
    """Some of the page's prose for language detection: its paragraphs, else its body text."""
    parts: list[str] = []
    size = 0
    for p in _TEXT_SAMPLE(root):
        text = p.text_content()
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    if size < 200:
        body = root.find("body")
        if body is not None:
            parts.append(body.text_content()[: limit * 2])
    return " ".join(parts)


def extract_metadata(
    root: html.HtmlElement,
    url: str | None = None,
    learnt: Sequence[str] = (),
    kind: str | None = None,
) -> Meta:
    """Metadata from the page's markup (call before the tree is stripped).

    ``learnt``: title parts known to be the site's name from its other pages (a batch learns
    them); they come off the headline like a declared site name.  ``kind``: the page's type,
    when known (a category page is named by its ``<h1>``).
    """
    scan = _scan(root)
    jsonld = jsonld_mod.load(None, scan.scripts)
    metas = scan.metas
    base = _absolute(scan.base, url) if scan.base else url
    site_names = _site_names(metas, jsonld)
    marks = "\n".join(_MARK_VALUES(root)).lower()
    headline, headline_source, trail = _headline_and_trail(
        root, scan, jsonld, site_names, marks, url, learnt, kind
    )
    # An <h1> with no text (a logo's image) shows no headline: the element that does is sought.
    named = (el for el, text in zip(scan.h1_elements, scan.h1s, strict=True) if text.strip())
    shown_headline = headline_element(root, next(named, None), headline)
    dates = find_dates_explained(root, jsonld, metas, url, scan.times, shown_headline, kind)
    canonical = _web_url(
        _absolute(scan.canonical or _first(metas, ("og:url", "twitter:url")), base)
    )
    image = _web_url(_absolute(_first(metas, IMAGE_KEYS) or _jsonld_image(jsonld), base))
    description = _description(metas, jsonld)
    language = declared_language(root, metas, jsonld)
    if language is None:
        sample = " ".join(x for x in (headline, description) if x)
        language = detect_language(f"{sample} {_text_sample(root)}")
    rel_authors = scan.rel(root, "author") if scan.rel_links is not None else None
    authors, authors_source = find_authors_explained(
        root,
        jsonld,
        metas,
        marks,
        rel_authors,
        [*site_names, *_title_tail(scan.title)],
        shown=lambda: byline_names(root, shown_headline),
        h1=shown_headline,
        starter=lambda: starter_names(root, shown_headline),
        # A shopper's review names its writer as a story names its author; the product's page
        # has no author for it.
        outside=frozenset(review_elements(root)) if kind == "product" else frozenset(),
    )
    return Meta(
        headline=headline,
        breadcrumb=tuple(trail),
        authors=authors,
        published=dates.published,
        modified=dates.modified,
        site_name=site_names[0] if site_names else None,
        language=language,
        description=description,
        image=image,
        url=canonical or url,
        tags=_tags(root, metas, jsonld, scan, marks),
        sources=_sources(
            headline=headline_source,
            authors=authors_source,
            published=dates.published_source,
            modified=dates.modified_source,
        ),
    )


def _headline_and_trail(
    root: html.HtmlElement,
    scan: _Scan,
    jsonld: JsonLd,
    site_names: list[str],
    marks: str,
    url: str | None,
    learnt: Sequence[str],
    kind: str | None = None,
) -> tuple[str | None, str | None, list[str]]:
    """The headline (and where it came from) and the breadcrumb; each helps find the other."""
    trail = find_breadcrumb(root, jsonld, marks)
    headline, source = choose_headline(
        title_inputs(
            root,
            jsonld,
            scan.metas,
            site_names,
            trail[:-1],
            title=scan.title or "",
            h1s=scan.h1s,
            current=trail[-1] if len(trail) > 1 else None,
            url=url,
            learnt=learnt,
            h1_elements=scan.h1_elements,
            kind=kind,
        )
    )
    if not trail:
        near = find_breadcrumb(root, jsonld, "", headline_element(root, scan.first_h1, headline))
        trail = [c for c in near if c.casefold() not in {n.casefold() for n in site_names}]
        trail = near if len(trail) == len(near) else []
    trail = drop_repeated_headline(trail, headline, site_names[0] if site_names else None)
    return headline, source, trail


def _description(metas: dict[str, list[str]], jsonld: JsonLd) -> str | None:
    description = _first(metas, DESCRIPTION_KEYS)
    if not description:
        for node in jsonld.articles():
            description = first_text(node.get("description"))
            if description:
                break
    return description


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


def _web_url(link: str | None) -> str | None:
    """Web addresses (or relative ones, with no base to resolve them) leave as the page's URL or
    image; data:, javascript:, file: and other schemes do not."""
    if not link or is_live_url(link):
        return None
    try:
        # An address whose host no parser can read ("https://a.example[Home](/)") is none.
        urlsplit(link)
    except ValueError:
        return None
    scheme = _SCHEME.match(link)
    return link if scheme is None or scheme.group(1).lower() in ("http", "https") else None


def _sources(**found: str | None) -> dict[str, str]:
    return {key: value for key, value in found.items() if value}

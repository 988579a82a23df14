"""Metadata of an HTML page: headline, breadcrumb, authors, dates, site, language, image, tags.

Read from the unstripped tree, most trusted source first (JSON-LD, then OpenGraph and other
meta tags, then visible markup).  Every source is optional and malformed markup is skipped:
``extract_metadata`` never raises on a page lxml could parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree, html

from . import jsonld as jsonld_mod
from .authors import find_authors
from .breadcrumb import drop_repeated_headline, find_breadcrumb
from .dates import find_dates
from .headline import find_headline
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


_SPACE = re.compile(r"\s+")
_METAS = etree.XPath("//meta[@content]")
_LINKS = etree.XPath("//link[@rel][@href]")
_BASE = etree.XPath("//base[@href]")
_TAG_LINKS = etree.XPath(
    "//a[contains(concat(' ', translate(normalize-space(@rel), 'TAG', 'tag'), ' '), ' tag ')]"
)
_TEXT_SAMPLE = etree.XPath("//p[not(ancestor::nav or ancestor::footer or ancestor::aside)]")
_KEYWORD_JUNK = re.compile(r"^[\w-]+:[\w-]+$")

SITE_KEYS = ("og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone")
DESCRIPTION_KEYS = (
    "og:description", "description", "twitter:description", "dc.description",
    "dcterms.description",
)  # fmt: skip
IMAGE_KEYS = ("og:image:secure_url", "og:image", "og:image:url", "twitter:image",
              "twitter:image:src", "thumbnail", "image")  # fmt: skip


def collect_metas(root: html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-case key (property, name, itemprop, http-equiv; a
    space-separated property names several keys), in document order."""
    metas: dict[str, list[str]] = {}
    for el in _METAS(root):
        content = _SPACE.sub(" ", el.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            value = el.get(attr)
            if value:
                for key in value.lower().split():
                    metas.setdefault(key, []).append(content)
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


def _tags(root: html.HtmlElement, metas: dict[str, list[str]], jsonld: JsonLd) -> tuple[str, ...]:
    raw: list[str] = list(metas.get("article:tag", ())) + list(metas.get("og:article:tag", ()))
    for node in jsonld.articles()[:1]:
        keywords = node.get("keywords")
        if isinstance(keywords, str):
            raw.extend(keywords.split(","))
        elif isinstance(keywords, list):
            raw.extend(k for k in keywords if isinstance(k, str))
    if not raw:
        raw.extend(a.text_content() for a in _TAG_LINKS(root)[:50])
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


def _canonical(root: html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    for link in _LINKS(root):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href:
                return href
    return _first(metas, ("og:url", "twitter:url"))


def _text_sample(root: html.HtmlElement, limit: int = 3000) -> str:
    parts: list[str] = []
    size = 0
    for p in _TEXT_SAMPLE(root):
        text = p.text_content()
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    return " ".join(parts)


def extract_metadata(root: html.HtmlElement, url: str | None = None) -> Meta:
    """Metadata from the page's markup (call before the tree is stripped)."""
    jsonld = jsonld_mod.load(root)
    metas = collect_metas(root)
    bases = _BASE(root)
    base = _absolute(bases[0].get("href"), url) if bases else url
    site_names = _site_names(metas, jsonld)
    trail = find_breadcrumb(root, jsonld)
    headline = find_headline(root, jsonld, metas, site_names, trail[:-1])
    trail = drop_repeated_headline(trail, headline)
    published, modified = find_dates(root, jsonld, metas, url)
    canonical = _absolute(_canonical(root, metas), base)
    image = _absolute(_first(metas, IMAGE_KEYS) or _jsonld_image(jsonld), base)
    if image and image.startswith("data:"):
        image = None
    description = _first(metas, DESCRIPTION_KEYS)
    if not description:
        for node in jsonld.articles():
            description = first_text(node.get("description"))
            if description:
                break
    language = declared_language(root, metas, jsonld)
    if language is None:
        sample = " ".join(x for x in (headline, description) if x)
        language = detect_language(f"{sample} {_text_sample(root)}")
    return Meta(
        headline=headline,
        breadcrumb=tuple(trail),
        authors=find_authors(root, jsonld, metas),
        published=published,
        modified=modified,
        site_name=site_names[0] if site_names else None,
        language=language,
        description=description,
        image=image,
        url=canonical or url,
        tags=_tags(root, metas, jsonld),
    )

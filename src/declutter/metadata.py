"""Metadata of an HTML page: headline, breadcrumb, authors, dates, site, language, image, tags.

Read from the unstripped tree, most trusted source first (JSON-LD, then OpenGraph and other
meta tags, then visible markup).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import html

from .breadcrumb import find_breadcrumb
from .headline import find_headline


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


def _meta(root: html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for el in root.iterfind(".//meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop")
            if key and key.lower() == name:
                value = (el.get("content") or "").strip()
                if value:
                    return value
    return None


def extract_metadata(root: html.HtmlElement, url: str | None = None) -> Meta:
    """Metadata from the page's markup (call before the tree is stripped)."""
    canonical = None
    for link in root.iterfind(".//link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href", "").strip()
            break
    canonical = canonical or _meta(root, "og:url")
    if canonical and url:
        canonical = urljoin(url, canonical)
    image = _meta(root, "og:image", "twitter:image")
    if image and url:
        image = urljoin(url, image)
    lang = root.get("lang") or root.get("xml:lang") or _meta(root, "content-language")
    return Meta(
        headline=find_headline(root),
        breadcrumb=tuple(find_breadcrumb(root)),
        site_name=_meta(root, "og:site_name", "application-name"),
        language=lang.strip().replace("_", "-") if lang else None,
        description=_meta(root, "description", "og:description", "twitter:description"),
        image=image,
        url=canonical or url,
    )

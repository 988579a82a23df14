"""Robust reading of a page's JSON-LD: every script, repaired where it can be, never a crash.

Handles CDATA and comment wrappers, trailing commas, HTML-escaped payloads, several scripts,
top-level arrays, ``@graph`` containers and ``@id`` references between nodes.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree, html

_SCRIPTS = etree.XPath(
    "descendant::script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"
)
_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")

#: schema.org types whose ``headline``/``author``/dates describe the page's article.
ARTICLE_TYPES = frozenset(
    {
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
        "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
        "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
        "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference", "Review",
        "Recipe", "HowTo", "QAPage", "VideoObject", "PodcastEpisode", "Episode", "Book",
        "Chapter", "CreativeWork", "Thesis", "Legislation", "Guide",
    }
)  # fmt: skip
PAGE_TYPES = frozenset(
    {"WebPage", "ItemPage", "AboutPage", "FAQPage", "ProfilePage", "CollectionPage"}
)
ORG_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "LocalBusiness",
     "EducationalOrganization", "GovernmentOrganization", "NGO", "Brand"}
)  # fmt: skip


def _strip_wrappers(text: str) -> str:
    return _WRAPPERS.sub("", text.strip()).strip()


def _decode_all(text: str) -> Iterator[Any]:
    """Every JSON value in ``text`` (several may be concatenated)."""
    decoder = json.JSONDecoder(strict=False)
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n;,":
            i += 1
        if i >= n:
            return
        value, i = decoder.raw_decode(text, i)
        yield value


def parse_payload(text: str) -> list[Any]:
    """The JSON values of one script's text; repaired where possible, [] where not."""
    text = _strip_wrappers(text)
    if not text:
        return []
    attempts = [text]
    repaired = _TRAILING_COMMA.sub(r"\1", text)
    attempts.append(repaired)
    if _ENTITY.search(text):
        attempts.append(_TRAILING_COMMA.sub(r"\1", htmllib.unescape(text)))
    for attempt in attempts:
        values: list[Any] = []
        try:
            for value in _decode_all(attempt):
                values.append(value)
        except (ValueError, RecursionError):
            if values:
                return values
            continue
        return values
    return []


def clean_text(value: str) -> str:
    """A JSON-LD string as display text: HTML entities decoded, white space folded."""
    if "&" in value:
        value = htmllib.unescape(value)
    return _SPACE.sub(" ", value).strip()


def node_types(node: dict[str, Any]) -> set[str]:
    """The node's ``@type`` values without ``schema:`` or URL prefixes."""
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    out: set[str] = set()
    for k in kinds:
        if isinstance(k, str) and k:
            out.add(k.rsplit("/", 1)[-1].rsplit(":", 1)[-1].rsplit("#", 1)[-1])
    return out


@dataclass
class JsonLd:
    """All JSON-LD nodes of a page, in document order, with an ``@id`` index."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    _types: list[set[str]] = field(default_factory=list, repr=False)
    _articles: list[dict[str, Any]] | None = field(default=None, repr=False)

    def resolve(self, value: Any) -> Any:
        """A bare ``{"@id": …}`` reference replaced by the node it names (when known)."""
        if isinstance(value, dict) and "@id" in value and len(value) <= 2:
            ref = value.get("@id")
            if isinstance(ref, str) and ref in self.by_id:
                target = self.by_id[ref]
                if target is not value:
                    return target
        if isinstance(value, str) and value.startswith(("_:", "#")) and value in self.by_id:
            return self.by_id[value]
        return value

    def of_types(self, types: Iterable[str]) -> list[dict[str, Any]]:
        wanted = frozenset(types)
        if not self._types:
            self._types = [node_types(n) for n in self.nodes]
        return [n for n, kinds in zip(self.nodes, self._types, strict=True) if kinds & wanted]

    def articles(self) -> list[dict[str, Any]]:
        """Article-like nodes, the ones with a headline first."""
        if self._articles is None:
            found = self.of_types(ARTICLE_TYPES)
            self._articles = sorted(found, key=lambda n: 0 if n.get("headline") else 1)
        return self._articles


def _walk(
    value: Any,
    top: list[dict[str, Any]],
    nested: list[dict[str, Any]],
    by_id: dict[str, dict[str, Any]],
    is_top: bool,
    depth: int = 0,
) -> None:
    if depth > 40:
        return
    if isinstance(value, list):
        for item in value:
            _walk(item, top, nested, by_id, is_top, depth + 1)
        return
    if not isinstance(value, dict):
        return
    ident = value.get("@id")
    if isinstance(ident, str) and len(value) > 1:
        by_id.setdefault(ident, value)
    if "@type" in value:
        (top if is_top else nested).append(value)
    for key, child in value.items():
        if isinstance(child, (dict, list)):
            _walk(child, top, nested, by_id, is_top and key == "@graph", depth + 1)


def load(root: html.HtmlElement | None, scripts: Iterable[str] | None = None) -> JsonLd:
    """Read every JSON-LD script of the page; malformed ones are skipped, never raised.

    ``nodes`` holds the top-level nodes (and ``@graph`` members) first, then nested typed nodes.
    """
    result = JsonLd()
    top: list[dict[str, Any]] = []
    nested: list[dict[str, Any]] = []
    if scripts is None:
        scripts = [s.text or "" for s in _SCRIPTS(root)] if root is not None else []
    for text in scripts:
        if not text.strip():
            continue
        for value in parse_payload(text):
            _walk(value, top, nested, result.by_id, True)
    result.nodes = top + nested
    return result


def first_text(value: Any, jsonld: JsonLd | None = None) -> str | None:
    """The first non-empty string in a JSON-LD value (str, list, or node with name/@value)."""
    if jsonld is not None:
        value = jsonld.resolve(value)
    if isinstance(value, str):
        text = clean_text(value)
        return text or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            found = first_text(item, jsonld)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("@value", "name", "url", "@id"):
            if key in value:
                found = first_text(value[key])
                if found:
                    return found
    return None

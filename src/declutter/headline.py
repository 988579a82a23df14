"""The headline of an HTML page."""

from __future__ import annotations

import json
import re

from lxml import html

from .segment import norm_space

_TITLE_TAIL = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{1,60}$")


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def strip_site_tail(title: str) -> str:
    """Drop a " | Site" / " - Site" tail from a document title."""
    stripped = _TITLE_TAIL.sub("", title)
    return stripped if len(stripped) >= 10 else title


def _jsonld_headline(root: html.HtmlElement) -> str | None:
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report"))
                       for k in kinds):
                    value = item.get("headline") or item.get("name")
                    if isinstance(value, str) and value.strip():
                        return norm_space(value)
    return None


def find_headline(root: html.HtmlElement) -> str | None:
    """JSON-LD headline, og:title, the <h1> that agrees with <title>, or the trimmed title."""
    title_el = root.find(".//title")
    title = norm_space(title_el.text_content()) if title_el is not None else ""
    h1s = [norm_space(h.text_content()) for h in root.iter("h1")]
    h1s = [h for h in h1s if h]
    for h in h1s:
        if title and _fold(h) and _fold(h) in _fold(title):
            return h
    found = _jsonld_headline(root)
    if found:
        return found
    for el in root.iterfind(".//meta"):
        if (el.get("property") or el.get("name")) in ("og:title", "twitter:title"):
            value = norm_space(el.get("content") or "")
            if value:
                return strip_site_tail(value)
    if len(h1s) == 1:
        return h1s[0]
    return strip_site_tail(title) if title else (h1s[0] if h1s else None)

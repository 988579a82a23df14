"""Tree: drop what can never be content (scripts, hidden elements, chrome, clutter widgets)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import html

from .patterns import CHROME_TAGS, CLUTTER_TOKENS, NEVER_CONTENT_TAGS, tokens

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: A paragraph this long with few links is prose; it protects its ancestors from removal.
PROSE_MIN_CHARS = 80
#: An element holding at least this share of the page's prose is never dropped for its name.
PROTECT_SHARE = 0.5
#: Elements whose names say "article" are never dropped for their class tokens.
_ARTICLE_MARKERS = ("articlebody", "article-body", "entry-content", "post-content")


def _drop(el: html.HtmlElement) -> None:
    """Remove an element but keep its tail text (it belongs to the parent)."""
    el.drop_tree()


def prose_weights(root: html.HtmlElement) -> dict[html.HtmlElement, int]:
    """Characters of prose under each element: long, link-poor paragraphs only."""
    weights: dict[html.HtmlElement, int] = {}
    for p in root.iter("p", "pre", "blockquote", "li", "dd", "td"):
        text = p.text_content()
        n = len(text.strip())
        if n < PROSE_MIN_CHARS:
            continue
        link_chars = sum(len(a.text_content()) for a in p.iter("a"))
        if link_chars > 0.5 * n:
            continue
        el: html.HtmlElement | None = p
        while el is not None:
            weights[el] = weights.get(el, 0) + n
            el = el.getparent()
    return weights


def _is_hidden(el: html.HtmlElement) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _clutter_name(el: html.HtmlElement) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}"
    if not names.strip():
        role = el.get("role")
        return role in ("navigation", "banner", "contentinfo", "complementary", "search")
    low = names.lower()
    if any(m in low for m in _ARTICLE_MARKERS):
        return False
    return not tokens(names).isdisjoint(CLUTTER_TOKENS)


def _candidates(root: html.HtmlElement) -> Iterable[html.HtmlElement]:
    body = root.find("body")
    start = body if body is not None else root
    return list(start.iterdescendants())


def strip_tree(root: html.HtmlElement) -> html.HtmlElement:
    """Drop never-content elements, hidden ones, and chrome or clutter that holds no article."""
    for el in list(root.iter(*NEVER_CONTENT_TAGS)):
        if el.tag == "form" and len(el.text_content()) > 2000:
            # ASP.NET-style pages wrap everything in one form: unwrap it instead.
            el.drop_tag()
            continue
        if el.getparent() is not None:
            _drop(el)
    weights = prose_weights(root)
    total = weights.get(root, 0) or 1
    for el in _candidates(root):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        # Ancestors already removed leave their descendants detached from root.
        if el.tag in ("html", "body", "article", "main"):
            continue
        if el.get("itemprop") == "articleBody":
            continue
        hidden = _is_hidden(el)
        chrome = el.tag in CHROME_TAGS
        if not (hidden or chrome or _clutter_name(el)):
            continue
        share = weights.get(el, 0) / total
        if share >= PROTECT_SHARE and not hidden:
            continue
        if hidden and share >= 0.8:
            continue
        if chrome and el.tag == "header" and share > 0:
            continue
        _drop(el)
    return root

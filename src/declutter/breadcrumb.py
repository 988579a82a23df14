"""The breadcrumb trail of an HTML page, outermost first."""

from __future__ import annotations

import json

from lxml import html

from .segment import norm_space


def _jsonld_trail(root: html.HtmlElement) -> list[str]:
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
                if item.get("@type") == "BreadcrumbList":
                    elements = item.get("itemListElement") or []
                    if isinstance(elements, dict):
                        elements = [elements]
                    named: list[tuple[float, str]] = []
                    for i, el in enumerate(elements):
                        if not isinstance(el, dict):
                            continue
                        name = el.get("name")
                        inner = el.get("item")
                        if not name and isinstance(inner, dict):
                            name = inner.get("name")
                        try:
                            pos = float(el.get("position", i))
                        except (TypeError, ValueError):
                            pos = float(i)
                        if isinstance(name, str) and name.strip():
                            named.append((pos, norm_space(name)))
                    if named:
                        return [n for _, n in sorted(named, key=lambda t: t[0])]
    return []


def _marked_trail(root: html.HtmlElement) -> list[str]:
    for el in root.iter("nav", "ol", "ul", "div", "p", "span"):
        marks = " ".join(
            (el.get(a) or "") for a in ("aria-label", "class", "id", "itemtype")
        ).lower()
        if "breadcrumb" not in marks:
            continue
        items = [
            norm_space(x.text_content())
            for x in el.iter("a", "li", "span")
            if x.tag != "span" or x.get("itemprop") == "name"
        ]
        crumbs: list[str] = []
        for item in items:
            if item and item not in crumbs and len(item) < 80 and item not in "›»>/|":
                crumbs.append(item)
        if crumbs:
            return crumbs
    return []


def find_breadcrumb(root: html.HtmlElement) -> list[str]:
    """JSON-LD BreadcrumbList, then elements marked as breadcrumb."""
    return _jsonld_trail(root) or _marked_trail(root)

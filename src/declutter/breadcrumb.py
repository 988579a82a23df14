"""The breadcrumb trail of an HTML page, outermost first.

Sources in order of trust: JSON-LD ``BreadcrumbList`` (sorted by ``position``), microdata and
RDFa breadcrumbs, then an element marked as a breadcrumb (``aria-label``, class or id).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from .headline import strip_site_tail
from .jsonld import JsonLd, first_text, node_types

_SPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"\s*(?:[›»>/|→·•]|\\|::)\s*")
_TRIM = " \t\n\r›»>/|→·•\\:-–—"
_LOWER = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"
_MICRODATA = etree.XPath(
    "descendant::*[@itemtype or @typeof]"
    "[contains(@itemtype, 'readcrumb') or contains(@typeof, 'readcrumb')]"
)
_MARK_VALUES = etree.XPath("descendant::*/@class | descendant::*/@id")
_ARIA = etree.XPath("descendant::*[@aria-label]")
_ARIA_WORDS = ("crumb", "ariane", "brotkr", "migas", "kruimel", "pfad", "percorso", "ruta")


def _marked_elements(root: html.HtmlElement) -> list[Any]:
    """Elements whose class, id or aria-label names a breadcrumb, in document order."""
    out: list[Any] = []
    for value in _MARK_VALUES(root):
        lowered = value.lower()
        if any(word in lowered for word in CRUMB_MARKS):
            el = value.getparent()
            if el is not None and (not out or out[-1] is not el):
                out.append(el)
    for el in _ARIA(root):
        label = (el.get("aria-label") or "").lower()
        if any(word in label for word in _ARIA_WORDS) and el not in out:
            out.append(el)
    return out


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().strip(_TRIM).strip()


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and len(item) <= 100 and (not out or out[-1] != item):
            out.append(item)
    return out


def _jsonld_trail(jsonld: JsonLd) -> list[str]:
    for node in jsonld.nodes:
        if "BreadcrumbList" not in node_types(node):
            continue
        elements: Any = node.get("itemListElement") or []
        if isinstance(elements, dict):
            elements = [elements]
        if not isinstance(elements, list):
            continue
        named: list[tuple[float, int, str]] = []
        for i, el in enumerate(elements):
            el = jsonld.resolve(el)
            if not isinstance(el, dict):
                continue
            name = first_text(el.get("name"))
            inner = jsonld.resolve(el.get("item"))
            if not name and isinstance(inner, dict):
                name = first_text(inner.get("name"))
            try:
                pos = float(el.get("position", i + 1))
            except (TypeError, ValueError):
                pos = float(i + 1)
            if name:
                named.append((pos, i, _norm(name)))
        trail = _dedupe([n for _, _, n in sorted(named)])
        if trail:
            return trail
    return []


def _prop_text(el: Any) -> str:
    return str(el.get("content") or el.text_content())


def _microdata_trail(root: html.HtmlElement) -> list[str]:
    containers = _MICRODATA(root)
    for container in containers:
        if "BreadcrumbList" not in f"{container.get('itemtype')} {container.get('typeof')}":
            continue
        named: list[tuple[float, int, str]] = []
        items = container.xpath(
            ".//*[contains(concat(' ', @itemprop, ' '), ' itemListElement ')"
            " or contains(concat(' ', @property, ' '), ' itemListElement ')]"
        )
        for i, item in enumerate(items):
            names = item.xpath(".//*[@itemprop='name' or @property='name']")
            name = _norm(_prop_text(names[0])) if names else _norm(item.text_content())
            positions = item.xpath(".//*[@itemprop='position' or @property='position']")
            try:
                pos = float(_prop_text(positions[0])) if positions else float(i + 1)
            except ValueError:
                pos = float(i + 1)
            if name:
                named.append((pos, i, name))
        trail = _dedupe([n for _, _, n in sorted(named)])
        if trail:
            return trail
    crumbs = []
    for el in containers:
        if "data-vocabulary.org/Breadcrumb" not in (el.get("itemtype") or ""):
            continue
        titles = el.xpath(".//*[@itemprop='title']")
        if titles:
            crumbs.append(_norm(_prop_text(titles[0])))
    return _dedupe(crumbs)


def _text(el: Any) -> str:
    return _norm(" ".join(el.itertext()))


def _marked_trail(root: html.HtmlElement) -> list[str]:
    for el in _marked_elements(root):
        if el.tag in ("body", "html", "script", "style", "link", "meta"):
            continue
        items = el.xpath(".//li[not(.//li)]")
        if items:
            crumbs = [_text(li) for li in items]
        else:
            links = el.xpath(".//a")
            text = _SPACE.sub(" ", " ".join(el.itertext())).strip()
            pieces = [p for p in _SEPARATORS.split(text) if p.strip()] if text else []
            if not links:
                crumbs = [_norm(p) for p in pieces] if len(pieces) > 1 else []
            else:
                crumbs = [_text(a) for a in links]
                if len(pieces) > 1 and _norm(pieces[-1]) not in crumbs:
                    crumbs.append(_norm(pieces[-1]))
        crumbs = [c for c in crumbs if c]
        trail = _dedupe(crumbs)
        if not trail or len(trail) > 10 or any(len(c) > 80 for c in trail[:-1]):
            continue
        if len({c.casefold() for c in trail}) < len(trail):
            continue  # a repeated item: a menu or share bar, not a trail
        return trail
    return []


#: Words (lower case) that mark a breadcrumb in class, id or aria-label values.
CRUMB_MARKS = ("crumb", "ariane", "brotkr", "miga", "kruimel")


def find_breadcrumb(
    root: html.HtmlElement, jsonld: JsonLd | None = None, marks: str | None = None
) -> list[str]:
    """JSON-LD BreadcrumbList, then microdata/RDFa, then elements marked as breadcrumb.

    ``marks`` (optional) is the lower-cased text of the page's class, id, itemtype and
    aria-label values: when given, the tree is searched only when they mention a breadcrumb.
    """
    if jsonld is None:
        from .jsonld import load

        jsonld = load(root)
    trail = _jsonld_trail(jsonld)
    if trail:
        return trail
    if marks is not None and not any(word in marks for word in CRUMB_MARKS + _ARIA_WORDS):
        return []
    return _microdata_trail(root) or _marked_trail(root)


def drop_repeated_headline(
    trail: list[str], headline: str | None, site_name: str | None = None
) -> list[str]:
    """The trail without its last crumb when that crumb only repeats the headline (also when
    the headline carries a " | Site" tail)."""
    if not trail or not headline:
        return trail
    last = _fold(trail[-1])
    if not last:
        return trail
    for head in {_fold(headline), _fold(strip_site_tail(headline, site_name))}:
        if last == head or (len(last) > 20 and (head.startswith(last) or last.startswith(head))):
            return trail[:-1]
    return trail

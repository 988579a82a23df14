"""The breadcrumb trail of an HTML page, outermost first.

Sources in order of trust: JSON-LD ``BreadcrumbList`` (sorted by ``position``), microdata and
RDFa breadcrumbs, then an element marked as a breadcrumb (``aria-label``, class or id).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from lxml import etree, html

from .jsonld import JsonLd, first_text, node_types
from .sitename import strip_site_tail

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
    parent = None
    for el in containers:
        if "data-vocabulary.org/Breadcrumb" not in (el.get("itemtype") or ""):
            continue
        if parent is not None and el.getparent() is not parent and crumbs:
            break  # a second trail on the page
        parent = el.getparent()
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
        # One list is the trail: a language menu or a share list beside it in the same
        # marked box is not part of it.
        lists = _FIRST_LIST(el)
        items = (_LEAF_ITEMS(lists[0]) if lists else []) or _LEAF_ITEMS(el)
        if items:
            crumbs = [_text(li) for li in _through_current(items)]
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


_FIRST_LIST = etree.XPath("(descendant-or-self::ol | descendant-or-self::ul)[1]")
_LEAF_ITEMS = etree.XPath("descendant::li[not(descendant::li)]")
_CURRENT_CLASS = frozenset({"active", "current", "is-current", "is-active"})
_CURRENT_INSIDE = etree.XPath("boolean(descendant::*[@aria-current and @aria-current != 'false'])")


def _through_current(items: list[Any]) -> list[Any]:
    """The items up to the one marked as the current page (``aria-current``, class "active"):
    what a theme sets after it ("Edit on GitHub", "View page source") is no crumb.  The mark
    is trusted only on one item past the first (themes also set it on the home link, or on
    every link of the trail)."""
    marked = [i for i, li in enumerate(items) if _is_current(li)]
    if len(marked) == 1 and marked[0] > 0:
        return items[: marked[0] + 1]
    return items


def _is_current(li: Any) -> bool:
    if li.get("aria-current", "false") != "false" or _CURRENT_INSIDE(li):
        return True
    return bool(_CURRENT_CLASS & set((li.get("class") or "").lower().split()))


#: Words (lower case) that mark a breadcrumb in class, id or aria-label values.
CRUMB_MARKS = ("crumb", "ariane", "brotkr", "miga", "kruimel")
_SEPARATOR_ONLY = re.compile(r"^[\s›»>/|→·•\\:>]*$")
_HAS_SEPARATOR = re.compile(r"[›»>/|→·•\\]")
_HEADLINE_EL = etree.XPath("(descendant::body//text()[normalize-space() = $text])[1]/..")


def _unmarked_trail(el: Any) -> list[str]:
    """Links separated by trail separators ("Home / City", "首页 > 新闻中心 > 国内")."""
    links = el.xpath(".//a")
    if not 2 <= len(links) <= 8:
        return []
    gaps: list[str] = []
    for a, b in pairwise(links):
        gap = a.tail or ""
        node = a.getnext()
        while node is not None and node is not b:
            gap += node.text_content() + (node.tail or "")
            node = node.getnext()
        if node is None:  # not siblings: a nested structure, judged by its text alone
            gap = (_HAS_SEPARATOR.search(a.tail or "") and "/") or ""
        gaps.append(gap)
    if not all(_HAS_SEPARATOR.search(g) and _SEPARATOR_ONLY.match(g) for g in gaps):
        return []
    crumbs = [_text(a) for a in links]
    last = _norm(links[-1].tail or "")
    if last:
        crumbs.append(last)
    trail = _dedupe([c for c in crumbs if c])
    if len(trail) < 2 or any(len(c) > 60 for c in trail):
        return []
    return trail


def _near_headline_trail(headline_el: Any) -> list[str]:
    """An unmarked trail just before the headline element (its previous siblings, or those of
    its ancestors, nearest first)."""
    el = headline_el
    for _level in range(4):
        if el is None or el.tag in ("body", "html"):
            return []
        sib = el.getprevious()
        for _ in range(3):
            if sib is None:
                break
            if isinstance(sib.tag, str) and len(sib.text_content()) <= 200:
                trail = _unmarked_trail(sib)
                if trail:
                    return trail
            sib = sib.getprevious()
        el = el.getparent()
    return []


def find_breadcrumb(
    root: html.HtmlElement,
    jsonld: JsonLd | None = None,
    marks: str | None = None,
    headline_el: Any = None,
) -> list[str]:
    """JSON-LD BreadcrumbList, then microdata/RDFa, then elements marked as breadcrumb, then an
    unmarked trail of separated links just above the headline element (when one is given).

    ``marks`` (optional) is the lower-cased text of the page's class, id, itemtype and
    aria-label values: when given, the tree is searched only when they mention a breadcrumb.
    """
    if jsonld is None:
        from .jsonld import load

        jsonld = load(root)
    trail = _jsonld_trail(jsonld)
    if trail:
        return trail
    if marks is None or any(word in marks for word in CRUMB_MARKS + _ARIA_WORDS):
        microdata = marks is None or "crumb" in marks or "data-vocabulary" in marks
        trail = (_microdata_trail(root) if microdata else []) or _marked_trail(root)
        if trail:
            return trail
    if headline_el is not None:
        return _near_headline_trail(headline_el)
    return []


def headline_element(root: html.HtmlElement, h1: Any, headline: str | None) -> Any:
    """The element that shows the headline: the first ``<h1>``, else the element whose text is
    exactly the headline (one tree pass, only for pages without an ``<h1>``)."""
    if h1 is not None:
        return h1
    if not headline or len(headline) < 10:
        return None
    try:
        found = _HEADLINE_EL(root, text=headline)
    except ValueError:
        # A headline from JSON-LD can hold control characters no XPath string (and no text in
        # the parsed tree) can: nothing shows it.
        return None
    return found[0] if found else None


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
        if last == head:
            return trail[:-1]
    return trail

"""The headline of an HTML page.

Most trusted first: the JSON-LD ``headline``/``name`` of an Article-like node, the declared
titles (``dc:title``, ``og:title``, ``twitter:title``, ``title``, ``parsely-title``), the
``<h1>`` that agrees with ``<title>``, ``<title>`` without its " | Site" tail, a lone ``<h1>``.
A candidate that is only the site name or a section of the breadcrumb is never taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree, html

from . import jsonld as jsonld_mod
from .jsonld import JsonLd, clean_text, first_text

_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W+")
_TITLE_TAIL = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{1,60}$")
_TITLE_HEAD = re.compile(r"^[^|\-–—:·•»]{1,60}?\s+[|\-–—·•»]\s+")
_TITLE = etree.XPath("descendant::title")
_H1 = etree.XPath("descendant::h1")
_SHOWN = etree.XPath("boolean(descendant::body//text()[normalize-space() = $text])")

#: Declared title metas, most trusted first (lower-case keys).
TITLE_KEYS = (
    "dc.title", "dc:title", "dcterms.title", "og:title", "twitter:title", "title",
    "parsely-title", "sailthru.title",
)  # fmt: skip


def norm_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _fold(text: str | None) -> str:
    return _NON_WORD.sub(" ", text or "").strip().casefold()


def strip_site_tail(title: str, site_name: str | None = None) -> str:
    """Drop a " | Site" / " - Site" tail (or a "Site | " head) from a document title."""
    site = _fold(site_name)
    if site:
        m = _TITLE_HEAD.match(title)
        if m and _fold(m.group(0)) == site:
            return title[m.end() :].strip()
        m = _TITLE_TAIL.search(title)
        if m and _fold(m.group(0)) == site and m.start() > 0:
            return title[: m.start()].strip()
    stripped = _TITLE_TAIL.sub("", title)
    return stripped if len(stripped) >= 10 else title


def _similarity(a: str, b: str) -> float:
    wa, wb = set(_fold(a).split()), set(_fold(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _forbidden(candidate: str, site_names: Sequence[str], sections: Sequence[str]) -> bool:
    folded = _fold(candidate)
    if not folded:
        return True
    return any(folded == _fold(s) for s in site_names if s) or any(
        folded == _fold(s) for s in sections if s
    )


def _jsonld_candidates(jsonld: JsonLd, reference: str) -> list[str]:
    out: list[str] = []
    for node in jsonld.articles():
        headline = first_text(node.get("headline"))
        name = first_text(node.get("name"))
        pair = [v for v in (headline, name) if v]
        if len(pair) == 2 and pair[0] != pair[1] and reference:
            pair.sort(key=lambda v: -_similarity(v, reference))
        out.extend(pair)
    return out


def find_headline(
    root: html.HtmlElement,
    jsonld: JsonLd | None = None,
    metas: dict[str, list[str]] | None = None,
    site_names: Sequence[str] = (),
    sections: Sequence[str] = (),
    title: str | None = None,
    h1s: Sequence[str] | None = None,
    current: str | None = None,
) -> str | None:
    """The page's headline (see the module docstring), or None.

    ``title`` and ``h1s`` (texts of ``<title>`` and the ``<h1>`` elements) are read from the
    tree when not given; ``sections`` are the breadcrumb's section names and ``current`` its
    last crumb (the page's own name), a last resort when the title only names the site.
    """
    if jsonld is None:
        jsonld = jsonld_mod.load(root)
    metas = metas if metas is not None else {}
    if title is None:
        titles = _TITLE(root)
        title = titles[0].text_content() if titles else ""
    title = norm_space(title)
    if h1s is None:
        h1s = [h.text_content() for h in _H1(root)[:20]]
    h1s = [t for t in (norm_space(h) for h in h1s) if t]
    declared = [clean_text(v) for key in TITLE_KEYS for v in metas.get(key, ()) if v.strip()]
    reference = title or (declared[0] if declared else "") or (h1s[0] if h1s else "")
    candidates = _jsonld_candidates(jsonld, reference) + declared
    for i, candidate in enumerate(candidates):
        if _forbidden(candidate, site_names, sections):
            continue
        if candidate.endswith(("…", "...")):
            # A truncated headline: a later source that carries it in full is better.
            stem = candidate.rstrip("….").strip()
            for longer in candidates[i + 1 :]:
                if len(longer) > len(stem) + 3 and longer.startswith(stem):
                    return longer
        return candidate
    site = site_names[0] if site_names else None
    stripped = strip_site_tail(title, site) if title else ""
    folded_title = _fold(title)
    for h in h1s:
        fh = _fold(h)
        if (
            fh
            and fh in folded_title
            and len(fh) >= 0.5 * len(_fold(stripped))
            and not _forbidden(h, site_names, sections)
        ):
            return h
    bare = _TITLE_TAIL.sub("", title)  # the title without its tail, however short
    tail_match = _TITLE_TAIL.search(title)
    if tail_match and not h1s:
        # "Site - Headline": the side the page shows as an element of its own is the headline.
        tail = tail_match.group(0).strip().lstrip("|-–—:·•»").strip()
        if len(tail) >= 10 and _SHOWN(root, text=tail) and not _SHOWN(root, text=bare):
            return tail
    if (
        stripped
        and not _forbidden(stripped, site_names, sections)
        and not (bare != title and _forbidden(bare, site_names, sections))
    ):
        return stripped
    for h in h1s:
        if not _forbidden(h, site_names, sections):
            return h
    if current and not _forbidden(current, site_names, sections):
        return current
    return title or None

"""What a page's ``<h1>`` elements show: their text as a reader sees it, the pieces inside
them (a label, a date, a link set beside the story's words), and the side of a two-sided title
a page without an ``<h1>`` shows on its own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from .sitename import split_title
from .titletext import clean_title

_SHOWN = etree.XPath("boolean(descendant::body//text()[normalize-space() = $text])")
_SHOWN_UNLINKED = etree.XPath(
    "boolean(descendant::body//text()[normalize-space() = $text][not(ancestor::a)])"
)
#: Elements inside an ``<h1>`` whose text is not the headline's (an SVG logo's ``<title>`` and
#: ``<desc>`` label the drawing for screen readers; the reader sees the drawing).
_UNREAD = frozenset({"style", "script", "template", "button", "title", "desc"})
#: Elements inside an ``<h1>`` set on a line of their own: their words never run into the
#: words beside them ("The Best Notion Alternatives<span class=block>Top Tools</span>").
_BLOCKS = frozenset({"br", "div", "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "hr"})
_BLOCK_CLASSES = frozenset({"block", "d-block"})


def h1_text(h1: html.HtmlElement) -> str:
    """An ``<h1>``'s text as shown: a ``<style>``, ``<script>`` or ``<button>`` inside it is not
    read ("Crate tokio <button>Copy item path</button>"), and a ``<br>`` or a block parts the
    words on either side ("Rebuilding the Legacy<br>of American Made")."""
    if len(h1) == 0:
        return h1.text or ""
    out: list[str] = []
    _read(h1, out)
    return "".join(out)


def _read(el: html.HtmlElement, out: list[str]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _UNREAD:
            block = tag in _BLOCKS or not _BLOCK_CLASSES.isdisjoint(
                (child.get("class") or "").split()
            )
            if block:
                out.append(" ")
            _read(child, out)
            if block:
                out.append(" ")
        if child.tail:
            out.append(child.tail)


#: Separators left at a piece's edges by the element beside it ("Story |" before "44MM").
PIECE_EDGES = " |-–—:·•»/"
#: How many ``<h1>`` elements, and elements inside each, are taken apart into pieces.
_PIECE_H1S = 3
_PIECE_ELEMENTS = 12


def h1_pieces(h1s: Sequence[html.HtmlElement]) -> tuple[str, ...]:
    """The texts inside the first ``<h1>`` elements that are less than the whole: each
    element's own text (without its children's) and each descendant's whole text."""
    out: list[str] = []
    for h1 in h1s[:_PIECE_H1S]:
        if len(h1) == 0:
            continue  # text only: no piece differs from the whole
        for i, el in enumerate(h1.iter()):
            if i > _PIECE_ELEMENTS:
                break
            if not isinstance(el.tag, str) or _unread(el, h1):
                continue
            if el is not h1:
                out.append(clean_title(h1_text(el)))
            own = [el.text or ""] + [child.tail or "" for child in el]
            out.append(clean_title(" ".join(own)))
    return tuple(p for p in out if p)


def _unread(el: html.HtmlElement, h1: html.HtmlElement) -> bool:
    """Whether an element inside an ``<h1>`` is, or sits in, one whose text is not read."""
    while el is not None and el is not h1:
        if el.tag in _UNREAD:
            return True
        el = el.getparent()
    return False


def shown_title_side(root: html.HtmlElement, title: str, home: bool = False) -> str | None:
    """The side of a two-sided title that names the page, when the page tells: the last side
    shown alone (not as a link) where the first is not shown; the first side, not shown, where
    the last is shown only as a link's text (off the home page)."""
    parts = split_title(title)
    if len(parts) != 2 or len(parts[1]) < 10:
        return None
    if _SHOWN(root, text=parts[0]):
        return None
    # Shown as a link's text, the side is the logo's or a menu's: the site's name, a section.
    if _SHOWN_UNLINKED(root, text=parts[1]):
        return parts[1]
    if not home and _SHOWN(root, text=parts[1]):
        return parts[0]  # "New Links | Site" with "Site" only in the logo's link
    return None


#: An inline style that hides an element, or shrinks it to nothing ("height: 0; width: 0;
#: overflow: hidden", a copy of the heading written for search engines).
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?<![-\w])(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)",
    re.IGNORECASE,
)
#: How far above an ``<h1>`` a hidden container still hides it (a closed dialog's heading).
_HIDING_DEPTH = 3


def hidden_h1(h1: html.HtmlElement) -> bool:
    """Whether an ``<h1>`` is kept from the reader's eyes by the page's own markup: the
    ``hidden`` attribute or an inline style on it or a close container (a sign-up dialog not
    yet opened, a duplicate heading shrunk to nothing)."""
    el: html.HtmlElement | None = h1
    for _ in range(_HIDING_DEPTH + 1):
        if el is None:
            return False
        if "hidden" in el.attrib or _HIDING_STYLE.search(el.get("style") or ""):
            return True
        el = el.getparent()
    return False


def shown_h1s(
    elements: Sequence[html.HtmlElement], texts: Sequence[str]
) -> tuple[Sequence[html.HtmlElement], Sequence[str]]:
    """The ``<h1>`` elements (and their texts) a reader sees, when the page shows any: a hidden
    one beside them belongs to a closed dialog or repeats the heading for search engines (alone,
    it may be the only statement of the page's title, and is kept)."""
    hidden = [hidden_h1(el) for el in elements]
    if not any(hidden) or not any(t.strip() for t, h in zip(texts, hidden, strict=True) if not h):
        return elements, texts
    keep = [i for i, h in enumerate(hidden) if not h]
    return [elements[i] for i in keep], [texts[i] for i in keep]


_LINK = etree.XPath("(ancestor::a[@href] | descendant::a[@href])[1]")


def links_home(h1: html.HtmlElement, url: str | None) -> bool:
    """Whether an ``<h1>`` is a link to its site's home page: the logo's link, set in an
    ``<h1>`` by many themes, names the site and not the page."""
    found = _LINK(h1)
    if not found:
        return False
    href = (found[0].get("href") or "").strip()
    if href == "/":
        return True
    if not url or not href:
        return False
    try:
        page, target = urlsplit(url), urlsplit(urljoin(url, href))
    except ValueError:
        return False
    same_host = target.hostname == page.hostname
    return same_host and target.path in ("", "/") and not target.query and not target.fragment

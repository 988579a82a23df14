"""The signals a page type is decided from, read in one cheap pass over the untouched tree.

Schema.org types (JSON-LD and microdata), ``og:type``, a documentation generator, the words of
class and id names, code blocks, timestamps, ``<article>`` elements, add-to-cart buttons,
prices in the text, link share and the URL's words: what ``pagetype`` weighs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree, html

from .html.consent import CONSENT_NAME
from .html.strip import SCREEN_READER_NAME
from .pagecues import NAME_CUES as _NAME_CUES

_LD_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:[^"]*[/:])?(\w+)"')
_WORD = re.compile(r"[a-z]+")
# A dollar sign is a price only before a figure (scripts left in the text use "$(" too); the
# other currency signs are counted wherever they stand, which is far cheaper than a full scan.
_DOLLARS = re.compile(r"\$ ?\d")
_CURRENCY_SIGNS = "€£¥₹"
#: Site generators made for documentation.
_DOCS_GENERATOR = re.compile(
    r"sphinx|mkdocs|docusaurus|mdbook|gitbook|vitepress|vuepress|docfx|rustdoc|hugo-book|antora|"
    r"starlight|nextra|docsy|jsdoc|doxygen|javadoc",
    re.IGNORECASE,
)


@dataclass
class Signals:
    """What one pass over the page found; cheap to compute, enough to decide the type."""

    schema: set[str] = field(default_factory=set)
    og_type: str = ""
    path: tuple[str, ...] = ()
    names: Counter[str] = field(default_factory=Counter)
    pre: int = 0
    code_chars: int = 0
    times: int = 0
    articles: int = 0
    prices: int = 0
    text_chars: int = 0
    link_chars: int = 0
    cart_buttons: int = 0
    generator: str = ""
    #: The URL is a site's root (a landing page).
    home: bool = False
    #: The URL names a section, not one document: a short path whose last part is a word or two.
    index_url: bool = False
    #: Paragraphs long enough to be prose (an article has many; an index of items has few).
    long_paras: int = 0
    #: JSON-LD scripts that name a Product (read only when the page is typed product).
    product_ld: list[str] = field(default_factory=list)
    #: A class or id names a cookie-consent manager (strip looks for its dialog only then).
    consent_named: bool = False
    #: The classes of screen-reader text the page uses, as spelt (strip looks for these only).
    screen_reader_classes: frozenset[str] = frozenset()


_SLUG_SPLIT = re.compile(r"[-_+. ]|%20")


def index_url(url: str | None) -> bool:
    """A URL like ``/news/technology`` or ``/shoes``: a section's index, not a page in it.

    A document's URL carries a slug of several words or a number; a section's has neither.
    """
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return False
    if any(c.isdigit() for c in parts.query):  # ``view.php?id=8576``: an item by its number
        return False
    path = parts.path.strip("/")
    segments = path.split("/")
    if not path or len(segments) > 3 or re.search(r"\d{3}", path):
        return False
    last = re.sub(r"\.\w+$", "", segments[-1])
    if any(c.isdigit() for c in last):  # an item's number
        return False
    return len([w for w in _SLUG_SPLIT.split(last) if w]) <= 2


def url_words(url: str | None) -> tuple[str, ...]:
    """The path segments of a URL, lower case, split on punctuation."""
    if not url:
        return ()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ()
    host = parts.hostname or ""
    words = [w for seg in parts.path.lower().split("/") for w in re.split(r"[-_.]", seg) if w]
    labels = host.split(".")
    head = labels[0] if len(labels) >= 2 and labels[0] != "www" else ""
    return ((f"host:{head}",) if head else ()) + tuple(words[:12])


CART_TEXT = re.compile(
    r"add to (?:cart|bag|basket)|in (?:den )?warenkorb|ajouter au panier|in winkelwagen|"
    r"añadir al carrito|aggiungi al carrello|buy now|add to trolley",
    re.IGNORECASE,
)


_NAME_VALUES = etree.XPath("//@class | //@id", smart_strings=False)
_ITEMTYPES = etree.XPath("//@itemtype", smart_strings=False)
_LINK_TEXT = etree.XPath("//body//a//text()", smart_strings=False)
_BUTTON_LINKS = etree.XPath("//a[@role='button']")
_LONG_PARAS = etree.XPath("count(//body//p[string-length(normalize-space()) > 200])")
_TAGS = ("script", "meta", "pre", "time", "article", "button", "input")


def read_signals(root: html.HtmlElement, url: str | None) -> Signals:
    """Collect the signals of an HTML page (before the tree is stripped).

    One walk over the few tags that matter and a handful of XPath queries that run in C:
    the per-element work of a Python loop over every node would cost more than the rest.
    """
    words = url_words(url)
    sig = Signals(path=words, home=bool(url) and not any(":" not in w for w in words))
    sig.index_url = index_url(url)
    sig.long_paras = int(_LONG_PARAS(root))
    for el in root.iter(*_TAGS):
        _read_tag(el, sig)
    for el in _BUTTON_LINKS(root):
        _read_tag(el, sig)
    for value in _ITEMTYPES(root):
        sig.schema.update(t.rsplit("/", 1)[-1] for t in value.split())
    spelt = "\n".join(_NAME_VALUES(root))
    names = spelt.lower()
    sig.consent_named = bool(CONSENT_NAME.search(names))
    sig.screen_reader_classes = frozenset(SCREEN_READER_NAME.findall(spelt))
    counts = Counter(_WORD.findall(names))
    for word, cue in _NAME_CUES.items():
        found = counts.get(word)
        if found:
            sig.names[cue] += found
    body = root.find("body")
    if body is not None:
        text = body.text_content()
        sig.text_chars = len(text)
        sig.prices = count_prices(text)
        sig.link_chars = sum(map(len, _LINK_TEXT(root)))
    return sig


def _read_tag(el: html.HtmlElement, sig: Signals) -> None:
    tag = el.tag
    if tag == "script":
        kind = (el.get("type") or "").lower()
        if "ld+json" in kind and el.text:
            sig.schema.update(_LD_TYPE.findall(el.text))
            if "Product" in el.text:
                sig.product_ld.append(el.text)
    elif tag == "meta":
        key = (el.get("property") or el.get("name") or "").lower()
        if key == "og:type":
            sig.og_type = (el.get("content") or "").strip().lower()
        elif key == "generator":
            found = _DOCS_GENERATOR.search(el.get("content") or "")
            sig.generator = found.group(0).lower() if found else sig.generator
    elif tag == "pre":
        sig.pre += 1
        sig.code_chars += len(el.text_content())
    elif tag == "time":
        sig.times += 1
    elif tag == "article":
        sig.articles += 1
    else:
        label = el.get("value") or "" if tag == "input" else el.text_content()
        if len(label) < 40 and CART_TEXT.search(label):
            sig.cart_buttons += 1


def count_prices(text: str) -> int:
    """How many prices a text shows (a currency sign, or a dollar sign before a figure)."""
    return len(_DOLLARS.findall(text)) + sum(text.count(c) for c in _CURRENCY_SIGNS)

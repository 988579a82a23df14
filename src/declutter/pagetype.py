"""What kind of page this is: article, forum, product, collection, listing, documentation, service.

Decided from signals any page has, read in one pass over the untouched tree: schema.org types
(JSON-LD and microdata), ``og:type``, the words of class and id names (``cart``, ``price``,
``username``, ``toc``…), code blocks, prices in the text, link share, and generic words in the
URL's path (``/docs/``, ``/forum/``, ``/product/``).  Every type collects points from its cues;
the best type wins when it has enough of them, else the page is an article.  The cues that
decided are kept as the reason shown under ``--explain``.
"""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree, html

from .html.strip import CONSENT_NAME, SCREEN_READER_NAME
from .meta import jsonld
from .model import PageType
from .pagecues import HOST_CUES as _HOST_CUES
from .pagecues import NAME_CUES as _NAME_CUES
from .pagecues import PATH_CUES as _PATH_CUES
from .pagecues import SCHEMA as _SCHEMA
from .pagecues import SCHEMA_WEIGHT as _SCHEMA_WEIGHT

PAGE_TYPES: tuple[PageType, ...] = (
    "article", "forum", "product", "collection", "listing", "documentation", "service",
)  # fmt: skip

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

_ONE_PRODUCT = frozenset({"Product", "ProductGroup", "IndividualProduct"})
_LIST_SCHEMA = frozenset({"ItemList", "CollectionPage", "SearchResultsPage", "OfferCatalog"})
#: Points a type must reach before it displaces the default (article).
MIN_POINTS = 2.0


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
    #: A class marks screen-reader text (strip looks for it only then).
    screen_reader_named: bool = False


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


_CART_TEXT = re.compile(
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
    names = "\n".join(_NAME_VALUES(root)).lower()
    sig.consent_named = bool(CONSENT_NAME.search(names))
    sig.screen_reader_named = bool(SCREEN_READER_NAME.search(names))
    counts = Counter(_WORD.findall(names))
    for word, cue in _NAME_CUES.items():
        found = counts.get(word)
        if found:
            sig.names[cue] += found
    body = root.find("body")
    if body is not None:
        text = body.text_content()
        sig.text_chars = len(text)
        sig.prices = len(_DOLLARS.findall(text)) + sum(text.count(c) for c in _CURRENCY_SIGNS)
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
        if len(label) < 40 and _CART_TEXT.search(label):
            sig.cart_buttons += 1


class _Points:
    """Points per type, and the cues that earned them (the reason)."""

    def __init__(self) -> None:
        self.points: dict[str, float] = dict.fromkeys(PAGE_TYPES, 0.0)
        self.why: dict[str, list[str]] = {t: [] for t in PAGE_TYPES}

    def add(self, kind: str, points: float, why: str) -> None:
        self.points[kind] += points
        self.why[kind].append(why)

    def best(self) -> tuple[PageType, str]:
        kind = max(PAGE_TYPES, key=lambda t: self.points[t])
        if kind == "article" or self.points[kind] < MIN_POINTS:
            reasons = self.why["article"] or ["no stronger cue"]
            return "article", "; ".join(reasons)
        return kind, "; ".join(self.why[kind])


def _schema_points(sig: Signals, pts: _Points) -> None:
    hits: dict[str, list[str]] = {}
    for name in sorted(sig.schema):
        kind = _SCHEMA.get(name)
        if kind:
            hits.setdefault(kind, []).append(name)
    for kind, names in hits.items():
        weight = max(_SCHEMA_WEIGHT.get(n, 2.5) for n in names)
        pts.add(kind, weight, "schema.org " + "/".join(names))
    og = sig.og_type
    if og.startswith("product"):
        pts.add("product", 1.5, f"og:type {og}")
    elif og == "article":
        # Some site builders mark every page so; a dated or signed one is an article indeed.
        dated = sig.times > 0 or sig.names["byline"] >= 2
        pts.add("article", 1.5 if dated else 1.0, "og:type article")


def _path_points(sig: Signals, pts: _Points) -> None:
    if sig.home:
        pts.add("service", 1.0, "a site's home page")
    seen: set[str] = set()
    for word in sig.path:
        if word.startswith("host:"):
            kind = _HOST_CUES.get(word[5:])
            if kind:
                pts.add(kind, 1.0, f"host name '{word[5:]}'")
            continue
        kind = _PATH_CUES.get(word)
        if kind and kind not in seen:
            seen.add(kind)
            pts.add(kind, 1.0, f"URL path '{word}'")


def _shop_points(sig: Signals, pts: _Points) -> None:
    names = sig.names
    cues = []
    if sig.cart_buttons:
        cues.append("add-to-cart button")
    if names["cart"] >= 2:
        cues.append("cart")
    if names["price"] >= 2 or sig.prices >= 10:
        cues.append(f"prices ({sig.prices})")
    if names["product"] >= 3 or names["review"] >= 3:
        cues.append("product/review marks")
    if len(cues) < 2:
        if sig.cart_buttons or names["cart"] >= 2:
            # A shop's page that sells nothing itself is one of its category pages.
            pts.add("collection", 1.0, "a shop's page (cart)")
        return
    # Prices and product names alone are a buying guide as often as a shop.
    weight = 1.0 if sig.cart_buttons or names["cart"] >= 2 else 0.0
    # A page that declares one Product (and no list of them) is that product, whatever its
    # carousels of related items and their prices make it look like.
    many = not _one_product(sig) and (names["filter"] >= 2 or sig.prices >= 40)
    if many:
        cues.append("filters" if names["filter"] >= 2 else "many items")
    pts.add("collection" if many else "product", weight + 0.5 * len(cues), ", ".join(cues))


def _one_product(sig: Signals) -> bool:
    """The page declares one Product in its schema.org data (and no list of them)."""
    return bool(sig.schema & _ONE_PRODUCT) and not sig.schema & _LIST_SCHEMA


def _thread_points(sig: Signals, pts: _Points) -> None:
    names = sig.names
    if names["thread"] >= 3:
        pts.add("forum", 1.5 if names["thread"] >= 8 else 1.0, "posts/replies")
    if names["poster"] >= 3:
        pts.add("forum", 0.5, "user names/avatars")
    if sig.times >= 3:
        pts.add("forum", 0.5, f"{sig.times} timestamps")
    if names["comment"] >= 3:
        # Reader comments under an article look like a thread; they are not the page.
        pts.add("forum", -1.0, "comment section")


def _docs_points(sig: Signals, pts: _Points) -> None:
    if sig.pre >= 2:
        pts.add("documentation", 1.5 if sig.pre >= 5 else 1.0, f"{sig.pre} code blocks")
    if sig.names["docs"] >= 2:
        pts.add("documentation", 1.0, "toc/api names")
    if sig.generator:
        pts.add("documentation", 1.5, f"generator {sig.generator}")


def _article_points(sig: Signals, pts: _Points) -> None:
    if sig.names["byline"] >= 2:
        pts.add("article", 0.5, "author/share marks")
    if sig.articles == 1:
        pts.add("article", 0.5, "one <article>")
    if sig.times:
        pts.add("article", 0.5, "a date")


def _page_points(sig: Signals, pts: _Points) -> None:
    """Service pages and listings: what a page without an article's marks is made of."""
    names = sig.names
    shop = sig.cart_buttons or names["cart"] >= 2
    if not pts.points["article"] and not shop:
        pts.add("service", 1.0, "no date, author or article markup")
    if names["service"] >= 2:
        pts.add("service", 1.5 if names["service"] >= 4 else 1.0, "hero/cta/accordion sections")
    if names["pricing"]:
        pts.add("service", 0.5, "pricing/plans")
    if sig.link_chars > 0.3 * max(sig.text_chars, 1):
        pts.add("listing", 1.0, "mostly links")
    if sig.articles >= 3:
        pts.add("listing", 1.0, f"{sig.articles} <article> items")
    if names["card"] >= 5:
        pts.add("listing", 0.5, "cards")
    if names["pager"]:
        pts.add("listing", 0.5, "pagination")
    # A section's index holds items, not prose (a shop's products are left to the shop cues).
    if sig.index_url and sig.long_paras <= 2 and not (shop or sig.prices >= 10):
        pts.add("listing", 1.5, "index URL, little prose")


def decide(sig: Signals) -> tuple[PageType, str]:
    """The page type and the cues that decided it."""
    pts = _Points()
    _schema_points(sig, pts)
    _path_points(sig, pts)
    _shop_points(sig, pts)
    _thread_points(sig, pts)
    _docs_points(sig, pts)
    _article_points(sig, pts)
    _page_points(sig, pts)
    return pts.best()


@dataclass(frozen=True, slots=True)
class Typed:
    """The page type, the cues that decided it, and a product's description from JSON-LD."""

    kind: PageType
    reason: str
    description: str | None = None
    #: The page declares itself an article (schema.org or og:type), not typed so by default.
    declared_article: bool = False
    #: The page declares one Product: a page typed product without it may be a shop's grid.
    declared_product: bool = False
    #: Whether a class or id names a consent manager; None when not looked at.
    consent_named: bool | None = None
    #: Whether a class marks screen-reader text; None when not looked at.
    screen_reader_named: bool | None = None


_TAG = re.compile(r"<[^>]{0,200}>")


def product_description(scripts: list[str]) -> str | None:
    """The longest description of a Product node (markup removed, paragraphs kept)."""
    found = ""
    for node in jsonld.load(None, scripts).of_types(("Product", "ProductGroup")):
        value = node.get("description")
        if isinstance(value, str) and len(value) > len(found):
            found = value
    if not found:
        return None
    text = htmllib.unescape(_TAG.sub(" ", found.replace("<br", "\n<br").replace("</p>", "\n")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None


def page_type(root: html.HtmlElement, url: str | None) -> Typed:
    """Decide the type of an HTML page (call before the tree is stripped)."""
    sig = read_signals(root, url)
    kind, reason = decide(sig)
    description = product_description(sig.product_ld) if kind == "product" else None
    declared = sig.og_type == "article" or any(_SCHEMA.get(t) == "article" for t in sig.schema)
    one_product = _one_product(sig)
    return Typed(
        kind,
        reason,
        description,
        kind == "article" and declared,
        one_product,
        sig.consent_named,
        sig.screen_reader_named,
    )


_TEXT_CART = re.compile(r"^\W*(?:" + _CART_TEXT.pattern + r")\W*$", re.IGNORECASE | re.MULTILINE)
_TEXT_THREAD = re.compile(
    r"^\W*(?:reply|quote|report|share|permalink|\d+ (?:replies|answers|votes))\W*$",
    re.IGNORECASE | re.MULTILINE,
)


def text_page_type(text: str, url: str | None) -> tuple[PageType, str]:
    """The type of a page already flattened to text: URL words, buy buttons, thread actions."""
    sig = Signals(path=url_words(url))
    sig.cart_buttons = len(_TEXT_CART.findall(text))
    sig.prices = len(_DOLLARS.findall(text)) + sum(text.count(c) for c in _CURRENCY_SIGNS)
    sig.names["thread"] = len(_TEXT_THREAD.findall(text))
    sig.pre = text.count("\n```") // 2
    pts = _Points()
    _path_points(sig, pts)
    _shop_points(sig, pts)
    _thread_points(sig, pts)
    _docs_points(sig, pts)
    return pts.best()

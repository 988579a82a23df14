"""What kind of page this is: article, forum, product, collection, listing, documentation, service.

Decided from signals any page has, read in one pass over the untouched tree: schema.org types
(JSON-LD and microdata), ``og:type``, the words of class and id names (``cart``, ``price``,
``username``, ``toc``…), code blocks, prices in the text, link share, and generic words in the
URL's path (``/docs/``, ``/forum/``, ``/product/``).  Every type collects points from its cues;
the best type wins when it has enough of them, else the page is an article.  The cues that
decided are kept as the reason shown under ``--explain``.  The signals are read by
``pagesignals``; the cue tables live in ``pagecues``.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import html

from .meta import jsonld
from .model import PageType
from .pagecues import HOST_CUES as _HOST_CUES
from .pagecues import PATH_CUES as _PATH_CUES
from .pagecues import SCHEMA as _SCHEMA
from .pagecues import SCHEMA_WEIGHT as _SCHEMA_WEIGHT
from .pagesignals import CART_TEXT, Signals, count_prices, read_signals, url_words

PAGE_TYPES: tuple[PageType, ...] = (
    "article", "forum", "product", "collection", "listing", "documentation", "service",
)  # fmt: skip

_ONE_PRODUCT = frozenset({"Product", "ProductGroup", "IndividualProduct"})
_LIST_SCHEMA = frozenset({"ItemList", "CollectionPage", "SearchResultsPage", "OfferCatalog"})
#: Points a type must reach before it displaces the default (article).
MIN_POINTS = 2.0


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
    #: The classes of screen-reader text the page uses; None when not looked at.
    screen_reader_classes: frozenset[str] | None = None


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
    if " " not in found and "%20" in found:
        # Some shops write it percent-encoded, as for a link: its spaces are "%20".
        found = unquote(found)
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
        sig.screen_reader_classes,
    )


_TEXT_CART = re.compile(r"^\W*(?:" + CART_TEXT.pattern + r")\W*$", re.IGNORECASE | re.MULTILINE)
_TEXT_THREAD = re.compile(
    r"^\W*(?:reply|quote|report|share|permalink|\d+ (?:replies|answers|votes))\W*$",
    re.IGNORECASE | re.MULTILINE,
)


def text_page_type(text: str, url: str | None) -> tuple[PageType, str]:
    """The type of a page already flattened to text: URL words, buy buttons, thread actions."""
    sig = Signals(path=url_words(url))
    sig.cart_buttons = len(_TEXT_CART.findall(text))
    sig.prices = count_prices(text)
    sig.names["thread"] = len(_TEXT_THREAD.findall(text))
    sig.pre = text.count("\n```") // 2
    pts = _Points()
    _path_points(sig, pts)
    _shop_points(sig, pts)
    _thread_points(sig, pts)
    _docs_points(sig, pts)
    return pts.best()

"""--explain for HTML pages: every block of the page that is not in the body, with its reason.

Only runs when ``Options.explain`` is set.  A :class:`Trace` snapshots the element order of the
untouched tree before strip, hears what locate chose and what prune kept, and then walks the
page once in document order: each block that did not reach the body becomes a ``Removed`` with
the reason of the stage that dropped it, and with ``at`` (how many body blocks precede it) so a
renderer can show it where it stood.

The reasons form one vocabulary with the text path (see ``REASONS``); a reason may carry a
detail after ": " (``outside_article: article.post-body``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html

from ..model import Block, Removed
from ..patterns import _CLUTTER_TOKENS, HARD_CLUTTER_TOKENS, tokens
from ..prune import fold, is_boilerplate
from .cards import of_other_products
from .chunk import Chunk
from .reviews import is_review
from .segment import Segmenter, block_holders

#: Every reason ``removed`` can give, on both paths, with what it means (README and schema).
REASONS: dict[str, str] = {
    "navigation": "menus, link rows, pagination, skip links, page header and footer",
    "outside_article": "prose outside the element chosen as the article (names that element)",
    "boilerplate": "a known widget label or call to action (Share, Advertisement, © …)",
    "duplicate": "a copy of another block (a lede printed twice, a truncated dek)",
    "headline": "the headline repeated in the body or page header (it is metadata)",
    "byline": "a by-line (it is metadata)",
    "date": "a date line (it is metadata)",
    "dek": "the summary under the headline of a text scrape (kept as description)",
    "caption": "a photo caption or credit standing as a paragraph",
    "caption_or_fragment": "a short fragment in a text scrape: a caption, a label",
    "teaser": "a 'Related: …' or 'Read more' line pointing at another page",
    "related": "recommended and related articles",
    "share": "share and follow buttons",
    "advertisement": "advertising slots",
    "prompt": "newsletter, subscription, login, cookie and paywall prompts",
    "sidebar": "sidebars and widgets",
    "tags": "tag and category lists",
    "comments": "the comment thread",
    "orphan_heading": "a heading left with nothing under it (a widget's title)",
    "link_list": "a numbered link list of a text dump (lynx, w3m)",
    "hidden": "hidden in the page (hidden, aria-hidden, display:none)",
    "form": "form controls and the text inside forms",
    "site template": "on most pages of the same site (batch site learning)",
}

# What strip drops that a reader never sees as text (code, media fallbacks, head elements).
_INVISIBLE = frozenset(
    {
        "script", "style", "noscript", "template", "head", "link", "meta", "base", "param",
        "source", "track", "iframe", "object", "embed", "applet", "canvas", "svg", "math", "map",
        "audio", "video", "frame", "frameset", "select", "option", "optgroup", "input", "title",
    }
)  # fmt: skip
_FORM_TAGS = frozenset({"form", "button", "label", "fieldset", "textarea", "legend"})
_BYLINE = re.compile(r"^\s*(by|von|par|por|di|door|av|af|przez|от)\s", re.IGNORECASE)
#: A by-line is a short line.
_SHORT = 100
#: A block of the article this linked was dropped as a link row.
_LINKY = 0.3
#: Category of a clutter class token → reason (patterns.py groups its tokens this way).
_CATEGORY_REASON = {
    "navigation": "navigation",
    "social": "share",
    "recommended": "related",
    "ads": "advertisement",
}
_CHROME_REASON = {
    **dict.fromkeys(
        ("newsletter", "subscribe", "subscription", "signup", "paywall", "login", "register",
         "cookie", "cookies", "consent", "gdpr", "modal", "popup", "overlay", "alert", "notice"),
        "prompt",
    ),
    **dict.fromkeys(("sidebar", "widget", "widgets"), "sidebar"),
    **dict.fromkeys(("tags", "tag", "tagcloud", "keywords", "topics", "categories"), "tags"),
    **dict.fromkeys(("byline", "author", "authors", "bio", "dateline", "timestamp"), "byline"),
    **dict.fromkeys(("caption", "credit", "credits", "gallery", "slideshow", "carousel",
                     "slider", "lightbox"), "caption"),
    **dict.fromkeys(("hidden", "hide", "offscreen", "sronly", "visuallyhidden"), "hidden"),
    **dict.fromkeys(("copyright", "disclaimer"), "boilerplate"),
}  # fmt: skip
_TOKEN_REASON = {
    **{t: _CATEGORY_REASON[c] for c, ts in _CLUTTER_TOKENS.items() if c in _CATEGORY_REASON
       for t in ts},
    **_CHROME_REASON,
    **dict.fromkeys(HARD_CLUTTER_TOKENS, "comments"),
}  # fmt: skip
_TAG_REASON = {"nav": "navigation", "header": "navigation", "footer": "navigation"}
_ROLE_REASON = {"complementary": "sidebar", "search": "form"}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")


def reason_kind(reason: str) -> str:
    """The vocabulary word of a reason, without its detail."""
    return reason.split(":", 1)[0].strip()


def clutter_reason(el: html.HtmlElement) -> str:
    """Why an element named like clutter was left out, from its tag, role and class names."""
    names = tokens(f"{el.get('class', '')} {el.get('id', '')}")
    if not names.isdisjoint(HARD_CLUTTER_TOKENS) or is_review(el):
        return "comments"  # shoppers' reviews are a product page's comment thread
    for token in sorted(names):
        if token in _TOKEN_REASON:
            return _TOKEN_REASON[token]
    if el.tag in _TAG_REASON:
        return _TAG_REASON[el.tag]
    if el.tag == "aside":
        return "sidebar"
    return _ROLE_REASON.get(el.get("role", ""), "navigation")


def describe(el: html.HtmlElement) -> str:
    """``tag#id`` or ``tag.class`` of an element, in safe characters only."""
    tag = _SAFE_NAME.sub("", str(el.tag))[:20] or "element"
    ident = _SAFE_NAME.sub("", el.get("id", ""))[:40]
    if ident:
        return f"{tag}#{ident}"
    first = next(iter(el.get("class", "").split()), "")
    cls = _SAFE_NAME.sub("", first)[:40]
    return f"{tag}.{cls}" if cls else tag


class Trace:
    """What the HTML stages decided, gathered for ``--explain`` (never built otherwise)."""

    def __init__(self, root: html.HtmlElement, base_url: str | None = None) -> None:
        self.root = root
        self.base_url = base_url
        # Holding the elements keeps their lxml proxies alive, so identity survives strip.
        self.order = {el: i for i, el in enumerate(root.iter())}
        self.stripped: list[html.HtmlElement] = []
        self.chunks: list[Chunk] = []
        self.container: html.HtmlElement | None = None
        self.clutter: set[html.HtmlElement] = set()
        self.located: set[int] = set()
        self.cards: set[int] = set()
        self.body: set[str] = set()
        self._above: set[html.HtmlElement] = set()
        self._memo: dict[html.HtmlElement, tuple[html.HtmlElement | None, bool]] = {}
        self.headline: str | None = None

    def after_strip(self) -> None:
        """Note the subtrees strip cut off (a dropped element has no parent any more)."""
        self.stripped = [
            el
            for el in self.order
            if isinstance(el.tag, str) and el is not self.root and el.getparent() is None
        ]

    def after_locate(
        self,
        chunks: Sequence[Chunk],
        container: html.HtmlElement | None,
        located: Sequence[Chunk],
        clutter: set[html.HtmlElement],
        cards: set[html.HtmlElement] | None = None,
    ) -> None:
        self.chunks = list(chunks)
        self.container = container
        self.located = {id(c) for c in located}
        self.clutter = clutter
        # Other products' cards are clutter too, but their class names rarely say so.
        self.cards = of_other_products(self.chunks, cards) if cards else set()
        # the container and its ancestors: a clutter element there is the article's wrapper
        if container is not None:
            self._above = {container, *container.iterancestors()}
        self._memo = {}

    def account(
        self, kept: Sequence[Chunk], pruned: Sequence[Removed], headline: str | None = None
    ) -> tuple[Removed, ...]:
        """Every block not in the body, in page order, each placed among the body blocks."""
        kept_ids = {id(c) for c in kept}
        self.body = {fold(c.text) for c in kept if c.text}
        self.headline = fold(headline) if headline else None
        pruned_reason = {r.text: r.reason for r in pruned}
        out: list[Removed] = []
        at = 0
        for item in self._page_order():
            if isinstance(item, Chunk):
                if id(item) in kept_ids:
                    at += 1
                    continue
                text = _chunk_text(item)
                if not text:
                    continue
                if id(item) in self.located:
                    reason = pruned_reason.get(item.text, "duplicate")
                else:
                    reason = self._left_out(item)
                out.append(Removed(text, reason, at))
            else:
                out.extend(self._stripped_blocks(item, at))
        return tuple(out)

    def _page_order(self) -> list[Chunk | html.HtmlElement]:
        """Chunks and stripped subtrees merged by their place in the untouched page."""
        tops = sorted(
            (el for el in self.stripped if el.tag not in _INVISIBLE), key=self.order.__getitem__
        )
        merged: list[Chunk | html.HtmlElement] = []
        i = 0
        reach = -1  # a container's trailing text comes after its children: keep order monotone
        for chunk in self.chunks:
            reach = max(reach, self.order.get(chunk.el, reach))
            while i < len(tops) and self.order[tops[i]] < reach:
                merged.append(tops[i])
                i += 1
            merged.append(chunk)
        merged.extend(tops[i:])
        return merged

    def _left_out(self, chunk: Chunk) -> str:
        """The reason locate left a chunk out of the article.

        What the text is (a copy of a body block, the headline, a by-line) says more than
        where it stood, so that is asked first; then the clutter element around it; then
        whether it lay outside the chosen element or was trimmed inside it.
        """
        folded = fold(chunk.text)
        if folded in self.body:
            return "duplicate"
        if (chunk.type == "heading" and chunk.level == 1) or folded == self.headline:
            return "headline"
        if len(chunk.text) < _SHORT and _BYLINE.match(chunk.text):
            return "byline"
        if id(chunk) in self.cards:
            return "related"
        container = self.container
        clutter, inside = self._context(chunk.el)
        if clutter is not None:
            return clutter_reason(clutter)
        if container is None:
            return "outside_article"
        if not inside:
            if is_boilerplate(chunk.text):
                return "boilerplate"
            if chunk.link_density > _LINKY:
                return "navigation"
            return f"outside_article: {describe(container)}"
        if chunk.type == "heading":
            return "orphan_heading"
        if chunk.link_density > _LINKY:
            return "navigation"
        return "byline" if _BYLINE.match(chunk.text) else "date"

    def _context(self, el: html.HtmlElement) -> tuple[html.HtmlElement | None, bool]:
        """(the innermost clutter element around ``el`` that is not the article's own
        wrapper, whether ``el`` lies inside the chosen container), memoised up the tree so that
        a deep page costs one walk, not one per chunk."""
        path: list[html.HtmlElement] = []
        node: html.HtmlElement | None = el
        found: tuple[html.HtmlElement | None, bool] = (None, False)
        while node is not None:
            if node in self._memo:
                found = self._memo[node]
                break
            path.append(node)
            node = node.getparent()
        for node in reversed(path):
            clutter, inside = found
            if node is self.container:
                inside = True
            elif node in self.clutter and node not in self._above:
                clutter = node
            found = (clutter, inside)
            self._memo[node] = found
        return found

    def _stripped_blocks(self, el: html.HtmlElement, at: int) -> list[Removed]:
        if el.tag in _FORM_TAGS:
            reason = "form"
        elif el.tag == "menu":
            reason = "navigation"
        else:
            reason = "hidden"
        seg = Segmenter(self.base_url, block_holders(el))
        seg.block(el)
        texts = [_chunk_text(c) for c in seg.chunks]
        return [Removed(t, reason, at) for t in texts if t]


def _chunk_text(chunk: Chunk) -> str:
    if chunk.type == "image":
        return chunk.caption or chunk.alt or ""
    return chunk.text


_PROBE = 40


def place_by_text(
    source: str, blocks: Sequence[Block], removed: Sequence[Removed]
) -> list[Removed]:
    """``at`` for removed blocks of a text scrape: found by where their text starts in the source.

    Text and Markdown blocks are lines of the source, so the first words of each block (and of
    each removed line) find their offset; a removed line goes before the first body block that
    starts after it.  Lines not found keep ``at`` unset.
    """
    starts: list[int] = []
    cursor = 0
    for block in blocks:
        probe = _probe(block.plain)
        pos = source.find(probe, cursor) if probe else -1
        if pos >= 0:
            cursor = pos
        starts.append(cursor)
    placed: list[Removed] = []
    for r in removed:
        probe = _probe(r.text)
        pos = source.find(probe) if probe else -1
        at = sum(1 for s in starts if s <= pos) if pos >= 0 else None
        placed.append(Removed(r.text, r.reason, at))
    return placed


def _probe(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line.removeprefix("- ")[:_PROBE]

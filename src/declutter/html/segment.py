"""HTML tree → a flat list of typed chunks (``chunk.Chunk``), each remembering the element it
came from, in document order."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import html

from ..deadline import check_deadline
from ..model import BlockType
from ..patterns import BLOCK_TAGS, HEADING_TAGS
from ..render import escape_inline, is_live_url
from .chunk import CARD_MAX_CHARS, LINKY_TITLE, Chunk, norm_space
from .inline import Inline

#: Inline elements kept as Markdown emphasis or code.
_MARKS = {"em": "*", "i": "*", "strong": "**", "b": "**", "code": "`"}
# Escaped markup shown as text (a <noscript> tracking pixel that the parser kept as text).
_MARKUP_TEXT = re.compile(r"^<(img|iframe|div|a|script|span|p)\b[^>]*>?", re.IGNORECASE)
#: Tables this large or holding block content are layout, not data.
_LAYOUT_CELL_CHARS = 400
#: A figure holding this much text besides its caption wraps content, not one picture.
_FIGURE_WRAPPER_CHARS = 300


class Segmenter:
    """Walks a (stripped) tree and emits chunks in document order."""

    def __init__(
        self, base_url: str | None = None, containers: set[html.HtmlElement] | None = None
    ) -> None:
        try:
            parts = urlsplit(base_url) if base_url else None
        except ValueError:
            # A base address no parser reads resolves nothing: links keep their own href.
            parts, base_url = None, None
        self.base_url = base_url
        #: "https:" and "https://host" of the base, for the common root-relative links.
        self._scheme = f"{parts.scheme}:" if parts and parts.scheme else ""
        self._origin = f"{self._scheme}//{parts.netloc}" if parts and parts.netloc else ""
        self.chunks: list[Chunk] = []
        #: Inline-tagged elements (custom elements, <span>, <a> cards) that hold blocks.
        self.containers = containers or set()
        self._in_link = 0

    def _add(self, chunk: Chunk) -> None:
        if self._in_link:
            chunk.as_link()
        self.chunks.append(chunk)

    # -- inline -----------------------------------------------------------------------------

    def _inline(self, el: html.HtmlElement, buf: Inline, in_link: bool = False) -> None:
        """Append the inline content of ``el`` (its text and children, not its tail)."""
        tag = el.tag
        if tag == "br":
            buf.push("\n", "\n")
            return
        if tag == "a" and not in_link:
            plain, md, lead, trail, _, _ = self._inner(el, True)
            if plain:
                if buf.lead_link is None and not buf.has_text:
                    buf.lead_link = True
                href = el.get("href", "").strip()
                if href and not href.startswith(("javascript:", "#")):
                    if self.base_url and not href.startswith(("https://", "http://")):
                        href = self._resolve(href)
                    md = f"[{md}]({_href(href)})"
                buf.push(lead + plain + trail, lead + md + trail)
                buf.links += len(plain)
                buf.anchors += 1
            return
        mark = _MARKS.get(tag)
        if mark:
            plain, md, lead, trail, links, anchors = self._inner(el, in_link)
            if plain:
                md_text = f"`{plain}`" if mark == "`" else f"{mark}{md}{mark}"
                if buf.open_mark == mark and not lead and mark != "`":
                    # '<b>a</b><b>.</b>' written '**a****.**' is not CommonMark emphasis:
                    # the second run continues the first.
                    buf.md[-1] = buf.md[-1][: -len(mark)]
                    md_text = md_text[len(mark) :]
                buf.push(lead + plain + trail, lead + md_text + trail)
                if not trail:
                    buf.open_mark = mark
                buf.links += links
                buf.anchors += anchors
            return
        buf.add(el.text)
        self._children(el, buf, in_link)

    def _children(self, el: html.HtmlElement, buf: Inline, in_link: bool) -> None:
        """Append the inline children of ``el`` and the text after each."""
        bare = False  # the previous child is an element with nothing after it
        for child in el:
            if isinstance(child.tag, str):
                start = len(buf.plain)
                self._inline(child, buf, in_link)
                if bare:
                    buf.glue(start)
                bare = True
            bare = bare and not child.tail
            buf.add(child.tail)

    def _resolve(self, href: str) -> str:
        """``href`` made absolute; urljoin is slow, and most links are root-relative."""
        if self._origin and href.startswith("/") and "/." not in href:
            return self._scheme + href if href.startswith("//") else self._origin + href
        return urljoin(self.base_url or "", href)

    def _inner(self, el: html.HtmlElement, in_link: bool) -> tuple[str, str, str, str, int, int]:
        """An inline element's own text: (plain, Markdown, leading and trailing space, linked
        characters, links)."""
        if not len(el):
            # The common case, a link or emphasis around plain text, without a buffer.
            raw = (el.text or "").replace("\n", " ")
            plain = norm_space(raw)
            if not plain:
                return "", "", "", "", 0, 0
            lead = " " if raw[:1].isspace() else ""
            trail = " " if raw[-1:].isspace() else ""
            return plain, escape_inline(plain), lead, trail, 0, 0
        inner = Inline()
        inner.add(el.text)
        self._children(el, inner, in_link)
        plain, md, links = inner.result()
        lead, trail = inner.spaced()
        return plain, md, lead, trail, links, inner.anchors

    # -- blocks -----------------------------------------------------------------------------

    def _emit_text(self, el: html.HtmlElement, buf: Inline, kind: BlockType = "paragraph") -> None:
        if not buf.has_text:
            return
        plain, md, links = buf.result()
        if not plain or _MARKUP_TEXT.match(plain):
            return
        # A run of text split by double <br> is several paragraphs.
        raw_parts = re.split(r"\n\s*\n", "".join(buf.plain))
        if kind == "paragraph" and len(raw_parts) > 1:
            md_parts = re.split(r"\n\s*\n", "".join(buf.md))
            if len(md_parts) == len(raw_parts):
                for p, m in zip(raw_parts, md_parts, strict=True):
                    p, m = norm_space(p), norm_space(m)
                    if p:
                        ratio = len(p) / max(len(plain), 1)
                        # (Which part holds the links is not known: each gets the count.)
                        self._add(Chunk(kind, el, p, m, int(links * ratio), anchors=buf.anchors))
                return
        self._add(Chunk(kind, el, plain, md, links, anchors=buf.anchors))

    def walk(self, el: html.HtmlElement) -> None:
        """Emit the chunks of a container element."""
        check_deadline()
        buf = Inline()
        buf.add(el.text)
        bare = False
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                bare = bare and not child.tail
                buf.add(child.tail)
                continue
            if (tag in BLOCK_TAGS and tag != "br") or child in self.containers:
                self._emit_text(el, buf)
                buf = Inline()
                bare = False
                if tag == "a" and len(child.text_content()) <= CARD_MAX_CHARS:
                    # A card: everything inside is one link, however it is laid out.
                    self._in_link += 1
                    self.block(child)
                    self._in_link -= 1
                else:
                    # (An <a> holding more than a card is an unclosed tag swallowing the page.)
                    self.block(child)
            else:
                start = len(buf.plain)
                self._inline(child, buf)
                if bare:
                    buf.glue(start)
                bare = True
            bare = bare and not child.tail
            buf.add(child.tail)
        self._emit_text(el, buf)

    def block(self, el: html.HtmlElement) -> None:
        tag = el.tag
        if tag in HEADING_TAGS:
            buf = Inline()
            self._inline(el, buf)
            plain, md, links = buf.result()
            if plain:
                level = int(tag[1])
                self._add(Chunk("heading", el, plain, md, links, level=level, anchors=buf.anchors))
            return
        if tag == "p":
            if any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS and c.tag != "br" for c in el):
                self.walk(el)
            else:
                buf = Inline()
                self._inline(el, buf)
                self._emit_text(el, buf)
            return
        if tag in ("ul", "ol"):
            self._list(el)
            return
        if tag == "pre":
            text = el.text_content().strip("\n")
            if text.strip():
                self._add(Chunk("code", el, text, text))
            return
        if tag == "blockquote":
            self._quote(el)
            return
        if tag == "table":
            if not self._table(el):
                self.walk(el)
            return
        if tag in ("img", "picture"):
            self._image(el, None)
            return
        if tag == "figure":
            self._figure(el)
            return
        if tag == "hr":
            return
        self.walk(el)

    def _list(self, el: html.HtmlElement) -> None:
        items: list[str] = []
        md_items: list[str] = []
        item_links: list[int] = []
        item_lead: list[bool] = []
        if any(li in self.containers for li in el):
            self._layout_list(el)
            return
        for li in el:
            if li.tag != "li":
                continue
            buf = Inline()
            self._inline(li, buf)
            plain, md, n = buf.result()
            if plain:
                items.append(plain)
                md_items.append(md)
                item_links.append(n)
                item_lead.append(bool(buf.lead_link))
        if items:
            chunk = Chunk("list", el, link_chars=sum(item_links), ordered=el.tag == "ol")
            chunk.items, chunk.md_items, chunk.item_links = items, md_items, item_links
            chunk.item_lead = item_lead
            chunk.text = "\n".join(items)
            self._add(chunk)

    def _layout_list(self, el: html.HtmlElement) -> None:
        """Items made of blocks are a layout, walked item by item.

        An item that opens with a link (a linked title, then a summary) is a teaser card:
        all of its text counts as link text, as it would inside one ``<a>``.
        """
        for li in el:
            if not isinstance(li.tag, str):
                continue
            start = len(self.chunks)
            self.block(li) if li.tag != "li" else self.walk(li)
            card = [c for c in self.chunks[start:] if c.type != "image"]
            if (
                card
                and card[0].link_density > LINKY_TITLE
                and len(card) > 1
                and sum(c.size for c in card) <= CARD_MAX_CHARS
            ):
                for c in card:
                    c.as_link()

    def _quote(self, el: html.HtmlElement) -> None:
        parts: list[str] = []
        md_parts: list[str] = []
        links = 0
        sub = Segmenter(self.base_url, self.containers)
        sub.walk(el)
        for c in sub.chunks:
            if c.type == "image":
                continue
            parts.append(c.text)
            md_parts.append(c.md or c.text)
            links += c.link_chars
        if parts:
            self._add(Chunk("quote", el, "\n\n".join(parts), "\n\n".join(md_parts), links))

    def _table(self, el: html.HtmlElement) -> bool:
        """Emit a data table; False when the table is layout (then it is walked as a container)."""
        if el.find(".//table") is not None:
            return False
        rows: list[list[str]] = []
        for tr in el.iter("tr"):
            cells = [norm_space(td.text_content()) for td in tr if td.tag in ("td", "th")]
            if any(cells):
                rows.append(cells)
        if not rows:
            return True
        if any(len(c) > _LAYOUT_CELL_CHARS for r in rows for c in r) or (
            len(rows) == 1 and len(rows[0]) == 1
        ):
            return False
        if max(len(r) for r in rows) == 1:
            return False
        links = sum(len(a.text_content()) for a in el.iter("a"))
        chunk = Chunk("table", el, link_chars=links)
        chunk.rows = rows
        chunk.text = "\n".join(" ".join(r) for r in rows)
        self._add(chunk)
        return True

    def _image(self, el: html.HtmlElement, caption: str | None) -> None:
        img = el if el.tag == "img" else el.find(".//img")
        if img is None:
            return
        src = img.get("src") or img.get("data-src") or img.get("data-lazy-src")
        if not src or src.startswith("data:"):
            # The first candidate of a srcset ("a.jpg 1x, b.jpg 2x"); "" or " , x" has none.
            first = (img.get("srcset") or img.get("data-srcset") or "").split(",")[0].split()
            src = first[0] if first else src
        if not src or src.startswith("data:") or is_live_url(src):
            return
        if self.base_url and not src.startswith(("https://", "http://")):
            src = self._resolve(src)
        alt = norm_space(img.get("alt", "")) or None
        self._add(Chunk("image", el, caption or "", src=src, alt=alt, caption=caption))

    def _figure(self, el: html.HtmlElement) -> None:
        cap_el = el.find(".//figcaption")
        caption = norm_space(cap_el.text_content()) if cap_el is not None else None
        if el.find(".//img") is not None:
            if _wraps_content(el, caption):
                self.walk(el)  # its own figures keep their captions
            else:
                self._image(el, caption or None)
            return
        # A figure without an image (a pull quote, a table, an embed) is walked for content.
        if cap_el is not None:
            cap_el.drop_tree()
        self.walk(el)


def _wraps_content(figure: html.HtmlElement, caption: str | None) -> bool:
    """A figure with paragraphs of text besides its caption is a wrapper, walked for content.

    Some themes set a section in a figure; and a table left unclosed in a figure makes the
    parser put the rest of the article inside that figure.
    """
    if figure.find(".//p") is None and next(figure.iter(*HEADING_TAGS), None) is None:
        return False
    text = len(norm_space(figure.text_content())) - len(caption or "")
    return text > _FIGURE_WRAPPER_CHARS


def _href(href: str) -> str:
    return href.replace(" ", "%20").replace(")", "%29").replace("(", "%28")


def segment(root: html.HtmlElement, base_url: str | None = None) -> list[Chunk]:
    """Every chunk of the page's body, in document order."""
    body = root.find("body")
    seg = Segmenter(base_url, block_holders(root))
    seg.walk(body if body is not None else root)
    return seg.chunks


def block_holders(root: html.HtmlElement) -> set[html.HtmlElement]:
    """Every element with a block-level descendant (one pass, bottom-up)."""
    holders: set[html.HtmlElement] = set()
    for el in root.iter(*(BLOCK_TAGS - {"br", "img"})):
        parent = el.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return holders

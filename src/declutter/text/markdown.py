"""A Markdown scrape → candidate blocks that keep their structure.

Scrapers that turn pages into Markdown (html2text and similar) write headings, lists, quotes,
code, tables, image lines and inline links.  The scrape is parsed as CommonMark with GFM tables
by ``markdown-it-pyrs`` (markdown-it compiled from Rust: the pure-Python markdown-it-py parsed
these scrapes four times slower than the whole extraction budget allows), and its syntax tree is
walked into :class:`~declutter.text.blocks.Piece` objects: plain text for the classifier and
``Block.text``, inline Markdown (links kept, images dropped) for ``Block.md``, and how much of
the text was link text, which is what tells a navigation list from an article's own list.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it_pyrs import MarkdownIt

from ..model import BlockType, Removed
from .blocks import Piece
from .mdinline import BLOCK_NODES, UNSAFE_MARK, Inline, escape_lone_backticks

_PARSER = MarkdownIt("commonmark").enable("table")

#: A line opening more containers (quotes, list items) than any page has.  The parser recurses
#: once per level and a hostile input some 50,000 levels deep overflows its native stack, which
#: ends the process instead of raising; such a line is flattened before parsing.
_CONTAINER = r"[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))"
_DEEP_LINE = re.compile(rf"^(?:[ \t]{{400,}}|(?:{_CONTAINER}){{50,}}).*$", re.M)
_CONTAINER_PREFIX = re.compile(rf"^(?:{_CONTAINER})*[ \t]*")

#: markdown-it leaves a link to a javascript:, vbscript:, file: or (non-raster) data: address
#: as literal text, to keep browsers safe; scrapes are full of them ("[Menu](javascript:…)",
#: lazy-loaded "![photo](data:image/svg+xml,…)"), and their text is still link text.  The
#: address is marked so that the parser takes it and the walker then drops it.
_UNSAFE_SCHEME = re.compile(r"(\]\(\s*<?)(?=(?:javascript|vbscript|file|data):)", re.I)
_MARKDOWN_LINE = re.compile(r"^(?:[*+-]|\d{1,9}[.)])[ \t]|\]\((?:https?:|/)", re.M)
_HTML_SKIP = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|textarea)\b.*?(?:</\1\s*>|$)", re.S | re.I
)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<![^>]*>|<\?.*?\?>", re.S)


def parse_markdown(text: str) -> tuple[list[Piece], list[Removed]]:
    """Parse a Markdown scrape into pieces (headings, paragraphs, lists, quotes, code, tables)."""
    if _DEEP_LINE.search(text):
        text = _DEEP_LINE.sub(lambda m: _CONTAINER_PREFIX.sub("", m.group(0)), text)
    text = _UNSAFE_SCHEME.sub(lambda m: m.group(1) + UNSAFE_MARK, text)
    pieces: list[Piece] = []
    try:
        _blocks(_tree(text).children, pieces, quoted=False)
    except RecursionError:
        # Inline nodes nested past Python's recursion limit ("*" 2,000 deep around a word):
        # the scrape is read again with its punctuation escaped, as plain paragraphs.
        pieces = []
        _blocks(_tree(_PUNCTUATION.sub(r"\\\1", text)).children, pieces, quoted=False)
    return pieces, []


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _tree(text: str) -> Any:
    """The syntax tree; markdown-it-pyrs 0.4.0 panics on some inputs ("[`": a link label with an
    unclosed code span), and a panic is a BaseException no ``except Exception`` catches.  Then
    the scrape is parsed again with its backticks escaped, and at worst with all punctuation
    escaped (every line a paragraph of plain text).  Backtick runs that open no code span are
    escaped first (their meaning does not change), which spares most panics and the Rust
    backtrace each one prints."""
    attempts: tuple[Callable[[], str], ...] = (
        lambda: escape_lone_backticks(text) if "`" in text else text,
        lambda: text.replace("`", "\\`"),
        lambda: _PUNCTUATION.sub(r"\\\1", text),  # built only when needed: it is slow
    )
    for attempt in attempts:
        try:
            return _PARSER.tree(attempt())
        except BaseException as exc:  # pyo3_runtime.PanicException derives from BaseException
            if type(exc).__name__ != "PanicException":
                raise
    return _PARSER.tree("")


def _blocks(nodes: Sequence[Any], pieces: list[Piece], *, quoted: bool) -> None:
    for node in nodes:
        name = node.name
        if name in ("heading", "lheading"):
            _append(pieces, _heading(node))
        elif name == "paragraph":
            _append(pieces, _paragraph(node.children, quoted))
        elif name in ("bullet_list", "ordered_list"):
            _append(pieces, _list(node))
        elif name == "blockquote":
            _blocks(node.children, pieces, quoted=True)
        elif name == "code_block" and _MARKDOWN_LINE.search(node.meta.get("content", "")):
            # html2text and its kin keep a nested list's indent after its parent is gone, which
            # CommonMark reads as indented code; lines of list items or links are no code
            _blocks(_tree(node.meta["content"]).children, pieces, quoted=quoted)
        elif name in ("fence", "code_block"):
            code = node.meta.get("content", "").strip("\n")
            if code.strip():
                pieces.append(Piece("code", text=code))
        elif name == "html_block":
            _append(pieces, _html_block(node.meta.get("content", ""), quoted))
        elif name == "table":
            _append(pieces, _table(node))
        elif name not in ("hr", "definition"):
            _blocks(node.children, pieces, quoted=quoted)


def _append(pieces: list[Piece], piece: Piece | None) -> None:
    if piece is not None:
        pieces.append(piece)


def _paragraph(children: Sequence[Any], quoted: bool) -> Piece | None:
    inline = Inline()
    inline.add(children)
    text, md, link_chars, links = inline.result(bare_urls=True)
    if not text:
        if inline.images:
            src, alt = inline.images[0]
            return Piece("image", src=src, alt=alt or None)
        return None
    kind: BlockType = "quote" if quoted else "paragraph"
    return Piece(kind, text=text, md=md, link_chars=link_chars, links=links)


def _heading(node: Any) -> Piece | None:
    inline = Inline()
    inline.add(node.children)
    text, md, link_chars, links = inline.result()
    if not text:
        return None
    level = int(node.meta.get("level", 2))
    return Piece(
        "heading", text=text, md=md, level=level, link_chars=link_chars, links=links, marked=True
    )


def _html_block(source: str, quoted: bool) -> Piece | None:
    """Raw HTML in the scrape (CommonMark passes it through): its text, without tags."""
    text = html.unescape(_HTML_TAG.sub(" ", _HTML_SKIP.sub(" ", source)))
    text = " ".join(text.split())
    if not text:
        return None
    return Piece("quote" if quoted else "paragraph", text=text)


def _list(node: Any) -> Piece | None:
    """A list; nested lists are flattened into it, item after item, as a reader meets them."""
    gathered: list[Inline] = []
    _items(node, gathered)
    items: list[str] = []
    md_items: list[str] = []
    link_chars = links = 0
    for inline in gathered:
        text, md, lc, ln = inline.result()
        if text:
            items.append(text)
            md_items.append(md)
            link_chars += lc
            links += ln
    if not items:
        return None
    return Piece(
        "list",
        items=tuple(items),
        md_items=tuple(md_items),
        ordered=node.name == "ordered_list",
        link_chars=link_chars,
        links=links,
    )


def _items(node: Any, out: list[Inline]) -> None:
    for item in node.children:
        current = Inline()
        out.append(current)
        for child in item.children:
            if child.name in ("bullet_list", "ordered_list"):
                _items(child, out)
                current = Inline()  # text after a nested list is an item of its own
                out.append(current)
            elif child.name in BLOCK_NODES:
                if current.plain:
                    current.gap()
                _block_text(child, current)
            else:
                current.add([child])


def _block_text(node: Any, into: Inline) -> None:
    """The text of a block inside a list item, run into the item's text."""
    if node.name in ("fence", "code_block", "html_block"):
        source = node.meta.get("content", "")
        text = _HTML_TAG.sub(" ", source) if node.name == "html_block" else source
        into.literal(text)
    elif node.name in ("paragraph", "heading", "lheading"):
        into.add(node.children)
    else:
        for child in node.children:
            if into.plain:
                into.gap()
            _block_text(child, into) if child.name in BLOCK_NODES else into.add([child])


def _table(node: Any) -> Piece | None:
    rows: list[tuple[str, ...]] = []
    link_chars = links = 0
    for row in node.walk():
        if row.name != "trow":
            continue
        cells = []
        for cell in row.children:
            inline = Inline()
            inline.add(cell.children)
            text, _, lc, ln = inline.result()
            cells.append(text)
            link_chars += lc
            links += ln
        if any(cells):
            rows.append(tuple(cells))
    if not rows:
        return None
    return Piece("table", rows=tuple(rows), link_chars=link_chars, links=links)


_FRONT_KEY = re.compile(r"^([A-Za-z][\w ]{0,30}):\s*(.*)$")
_HINT_KEYS = {
    "title": "title",
    "url source": "url",
    "url": "url",
    "source": "url",
    "canonical": "url",
    "published time": "published",
    "published": "published",
    "date": "published",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "description": "description",
    "lang": "language",
    "language": "language",
}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata written above the content, and the rest of the document.

    Two shapes are read: YAML front matter between ``---`` lines, and the header of reader
    services ("Title: …", "URL Source: …", "Published Time: …", then "Markdown Content:").
    """
    hints: dict[str, str] = {}
    lines = text.lstrip("\ufeff").split("\n")
    if lines and lines[0].strip() == "---":
        for j in range(1, min(len(lines), 60)):
            if lines[j].strip() in ("---", "..."):
                for line in lines[1:j]:
                    _hint(line, hints)
                return hints, "\n".join(lines[j + 1 :])
        return {}, text
    for j in range(min(len(lines), 12)):
        line = lines[j].strip()
        if line.lower().rstrip(":") == "markdown content":
            for header in lines[:j]:
                _hint(header, hints)
            return hints, "\n".join(lines[j + 1 :])
    return {}, text


def _hint(line: str, hints: dict[str, str]) -> None:
    m = _FRONT_KEY.match(line.strip())
    if not m:
        return
    key = _HINT_KEYS.get(m.group(1).strip().lower())
    value = m.group(2).strip().strip("\"'")
    if key and value and key not in hints:
        hints[key] = value

"""A Markdown scrape → candidate blocks that keep their structure.

Scrapers that turn pages into Markdown (html2text and similar) write headings, lists, quotes,
code, tables, image lines and inline links.  This line-based reader turns each construct into
a :class:`~declutter.text.blocks.Piece`: plain text for the classifier and ``Block.text``,
inline Markdown (links kept, images dropped) for ``Block.md``, and how much of the text was
link text, which is what tells a navigation list from an article's own list.
"""

from __future__ import annotations

import re

from ..model import Removed
from .blocks import Piece

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = re.compile(r"^ {0,3}> ?(.*)$")
_QUOTES = re.compile(r"^(?: {0,3}> ?)+")
#: Quotes nested deeper than this are read as one quote: no scrape nests that deep, and each
#: level is one recursive call (a fuzzed page with 2000 ">" hit the recursion limit).
MAX_QUOTE_DEPTH = 16
_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}[.)])(?:[ \t]+(.*)|$)")
_TABLE_SEP = re.compile(r"^ *\|? *:?-{2,}:? *(?:\| *:?-{2,}:? *)+\|? *$|^ *\| *:?-{2,}:? *\| *$")

# inline
_IMAGE = re.compile(
    r"!\[((?:[^\[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_LINKED_IMAGE = re.compile(r"\[\s*(!\[[^\]]*\]\([^)]*\))\s*\]\([^)]*\)")
_LINK = re.compile(
    r"\[((?:[^\[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
#: Characters that can start inline syntax; a block without any is plain text already.
_INLINE_SYNTAX = re.compile(r"[\[\]<`*_~\\!]")
_LINK_TAIL = re.compile(r"\s*\]\(\s*<?[^)\s>]*>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_BARE_URL = re.compile(r"\bhttps?://\S+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE_SPAN = re.compile(r"`+([^`]+)`+")
#: Emphasis markers left alone ("__" where an icon was, "** **"): no text of their own.
_STRAY_MARK = re.compile(r"(?<![\w*_\\])(?:\*\*|__)+(?![\w*_])|^(?:\*\*|__)+|(?:\*\*|__)+$")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SPACE = re.compile(r"\s+")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")


def inline_plain(md: str) -> tuple[str, int, int]:
    """Inline Markdown → (plain text, characters of link text, number of links)."""
    if not _INLINE_SYNTAX.search(md):
        text = _SPACE.sub(" ", md).strip()
        return text, 0, 0
    text = _LINKED_IMAGE.sub(r"\1", md) if "![" in md else md
    text = _IMAGE.sub("", text) if "![" in text else text
    link_chars = 0
    links = 0

    def link(m: re.Match[str]) -> str:
        nonlocal link_chars, links
        inner = _strip_marks(m.group(1))
        link_chars += len(inner.strip())
        links += 1
        return inner

    if "[" in text:
        text = _LINK.sub(link, text)
        text = _REF_LINK.sub(link, text)

    def auto(m: re.Match[str]) -> str:
        nonlocal link_chars, links
        link_chars += len(m.group(1))
        links += 1
        return m.group(1)

    if "<" in text:
        text = _AUTOLINK.sub(auto, text)
    # the tail of a link whose text began in an earlier block ("… teaser text ](/story)"):
    # everything before it was link text
    tail = _LINK_TAIL.search(text) if "](" in text else None
    if tail:
        link_chars += len(text[: tail.start()].strip())
        links += 1
        text = text[: tail.start()] + text[tail.end() :]
    text = text.replace("[", "") if text.lstrip().startswith("[") and "]" not in text else text
    text = _strip_marks(text)
    text = _SPACE.sub(" ", text).strip()
    return text, min(link_chars, len(text)), links


def _strip_marks(text: str) -> str:
    if "`" in text:
        text = _CODE_SPAN.sub(r"\1", text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "*" in text or "_" in text or "~" in text:
        for _ in range(2):
            text = _EMPHASIS.sub(r"\2", text)
        text = _STRAY_MARK.sub("", text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _inline_md(md: str) -> str:
    """Inline Markdown for ``Block.md``: images dropped, white space folded."""
    if "![" in md:
        md = _LINKED_IMAGE.sub("", md)
        md = _IMAGE.sub("", md)
    return _SPACE.sub(" ", md).strip()


def _paragraph(lines: list[str]) -> Piece | None:
    md = " ".join(line.strip() for line in lines)
    images = _IMAGE.findall(md)
    text, link_chars, links = inline_plain(md)
    if not text:
        if images:
            alt, src = images[0]
            return Piece("image", src=src or None, alt=_strip_marks(alt).strip() or None)
        return None
    bare = _BARE_URL.findall(text)
    if bare:
        link_chars = min(len(text), link_chars + sum(len(u) for u in bare))
    return Piece("paragraph", text=text, md=_inline_md(md), link_chars=link_chars, links=links)


def _heading(level: int, md: str) -> Piece | None:
    text, link_chars, links = inline_plain(md)
    if not text:
        return None
    return Piece(
        "heading",
        text=text,
        md=_inline_md(md),
        level=level,
        link_chars=link_chars,
        links=links,
        marked=True,
    )


def _table(rows_md: list[str]) -> Piece | None:
    rows: list[tuple[str, ...]] = []
    link_chars = links = 0
    for line in rows_md:
        if _TABLE_SEP.match(line):
            continue
        line = line.strip()
        if line.startswith("|"):
            line = line[1:]
        if line.endswith("|") and not line.endswith("\\|"):
            line = line[:-1]
        cells = []
        for cell in re.split(r"(?<!\\)\|", line):
            text, lc, ln = inline_plain(cell)
            cells.append(text.replace("\\|", "|"))
            link_chars += lc
            links += ln
        if any(cells):
            rows.append(tuple(cells))
    if not rows:
        return None
    return Piece("table", rows=tuple(rows), link_chars=link_chars, links=links)


def parse_markdown(text: str, _depth: int = 0) -> tuple[list[Piece], list[Removed]]:
    """Parse a Markdown scrape into pieces (headings, paragraphs, lists, quotes, code, tables)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    pieces: list[Piece] = []
    removed: list[Removed] = []
    para: list[str] = []
    n = len(lines)
    i = 0

    def flush() -> None:
        if para:
            piece = _paragraph(para)
            if piece is not None:
                pieces.append(piece)
            para.clear()

    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            flush()
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            flush()
            mark = fence.group(1)
            body: list[str] = []
            i += 1
            while i < n and not lines[i].strip().startswith(mark):
                body.append(lines[i])
                i += 1
            i += 1
            code = "\n".join(body).strip("\n")
            if code.strip():
                pieces.append(Piece("code", text=code))
            continue
        if para and _SETEXT.match(line) and not _ITEM.match(line):
            level = 1 if stripped[0] == "=" else 2
            md = " ".join(x.strip() for x in para)
            para.clear()
            piece = _heading(level, md)
            if piece is not None:
                pieces.append(piece)
            i += 1
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            piece = _heading(len(atx.group(1)), atx.group(2) or "")
            if piece is not None:
                pieces.append(piece)
            i += 1
            continue
        if _RULE.match(line):
            flush()
            i += 1
            continue
        if _REF_DEF.match(line) and not para:
            i += 1
            continue
        if "|" in line and i + 1 < n and _TABLE_SEP.match(lines[i + 1]) and not para:
            rows = [line]
            i += 1
            while i < n and lines[i].strip() and "|" in lines[i]:
                rows.append(lines[i])
                i += 1
            piece = _table(rows)
            if piece is not None:
                pieces.append(piece)
            continue
        if _QUOTE.match(line):
            flush()
            quoted: list[str] = []
            while i < n and lines[i].strip() and (m := _QUOTE.match(lines[i])):
                quoted.append(m.group(1))
                i += 1
            if _depth >= MAX_QUOTE_DEPTH:
                quoted = [_QUOTES.sub("", q) for q in quoted]
            sub, _ = parse_markdown("\n".join(quoted), _depth + 1)
            for piece in sub:
                if piece.type == "paragraph":
                    piece.type = "quote"
                pieces.append(piece)
            continue
        item = _ITEM.match(line)
        if item and (not para or item.group(3)):
            flush()
            i = _list(lines, i, pieces)
            continue
        if not para and line.startswith("    ") and _indented_code_follows(lines, i):
            body = []
            while i < n and (lines[i].startswith("    ") or not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            code = "\n".join(body).strip("\n")
            if code.strip():
                pieces.append(Piece("code", text=code))
            continue
        para.append(line)
        i += 1
    flush()
    return pieces, removed


def _indented_code_follows(lines: list[str], i: int) -> bool:
    """An indented block after a blank line that is not a list continuation."""
    return i == 0 or not lines[i - 1].strip()


def _list(lines: list[str], i: int, pieces: list[Piece]) -> int:
    """Read a list starting at ``lines[i]``; nested items are flattened into it."""
    n = len(lines)
    first = _ITEM.match(lines[i])
    assert first is not None
    ordered = first.group(2)[0].isdigit()
    items_md: list[list[str]] = []
    while i < n:
        line = lines[i]
        m = _ITEM.match(line)
        if m and not _RULE.match(line):
            items_md.append([m.group(3) or ""])
            i += 1
            continue
        if not line.strip():
            # a blank line: the list goes on if the next non-blank line is an item or indented
            j = i + 1
            while j < n and not lines[j].strip():
                j += 1
            if (
                j < n
                and (_ITEM.match(lines[j]) or lines[j].startswith("  "))
                and not _RULE.match(lines[j])
            ):
                i = j
                continue
            break
        if line.startswith(" ") or not _starts_block(line):
            if items_md:
                items_md[-1].append(line.strip())
            i += 1
            continue
        break
    md_items: list[str] = []
    items: list[str] = []
    link_chars = links = 0
    for parts in items_md:
        md = _inline_md(" ".join(p for p in parts if p))
        text, lc, ln = inline_plain(md)
        if not text:
            continue
        md_items.append(md)
        items.append(text)
        link_chars += lc
        links += ln
    if items:
        pieces.append(
            Piece(
                "list",
                items=tuple(items),
                md_items=tuple(md_items),
                ordered=ordered,
                link_chars=link_chars,
                links=links,
            )
        )
    return i


def _starts_block(line: str) -> bool:
    return bool(_ATX.match(line) or _QUOTE.match(line) or _FENCE.match(line) or _RULE.match(line))


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

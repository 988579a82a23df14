"""Records → Markdown and plain text (JSON is ``Article.to_json``).

The renderers take the record's wire dict (``Article.to_dict()``, with each block's inline
Markdown under ``md`` / ``md_items`` when it has some), never the ``Article`` class: the record
calls its renderers, so they sit above it without importing it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

Record = Mapping[str, Any]

_MD_SPECIAL_START = re.compile(r"^(\s*)([#>+\-*=])(\s|$)")
_MD_NUMBER_START = re.compile(r"^(\s*\d+)([.)])(\s|$)")
_MD_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<"})


def escape_inline(text: str) -> str:
    """Text that stays literal in Markdown: emphasis, link, code and HTML characters escaped."""
    return text.translate(_MD_INLINE)


def _escape_line_start(text: str) -> str:
    """Keep a paragraph that begins like Markdown syntax ("1. ", "# ") a paragraph."""
    text = _MD_SPECIAL_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text)
    # A digit cannot be escaped in CommonMark; the list marker's punctuation can.
    return _MD_NUMBER_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text)


#: URL schemes that run something when a rendered link or image is followed.
_LIVE_SCHEME = re.compile(r"(?:javascript|vbscript|livescript|data):", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+|\\(?=[!-/:-@\[-`{-~])")
#: Inline Markdown a scrape carries through (``Block.md``): code spans stay as they are; outside
#: them a raw HTML tag or autolink start, a link destination, a reference definition.
_CODE_RUN = re.compile(r"(`+)(?:.*?[^`])??\1(?!`)", re.DOTALL)
_TAG_START = re.compile(r"(?<!\\)<(?=[A-Za-z/!?])")
_SAFE_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>", re.IGNORECASE)
_DESTINATION = re.compile(r"(?<!\\)\](\(\s*(?:<([^>\n]*)>?|([^\s)]*)))")
_REF_DEF_START = re.compile(r"^(\s*)\[(?=[^\]]*\]:)")


def is_live_url(url: str) -> bool:
    """A URL that runs code (javascript:, vbscript:, data:) as a browser reads it: entities
    decoded, escapes, spaces and control characters ignored."""
    return bool(_LIVE_SCHEME.match(_URL_NOISE.sub("", html.unescape(url))))


def _defang_text(md: str) -> str:
    """Outside code spans: raw HTML tags and unsafe autolinks escaped, live link targets cut."""
    out: list[str] = []
    for i, piece in enumerate(re.split(r"(<(?:https?|ftp|mailto):[^<>\s]*>)", md)):
        if i % 2 and _SAFE_AUTOLINK.fullmatch(piece) and not is_live_url(piece[1:-1]):
            out.append(piece)
            continue
        # "[text](javascript:…)" → "[text\\](javascript:…)": no longer a link, text kept.
        piece = _DESTINATION.sub(
            lambda m: ("\\]" if is_live_url(m.group(2) or m.group(3) or "") else "]") + m.group(1),
            piece,
        )
        out.append(_TAG_START.sub(r"\\<", piece))
    return "".join(out)


def defang(md: str) -> str:
    """Inline Markdown that renders nothing live: no raw HTML (``<script>``, ``on*=``), no
    ``javascript:`` link or image targets, no reference definition; code spans kept."""
    if "<" not in md and "](" not in md and "]:" not in md:
        return md
    out: list[str] = []
    at = 0
    for m in _CODE_RUN.finditer(md):
        out.append(_defang_text(md[at : m.start()]))
        out.append(m.group(0))
        at = m.end()
    out.append(_defang_text(md[at:]))
    return _REF_DEF_START.sub(r"\1\\[", "".join(out))


def _md(text: str, md: str | None) -> str:
    return defang(md) if md is not None else escape_inline(text)


def _cell(text: str) -> str:
    return escape_inline(text).replace("|", "\\|").replace("\n", " ")


def _fence(text: str) -> str:
    """A backtick fence longer than any backtick run in the code (so the code cannot close it)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _image_md(block: Record) -> str:
    alt = escape_inline(block.get("alt") or "")
    src = block.get("src") or ""
    caption = escape_inline(block.get("caption") or "")
    if src and not is_live_url(src):
        src = re.sub(r"[<>\s]", lambda m: f"%{ord(m.group(0)):02X}", src)
        line = f"![{alt}](<{src}>)"
        return f"{line}\n*{caption}*" if caption else line
    return f"*{caption}*" if caption else ""


def _block_md(block: Record) -> str:
    kind = block["type"]
    if kind == "heading":
        level = max(2, min(block.get("level") or 2, 6))
        return f"{'#' * level} {_md(block['text'], block.get('md'))}"
    if kind == "list":
        md_items = block.get("md_items")
        items = (
            tuple(defang(i) for i in md_items)
            if md_items
            else tuple(escape_inline(i) for i in block["items"])
        )
        items = tuple(_escape_line_start(i).replace("\n", " ") for i in items)
        if block.get("ordered"):
            return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
        return "\n".join(f"- {item}" for item in items)
    if kind == "quote":
        body = _md(block["text"], block.get("md"))
        return "\n".join(
            f"> {_escape_line_start(line)}" if line else ">" for line in body.split("\n")
        )
    if kind == "code":
        fence = _fence(block["text"])
        return f"{fence}\n{block['text']}\n{fence}"
    if kind == "table":
        rows = [list(r) for r in block["rows"]]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(_cell(c) for c in rows[0]) + " |"]
        lines.append("|" + " --- |" * width)
        lines += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows[1:]]
        return "\n".join(lines)
    if kind == "image":
        return _image_md(block)
    text = _md(block["text"], block.get("md"))
    return "\n".join(_escape_line_start(line) for line in text.split("\n")).replace("\n", "  \n")


def _header_md(record: Record) -> list[str]:
    parts: list[str] = []
    # Metadata is plain text from the page: escaped like body text, so a title that reads
    # "<script>…" stays text.
    if record.get("headline"):
        parts.append(f"# {escape_inline(_one_line(record['headline']))}")
    if record.get("breadcrumb"):
        crumbs = " › ".join(escape_inline(_one_line(c)) for c in record["breadcrumb"])
        parts.append(_escape_line_start(crumbs))
    byline: list[str] = []
    if record.get("authors"):
        byline.append("By " + ", ".join(escape_inline(_one_line(a)) for a in record["authors"]))
    if record.get("published"):
        byline.append(escape_inline(_one_line(record["published"][:10])))
    if record.get("site_name"):
        byline.append(escape_inline(_one_line(record["site_name"])))
    if byline:
        parts.append("*" + " · ".join(byline) + "*")
    url = record.get("url")
    if url:
        safe = not is_live_url(url) and not re.search(r"[<>\s]", url)
        parts.append(f"Source: <{url}>" if safe else f"Source: {escape_inline(_one_line(url))}")
    return parts


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_markdown(record: Record) -> str:
    """The record as CommonMark: a short header, then the body blocks."""
    parts = _header_md(record)
    if parts:
        parts.append("---")
    parts += [_block_md(b) for b in record.get("blocks", ())]
    return "\n\n".join(parts).rstrip() + "\n"


def render_text(record: Record) -> str:
    """The record as plain text: headline, then the body."""
    parts: list[str] = []
    if record.get("headline"):
        parts.append(record["headline"])
    body = record.get("text")
    if body:
        parts.append(body)
    return "\n\n".join(parts).rstrip() + "\n"

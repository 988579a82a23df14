"""Records → Markdown and plain text (JSON is ``Article.to_json``).

The renderers take the record's wire dict (``Article.to_dict()``, with each block's inline
Markdown under ``md`` / ``md_items`` when it has some), never the ``Article`` class: the record
calls its renderers, so they sit above it without importing it.
"""

from __future__ import annotations

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


def _md(text: str, md: str | None) -> str:
    return md if md is not None else escape_inline(text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _block_md(block: Record) -> str:
    kind = block["type"]
    if kind == "heading":
        level = max(2, min(block.get("level") or 2, 6))
        return f"{'#' * level} {_md(block['text'], block.get('md'))}"
    if kind == "list":
        items = block.get("md_items") or tuple(escape_inline(i) for i in block["items"])
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
        fence = "````" if "```" in block["text"] else "```"
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
        alt = (block.get("alt") or "").replace("]", "\\]").replace("[", "\\[")
        line = f"![{alt}](<{block['src']}>)"
        caption = block.get("caption")
        return f"{line}\n*{caption}*" if caption else line
    text = _md(block["text"], block.get("md"))
    return "\n".join(_escape_line_start(line) for line in text.split("\n")).replace("\n", "  \n")


def _header_md(record: Record) -> list[str]:
    parts: list[str] = []
    if record.get("headline"):
        parts.append(f"# {record['headline']}")
    if record.get("breadcrumb"):
        parts.append(" › ".join(record["breadcrumb"]))
    byline: list[str] = []
    if record.get("authors"):
        byline.append("By " + ", ".join(record["authors"]))
    if record.get("published"):
        byline.append(record["published"][:10])
    if record.get("site_name"):
        byline.append(record["site_name"])
    if byline:
        parts.append("*" + " · ".join(byline) + "*")
    if record.get("url"):
        parts.append(f"Source: <{record['url']}>")
    return parts


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

"""Article → Markdown and plain text (JSON is ``Article.to_json``)."""

from __future__ import annotations

import re

from .model import Article, Block

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


def _block_md(block: Block) -> str:
    if block.type == "heading":
        return f"{'#' * max(2, min(block.level or 2, 6))} {_md(block.text, block.md)}"
    if block.type == "list":
        items = block.md_items or tuple(escape_inline(i) for i in block.items)
        items = tuple(_escape_line_start(i).replace("\n", " ") for i in items)
        if block.ordered:
            return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
        return "\n".join(f"- {item}" for item in items)
    if block.type == "quote":
        body = _md(block.text, block.md)
        return "\n".join(
            f"> {_escape_line_start(line)}" if line else ">" for line in body.split("\n")
        )
    if block.type == "code":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    if block.type == "table":
        rows = [list(r) for r in block.rows]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(_cell(c) for c in rows[0]) + " |"]
        lines.append("|" + " --- |" * width)
        lines += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows[1:]]
        return "\n".join(lines)
    if block.type == "image":
        alt = (block.alt or "").replace("]", "\\]").replace("[", "\\[")
        line = f"![{alt}](<{block.src}>)"
        return f"{line}\n*{block.caption}*" if block.caption else line
    text = _md(block.text, block.md)
    return "\n".join(_escape_line_start(line) for line in text.split("\n")).replace("\n", "  \n")


def _header_md(article: Article) -> list[str]:
    parts: list[str] = []
    if article.headline:
        parts.append(f"# {article.headline}")
    if article.breadcrumb:
        parts.append(" › ".join(article.breadcrumb))
    byline: list[str] = []
    if article.authors:
        byline.append("By " + ", ".join(article.authors))
    if article.published:
        byline.append(article.published[:10])
    if article.site_name:
        byline.append(article.site_name)
    if byline:
        parts.append("*" + " · ".join(byline) + "*")
    if article.url:
        parts.append(f"Source: <{article.url}>")
    return parts


def render_markdown(article: Article) -> str:
    """The article as CommonMark: a short header, then the body blocks."""
    parts = _header_md(article)
    if parts:
        parts.append("---")
    parts += [_block_md(b) for b in article.blocks]
    return "\n\n".join(parts).rstrip() + "\n"


def render_text(article: Article) -> str:
    """The article as plain text: headline, then the body."""
    parts: list[str] = []
    if article.headline:
        parts.append(article.headline)
    body = article.text
    if body:
        parts.append(body)
    return "\n\n".join(parts).rstrip() + "\n"

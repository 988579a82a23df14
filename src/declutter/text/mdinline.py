"""The inline content of a parsed Markdown block → plain text, inline Markdown, link evidence.

Scrapers that turn pages into Markdown leave links everywhere; how much of a block is link text
is what tells a menu from an article's own paragraph.  This walks the inline nodes of a
CommonMark syntax tree (``markdown_it_pyrs.Node``) once and keeps three things: the plain text
for the classifier and ``Block.text``, inline Markdown with links kept and images dropped for
``Block.md``, and the link characters and count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: Node names that hold blocks; anything else under a list item is inline content.
BLOCK_NODES = frozenset(
    {
        "paragraph", "heading", "lheading", "bullet_list", "ordered_list", "list_item",
        "blockquote", "fence", "code_block", "html_block", "table", "hr", "definition",
    }
)  # fmt: skip

_MD_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<"})
_SPACE = re.compile(r"\s+")
#: Emphasis markers left alone ("__" where an icon was, "** **"): no text of their own.
_STRAY_MARK = re.compile(r"(?<![\w*_\\])(?:\*\*|__)+(?![\w*_])|^(?:\*\*|__)+|(?:\*\*|__)+$")
#: The tail of a link whose text began in an earlier block ("… teaser text ](/story)").
_LINK_TAIL = re.compile(r"\s*\]\(\s*<?[^)\s>]*>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK_TAIL_AT = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_BARE_URL = re.compile(r"\bhttps?://\S+")
#: Put before an address the parser would refuse (see :mod:`.markdown`); never rendered.
UNSAFE_MARK = "#declutter-unsafe:"
_URL_NEEDS_BRACKETS = re.compile(r"[\s()]")


@dataclass(slots=True)
class Inline:
    """Inline content gathered from one or more runs of inline nodes."""

    plain: list[str] = field(default_factory=list)
    md: list[str] = field(default_factory=list)
    link_chars: int = 0
    links: int = 0
    #: (src, alt) of each image met, in order.
    images: list[tuple[str | None, str]] = field(default_factory=list)

    def add(self, nodes: Iterable[Any]) -> None:
        for node in nodes:
            self._node(node)

    def literal(self, text: str) -> None:
        """Text that is no Markdown (code, the text of raw HTML)."""
        self.plain.append(text)
        self.md.append(text.translate(_MD_ESCAPE))

    def gap(self) -> None:
        """A break between two runs (two paragraphs of one list item)."""
        self.plain.append(" ")
        self.md.append(" ")

    def _node(self, node: Any) -> None:
        name = node.name
        if name in ("text", "text_special"):
            content = node.meta.get("content", "")
            if name == "text" and ("*" in content or "_" in content):
                content = _STRAY_MARK.sub("", content)
            self.plain.append(content)
            self.md.append(content.translate(_MD_ESCAPE))
        elif name in ("softbreak", "hardbreak"):
            self.gap()
        elif name == "code_inline":
            code = _text_of(node)
            self.plain.append(code)
            fence = "`" * (_longest_run(code, "`") + 1)
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            self.md.append(f"{fence}{pad}{code}{pad}{fence}")
        elif name in ("em", "strong"):
            marker = node.meta.get("marker", "*") * (2 if name == "strong" else 1)
            self.md.append(marker)
            self.add(node.children)
            self.md.append(marker)
        elif name in ("link", "autolink"):
            self._link(node)
        elif name == "image":
            src = node.meta.get("url", "").removeprefix(UNSAFE_MARK)
            self.images.append((src or None, _text_of(node).strip()))
        elif name == "html_inline":
            return  # tags carry no text; the text between them comes as text nodes
        else:
            self.add(node.children)

    def _link(self, node: Any) -> None:
        inner = Inline(images=self.images)
        inner.add(node.children)
        text = "".join(inner.plain)
        if not text.strip():
            return  # a linked image or an empty anchor: nothing to read
        self.plain.append(text)
        self.link_chars += len(text.strip())
        self.links += 1 + inner.links
        url = node.meta.get("url", "")
        if url.startswith(UNSAFE_MARK):
            self.md.append("".join(inner.md).strip())
            return
        if node.name == "autolink":
            self.md.append(f"<{url}>")
            return
        if _URL_NEEDS_BRACKETS.search(url) or not url:
            url = "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
        self.md.append(f"[{''.join(inner.md).strip()}]({url})")

    def result(self, *, bare_urls: bool = False) -> tuple[str, str, int, int]:
        """(plain text, inline Markdown, link characters, links) of what was gathered."""
        text = _SPACE.sub(" ", "".join(self.plain)).strip()
        md = _SPACE.sub(" ", "".join(self.md)).strip()
        link_chars, links = self.link_chars, self.links
        tail = _link_tail(text) if "](" in text else None
        if tail:
            # everything before it was the text of a link opened in an earlier block
            link_chars += len(text[: tail[0]].strip())
            links += 1
            text = (text[: tail[0]] + text[tail[1] :]).strip()
        if text.startswith("[") and "]" not in text:
            text = text.replace("[", "").strip()  # a link that goes on in the next block
        if bare_urls and "://" in text:
            link_chars += sum(len(u) for u in _BARE_URL.findall(text))
        return text, md, min(link_chars, len(text)), links


def _text_of(node: Any) -> str:
    """All the text under a node (code spans, image alt text)."""
    if node.name in ("text", "text_special"):
        return str(node.meta.get("content", ""))
    if node.name in ("softbreak", "hardbreak"):
        return " "
    return "".join(_text_of(child) for child in node.children)


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(r) for r in runs), default=0)


def _link_tail(text: str) -> tuple[int, int] | None:
    """Where the first ``_LINK_TAIL`` match is, in linear time: when the address run after a
    "](" does not close, neither does one after a "](" inside that run, so the search goes on
    from the run's end (a plain regex search was quadratic: "[a](" 5,000 times took 15 s)."""
    at = text.find("](")
    while at != -1:
        m = _LINK_TAIL_AT.match(text, at)
        if m:
            start = at
            while start and text[start - 1].isspace():
                start -= 1
            return start, m.end()
        # Inside the run, a "](" whose own run starts inside it too ends where it ends.
        run = _URL_RUN.match(text, at + 2)
        at = text.find("](", max(at + 1, (run.end() if run else 0) - 2))
    return None


_URL_RUN = re.compile(r"\s*<?[^)\s>]*")


_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"(?<!\\)`+")
#: CommonMark's line endings; the text comes back with "\n" alone, which reads the same.
_LINE_END = re.compile(r"\r\n?|\n")


def escape_lone_backticks(text: str) -> str:
    """Escape the backtick runs that open no code span (CommonMark reads them as literal text).

    markdown-it-pyrs 0.4 panics on a link label that holds such a run ("[Don`t"), and scrapes
    use backticks as apostrophes; escaped, the run means what it meant and the parser is safe.
    A run is lone when no run of its length follows in its paragraph, here taken as the lines
    between blank lines; fenced code is left as it is.
    """
    out: list[str] = []
    block: list[str] = []
    fence = ""

    def flush() -> None:
        if block:
            out.append(_escape_block("\n".join(block)))
            block.clear()

    for line in _LINE_END.split(text):
        mark = _FENCE_LINE.match(line)
        if fence:
            if mark and mark.group(1)[0] == fence[0] and len(mark.group(1)) >= len(fence):
                fence = "" if not line[mark.end() :].strip() else fence
            out.append(line)
        elif mark and not (mark.group(1)[0] == "`" and "`" in line[mark.end() :]):
            flush()
            fence = mark.group(1)
            out.append(line)
        elif not line.strip():
            flush()
            out.append(line)
        else:
            block.append(line)
    flush()
    return "\n".join(out)


def _escape_block(block: str) -> str:
    runs = list(_TICKS.finditer(block))
    if not runs:
        return block
    by_length: dict[int, list[int]] = {}
    for i, run in enumerate(runs):
        by_length.setdefault(len(run.group()), []).append(i)
    lone: list[re.Match[str]] = []
    i = 0
    while i < len(runs):
        same = by_length[len(runs[i].group())]
        after = bisect_right(same, i)
        if after < len(same):
            i = same[after] + 1  # a code span: what lies between is its content
        else:
            lone.append(runs[i])
            i += 1
    for run in reversed(lone):
        block = block[: run.start()] + "\\`" * len(run.group()) + block[run.end() :]
    return block

"""A block's inline Markdown (as segment writes it) → HTML nodes: links, emphasis, code, breaks.

Only the few constructs the extractor itself emits are read: backslash escapes, ``[text](url)``,
``*em*``, ``**strong**``, a code span and a newline.  Links keep only absolute http(s) and
mailto targets.  If the nodes do not spell exactly the block's plain text, the plain text is
used instead: a reader never sees a marker the parser misread.
"""

from __future__ import annotations

from lxml import html

from .kit import add, el, safe_url

#: Longer inline Markdown is shown as plain text.
MAX_INLINE = 20_000
#: Characters the parser may visit per character of input (unclosed markers make it backtrack),
#: and how deep constructs may nest; past either, the block is shown as plain text.
STEP_BUDGET = 4
MAX_DEPTH = 6


class _GiveUp(Exception):
    pass


Nodes = list[str | html.HtmlElement]


def inline(text: str, md: str | None) -> Nodes:
    """The nodes of one block's text: from its Markdown when that reads back to the text."""
    if md and md != text and len(md) <= MAX_INLINE:
        try:
            nodes, _, closed = _Parser(md).parse(0, None, 0)
        except _GiveUp:
            closed = False
        if closed and _plain(nodes) == _squash(text):
            return _breaks(nodes)
    return _breaks([text])


class _Parser:
    def __init__(self, s: str) -> None:
        self.s = s
        self.budget = STEP_BUDGET * len(s) + 100

    def parse(self, i: int, stop: str | None, depth: int) -> tuple[Nodes, int, bool]:
        """Nodes from ``s[i:]`` up to ``stop`` (index after it); closed=False if it is absent."""
        s = self.s
        out: Nodes = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                out.append("".join(buf))
                buf.clear()

        n = len(s)
        while i < n:
            self.budget -= 1
            if self.budget < 0:
                raise _GiveUp
            if (
                stop is not None
                and s.startswith(stop, i)
                and not (stop == "*" and s[i : i + 2] == "**")
            ):
                flush()
                return out, i + len(stop), True
            c = s[i]
            if c == "\\" and i + 1 < n:
                buf.append(s[i + 1])
                i += 2
                continue
            node, j = self.construct(i, depth) if depth < MAX_DEPTH else (None, i)
            if node is not None:
                flush()
                out.append(node)
                i = j
                continue
            buf.append(c)
            i += 1
        flush()
        return out, i, stop is None

    def construct(self, i: int, depth: int) -> tuple[html.HtmlElement | None, int]:
        """A code span, link or emphasis starting at ``s[i]``, with the index after it."""
        s = self.s
        c = s[i]
        if c == "`":
            j = s.find("`", i + 1)
            if j > i + 1:
                return el("code", s[i + 1 : j]), j + 1
            return None, i
        if c == "[":
            inner, j, closed = self.parse(i + 1, "]", depth + 1)
            if closed and s.startswith("(", j):
                k = s.find(")", j)
                if k > j:
                    href = safe_url(s[j + 1 : k], mailto=True)
                    link = el("a", inner, href=href, rel="nofollow noopener noreferrer")
                    return (link if href else el("span", inner)), k + 1
            return None, i
        for mark, tag in (("**", "strong"), ("*", "em")):
            if s.startswith(mark, i) and s.find(mark, i + len(mark)) > 0:
                inner, j, closed = self.parse(i + len(mark), mark, depth + 1)
                if closed and inner:
                    return el(tag, inner), j
                return None, i
        return None, i


def _plain(nodes: Nodes) -> str:
    return _squash("".join(n if isinstance(n, str) else n.text_content() for n in nodes))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _breaks(nodes: Nodes) -> Nodes:
    """Newlines in text nodes become <br> (a line break the page had)."""
    out: Nodes = []
    for node in nodes:
        if isinstance(node, str) and "\n" in node:
            lines = node.split("\n")
            for k, line in enumerate(lines):
                if k:
                    out.append(el("br"))
                if line:
                    out.append(line)
        else:
            out.append(node)
    return out


def paragraph(tag: str, text: str, md: str | None, **attrs: str | None) -> html.HtmlElement:
    return add(el(tag, **attrs), inline(text, md))

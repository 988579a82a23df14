"""One block's inline text as the segmenter gathers it: plain, Markdown, and link counts."""

from __future__ import annotations

import re

from ..render import escape_inline
from .chunk import norm_space

#: Two letters closing a text: a word's end, where a capital after it starts another word.
_WORD_END = re.compile(r"[^\W\d_]{2}$")
#: Three letters opening a text: a word, not a figure's unit.
_WORD_START = re.compile(r"[^\W\d_]{3}")


class Inline:
    """Accumulates the inline text of one block: plain, Markdown, and link characters."""

    __slots__ = ("anchors", "has_text", "lead_link", "links", "md", "open_mark", "plain")

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.md: list[str] = []
        self.links = 0
        self.anchors = 0
        self.lead_link: bool | None = None
        self.has_text = False
        #: The mark that closes the last piece, when it was an emphasis run flush at its end.
        self.open_mark = ""

    def add(self, text: str | None) -> None:
        if text:
            # Newlines in the source are spaces in HTML; only <br> makes a line break.
            text = text.replace("\n", " ")
            self.push(text, escape_inline(text))

    def push(self, plain: str, md: str) -> None:
        self.plain.append(plain)
        self.md.append(md)
        self.open_mark = ""
        if not self.has_text and not plain.isspace():
            self.has_text = True

    def result(self) -> tuple[str, str, int]:
        return norm_space("".join(self.plain)), norm_space("".join(self.md)), self.links

    def glue(self, start: int) -> None:
        """Space the pieces from ``start`` on from those before them when two elements side by
        side, nothing between them, read as two words run together ("Merrell" "Moab": a brand
        and a product name that the style sheet lays out as lines of their own; a price and the
        label after it, "$108.95" "MSRP")."""
        if 0 < start < len(self.plain):
            before, after = self.plain[start - 1], self.plain[start]
            if not after[:1].isupper():
                return
            # (A lone letter before the capital is a name's own: "i" "Phone", "e" "Bay"; a
            # letter or two after a figure are its unit: "4" "K", "3" "D".)
            if (before[-1:].islower() and _WORD_END.search(before)) or (
                before[-1:].isdigit() and _WORD_START.match(after)
            ):
                self.plain.insert(start, " ")
                self.md.insert(start, " ")

    def spaced(self) -> tuple[str, str]:
        """(leading, trailing) white space of the raw text, kept as one space each."""
        if not self.plain:
            return "", ""
        lead = " " if self.plain[0][:1].isspace() else ""
        trail = " " if self.plain[-1][-1:].isspace() else ""
        return lead, trail

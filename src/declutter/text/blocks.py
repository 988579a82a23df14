"""The unit the text and Markdown paths work on: a candidate block with its evidence.

A :class:`Piece` is a body block in the making: its type and content (as a
:class:`~declutter.model.Block` will hold them) plus what the classifier needs to know
(how much of it was link text, whether the source marked it as a heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, BlockType

_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: count characters, not runs of \w.
_NOSPACE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff"
    r"\u1000-\u109f\u1780-\u17ff]"
)


def word_count(text: str) -> int:
    """Words in ``text``; in scripts without spaces (CJK, Thai, …) about 1.7 characters a word."""
    nospace = len(_NOSPACE.findall(text))
    if not nospace:
        return len(_WORD.findall(text))
    rest = _NOSPACE.sub(" ", text)
    return len(_WORD.findall(rest)) + round(nospace / 1.7)


@dataclass(slots=True)
class Piece:
    """One candidate block of a text or Markdown scrape."""

    type: BlockType
    text: str = ""
    md: str | None = None
    level: int = 0
    items: tuple[str, ...] = ()
    md_items: tuple[str, ...] | None = None
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    src: str | None = None
    alt: str | None = None
    #: Characters of ``text`` that were link text (Markdown links, lynx "[12]" references).
    link_chars: int = 0
    #: Number of links in the piece.
    links: int = 0
    #: The source marked it as a heading (Markdown ``#``, setext underline).
    marked: bool = False

    @property
    def plain(self) -> str:
        """All the text of the piece, for features and duplicate checks."""
        if self.type == "list":
            return " ".join(self.items)
        if self.type == "table":
            return " ".join(" ".join(r) for r in self.rows)
        if self.type == "image":
            return self.alt or ""
        return self.text

    def to_block(self) -> Block:
        if self.type == "list":
            return Block("list", items=self.items, md_items=self.md_items, ordered=self.ordered)
        if self.type == "table":
            return Block("table", rows=self.rows)
        if self.type == "image":
            return Block("image", src=self.src, alt=self.alt)
        if self.type == "heading":
            return Block("heading", text=self.text, md=self.md, level=self.level or 2)
        return Block(self.type, text=self.text, md=self.md)

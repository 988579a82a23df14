"""A chunk: a Block in the making.

It carries what locate and prune need to judge a block of the page (the element it came from,
its link characters and links) besides what the Block will hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html

from ..model import Block, BlockType

#: A title this linked is a link to another page: it makes a list item or a small card a teaser.
LINKY_TITLE = 0.8
#: A teaser card holds at most this much text; an item or link holding more is a layout
#: (a menu item left open by broken markup that swallows the article, a long listicle entry).
CARD_MAX_CHARS = 1500
#: A block with this many links is a row of them, not a sentence that links once.
LINK_ROW = 2


@dataclass(slots=True)
class Chunk:
    """A block of the page with the facts needed to judge it."""

    type: BlockType
    el: html.HtmlElement
    text: str = ""
    md: str = ""
    link_chars: int = 0
    level: int = 0
    items: list[str] = field(default_factory=list)
    md_items: list[str] = field(default_factory=list)
    item_links: list[int] = field(default_factory=list)
    #: Per item: does it open with a link (a teaser's linked title)?
    item_lead: list[bool] = field(default_factory=list)
    ordered: bool = False
    rows: list[list[str]] = field(default_factory=list)
    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    #: How many links the text holds; a teaser card or a block inside a link counts as a row.
    anchors: int = 0

    @property
    def size(self) -> int:
        if self.type == "list":
            return sum(len(i) for i in self.items)
        if self.type == "table":
            return sum(len(c) for r in self.rows for c in r)
        return len(self.text)

    def as_link(self) -> None:
        """Count all of the chunk's text as link text (it sits inside a link or a teaser card)."""
        self.link_chars = self.size
        self.item_links = [len(item) for item in self.items]
        self.anchors = max(self.anchors, LINK_ROW)

    @property
    def link_density(self) -> float:
        size = self.size
        return self.link_chars / size if size else 0.0

    def to_block(self) -> Block:
        if self.type == "list":
            return Block(
                "list",
                items=tuple(self.items),
                md_items=tuple(self.md_items),
                ordered=self.ordered,
            )
        if self.type == "table":
            return Block("table", rows=tuple(tuple(r) for r in self.rows))
        if self.type == "image":
            return Block("image", src=self.src, alt=self.alt, caption=self.caption)
        return Block(self.type, text=self.text, md=self.md or None, level=self.level)


def norm_space(text: str) -> str:
    """Collapse white space (Unicode's, and zero-width spaces) to single spaces; strip."""
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    # str.split() knows Unicode white space and runs in C, far ahead of a regex here.
    return " ".join(text.split())

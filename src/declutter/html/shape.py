"""What makes elements of a page alike, where an element stands, and how linked a block is."""

from __future__ import annotations

from collections.abc import Container

from lxml import html

from .chunk import Chunk


def shape_of(el: html.HtmlElement) -> tuple[str, str] | None:
    """What makes elements alike: the tag and the class (None for an unmarked element)."""
    label = " ".join((el.get("class") or "").split())
    if not label:
        return None
    return (str(el.tag), label)


def inside(el: html.HtmlElement, outer: html.HtmlElement) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is outer:
            return True
        parent = parent.getparent()
    return False


def under(el: html.HtmlElement, boxes: Container[html.HtmlElement]) -> bool:
    """Is ``el`` one of ``boxes`` or inside one of them?"""
    return el in boxes or any(a in boxes for a in el.iterancestors())


def link_share(chunk: Chunk) -> float:
    """Linked share of the chunk's text, measured on its element.

    Locate counts a short block after a linked heading as a teaser (all link); in a thread
    that is a short reply under its "Re: …" title, so the links are counted again here.
    """
    size = chunk.size
    if not size:
        return 0.0
    linked = sum(len(a.text_content()) for a in chunk.el.iter("a"))
    return min(linked / size, 1.0)

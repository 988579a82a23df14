"""What makes elements of a page alike, where an element stands, and how linked a block is."""

from __future__ import annotations

from collections.abc import Container

from lxml import html

from .chunk import Chunk, norm_space


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
    that is a short reply under its "Re: …" title, so the links are counted again here.  A
    link counts only where its text is the chunk's: a post's own words after a quote box are
    the loose text of the post's element, whose quote (its "jdoe wrote: ↑" link and all) is a
    chunk of its own.
    """
    size = chunk.size
    if not size:
        return 0.0
    text = chunk.text
    linked = 0
    for a in chunk.el.iter("a"):
        words = norm_space(a.text_content())
        if words and (not text or words in text):
            linked += len(words)
    return min(linked / size, 1.0)

"""Small pages for the metadata tests: a body of plain prose, a page around a head and a body,
and the metadata read from one."""

from __future__ import annotations

from declutter.html.parse import parse_html
from declutter.meta.collect import Meta, extract_metadata

BODY = (
    "<p>The first paragraph of the story says what happened, to whom, and why it matters "
    "to the people who read this page.</p><p>A second paragraph goes on with the details "
    "that a reader would want before deciding what to do next.</p>"
)


def meta_of(markup: str, url: str | None = "https://www.example-news.com/story") -> Meta:
    return extract_metadata(parse_html(markup), url)


def page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"

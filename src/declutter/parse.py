"""Text to an lxml tree, with one parser configuration."""

from __future__ import annotations

import re

from lxml import etree, html

# Comments and processing instructions are never content; dropping them at parse time is free.
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(text: str) -> html.HtmlElement:
    """Parse HTML text into an ``<html>`` element; never raises on malformed markup."""
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        text = "<html><body></body></html>"
    try:
        root = html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        root = html.document_fromstring("<html><body></body></html>", parser=_PARSER)
    return root

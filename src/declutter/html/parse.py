"""Text to an lxml tree, with one parser configuration."""

from __future__ import annotations

import re

from lxml import etree, html

# Comments and processing instructions are never content; dropping them at parse time is free.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
# Every element is an HtmlElement (text_content, drop_tree), chosen in C: lxml.html's own
# lookup runs Python code for each element the walk touches, a fifth of the walk's cost.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=html.HtmlElement))
_EMPTY = "<html><body></body></html>"
# Characters XML cannot hold: lxml refuses to store them in text or attributes later on.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# A browser reads on past "</body>" and "</html>" into the body; libxml2 drops what follows
# "</html>" and sets what follows "</body>" outside the body.  Templates that print a page's
# head and body in separate parts leave such end tags in mid-page, before the article.
_DOC_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


# The bytes of _NOT_XML's control characters, which no other character's UTF-8 encoding holds:
# deleting them from the bytes finds them faster than the regex scans the text (most pages
# have none, nor any noncharacter).
_CONTROL_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))


def _xml_safe(text: str) -> str:
    """The text less the characters XML cannot hold (``_NOT_XML``)."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return _NOT_XML.sub("", text)
    if (
        len(raw.translate(None, _CONTROL_BYTES)) == len(raw)
        and "\ufffe" not in text
        and "\uffff" not in text
    ):
        return text
    return _NOT_XML.sub("", text)


def parse_html(text: str) -> html.HtmlElement:
    """Parse HTML text into an ``<html>`` element; never raises on malformed markup."""
    text = _xml_safe(_XML_DECL.sub("", text, count=1))
    text = _DOC_END.sub("", text)
    if not text.strip():
        text = _EMPTY
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        root = etree.fromstring(_EMPTY, parser=_PARSER)
    if root.find("body") is None:
        root.append(etree.Element("body"))
    result: html.HtmlElement = root
    return result

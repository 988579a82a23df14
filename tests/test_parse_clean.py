"""parse_html drops the characters XML cannot hold, whichever way it finds them."""

from __future__ import annotations

import pytest

from declutter.html.parse import _NOT_XML, _xml_safe, parse_html


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii <p>text</p>",
        "tabs\tand\nnewlines\r kept",
        "a\x00b\x01c\x08d\x0be\x0cf\x0eg\x1fh",
        "caf\u00e9 \x02 \u65e5\u672c \U0001f600",
        "non\ufffecharacters\uffff",
        "lone \ud800 surrogate \x03",
    ],
)
def test_xml_safe_drops_what_the_pattern_matches(text: str) -> None:
    assert _xml_safe(text) == _NOT_XML.sub("", text)


def test_clean_text_is_returned_as_is() -> None:
    text = "<p>caf\u00e9 \u65e5\u672c</p>"
    assert _xml_safe(text) is text


def test_control_characters_do_not_reach_the_tree() -> None:
    root = parse_html("<html><body><p>one\x01two\ufffe three</p></body></html>")
    assert root.findtext(".//p") == "onetwo three"

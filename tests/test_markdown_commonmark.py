"""The Markdown reader follows CommonMark (with GFM tables), as parsed by markdown-it."""

from __future__ import annotations

import subprocess
import sys

from declutter.text.markdown import parse_markdown
from declutter.text.mdinline import escape_lone_backticks


def _types(md: str) -> list[str]:
    return [p.type for p in parse_markdown(md)[0]]


def test_nested_lists_are_flattened_in_reading_order() -> None:
    md = "* one\n  * one.a [link](https://e.x/a)\n    1. deep\n* two\n"
    (piece,), _ = parse_markdown(md)
    assert piece.type == "list" and not piece.ordered
    assert piece.items == ("one", "one.a link", "deep", "two")
    assert piece.md_items == ("one", "one.a [link](https://e.x/a)", "deep", "two")
    assert (piece.link_chars, piece.links) == (4, 1)


def test_loose_list_items_keep_all_their_paragraphs() -> None:
    (piece,), _ = parse_markdown("1. First.\n\n   More of the first.\n2. Second.\n")
    assert piece.ordered
    assert piece.items == ("First. More of the first.", "Second.")


def test_reference_links_resolve_and_definitions_vanish() -> None:
    md = "Read [the report][r] and [this one].\n\n[r]: https://e.x/r\n[this one]: /one 'T'\n"
    (piece,), _ = parse_markdown(md)
    assert piece.text == "Read the report and this one."
    assert piece.md == "Read [the report](https://e.x/r) and [this one](/one)."
    assert piece.links == 2


def test_setext_headings_and_a_rule_that_is_not_one() -> None:
    pieces, _ = parse_markdown("Big title\n=========\n\nSmaller\n-------\n\ntext\n\n---\n")
    assert [(p.type, p.level, p.text) for p in pieces] == [
        ("heading", 1, "Big title"),
        ("heading", 2, "Smaller"),
        ("paragraph", 0, "text"),
    ]
    assert all(p.marked for p in pieces if p.type == "heading")


def test_html_blocks_give_their_text_not_their_tags() -> None:
    md = (
        '<div class="note">\n<p>Kept &amp; read</p>\n</div>\n\n'
        "<script>\nvar x = '<b>no</b>';\n</script>\n\n<!-- a comment -->\n\nAfter.\n"
    )
    pieces, _ = parse_markdown(md)
    assert [(p.type, p.text) for p in pieces] == [
        ("paragraph", "Kept & read"),
        ("paragraph", "After."),
    ]


def test_tables_code_quotes_images() -> None:
    md = (
        "| a | [b](https://e.x/) |\n|---|:-:|\n| 1 | 2 \\| 3 |\n\n"
        "```python\nprint('hi')\n```\n\n"
        "> quoted *text*\n> - and a list\n\n"
        "[![a photo](https://e.x/p.jpg)](https://e.x/big)\n"
    )
    pieces, _ = parse_markdown(md)
    assert [p.type for p in pieces] == ["table", "code", "quote", "list", "image"]
    assert pieces[0].rows == (("a", "b"), ("1", "2 | 3"))
    assert pieces[0].links == 1
    assert pieces[1].text == "print('hi')"
    assert pieces[2].text == "quoted text"
    assert (pieces[4].src, pieces[4].alt) == ("https://e.x/p.jpg", "a photo")


def test_scraper_indented_list_is_not_code() -> None:
    """html2text keeps a nested list's indent after its parent: links, not code."""
    md = "Sections\n\n    * [Tech](https://e.x/tech)\n\n    * [Health](https://e.x/health)\n"
    pieces, _ = parse_markdown(md)
    assert [p.type for p in pieces] == ["paragraph", "list"]
    assert pieces[1].items == ("Tech", "Health") and pieces[1].link_chars == 10
    # real indented code stays code
    assert _types("Text\n\n    x = 1\n    y = 2\n") == ["paragraph", "code"]


def test_links_the_parser_calls_unsafe_are_still_link_text() -> None:
    md = "[Menu](javascript:void\\(0\\)) and ![lazy](data:image/svg+xml,%3Csvg%3E) words\n"
    (piece,), _ = parse_markdown(md)
    assert piece.text == "Menu and words"
    assert piece.md == "Menu and words"
    assert (piece.link_chars, piece.links) == (4, 1)
    (image,), _ = parse_markdown("![lazy](data:image/svg+xml,%3Csvg%3E)\n")
    assert image.src == "data:image/svg+xml,%3Csvg%3E"


def test_stray_emphasis_marks_and_split_links() -> None:
    pieces, _ = parse_markdown("** ** Share this\n\n[Start of a teaser\n\nits end ](/story)\n")
    assert [p.text for p in pieces] == ["Share this", "Start of a teaser", "its end"]
    assert pieces[2].link_chars == len("its end")


def test_hostile_nesting_is_flattened_not_fatal() -> None:
    """The native parser recurses per level; 50,000 levels would end the process."""
    code = (
        "from declutter.text.markdown import parse_markdown\n"
        "for md in ('>' * 60000 + ' x', '- ' * 60000 + 'x', "
        "'\\n'.join(' ' * (2 * i) + '- x' for i in range(3000))):\n"
        "    pieces, _ = parse_markdown(md)\n"
        "    assert pieces\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]


def test_backticks_used_as_apostrophes() -> None:
    """A lone backtick in a link label made markdown-it-pyrs 0.4 panic; it is literal text."""
    md = "[Don`t miss](https://e.x/a) this.\n\nSome `code` here.\n\n```sh\necho `date` [x`\n```\n"
    pieces, _ = parse_markdown(md)
    assert [p.type for p in pieces] == ["paragraph", "paragraph", "code"]
    assert pieces[0].text == "Don`t miss this."
    assert pieces[0].link_chars == len("Don`t miss")
    assert pieces[1].text == "Some code here."
    assert pieces[2].text == "echo `date` [x`"


def test_escape_lone_backticks_keeps_code_spans() -> None:
    assert escape_lone_backticks("a `b` c `` d ` e `` f") == "a `b` c `` d ` e `` f"
    assert escape_lone_backticks("[a` b\r\n\r\nc`") == "[a\\` b\n\nc\\`"
    assert escape_lone_backticks("```\n[a`\n```\n[b`") == "```\n[a`\n```\n[b\\`"

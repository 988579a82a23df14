"""Markdown-scrape fixtures of our own, each with a hand-checked expected result.

Also: the Markdown output of a Markdown input is valid CommonMark whose structure (headings,
lists, quotes, code, tables) matches the extracted blocks, checked with markdown-it-py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_text_expect import check

import declutter
from declutter.options import Options

markdown_it = pytest.importorskip("markdown_it")

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "markdown"
CASES = sorted(p.stem for p in FIXTURES.glob("*.md") if p.stem != "README")


def _article(name: str) -> declutter.Article:
    data = (FIXTURES / f"{name}.md").read_bytes()
    return declutter.extract(data, source=f"{name}.md", options=Options(explain=True))


def test_fixture_set_has_five_pages() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("name", CASES)
def test_markdown_fixture(name: str) -> None:
    want = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    check(_article(name), want)


@pytest.mark.parametrize("name", CASES)
def test_markdown_output_is_commonmark_with_the_same_structure(name: str) -> None:
    article = _article(name)
    md = markdown_it.MarkdownIt("commonmark").enable("table")
    tokens = md.parse(article.to_markdown())
    opened = [t.type for t in tokens if t.nesting == 1 or t.type in ("fence", "code_block")]
    blocks = [b.type for b in article.blocks]
    headings = [t for t in tokens if t.type == "heading_open"]
    # the headline is the one h1; each heading block is one more heading
    assert headings[0].tag == "h1"
    assert len(headings) == 1 + blocks.count("heading")
    assert opened.count("bullet_list_open") + opened.count("ordered_list_open") == blocks.count(
        "list"
    )
    assert opened.count("blockquote_open") == blocks.count("quote")
    assert opened.count("fence") == blocks.count("code")
    assert opened.count("table_open") == blocks.count("table")
    # list items survive one to one
    items = sum(len(b.items) for b in article.blocks if b.type == "list")
    assert opened.count("list_item_open") == items
    # code comes back verbatim
    fences = [t.content.rstrip("\n") for t in tokens if t.type == "fence"]
    assert fences == [b.text for b in article.blocks if b.type == "code"]


@pytest.mark.parametrize("name", CASES)
def test_markdown_links_kept_in_md_plain_in_text(name: str) -> None:
    article = _article(name)
    for block in article.blocks:
        assert "](" not in block.text
        assert "![" not in block.text


def test_inline_links_and_emphasis() -> None:
    article = declutter.extract(
        "# A title for the page\n\n"
        + "Some **bold** text with [a link](https://example.com/x) in a long enough paragraph "
        "that reads like prose, so that it is kept as the body of this small page.\n",
        input="markdown",
    )
    (block,) = article.blocks
    assert block.text.startswith("Some bold text with a link in a long")
    assert block.md is not None and "[a link](https://example.com/x)" in block.md
    assert "**bold**" in article.to_markdown()


def test_reader_header_gives_metadata() -> None:
    article = _article("reader_ja")
    assert article.url == "https://news.example.jp/articles/2024/05/wagashi"


def test_yaml_front_matter() -> None:
    text = (
        "---\ntitle: Front matter title\nauthor: Ana Lima\ndate: 2023-01-02\n---\n\n"
        "A paragraph long enough to be the body of the page, with a full stop at its end, "
        "and some more words to make it count as real prose.\n"
    )
    article = declutter.extract(text, input="markdown")
    assert article.headline == "Front matter title"
    assert article.authors == ("Ana Lima",)
    assert article.published == "2023-01-02"
    assert len(article.blocks) == 1

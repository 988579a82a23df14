"""Inputs the fuzzers broke declutter with, kept so they stay fixed.

Every ``tests/fixtures/fuzz/<name>.bin`` (see fuzz/README.md, "Triage") is extracted as every
input kind: the result is an Article or a DeclutterError, its record validates against the
shipped schema, and its outputs carry nothing live (the atheris target's own checks).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import declutter
from declutter.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "fuzz").glob("*.bin"))
KINDS = ("auto", "html", "text", "markdown")


def _load_target() -> Any:
    path = ROOT / "fuzz" / "extract.py"
    spec = importlib.util.spec_from_file_location("declutter_fuzz_target", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


target = _load_target()
validator = Draft202012Validator(article_schema())


def test_there_are_fixtures() -> None:
    assert FIXTURES, "tests/fixtures/fuzz/ is empty"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fuzz_regression(path: Path, kind: str) -> None:
    data = path.read_bytes()
    for explain in (False, True):
        options = declutter.Options(explain=explain)
        try:
            article = declutter.extract(data, input=kind, options=options)  # type: ignore[arg-type]
        except declutter.DeclutterError:
            continue
        assert isinstance(article, declutter.Article)
        record = article.to_dict(explain=explain)
        errors = [e.message[:200] for e in validator.iter_errors(record)]
        assert not errors, errors
        target.check_article(article, kind)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "page",
    [
        "# T\n\nA paragraph with a lone surrogate \ud800 in it, long enough to be prose.",
        "<p>A paragraph with a lone surrogate \udfff in it, long enough to be prose.</p>",
        "Headline\n\nBody text \ud83d with half a pair of surrogates and more words.",
    ],
)
def test_str_with_lone_surrogates(page: str, kind: str) -> None:
    """A str input with lone surrogates: every output still encodes to UTF-8 (the Markdown
    parser raised UnicodeEncodeError on them)."""
    article = declutter.extract(page, input=kind)  # type: ignore[arg-type]
    target.check_article(article, kind)


def _article(**fields: Any) -> declutter.Article:
    blocks = tuple(declutter.Block(**b) for b in fields.pop("blocks", ()))
    return declutter.Article(blocks=blocks, **fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"headline": "<script>alert(1)</script> and <javascript:alert(2)>"},
        {"breadcrumb": ("<img src=x onerror=alert(1)>", "[x](javascript:alert(2))")},
        {"authors": ("<script>a</script>",), "site_name": "<b onclick=x()>S</b>"},
        {"url": "javascript:alert(1)"},
        {"url": "https://e.org/a b <script>"},
        {"blocks": [{"type": "image", "src": " JaVaScRiPt:alert(1)", "alt": "<script>"}]},
        {"blocks": [{"type": "image", "src": "https://e.org/i.png", "caption": "<script>x"}]},
        {
            "blocks": [
                {"type": "table", "rows": (("<script>alert(1)</script>", "[a](javascript:b)"),)}
            ]
        },
        {"blocks": [{"type": "code", "text": "````\n<script>alert(1)</script>\n````"}]},
        {"blocks": [{"type": "paragraph", "text": "t", "md": "[x](javascript:alert(1)) <script>"}]},
        {"blocks": [{"type": "paragraph", "text": "t", "md": "![x](<java\tscript:alert(1)>)"}]},
        {"blocks": [{"type": "paragraph", "text": "t", "md": "[x](&#106;avascript:alert(1))"}]},
        {"blocks": [{"type": "paragraph", "text": "t", "md": "<a href=x onclick=y()>z</a>"}]},
        {"blocks": [{"type": "heading", "text": "t", "md": "<javascript:alert(1)>", "level": 2}]},
        {"blocks": [{"type": "quote", "text": "t", "md": "[q](vbscript:msgbox(1))"}]},
        {
            "blocks": [
                {"type": "list", "items": ("a", "b"), "md_items": ("[r]: javascript:x", "[r]")},
            ]
        },
    ],
)
def test_markdown_output_carries_nothing_live(fields: dict[str, Any]) -> None:
    """Found by the fuzzers: metadata, captions, cells, code and a scrape's own inline Markdown
    reached the Markdown output unescaped (a page titled '&lt;script&gt;…' gave a live script)."""
    md = _article(**fields).to_markdown()
    assert not target.live_markdown(md), md


def test_defang_keeps_what_is_safe() -> None:
    md = _article(
        blocks=[
            {
                "type": "paragraph",
                "text": "t",
                "md": "[ok](https://e.org/a) <https://e.org/b> `<script>` **b**",
            }
        ]
    ).to_markdown()
    assert "[ok](https://e.org/a)" in md and "<https://e.org/b>" in md and "`<script>`" in md

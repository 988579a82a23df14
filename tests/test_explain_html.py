"""--explain on HTML pages: every visible block that is not in the body is in ``removed``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import declutter
import declutter.pipeline
from declutter.decode import decode
from declutter.html.explain import REASONS, reason_kind
from declutter.html.parse import parse_html
from declutter.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests" / "fixtures" / "cases").glob("*/source.html"))
TEXT_CASES = sorted((ROOT / "tests" / "fixtures" / "text").glob("*/*.txt"))
EXPLAIN = declutter.Options(explain=True)
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "select", "head")


def _visible_pieces(raw: bytes) -> list[str]:
    """The text nodes a browser shows on the page, white space removed."""
    root = parse_html(decode(raw, is_html=True))
    for el in list(root.iter(*_INVISIBLE)):
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    pieces = ("".join(t.split()) for t in (body.itertext() if body is not None else ()))
    return [p for p in pieces if p]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_every_visible_text_is_in_the_body_or_removed(path: Path) -> None:
    """Compared without white space: adjacent links read "NewsCity" in a browser and here."""
    raw = path.read_bytes()
    article = declutter.extract(raw, options=EXPLAIN)
    parts = [article.text, *(r.text for r in article.removed)]
    parts += [f"{b.alt or ''}{b.caption or ''}" for b in article.blocks]
    seen = "".join("".join(parts).split())
    pieces = _visible_pieces(raw)
    missing = [p for p in pieces if p not in seen]
    total = sum(len(p) for p in pieces)
    assert sum(len(p) for p in missing) <= 0.02 * total, missing[:20]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_removed_is_in_page_order_and_in_the_vocabulary(path: Path) -> None:
    article = declutter.extract(path.read_bytes(), options=EXPLAIN)
    assert article.removed
    places = [r.at for r in article.removed]
    assert all(isinstance(p, int) for p in places)
    assert places == sorted(places)  # type: ignore[type-var]
    assert all(0 <= p <= len(article.blocks) for p in places)  # type: ignore[operator]
    assert {reason_kind(r.reason) for r in article.removed} <= set(REASONS)


PAGE = """<!DOCTYPE html><html lang="en"><head><title>A walk by the river</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<p hidden>Only for screen readers who asked for it, and hidden from everyone else on the page.</p>
<main><article class="post-body">
<h1>A walk by the river</h1>
<p>The river path opened again this spring after two years of repairs to its banks and its
bridges, and on the first warm Sunday it was full of walkers, cyclists and families.</p>
<p>Share this article</p>
<p>Volunteers planted four hundred trees along the upper stretch, where the floods had taken
the old willows, and the council promised benches and a water fountain by the summer.</p>
<p>Photo: Jane Doe/Reuters</p>
<p>Most people we met said the new surface is kinder to prams and wheelchairs than the old
gravel, though a few cyclists asked for a separate lane on the busy weekend afternoons.</p>
</article></main>
<aside class="sidebar"><p>A sidebar note about other walks in the county that you might enjoy
this season, with maps, opening times and where to park the car near each of them.</p></aside>
<div class="newsletter"><p>Get our weekly walks newsletter in your inbox every Friday.</p></div>
<section id="comments">
<p>Lovely piece, we walked it last weekend and it was wonderful.</p></section>
<form><p>Search the site for more walks</p><button>Search</button></form>
<div class="site-info">
<p>Walks is a small magazine about walking, made by volunteers in the county.</p></div>
<footer><p><a href="/about">About</a> <a href="/contact">Contact</a></p></footer>
</body></html>"""


def test_each_kind_of_clutter_gets_its_reason() -> None:
    article = declutter.extract(PAGE, options=EXPLAIN)
    why = {r.text: r.reason for r in article.removed}
    assert why["Home\nNews"] == "navigation"
    assert why[next(t for t in why if t.startswith("Only for screen readers"))] == "hidden"
    assert why["A walk by the river"] == "headline"
    assert why["Share this article"] == "boilerplate"
    assert why["Photo: Jane Doe/Reuters"] == "caption"
    assert why[next(t for t in why if t.startswith("A sidebar note"))] == "sidebar"
    assert why["Get our weekly walks newsletter in your inbox every Friday."] == "prompt"
    assert why["Lovely piece, we walked it last weekend and it was wonderful."] == "comments"
    assert why["Search the site for more walks"] == "form"
    assert why["Search"] == "form"
    outro = "Walks is a small magazine about walking, made by volunteers in the county."
    assert why[outro] == "outside_article: article.post-body"
    assert why["About Contact"] == "navigation"
    # placed among the three body paragraphs as they stood
    at = {r.text: r.at for r in article.removed}
    assert at["Share this article"] == 1 and at["Photo: Jane Doe/Reuters"] == 2
    assert at["Home\nNews"] == 0 and at["About Contact"] == 3


def test_explain_off_builds_no_trace(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refuse:
        def __init__(self, *args: object) -> None:
            raise AssertionError("a Trace was built without --explain")

    monkeypatch.setattr(declutter.pipeline, "Trace", Refuse)
    article = declutter.extract(PAGE)
    assert article.blocks and article.removed == ()


def test_vocabulary_is_the_schema_pattern() -> None:
    items = article_schema()["$defs"]["article"]["properties"]["removed"]["items"]
    pattern = items["properties"]["reason"]["pattern"]
    words = re.match(r"\^\((.*)\)\(", pattern).group(1).split("|")  # type: ignore[union-attr]
    assert words == list(REASONS)


@pytest.mark.parametrize("path", TEXT_CASES, ids=lambda p: p.parent.name)
def test_text_reasons_are_in_the_vocabulary(path: Path) -> None:
    article = declutter.extract(path.read_bytes(), input="text", options=EXPLAIN)
    assert {reason_kind(r.reason) for r in article.removed} <= set(REASONS)


def test_readme_lists_the_vocabulary() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Looking at the result", 1)[1].split("\n## ", 1)[0]
    for word in REASONS:
        assert f"`{word}`" in section, word


def test_site_template_blocks_are_placed_and_the_rest_shift(tmp_path: Path) -> None:
    """Site learning drops body blocks after extraction: every ``at`` still counts kept blocks."""
    import json

    from typer.testing import CliRunner

    from declutter.cli import app

    site = ROOT / "tests" / "fixtures" / "site"
    out = tmp_path / "out.jsonl"
    args = [str(site), "--explain", "-f", "jsonl", "-q", "-j", "1", "-o", str(out)]
    CliRunner().invoke(app, args, catch_exceptions=False)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    template = 0
    for record in records:
        places = [r.get("at") for r in record.get("removed", ())]
        assert None not in places and places == sorted(places), record["source"]
        assert all(0 <= p <= len(record["blocks"]) for p in places)
        template += sum(r["reason"].startswith("site template") for r in record["removed"])
    assert template > 0


def test_other_products_cards_are_accounted_as_related() -> None:
    from pagekit import MUG_DESCRIPTION, MUG_STORY, card_row, product_page

    body = (
        f"<div class='description'><p>{MUG_DESCRIPTION}</p><p>{MUG_STORY}</p></div>"
        f"<div class='more'><h2>People also viewed</h2><ul class='grid'>{card_row(6)}</ul></div>"
        f"<div class='care'><h2>Care</h2><p>{MUG_STORY}</p></div>"
    )
    article = declutter.extract(
        product_page(body), url="https://shop.example/products/mug", options=EXPLAIN
    )
    assert article.page_type == "product"
    why = {r.text: r.reason for r in article.removed}
    assert why["People also viewed"] == "related"
    row = next(t for t in why if t.startswith("Bowl number 0"))
    assert why[row] == "related"

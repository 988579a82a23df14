"""HTML outputs: well-formed, one <h1>, headings in order, lang set, and nothing live in them."""

from __future__ import annotations

import itertools
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from lxml import etree, html

import declutter
from declutter.batch.jobs import Outcome, Summary
from declutter.batch.report import BatchReport
from declutter.view import render_html
from declutter.view.inline import inline
from declutter.view.report import index_page, render_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "cases" / "seed-html" / "source.html"
HOSTILE = FIXTURES / "hostile" / "page.html"
CASES = sorted(p for p in (FIXTURES / "cases").glob("*/source.*") if p.suffix != ".md")
EXPLAIN = declutter.Options(explain=True)
_LIVE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def parse_back(page: str) -> html.HtmlElement:
    """The page read by lxml's HTML parser, which must report no error."""
    parser = etree.HTMLParser(recover=True)
    etree.fromstring(page.encode("utf-8"), parser)
    errors = [f"{e.line}: {e.message}" for e in parser.error_log]
    assert not errors, errors[:5]
    assert page.startswith("<!DOCTYPE html>")
    return html.fromstring(page)


def check_structure(page: str, language: str | None) -> html.HtmlElement:
    root = parse_back(page)
    assert root.get("lang") == (language or "und")
    assert len(root.findall(".//h1")) == 1
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    for landmark in ("header", "main", "footer"):
        assert root.find(f".//{landmark}") is not None, landmark
    return root


def live_parts(root: html.HtmlElement, *, images: bool) -> list[str]:
    """Anything that could run or load: scripts, frames, handlers, live or foreign URLs."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("script", "iframe", "object", "embed", "frame", "base", "form", "link"):
            found.append(f"<{el.tag}>")
        for name, value in el.attrib.items():
            if name.lower().startswith("on") or name.lower() in ("srcdoc", "formaction"):
                found.append(f"{el.tag} {name}")
            if name.lower() in ("href", "src", "action", "data", "cite") and _LIVE_URL.match(value):
                found.append(f"{el.tag} {name}={value[:40]}")
        if el.tag == "img":
            src = el.get("src", "")
            if not images or not src.startswith(("http://", "https://")):
                found.append(f"img src={src[:40]}")
        if el.tag == "meta" and el.get("http-equiv", "").lower() == "refresh":
            found.append("meta refresh")
    return found


def test_article_page_of_the_seed() -> None:
    article = declutter.extract(SEED.read_bytes(), url="https://example.org/a")
    page = article.to_html()
    root = check_structure(page, article.language)
    assert root.findtext(".//h1") == article.headline
    assert root.find(".//article") is not None
    assert len(root.findall(".//article/p")) == len(article.blocks)
    assert not root.findall(".//*[@class='cut']")
    assert root.find(".//a[@href]") is not None  # the body's links are kept
    csp = root.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert csp is not None and "default-src 'none'" in csp.get("content", "")
    assert not live_parts(root, images=True)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_every_golden_page_renders_well_formed(path: Path) -> None:
    article = declutter.extract(path.read_bytes(), options=EXPLAIN)
    for explain in (False, True):
        root = check_structure(article.to_html(explain=explain), article.language)
        assert not live_parts(root, images=True)


def test_explain_view_puts_every_removed_block_in_place() -> None:
    article = declutter.extract(SEED.read_bytes(), options=EXPLAIN)
    root = check_structure(article.to_html(explain=True), article.language)
    cuts = root.find_class("cut")
    assert [c.findtext("del") for c in cuts] == [r.text for r in article.removed]
    assert [c.findtext("span") for c in cuts] == [r.reason for r in article.removed]
    kinds = {r.reason.split(":")[0] for r in article.removed}
    boxes = root.findall(".//input[@type='checkbox']")
    assert len(boxes) == len(kinds)
    style = root.findtext(".//style")
    for box in boxes:
        assert f"#{box.get('id')}:not(:checked)" in style
    # each removed block stands before the body block it preceded on the page
    body = [el for el in root.find(".//article") if "cut" not in el.get("class", "")]
    assert len(body) == len(article.blocks)
    first_body = root.find(".//article/p")
    before = [e for e in first_body.itersiblings(preceding=True) if "cut" in e.get("class", "")]
    assert len(before) == sum(1 for r in article.removed if r.at == 0)


def test_explain_view_shows_where_metadata_came_from() -> None:
    article = declutter.extract(SEED.read_bytes(), options=EXPLAIN)
    record = article.to_render_dict(explain=True)
    record["sources"] = {"headline": "og:title", "published": "JSON-LD datePublished"}
    root = parse_back(render_html(record))
    panel = root.find_class("meta")[0]
    assert "from og:title" in panel.text_content()
    assert "from JSON-LD datePublished" in panel.text_content()


def test_hostile_page_leaves_nothing_live() -> None:
    for url in (None, "https://example.org/a"):
        article = declutter.extract(HOSTILE.read_bytes(), url=url, options=EXPLAIN)
        assert article.blocks
        for explain in (False, True):
            page = article.to_html(explain=explain)
            root = check_structure(page, article.language)
            assert not live_parts(root, images=True), live_parts(root, images=True)
            assert "alert(" not in "".join(root.xpath("//@*"))
            # the escaped payloads are there, as text a reader can see
            assert "<script>alert('escaped text')</script>" in root.text_content()


def test_text_scrape_explain_places_removed_lines() -> None:
    text = next((FIXTURES / "text" / "seed").glob("*.txt")).read_text(encoding="utf-8")
    article = declutter.extract(text, input="text", options=EXPLAIN)
    assert article.removed
    placed = [r.at for r in article.removed if r.at is not None]
    assert len(placed) >= len(article.removed) * 0.8
    assert placed == sorted(placed)
    check_structure(article.to_html(explain=True), article.language)


def test_inline_markdown_becomes_links_and_emphasis() -> None:
    nodes = inline("See the docs now", r"See [the *docs*](https://example.org/d) now")
    link = nodes[1]
    assert link.tag == "a" and link.get("href") == "https://example.org/d"
    assert link[0].tag == "em"
    # a link to anything but http(s)/mailto keeps its text, not its target
    nodes = inline("run me", "[run me](javascript:alert%281%29)")
    assert nodes[0].tag == "span" and nodes[0].get("href") is None
    # when the Markdown does not spell the text, the text is shown as it is
    assert inline("a*b", "a*b*c") == ["a*b"]


def test_inline_parser_gives_up_quickly_on_pathological_markdown() -> None:
    md = "[" * 5000 + "*" * 5000 + "](" * 2000
    start = time.perf_counter()
    nodes = inline("x", md)
    assert time.perf_counter() - start < 1.0
    assert nodes == ["x"]


def test_characters_xml_cannot_hold_are_dropped_not_fatal() -> None:
    record: dict[str, Any] = {
        "headline": "Bell\x07 and \ud800 surrogate",
        "language": "en",
        "blocks": [{"type": "paragraph", "text": "nul \x00 here"}],
    }
    root = check_structure(render_html(record), "en")
    assert root.findtext(".//h1") == "Bell and  surrogate"


def test_report_page_has_charts_and_every_figure_in_json() -> None:
    rep = BatchReport()
    seed = declutter.extract(SEED.read_bytes(), options=EXPLAIN)
    rep.add(Outcome(0, "a.html", article=seed, seconds=0.25))
    rep.add(Outcome(1, "b.html", article=declutter.Article(language="fr"), status="empty"))
    err = declutter.InputError("c.html", "binary data, not a page\nsecond line")
    rep.add(Outcome(2, "c.html", error=err, status="failed", seconds=0.5))
    summary = Summary(read=3, extracted=1, empty=1, failed=1, seconds=1.0)
    summary.failures.append({"source": "c.html", "type": "InputError", "message": err.message})
    data = rep.to_dict(summary)
    assert data["slowest"][0] == {"source": "c.html", "seconds": 0.5, "status": "failed"}
    assert data["removal_reasons"]["navigation"] > 0
    assert data["languages"] == {"en-US": 1, "fr": 1}
    assert sum(data["body_words"].values()) == 2
    root = parse_back(render_report(data))
    assert len(root.findall(".//svg")) == 4
    assert not live_parts(root, images=False)
    text = root.text_content()
    assert "InputError: binary data, not a page" in text and "second line" not in text
    for key in ("read", "extracted", "empty", "failed"):
        assert f"{data[key]:,}" in text
    for reason, n in data["removal_reasons"].items():
        assert reason in text and f"{n:,}" in text


def test_index_page_escapes_and_links_relative_paths_only() -> None:
    rows = [
        {"source": "a.html", "href": "a.html", "headline": "<b>A</b>", "words": 1200},
        {"source": "b.html", "href": "javascript:alert(1)", "headline": "B"},
        {"source": "c.html", "error": "failed: no"},
    ]
    root = parse_back("".join(index_page(rows)))
    links = root.findall(".//tbody//a")
    assert [a.get("href") for a in links] == ["a.html"]
    assert links[0].text == "<b>A</b>"
    assert "1,200" in root.text_content() and "failed: no" in root.text_content()


def _cli(*args: str) -> Any:
    from typer.testing import CliRunner

    from declutter.cli import app

    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def batch_dir(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "seed.html").write_bytes(SEED.read_bytes())
    (pages / "sub" / "hostile.html").write_bytes(HOSTILE.read_bytes())
    (pages / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    return pages


def test_cli_html_batch_writes_a_page_per_input_and_an_index(
    batch_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "clean"
    report = tmp_path / "report.json"
    result = _cli(
        str(batch_dir), "-o", str(out), "-f", "html", "-q", "-j", "1", "--report", str(report)
    )
    assert result.exit_code == 1  # broken.html failed; the others were written
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert len(pages) == 3 and "index.html" in pages
    index = parse_back((out / "index.html").read_text(encoding="utf-8"))
    hrefs = sorted(a.get("href") for a in index.findall(".//tbody//a"))
    assert hrefs == sorted(p for p in pages if p != "index.html")
    assert "failed: binary data, not a page" in index.text_content()
    for href in hrefs:
        root = check_structure(
            (out / href).read_text(encoding="utf-8"), "en" if "hostile" in href else "en-US"
        )
        assert not root.find_class("cut")  # no --explain: the plain article
    data = json.loads(report.read_text(encoding="utf-8"))
    assert {"slowest", "removal_reasons", "body_words", "page_types", "languages"} <= set(data)
    assert data["removal_reasons"].get("navigation", 0) > 0  # counted without --explain


def test_cli_html_report_and_explain_pages(batch_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    report = tmp_path / "report.html"
    _cli(str(batch_dir), "-o", str(out), "-f", "html", "--explain", "-q", "--report", str(report))
    root = parse_back(report.read_text(encoding="utf-8"))
    assert len(root.findall(".//svg")) == 4 and not live_parts(root, images=False)
    seed = next(out.glob("seed*.html"))
    assert parse_back(seed.read_text(encoding="utf-8")).find_class("cut")


def test_cli_html_batch_needs_an_output_directory(batch_dir: Path) -> None:
    result = _cli(str(batch_dir), "-f", "html")
    assert result.exit_code == 2


def test_cli_single_page_as_html(tmp_path: Path) -> None:
    result = _cli(str(SEED), "-f", "html", "--explain")
    assert result.exit_code == 0
    root = check_structure(result.stdout, "en-US")
    assert root.find_class("cut") and root.find_class("meta")

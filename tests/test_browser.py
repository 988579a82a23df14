"""The HTML outputs in a real browser: what a person sees, and that nothing on a page runs.

Debian's chromium driven by Playwright (``.ci/browser`` installs both; no browser is
downloaded).  Skipped where either is missing.  Screenshots go under the run's tmp directory;
with DECLUTTER_WRITE_DOCS=1 the explain view of the seed page is also written to
docs/explain.png for the README.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (run .ci/browser)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDE = {"width": 1400, "height": 900}
NARROW = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A batch of pages written as HTML (explain view), its index and its report."""
    pages = tmp_path_factory.mktemp("pages")
    shutil.copy(FIXTURES / "cases" / "seed-html" / "source.html", pages / "seed.html")
    shutil.copy(FIXTURES / "hostile" / "page.html", pages / "hostile.html")
    shutil.copy(FIXTURES / "cases" / "de-news" / "source.html", pages / "de-news.html")
    (pages / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    out = tmp_path_factory.mktemp("clean")
    explained = out / "explain"
    command = [sys.executable, "-m", "declutter", str(pages), "-q", "-j", "1", "-f", "html"]
    done = subprocess.run(
        [*command, "--explain", "-o", str(explained), "--report", str(out / "report.html")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr  # broken.html fails, the rest are written
    plain = out / "plain"
    subprocess.run([*command, "-o", str(plain)], capture_output=True, check=False)
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    return {
        "article": _one(plain, "seed"),
        "hostile": _one(plain, "hostile"),
        "explain": _one(explained, "seed"),
        "hostile_explain": _one(explained, "hostile"),
        "index": explained / "index.html",
        "report": out / "report.html",
        "shots": shots,
    }


def _one(folder: Path, stem: str) -> Path:
    found = list(folder.glob(f"{stem}*.html"))
    assert len(found) == 1, found
    return found[0]


class Watch:
    """Everything a page tries: requests, console messages, dialogs, errors."""

    def __init__(self, context: Any, page: Any) -> None:
        self.requests: list[str] = []
        self.routed: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        context.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
            return
        self.routed.append(url)
        route.abort()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _open(
    browser: Any, path: Path, viewport: dict[str, int] = WIDE, **kw: Any
) -> tuple[Any, Any, Watch]:
    context = browser.new_context(viewport=viewport, java_script_enabled=True, **kw)
    page = context.new_page()
    watch = Watch(context, page)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return context, page, watch


def _quiet(watch: Watch, own: Path) -> None:
    assert watch.dialogs == [] and watch.errors == [] and watch.console == []
    assert watch.routed == []
    assert set(watch.requests) <= {own.as_uri()}, watch.requests


def test_article_page_reads_at_phone_and_desktop_width(browser: Any, site: dict[str, Path]) -> None:
    for name, viewport in (("narrow", NARROW), ("wide", WIDE)):
        context, page, watch = _open(browser, site["article"], viewport)
        h1 = page.locator("h1")
        assert h1.count() == 1 and h1.is_visible()
        assert "Robert Rodriguez" in h1.inner_text()
        assert page.locator("main article p").count() >= 3
        assert page.locator(".cut").count() == 0
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: {overflow}px of horizontal scrolling"
        page.screenshot(path=str(site["shots"] / f"article-{name}.png"), full_page=True)
        _quiet(watch, site["article"])
        context.close()


def test_explain_page_hides_and_shows_each_reason(browser: Any, site: dict[str, Path]) -> None:
    context, page, watch = _open(browser, site["explain"])
    cuts = page.locator(".cut")
    assert cuts.count() > 20 and cuts.first.is_visible()
    assert page.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine") == (
        "line-through"
    )
    nav = page.locator(".r-navigation")
    others = page.locator(".cut:not(.r-navigation)")
    assert nav.first.is_visible()
    page.screenshot(path=str(site["shots"] / "explain.png"))
    if os.environ.get("DECLUTTER_WRITE_DOCS") == "1":
        # down to the first body paragraphs, so the clutter is seen around the article
        clip = {"x": 0, "y": 0, "width": WIDE["width"], "height": 1700}
        page.screenshot(path=str(ROOT / "docs" / "explain.png"), full_page=True, clip=clip)
    page.get_by_label("navigation", exact=False).first.uncheck()
    assert not nav.first.is_visible() and others.first.is_visible()
    page.screenshot(path=str(site["shots"] / "explain-no-navigation.png"))
    page.get_by_label("navigation", exact=False).first.check()
    assert nav.first.is_visible()
    for box in page.locator("input[type=checkbox]").all():
        box.uncheck()
    assert page.locator(".cut:visible").count() == 0
    assert page.locator("main article p:visible").count() >= 3  # the body stays
    panel = page.locator(".meta")
    assert panel.is_visible() and "Marquee Beat" in panel.inner_text()
    _quiet(watch, site["explain"])
    context.close()


def test_batch_report_shows_counts_charts_and_failures(browser: Any, site: dict[str, Path]) -> None:
    context, page, watch = _open(browser, site["report"])
    charts = page.locator("svg.chart")
    assert charts.count() == 4
    for k in range(4):
        assert charts.nth(k).is_visible()
        assert charts.nth(k).bounding_box()["width"] > 250
    assert page.locator("svg.chart rect").count() >= 6
    text = page.locator("main").inner_text()
    assert "broken.html" in text and "InputError" in text
    assert "Slowest pages" in text
    page.screenshot(path=str(site["shots"] / "report.png"), full_page=True)
    _quiet(watch, site["report"])
    context.close()


def test_index_links_every_page(browser: Any, site: dict[str, Path]) -> None:
    context, page, watch = _open(browser, site["index"], color_scheme="dark")
    links = page.locator("tbody a")
    assert links.count() == 3
    page.screenshot(path=str(site["shots"] / "index-dark.png"))
    page.get_by_role("link", name="Robert Rodriguez", exact=False).click()
    page.wait_for_load_state("load")
    assert "Robert Rodriguez" in page.locator("h1").inner_text()
    assert watch.dialogs == [] and watch.console == [] and watch.routed == []
    context.close()


@pytest.mark.parametrize("which", ["hostile", "hostile_explain"])
def test_hostile_page_runs_and_loads_nothing(
    browser: Any, site: dict[str, Path], which: str
) -> None:
    context, page, watch = _open(browser, site[which])
    page.mouse.move(200, 200)
    for el in page.locator("main p, main h1, main h2, main td, main li, .cut").all()[:40]:
        if el.is_visible():
            el.hover(timeout=1000)  # the page's onmouseover handlers, had any survived
    page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    assert "alert('escaped text')" in page.locator("main").inner_text()
    page.screenshot(path=str(site["shots"] / f"{which}.png"), full_page=True)
    _quiet(watch, site[which])
    context.close()

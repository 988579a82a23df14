"""The batch report as one HTML page, drawn from the same dict the JSON report writes.

Because the page is drawn from the JSON report's dict, every figure it shows is in the JSON.
No image, no script, nothing from a page but escaped text (sources, headlines, error lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from lxml import html

from .charts import CHART_CSS, bar_chart
from .kit import CSS, add, document, el, safe_url

Report = Mapping[str, Any]

REPORT_CSS = """
.report .counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));
gap:.6rem;margin:1rem 0;padding:0;list-style:none}
.report .counts li{background:var(--panel);border:1px solid var(--rule);border-radius:6px;
padding:.5rem .75rem}
.report .counts b{display:block;font-size:1.5rem;line-height:1.2}
.report .counts span{color:var(--muted);font-size:.85rem}
.report table{display:table;width:100%}
.report td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.wrap.wide{max-width:72rem}
@media (min-width:62rem){.report .charts{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem}}
"""

_COUNTS = (
    ("read", "read"),
    ("extracted", "extracted"),
    ("empty", "empty"),
    ("failed", "failed"),
    ("skipped", "skipped (resumed)"),
    ("template_blocks_dropped", "site-template blocks dropped"),
    ("pages_per_second", "pages per second"),
    ("seconds", "seconds"),
)
#: Failures listed on the page (all of them stay in the JSON).
MAX_FAILURES = 200


def render_report(report: Report) -> str:
    """The report page: counts, charts, failures and the slowest pages."""
    body = el("div", class_="wrap wide report")
    add(
        body,
        el("header", el("h1", "declutter batch report"), class_="page"),
        el("main", _counts(report), _charts(report), _failures(report), _slowest(report)),
        el("footer", el("p", "Every figure on this page is also in the JSON report.")),
    )
    css = CSS + CHART_CSS + REPORT_CSS
    return document("declutter batch report", "en", el("body", body), css=css)


def _counts(report: Report) -> html.HtmlElement:
    items = []
    for key, label in _COUNTS:
        value = report.get(key)
        if isinstance(value, (int, float)):
            shown = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
            items.append(el("li", el("b", shown), el("span", label)))
    return el("section", el("h2", "Counts"), el("ul", items, class_="counts"), aria_label="Counts")


def _pairs(mapping: object) -> list[tuple[str, int]]:
    if not isinstance(mapping, Mapping):
        return []
    return [(str(k), int(v)) for k, v in mapping.items() if isinstance(v, int)]


def _ranked(mapping: object) -> list[tuple[str, int]]:
    return sorted(_pairs(mapping), key=lambda kv: (-kv[1], kv[0]))


def _charts(report: Report) -> html.HtmlElement:
    charts = [
        bar_chart(
            "Removed blocks by reason",
            _ranked(report.get("removal_reasons")),
            chart_id="reasons",
            unit="blocks",
        ),
        bar_chart("Body length (words)", _pairs(report.get("body_words")), chart_id="lengths"),
        bar_chart("Page types", _ranked(report.get("page_types")), chart_id="types"),
        bar_chart("Languages", _ranked(report.get("languages")), chart_id="languages"),
    ]
    return el("section", el("h2", "The batch at a glance"), el("div", charts, class_="charts"))


def _failures(report: Report) -> html.HtmlElement:
    failures = [f for f in report.get("failures") or () if isinstance(f, Mapping)]
    section = el("section", el("h2", f"Failures ({len(failures):,})"), aria_label="Failures")
    if not failures:
        return add(section, el("p", "None: every input gave a record."))
    rows = [
        el("tr", el("td", str(f.get("source", ""))), el("td", _error_line(f)))
        for f in failures[:MAX_FAILURES]
    ]
    head = el("tr", el("th", "input", scope="col"), el("th", "error", scope="col"))
    add(section, el("table", el("thead", head), el("tbody", rows)))
    if len(failures) > MAX_FAILURES:
        add(section, el("p", f"… and {len(failures) - MAX_FAILURES:,} more in the JSON report."))
    return section


def _error_line(failure: Mapping[str, Any]) -> str:
    message = str(failure.get("message", "")).splitlines()
    return f"{failure.get('type', 'Error')}: {message[0] if message else ''}"


def _slowest(report: Report) -> html.HtmlElement:
    slow = [s for s in report.get("slowest") or () if isinstance(s, Mapping)]
    section = el("section", el("h2", "Slowest pages"), aria_label="Slowest pages")
    if not slow:
        return add(section, el("p", "No timings were recorded."))
    head = el(
        "tr",
        el("th", "input", scope="col"),
        el("th", "seconds", scope="col"),
        el("th", "status", scope="col"),
    )
    rows = [
        el(
            "tr",
            el("td", str(s.get("source", ""))),
            el("td", f"{float(s.get('seconds') or 0):.3f}", class_="n"),
            el("td", str(s.get("status", ""))),
        )
        for s in slow
    ]
    return add(section, el("table", el("thead", head), el("tbody", rows)))


_MARK = "rows-follow-here"


def index_page(rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """``index.html`` of a batch written as HTML, in pieces (rows stream from a spool file)."""
    head = el(
        "tr",
        [el("th", h, scope="col") for h in ("headline", "site", "page type", "words", "input")],
    )
    table = el("table", el("thead", head), el("tbody", el("tr", id=_MARK)))
    body = el(
        "div",
        el("header", el("h1", "Cleaned pages"), class_="page"),
        el("main", table),
        class_="wrap wide report",
    )
    page = document("Cleaned pages", "en", el("body", body), css=CSS + REPORT_CSS)
    before, after = page.split(f'<tr id="{_MARK}"></tr>', 1)
    yield before
    for row in rows:
        yield _index_row(row)
    yield after


def _index_row(row: Mapping[str, Any]) -> str:
    headline = str(row.get("headline") or row.get("error") or "(no headline)")
    href = row.get("href")
    first: Any = headline
    if isinstance(href, str) and href and not safe_url(href) and ":" not in href.split("/")[0]:
        first = el("a", headline, href=href)
    words = row.get("words")
    tr = el(
        "tr",
        el("td", first),
        el("td", str(row.get("site") or "")),
        el("td", str(row.get("page_type") or "")),
        el("td", f"{words:,}" if isinstance(words, int) else "", class_="n"),
        el("td", str(row.get("source") or "")),
    )
    out: str = html.tostring(tr, encoding="unicode", method="html")
    return out

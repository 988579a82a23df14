"""Inline SVG bar charts (no script, no external asset), each with its figures as a table.

A chart is a picture for the eye; the table beside it (folded in a ``<details>``) holds the same
numbers for a screen reader, a copy-paste, or a printout.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import html

from .kit import el

#: Geometry of a horizontal bar chart, in SVG user units (it scales to the column's width).
WIDTH = 520
ROW = 26
LABEL = 170
COUNT = 60
MAX_BARS = 20


def bar_chart(
    title: str, rows: Sequence[tuple[str, int]], *, chart_id: str, unit: str = "pages"
) -> html.HtmlElement:
    """A figure: a titled horizontal bar chart of ``(label, count)`` and the table behind it."""
    shown = list(rows[:MAX_BARS])
    rest = sum(n for _, n in rows[MAX_BARS:])
    if rest:
        shown.append((f"{len(rows) - MAX_BARS} more", rest))
    top = max((n for _, n in shown), default=0) or 1
    height = max(1, len(shown)) * ROW + 8
    title_id = f"{chart_id}-title"
    svg = el(
        "svg",
        el("title", title, id=title_id),
        viewBox=f"0 0 {WIDTH} {height}",
        width="100%",
        role="img",
        aria_labelledby=title_id,
        class_="chart",
        preserveAspectRatio="xMinYMin meet",
    )
    span = WIDTH - LABEL - COUNT
    for k, (label, n) in enumerate(shown):
        y = 4 + k * ROW
        bar = max(2, round(span * n / top)) if n else 0
        short = label if len(label) <= 28 else label[:27] + "…"
        svg.append(el("text", short, x=str(LABEL - 8), y=str(y + 17), class_="lbl"))
        svg.append(
            el("rect", x=str(LABEL), y=str(y + 4), width=str(bar), height=str(ROW - 8), rx="2")
        )
        svg.append(el("text", f"{n:,}", x=str(LABEL + bar + 6), y=str(y + 17), class_="num"))
    if not shown:
        svg.append(el("text", "nothing to show", x="8", y="20", class_="num"))
    table = el(
        "table",
        el("thead", el("tr", el("th", "value", scope="col"), el("th", unit, scope="col"))),
        el("tbody", [el("tr", el("td", label), el("td", f"{n:,}")) for label, n in rows]),
    )
    return el(
        "figure",
        el("h3", title, id=f"{chart_id}-h"),
        svg,
        el("details", el("summary", "As a table"), table),
        class_="chartbox",
        aria_labelledby=f"{chart_id}-h",
    )


CHART_CSS = """
.chart{display:block;max-width:100%;height:auto;font:14px system-ui,sans-serif}
.chart rect{fill:var(--bar)}
.chart .lbl{fill:var(--fg);text-anchor:end}
.chart .num{fill:var(--muted)}
.chartbox{margin:1.5rem 0;padding:0}
.chartbox h3{margin:0 0 .5rem;font-size:1rem}
.chartbox summary{cursor:pointer;color:var(--muted);font-size:.85rem}
"""

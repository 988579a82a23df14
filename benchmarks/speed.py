"""Speed: ms per page for declutter, trafilatura and a bare lxml parse, per corpus, in one run.

    python benchmarks/speed.py [--repeat N] [--limit N] [--slowest N] [--no-peers]
                               [--readability] [--only scrapinghub,readability,wcxb]

Corpora: scrapinghub (tests/corpus/scrapinghub/html, decompressed up front), the readability
sources, and wcxb-dev (the whole set from ``<repo>/../shared/corpus/wcxb-dev`` when present,
else the sample in tests/corpus/wcxb-dev), all held in memory as bytes so that only extraction
is timed.  Each tool runs over every page ``--repeat`` times, the tools taking turns page by
page; the best pass counts (the least disturbed by the rest of the machine).
trafilatura (and readability-lxml with ``--readability``; both in the ``bench`` extra) are
timed when importable, so the ratios come from the same run: ``× lxml`` is a tool's time over
a bare parse, ``speed`` is trafilatura's time over the tool's (issue 11's budget: declutter at
least 0.6 on scrapinghub and on wcxb-dev).  Then the time of each pipeline stage
(``declutter.pipeline.stage_names()``) over all pages, and the pages that cost the most
relative to lxml.  Issue 4's ceiling: a page costs at most 12× a bare lxml parse of it.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import gzip
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

import declutter
from declutter.decode import decode
from declutter.options import DEFAULTS
from declutter.pipeline import Page, stage_names

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
WCXB_FULL = REPO.parent / "shared" / "corpus" / "wcxb-dev"
READABILITY_URL = "http://fakehost/test/page.html"
CEILING = 12.0

Doc = tuple[str, bytes, str | None]
Tool = Callable[[bytes, str | None], object]


def load_pages(limit: int | None = None) -> list[Doc]:
    """(id, html bytes, url) for every scrapinghub and readability page (issue 4's set)."""
    return [d for name in ("scrapinghub", "readability") for d in load_corpus(name, limit)]


def load_corpus(name: str, limit: int | None = None) -> list[Doc]:
    """(id, html bytes, url) for every page of one corpus, decompressed up front."""
    pages: list[Doc] = []
    if name == "scrapinghub":
        truth = json.loads((CORPUS / "scrapinghub" / "ground-truth.json").read_text("utf-8"))
        for path in sorted((CORPUS / "scrapinghub" / "html").glob("*.html.gz")):
            pid = path.name.removesuffix(".html.gz")
            url = truth.get(pid, {}).get("url")
            pages.append((pid, gzip.decompress(path.read_bytes()), url))
    elif name == "readability":
        for path in sorted((CORPUS / "readability").glob("*/source.html")):
            pages.append((f"readability/{path.parent.name}", path.read_bytes(), READABILITY_URL))
    elif name == "wcxb":
        root = WCXB_FULL if (WCXB_FULL / "ground-truth").is_dir() else CORPUS / "wcxb-dev"
        for path in sorted((root / "ground-truth").glob("*.json")):
            url = json.loads(path.read_text("utf-8")).get("url")
            html_path = root / "html" / f"{path.stem}.html.gz"
            pages.append((f"wcxb/{path.stem}", gzip.decompress(html_path.read_bytes()), url))
    else:
        raise ValueError(f"unknown corpus {name!r}")
    return pages[:limit] if limit else pages


def _lxml(data: bytes, url: str | None) -> object:
    return lxml.html.document_fromstring(data)


def _declutter(data: bytes, url: str | None) -> object:
    return declutter.extract(data, url=url)


def peer_tools(readability: bool = False) -> dict[str, Tool]:
    """trafilatura (and readability-lxml if asked), when installed (the ``bench`` extra)."""
    tools: dict[str, Tool] = {}
    try:
        import trafilatura

        def _trafilatura(data: bytes, url: str | None) -> object:
            return trafilatura.extract(data, url=url)

        tools["trafilatura"] = _trafilatura
    except ImportError:
        pass
    if not readability:
        return tools
    try:
        from readability import Document

        def _readability(data: bytes, url: str | None) -> object:
            doc = Document(data, url=url)
            doc.short_title()
            return doc.summary()

        tools["readability-lxml"] = _readability
    except ImportError:
        pass
    return tools


def time_tools(tools: dict[str, Tool], pages: list[Doc], repeat: int) -> dict[str, list[float]]:
    """Seconds per page for each tool, the best of ``repeat`` passes.

    The tools take turns on each page, so a change in the machine's load during the run
    touches every tool alike and the ratios stay fair.
    """
    best = {name: [float("inf")] * len(pages) for name in tools}
    for _ in range(repeat):
        gc.collect()
        for i, (_pid, data, url) in enumerate(pages):
            for name, tool in tools.items():
                t0 = time.perf_counter()
                with contextlib.suppress(Exception):  # a failure on a page still cost its time
                    tool(data, url)
                best[name][i] = min(best[name][i], time.perf_counter() - t0)
    return best


def time_stages(pages: list[Doc], repeat: int) -> dict[str, float]:
    """Seconds spent in decode and in each HTML stage, summed over the pages (best pass)."""
    stages = stage_names()["html"]
    names = ["decode"] + [s.__name__.lstrip("_") for s in stages]
    best = {n: float("inf") for n in names}
    for _ in range(repeat):
        totals = dict.fromkeys(names, 0.0)
        gc.collect()
        for _pid, data, url in pages:
            t0 = time.perf_counter()
            text = decode(data)
            totals["decode"] += time.perf_counter() - t0
            page = Page(source=None, url=url, kind="html", text=text, options=DEFAULTS)
            for stage, name in zip(stages, names[1:], strict=True):
                t0 = time.perf_counter()
                page = stage(page)
                totals[name] += time.perf_counter() - t0
        best = {n: min(best[n], totals[n]) for n in names}
    return best


def _tool_table(name: str, pages: list[Doc], times: dict[str, list[float]]) -> None:
    base = times["lxml parse"]
    base_total = sum(base) or 1e-9
    peer = times.get("trafilatura")
    size = sum(len(d) for _, d, _ in pages) / len(pages) / 1024
    print(f"{name}: {len(pages)} pages, {size:.0f} KiB on average")
    print(f"  {'tool':<18} {'ms/page':>8} {'median':>8} {'× lxml':>7} {'median ×':>9} {'speed':>6}")
    for tool, secs in times.items():
        per_page = [s / b for s, b in zip(secs, base, strict=True) if b > 0]
        speed = f"{sum(peer) / sum(secs):6.2f}" if peer and sum(secs) else "     -"
        print(
            f"  {tool:<18} {1000 * sum(secs) / len(secs):8.2f}"
            f" {1000 * statistics.median(secs):8.2f} {sum(secs) / base_total:7.1f}"
            f" {statistics.median(per_page):9.1f} {speed}"
        )
    print()


def _stage_table(pages: list[Doc], repeat: int) -> None:
    stage_times = time_stages(pages, repeat)
    base_total = sum(min(_time(_lxml, d, u) for _ in range(repeat)) for _pid, d, u in pages)
    total = sum(stage_times.values())
    print(f"{'stage':<10} {'ms/page':>8} {'share':>6} {'× lxml':>7}")
    for name, secs in stage_times.items():
        print(
            f"{name:<10} {1000 * secs / len(pages):8.2f} {100 * secs / total:5.1f}%"
            f" {secs / base_total:7.2f}"
        )
    print(f"{'all':<10} {1000 * total / len(pages):8.2f}")


def _time(tool: Tool, data: bytes, url: str | None) -> float:
    t0 = time.perf_counter()
    tool(data, url)
    return time.perf_counter() - t0


def _slowest(pages: list[Doc], times: dict[str, list[float]], n: int) -> None:
    print(f"\ncostliest {n} pages: declutter's ms beyond {CEILING:.0f}× its lxml parse")
    ranked = sorted(
        zip(pages, times["declutter"], times["lxml parse"], strict=True),
        key=lambda t: t[1] - CEILING * t[2],
        reverse=True,
    )
    for (pid, data, _url), secs, b in ranked[:n]:
        print(
            f"  {1000 * (secs - CEILING * b):+7.1f} ms  {1000 * secs:7.1f} ms  {secs / b:6.1f}×"
            f"  {len(data) // 1024:5d} KiB  {pid[:50]}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes per tool (best counts)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages of each corpus")
    ap.add_argument("--slowest", type=int, default=5, help="list the N costliest pages")
    ap.add_argument("--no-peers", action="store_true", help="skip trafilatura/readability-lxml")
    ap.add_argument("--readability", action="store_true", help="time readability-lxml too")
    ap.add_argument("--only", default="scrapinghub,readability,wcxb", help="corpora to time")
    args = ap.parse_args()

    corpora = {name: load_corpus(name, args.limit or None) for name in args.only.split(",")}
    tools: dict[str, Tool] = {"lxml parse": _lxml, "declutter": _declutter}
    if not args.no_peers:
        tools.update(peer_tools(args.readability))
    print(f"best of {args.repeat} passes\n")
    first = next(iter(corpora.values()))
    for _pid, data, url in first[:5]:  # warm imports and caches
        for tool in tools.values():
            with contextlib.suppress(Exception):
                tool(data, url)

    every: list[Doc] = []
    all_times: dict[str, list[float]] = {t: [] for t in tools}
    for name, pages in corpora.items():
        times = time_tools(tools, pages, args.repeat)
        _tool_table(name, pages, times)
        every += pages
        for t, secs in times.items():
            all_times[t] += secs
    ratio = sum(all_times["declutter"]) / sum(all_times["lxml parse"])
    verdict = "within" if ratio <= CEILING else "OVER"
    print(
        f"declutter costs {ratio:.1f}× a bare lxml parse ({verdict} the {CEILING:.0f}× ceiling)\n"
    )
    _stage_table(every, args.repeat)
    if args.slowest:
        _slowest(every, all_times, args.slowest)


if __name__ == "__main__":
    main()

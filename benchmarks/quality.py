"""Score declutter on every development corpus, side by side, with spread and change.

    python benchmarks/quality.py [--only html,text,md,readability,wcxb] [--worst N]
                                 [--full | --sample] [--type forum] [--record]
                                 [--processes 2] [--resamples 200]

Corpora: scrapinghub as HTML, plain text and Markdown (4-word-shingle F1 of the averaged
precision and recall, the benchmark's method), the Readability test pages (the same, plus
headline accuracy, byline found and byline matched), and wcxb-dev (WCXB's bag-of-words P/R/F1,
each the mean over the pages, overall and per page type, plus title / author / date).  wcxb-dev
is the whole shared set when ``<repo>/../shared/corpus/wcxb-dev`` exists (``--full`` insists on
it), else the 140-page sample in tests/corpus/wcxb-dev (``--sample`` forces it).

Beside each figure: ``±`` the bootstrap spread (the standard deviation of the figure over
resamplings of the pages, fixed seed), and ``Δ`` the change against the run stored in
benchmarks/last_run.json.  A change well inside the spread may just be which pages happen to be
in the corpus; judge it on the pages it moves (``--worst``).  ``--record`` stores this run's
figures there (merged with figures of corpora not run); without it nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import multiprocessing
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import (
    REPO,
    WCXB_SAMPLE,
    CorpusScore,
    PageScore,
    ReadabilityScore,
    WcxbScore,
    bootstrap_sd,
    mean_sd,
    score_readability,
    score_scrapinghub,
    score_wcxb,
    wcxb_root,
)

LAST_RUN = Path(__file__).resolve().parent / "last_run.json"
ALL_CORPORA = ("html", "text", "md", "readability", "wcxb")


class Report:
    """The figures of one run, with their spread, and the stored run to compare against."""

    def __init__(self, previous: dict[str, dict[str, float]], resamples: int) -> None:
        self.previous = previous
        self.resamples = resamples
        self.figures: dict[str, dict[str, float]] = {}

    def add(self, key: str, value: float, sd: float | None = None) -> str:
        """Record a figure; return it formatted with its spread and change."""
        entry = {"value": round(value, 4)}
        if sd is not None:
            entry["sd"] = round(sd, 4)
        self.figures[key] = entry
        return self.cell(key, value, sd)

    def delta(self, key: str, value: float, digits: int = 3) -> str:
        before = self.previous.get(key)
        if before is None:
            return "Δ " + "new".rjust(digits + 3)
        change = value - before["value"]
        if round(change, digits) == 0:
            return "Δ " + "·".rjust(digits + 3)
        return f"Δ {change:+.{digits}f}"

    def cell(self, key: str, value: float, sd: float | None) -> str:
        spread = f"±{sd:.3f}" if sd is not None else " " * 6
        return f"{value:.3f} {spread} {self.delta(key, value)}"

    def ms(self, key: str, value: float) -> str:
        self.figures[key] = {"value": round(value, 1)}
        before = self.previous.get(key)
        change = f"Δ {value - before['value']:+6.1f}" if before else "Δ    new"
        return f"{value:7.1f} {change}"


def _corpus_sd(pages: Sequence[PageScore], resamples: int) -> dict[str, float]:
    def stat(metric: str) -> Callable[[list[PageScore]], float]:
        return lambda ps: float(getattr(CorpusScore("", ps), metric))

    return {m: bootstrap_sd(pages, stat(m), resamples) for m in ("f1", "precision", "recall")}


def _shingle_row(report: Report, score: CorpusScore) -> str:
    sd = _corpus_sd(score.pages, report.resamples)
    cells = [report.add(f"{score.name}.{m}", getattr(score, m), sd[m]) for m in sd]
    ms = report.ms(f"{score.name}.ms_per_page", score.ms_per_page)
    return f"{score.name:<22} " + "   ".join(cells) + f" {len(score.pages):5d} {ms}"


def _wcxb_row(report: Report, prefix: str, label: str, score: WcxbScore) -> str:
    r = report.resamples
    cells = [
        report.add(
            f"{prefix}.{m}", getattr(score, m), mean_sd([getattr(p, m) for p in score.pages], r)
        )
        for m in ("f1", "precision", "recall")
    ]
    ms = report.ms(f"{prefix}.ms_per_page", score.ms_per_page)
    return f"  {label:<20} " + "   ".join(cells) + f" {len(score.pages):5d} {ms}"


def _wcxb_meta_row(report: Report, prefix: str, label: str, score: WcxbScore) -> str:
    out = []
    for kind, metric in (
        ("title", "title_accuracy"),
        ("author", "author_found"),
        ("date", "date_right"),
    ):
        hits = score.hits(kind)
        if not hits:
            out.append(f"{'-':>20} {'':>12}")
            continue
        cell = report.add(
            f"{prefix}.{metric}", sum(hits) / len(hits), mean_sd(hits, report.resamples)
        )
        out.append(f"{cell} {f'({int(sum(hits))}/{len(hits)})':>12}")
    return f"  {label:<20} " + "  ".join(out)


def _header(first: str) -> str:
    col = f"{'':6} {'':6} {'':8}"
    names = "   ".join(f"{n:<{len(col)}}" for n in ("F1", "precision", "recall"))
    return f"{first:<22} {names} {'pages':>5} {'ms/page':>7}"


def _short_diff(extracted: str, reference: str, limit: int = 6) -> list[str]:
    got = [s for s in extracted.split("\n") if s.strip()]
    want = [s for s in reference.split("\n") if s.strip()]
    out: list[str] = []
    for line in difflib.unified_diff(want, got, lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        tag = "leaked" if line.startswith("+") else "missed"
        out.append(f"      {tag}: {line[1:][:110]}")
        if len(out) >= limit:
            break
    return out


def _worst(score: CorpusScore, n: int) -> None:
    if n <= 0:
        return
    print(f"\nworst {n} pages of {score.name}:")
    for page in sorted(score.pages, key=lambda p: p.f1)[:n]:
        p = f"{page.precision:.2f}" if page.precision is not None else "  - "
        print(f"  {page.f1:.3f}  P {p}  R {page.recall:.2f}  {page.id[:40]}")
        for line in _short_diff(page.extracted, page.reference):
            print(line)


def _worst_wcxb(score: WcxbScore, n: int) -> None:
    if n <= 0:
        return
    print(f"\nworst {n} pages of {score.name} (F1, then the metadata misses):")
    for page in sorted(score.pages, key=lambda p: p.f1)[:n]:
        print(
            f"  {page.f1:.3f}  P {page.precision:.2f}  R {page.recall:.2f}"
            f"  {page.id}  {page.page_type}"
        )
        for line in _short_diff(page.extracted, page.reference):
            print(line)
    misses = [(p.id, p.page_type, m) for p in score.pages for m in p.misses]
    if misses:
        print(f"\n{score.name} metadata misses (first {n} of {len(misses)}):")
        for pid, kind, m in misses[:n]:
            print(f"  {pid} {kind:<13} {m[:150]}")


def _run_other(name: str) -> CorpusScore | ReadabilityScore:
    if name == "readability":
        return score_readability()
    return score_scrapinghub(name)


def _git_head() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"
    import declutter

    where = Path(declutter.__file__).resolve().parent
    if not where.is_relative_to(REPO / "src"):
        return f"{head} (declutter imported from {where}, not this checkout)"
    return head + (" (src/ with uncommitted changes)" if dirty else "")


def _load_previous() -> dict[str, Any]:
    if LAST_RUN.exists():
        data: dict[str, Any] = json.loads(LAST_RUN.read_text("utf-8"))
        return data
    return {"figures": {}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worst", type=int, default=0, help="show the N worst pages of each corpus")
    ap.add_argument("--only", default=",".join(ALL_CORPORA), help="corpora to score")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--full", action="store_true", help="the whole shared wcxb-dev set")
    where.add_argument("--sample", action="store_true", help="the wcxb-dev sample in tests/")
    ap.add_argument("--type", help="score wcxb-dev pages of this page type only")
    ap.add_argument("--record", action="store_true", help="store this run in last_run.json")
    ap.add_argument("--processes", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--resamples", type=int, default=200, help="bootstrap resamples")
    args = ap.parse_args()
    only = set(args.only.split(","))
    unknown = only - set(ALL_CORPORA)
    if unknown:
        ap.error(f"unknown corpora {sorted(unknown)}; choose from {','.join(ALL_CORPORA)}")

    stored = _load_previous()
    report = Report(stored.get("figures", {}), args.resamples)
    if stored.get("recorded_at"):
        print(f"Δ against the run recorded {stored['recorded_at']} at {stored.get('commit', '?')}")
    t0 = time.perf_counter()
    commit = _git_head()  # before scoring: others may commit while it runs

    wcxb: WcxbScore | None = None
    if "wcxb" in only:
        root = wcxb_root(True if args.full else False if args.sample else None)
        label = "wcxb-sample" if root == WCXB_SAMPLE else "wcxb-dev"
        wcxb = score_wcxb(root, args.type, processes=args.processes, name=label)
        if not wcxb.pages:
            ap.error(f"no wcxb-dev pages of type {args.type!r}")

    others = [v for v in ("html", "text", "md", "readability") if v in only]
    if args.processes > 1 and len(others) > 1:
        with multiprocessing.get_context("fork").Pool(min(args.processes, len(others))) as pool:
            results = pool.map(_run_other, others)
    else:
        results = [_run_other(v) for v in others]

    scores: list[CorpusScore] = []
    if others:
        print("\n" + _header("corpus"))
    readability: ReadabilityScore | None = None
    for result in results:
        if isinstance(result, ReadabilityScore):
            readability = result
            result = result.body
        scores.append(result)
        print(_shingle_row(report, result))

    if readability is not None:
        r = readability
        print()
        for label, metric, hits, total in (
            ("headline accuracy", "headline_accuracy", r.headline_hits, r.headline_total),
            ("byline found", "byline_found", r.byline_hits, r.byline_total),
            ("byline matched", "byline_matched", r.byline_matches, r.byline_total),
            ("language right", "language_accuracy", r.lang_hits, r.lang_total),
        ):
            values = [1.0] * hits + [0.0] * (total - hits)
            cell = report.add(
                f"readability.{metric}", hits / max(total, 1), mean_sd(values, args.resamples)
            )
            print(f"readability {label:<18} {cell}  ({hits}/{total})")

    if wcxb is not None:
        prefix = wcxb.name
        print(
            f"\n{wcxb.name}: {len(wcxb.pages)} pages"
            + (f" of type {args.type}" if args.type else "")
            + " (word P/R/F1, each the mean over pages)"
        )
        print(_header("  page type"))
        groups = wcxb.by_type()
        if not args.type:
            print(_wcxb_row(report, f"{prefix}.all", "all", wcxb))
        for kind, group in groups.items():
            print(_wcxb_row(report, f"{prefix}.{kind}", kind, group))
        width = len(report.cell("x", 0.0, 0.0))
        print(
            f"\n  {'metadata':<20} "
            + "  ".join(f"{n:<{width + 13}}" for n in ("title", "author", "date"))
        )
        if not args.type:
            print(_wcxb_meta_row(report, f"{prefix}.all", "all", wcxb))
        for kind, group in groups.items():
            print(_wcxb_meta_row(report, f"{prefix}.{kind}", kind, group))

    print(
        f"\n({time.perf_counter() - t0:.0f} s; ± bootstrap spread over {args.resamples} resamples)"
    )
    for s in scores:
        _worst(s, args.worst)
    if readability is not None and args.worst:
        print("\nreadability metadata misses:")
        for m in readability.misses:
            print("  " + m)
    if wcxb is not None:
        _worst_wcxb(wcxb, args.worst)

    if args.record:
        figures = {**stored.get("figures", {}), **report.figures}
        out = {
            "about": "Figures of the last recorded `python benchmarks/quality.py --record` run "
            "(value, and sd: the bootstrap spread); quality.py prints each figure's change "
            "against these.",
            "recorded_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit,
            "figures": dict(sorted(figures.items())),
        }
        LAST_RUN.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"\nrecorded to {LAST_RUN.relative_to(REPO)}")


if __name__ == "__main__":
    main()

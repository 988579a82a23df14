"""How often declutter's page type agrees with the corpus label (wcxb-dev).

    python benchmarks/pagetype.py [--sample] [--processes 2] [--wrong TYPE]

Reads each page of wcxb-dev (the whole shared set when it is there, else the sample in
tests/corpus), decides its type the way the pipeline does (the untouched tree, the page URL) and
compares it with ``_internal.page_type.primary``.  Prints the accuracy, per-type precision and
recall, the confusion matrix (rows: corpus label, columns: declutter) and, with ``--wrong``, the
pages of one label that were typed otherwise, with the cues that decided.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import wcxb_root

from declutter.decode import decode
from declutter.html.parse import parse_html
from declutter.pagetype import PAGE_TYPES, page_type


def _one(truth: Path) -> tuple[str, str, str, str, float]:
    """(id, label, decided, reason, seconds) of one page."""
    data = json.loads(truth.read_text(encoding="utf-8"))
    label = data["_internal"]["page_type"]["primary"]
    raw = gzip.decompress((truth.parent.parent / "html" / f"{truth.stem}.html.gz").read_bytes())
    tree = parse_html(decode(raw, is_html=True))
    t0 = time.process_time()
    typed = page_type(tree, data.get("url"))
    return truth.stem, label, typed.kind, typed.reason, time.process_time() - t0


def _matrix(rows: list[tuple[str, str, str, str, float]]) -> None:
    counts = Counter((label, kind) for _, label, kind, _, _ in rows)
    print("  label \\ decided " + "".join(f"{t[:7]:>8}" for t in PAGE_TYPES) + "  recall")
    for label in PAGE_TYPES:
        total = sum(counts[label, k] for k in PAGE_TYPES)
        cells = "".join(f"{counts[label, k]:>8}" for k in PAGE_TYPES)
        print(f"  {label:<16}{cells}  {counts[label, label] / max(total, 1):.2f}")
    precision = "".join(
        f"{counts[k, k] / max(sum(counts[t, k] for t in PAGE_TYPES), 1):>8.2f}" for k in PAGE_TYPES
    )
    print(f"  {'precision':<16}{precision}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", action="store_true", help="the sample in tests/corpus")
    ap.add_argument("--processes", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--wrong", help="list the pages of this label typed otherwise")
    args = ap.parse_args()
    root = wcxb_root(False if args.sample else None)
    truths = sorted((root / "ground-truth").glob("*.json"))
    with multiprocessing.get_context("fork").Pool(args.processes) as pool:
        rows = pool.map(_one, truths, chunksize=8)
    right = sum(1 for _, label, kind, _, _ in rows if label == kind)
    ms = 1000 * sum(r[4] for r in rows) / max(len(rows), 1)
    print(f"page type on {root.name} ({len(rows)} pages): accuracy {right / len(rows):.3f}")
    print(f"  {ms:.1f} ms CPU per page to decide (the tree already parsed)\n")
    _matrix(rows)
    if args.wrong:
        print()
        for pid, label, kind, reason, _ in rows:
            if label == args.wrong and kind != label:
                print(f"  {pid}  {kind:<14} {reason}")


if __name__ == "__main__":
    main()

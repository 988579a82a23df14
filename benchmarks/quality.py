"""Score declutter on the shared corpora: F1/precision/recall, headline accuracy, worst pages.

python benchmarks/quality.py [--worst N] [--only html,text,md,readability]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import CorpusScore, score_readability, score_scrapinghub


def _row(score: CorpusScore) -> str:
    return (
        f"{score.name:<20} {score.f1:6.3f} {score.precision:9.3f} {score.recall:6.3f}"
        f" {len(score.pages):5d} {score.ms_per_page:8.1f}"
    )


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worst", type=int, default=0, help="show the N worst pages of each corpus")
    ap.add_argument("--only", default="html,text,md,readability", help="corpora to score")
    args = ap.parse_args()
    only = set(args.only.split(","))
    print(f"{'corpus':<20} {'F1':>6} {'precision':>9} {'recall':>6} {'pages':>5} {'ms/page':>8}")
    scores: list[CorpusScore] = []
    for variant in ("html", "text", "md"):
        if variant in only:
            s = score_scrapinghub(variant)
            scores.append(s)
            print(_row(s), flush=True)
    if "readability" in only:
        r = score_readability()
        scores.append(r.body)
        print(_row(r.body))
        print(
            f"readability headline accuracy {r.headline_accuracy:.3f}"
            f" ({r.headline_hits}/{r.headline_total})"
        )
        print(
            f"readability byline found      {r.byline_found:.3f} ({r.byline_hits}/{r.byline_total})"
        )
        print(
            f"readability language right    {r.language_accuracy:.3f}"
            f" ({r.lang_hits}/{r.lang_total})"
        )
        if args.worst:
            print("\nreadability metadata misses:")
            for m in r.misses:
                print("  " + m)
    for s in scores:
        _worst(s, args.worst)


if __name__ == "__main__":
    main()

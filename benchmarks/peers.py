"""Page by page on scrapinghub: declutter against trafilatura and readability-lxml.

    python benchmarks/peers.py [--top N] [--peers trafilatura,readability-lxml]
                               [--corpus scrapinghub|readability]

Scores each tool with benchmarks/scoring.py (the corpus's published 4-word-shingle method) on
the same pages, prints each tool's F1 / precision / recall, how many pages each peer wins, and
the pages where a peer beats declutter by the widest F1 margin, with what the peer got that we
missed and what we leaked that the peer left out.  Peers run with their defaults for article
text, except trafilatura's comments, which the reference bodies never hold
(``include_comments=False``).  Needs the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import (
    READABILITY_URL,
    CorpusScore,
    PageScore,
    declutter_text,
    page_pr,
    readability_cases,
    scrapinghub_pages,
    shingles,
)

Extractor = Callable[[bytes, str | None], str]
#: A reference line counts as "got" when this share of its shingles is in the output.
COVERED = 0.6
_TOKEN = re.compile(r"\w+")
#: An output line counts as leaked when at most this share of its shingles is in the reference.
FOREIGN = 0.2


def _trafilatura() -> Extractor:
    import trafilatura

    def run(data: bytes, url: str | None) -> str:
        return trafilatura.extract(data, url=url, include_comments=False) or ""

    return run


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def run(data: bytes, url: str | None) -> str:
        summary = Document(data, url=url).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
        for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr"):
            el.tail = "\n" + (el.tail or "")
        return "\n".join(s.strip() for s in root.text_content().split("\n") if s.strip())

    return run


PEERS: dict[str, Callable[[], Extractor]] = {
    "trafilatura": _trafilatura,
    "readability-lxml": _readability,
}


def score(
    name: str, extract: Extractor, pages: list[tuple[str, bytes, str | None, str]]
) -> CorpusScore:
    result = CorpusScore(name)
    for pid, data, url, reference in pages:
        t0 = time.perf_counter()
        try:
            text = extract(data, url)
        except Exception as exc:  # a peer's crash is a page with nothing extracted
            print(f"  {name} failed on {pid[:16]}: {type(exc).__name__}: {exc}", file=sys.stderr)
            text = ""
        dt = time.perf_counter() - t0
        p, r = page_pr(text, reference)
        result.pages.append(PageScore(pid, p, r, text, reference, dt))
    return result


class _Pool:
    """The shingles and the token string of one text, to ask how much of a line it holds."""

    def __init__(self, text: str) -> None:
        self.shingles = shingles(text)
        self.joined = " " + " ".join(_TOKEN.findall(text)) + " "

    def share(self, line: str) -> float:
        tokens = _TOKEN.findall(line)
        if len(tokens) < 4:  # too short for a 4-shingle: look for the whole run of tokens
            return 1.0 if f" {' '.join(tokens)} " in self.joined else 0.0
        mine = shingles(line)
        return sum((mine & self.shingles).values()) / sum(mine.values())


def _lines(text: str) -> list[str]:
    return [s.strip() for s in text.split("\n") if len(s.strip()) > 15]


def short_diff(ours: PageScore, theirs: PageScore, limit: int = 3) -> list[str]:
    """What the peer got that we missed, and what we leaked that the peer left out."""
    ours_pool, theirs_pool = _Pool(ours.extracted), _Pool(theirs.extracted)
    ref_pool = _Pool(ours.reference)
    missed = [
        line
        for line in _lines(ours.reference)
        if theirs_pool.share(line) >= COVERED and ours_pool.share(line) < FOREIGN
    ]
    leaked = [
        line
        for line in _lines(ours.extracted)
        if ref_pool.share(line) <= FOREIGN and theirs_pool.share(line) <= FOREIGN
    ]
    out = [f"      missed ({len(missed)}): {line[:100]}" for line in missed[:limit]]
    out += [f"      leaked ({len(leaked)}): {line[:100]}" for line in leaked[:limit]]
    return out


def _row(s: CorpusScore) -> str:
    return (
        f"{s.name:<18} {s.f1:6.3f} {s.precision:9.3f} {s.recall:6.3f} {s.ms_per_page:8.1f}"
        f" {sum(1 for p in s.pages if p.precision is None):6d}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=8, help="pages a peer wins by most, per peer")
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated peers to run")
    ap.add_argument(
        "--corpus",
        choices=("scrapinghub", "readability"),
        default="scrapinghub",
        help="scrapinghub (the default) or the readability pages (expected.html as reference)",
    )
    args = ap.parse_args()

    if args.corpus == "readability":
        pages = [(slug, src, READABILITY_URL, body) for slug, src, body, _ in readability_cases()]
    else:
        pages = list(scrapinghub_pages("html"))
    print(f"{args.corpus}: {len(pages)} pages\n")
    scores = {"declutter": score("declutter", lambda d, u: declutter_text(d, u, "html"), pages)}
    for name in args.peers.split(","):
        try:
            scores[name] = score(name, PEERS[name](), pages)
        except ImportError as exc:
            print(f"{name}: not installed ({exc}); pip install -e '.[bench]'")
    print(f"{'tool':<18} {'F1':>6} {'precision':>9} {'recall':>6} {'ms/page':>8} {'empty':>6}")
    for s in scores.values():
        print(_row(s))

    ours = {p.id: p for p in scores["declutter"].pages}
    for name, s in scores.items():
        if name == "declutter":
            continue
        margins = sorted(((p.f1 - ours[p.id].f1, p) for p in s.pages), key=lambda t: -t[0])
        wins = sum(1 for m, _ in margins if m > 0.01)
        losses = sum(1 for m, _ in margins if m < -0.01)
        print(f"\n{name} beats declutter by > 0.01 F1 on {wins} pages, loses on {losses}")
        print(f"pages {name} wins by most:")
        for margin, page in margins[: args.top]:
            if margin <= 0:
                break
            mine = ours[page.id]
            print(
                f"  +{margin:.3f}  declutter {mine.f1:.3f} (P {mine.precision or 0:.2f}"
                f" R {mine.recall:.2f})  {name} {page.f1:.3f}  {page.id[:24]}"
            )
            for line in short_diff(mine, page):
                print(line)


if __name__ == "__main__":
    main()

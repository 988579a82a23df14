"""Page by page on scrapinghub: declutter against trafilatura and readability-lxml.

    python benchmarks/peers.py [--top N] [--peers trafilatura,readability-lxml]
                               [--corpus scrapinghub|readability|wcxb]
                               [--full | --sample] [--type forum] [--margin 0.2]

``--corpus wcxb`` scores every tool on wcxb-dev (the whole shared set when it is beside the
repository, else the sample in tests/corpus; ``--full`` / ``--sample`` choose) with WCXB's
bag-of-words scorer, overall and per page type, plus title / author / date for the tools that
give them (declutter, trafilatura; readability-lxml only a title), in a pool of 2 processes; then
the pages where a peer beats declutter by more than ``--margin`` F1.  readability-lxml is slow on
these pages (about 1 s a page): on the whole set run ``--peers trafilatura`` for a quick look.
On wcxb trafilatura runs with its defaults (comments included: the forum references hold the
replies).

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
    MetaExtractor,
    PageScore,
    WcxbPageScore,
    WcxbScore,
    declutter_article,
    declutter_text,
    page_pr,
    readability_cases,
    score_wcxb,
    scrapinghub_pages,
    shingles,
    wcxb_root,
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


def _readability_text(summary: str) -> str:
    import lxml.html

    root = lxml.html.fromstring(summary)
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr"):
        el.tail = "\n" + (el.tail or "")
    return "\n".join(s.strip() for s in root.text_content().split("\n") if s.strip())


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


def wcxb_trafilatura(
    data: bytes, url: str | None
) -> tuple[str, str | None, tuple[str, ...], str | None]:
    """trafilatura's text, title, authors and date, for score_wcxb (module level: pickled)."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    if doc is None:
        return "", "", (), None
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return doc.text or "", doc.title or "", authors, doc.date


def wcxb_readability(
    data: bytes, url: str | None
) -> tuple[str, str | None, tuple[str, ...], str | None]:
    """readability-lxml's text and title (it gives no author or date)."""
    from readability import Document

    doc = Document(data, url=url)
    title = doc.short_title()
    return _readability_text(doc.summary(html_partial=True)), title, (), None


WCXB_PEERS: dict[str, MetaExtractor] = {
    "trafilatura": wcxb_trafilatura,
    "readability-lxml": wcxb_readability,
}


#: What a peer does not extract at all (shown as "-", not as 0).
NO_META = {"readability-lxml": ("author", "date")}


def _wcxb_meta(score: WcxbScore, kind: str) -> str:
    hits = [] if kind in NO_META.get(score.name, ()) else score.hits(kind)
    return f"{sum(hits) / len(hits):6.3f}" if hits else f"{'-':>6}"


def wcxb_main(args: argparse.Namespace) -> None:
    root = wcxb_root(True if args.full else False if args.sample else None)
    names = ["declutter"] + [n for n in args.peers.split(",") if n]
    scores: dict[str, WcxbScore] = {}
    for name in names:
        extractor = declutter_article if name == "declutter" else WCXB_PEERS[name]
        scores[name] = score_wcxb(root, args.type, extractor, processes=2, name=name)
    first = scores["declutter"]
    print(f"{root}: {len(first.pages)} pages" + (f" of type {args.type}" if args.type else ""))
    kinds = list(first.by_type())
    print(f"\n{'word F1':<18} {'all':>6} " + " ".join(f"{k[:13]:>13}" for k in kinds))
    for name, s in scores.items():
        groups = s.by_type()
        print(f"{name:<18} {s.f1:6.3f} " + " ".join(f"{groups[k].f1:13.3f}" for k in kinds))
    print(
        f"\n{'tool':<18} {'F1':>6} {'precision':>9} {'recall':>6} {'ms/page':>8}"
        f" {'title':>6} {'author':>6} {'date':>6}"
    )
    for name, s in scores.items():
        print(
            f"{name:<18} {s.f1:6.3f} {s.precision:9.3f} {s.recall:6.3f} {s.ms_per_page:8.1f}"
            f" {_wcxb_meta(s, 'title')} {_wcxb_meta(s, 'author')} {_wcxb_meta(s, 'date')}"
        )
    ours = {p.id: p for p in first.pages}
    for name, s in scores.items():
        if name == "declutter":
            continue
        margins = sorted(((p.f1 - ours[p.id].f1, p) for p in s.pages), key=lambda t: -t[0])
        wins = sum(1 for m, _ in margins if m > args.margin)
        losses = sum(1 for m, _ in margins if m < -args.margin)
        print(f"\n{name} beats declutter by > {args.margin} F1 on {wins} pages, loses on {losses}")
        for margin, page in margins[: args.top]:
            if margin <= args.margin:
                break
            mine = ours[page.id]
            print(
                f"  +{margin:.3f}  declutter {mine.f1:.3f} (P {mine.precision:.2f}"
                f" R {mine.recall:.2f})  {name} {page.f1:.3f}  {page.id} {page.page_type}"
            )
            for line in short_diff(mine, page):
                print(line)


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


def short_diff(
    ours: PageScore | WcxbPageScore, theirs: PageScore | WcxbPageScore, limit: int = 3
) -> list[str]:
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
        choices=("scrapinghub", "readability", "wcxb"),
        default="scrapinghub",
        help="scrapinghub (the default), the readability pages (expected.html as reference)"
        " or wcxb-dev (per page type)",
    )
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--full", action="store_true", help="wcxb: the whole shared set")
    where.add_argument("--sample", action="store_true", help="wcxb: the sample in tests/")
    ap.add_argument("--type", help="wcxb: pages of this page type only")
    ap.add_argument("--margin", type=float, default=0.2, help="wcxb: F1 margin of a peer's win")
    args = ap.parse_args()
    if args.corpus == "wcxb":
        wcxb_main(args)
        return

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

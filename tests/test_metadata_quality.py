"""Metadata floors, a hair below what the extractor reaches, scored by benchmarks/scoring.py like
`benchmarks/quality.py`: on the Readability test pages (tests/corpus/readability/) and on the
wcxb-dev sample (tests/corpus/wcxb-dev/; its floors are the ``metadata_floors`` of
tests/quality_floors.json, beside the digest of the files they were measured on)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import ReadabilityScore, byline_matched, score_readability, wcxb_sample_score
from test_quality import corpus_digest, load_floors

#: Measured 0.962 (51/53), 0.971 (33/34), 0.882 (30/34) and 1.000 (36/36); issue 5 asks for
#: 0.95/0.90/0.95.  The headline floor was lowered to 0.84 (45/53) by issue 12: Readability's
#: expected titles are its own output, ``og:title`` verbatim with the site's name on ("Getting
#: LEAN with Digital Ad UX | IAB"), where the headline is now the title a reader sees, without
#: it (wcxb-dev's human-made titles: 0.519 -> 0.771 on its 1,497 pages).  byline_found: any
#: author where a byline is expected; byline_matched: at least half of the expected byline's
#: name tokens (its first line, without addresses or bracketed asides) among the authors'.
#: Four of the 34 cannot match: two expected bylines are dates ("Last Updated: January 7,
#: 2025") and two name the writer of a linked story, not the page's (its meta and visible
#: by-line name another), so 30/34 is the ceiling.
FLOORS = {
    "headline_accuracy": 0.84,
    "byline_found": 0.95,
    "byline_matched": 0.85,
    "language_accuracy": 0.98,
}
WCXB_FLOORS = load_floors()["corpora"]["wcxb-dev"]["metadata_floors"]


@pytest.fixture(scope="module")
def score() -> ReadabilityScore:
    return score_readability()


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_readability_metadata_floor(score: ReadabilityScore, metric: str) -> None:
    got = getattr(score, metric)
    misses = "\n".join(score.misses)
    assert got >= FLOORS[metric], f"{metric} {got:.3f} < {FLOORS[metric]}\n{misses}"


@pytest.mark.parametrize("metric", sorted(WCXB_FLOORS))
def test_wcxb_metadata_floor(metric: str) -> None:
    """title_accuracy (all pages), author_found (pages naming an author), date_right (pages with
    a date) on the wcxb-dev sample."""
    entry = load_floors()["corpora"]["wcxb-dev"]
    digest, count = corpus_digest("wcxb-dev")
    assert (digest, count) == (entry["digest"], entry["files"]), "wcxb-dev sample changed"
    w = wcxb_sample_score()
    got = getattr(w, metric)
    kind = metric.split("_")[0]
    misses = "\n".join(f"{p.id} {m}" for p in w.pages for m in p.misses if m.startswith(kind))
    assert got >= WCXB_FLOORS[metric], f"{metric} {got:.3f} < {WCXB_FLOORS[metric]}\n{misses}"


@pytest.mark.parametrize(
    ("expected", "authors", "matched"),
    [
        ("By Kelli  Miller\n      WebMD Health News", ("Kelli Miller",), True),
        ("By\n\t\tScott Cunningham", ("Scott Cunningham",), True),
        ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ("Bradley M. Kuhn",), True),
        ("JOE HILDEBRAND", ("Laurie Oakes",), False),
        ("Last Updated: January 7, 2025", (), False),
    ],
)
def test_byline_matched_reads_the_name_part(
    expected: str, authors: tuple[str, ...], matched: bool
) -> None:
    assert byline_matched(expected, authors) is matched

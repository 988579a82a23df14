"""Metadata floors on the Readability test pages (tests/corpus/readability/), a hair below what
the extractor reaches; scored by benchmarks/scoring.py like `benchmarks/quality.py`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from scoring import ReadabilityScore, score_readability

#: Measured 0.962 (51/53), 0.971 (33/34) and 1.000 (36/36); issue 5 asks for 0.95/0.90/0.95.
FLOORS = {"headline_accuracy": 0.95, "byline_found": 0.95, "language_accuracy": 0.98}


@pytest.fixture(scope="module")
def score() -> ReadabilityScore:
    return score_readability()


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_readability_metadata_floor(score: ReadabilityScore, metric: str) -> None:
    got = getattr(score, metric)
    misses = "\n".join(score.misses)
    assert got >= FLOORS[metric], f"{metric} {got:.3f} < {FLOORS[metric]}\n{misses}"

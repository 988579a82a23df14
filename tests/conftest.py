"""Shared test setup: the benchmarks directory is importable (one scorer for tests and bench)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def pytest_addoption(parser):  # type: ignore[no-untyped-def]
    parser.addoption(
        "--regen",
        action="store_true",
        default=False,
        help="rewrite tests/fixtures/cases/*/expected.json (review in git diff)",
    )

"""Shared test setup: the benchmarks directory is importable (one scorer for tests and bench)."""

from __future__ import annotations

import os
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
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        default=False,
        help="long random run of tests/test_fuzz_properties.py (same as DECLUTTER_FUZZ_LONG=1)",
    )


def pytest_configure(config):  # type: ignore[no-untyped-def]
    # Test modules read the environment at import, which comes after this hook.
    if config.getoption("--fuzz-long"):
        os.environ["DECLUTTER_FUZZ_LONG"] = "1"

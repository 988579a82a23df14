"""Text-scrape fixtures of our own: German, Russian, Chinese, a lynx dump, a hard-wrapped dump.

Each ``tests/fixtures/text/<name>.txt`` has a hand-checked ``<name>.json`` (see text_expect.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_text_expect import check

import declutter
from declutter.options import Options

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def test_fixture_set_is_complete() -> None:
    # three non-English languages (one non-Latin script, one without spaces), lynx, wrapped
    assert {"de_news", "ru_news", "zh_news", "es_lynx", "en_wrapped"} <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_text_fixture(name: str) -> None:
    data = (FIXTURES / f"{name}.txt").read_bytes()
    want = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    article = declutter.extract(data, source=f"{name}.txt", options=Options(explain=True))
    check(article, want)


@pytest.mark.parametrize("name", CASES)
def test_text_fixture_same_without_a_name(name: str) -> None:
    """Sniffed from content alone (stdin), a text dump is still read as text."""
    data = (FIXTURES / f"{name}.txt").read_bytes()
    named = declutter.extract(data, source=f"{name}.txt")
    sniffed = declutter.extract(data)
    assert sniffed.input == "text"
    assert sniffed.blocks == named.blocks

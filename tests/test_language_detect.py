"""The language of pages that do not declare one: py3langid when it is sure, else null."""

from __future__ import annotations

from pathlib import Path

import pytest

import declutter
from declutter.meta.language import detect_language

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "language"
CODES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def test_fixtures_cover_ten_languages_and_three_scripts() -> None:
    assert len(CODES) >= 10
    assert {"ru", "el", "ar", "hi", "ja", "zh", "ko"} <= set(CODES)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("ext", ["txt", "html"])
def test_language_of_an_undeclared_page(code: str, ext: str) -> None:
    data = (FIXTURES / f"{code}.{ext}").read_bytes()
    assert b"lang=" not in data
    article = declutter.extract(data, source=f"{code}.{ext}")
    assert article.input == ("html" if ext == "html" else "text")
    assert article.blocks
    assert article.language == code


def test_a_declared_language_wins() -> None:
    page = (FIXTURES / "de.html").read_text("utf-8").replace("<html>", '<html lang="de-AT">')
    assert declutter.extract(page).language == "de-AT"


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "OK",
        "12 345 678 — 2024-05-01 — 09:30",
        "Home | News | Sport | Contact",
        "https://example.com/a/b/c?d=1 https://example.org/x",
    ],
)
def test_no_confident_answer_is_null(text: str | None) -> None:
    assert detect_language(text) is None


def test_a_sentence_is_enough() -> None:
    assert (
        detect_language("Der Zug nach Berlin hatte heute Morgen wieder eine Stunde Verspätung.")
        == "de"
    )
    assert detect_language("Le train pour Lyon avait encore une heure de retard ce matin.") == "fr"

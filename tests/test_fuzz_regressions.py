"""Inputs the fuzzers broke declutter with, kept so they stay fixed.

Every ``tests/fixtures/fuzz/<name>.bin`` (see fuzz/README.md, "Triage") is extracted as every
input kind: the result is an Article or a DeclutterError, its record validates against the
shipped schema, and its outputs carry nothing live (the atheris target's own checks).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import declutter
from declutter.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "fuzz").glob("*.bin"))
KINDS = ("auto", "html", "text", "markdown")


def _load_target() -> Any:
    path = ROOT / "fuzz" / "extract.py"
    spec = importlib.util.spec_from_file_location("declutter_fuzz_target", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


target = _load_target()
validator = Draft202012Validator(article_schema())


def test_there_are_fixtures() -> None:
    assert FIXTURES, "tests/fixtures/fuzz/ is empty"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fuzz_regression(path: Path, kind: str) -> None:
    data = path.read_bytes()
    for explain in (False, True):
        options = declutter.Options(explain=explain)
        try:
            article = declutter.extract(data, input=kind, options=options)  # type: ignore[arg-type]
        except declutter.DeclutterError:
            continue
        assert isinstance(article, declutter.Article)
        record = article.to_dict(explain=explain)
        errors = [e.message[:200] for e in validator.iter_errors(record)]
        assert not errors, errors
        target.check_article(article, kind)

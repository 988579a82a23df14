"""Every record declutter emits validates against the JSON Schema it ships (jsonschema)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import declutter
from declutter import Article, Block, Removed
from declutter.errors import InputError
from declutter.model import error_record
from declutter.options import Options
from declutter.schema import article_schema

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = Path(__file__).resolve().parent / "fixtures" / "cases"
#: Every Nth corpus page: a spread over the corpora that keeps the test fast.
SAMPLE_STEP = 6


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = article_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, record: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:200]}"
        for e in validator.iter_errors(record)
    ]


def _valid(validator: Draft202012Validator, record: dict[str, Any], label: str) -> None:
    errors = _errors(validator, record)
    assert not errors, f"{label}:\n" + "\n".join(errors)


def _case_sources() -> list[Path]:
    out = []
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()) if CASES.is_dir() else []:
        out += [p for p in case.iterdir() if p.name.startswith("source.")]
    return out


def _corpus_sample() -> list[tuple[str, bytes, str]]:
    """(label, bytes, input kind) for a spread of corpus pages of every kind."""
    out: list[tuple[str, bytes, str]] = []
    html_pages = sorted((CORPUS / "scrapinghub" / "html").glob("*.html.gz"))
    for p in html_pages[::SAMPLE_STEP]:
        out.append((f"scrapinghub/{p.name}", gzip.decompress(p.read_bytes()), "html"))
    for p in sorted((CORPUS / "scrapinghub-text").glob("*.txt"))[:: SAMPLE_STEP * 3]:
        out.append((f"scrapinghub-text/{p.name}", p.read_bytes(), "text"))
    for p in sorted((CORPUS / "scrapinghub-md").glob("*.md"))[:: SAMPLE_STEP * 3]:
        out.append((f"scrapinghub-md/{p.name}", p.read_bytes(), "markdown"))
    for p in sorted((CORPUS / "readability").glob("*/source.html"))[::2]:
        out.append((f"readability/{p.parent.name}", p.read_bytes(), "html"))
    return out


def test_schema_matches_the_wire_format() -> None:
    """The schema requires exactly the keys Article.to_dict() always writes."""
    article = article_schema()["$defs"]["article"]
    assert set(article["required"]) == set(Article().to_dict())
    assert set(article["properties"]) >= set(Article().to_dict(explain=True))


@pytest.mark.parametrize("source", _case_sources(), ids=lambda p: p.parent.name)
def test_golden_case_records_validate(validator: Draft202012Validator, source: Path) -> None:
    data = source.read_bytes()
    if source.name.endswith(".gz"):
        data = gzip.decompress(data)
    kind = {".txt": "text", ".md": "markdown"}.get(source.suffix, "html")
    article = declutter.extract(data, input=kind, source=str(source))  # type: ignore[arg-type]
    _valid(validator, article.to_dict(), source.parent.name)
    explained = declutter.extract(
        data,
        input=kind,  # type: ignore[arg-type]
        source=str(source),
        options=Options(explain=True),
    )
    _valid(validator, explained.to_dict(explain=True), f"{source.parent.name} (explain)")


def test_corpus_sample_records_validate(validator: Draft202012Validator) -> None:
    sample = _corpus_sample()
    assert len(sample) >= 40
    failures: list[str] = []
    for label, data, kind in sample:
        article = declutter.extract(data, input=kind, source=label)  # type: ignore[arg-type]
        errors = _errors(validator, article.to_dict(explain=True))
        failures += [f"{label}: {e}" for e in errors]
    assert not failures, "\n".join(failures[:20])


def test_every_block_type_validates(validator: Draft202012Validator) -> None:
    blocks = (
        Block("heading", text="H", level=1),
        Block("heading", text="H", level=6),
        Block("paragraph", text="p"),
        Block("quote", text="q"),
        Block("code", text="c"),
        Block("list", items=("a", "b"), ordered=True),
        Block("table", rows=(("a", "b"), ("c",))),
        Block("image", src="https://example.org/i.png", alt=None, caption=None),
    )
    article = Article(
        source="-",
        url="https://example.org/a",
        headline="h",
        breadcrumb=("Home",),
        authors=("A. Writer",),
        published="2024-01-02T03:04:05+00:00",
        language="en",
        tags=("t",),
        blocks=blocks,
        removed=(Removed("Advertisement", "boilerplate"),),
        extra={"fetched": "2024-01-02T03:04:05Z"},
    )
    _valid(validator, article.to_dict(), "all block types")
    _valid(validator, article.to_dict(explain=True), "all block types (explain)")


@pytest.mark.parametrize(
    "error",
    [
        InputError("missing.html", "no such file"),
        ValueError("bad value"),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_error_records_validate(validator: Draft202012Validator, error: Exception) -> None:
    record = error_record("missing.html", error)
    _valid(validator, record, "error record")
    assert record["error"]["type"] == type(error).__name__


@pytest.mark.parametrize(
    ("mutate", "why"),
    [
        (lambda d: d.pop("headline"), "a required key missing"),
        (lambda d: d.update(extra_key=1), "an unknown key"),
        (lambda d: d.update(schema_version=2), "another schema version"),
        (lambda d: d.update(blocks=[{"type": "video", "text": "x"}]), "an unknown block type"),
        (lambda d: d.update(blocks=[{"type": "heading", "level": 7, "text": "x"}]), "level 7"),
        (lambda d: d.update(breadcrumb="Home > News"), "breadcrumb as a string"),
        (lambda d: d.update(error={"type": "X", "message": "y"}), "article and error at once"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_schema_rejects_bad_records(validator: Draft202012Validator, mutate: Any, why: str) -> None:
    record = Article(source="-", headline="h").to_dict()
    mutate(record)
    assert _errors(validator, record), f"the schema accepted {why}"


def test_schema_is_valid_json_in_the_package() -> None:
    text = json.dumps(article_schema())
    assert json.loads(text)["$schema"].startswith("https://json-schema.org/draft/2020-12")

"""Golden cases: tests/fixtures/cases/<slug>/{source.*, expected.json, README.md}.

One parametrised test (ids = slug) that checks each expected field on its own, so a failure
names the field.  ``expected.json`` keys (all optional but ``headline``):

- ``headline``, ``breadcrumb``, ``authors``, ``language``, ``description``: compared exactly;
- ``blocks``: the body's non-image blocks in their wire form (``Block.to_dict()``), in order;
- ``images``: the image blocks (``src``, ``alt``, ``caption``), in order; when the key is
  absent, images are not checked (a page whose images are decoration);
- ``text``: ``Article.text`` exactly;
- ``text_excludes``: strings that must appear nowhere in ``Article.text`` (clutter);
- ``equivalent_quotes``: compare text after folding ' ‘ ’ and " “ ” (a lede that a page
  prints twice, once with each quote style: either copy is right);
- ``expected.md`` (a file beside it, optional): ``to_markdown()`` exactly, line by line
  (xfail key ``markdown``);
- ``xfail``: ``{field: reason}`` — known extractor faults.  When only those fields differ
  the case is reported as xfail (never strict); any other field failing fails the test.

Regenerate for review in ``git diff``: ``pytest tests/test_golden.py --regen`` (the option is
registered in tests/conftest.py) or ``DECLUTTER_REGEN=1 pytest tests/test_golden.py``.  Regen
rewrites the derived fields from the current output, keeps the hand-written ones
(``text_excludes``, ``equivalent_quotes``, ``xfail``) and never touches a field marked xfail.
"""

from __future__ import annotations

import gzip
import json
import os
import warnings
from pathlib import Path
from typing import Any

import pytest

import declutter
from declutter import Article

CASES = Path(__file__).resolve().parent / "fixtures" / "cases"
SOURCES = ("source.html", "source.html.gz", "source.txt", "source.md")
#: Fields regen derives from the output; the rest of expected.json is written by hand.
DERIVED = (
    "headline",
    "breadcrumb",
    "authors",
    "language",
    "description",
    "blocks",
    "images",
    "text",
)
#: Every key expected.json may hold.
KEYS = {*DERIVED, "text_excludes", "equivalent_quotes", "xfail"}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _source(case: Path) -> Path:
    for name in SOURCES:
        if (case / name).exists():
            return case / name
    raise FileNotFoundError(f"{case.name}: no source file (one of {', '.join(SOURCES)})")


def _case_dirs() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir()) if CASES.is_dir() else []


def extract_case(case: Path) -> Article:
    """Run declutter on a case's source the way the CLI would read it."""
    src = _source(case)
    data = src.read_bytes()
    if src.name.endswith(".gz"):
        data = gzip.decompress(data)
    kind = {"source.txt": "text", "source.md": "markdown"}.get(src.name, "html")
    return declutter.extract(data, input=kind, source=src.name)  # type: ignore[arg-type]


def observed(article: Article) -> dict[str, Any]:
    """The fields of an article that expected.json can pin."""
    blocks = [b.to_dict() for b in article.blocks]
    return {
        "headline": article.headline,
        "breadcrumb": list(article.breadcrumb),
        "authors": list(article.authors),
        "language": article.language,
        "description": article.description,
        "blocks": [b for b in blocks if b["type"] != "image"],
        "images": [
            {"src": b["src"], "alt": b["alt"], "caption": b["caption"]}
            for b in blocks
            if b["type"] == "image"
        ],
        "text": article.text,
    }


def _fold_quotes(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_QUOTES)
    if isinstance(value, list):
        return [_fold_quotes(v) for v in value]
    if isinstance(value, dict):
        return {k: _fold_quotes(v) for k, v in value.items()}
    return value


def _explain(field: str, want: Any, got: Any) -> str:
    """A short account of how one field differs (for lists: the first differing item)."""
    if isinstance(want, list) and isinstance(got, list):
        for i, (w, g) in enumerate(zip(want, got, strict=False)):
            if w != g:
                return f"{field}[{i}]: want {w!r}\n{' ' * len(field)}    got  {g!r}"
        if len(want) != len(got):
            extra = got[len(want) :] if len(got) > len(want) else want[len(got) :]
            side = "leaked (extra)" if len(got) > len(want) else "missed"
            return f"{field}: {len(want)} wanted, {len(got)} got; {side}: {extra[:3]!r}"
    return f"{field}: want {want!r}\n{' ' * len(field)}  got  {got!r}"


def compare(expected: dict[str, Any], article: Article) -> dict[str, str]:
    """{field: explanation} for every expected field the article gets wrong."""
    got = observed(article)
    fold = expected.get("equivalent_quotes", False)
    problems: dict[str, str] = {}
    for field in DERIVED:
        if field not in expected:
            continue
        want, have = expected[field], got[field]
        if fold:
            want, have = _fold_quotes(want), _fold_quotes(have)
        if want != have:
            problems[field] = _explain(field, want, have)
    leaked = [s for s in expected.get("text_excludes", []) if s in article.text]
    if leaked:
        problems["text_excludes"] = f"text_excludes: clutter in the body: {leaked!r}"
    return problems


def _regen(case: Path, article: Article) -> None:
    path = case / "expected.json"
    old: dict[str, Any] = json.loads(path.read_text("utf-8")) if path.exists() else {}
    got = observed(article)
    frozen = set(old.get("xfail", {}))
    new: dict[str, Any] = {}
    fields = [f for f in DERIVED if f in old] or ["headline", "breadcrumb", "blocks", "images"]
    for field in fields:
        new[field] = old[field] if field in frozen else got[field]
    for key, value in old.items():
        if key not in new:
            new[key] = value
    path.write_text(json.dumps(new, ensure_ascii=False, indent=2) + "\n", "utf-8")
    md = case / "expected.md"
    if md.exists() and "markdown" not in frozen:
        md.write_text(article.to_markdown(), "utf-8")


def _regen_requested(config: pytest.Config) -> bool:
    return bool(config.getoption("--regen", default=False)) or os.environ.get(
        "DECLUTTER_REGEN", ""
    ) not in ("", "0")


@pytest.mark.parametrize("case", _case_dirs(), ids=lambda p: p.name)
def test_golden(case: Path, request: pytest.FixtureRequest) -> None:
    assert (case / "README.md").exists(), f"{case.name}: README.md saying why the case exists"
    article = extract_case(case)
    if _regen_requested(request.config):
        _regen(case, article)
    expected = json.loads((case / "expected.json").read_text("utf-8"))
    assert "headline" in expected, f"{case.name}: expected.json must pin the headline"
    unknown = set(expected) - KEYS
    assert not unknown, f"{case.name}: unknown keys in expected.json (a typo?): {sorted(unknown)}"
    assert set(expected.get("xfail", {})) <= {*DERIVED, "text_excludes", "markdown"}, case.name
    problems = compare(expected, article)
    md = case / "expected.md"
    if md.exists() and article.to_markdown() != md.read_text("utf-8"):
        problems["markdown"] = _explain(
            "markdown",
            md.read_text("utf-8").splitlines(),
            article.to_markdown().splitlines(),
        )
    known: dict[str, str] = expected.get("xfail", {})
    unexpected = {f: p for f, p in problems.items() if f not in known}
    assert not unexpected, f"{case.name}:\n" + "\n".join(unexpected.values())
    fixed = sorted(set(known) - set(problems))
    if fixed:
        warnings.warn(
            f"{case.name}: xfail fields now pass, remove them from expected.json: {fixed}",
            stacklevel=1,
        )
    if problems:
        reasons = "; ".join(f"{f}: {known[f]}" for f in problems)
        pytest.xfail(f"{case.name}: {reasons}")


def test_regen_keeps_hand_written_fields(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    (case / "source.html").write_text(
        "<html><head><title>A headline here</title></head><body><article><h1>A headline here"
        "</h1><p>"
        + "A sentence of prose that is long enough to count as body text. " * 3
        + "</p></article></body></html>",
        "utf-8",
    )
    hand = {
        "headline": "wrong",
        "authors": ["Keep Me"],
        "text_excludes": ["x"],
        "xfail": {"authors": "known"},
    }
    (case / "expected.json").write_text(json.dumps(hand), "utf-8")
    _regen(case, extract_case(case))
    new = json.loads((case / "expected.json").read_text("utf-8"))
    assert new["headline"] == "A headline here"
    assert new["authors"] == ["Keep Me"]  # frozen by its xfail entry
    assert new["text_excludes"] == ["x"] and new["xfail"] == {"authors": "known"}
    assert "blocks" not in new  # regen rewrites only the fields the case pins


def test_cases_exist() -> None:
    assert len(_case_dirs()) >= 14


SEED_TEXT = Path(__file__).resolve().parent / "fixtures" / "text" / "seed"


@pytest.mark.skipif(not SEED_TEXT.is_dir(), reason="the text form of the seed is not here")
def test_seed_html_and_text_agree() -> None:
    """Issue 3: both forms of the seed give the same breadcrumb, headline and body."""
    html = extract_case(CASES / "seed-html")
    source = next(SEED_TEXT.glob("*.txt"))
    text = declutter.extract(source.read_bytes(), input="text", source=source.name)
    assert html.breadcrumb == text.breadcrumb == ("Home", "Movies")
    assert html.headline == text.headline
    html_body = [b.text.translate(_QUOTES) for b in html.blocks if b.type == "paragraph"]
    text_body = [b.text.translate(_QUOTES) for b in text.blocks if b.type == "paragraph"]
    assert html_body == text_body
    assert len(html_body) == 4

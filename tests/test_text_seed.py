"""The seed page (issue 3 and 7): its text scrape gives exactly the expected article."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import declutter
from declutter.options import Options

SEED = Path(__file__).resolve().parent / "fixtures" / "text" / "seed"


def _seed() -> tuple[declutter.Article, dict[str, object]]:
    data = (SEED / "000_5c21726c62924b0b.txt").read_bytes()
    expected = json.loads((SEED / "expected.json").read_text("utf-8"))
    article = declutter.extract(
        data, source="000_5c21726c62924b0b.txt", options=Options(explain=True)
    )
    return article, expected


def test_seed_is_read_as_text() -> None:
    article, _ = _seed()
    assert article.input == "text"


def test_seed_breadcrumb_and_headline() -> None:
    article, expected = _seed()
    assert list(article.breadcrumb) == expected["breadcrumb"]
    assert article.headline == expected["headline"]


def test_seed_body_is_exactly_the_four_paragraphs() -> None:
    article, expected = _seed()
    assert [b.type for b in article.blocks] == ["paragraph"] * 4
    assert [b.text for b in article.blocks] == expected["paragraphs"]
    assert article.text == "\n\n".join(expected["paragraphs"])  # type: ignore[arg-type]


def test_seed_removed_blocks_and_reasons() -> None:
    article, expected = _seed()
    got: dict[str, list[str]] = defaultdict(list)
    for r in article.removed:
        got[r.reason].append(r.text)
    assert dict(got) == expected["removed"]


def test_seed_lede_once() -> None:
    article, _ = _seed()
    assert article.text.count("micro-budget guerrilla-style") == 1


def test_seed_json_explain_lists_reasons() -> None:
    article, _ = _seed()
    record = article.to_dict(explain=True)
    reasons = {r["reason"] for r in record["removed"]}
    assert reasons == {"duplicate", "boilerplate", "caption_or_fragment"}
    assert record["input"] == "text"

"""prune: boilerplate lines, duplicates with quote/case/space folding, truncated deks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from declutter.prune import (
    drop_repeated_pairs,
    fold,
    is_boilerplate,
    is_duplicate_of,
    prune_blocks,
)

LEDE = (
    "It might have been El Mariachi's micro-budget guerrilla-style filmmaking that first "
    "brought Robert Rodriguez to prominence."
)


@dataclass
class B:
    type: str
    text: str


def test_fold_quotes_case_space() -> None:
    assert fold("It’s  “Quoted”\n") == fold('it\'s "quoted"')


def test_duplicate_after_folding_quotes() -> None:
    typographic = LEDE.replace("'", "‘")
    kept, removed = prune_blocks([B("paragraph", LEDE), B("paragraph", typographic)])
    assert [b.text for b in kept] == [LEDE]
    assert [(r.text, r.reason) for r in removed] == [(typographic, "duplicate")]


def test_truncated_dek_is_a_duplicate() -> None:
    dek = LEDE[:70] + "…"
    assert is_duplicate_of(fold(dek), [fold(LEDE)])
    assert is_duplicate_of(fold(LEDE[:70] + "..."), [fold(LEDE)])
    assert not is_duplicate_of(fold(LEDE[:70]), [fold(LEDE)])  # no ellipsis: not a dek


def test_short_lines_are_never_duplicates() -> None:
    assert not is_duplicate_of("read more", ["read more"])


def test_dedupe_window_limits_the_search() -> None:
    blocks = [B("paragraph", LEDE), B("paragraph", "x" * 40), B("paragraph", LEDE)]
    kept, _ = prune_blocks(blocks, dedupe_window=1)
    assert len(kept) == 3
    kept, _ = prune_blocks(blocks)
    assert len(kept) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Recommended Videos",
        "Exit mobile version",
        "Advertisement",
        "Anzeige",
        "Реклама",
        "广告",
        "Partager",
        "Читайте также:",
        "Tous droits réservés",
        "(c) 2023 Riverside Gazette. All rights reserved.",
        "版权所有 © 2024 科技日报社",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["We Can Be Heroes", "Advertisement rules changed in 2019.", LEDE])
def test_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_headline_repeated_in_body_is_removed() -> None:
    kept, removed = prune_blocks(
        [B("heading", "The Title"), B("paragraph", LEDE)], headline="the  title"
    )
    assert [b.text for b in kept] == [LEDE]
    assert removed[0].reason == "headline"


def test_code_and_images_are_never_judged() -> None:
    kept, _ = prune_blocks([B("code", "Advertisement"), B("image", "")])
    assert len(kept) == 2


def test_a_long_block_is_a_copy_beyond_the_window() -> None:
    short = "Phone consultation included."
    blocks = [B("paragraph", LEDE), B("paragraph", short)]
    blocks += [B("paragraph", f"Filler line number {n} of the page.") for n in range(5)]
    blocks += [B("paragraph", LEDE), B("paragraph", short)]
    kept, removed = prune_blocks(blocks, dedupe_window=3, far_chars=100)
    assert [r.text for r in removed] == [LEDE]
    assert [b.text for b in kept].count(short) == 2


def test_a_short_line_after_the_same_line_as_before_is_a_copy() -> None:
    lines = [
        ("heading", "Speckle mug"), ("paragraph", "USD 60.00 each"),
        ("paragraph", "Material:"), ("paragraph", "Stoneware"),
        ("paragraph", "Glaze:"), ("paragraph", "Matte speckle"),
        ("paragraph", "Material:"), ("paragraph", "Porcelain"),
        ("heading", "Speckle mug"), ("paragraph", "USD 60.00 each"),
    ]  # fmt: skip
    kept, removed = drop_repeated_pairs([B(kind, text) for kind, text in lines])
    assert [b.text for b in kept] == [text for _, text in lines[:-1]]
    assert [r.text for r in removed] == ["USD 60.00 each"]

"""Blocks → kept blocks + what was removed and why: duplicates, boilerplate, captions.

Written once for HTML and text: both arrive here as lists of chunks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from .model import Removed
from .patterns import BOILERPLATE_LINES

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
    }
)
_SPACE = re.compile(r"\s+")
_TRAILING_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")


class Judged(Protocol):
    """What prune needs of a block: its type and its plain text."""

    @property
    def type(self) -> str: ...

    @property
    def text(self) -> str: ...


def fold(text: str) -> str:
    """Fold quote styles, case and white space, so that near-copies compare equal."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


def is_boilerplate(text: str) -> bool:
    """A whole block that is a known widget label or call to action."""
    folded = _SPACE.sub(" ", text).strip().strip(":.!|-–—»›").strip()
    return len(folded) < 200 and bool(BOILERPLATE_LINES.match(folded))


T = TypeVar("T", bound=Judged)


def prune_blocks(
    blocks: Sequence[T], *, headline: str | None = None, dedupe_window: int | None = None
) -> tuple[list[T], list[Removed]]:
    """Drop boilerplate lines, duplicates (also truncated copies) and the headline repeated.

    ``dedupe_window`` limits the duplicate search to that many preceding blocks: in HTML a lede
    printed twice sits right beside its copy, while a line repeated far apart (a recipe's
    "Containers: 1 Green" under each meal) is content.
    """
    kept: list[T] = []
    removed: list[Removed] = []
    seen: list[str] = []
    head = fold(headline) if headline else None
    for block in blocks:
        text = block.text
        if block.type == "image" or not text:
            kept.append(block)
            continue
        folded = fold(text)
        if block.type != "code" and is_boilerplate(text):
            removed.append(Removed(text, "boilerplate"))
            continue
        if head and block.type in ("heading", "paragraph") and folded == head:
            removed.append(Removed(text, "headline"))
            continue
        if block.type in ("paragraph", "quote", "heading") and is_duplicate_of(
            folded, seen if dedupe_window is None else seen[-dedupe_window:]
        ):
            removed.append(Removed(text, "duplicate"))
            continue
        seen.append(folded)
        kept.append(block)
    return kept, removed


def is_duplicate_of(folded: str, seen: Sequence[str]) -> bool:
    """Whether ``folded`` (see :func:`fold`) repeats or truncates an earlier block."""
    if len(folded) < 25:
        return False
    stem = _TRAILING_ELLIPSIS.sub("", folded).rstrip()
    truncated = stem != folded
    for earlier in seen:
        if earlier == folded:
            return True
        if truncated and len(stem) >= 40 and earlier.startswith(stem):
            return True
    return False

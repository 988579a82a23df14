"""Markdown scrapes → candidate blocks (placeholder)."""

from __future__ import annotations

from .model import Removed
from .textblocks import Piece
from .textsplit import split_text


def parse_markdown(text: str) -> tuple[list[Piece], list[Removed]]:
    return split_text(text)

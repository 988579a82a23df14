"""Plain-text and Markdown scrapes → breadcrumb, headline, body blocks and removed blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .metadata import Meta
from .model import Block, Removed
from .options import Options
from .prune import prune_blocks


@dataclass(frozen=True, slots=True)
class TextResult:
    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...]
    meta: Meta


def extract_text(text: str, kind: str, options: Options) -> TextResult:
    """Extract the article from a text or Markdown scrape."""
    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    blocks = [Block("paragraph", text=p) for p in paras if p]
    kept, removed = prune_blocks(blocks)
    return TextResult(tuple(kept), tuple(removed), Meta())

"""Every knob of the extractor, with its default and the reason for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Mode = Literal["balanced", "precision", "recall"]


@dataclass(frozen=True, slots=True)
class Options:
    """Extraction options; immutable, passed explicitly (no globals, no config file)."""

    #: "precision" favours less clutter, "recall" less loss; "balanced" meets both targets.
    mode: Mode = "balanced"
    #: Keep image blocks (with their captions) in the body; they never enter ``text``.
    images: bool = True
    #: Keep tables as table blocks.
    tables: bool = True
    #: Record what was dropped and why (``--explain``).
    explain: bool = False


DEFAULTS = Options()

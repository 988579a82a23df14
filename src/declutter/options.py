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
    #: Seconds one ``extract`` call may take, counted from its start; past it the call raises
    #: ``ExtractTimeout``.  Checked by the pipeline itself, so it holds in any thread.
    timeout: float | None = None
    #: An absolute :func:`time.monotonic` time the call must end by (the earlier of the two
    #: wins), for a caller that budgets several steps together.
    deadline: float | None = None


DEFAULTS = Options()

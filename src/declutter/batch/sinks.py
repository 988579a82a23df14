"""Where rendered outcomes go: one file each under a directory, or one stream."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from .atomic import AtomicFile, write_atomic
from .jobs import BatchConfig, Format, Outcome


def render(outcome: Outcome, fmt: Format, explain: bool = False) -> str:
    """One outcome in the chosen format, ending with a newline.

    Failed inputs render as their error record in JSON formats; in Markdown and text they have
    no rendering (they are listed in the summary) and this returns "".
    """
    if fmt == "json":
        return json.dumps(outcome.record(explain), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(outcome.record(explain), ensure_ascii=False) + "\n"
    if outcome.article is None:
        return ""
    text = outcome.article.to_markdown() if fmt == "markdown" else outcome.article.to_text()
    return text.rstrip("\n") + "\n"


class Sink:
    """Where rendered outcomes go: one file each under a directory, or one stream."""

    def __init__(self, cfg: BatchConfig, stream: IO[str] | None = None) -> None:
        self.cfg = cfg
        self.stream = stream
        self._file: AtomicFile | None = None
        self._first = True
        if cfg.out_dir is None and cfg.out_file is not None:
            self._file = AtomicFile(cfg.out_file)

    def write(self, outcome: Outcome) -> None:
        if outcome.status == "skipped":
            return
        text = render(outcome, self.cfg.format, self.cfg.explain)
        if outcome.out is not None:
            if text:
                write_atomic(outcome.out, text.encode("utf-8"))
            return
        if not text:
            return
        if self.cfg.format in ("markdown", "text") and not self._first:
            text = "\n" + text
        self._first = False
        if self._file is not None:
            self._file.write(text.encode("utf-8"))
        elif self.stream is not None:
            self.stream.write(text)
            self.stream.flush()

    def prefill(self, lines: Iterable[bytes]) -> None:
        """Copy records kept from a previous run (``--resume`` of a JSON Lines file)."""
        if self._file is not None:
            for line in lines:
                self._file.write(line)

    def commit(self) -> None:
        if self._file is not None:
            self._file.commit()
            self._file = None

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()
            self._file = None

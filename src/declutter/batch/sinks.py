"""Where rendered outcomes go: one file each under a directory, one file, or one stream."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from typing import IO, Any

from .atomic import AtomicFile, write_atomic
from .jobs import BatchConfig, Format, Outcome


def render(outcome: Outcome, fmt: Format, explain: bool = False) -> str:
    """One outcome in the chosen format, ending with a newline.

    Failed inputs render as their error record in JSON formats; in Markdown and text they have
    no rendering (they are listed in the summary) and this returns "".  Parquet is not text:
    :class:`RecordFile` writes it.
    """
    if fmt == "json":
        return json.dumps(outcome.record(explain), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(outcome.record(explain), ensure_ascii=False) + "\n"
    if fmt == "parquet":
        raise ValueError("parquet records are written by RecordFile, not rendered as text")
    if outcome.article is None:
        return ""
    if fmt == "html":
        return outcome.article.to_html(explain=explain)
    text = outcome.article.to_markdown() if fmt == "markdown" else outcome.article.to_text()
    return text.rstrip("\n") + "\n"


class RecordFile:
    """Many records in one file that appears complete or not at all.

    Text formats are written as a stream renders them (gzip-compressed with ``gz``, as a
    cluster writes a WARC file's shard); Parquet as row groups of a fixed schema.
    """

    def __init__(self, path: str, fmt: Format, explain: bool = False, gz: bool = False) -> None:
        self.fmt = fmt
        self.explain = explain
        self.first = True
        self.atomic = AtomicFile(path)
        self.out: Any = self.atomic.stream
        self.parquet: Any = None
        if fmt == "parquet":
            from .parquet import ParquetStream

            self.parquet = ParquetStream(self.atomic.stream)
        elif gz:
            # mtime 0: the same records give the same bytes, run after run.
            self.out = gzip.GzipFile(fileobj=self.atomic.stream, mode="wb", mtime=0)

    def write(self, outcome: Outcome) -> None:
        if self.parquet is not None:
            self.parquet.write(outcome.record(self.explain))
            return
        text = render(outcome, self.fmt, self.explain)
        if not text:
            return
        if self.fmt in ("markdown", "text") and not self.first:
            text = "\n" + text
        self.first = False
        self.out.write(text.encode("utf-8"))

    def write_raw(self, data: bytes) -> None:
        self.out.write(data)

    def commit(self) -> None:
        if self.parquet is not None:
            self.parquet.close()
        elif self.out is not self.atomic.stream:
            self.out.close()
        self.atomic.commit()

    def discard(self) -> None:
        self.atomic.discard()


class Sink:
    """Where rendered outcomes go: one file each under a directory, or one stream."""

    def __init__(self, cfg: BatchConfig, stream: IO[str] | None = None) -> None:
        self.cfg = cfg
        self.stream = stream
        self._file: RecordFile | None = None
        self._first = True
        if cfg.out_dir is None and cfg.out_file is not None:
            self._file = RecordFile(cfg.out_file, cfg.format, cfg.explain)
        elif cfg.format == "parquet" and cfg.out_dir is None:
            raise ValueError("parquet output needs a file or a directory, not a stream")

    def write(self, outcome: Outcome) -> None:
        if outcome.status == "skipped":
            return
        if self._file is not None and outcome.out is None:
            self._file.write(outcome)
            return
        if outcome.out is not None:
            self._write_one(outcome, outcome.out)
            return
        text = render(outcome, self.cfg.format, self.cfg.explain)
        if not text or self.stream is None:
            return
        if self.cfg.format in ("markdown", "text") and not self._first:
            text = "\n" + text
        self._first = False
        self.stream.write(text)
        self.stream.flush()

    def _write_one(self, outcome: Outcome, path: str) -> None:
        if self.cfg.format == "parquet":
            one = RecordFile(path, "parquet", self.cfg.explain)
            try:
                one.write(outcome)
                one.commit()
            except BaseException:
                one.discard()
                raise
            return
        text = render(outcome, self.cfg.format, self.cfg.explain)
        if text:
            write_atomic(path, text.encode("utf-8"))

    def prefill(self, lines: Iterable[bytes]) -> None:
        """Copy records kept from a previous run (``--resume`` of a JSON Lines file)."""
        if self._file is not None:
            for line in lines:
                self._file.write_raw(line)

    def commit(self) -> None:
        if self._file is not None:
            self._file.commit()
            self._file = None

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()
            self._file = None

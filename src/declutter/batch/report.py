"""What a batch did, gathered outcome by outcome: ``--report`` (JSON or HTML) and ``index.html``.

The figures are counters and a short list of the slowest pages, so memory stays flat however
many pages there are; the rows of a batch's ``index.html`` wait in an anonymous spool file.
"""

from __future__ import annotations

import heapq
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from ..view.report import index_page, render_report
from .atomic import AtomicFile, write_atomic
from .jobs import Outcome, ProgressCallback, Summary

#: Slowest pages kept for the report.
SLOWEST = 10
#: Body length buckets in words: (upper bound, label); the last one is open.
WORD_BUCKETS = (
    (0, "0 (empty)"),
    (99, "1–99"),
    (299, "100–299"),
    (599, "300–599"),
    (999, "600–999"),
    (1999, "1,000–1,999"),
    (4999, "2,000–4,999"),
)
OPEN_BUCKET = "5,000+"


def word_bucket(words: int) -> str:
    for top, label in WORD_BUCKETS:
        if words <= top:
            return label
    return OPEN_BUCKET


class BatchReport:
    """Counts every outcome of a run; writes the report and, for HTML batches, the index."""

    def __init__(self, index_dir: str | None = None) -> None:
        self.reasons: Counter[str] = Counter()
        self.words: Counter[str] = Counter({label: 0 for _, label in WORD_BUCKETS})
        self.words[OPEN_BUCKET] = 0
        self.page_types: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.slow: list[tuple[float, int, str, str]] = []
        self.index_dir = index_dir
        self.spool: IO[str] | None = None
        if index_dir is not None:
            # closed by write_index (its lifetime is the run, not a block)
            self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def observe(self, progress: ProgressCallback | None) -> ProgressCallback:
        """A progress callback that counts each outcome, then calls ``progress``."""

        def callback(summary: Summary, outcome: Outcome | None) -> None:
            if outcome is not None:
                self.add(outcome)
            if progress is not None:
                progress(summary, outcome)

        return callback

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "skipped":
            return
        entry = (outcome.seconds, -outcome.index, outcome.source, outcome.status)
        if len(self.slow) < SLOWEST:
            heapq.heappush(self.slow, entry)
        else:
            heapq.heappushpop(self.slow, entry)
        article = outcome.article
        words = 0
        if article is not None:
            words = len(article.text.split())
            self.words[word_bucket(words)] += 1
            self.page_types[str(getattr(article, "page_type", None) or "unknown")] += 1
            self.languages[article.language or "unknown"] += 1
            self.reasons.update(r.reason.split(":", 1)[0].strip() for r in article.removed)
        if self.spool is not None:
            self._index_row(outcome, words)

    def _index_row(self, outcome: Outcome, words: int) -> None:
        assert self.spool is not None and self.index_dir is not None
        article = outcome.article
        row: dict[str, Any] = {"source": outcome.source}
        if outcome.out and article is not None:
            rel = os.path.relpath(outcome.out, self.index_dir)
            row["href"] = quote(Path(rel).as_posix())
        if article is not None:
            row.update(
                headline=article.headline,
                site=article.site_name,
                page_type=getattr(article, "page_type", None),
                words=words,
            )
        elif outcome.error is not None:
            row["error"] = f"failed: {outcome.error.message}"
        self.spool.write(json.dumps(row, ensure_ascii=False) + "\n")

    def to_dict(self, summary: Summary) -> dict[str, Any]:
        """The JSON report: the run's summary and every figure the HTML report shows."""
        out = summary.to_dict()
        out["slowest"] = [
            {"source": source, "seconds": seconds, "status": status}
            for seconds, _, source, status in sorted(self.slow, reverse=True)
        ]
        out["removal_reasons"] = dict(self.reasons.most_common())
        out["body_words"] = dict(self.words)
        out["page_types"] = dict(self.page_types.most_common())
        out["languages"] = dict(self.languages.most_common())
        return out

    def write(self, path: str, summary: Summary) -> None:
        """The report at ``path``: HTML when the name ends in .html/.htm, JSON otherwise."""
        data = self.to_dict(summary)
        if path.lower().endswith((".html", ".htm")):
            text = render_report(data)
        else:
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        write_atomic(path, text.encode("utf-8"))

    def write_index(self) -> None:
        """``index.html`` in the output directory: one row per input, linking its page."""
        if self.spool is None or self.index_dir is None:
            return
        self.spool.seek(0)
        rows = (json.loads(line) for line in self.spool)
        out = AtomicFile(os.path.join(self.index_dir, "index.html"))
        try:
            for piece in index_page(rows):
                out.write(piece.encode("utf-8"))
            out.commit()
        except BaseException:
            out.discard()
            raise
        finally:
            self.spool.close()
            self.spool = None

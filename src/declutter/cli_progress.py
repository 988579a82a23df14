"""What the command line draws on stderr while a batch runs: progress and the summary.

rich on a terminal, a plain line every few seconds otherwise (logs and pipes); stdout carries
the records and is never touched here.
"""

from __future__ import annotations

import sys
import time

from .batch import Outcome, Summary


class PlainProgress:
    """A line on stderr every few seconds: for logs and pipes."""

    def __init__(self, every: float = 5.0) -> None:
        self.every = every
        self.last = time.monotonic()

    def __call__(self, summary: Summary, outcome: Outcome | None) -> None:
        now = time.monotonic()
        if outcome is None or now - self.last < self.every:
            return
        self.last = now
        total = f"/{summary.total}" if summary.total is not None else ""
        sys.stderr.write(
            f"declutter: {summary.done}{total} done, {summary.failed} failed, "
            f"{summary.pages_per_second:.1f} pages/s\n"
        )
        sys.stderr.flush()

    def close(self) -> None:
        pass


class RichProgress:
    """A rich progress bar on stderr: count, rate, ETA, failures so far."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("declutter"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
            redirect_stdout=False,  # stdout carries the records; never capture it
            redirect_stderr=False,
        )
        self.task = self.progress.add_task("pages", total=None, rate=0.0, failed=0)
        self.progress.start()
        self.last = 0.0

    def __call__(self, summary: Summary, outcome: Outcome | None) -> None:
        now = time.monotonic()
        if outcome is not None and now - self.last < 0.1 and summary.done != summary.total:
            return
        self.last = now
        self.progress.update(
            self.task,
            total=summary.total,
            completed=summary.done,
            rate=summary.pages_per_second,
            failed=summary.failed,
        )

    def close(self) -> None:
        self.progress.stop()


def print_summary(summary: Summary) -> None:
    line = (
        f"declutter: read {summary.read}, extracted {summary.extracted}, empty {summary.empty}, "
        f"failed {summary.failed}"
    )
    if summary.skipped:
        line += f", skipped {summary.skipped} (resumed)"
    if summary.template_blocks_dropped:
        line += f", {summary.template_blocks_dropped} site-template blocks dropped"
    line += f" in {summary.seconds:.1f}s ({summary.pages_per_second:.1f} pages/s)"
    sys.stderr.write(line + "\n")
    for f in summary.failures[:20]:
        sys.stderr.write(f"  failed: {f['source']}: {f['type']}: {f['message']}\n")
    if len(summary.failures) > 20:
        sys.stderr.write(f"  … and {len(summary.failures) - 20} more (see --report)\n")
    sys.stderr.flush()

"""Batches: many inputs in, one record (or one error record) per input out.

This module holds all the logic of a run; the command line (``cli.py``) only parses options and
draws progress.  Nothing here knows about rich: progress is reported through a callback.

    inputs ──► Job stream ──► [fetch threads for URLs] ──► worker processes ──► site learning
           ──► reorder buffer (unless unordered) ──► sink (files under a directory, or a stream)

Guarantees:

* every input yields exactly one :class:`Outcome` — a record or an error record — whatever the
  worker does (raise, hang past its time budget, crash);
* outputs are written atomically (an anonymous temporary file linked into place, or a temporary
  name and a rename), so an interrupted run leaves no half-written file;
* memory stays flat: inputs are discovered lazily and only a bounded number of pages is in
  flight or waiting for its turn.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from dataclasses import replace
from typing import IO, Any

from ..options import DEFAULTS, Options
from ..read import KindChoice
from .atomic import remove_stale_temporaries
from .jobs import BatchConfig, Job, Outcome, ProgressCallback, Settings, Summary
from .pool import DEPTH, Pool, failed_outcome
from .resume import resume_jsonl, should_skip
from .sinks import Sink
from .walk import count_inputs, expand_inputs, is_url
from .worker import process_with_budget, test_hooks_from_env

#: Results waiting for an earlier input before the dispatcher stops handing out work.
MAX_WAITING = 512


def run_batch(
    cfg: BatchConfig,
    *,
    stream: IO[str] | None = None,
    progress: ProgressCallback | None = None,
) -> Summary:
    """Run a batch; every input ends as exactly one outcome, written to the sink in order."""
    return _Run(cfg, stream, progress).run()


class _Run:
    """The state of one run: the job stream, the reorder buffer, the sink and the summary."""

    def __init__(
        self, cfg: BatchConfig, stream: IO[str] | None, progress: ProgressCallback | None
    ) -> None:
        from .sitelearn import SiteLearner

        self.cfg = cfg
        self.progress = progress
        self.summary = Summary()
        self.start = time.monotonic()
        self.settings = Settings(
            cfg.input,
            # --report counts removal reasons: options may ask for them without --explain
            replace(cfg.options, explain=cfg.explain or cfg.options.explain),
            cfg.timeout,
            cfg.max_bytes,
            test_hooks_from_env(),
        )
        self.sink = Sink(cfg, stream)
        self.learner = SiteLearner(explain=cfg.explain) if cfg.learn_sites else None
        self.resumed: set[str] = set()
        self.jobs_iter = expand_inputs(cfg, self.summary)
        self.pending: dict[int, Outcome] = {}  # finished, waiting for their turn
        self.next_index = 0
        self.exhausted = False

    # -- the outcome side: count, reorder, write, report --------------------------------------

    def emit(self, outcome: Outcome) -> None:
        """Final outcome (after site learning): count it, write it, report progress."""
        if outcome.parts is None:
            self.account(outcome, write=outcome.status != "skipped")
            return
        # A WARC file run as one task: its pages, already written by the worker to its shard
        # when there is one, else written here to the stream.
        self.summary.template_blocks_dropped += outcome.dropped
        self.summary.read += len(outcome.parts) - 1  # the archive was counted as one input
        for part in outcome.parts:
            self.account(part, write=outcome.out is None)

    def account(self, outcome: Outcome, write: bool) -> None:
        summary = self.summary
        if outcome.status == "ok":
            summary.extracted += 1
        elif outcome.status == "empty":
            summary.empty += 1
        elif outcome.status == "failed":
            summary.failed += 1
            summary.failures.append(
                {
                    "source": outcome.source,
                    "type": type(outcome.error).__name__,
                    "message": outcome.error.message if outcome.error else "",
                }
            )
        elif outcome.status == "skipped":
            summary.skipped += 1
        if write:
            try:
                self.sink.write(outcome)
            except BrokenPipeError:
                raise
            except OSError as exc:
                where = outcome.out or self.cfg.out_file or "output"
                raise OutputError(f"{where}: {exc}") from None
        summary.seconds = time.monotonic() - self.start
        if self.progress is not None:
            self.progress(summary, outcome)

    def release(self, outcomes: Iterable[Outcome]) -> None:
        for o in outcomes:
            if not self.cfg.ordered:
                self.emit(o)
                continue
            self.pending[o.index] = o
        if self.cfg.ordered:
            while self.next_index in self.pending:
                self.emit(self.pending.pop(self.next_index))
                self.next_index += 1

    def finish(self, o: Outcome) -> None:
        """An outcome came back from extraction (or was decided without it)."""
        if self.learner is not None and o.parts is None:
            self.release(self.learner.add(o))
        else:
            self.release([o])

    # -- the job side -----------------------------------------------------------------------

    def next_job(self) -> Job | None:
        """The next job to run, or None when there are no more (resumed ones finish here)."""
        while not self.exhausted:
            try:
                job = next(self.jobs_iter)
            except StopIteration:
                self.exhausted = True
                return None
            self.summary.read += 1
            if self.learner is not None and not job.shard:  # a shard learns on its worker
                self.learner.expect(job)
            if self.cfg.resume and should_skip(job, self.cfg, self.resumed):
                self.finish(
                    Outcome(job.index, job.source, status="skipped", out=job.out, site=job.site)
                )
                continue
            return job
        return None

    @property
    def held(self) -> int:
        return len(self.pending) + (self.learner.held if self.learner else 0)

    # -- the run ----------------------------------------------------------------------------

    def run(self) -> Summary:
        cfg = self.cfg
        if cfg.resume and cfg.out_dir:
            remove_stale_temporaries(cfg.out_dir)
        if cfg.resume and cfg.out_file and cfg.format == "jsonl":
            self.resumed, kept = resume_jsonl(cfg.out_file)
            self.sink.prefill(kept)
        self.summary.total = count_inputs(cfg) if self.progress is not None else None
        if self.progress is not None:
            self.progress(self.summary, None)
        try:
            if cfg.inline:
                self.run_inline()
            else:
                self.run_pool()
            if self.learner is not None:
                self.release(self.learner.flush_all())
            self.sink.commit()
        except BaseException:
            self.sink.discard()
            raise
        finally:
            self.summary.seconds = time.monotonic() - self.start
        if self.learner is not None:
            self.summary.template_blocks_dropped += self.learner.dropped
        return self.summary

    def run_inline(self) -> None:
        while (job := self.next_job()) is not None:
            if job.needs_fetch:
                job = _fetch_now(job, self.cfg)
            self.finish(process_with_budget(job, self.settings))

    def run_pool(self) -> None:
        cfg = self.cfg
        fetcher = None
        # The pool first: when it cannot start (a cluster out of reach), no fetch thread is left.
        pool = _pool(cfg, self.settings)
        try:
            if cfg.url_lists or any(is_url(i) for i in cfg.inputs):
                from .fetch import Fetcher

                fetcher = Fetcher(cfg.fetch)
            _Dispatch(self, pool, fetcher).loop()
            pool.close()
        except BaseException:
            pool.terminate()
            raise
        finally:
            if fetcher is not None:
                fetcher.close()


class _Dispatch:
    """Keeps every worker busy, a few fetches ahead, and the reorder buffer bounded."""

    def __init__(self, run: _Run, pool: Pool, fetcher: Any) -> None:
        self.run = run
        self.pool = pool
        self.fetcher = fetcher
        self.ready: deque[Job] = deque()  # jobs ready for a worker
        self.waiting_fetch = 0

    def fill(self) -> bool:
        """Take jobs from the stream; False when the reorder buffer is full."""
        run, fetcher = self.run, self.fetcher
        budget_ok = run.held < MAX_WAITING
        while (
            budget_ok
            and not run.exhausted
            and len(self.ready) < len(self.pool.workers) * DEPTH
            and (fetcher is None or self.waiting_fetch < fetcher.max_in_flight)
        ):
            job = run.next_job()
            if job is None:
                break
            if job.needs_fetch:
                fetcher.submit(job)
                self.waiting_fetch += 1
            else:
                self.ready.append(job)
        if fetcher is not None:
            for fetched in fetcher.done():
                self.waiting_fetch -= 1
                self.ready.append(fetched)
        return budget_ok

    def hand_out(self) -> None:
        while self.ready and (w := self.pool.idle()) is not None:
            job = self.ready.popleft()
            if job.error is not None:
                self.run.finish(failed_outcome(job, job.error))
                continue
            self.pool.submit(w, job)

    def loop(self) -> None:
        run, pool = self.run, self.pool
        while True:
            budget_ok = self.fill()
            self.hand_out()
            if not self.ready and self.waiting_fetch == 0 and pool.busy == 0:
                if run.exhausted:
                    return
                if run.learner is not None and not budget_ok:
                    # Everything waits on pages the learner holds: decide their sites now.
                    run.release(run.learner.flush_all())
            if pool.busy == 0:
                if self.waiting_fetch:
                    self.fetcher.wait(0.5)
                continue
            wait = 0.02 if self.waiting_fetch else 0.5
            outcomes, again = pool.collect(wait)
            self.ready.extendleft(reversed(again))
            # Hand out work before writing results, so that workers never wait on the parent.
            self.hand_out()
            for o in outcomes:
                run.finish(o)


def _pool(cfg: BatchConfig, settings: Settings) -> Any:
    """Local worker processes, or a Dask cluster with the same interface."""
    if not cfg.cluster:
        return Pool(cfg.jobs, settings)
    from .remote import ClusterPool
    from .shards import ShardSpec

    return ClusterPool(cfg.cluster, settings, ShardSpec(cfg.format, cfg.explain, cfg.learn_sites))


class OutputError(Exception):
    """An output could not be written (disk full, permission): the run stops."""


def _fetch_now(job: Job, cfg: BatchConfig) -> Job:
    from .fetch import Fetcher

    fetcher = Fetcher(cfg.fetch)
    try:
        return fetcher.fetch_job(job)
    finally:
        fetcher.close()


def extract_one(
    source: str,
    *,
    input: KindChoice = "auto",
    options: Options = DEFAULTS,
    timeout: float | None = None,
    max_bytes: int | None = None,
    fetch: Any = None,
) -> Outcome:
    """One input (a path, ``-`` or a URL), extracted in this process."""
    cfg = BatchConfig([source], input=input, options=options, timeout=timeout, max_bytes=max_bytes)
    cfg.fetch = fetch
    job = next(expand_inputs(cfg, Summary()))
    if job.needs_fetch:
        job = _fetch_now(job, cfg)
    settings = Settings(input, options, timeout, max_bytes, test_hooks_from_env())
    return process_with_budget(job, settings)

"""Worker processes: one job at a time per worker, so a crash or a hang names exactly one input."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import time
from collections import deque
from typing import Any

from ..errors import DeclutterError, ExtractTimeout, InputError
from .jobs import Job, Outcome, Settings
from .worker import _worker_main

#: Seconds a worker gets past its soft time budget before it is killed and replaced.
HARD_KILL_GRACE = 2.0


def _mp_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # the language model too: loaded once here, not in the budget of a worker's first page
        preload = ["declutter.pipeline", "declutter.batch.worker", "declutter.meta.langmodel"]
        ctx.set_forkserver_preload(preload)
        return ctx
    return multiprocessing.get_context("spawn")


#: Jobs queued per worker: the next page is waiting while the parent writes the last result.
DEPTH = 2


class _Worker:
    def __init__(self, ctx: Any, settings: Settings) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, settings), daemon=True)
        self.proc.start()
        child.close()
        #: Jobs sent, in order; the first is the one being worked on.
        self.jobs: deque[Job] = deque()
        self.deadline: float | None = None

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


class Pool:
    """N worker processes; each works through its own short queue of jobs, in order.

    Because a worker does its jobs one after the other, the parent always knows which input a
    worker is on: a crash or a hang is charged to exactly that input, and the jobs queued
    behind it go to another worker.
    """

    def __init__(self, jobs: int, settings: Settings) -> None:
        self.settings = settings
        self.ctx = _mp_context()
        self.workers = [_Worker(self.ctx, settings) for _ in range(max(1, jobs))]

    def idle(self) -> _Worker | None:
        """The least loaded worker with room in its queue, if any."""
        best = min(self.workers, key=lambda w: len(w.jobs))
        return best if len(best.jobs) < DEPTH else None

    @property
    def busy(self) -> int:
        return sum(len(w.jobs) for w in self.workers)

    def _arm(self, worker: _Worker) -> None:
        t = self.settings.timeout
        worker.deadline = time.monotonic() + t + HARD_KILL_GRACE if t and worker.jobs else None

    def submit(self, worker: _Worker, job: Job) -> None:
        worker.jobs.append(job)
        if len(worker.jobs) == 1:
            self._arm(worker)
        # If the worker is gone, its sentinel tells; the job is then reported as a crash.
        with contextlib.suppress(BrokenPipeError, OSError):
            worker.conn.send(job)

    def _replace(self, worker: _Worker) -> list[Job]:
        """Kill a worker, start a fresh one; return the jobs that were queued behind."""
        worker.kill()
        queued = list(worker.jobs)[1:]
        i = self.workers.index(worker)
        self.workers[i] = _Worker(self.ctx, self.settings)
        return queued

    def collect(self, timeout: float) -> tuple[list[Outcome], list[Job]]:
        """Outcomes that are ready (waiting at most ``timeout`` s), and jobs to hand out again."""
        busy = [w for w in self.workers if w.jobs]
        if not busy:
            return [], []
        now = time.monotonic()
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        if deadlines:
            timeout = max(0.0, min(timeout, min(deadlines) - now))
        waitables: list[Any] = []
        for w in busy:
            waitables += [w.conn, w.proc.sentinel]
        ready = set(multiprocessing.connection.wait(waitables, timeout))
        out: list[Outcome] = []
        again: list[Job] = []
        now = time.monotonic()
        for w in busy:
            broken = False
            while w.jobs and w.conn in ready:
                try:
                    if not w.conn.poll():
                        break
                    outcome = w.conn.recv()
                except (EOFError, OSError):
                    broken = True
                    break
                w.jobs.popleft()
                out.append(outcome)
                self._arm(w)
            if not w.jobs:
                continue
            job = w.jobs[0]
            if broken or w.proc.sentinel in ready or not w.proc.is_alive():
                code = w.proc.exitcode
                err = InputError(job.source, f"worker crashed (exit code {code}) on this input")
                out.append(failed_outcome(job, err))
                again += self._replace(w)
            elif w.deadline is not None and now >= w.deadline:
                t = self.settings.timeout or 0
                err2 = ExtractTimeout(job.source, f"took longer than --timeout {t:g}s (killed)")
                out.append(failed_outcome(job, err2))
                again += self._replace(w)
        return out, again

    def close(self) -> None:
        for w in self.workers:
            if not w.jobs:
                w.stop()
            else:
                w.kill()

    def terminate(self) -> None:
        for w in self.workers:
            w.kill()


def failed_outcome(job: Job, err: DeclutterError) -> Outcome:
    return Outcome(job.index, job.source, error=err, status="failed", out=job.out, site=job.site)

"""The batch's workers on a Dask cluster: the same jobs, sent as tasks instead of over pipes.

:class:`ClusterPool` has the shape of :class:`.pool.Pool` (``idle``/``submit``/``collect``), so
the run's dispatcher, reorder buffer, site learning, sink, progress and ``--resume`` are the
local batch's own.  A page is one task (its bytes travel with it when it was fetched or read
from stdin; a path is read on the worker, so workers must see the same files); a WARC file is
one task that writes its own shard (:mod:`.shards`).

Failures: a task whose worker dies is run again elsewhere by the scheduler (``allowed-failures``);
one that keeps killing workers comes back as ``KilledWorker`` and becomes that input's error
record.  Time budgets are the pipeline's own deadline checks (no signals in worker threads).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import warnings
from dataclasses import replace
from typing import Any

from ..errors import InputError
from .jobs import Job, Outcome, Settings
from .pool import failed_outcome
from .shards import ShardSpec, process_shard
from .worker import process_job

#: Tasks in flight per worker thread: enough to hide the scheduler's round trip.
IN_FLIGHT = 4
#: Seconds to wait for a scheduler to answer.
CONNECT_TIMEOUT = 20


def connect(address: str) -> tuple[Any, Any]:
    """(client, local cluster or None) for ``tcp://host:port`` or ``local:N``."""
    # distributed is unannotated: use the module untyped rather than ignore each call.
    dist: Any = importlib.import_module("distributed")
    if address == "local" or address.startswith("local:"):
        n = address.partition(":")[2]
        if n and not n.isdigit():
            raise ConnectionError(f"local:N needs a number of workers, not {n!r}")
        workers = int(n) if n else os.cpu_count() or 1
        cluster = dist.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        return dist.Client(cluster), cluster
    try:
        with warnings.catch_warnings():
            # A client that imported pyarrow (Parquet) while workers did not is not a mismatch
            # that matters to these tasks; the warning would print on every run.
            mismatch = importlib.import_module("distributed.versions").VersionMismatchWarning
            warnings.simplefilter("ignore", mismatch)
            return dist.Client(address, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConnectionError(f"cannot connect ({exc})") from None


class _Slot:
    """What ``idle`` hands out: the dispatcher only checks that it is not None."""


class ClusterPool:
    """Jobs as Dask tasks, a bounded number in flight; outcomes as they finish."""

    def __init__(self, address: str, settings: Settings, spec: ShardSpec) -> None:
        self.client, self.cluster = connect(address)
        self.settings = settings
        self.spec = spec
        threads = sum(self.client.nthreads().values()) or 1
        #: Sized like the local pool's workers, so the dispatcher keeps as many jobs ready.
        self.workers = [_Slot() for _ in range(threads * IN_FLIGHT)]
        self.running: dict[Any, Job] = {}

    def idle(self) -> _Slot | None:
        return self.workers[0] if len(self.running) < len(self.workers) else None

    @property
    def busy(self) -> int:
        return len(self.running)

    def submit(self, worker: _Slot, job: Job) -> None:
        if job.shard:
            future = self.client.submit(process_shard, job, self.settings, self.spec, pure=False)
        else:
            if job.path is not None and job.path != "-":
                # Read by absolute path: a worker's working directory may differ.
                job = replace(job, path=os.path.abspath(job.path))
            future = self.client.submit(process_job, job, self.settings, pure=False)
        self.running[future] = job

    def collect(self, timeout: float) -> tuple[list[Outcome], list[Job]]:
        """Outcomes of the tasks done (waiting at most ``timeout`` s for one); nothing to redo."""
        wait: Any = importlib.import_module("distributed").wait
        done = [f for f in self.running if f.done()]
        if not done and self.running:
            with contextlib.suppress(TimeoutError):
                wait(list(self.running), timeout=timeout, return_when="FIRST_COMPLETED")
            done = [f for f in self.running if f.done()]
        out = [self._outcome(f, self.running.pop(f)) for f in done]
        return out, []

    def _outcome(self, future: Any, job: Job) -> Outcome:
        try:
            outcome: Outcome = future.result()
        except Exception as exc:  # the task failed as a whole: its worker died, or a bug
            err = InputError(job.source, f"worker failed ({type(exc).__name__}: {exc})")
            if not job.shard:
                return failed_outcome(job, err)
            # No shard was written (so --resume tries the archive again); the stream, if that
            # is where records go, gets the archive's error record.
            failed = Outcome(job.index, job.source, error=err, status="failed")
            return Outcome(job.index, job.source, status="shard", out=job.out, parts=[failed])
        finally:
            future.release()
        return outcome

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()

    def terminate(self) -> None:
        with contextlib.suppress(Exception):
            self.client.cancel(list(self.running))
        self.running.clear()
        self.close()

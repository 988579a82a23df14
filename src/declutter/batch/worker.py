"""Extraction of one job: in a worker process, or inline for a single input.

Every failure becomes the outcome's error, never an exception.  The time budget is checked by
the pipeline itself (``Options.timeout``, any thread); in worker processes a SIGALRM timer also
interrupts what the pipeline's checks cannot see (a slow read), and the pool's hard kill is the
last resort for a page stuck in C code.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from dataclasses import replace
from typing import Any

from ..errors import DeclutterError, ExtractTimeout, InputError
from ..model import Article
from ..options import Options
from ..read import read_bytes
from .jobs import Job, Outcome, Settings

#: Test-only hooks (never set them in production): a worker whose input's source contains the
#: value of one of these variables sleeps (interruptible: the soft time budget catches it),
#: hangs with the alarm blocked (only the hard kill ends it), or crashes (exits at once).
TEST_SLEEP_ENV = "DECLUTTER_TEST_SLEEP_ON"


TEST_HANG_ENV = "DECLUTTER_TEST_HANG_ON"


TEST_CRASH_ENV = "DECLUTTER_TEST_CRASH_ON"


class _SoftTimeout(BaseException):
    """Raised by the alarm inside a worker; BaseException so no ``except Exception`` eats it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _SoftTimeout


def test_hooks_from_env() -> tuple[str | None, str | None, str | None]:
    """The TEST_*_ENV variables of the parent (workers forked from a server do not see them)."""
    return tuple(os.environ.get(v) or None for v in (TEST_SLEEP_ENV, TEST_HANG_ENV, TEST_CRASH_ENV))  # type: ignore[return-value]


def _test_hooks(source: str, hooks: tuple[str | None, str | None, str | None]) -> None:
    """Test-only behaviour, driven by environment variables (see TEST_*_ENV)."""
    sleep_on, hang_on, crash_on = hooks
    if sleep_on and sleep_on in source:
        time.sleep(3600)
    if hang_on and hang_on in source:
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    if crash_on and crash_on in source:
        os._exit(3)


def _load(job: Job, settings: Settings) -> bytes:
    if job.data is not None:
        data = job.data
    else:
        assert job.path is not None
        if settings.max_bytes is not None and job.path != "-":
            with contextlib.suppress(OSError):
                size = os.stat(job.path).st_size
                if size > settings.max_bytes:
                    raise InputError(
                        job.source, f"{size} bytes, more than --max-bytes {settings.max_bytes}"
                    )
        data = read_bytes(job.path)
    if settings.max_bytes is not None and len(data) > settings.max_bytes:
        raise InputError(
            job.source, f"{len(data)} bytes, more than --max-bytes {settings.max_bytes}"
        )
    return data


def _budgeted(settings: Settings) -> Options:
    """The options with the batch's time budget, which the pipeline checks in any thread."""
    options = settings.options
    if settings.timeout and options.timeout is None:
        return replace(options, timeout=settings.timeout)
    return options


def process_job(job: Job, settings: Settings) -> Outcome:
    """Read and extract one job; every failure becomes the outcome's error, never an exception."""
    from ..pipeline import extract

    try:
        if job.error is not None:
            raise job.error
        if any(settings.hooks):
            _test_hooks(job.source, settings.hooks)
        data = _load(job, settings)
        if not data.strip():
            article = Article(source=job.source, url=job.url, extra=dict(job.extra))
        else:
            article = extract(
                data,
                url=job.url,
                input=settings.input,
                options=_budgeted(settings),
                source=job.source,
                http_charset=job.http_charset,
                extra=dict(job.extra),
            )
    except DeclutterError as exc:
        if exc.source != job.source:
            exc = type(exc)(job.source, exc.message)
        return Outcome(
            job.index, job.source, error=exc, status="failed", out=job.out, site=job.site
        )
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError, OSError) as exc:
        err = InputError(job.source, f"could not extract ({type(exc).__name__}: {exc})")
        return Outcome(
            job.index, job.source, error=err, status="failed", out=job.out, site=job.site
        )
    except Exception as exc:  # an extractor bug must not take the batch down
        err = InputError(job.source, f"extractor failed ({type(exc).__name__}: {exc})")
        return Outcome(
            job.index, job.source, error=err, status="failed", out=job.out, site=job.site
        )
    except BaseException as exc:
        # A panic in a Rust extension (pyo3's PanicException) is a BaseException; it is one
        # page's failure too. Interrupts, exits and the soft timeout go on up.
        if type(exc).__name__ != "PanicException":
            raise
        err = InputError(job.source, f"extractor failed ({type(exc).__name__}: {exc})")
        return Outcome(
            job.index, job.source, error=err, status="failed", out=job.out, site=job.site
        )
    status = "empty" if article.is_empty else "ok"
    return Outcome(
        job.index, job.source, article=article, status=status, out=job.out, site=job.site
    )


def process_with_budget(job: Job, settings: Settings) -> Outcome:
    """:func:`process_job` under the soft time budget (SIGALRM; main thread only)."""
    timeout = settings.timeout
    use_alarm = bool(timeout) and hasattr(signal, "setitimer")
    if use_alarm:
        assert timeout is not None
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return _timed(job, settings)
    except _SoftTimeout:
        err = ExtractTimeout(job.source, f"took longer than --timeout {timeout:g}s")
        return Outcome(
            job.index, job.source, error=err, status="failed", out=job.out, site=job.site
        )
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _timed(job: Job, settings: Settings) -> Outcome:
    start = time.perf_counter()
    outcome = process_job(job, settings)
    outcome.seconds = round(time.perf_counter() - start, 4)
    return outcome


def _worker_main(conn: multiprocessing.connection.Connection, settings: Settings) -> None:
    """A worker process: receive jobs, send outcomes, until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        outcome = process_with_budget(job, settings)
        try:
            conn.send(outcome)
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # an unpicklable result: report it, keep the input accounted
            err = InputError(job.source, f"result could not be sent ({exc})")
            conn.send(Outcome(job.index, job.source, error=err, status="failed", out=job.out))

"""Time budgets without signals: the pipeline checks the clock itself.

A SIGALRM timer only works on a process's main thread, so it cannot bound a page extracted in
a Dask worker thread or in someone's thread pool.  Instead :func:`declutter.extract` starts a
clock from ``Options(timeout=...)`` (seconds for this call) or takes ``Options(deadline=...)``
(an absolute :func:`time.monotonic` time), keeps it in a context variable, and the stages call
:func:`check_deadline` between themselves and inside their long loops.  Context variables are
per thread, so concurrent extractions never see each other's clocks.

The check is cooperative: a page stuck inside one C call (a huge lxml parse) is only stopped
when that call returns; the local batch still kills a stuck worker process as the last resort.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import ExtractTimeout
from .options import Options

#: (absolute monotonic deadline, the budget to name in the message, the source) of this call.
_CURRENT: ContextVar[tuple[float, float, str | None] | None] = ContextVar(
    "declutter_deadline", default=None
)


def resolve(options: Options, now: float | None = None) -> tuple[float, float] | None:
    """(deadline, budget) from the options, or None when the call has no time budget."""
    if options.timeout is None and options.deadline is None:
        return None
    now = time.monotonic() if now is None else now
    ends = []
    if options.timeout is not None:
        ends.append(now + options.timeout)
    if options.deadline is not None:
        ends.append(options.deadline)
    end = min(ends)
    budget = options.timeout if options.timeout is not None and end == ends[0] else end - now
    return end, max(budget, 0.0)


@contextmanager
def budget(options: Options, source: str | None) -> Iterator[None]:
    """Run the block under the options' time budget (nested budgets keep the earliest end)."""
    found = resolve(options)
    outer = _CURRENT.get()
    if found is None or (outer is not None and outer[0] <= found[0]):
        yield
        return
    token = _CURRENT.set((found[0], found[1], source))
    try:
        check_deadline()
        yield
    finally:
        _CURRENT.reset(token)


def check_deadline() -> None:
    """Raise :class:`ExtractTimeout` when the current extraction is past its deadline."""
    current = _CURRENT.get()
    if current is not None and time.monotonic() > current[0]:
        _expired(current)


def _expired(current: tuple[float, float, str | None]) -> None:
    _end, seconds, source = current
    raise ExtractTimeout(source, f"took longer than its time budget ({seconds:g}s)")

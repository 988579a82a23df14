"""Time budgets without signals: ``Options(timeout=…)`` holds in any thread."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import declutter
from declutter import ExtractTimeout, Options
from declutter.batch import Job, Settings, process_job
from declutter.deadline import check_deadline, resolve

SEED = (Path(__file__).parent.parent / "examples" / "seed.html").read_bytes()


def slow_page(n: int = 4000, depth: int = 50) -> str:
    """A page that takes seconds: thousands of prose paragraphs, each deep in its own wrappers."""
    one = (
        "<div>" * depth
        + "<p>Sentence number {i} has enough words to count as prose, truly it does.</p>"
        + "</div>" * depth
    )
    return "<html><body>" + "".join(one.format(i=i) for i in range(n)) + "</body></html>"


SLOW = slow_page()


def timed_extract(data: str | bytes, options: Options) -> tuple[str, float, str]:
    start = time.monotonic()
    name = threading.current_thread().name
    try:
        declutter.extract(data, options=options, source="slow.html")
    except ExtractTimeout as exc:
        return "timeout", time.monotonic() - start, f"{name}|{exc}"
    return "done", time.monotonic() - start, name


def test_timeout_in_worker_threads_raises_extract_timeout() -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        slow = pool.submit(timed_extract, SLOW, Options(timeout=0.3))
        fast = pool.submit(timed_extract, SEED, Options(timeout=30.0))
        status, seconds, detail = slow.result(timeout=60)
        fast_status, _, fast_thread = fast.result(timeout=60)
    assert status == "timeout", "the slow page finished inside 0.3 s: make it slower"
    thread, message = detail.split("|", 1)
    assert thread != threading.main_thread().name
    assert message.startswith("slow.html: took longer than its time budget (0.3s)")
    # Stopped soon after the budget, not at the end of the page (seconds).
    assert seconds < 1.5
    assert fast_status == "done" and fast_thread != threading.main_thread().name


def test_without_a_budget_the_page_completes_and_a_budget_is_per_call() -> None:
    article = declutter.extract(SEED, options=Options(timeout=30.0))
    assert article.headline
    # The clock starts at each call: a budget spent by one call does not carry to the next.
    opts = Options(timeout=0.5)
    for _ in range(3):
        assert declutter.extract(SEED, options=opts).headline
        time.sleep(0.2)


def test_absolute_deadline_and_the_earlier_end_wins() -> None:
    past = Options(deadline=time.monotonic() - 1)
    with pytest.raises(ExtractTimeout):
        declutter.extract(SEED, options=past)
    end, seconds = resolve(Options(timeout=10.0, deadline=100.0), now=95.0) or (0, 0)
    assert (end, seconds) == (100.0, 5.0)
    assert resolve(Options()) is None
    check_deadline()  # outside an extraction: nothing to check


def test_batch_job_in_a_thread_becomes_a_timeout_outcome() -> None:
    job = Job(0, "slow.html", data=SLOW.encode())
    settings = Settings(timeout=0.3)
    with ThreadPoolExecutor(max_workers=1) as pool:
        outcome = pool.submit(process_job, job, settings).result(timeout=60)
    assert outcome.status == "failed"
    assert isinstance(outcome.error, ExtractTimeout)
    assert outcome.record()["error"]["type"] == "ExtractTimeout"


def test_text_scrapes_are_checked_inside_their_loops_too() -> None:
    dump = "\n\n".join(
        f"Sentence number {i} has enough words to count as prose, truly it does. One more here."
        for i in range(40000)
    )
    status, seconds, _ = timed_extract(dump, Options(timeout=0.3))
    # Without the checks inside the loops it ran to its end, ~14 s on the 2-core machine.
    assert status == "timeout" and seconds < 6

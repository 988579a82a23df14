"""``declutter --cluster`` against a real scheduler and two workers started from the command line.

The scheduler and the workers are separate ``dask`` processes on 127.0.0.1 (random free ports,
one thread each, no dashboard), as a user would start them by hand.  Every run is compared with a
local run of the same inputs: the same records, in the same order, none missing, none twice.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from typer.testing import CliRunner  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from declutter.cli import app  # noqa: E402
from declutter.cli_options import CLUSTER_ENV  # noqa: E402

CORPUS = Path(__file__).parent / "corpus" / "scrapinghub" / "html"
PAGES = sorted(CORPUS.glob("*.html.gz"))
BIN = Path(sys.executable).parent
runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_worker(address: str, log: Path, nanny: bool = True) -> subprocess.Popen[bytes]:
    args = [str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard"]
    args += ["--host", "127.0.0.1"] + ([] if nanny else ["--no-nanny"])
    with log.open("ab") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group, SIGKILL what is left after a few seconds."""
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
            proc.wait(wait)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass


def _workers(address: str) -> int:
    with distributed.Client(address, timeout=10) as c:
        return len(c.scheduler_info()["workers"])


def _wait_workers(address: str, n: int, limit: float = 40) -> None:
    end = time.monotonic() + limit
    while _workers(address) < n:
        if time.monotonic() > end:
            raise TimeoutError(f"{n} workers did not join {address}")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    args = [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port"]
    args += [address.rsplit(":", 1)[1], "--no-dashboard"]
    with (logs / "scheduler.log").open("wb") as out:
        procs = [
            subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        ]
    try:
        procs += [_start_worker(address, logs / f"worker{i}.log") for i in range(2)]
        _wait_workers(address, 2)
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _prefix_count(address: str, prefix: str) -> int:
    """How many tasks of this function the scheduler has run so far."""

    def count(dask_scheduler: Any) -> int:
        found = dask_scheduler.task_prefixes.get(prefix)
        return int(found.state_counts["memory"]) if found is not None else 0

    with distributed.Client(address, timeout=10) as c:
        return int(c.run_on_scheduler(count))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    for i, page in enumerate(PAGES[:12]):
        folder = root / ("a" if i % 2 else "b")
        folder.mkdir(exist_ok=True)
        shutil.copy(page, folder / page.name)
    (root / "b" / "binary.html").write_bytes(bytes(range(256)) * 8)
    return root


def _warc(path: Path, pages: list[Path], host: str) -> None:
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        for i, page in enumerate(pages):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            body = io.BytesIO(gzip.decompress(page.read_bytes()))
            w.write_record(
                w.create_warc_record(
                    f"https://{host}/story/{i}", "response", payload=body, http_headers=http
                )
            )


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("warcs")
    paths = [root / "one.warc.gz", root / "two.warc.gz"]
    _warc(paths[0], PAGES[20:30], "one.example")
    _warc(paths[1], PAGES[30:38], "two.example")
    return paths


@pytest.fixture(scope="module")
def local(pages: Path, warcs: list[Path]) -> dict[str, list[str]]:
    """The local batch's JSON Lines for the same inputs (two worker processes)."""
    code, by_pages = lines(str(pages), "-j", "2")
    assert code == 1  # the binary file
    code, by_warcs = lines(*map(str, warcs), "-j", "2")
    assert code == 0
    return {"pages": by_pages, "warcs": by_warcs}


def lines(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    result = runner.invoke(app, [*args, "-f", "jsonl", "-q"], env=env, catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines()


def test_directory_on_the_cluster_equals_the_local_run(
    pages: Path, scheduler: str, local: dict[str, list[str]]
) -> None:
    before = _prefix_count(scheduler, "process_job")
    ccode, remote = lines(str(pages), env={CLUSTER_ENV: scheduler})  # the address from the env
    assert ccode == 1  # the binary file fails here too
    assert len(local["pages"]) == 13 and remote == local["pages"]
    assert _prefix_count(scheduler, "process_job") - before == 13
    assert sum("error" in json.loads(line) for line in remote) == 1


def test_warc_files_are_tasks_writing_shards(
    warcs: list[Path], scheduler: str, local: dict[str, list[str]], tmp_path: Path
) -> None:
    assert len(local["warcs"]) == 18
    ccode, remote = lines(*map(str, warcs), "--cluster", scheduler)
    assert ccode == 0 and remote == local["warcs"]
    out, report = tmp_path / "clean", tmp_path / "report.json"
    args = [*map(str, warcs), "-o", f"{out}/", "--cluster", scheduler, "--report", str(report)]
    assert lines(*args)[0] == 0
    assert sorted(p.name for p in out.iterdir()) == ["one.jsonl.gz", "two.jsonl.gz"]
    shards = [
        gzip.decompress((out / f"{n}.jsonl.gz").read_bytes()).decode() for n in ("one", "two")
    ]
    assert "".join(shards).splitlines() == local["warcs"]
    assert json.loads(report.read_text())["extracted"] == 18
    # --resume: both shards are complete, nothing runs again.
    before = _prefix_count(scheduler, "process_shard")
    assert lines(*args, "--resume")[0] == 0
    assert json.loads(report.read_text())["skipped"] == 2
    assert _prefix_count(scheduler, "process_shard") == before


def test_a_large_warc_is_read_as_byte_ranges(
    warcs: list[Path], scheduler: str, tmp_path: Path
) -> None:
    code, local = lines(str(warcs[0]), "-j", "2", "--no-learn")
    out = tmp_path / "clean"
    args = [str(warcs[0]), "-o", f"{out}/", "--cluster", scheduler, "--no-learn"]
    assert lines(*args, "--split-warc", "100k")[0] == code == 0
    parts = sorted(out.iterdir())
    assert len(parts) >= 3 and parts[0].name == "one.part0000.jsonl.gz"
    records = b"".join(gzip.decompress(p.read_bytes()) for p in parts).decode().splitlines()
    assert records == local


def test_slow_page_times_out_on_the_cluster_and_the_others_complete(
    scheduler: str, tmp_path: Path
) -> None:
    from test_deadline import slow_page

    for page in PAGES[40:43]:
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "slow.html").write_text(slow_page())
    code, remote = lines(str(tmp_path), "--cluster", scheduler, "--timeout", "0.5")
    records = [json.loads(line) for line in remote]
    assert code == 1 and len(records) == 4
    failed = [r for r in records if "error" in r]
    assert [r["source"].rsplit("/", 1)[1] for r in failed] == ["slow.html"]
    assert failed[0]["error"]["type"] == "ExtractTimeout"


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(
    pages: Path, warcs: list[Path], scheduler: str, local: dict[str, list[str]], tmp_path: Path
) -> None:
    with distributed.Client(scheduler, timeout=10) as client:
        before = set(client.scheduler_info()["workers"])
        victim = _start_worker(scheduler, tmp_path / "victim.log", nanny=False)
        try:
            _wait_workers(scheduler, 3)
            (address,) = set(client.scheduler_info()["workers"]) - before
            out = tmp_path / "out.jsonl"
            args = [str(BIN / "declutter"), str(pages), *map(str, warcs), "-f", "jsonl", "-q"]
            proc = subprocess.Popen([*args, "-o", str(out), "--cluster", scheduler])
            end = time.monotonic() + 30
            while not client.processing().get(address) and time.monotonic() < end:
                time.sleep(0.05)
            assert proc.poll() is None and client.processing().get(address)
            victim.send_signal(signal.SIGKILL)  # with tasks on it, the run half done
            assert proc.wait(60) == 1
        finally:
            _stop(victim)
    assert out.read_text().splitlines() == local["pages"] + local["warcs"]


def test_cluster_without_the_extra_is_a_one_line_usage_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake"
    (fake / "distributed").mkdir(parents=True)
    (fake / "distributed" / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = {**os.environ, "PYTHONPATH": str(fake)}
    args = [sys.executable, "-m", "declutter", str(CORPUS), "--cluster", "local:1"]
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    first = proc.stderr.splitlines()[0]
    assert first == "declutter: error: --cluster needs the cluster extra: " + (
        "pip install 'declutter[cluster]'"
    )

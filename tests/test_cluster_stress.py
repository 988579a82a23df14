"""Slow cluster checks, run only with DECLUTTER_STRESS=1 (CI keeps to test_cluster_cli.py).

    DECLUTTER_STRESS=1 .venv/bin/pytest -q tests/test_cluster_stress.py

* ``--cluster local:2`` starts its own workers and gives the local batch's records;
* workers killed again and again while they write WARC shards: every shard whole, every record
  once, the same as the local run.
"""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

if not os.environ.get("DECLUTTER_STRESS"):
    pytest.skip("slow: set DECLUTTER_STRESS=1 to run", allow_module_level=True)

distributed = pytest.importorskip("distributed")

from test_cluster_cli import (  # noqa: E402
    BIN,
    PAGES,
    _start_worker,
    _stop,
    _wait_workers,
    _warc,
    lines,
    scheduler,  # noqa: F401  (a fixture)
)


def test_local_cluster_from_the_command_line(tmp_path: Path) -> None:
    paths = [tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"]
    _warc(paths[0], PAGES[60:70], "a.example")
    _warc(paths[1], PAGES[70:80], "b.example")
    code, local = lines(*map(str, paths), "-j", "2")
    ccode, remote = lines(*map(str, paths), "--cluster", "local:2")
    assert (code, ccode) == (0, 0) and remote == local and len(local) == 20


def test_workers_killed_again_and_again_while_writing_shards(
    scheduler: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    paths = [tmp_path / f"w{i}.warc.gz" for i in range(6)]
    for i, path in enumerate(paths):
        _warc(path, PAGES[i * 25 : (i + 1) * 25], f"site{i}.example")
    code, local = lines(*map(str, paths), "-j", "2")
    out = tmp_path / "clean"
    args = [str(BIN / "declutter"), *map(str, paths), "-f", "jsonl", "-q", "-o", f"{out}/"]
    proc = subprocess.Popen([*args, "--cluster", scheduler])
    victims = []
    try:
        while proc.poll() is None and len(victims) < 4:
            victim = _start_worker(scheduler, tmp_path / f"v{len(victims)}.log", nanny=False)
            victims.append(victim)
            _wait_workers(scheduler, 3)
            time.sleep(2)
            victim.send_signal(signal.SIGKILL)
            victim.wait(10)
        assert proc.wait(300) == code
    finally:
        for victim in victims:
            _stop(victim)
    shards = [gzip.decompress((out / f"w{i}.jsonl.gz").read_bytes()) for i in range(6)]
    assert b"".join(shards).decode().splitlines() == local

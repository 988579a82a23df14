"""WARC records per second: the local batch against a Dask cluster of one and of two workers.

WARC files are made from the corpus pages (tests/corpus/scrapinghub/html, repeated until there
are ``--records``), split into ``--files`` archives, each page under its own host so site
learning has sites to learn.  Then, one after the other, each run timed from the command's
start to its exit (Python start-up and connecting to the scheduler included):

    declutter W*.warc.gz -o out.jsonl -f jsonl --jobs 2 -q          the local batch
    declutter W*.warc.gz -o out/ -f jsonl --cluster tcp://… -q       1 worker, then 2

The scheduler and the workers are started here from their own command lines (``dask
scheduler`` / ``dask worker --nthreads 1``) and warmed up (imports, the language model) before
the timed run, as a cluster that is already up would be; each WARC file is one task, and the
worker writes ``out/<name>.jsonl.gz``.  The local batch's timing includes its workers' start.
The load average is printed with each figure: on a shared machine, compare the ratios of one
run.

    .venv/bin/python benchmarks/cluster.py                      # 8 files, 720 records
    .venv/bin/python benchmarks/cluster.py --records 2000 --json results.json
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "scrapinghub" / "html"
BIN = Path(sys.executable).parent


def make_warcs(root: Path, records: int, files: int) -> list[Path]:
    """``files`` gzip WARC files holding ``records`` response records between them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*.html.gz"))]
    paths = [root / f"crawl-{i:02d}.warc.gz" for i in range(files)]
    handles = [p.open("wb") for p in paths]
    writers = [WARCWriter(h, gzip=True) for h in handles]
    try:
        for n in range(records):
            body = pages[n % len(pages)]
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            url = f"https://site{n % len(pages)}.example/copy/{n // len(pages)}"
            w = writers[n % files]
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            w.write_record(rec)
    finally:
        for h in handles:
            h.close()
    return paths


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _spawn(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, sig)
            proc.wait(10)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


@contextlib.contextmanager
def dask_cluster(workers: int, logs: Path) -> Iterator[tuple[str, list[int]]]:
    """A scheduler and ``workers`` single-threaded workers on 127.0.0.1: (address, worker pids)."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = str(BIN / "dask")
    procs = [_spawn([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                     "--no-dashboard"], logs / "scheduler.log")]  # fmt: skip
    try:
        for i in range(workers):
            args = [dask, "worker", address, "--nthreads", "1", "--no-dashboard"]
            procs.append(_spawn([*args, "--host", "127.0.0.1"], logs / f"worker{i}.log"))
        with Client(address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=60)
            # Imports and the language model load once per worker process (seconds): do that
            # before the clock starts, as a long-running cluster has, so records/s is the rate.
            client.run(_warm)
            pids = list(client.run(os.getpid).values())
        yield address, pids
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _warm() -> None:
    import declutter

    page = gzip.decompress(sorted(CORPUS.glob("*.html.gz"))[0].read_bytes())
    declutter.extract(page)
    declutter.extract(b"Ein kurzer Text ohne Sprachangabe, damit das Sprachmodell geladen wird.")


def timed(args: list[str]) -> tuple[float, float]:
    """(seconds, 1-minute load average when it ended) of one command."""
    start = time.monotonic()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL)
    return time.monotonic() - start, os.getloadavg()[0]


def run(records: int, files: int, work: Path) -> dict[str, Any]:
    warcs = [str(p) for p in make_warcs(work, records, files)]
    declutter = [str(BIN / "declutter"), *warcs, "-f", "jsonl", "-q"]
    results: dict[str, Any] = {"records": records, "files": files, "cores": os.cpu_count()}
    load = os.getloadavg()[0]
    seconds, after = timed([*declutter, "-o", str(work / "local.jsonl"), "--jobs", "2"])
    results["local_jobs2"] = _figure(records, seconds, load, after)
    for n in (1, 2):
        logs = work / f"logs{n}"
        logs.mkdir()
        out = work / f"cluster{n}"
        with dask_cluster(n, logs) as (address, pids):
            load, cpu = os.getloadavg()[0], cpu_seconds(pids)
            seconds, after = timed([*declutter, "-o", f"{out}/", "--cluster", address])
            cpu = cpu_seconds(pids) - cpu
        results[f"cluster_{n}"] = _figure(records, seconds, load, after)
        # Records per CPU second of the workers: flat from 1 to 2 workers means no overhead
        # from spreading the work, whatever share of the cores other processes took.
        results[f"cluster_{n}"]["per_worker_cpu_second"] = round(records / cpu, 1)
        results[f"cluster_{n}"]["core_share"] = round(cpu / seconds, 2)
        got = sum(gzip.decompress(s.read_bytes()).count(b"\n") for s in out.glob("*.jsonl.gz"))
        if got != records:
            raise SystemExit(f"cluster of {n}: {got} records written, expected {records}")
    one, two = results["cluster_1"]["per_second"], results["cluster_2"]["per_second"]
    results["scaling_1_to_2"] = round(two / one, 2)
    results["cluster2_vs_local"] = round(two / results["local_jobs2"]["per_second"], 2)
    return results


def _figure(records: int, seconds: float, load_before: float, load_after: float) -> dict[str, Any]:
    return {
        "seconds": round(seconds, 2),
        "per_second": round(records / seconds, 1),
        "load": [round(load_before, 2), round(load_after, 2)],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=720, help="WARC records in all (720)")
    ap.add_argument("--files", type=int, default=8, help="WARC files, one task each (8)")
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="declutter-cluster-"))
    try:
        results = run(args.records, args.files, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name in ("local_jobs2", "cluster_1", "cluster_2"):
        f = results[name]
        cpu = f.get("per_worker_cpu_second")
        extra = f"  {cpu} per worker CPU s, {f['core_share']} cores busy" if cpu else ""
        print(f"{name:12} {f['per_second']:7.1f} records/s  {f['seconds']:6.1f} s  "
              f"load {f['load'][0]:.1f} → {f['load'][1]:.1f}{extra}")  # fmt: skip
    print(f"scaling 1 → 2 workers: {results['scaling_1_to_2']:.2f}×  (target ≥ 1.7)")
    print(f"cluster of 2 / local --jobs 2: {results['cluster2_vs_local']:.2f}  (target ≥ 0.75)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

"""Batch throughput and memory: declutter's command line against trafilatura's, same pages.

The shared corpora (tests/corpus/scrapinghub/html/*.html.gz and
tests/corpus/readability/*/source.html) are decompressed and repeated into a temporary
directory until it holds ``--docs`` documents (default 10,000), in folders of at most 250.
Then, one after the other on that same directory:

    declutter DIR -o OUT --format json --jobs J --quiet
    trafilatura --input-dir DIR --output-dir OUT --json --parallel J

for each J in ``--jobs`` (default 1 and 2).  For each run: wall time, pages/s, and the peak
resident memory of the whole process tree (the sum of PSS over the process and all its
descendants, so that pages shared by forked workers count once; sampled from /proc every
50 ms).  Ratios declutter/trafilatura at equal jobs.
``--flat`` also runs declutter at a quarter of the size, to show that peak memory does not
grow with the input (streaming, not accumulating).

    .venv/bin/python benchmarks/batch.py                 # 10,000 documents (takes a while)
    .venv/bin/python benchmarks/batch.py --docs 1000     # quicker
    .venv/bin/python benchmarks/batch.py --docs 2000 --flat --json results.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
BIN = Path(sys.executable).parent
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def corpus_pages() -> list[tuple[str, bytes]]:
    pages: list[tuple[str, bytes]] = []
    for p in sorted((CORPUS / "scrapinghub" / "html").glob("*.html.gz")):
        pages.append((p.name[:-3], gzip.decompress(p.read_bytes())))
    for p in sorted((CORPUS / "readability").glob("*/source.html")):
        pages.append((f"{p.parent.name}.html", p.read_bytes()))
    return pages


def build_tree(root: Path, docs: int, per_folder: int = 250) -> int:
    """``docs`` files: the corpus pages repeated, each copy a hard link when possible."""
    pages = corpus_pages()
    src = root / "_src"
    src.mkdir(parents=True)
    for name, data in pages:
        (src / name).write_bytes(data)
    n = 0
    while n < docs:
        for name, _ in pages:
            if n >= docs:
                break
            folder = root / "pages" / f"part{n // per_folder:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{n:06d}-{name}"
            try:
                os.link(src / name, target)
            except OSError:
                shutil.copyfile(src / name, target)
            n += 1
    return n


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may hold spaces: the fields after the last ')' are safe
        fields = stat[stat.rindex(b")") + 2 :].split()
        kids.setdefault(int(fields[1]), []).append(int(entry))
    return kids


def _footprint(pid: int) -> int:
    """Proportional resident bytes of one process (PSS): a page it shares with n processes
    counts 1/n. Worker processes forked from a server that preloaded the package share most
    of their pages with it, and summing plain RSS would count those pages twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, each shared page counted once."""
    kids = _children()
    total = 0
    stack = [pid]
    seen: set[int] = set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _footprint(p)
        stack += kids.get(p, [])
    return total


def measure(cmd: list[str], docs: int) -> dict[str, float]:
    """Run a command; wall time, pages/s and peak tree RSS (MB)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
        raise SystemExit(f"{cmd[0]} failed with exit code {proc.returncode}")
    return {
        "seconds": round(wall, 2),
        "pages_per_s": round(docs / wall, 1),
        "peak_rss_mb": round(peak / 1e6, 1),
        "exit_code": proc.returncode,
    }


def count_outputs(out: Path) -> int:
    return sum(1 for p in out.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the tree (10000)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated job counts (1,2)")
    ap.add_argument("--no-trafilatura", action="store_true", help="only declutter")
    ap.add_argument("--flat", action="store_true", help="also run declutter at docs/4")
    ap.add_argument("--json", help="write the results here as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    declutter = str(BIN / "declutter")
    trafilatura = shutil.which("trafilatura", path=str(BIN)) or shutil.which("trafilatura")

    tmp = Path(tempfile.mkdtemp(prefix="declutter-batch-"))
    results: dict[str, object] = {"docs": args.docs, "cores": os.cpu_count(), "runs": []}
    runs: list[dict[str, object]] = results["runs"]  # type: ignore[assignment]
    try:
        n = build_tree(tmp, args.docs)
        pages = tmp / "pages"
        print(f"{n} documents in {pages} ({os.cpu_count()} cores)", flush=True)
        sizes = [n]
        if args.flat:
            small = tmp / "small"
            small.mkdir()
            for f in sorted(pages.rglob("*.html"))[: max(1, n // 4)]:
                target = small / f.parent.name / f.name
                target.parent.mkdir(exist_ok=True)
                os.link(f, target)
        for j in jobs:
            out = tmp / f"out-declutter-{j}"
            cmd = [declutter, str(pages), "-o", str(out), "-f", "json", "-j", str(j), "-q"]
            r = measure(cmd, n)
            r.update(tool="declutter", jobs=j, docs=n, outputs=count_outputs(out))
            runs.append(r)
            print(json.dumps(r), flush=True)
            shutil.rmtree(out, ignore_errors=True)
            if args.flat:
                small_n = sum(1 for _ in (tmp / "small").rglob("*.html"))
                out = tmp / f"out-declutter-small-{j}"
                cmd = [declutter, str(tmp / "small"), "-o", str(out), "-f", "json", "-j", str(j)]
                r = measure([*cmd, "-q"], small_n)
                r.update(tool="declutter", jobs=j, docs=small_n, outputs=count_outputs(out))
                runs.append(r)
                sizes.append(small_n)
                print(json.dumps(r), flush=True)
                shutil.rmtree(out, ignore_errors=True)
            if trafilatura and not args.no_trafilatura:
                out = tmp / f"out-trafilatura-{j}"
                cmd = [trafilatura, "--input-dir", str(pages), "--output-dir", str(out), "--json",
                       "--parallel", str(j)]  # fmt: skip
                r = measure(cmd, n)
                r.update(tool="trafilatura", jobs=j, docs=n, outputs=count_outputs(out))
                runs.append(r)
                print(json.dumps(r), flush=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(f"{'tool':<12} {'jobs':>4} {'docs':>6} {'outputs':>7} {'s':>8} {'pages/s':>8} "
          f"{'peak MB':>8}")  # fmt: skip
    for r in runs:
        print(f"{r['tool']:<12} {r['jobs']:>4} {r['docs']:>6} {r['outputs']:>7} {r['seconds']:>8} "
              f"{r['pages_per_s']:>8} {r['peak_rss_mb']:>8}")  # fmt: skip
    ratios = []
    for j in jobs:
        d = next((r for r in runs if r["tool"] == "declutter" and r["jobs"] == j
                  and r["docs"] == n), None)  # fmt: skip
        t = next((r for r in runs if r["tool"] == "trafilatura" and r["jobs"] == j), None)
        if d and t:
            ratio = {
                "jobs": j,
                "speed_ratio": round(float(d["pages_per_s"]) / float(t["pages_per_s"]), 2),  # type: ignore[arg-type]
                "memory_ratio": round(float(d["peak_rss_mb"]) / float(t["peak_rss_mb"]), 2),  # type: ignore[arg-type]
            }
            ratios.append(ratio)
            print(f"jobs={j}: declutter/trafilatura pages/s = {ratio['speed_ratio']}x, "
                  f"peak memory = {ratio['memory_ratio']}x")  # fmt: skip
    results["ratios"] = ratios
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

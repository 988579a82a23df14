"""``--resume``: which inputs a previous run already wrote completely."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from .jobs import BatchConfig, Format, Job


def output_complete(path: str | Path, fmt: Format) -> bool:
    """True when a previous run wrote ``path`` completely (atomically, ending in a newline).

    A JSON output that holds an error record does not count: ``--resume`` tries it again.
    """
    if str(path).endswith((".gz", ".parquet")):
        # Shards and Parquet files are only ever written atomically: present means complete.
        try:
            return os.path.getsize(path) > 0
        except OSError:
            return False
    try:
        with open(path, "rb") as f:
            f.seek(0, io.SEEK_END)
            if f.tell() == 0:
                return False
            f.seek(-1, io.SEEK_END)
            if f.read(1) != b"\n":
                return False
            if fmt in ("json", "jsonl"):
                f.seek(0)
                record = json.loads(f.read().splitlines()[0] if fmt == "jsonl" else f.read())
                if not isinstance(record, dict) or "error" in record:
                    return False  # a failure is tried again
    except (OSError, ValueError):
        return False
    return True


def resume_jsonl(path: str) -> tuple[set[str], list[bytes]]:
    """Sources already recorded (successfully) in a JSON Lines output, and their lines."""
    done: set[str] = set()
    keep: list[bytes] = []
    try:
        with open(path, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and "error" not in rec and rec.get("source"):
                    done.add(rec["source"])
                    keep.append(line)
    except OSError:
        pass
    return done, keep


def should_skip(job: Job, cfg: BatchConfig, resumed: set[str]) -> bool:
    if job.out is not None:
        return output_complete(job.out, cfg.format)
    return job.source in resumed

"""Discovering inputs: directory walks, WARC archives, URL lists, stdin → a lazy stream of jobs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .atomic import _TMP_MARK
from .jobs import EXTENSIONS, BatchConfig, Format, Job, Summary

DEFAULT_SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".declutter"}


def walk(
    root: str | Path, pattern: str | None = None, exclude: str | Path | None = None
) -> Iterator[Path]:
    """Files under ``root``, folder by folder in a stable (sorted) order.

    ``pattern`` (a glob such as ``*.html`` or ``news/**/*.htm*``) matches the name, or the
    path relative to ``root`` when it contains a slash; ``a.html.gz`` also matches ``*.html``.
    ``exclude`` is a folder never entered (the output directory, when it lies inside ``root``).
    """
    import fnmatch

    root = Path(root)
    skip = os.path.realpath(exclude) if exclude is not None else None
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in DEFAULT_SKIP_DIRS
            and not d.startswith(".")
            and (skip is None or os.path.realpath(os.path.join(dirpath, d)) != skip)
        )
        for name in sorted(files):
            if name.startswith(".") or _TMP_MARK in name:
                continue
            path = Path(dirpath) / name
            if pattern:
                rel = path.relative_to(root).as_posix()
                target = rel if "/" in pattern else name
                bare = target[:-3] if target.endswith(".gz") else target
                if not (fnmatch.fnmatch(target, pattern) or fnmatch.fnmatch(bare, pattern)):
                    continue
            yield path


def output_name(rel: str, fmt: Format) -> str:
    """``news/a.html.gz`` → ``news/a.html.json``: the name less ``.gz``, plus the format's."""
    if rel.endswith(".gz"):
        rel = rel[:-3]
    return rel + EXTENSIONS[fmt]


def url_output_name(url: str, fmt: Format) -> str:
    """A stable relative file name for a fetched URL: ``host/path…`` plus a short hash."""
    import hashlib
    import re
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = re.sub(r"[^A-Za-z0-9.-]", "_", parts.hostname or "unknown") or "unknown"
    path = parts.path.strip("/") or "index"
    path = re.sub(r"[^A-Za-z0-9._/-]", "_", path)
    segs = [s[:80] for s in path.split("/") if s and s not in (".", "..")] or ["index"]
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    segs[-1] = f"{segs[-1]}-{digest}"
    return "/".join([host, *segs]) + EXTENSIONS[fmt]


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def is_warc(path: str | Path) -> bool:
    name = str(path).lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def expand_inputs(cfg: BatchConfig, summary: Summary) -> Iterator[Job]:
    """Turn the command-line inputs into jobs, lazily (a huge tree is never listed in memory)."""
    fmt = cfg.format
    index = 0

    def url_job(url: str) -> Job:
        nonlocal index
        from urllib.parse import urlsplit

        out = os.path.join(cfg.out_dir, url_output_name(url, fmt)) if cfg.out_dir else None
        job = Job(index, url, url=url, out=out, site=urlsplit(url).hostname, needs_fetch=True)
        index += 1
        return job

    for item in cfg.inputs:
        if is_url(item):
            yield url_job(item)
            continue
        p = Path(item)
        if item != "-" and p.is_dir():
            for f in walk(p, cfg.glob, cfg.out_dir):
                rel = f.relative_to(p).as_posix()
                if is_warc(f):
                    for job in _archive(cfg, str(f), rel, index):
                        yield job
                        index += 1
                    continue
                out = os.path.join(cfg.out_dir, output_name(rel, fmt)) if cfg.out_dir else None
                yield Job(index, str(f), path=str(f), out=out, site=str(f.parent), grouped=True)
                index += 1
            continue
        if item != "-" and is_warc(item) and p.is_file():
            for job in _archive(cfg, item, p.name, index):
                yield job
                index += 1
            continue
        if item == "-":
            out = os.path.join(cfg.out_dir, "stdin" + EXTENSIONS[fmt]) if cfg.out_dir else None
            yield Job(index, "-", data=sys.stdin.buffer.read(), out=out, site=None)
            index += 1
            continue
        out = os.path.join(cfg.out_dir, output_name(p.name, fmt)) if cfg.out_dir else None
        yield Job(index, item, path=item, out=out, site=str(p.parent))
        index += 1
    for list_path in cfg.url_lists:
        for url in read_url_list(list_path):
            yield url_job(url)


def _archive(cfg: BatchConfig, path: str, rel: str, index: int) -> Iterator[Job]:
    """A WARC file's jobs: one per page here, or one for the whole archive on a cluster."""
    from .shards import archive_jobs, shard_name

    if cfg.cluster:
        from .warc import byte_ranges

        ranges = byte_ranges(path, cfg.warc_split)
        spans: list[tuple[int, int] | None] = list(ranges) if ranges else [None]
        for part, span in enumerate(spans):
            name = shard_name(rel, cfg.format, part if span is not None else None)
            out = os.path.join(cfg.out_dir, name) if cfg.out_dir else None
            full = os.path.abspath(path)
            yield Job(index + part, path, path=full, out=out, shard=True, span=span)
        return
    stem = rel[:-3] if rel.endswith(".gz") else rel
    for job, name in archive_jobs(path, cfg.max_bytes, index):
        if cfg.out_dir:
            job.out = os.path.join(cfg.out_dir, f"{stem}/{name}{EXTENSIONS[cfg.format]}")
        yield job


def read_url_list(path: str) -> Iterator[str]:
    """URLs from a list file (one a line; blank lines and ``#`` comments skipped; ``-`` stdin)."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    try:
        for line in stream:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line
    finally:
        if stream is not sys.stdin:
            stream.close()


def count_inputs(cfg: BatchConfig) -> int | None:
    """How many inputs there are, when that is cheap to know (None with WARC archives)."""
    n = 0
    for item in cfg.inputs:
        p = Path(item)
        if is_url(item) or item == "-":
            n += 1
        elif p.is_dir():
            for f in walk(p, cfg.glob, cfg.out_dir):
                if is_warc(f):
                    return None  # its pages are not known until it is read
                n += 1
        elif is_warc(item) and p.is_file():
            return None
        else:
            n += 1
    for list_path in cfg.url_lists:
        if list_path == "-":
            return None
        try:
            n += sum(1 for _ in read_url_list(list_path))
        except OSError:
            return None
    return n

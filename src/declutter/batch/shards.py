"""WARC files as tasks: a worker reads an archive, extracts every page and writes one shard.

On a cluster a crawl never passes through the client: the task gets the archive's path, reads
it where it lies, runs each page through the same code as a local batch (site learning
included, within the archive), and writes the records as one file named after the archive
(``crawl/a.warc.gz`` → ``clean/crawl/a.jsonl.gz``), atomically, so a task that dies or runs
twice leaves the shard whole or absent, never half-written or doubled.  The client gets back
only what it counts: each page's source, status and error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .jobs import EXTENSIONS, Format, Job, Outcome, Settings
from .sinks import RecordFile
from .worker import process_job

_ARCHIVE_SUFFIXES = (".warc.gz", ".warc", ".arc.gz", ".arc")


@dataclass(frozen=True, slots=True)
class ShardSpec:
    """How a worker writes a shard: the format, ``--explain`` and ``--learn``."""

    format: Format = "jsonl"
    explain: bool = False
    learn: bool = True


def shard_name(rel: str, fmt: Format, part: int | None = None) -> str:
    """``crawl/a.warc.gz`` → ``crawl/a.jsonl.gz`` (``a.part0002.jsonl.gz`` for a byte range).

    JSON shards are JSON Lines; text formats are gzipped.
    """
    low = rel.lower()
    for suffix in _ARCHIVE_SUFFIXES:
        if low.endswith(suffix):
            rel = rel[: -len(suffix)]
            break
    if part is not None:
        rel += f".part{part:04d}"
    if fmt == "parquet":
        return rel + EXTENSIONS["parquet"]
    return rel + EXTENSIONS["jsonl" if fmt == "json" else fmt] + ".gz"


def archive_jobs(
    path: str, max_bytes: int | None, first: int = 0, span: tuple[int, int] | None = None
) -> Iterator[tuple[Job, str]]:
    """One job per page of an archive (numbered from ``first``), with the page's file stem."""
    from .warc import iter_warc

    index = first
    for rec in iter_warc(path, max_bytes=max_bytes, span=span):
        host = (rec.site or "page").replace("/", "_")
        job = Job(
            index,
            rec.source,
            data=rec.data,
            url=rec.url,
            http_charset=rec.charset,
            extra=rec.extra,
            site=rec.site,
            error=rec.error,
        )
        yield job, f"{rec.position:06d}-{host}"
        index += 1


def process_shard(job: Job, settings: Settings, spec: ShardSpec) -> Outcome:
    """Extract every page of the archive ``job.path``; write them to ``job.out`` if set.

    The outcome's ``parts`` are the pages in archive order: without their articles when the
    shard was written here, with them when the client is to write them (a stream).
    """
    assert job.path is not None
    writer = RecordFile(job.out, spec.format, spec.explain, gz=True) if job.out else None
    parts: list[Outcome] = []
    dropped = [0]
    try:
        for outcome in _in_order(job.path, job.span, settings, spec, dropped):
            if writer is None:
                parts.append(outcome)
                continue
            writer.write(outcome)
            parts.append(Outcome(outcome.index, outcome.source, error=outcome.error,
                                 status=outcome.status))  # fmt: skip
        if writer is not None:
            writer.commit()
    except BaseException:
        if writer is not None:
            writer.discard()
        raise
    return Outcome(
        job.index, job.source, status="shard", out=job.out, parts=parts, dropped=dropped[0]
    )


def _in_order(
    path: str,
    span: tuple[int, int] | None,
    settings: Settings,
    spec: ShardSpec,
    dropped: list[int],
) -> Iterator[Outcome]:
    """The archive's outcomes in order, after the archive's own site learning."""
    from .sitelearn import SiteLearner

    learner = SiteLearner(explain=spec.explain) if spec.learn else None
    pending: dict[int, Outcome] = {}
    following = 0
    for page, _stem in archive_jobs(path, settings.max_bytes, span=span):
        outcome = process_job(page, settings)
        if learner is None:
            yield outcome
            continue
        learner.expect(page)
        for o in learner.add(outcome):
            pending[o.index] = o
        while following in pending:
            yield pending.pop(following)
            following += 1
    if learner is not None:
        for o in learner.flush_all():
            pending[o.index] = o
        for index in sorted(pending):
            yield pending[index]
        dropped[0] = learner.dropped

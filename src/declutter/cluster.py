"""The batch engine on a Dask cluster, for when one machine is not enough.

Optional extra (``pip install 'declutter[cluster]'``: ``dask[bag]`` and ``distributed``).  Dask is
imported inside the functions only, so ``import declutter`` never imports it.

Each input gives exactly one wire-format record, in input order: the article
(:meth:`Article.to_dict`) or an error record (:func:`declutter.model.error_record`).  Records are
made by :func:`declutter.batch.run.process_job`, the code the command line runs, so a page gives the
same record here as with ``declutter batch``: an empty file is an empty article, a corrupt gzip
or a missing file is an error record.

Inputs are local paths (``str`` or ``os.PathLike``), read *on the workers* (so they must see the
same files: one machine, or a shared file system), or ``(source, bytes)`` pairs, whose bytes
travel with the task.  URLs are refused (fetch them first and pass the bytes).  ``timeout``
is each page's time budget, checked by the pipeline itself (Dask runs tasks in threads, where
no signal can interrupt them); a page past it is an ``ExtractTimeout`` error record.

The command line (``declutter … --cluster``) runs on Dask through :mod:`declutter.batch.remote`
instead, with the local batch's outputs, ``--resume`` and WARC files as tasks.
"""

from __future__ import annotations

import importlib
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, Union

from .batch import Job, Settings, process_job
from .errors import DeclutterError, InputError
from .model import error_record
from .options import DEFAULTS, Options
from .read import KindChoice

if TYPE_CHECKING:
    import dask.bag
    import distributed

#: One input: a local path, or a (source, bytes) pair.
Item: TypeAlias = Union[str, "os.PathLike[str]", tuple[str, bytes]]
Record: TypeAlias = dict[str, Any]

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")

__all__ = ["Item", "Record", "extract_bag", "extract_paths"]


def extract_bag(
    sources: dask.bag.Bag | Sequence[Item],
    *,
    options: Options = DEFAULTS,
    input: KindChoice = "auto",
    max_bytes: int | None = None,
    npartitions: int | None = None,
    timeout: float | None = None,
) -> dask.bag.Bag:
    """A lazy bag of one record per input, in input order.  Nothing runs until it is computed.

    ``npartitions`` splits a sequence (Dask's default: up to 100 partitions) or repartitions a
    bag.  A failed input is an error record; only a worker that dies on every retry fails the
    computation (:func:`extract_paths` also survives that).
    """
    # dask.bag's functions are unannotated: use the module untyped rather than ignore each call.
    db: Any = importlib.import_module("dask.bag")

    settings = Settings(input=input, options=options, timeout=timeout, max_bytes=max_bytes)
    if isinstance(sources, db.Bag):
        bag = sources if npartitions is None else sources.repartition(npartitions)
    else:
        items = list(sources)
        bag = db.from_sequence(items, npartitions=npartitions or min(len(items), 100) or 1)
    result: dask.bag.Bag = bag.map_partitions(_extract_partition, settings)
    return result


def extract_paths(
    paths: Iterable[Item],
    *,
    client: distributed.Client | None = None,
    options: Options = DEFAULTS,
    input: KindChoice = "auto",
    max_bytes: int | None = None,
    npartitions: int | None = None,
    timeout: float | None = None,
) -> Iterator[Record]:
    """Extract every input on the cluster and yield its record, in input order.

    With a ``client`` the records stream: each partition is yielded as soon as it and those
    before it are done.  A partition whose worker died (``KilledWorker``, or any other task
    failure) is run again one input at a time, so only the input that kills its worker becomes an
    error record.  Without a client, the bag is computed with Dask's default scheduler (the
    active ``distributed`` client if there is one) and the job fails if a worker does.
    """
    settings = Settings(input=input, options=options, timeout=timeout, max_bytes=max_bytes)
    items = list(paths)
    if not items:
        return
    if client is None:
        bag: Any = extract_bag(
            items,
            options=options,
            input=input,
            max_bytes=max_bytes,
            npartitions=npartitions,
            timeout=timeout,
        )
        yield from bag.compute()
        return
    yield from _stream(client, items, settings, npartitions)


def _stream(
    client: distributed.Client, items: list[Item], settings: Settings, npartitions: int | None
) -> Iterator[Record]:
    n = max(1, min(len(items), npartitions or 100))
    size, rest = divmod(len(items), n)
    chunks: list[list[Item]] = []
    start = 0
    for i in range(n):
        end = start + size + (i < rest)
        chunks.append(items[start:end])
        start = end
    futures = deque(client.submit(_extract_partition, c, settings, pure=False) for c in chunks)
    for chunk in chunks:
        future = futures.popleft()  # dropping the last reference frees the result on the cluster
        try:
            records: list[Record] = future.result()
        except Exception:
            records = _isolate(client, chunk, settings)
        del future
        yield from records


def _isolate(client: distributed.Client, chunk: list[Item], settings: Settings) -> list[Record]:
    """Run a failed partition one input at a time; what fails twice becomes an error record."""
    from distributed import wait

    futures = [client.submit(_extract_partition, [item], settings, pure=False) for item in chunk]
    wait(futures)  # type: ignore[no-untyped-call]
    records: list[Record] = []
    for item, future in zip(chunk, futures, strict=True):
        try:
            records.extend(future.result())
            continue
        except Exception:
            pass
        # A neighbour may have taken the worker down with this input: one more try, on its own
        # (the retries run one after another).
        try:
            records.extend(client.submit(_extract_partition, [item], settings, pure=False).result())
        except Exception as exc:
            source = _source_of(item)
            err = InputError(source, f"worker failed ({type(exc).__name__}: {exc})")
            records.append(error_record(source, err))
    return records


def _extract_partition(items: Iterable[Any], settings: Settings) -> list[Record]:
    """The task a worker runs: one record per input, never an exception."""
    return [_record(item, settings) for item in items]


def _record(item: Any, settings: Settings) -> Record:
    try:
        job = _job(item)
    except DeclutterError as exc:
        return error_record(_source_of(item), exc)
    return process_job(job, settings).record(explain=settings.options.explain)


def _job(item: Any) -> Job:
    if isinstance(item, tuple | list) and len(item) == 2:
        source, data = item
        if isinstance(data, bytes | bytearray | memoryview):
            return Job(0, str(source), data=bytes(data))
        raise InputError(
            str(source), f"a pair's second item must be bytes, not {type(data).__name__}"
        )
    if isinstance(item, str | os.PathLike):
        source = os.fspath(item)
        if not isinstance(source, str):
            raise InputError(repr(source), "a path must be text, not bytes")
        if _URL.match(source):
            raise InputError(source, "URLs are not fetched on the cluster: pass (source, bytes)")
        if source == "-":
            raise InputError(source, "standard input cannot be read on a worker")
        # Read by absolute path (a worker's working directory may differ); report the source given.
        return Job(0, source, path=os.path.abspath(source))
    raise InputError(
        _source_of(item), f"not a path or a (source, bytes) pair: {type(item).__name__}"
    )


def _source_of(item: Any) -> str:
    if isinstance(item, tuple | list) and len(item) == 2:
        return str(item[0])
    if isinstance(item, str | os.PathLike):
        return str(os.fspath(item))
    return f"<{type(item).__name__}>"

"""The records a batch passes between its stages: Job in, Outcome out, Summary and config.

They live below every other batch module (and below fetch and site learning), so none of
those needs the run itself.  Jobs and outcomes pickle their error as plain values, because
``DeclutterError`` takes two arguments and does not survive pickling as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import DeclutterError, ExtractTimeout, FetchError, InputError
from ..model import Article, error_record
from ..options import DEFAULTS, Options
from ..read import KindChoice

Format = Literal["json", "jsonl", "markdown", "text", "html", "parquet"]


EXTENSIONS: dict[str, str] = {
    "json": ".json",
    "jsonl": ".jsonl",
    "markdown": ".md",
    "text": ".txt",
    "html": ".html",
    "parquet": ".parquet",
}


@dataclass(slots=True)
class Job:
    """One input of a batch.  Exactly one of ``path``/``data``/``url``/``error`` carries it."""

    index: int
    source: str
    path: str | None = None
    data: bytes | None = None
    url: str | None = None
    http_charset: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    #: Output file (when writing a tree); None when streaming.
    out: str | None = None
    #: Pages of the same site share their template (host, or folder for local files).
    site: str | None = None
    #: Set when the input failed before extraction (fetch error, too large, unreadable WARC).
    error: DeclutterError | None = None
    #: True while the URL still has to be fetched.
    needs_fetch: bool = False
    #: True when all the inputs of this job's site come one after the other (a directory walk):
    #: once another site's input comes, no more of this site will.
    grouped: bool = False
    #: A whole WARC file for one cluster task: read, extracted and written by the worker.
    shard: bool = False
    #: The byte range of a large WARC file this shard reads (None: all of it).
    span: tuple[int, int] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        state = [getattr(self, f) for f in self.__slots__]
        state[self.__slots__.index("error")] = _pack_error(self.error)
        return (_unpack_slots, (Job, state))


def _pack_error(err: DeclutterError | None) -> tuple[str, str | None, str] | None:
    # DeclutterError takes two arguments, so it does not survive pickling as it is.
    return None if err is None else (type(err).__name__, err.source, err.message)


_ERRORS: dict[str, type[DeclutterError]] = {
    c.__name__: c for c in (DeclutterError, InputError, FetchError, ExtractTimeout)
}


def _unpack_slots(cls: Any, state: list[Any]) -> Any:
    obj = cls.__new__(cls)
    for name, value in zip(cls.__slots__, state, strict=True):
        if name == "error" and value is not None:
            kind, source, message = value
            value = _ERRORS.get(kind, DeclutterError)(source, message)
        object.__setattr__(obj, name, value)
    return obj


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs to know; sent once when a worker starts."""

    input: KindChoice = "auto"
    options: Options = DEFAULTS
    timeout: float | None = None
    max_bytes: int | None = None
    #: Test-only hooks (see TEST_*_ENV), captured in the parent process.
    hooks: tuple[str | None, str | None, str | None] = (None, None, None)


@dataclass(slots=True)
class Outcome:
    """The result of one input: an article, or the error that stopped it."""

    index: int
    source: str
    article: Article | None = None
    error: DeclutterError | None = None
    #: "ok", "empty", "failed" or "skipped" (resume found its output complete).
    status: str = "ok"
    out: str | None = None
    site: str | None = None
    #: A shard's pages, in archive order (written by the worker when ``out`` is set).
    parts: list[Outcome] | None = None
    #: Site-template blocks a shard's own site learning dropped.
    dropped: int = 0
    #: Seconds the worker spent on it (read and extract), for the report's slowest pages.
    seconds: float = 0.0

    def __reduce__(self) -> tuple[Any, ...]:
        state = [getattr(self, f) for f in self.__slots__]
        state[self.__slots__.index("error")] = _pack_error(self.error)
        return (_unpack_slots, (Outcome, state))

    def record(self, explain: bool = False) -> dict[str, Any]:
        if self.article is not None:
            return self.article.to_dict(explain=explain)
        assert self.error is not None
        return error_record(self.source, self.error)


@dataclass(slots=True)
class Summary:
    """Counts of a run; ``--report`` writes :meth:`to_dict`."""

    read: int = 0
    extracted: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0
    template_blocks_dropped: int = 0
    seconds: float = 0.0
    failures: list[dict[str, str]] = field(default_factory=list)
    total: int | None = None

    @property
    def done(self) -> int:
        return self.extracted + self.empty + self.failed + self.skipped

    @property
    def pages_per_second(self) -> float:
        return (self.done - self.skipped) / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "extracted": self.extracted,
            "empty": self.empty,
            "failed": self.failed,
            "skipped": self.skipped,
            "template_blocks_dropped": self.template_blocks_dropped,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "failures": self.failures,
        }


ProgressCallback = Callable[[Summary, Outcome | None], None]


@dataclass
class BatchConfig:
    """Everything a run needs, gathered by the command line (or by a library user)."""

    inputs: list[str]
    format: Format = "jsonl"
    out_dir: str | None = None
    #: A single output file for the stream (jsonl, json, …); None with no out_dir means stdout.
    out_file: str | None = None
    input: KindChoice = "auto"
    options: Options = DEFAULTS
    explain: bool = False
    jobs: int = 1
    ordered: bool = True
    timeout: float | None = None
    max_bytes: int | None = None
    resume: bool = False
    glob: str | None = None
    url_lists: list[str] = field(default_factory=list)
    learn_sites: bool = True
    fetch: Any = None  # fetch.FetchConfig
    #: Run in this process (no workers): one input, no isolation needed.
    inline: bool = False
    #: A Dask scheduler address, or ``local:N``: run the batch there instead of local workers.
    cluster: str | None = None
    #: On a cluster, gzip WARC files larger than this are read as byte ranges, a task each.
    warc_split: int = 256 << 20

"""Batches: many inputs in, one record (or one error record) per input out.

This module holds all the logic of a run; the command line (``cli.py``) only parses options and
draws progress.  Nothing here knows about rich: progress is reported through a callback.

    inputs ──► Job stream ──► [fetch threads for URLs] ──► worker processes ──► site learning
           ──► reorder buffer (unless unordered) ──► sink (files under a directory, or a stream)

Guarantees:

* every input yields exactly one :class:`Outcome` — a record or an error record — whatever the
  worker does (raise, hang past its time budget, crash);
* outputs are written atomically (an anonymous temporary file linked into place, or a temporary
  name and a rename), so an interrupted run leaves no half-written file;
* memory stays flat: inputs are discovered lazily and only a bounded number of pages is in
  flight or waiting for its turn.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import io
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, Literal

from ..errors import DeclutterError, ExtractTimeout, FetchError, InputError
from ..model import Article, error_record
from ..options import DEFAULTS, Options
from ..read import KindChoice, read_bytes

Format = Literal["json", "jsonl", "markdown", "text"]
EXTENSIONS: dict[str, str] = {"json": ".json", "jsonl": ".jsonl", "markdown": ".md", "text": ".txt"}

#: Test-only hooks (never set them in production): a worker whose input's source contains the
#: value of one of these variables sleeps (interruptible: the soft time budget catches it),
#: hangs with the alarm blocked (only the hard kill ends it), or crashes (exits at once).
TEST_SLEEP_ENV = "DECLUTTER_TEST_SLEEP_ON"
TEST_HANG_ENV = "DECLUTTER_TEST_HANG_ON"
TEST_CRASH_ENV = "DECLUTTER_TEST_CRASH_ON"

_TMP_MARK = ".declutter-tmp-"
#: Seconds a worker gets past its soft time budget before it is killed and replaced.
HARD_KILL_GRACE = 2.0
#: Results waiting for an earlier input before the dispatcher stops handing out work.
MAX_WAITING = 512


# --------------------------------------------------------------------------------------------
# Jobs, settings and outcomes
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Extraction of one job (runs in a worker, or inline for a single input)
# --------------------------------------------------------------------------------------------


class _SoftTimeout(BaseException):
    """Raised by the alarm inside a worker; BaseException so no ``except Exception`` eats it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _SoftTimeout


def test_hooks_from_env() -> tuple[str | None, str | None, str | None]:
    """The TEST_*_ENV variables of the parent (workers forked from a server do not see them)."""
    return tuple(os.environ.get(v) or None for v in (TEST_SLEEP_ENV, TEST_HANG_ENV, TEST_CRASH_ENV))  # type: ignore[return-value]


def _test_hooks(source: str, hooks: tuple[str | None, str | None, str | None]) -> None:
    """Test-only behaviour, driven by environment variables (see TEST_*_ENV)."""
    sleep_on, hang_on, crash_on = hooks
    if sleep_on and sleep_on in source:
        time.sleep(3600)
    if hang_on and hang_on in source:
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    if crash_on and crash_on in source:
        os._exit(3)


def _load(job: Job, settings: Settings) -> bytes:
    if job.data is not None:
        data = job.data
    else:
        assert job.path is not None
        if settings.max_bytes is not None and job.path != "-":
            with contextlib.suppress(OSError):
                size = os.stat(job.path).st_size
                if size > settings.max_bytes:
                    raise InputError(
                        job.source, f"{size} bytes, more than --max-bytes {settings.max_bytes}"
                    )
        data = read_bytes(job.path)
    if settings.max_bytes is not None and len(data) > settings.max_bytes:
        raise InputError(
            job.source, f"{len(data)} bytes, more than --max-bytes {settings.max_bytes}"
        )
    return data


def process_job(job: Job, settings: Settings) -> Outcome:
    """Read and extract one job; every failure becomes the outcome's error, never an exception."""
    from ..pipeline import extract

    try:
        if job.error is not None:
            raise job.error
        if any(settings.hooks):
            _test_hooks(job.source, settings.hooks)
        data = _load(job, settings)
        if not data.strip():
            article = Article(source=job.source, url=job.url, extra=dict(job.extra))
        else:
            article = extract(
                data,
                url=job.url,
                input=settings.input,
                options=settings.options,
                source=job.source,
                http_charset=job.http_charset,
                extra=dict(job.extra),
            )
    except DeclutterError as exc:
        if exc.source != job.source:
            exc = type(exc)(job.source, exc.message)
        return Outcome(
            job.index, job.source, error=exc, status="failed", out=job.out, site=job.site
        )
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError, OSError) as exc:
        err = InputError(job.source, f"could not extract ({type(exc).__name__}: {exc})")
        return Outcome(
            job.index, job.source, error=err, status="failed", out=job.out, site=job.site
        )
    except Exception as exc:  # an extractor bug must not take the batch down
        err = InputError(job.source, f"extractor failed ({type(exc).__name__}: {exc})")
        return Outcome(
            job.index, job.source, error=err, status="failed", out=job.out, site=job.site
        )
    status = "empty" if article.is_empty else "ok"
    return Outcome(
        job.index, job.source, article=article, status=status, out=job.out, site=job.site
    )


def process_with_budget(job: Job, settings: Settings) -> Outcome:
    """:func:`process_job` under the soft time budget (SIGALRM; main thread only)."""
    timeout = settings.timeout
    use_alarm = bool(timeout) and hasattr(signal, "setitimer")
    if use_alarm:
        assert timeout is not None
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return process_job(job, settings)
    except _SoftTimeout:
        err = ExtractTimeout(job.source, f"took longer than --timeout {timeout:g}s")
        return Outcome(
            job.index, job.source, error=err, status="failed", out=job.out, site=job.site
        )
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _worker_main(conn: multiprocessing.connection.Connection, settings: Settings) -> None:
    """A worker process: receive jobs, send outcomes, until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        outcome = process_with_budget(job, settings)
        try:
            conn.send(outcome)
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # an unpicklable result: report it, keep the input accounted
            err = InputError(job.source, f"result could not be sent ({exc})")
            conn.send(Outcome(job.index, job.source, error=err, status="failed", out=job.out))


# --------------------------------------------------------------------------------------------
# Worker pool: one job at a time per worker, so a crash or a hang names exactly one input
# --------------------------------------------------------------------------------------------


def _mp_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["declutter.pipeline", "declutter.batch.run"])
        return ctx
    return multiprocessing.get_context("spawn")


#: Jobs queued per worker: the next page is waiting while the parent writes the last result.
DEPTH = 2


class _Worker:
    def __init__(self, ctx: Any, settings: Settings) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, settings), daemon=True)
        self.proc.start()
        child.close()
        #: Jobs sent, in order; the first is the one being worked on.
        self.jobs: deque[Job] = deque()
        self.deadline: float | None = None

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


class Pool:
    """N worker processes; each works through its own short queue of jobs, in order.

    Because a worker does its jobs one after the other, the parent always knows which input a
    worker is on: a crash or a hang is charged to exactly that input, and the jobs queued
    behind it go to another worker.
    """

    def __init__(self, jobs: int, settings: Settings) -> None:
        self.settings = settings
        self.ctx = _mp_context()
        self.workers = [_Worker(self.ctx, settings) for _ in range(max(1, jobs))]

    def idle(self) -> _Worker | None:
        """The least loaded worker with room in its queue, if any."""
        best = min(self.workers, key=lambda w: len(w.jobs))
        return best if len(best.jobs) < DEPTH else None

    @property
    def busy(self) -> int:
        return sum(len(w.jobs) for w in self.workers)

    def _arm(self, worker: _Worker) -> None:
        t = self.settings.timeout
        worker.deadline = time.monotonic() + t + HARD_KILL_GRACE if t and worker.jobs else None

    def submit(self, worker: _Worker, job: Job) -> None:
        worker.jobs.append(job)
        if len(worker.jobs) == 1:
            self._arm(worker)
        # If the worker is gone, its sentinel tells; the job is then reported as a crash.
        with contextlib.suppress(BrokenPipeError, OSError):
            worker.conn.send(job)

    def _replace(self, worker: _Worker) -> list[Job]:
        """Kill a worker, start a fresh one; return the jobs that were queued behind."""
        worker.kill()
        queued = list(worker.jobs)[1:]
        i = self.workers.index(worker)
        self.workers[i] = _Worker(self.ctx, self.settings)
        return queued

    def collect(self, timeout: float) -> tuple[list[Outcome], list[Job]]:
        """Outcomes that are ready (waiting at most ``timeout`` s), and jobs to hand out again."""
        busy = [w for w in self.workers if w.jobs]
        if not busy:
            return [], []
        now = time.monotonic()
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        if deadlines:
            timeout = max(0.0, min(timeout, min(deadlines) - now))
        waitables: list[Any] = []
        for w in busy:
            waitables += [w.conn, w.proc.sentinel]
        ready = set(multiprocessing.connection.wait(waitables, timeout))
        out: list[Outcome] = []
        again: list[Job] = []
        now = time.monotonic()
        for w in busy:
            broken = False
            while w.jobs and w.conn in ready:
                try:
                    if not w.conn.poll():
                        break
                    outcome = w.conn.recv()
                except (EOFError, OSError):
                    broken = True
                    break
                w.jobs.popleft()
                out.append(outcome)
                self._arm(w)
            if not w.jobs:
                continue
            job = w.jobs[0]
            if broken or w.proc.sentinel in ready or not w.proc.is_alive():
                code = w.proc.exitcode
                err = InputError(job.source, f"worker crashed (exit code {code}) on this input")
                out.append(_failed(job, err))
                again += self._replace(w)
            elif w.deadline is not None and now >= w.deadline:
                t = self.settings.timeout or 0
                err2 = ExtractTimeout(job.source, f"took longer than --timeout {t:g}s (killed)")
                out.append(_failed(job, err2))
                again += self._replace(w)
        return out, again

    def close(self) -> None:
        for w in self.workers:
            if not w.jobs:
                w.stop()
            else:
                w.kill()

    def terminate(self) -> None:
        for w in self.workers:
            w.kill()


def _failed(job: Job, err: DeclutterError) -> Outcome:
    return Outcome(job.index, job.source, error=err, status="failed", out=job.out, site=job.site)


# --------------------------------------------------------------------------------------------
# Atomic output
# --------------------------------------------------------------------------------------------


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{_TMP_MARK}{os.getpid()}")


_NO_TMPFILE: set[int] = set()
_AT_FDCWD = -100
_AT_EMPTY_PATH = 0x1000
_LIBC: list[Any] = []


def _libc() -> Any:
    """libc's ``linkat`` (names an O_TMPFILE by its descriptor), or None where unavailable."""
    if not _LIBC:
        try:
            lib = ctypes.CDLL(None, use_errno=True)
            lib.linkat.argtypes = [
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_int,
            ]
            _LIBC.append(lib)
        except (OSError, AttributeError):
            _LIBC.append(None)
    return _LIBC[0]  # devices where an O_TMPFILE cannot be linked into place


class AtomicFile:
    """A file that appears under its name complete or not at all.

    On Linux the data goes to an anonymous ``O_TMPFILE`` in the target directory, linked into
    place when done: a killed process leaves nothing behind, not even a temporary file.  Where
    that is not available, a dot-named temporary file is renamed into place.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp: Path | None = None
        fd = -1
        mode = 0o666 & ~_umask()
        if hasattr(os, "O_TMPFILE") and sys.platform.startswith("linux"):
            try:
                dev = os.stat(self.path.parent).st_dev
                if dev not in _NO_TMPFILE:
                    fd = os.open(self.path.parent, os.O_TMPFILE | os.O_RDWR, mode)
            except OSError:
                fd = -1
        if fd < 0:
            self._tmp = _tmp_name(self.path)
            fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        self._fd = fd
        self.stream: IO[bytes] = os.fdopen(fd, "wb", buffering=1 << 16, closefd=False)

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def _link(self, target: Path) -> None:
        """Give the anonymous file a name (``FileExistsError`` if the name is taken)."""
        libc = _libc()
        if libc is not None:
            r = libc.linkat(self._fd, b"", _AT_FDCWD, os.fsencode(target), _AT_EMPTY_PATH)
            if r == 0:
                return
            err = ctypes.get_errno()
            if err == errno.EEXIST:
                raise FileExistsError(err, os.strerror(err), str(target))
        os.link(f"/proc/self/fd/{self._fd}", target, follow_symlinks=True)

    def _link_anonymous(self) -> None:
        try:
            try:
                self._link(self.path)
                return
            except FileExistsError:
                pass
            tmp = _tmp_name(self.path)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            self._link(tmp)
            os.replace(tmp, self.path)
        except OSError as exc:
            if isinstance(exc, FileExistsError):
                raise
            # This system cannot link an anonymous file: copy it to a named temporary.
            _NO_TMPFILE.add(os.stat(self.path.parent).st_dev)
            tmp = _tmp_name(self.path)
            os.lseek(self._fd, 0, os.SEEK_SET)
            out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 & ~_umask())
            try:
                while chunk := os.read(self._fd, 1 << 20):
                    os.write(out, chunk)
            finally:
                os.close(out)
            os.replace(tmp, self.path)

    def commit(self) -> None:
        self.stream.flush()
        self.stream.close()
        try:
            if self._tmp is None:
                self._link_anonymous()
            else:
                os.replace(self._tmp, self.path)
                self._tmp = None
        finally:
            os.close(self._fd)

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.close(self._fd)
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)


_UMASK: int | None = None


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return _UMASK


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    f = AtomicFile(path)
    try:
        f.write(data)
        f.commit()
    except BaseException:
        f.discard()
        raise


def remove_stale_temporaries(root: str | Path) -> int:
    """Delete temporary files a killed run left under ``root`` (non-Linux fallback only)."""
    n = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if _TMP_MARK in name and name.startswith("."):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(dirpath, name))
                    n += 1
    return n


def output_complete(path: str | Path, fmt: Format) -> bool:
    """True when a previous run wrote ``path`` completely (atomically, ending in a newline).

    A JSON output that holds an error record does not count: ``--resume`` tries it again.
    """
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


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def render(outcome: Outcome, fmt: Format, explain: bool = False) -> str:
    """One outcome in the chosen format, ending with a newline.

    Failed inputs render as their error record in JSON formats; in Markdown and text they have
    no rendering (they are listed in the summary) and this returns "".
    """
    if fmt == "json":
        return json.dumps(outcome.record(explain), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(outcome.record(explain), ensure_ascii=False) + "\n"
    if outcome.article is None:
        return ""
    text = outcome.article.to_markdown() if fmt == "markdown" else outcome.article.to_text()
    return text.rstrip("\n") + "\n"


# --------------------------------------------------------------------------------------------
# Discovering inputs
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


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


def _expand(cfg: BatchConfig, summary: Summary) -> Iterator[Job]:
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
                out = os.path.join(cfg.out_dir, output_name(rel, fmt)) if cfg.out_dir else None
                yield Job(index, str(f), path=str(f), out=out, site=str(f.parent), grouped=True)
                index += 1
            continue
        if item != "-" and is_warc(item) and p.is_file():
            from .warc import iter_warc

            stem = p.name[:-3] if p.name.endswith(".gz") else p.name
            for rec in iter_warc(p, max_bytes=cfg.max_bytes):
                host = (rec.site or "page").replace("/", "_")
                rel = f"{stem}/{rec.position:06d}-{host}{EXTENSIONS[fmt]}"
                out = os.path.join(cfg.out_dir, rel) if cfg.out_dir else None
                yield Job(
                    index,
                    rec.source,
                    data=rec.data,
                    url=rec.url,
                    http_charset=rec.charset,
                    extra=rec.extra,
                    out=out,
                    site=rec.site,
                    error=rec.error,
                )
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
            n += sum(1 for _ in walk(p, cfg.glob, cfg.out_dir))
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


class Sink:
    """Where rendered outcomes go: one file each under a directory, or one stream."""

    def __init__(self, cfg: BatchConfig, stream: IO[str] | None = None) -> None:
        self.cfg = cfg
        self.stream = stream
        self._file: AtomicFile | None = None
        self._first = True
        if cfg.out_dir is None and cfg.out_file is not None:
            self._file = AtomicFile(cfg.out_file)

    def write(self, outcome: Outcome) -> None:
        if outcome.status == "skipped":
            return
        text = render(outcome, self.cfg.format, self.cfg.explain)
        if outcome.out is not None:
            if text:
                write_atomic(outcome.out, text.encode("utf-8"))
            return
        if not text:
            return
        if self.cfg.format in ("markdown", "text") and not self._first:
            text = "\n" + text
        self._first = False
        if self._file is not None:
            self._file.write(text.encode("utf-8"))
        elif self.stream is not None:
            self.stream.write(text)
            self.stream.flush()

    def prefill(self, lines: Iterable[bytes]) -> None:
        """Copy records kept from a previous run (``--resume`` of a JSON Lines file)."""
        if self._file is not None:
            for line in lines:
                self._file.write(line)

    def commit(self) -> None:
        if self._file is not None:
            self._file.commit()
            self._file = None

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()
            self._file = None


def _resume_jsonl(path: str) -> tuple[set[str], list[bytes]]:
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


def run_batch(
    cfg: BatchConfig,
    *,
    stream: IO[str] | None = None,
    progress: ProgressCallback | None = None,
) -> Summary:
    """Run a batch; every input ends as exactly one outcome, written to the sink in order."""
    from .sitelearn import SiteLearner

    summary = Summary()
    start = time.monotonic()
    settings = Settings(
        cfg.input,
        replace(cfg.options, explain=cfg.explain),
        cfg.timeout,
        cfg.max_bytes,
        test_hooks_from_env(),
    )
    sink = Sink(cfg, stream)
    learner = SiteLearner(explain=cfg.explain) if cfg.learn_sites else None
    resumed: set[str] = set()
    if cfg.resume and cfg.out_dir:
        remove_stale_temporaries(cfg.out_dir)
    if cfg.resume and cfg.out_file and cfg.format == "jsonl":
        resumed, kept = _resume_jsonl(cfg.out_file)
        sink.prefill(kept)

    fetcher = None
    pool: Pool | None = None
    jobs_iter = _expand(cfg, summary)
    pending: dict[int, Outcome] = {}  # finished, waiting for their turn (ordered output)
    next_index = 0
    exhausted = False
    ready: deque[Job] = deque()  # jobs ready for a worker

    def emit(outcome: Outcome) -> None:
        """Final outcome (after site learning): count it, write it, report progress."""
        if outcome.status == "ok":
            summary.extracted += 1
        elif outcome.status == "empty":
            summary.empty += 1
        elif outcome.status == "failed":
            summary.failed += 1
            summary.failures.append(
                {
                    "source": outcome.source,
                    "type": type(outcome.error).__name__,
                    "message": outcome.error.message if outcome.error else "",
                }
            )
        elif outcome.status == "skipped":
            summary.skipped += 1
        if outcome.status != "skipped":
            try:
                sink.write(outcome)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputError(f"{outcome.out or cfg.out_file or 'output'}: {exc}") from None
        summary.seconds = time.monotonic() - start
        if progress is not None:
            progress(summary, outcome)

    def release(outcomes: Iterable[Outcome]) -> None:
        nonlocal next_index
        for o in outcomes:
            if not cfg.ordered:
                emit(o)
                continue
            pending[o.index] = o
        if cfg.ordered:
            while next_index in pending:
                emit(pending.pop(next_index))
                next_index += 1

    def finish(o: Outcome) -> None:
        """An outcome came back from extraction (or was decided without it)."""
        if learner is not None:
            release(learner.add(o))
        else:
            release([o])

    def next_job() -> Job | None:
        nonlocal exhausted
        if exhausted:
            return None
        try:
            job = next(jobs_iter)
        except StopIteration:
            exhausted = True
            return None
        summary.read += 1
        if learner is not None:
            learner.expect(job)
        return job

    summary.total = count_inputs(cfg) if progress is not None else None
    if progress is not None:
        progress(summary, None)

    try:
        if cfg.inline:
            while (job := next_job()) is not None:
                if cfg.resume and _skip(job, cfg, resumed):
                    finish(
                        Outcome(job.index, job.source, status="skipped", out=job.out, site=job.site)
                    )
                    continue
                if job.needs_fetch:
                    job = _fetch_now(job, cfg)
                finish(process_with_budget(job, settings))
            if learner is not None:
                release(learner.flush_all())
            sink.commit()
            summary.seconds = time.monotonic() - start
            return summary

        pool = Pool(cfg.jobs, settings)
        if cfg.url_lists or any(is_url(i) for i in cfg.inputs):
            from .fetch import Fetcher

            fetcher = Fetcher(cfg.fetch)
        waiting_fetch = 0
        while True:
            # Fill: keep every worker busy, a few fetches ahead, and the reorder buffer bounded.
            budget_ok = len(pending) + (learner.held if learner else 0) < MAX_WAITING
            while (
                budget_ok
                and not exhausted
                and len(ready) < len(pool.workers) * DEPTH
                and (fetcher is None or waiting_fetch < fetcher.max_in_flight)
            ):
                job = next_job()
                if job is None:
                    break
                if cfg.resume and _skip(job, cfg, resumed):
                    finish(
                        Outcome(job.index, job.source, status="skipped", out=job.out, site=job.site)
                    )
                    continue
                if job.needs_fetch:
                    assert fetcher is not None
                    fetcher.submit(job)
                    waiting_fetch += 1
                else:
                    ready.append(job)
            if fetcher is not None:
                for fetched in fetcher.done():
                    waiting_fetch -= 1
                    ready.append(fetched)
            while ready and (w := pool.idle()) is not None:
                job = ready.popleft()
                if job.error is not None:
                    finish(_failed(job, job.error))
                    continue
                pool.submit(w, job)
            if not ready and waiting_fetch == 0 and pool.busy == 0:
                if exhausted:
                    break
                if learner is not None and not budget_ok:
                    # Everything waits on pages the learner holds: decide their sites now.
                    release(learner.flush_all())
            wait = 0.02 if (fetcher is not None and waiting_fetch) else 0.5
            if pool.busy == 0:
                if waiting_fetch:
                    fetcher.wait(0.5)  # type: ignore[union-attr]
                continue
            outcomes, again = pool.collect(wait)
            ready.extendleft(reversed(again))
            # Hand out work before writing results, so that workers never wait on the parent.
            while ready and (w := pool.idle()) is not None:
                pool.submit(w, ready.popleft())
            for o in outcomes:
                finish(o)
        if learner is not None:
            release(learner.flush_all())
        pool.close()
        pool = None
        sink.commit()
    except BaseException:
        if pool is not None:
            pool.terminate()
        sink.discard()
        raise
    finally:
        if fetcher is not None:
            fetcher.close()
        summary.seconds = time.monotonic() - start
    if learner is not None:
        summary.template_blocks_dropped = learner.dropped
    return summary


class OutputError(Exception):
    """An output could not be written (disk full, permission): the run stops."""


def _skip(job: Job, cfg: BatchConfig, resumed: set[str]) -> bool:
    if job.out is not None:
        return output_complete(job.out, cfg.format)
    return job.source in resumed


def _fetch_now(job: Job, cfg: BatchConfig) -> Job:
    from .fetch import Fetcher

    fetcher = Fetcher(cfg.fetch)
    try:
        return fetcher.fetch_job(job)
    finally:
        fetcher.close()


def extract_one(
    source: str,
    *,
    input: KindChoice = "auto",
    options: Options = DEFAULTS,
    timeout: float | None = None,
    max_bytes: int | None = None,
    fetch: Any = None,
) -> Outcome:
    """One input (a path, ``-`` or a URL), extracted in this process."""
    cfg = BatchConfig([source], input=input, options=options, timeout=timeout, max_bytes=max_bytes)
    cfg.fetch = fetch
    job = next(_expand(cfg, Summary()))
    if job.needs_fetch:
        job = _fetch_now(job, cfg)
    settings = Settings(input, options, timeout, max_bytes, test_hooks_from_env())
    return process_with_budget(job, settings)


__all__ = [
    "EXTENSIONS",
    "AtomicFile",
    "BatchConfig",
    "Job",
    "Outcome",
    "OutputError",
    "Settings",
    "Summary",
    "extract_one",
    "output_complete",
    "output_name",
    "process_job",
    "render",
    "run_batch",
    "walk",
    "write_atomic",
]

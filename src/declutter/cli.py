"""The ``declutter`` command: a thin layer over :mod:`declutter.batch.run`.

    declutter page.html                      Markdown on stdout
    declutter page.html --format json        one JSON object
    declutter pages/ -o clean/ --jobs 4      a mirrored tree of outputs
    declutter pages/ --format jsonl > out.jsonl
    declutter https://example.com/a --urls more.txt --format jsonl
    declutter crawl.warc.gz --format jsonl
    declutter schema                         the JSON Schema of the records

Exit codes: 0 all inputs succeeded, 1 some failed, 2 usage error.  Errors are one line on
stderr naming the input, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from . import __version__
from .batch import (
    BatchConfig,
    Outcome,
    OutputError,
    Summary,
    extract_one,
    is_url,
    is_warc,
    output_name,
    render,
    run_batch,
    write_atomic,
)
from .errors import DeclutterError
from .options import Options


class Fmt(str, Enum):
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    text = "text"


class InputKind(str, Enum):
    auto = "auto"
    html = "html"
    text = "text"
    markdown = "markdown"


class Mode(str, Enum):
    balanced = "balanced"
    precision = "precision"
    recall = "recall"


app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"declutter {__version__}")
        raise typer.Exit(0)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)


def parse_size(value: str | None) -> int | None:
    """``500000``, ``512k``, ``10M``, ``1GiB`` → bytes."""
    if value is None:
        return None
    m = _SIZE.match(value)
    if not m:
        raise typer.BadParameter(f"not a size: {value!r} (try 5000000 or 5M)")
    n = float(m.group(1))
    unit = (m.group(2) or "").lower()[:1]
    mult = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]
    return int(n * mult)


def _err(message: str) -> None:
    sys.stderr.write(f"declutter: {message}\n")
    sys.stderr.flush()


def _usage(message: str) -> typer.Exit:
    _err(f"error: {message}")
    sys.stderr.write("Try 'declutter --help' for help.\n")
    return typer.Exit(2)


# --------------------------------------------------------------------------------------------
# Progress reporting (rich on a terminal, plain lines otherwise)
# --------------------------------------------------------------------------------------------


class _PlainProgress:
    """A line on stderr every few seconds: for logs and pipes."""

    def __init__(self, every: float = 5.0) -> None:
        self.every = every
        self.last = time.monotonic()

    def __call__(self, summary: Summary, outcome: Outcome | None) -> None:
        now = time.monotonic()
        if outcome is None or now - self.last < self.every:
            return
        self.last = now
        total = f"/{summary.total}" if summary.total is not None else ""
        sys.stderr.write(
            f"declutter: {summary.done}{total} done, {summary.failed} failed, "
            f"{summary.pages_per_second:.1f} pages/s\n"
        )
        sys.stderr.flush()

    def close(self) -> None:
        pass


class _RichProgress:
    """A rich progress bar on stderr: count, rate, ETA, failures so far."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("declutter"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
            redirect_stdout=False,  # stdout carries the records; never capture it
            redirect_stderr=False,
        )
        self.task = self.progress.add_task("pages", total=None, rate=0.0, failed=0)
        self.progress.start()
        self.last = 0.0

    def __call__(self, summary: Summary, outcome: Outcome | None) -> None:
        now = time.monotonic()
        if outcome is not None and now - self.last < 0.1 and summary.done != summary.total:
            return
        self.last = now
        self.progress.update(
            self.task,
            total=summary.total,
            completed=summary.done,
            rate=summary.pages_per_second,
            failed=summary.failed,
        )

    def close(self) -> None:
        self.progress.stop()


def _print_summary(summary: Summary) -> None:
    line = (
        f"declutter: read {summary.read}, extracted {summary.extracted}, empty {summary.empty}, "
        f"failed {summary.failed}"
    )
    if summary.skipped:
        line += f", skipped {summary.skipped} (resumed)"
    if summary.template_blocks_dropped:
        line += f", {summary.template_blocks_dropped} site-template blocks dropped"
    line += f" in {summary.seconds:.1f}s ({summary.pages_per_second:.1f} pages/s)"
    sys.stderr.write(line + "\n")
    for f in summary.failures[:20]:
        sys.stderr.write(f"  failed: {f['source']}: {f['type']}: {f['message']}\n")
    if len(summary.failures) > 20:
        sys.stderr.write(f"  … and {len(summary.failures) - 20} more (see --report)\n")
    sys.stderr.flush()


# --------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------


def _is_batch(inputs: list[str], urls: list[str]) -> bool:
    if urls or len(inputs) != 1:
        return True
    item = inputs[0]
    if item == "-" or is_url(item):
        return False
    p = Path(item)
    return p.is_dir() or (is_warc(item) and p.is_file())


@app.command()
def declutter(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, directories, WARC archives, URLs, or '-' for stdin. "
            "'declutter schema' prints the JSON Schema.",
            show_default=False,
            metavar="INPUT",
        ),
    ] = None,
    format: Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")] = Fmt.markdown,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here instead of stdout (atomically). With a directory, a file tree, or "
            "several inputs (jsonl: one file), a directory mirroring the inputs.",
        ),
    ] = None,
    input: Annotated[
        InputKind, typer.Option("--input", help="Treat inputs as this kind instead of sniffing.")
    ] = InputKind.auto,
    explain: Annotated[
        bool, typer.Option("--explain", help="Add 'removed': what was dropped and why.")
    ] = False,
    mode: Annotated[Mode, typer.Option("--mode", help="Favour precision or recall.")] = (
        Mode.balanced
    ),
    glob: Annotated[
        str | None, typer.Option("--glob", help="Only files matching this pattern in directories.")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: number of cores)."),
    ] = None,
    unordered: Annotated[
        bool, typer.Option("--unordered", help="Write results as they finish, not in input order.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
    report: Annotated[
        str | None, typer.Option("--report", help="Write the run's summary here as JSON.")
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0.001, help="Seconds one page may take (default: 60)."),
    ] = None,
    max_bytes: Annotated[
        str | None,
        typer.Option("--max-bytes", help="Refuse inputs larger than this (e.g. 5M; default 64M)."),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip inputs whose output is already complete.")
    ] = False,
    urls: Annotated[
        list[str] | None,
        typer.Option("--urls", help="A file of URLs to fetch, one a line ('-': stdin)."),
    ] = None,
    learn: Annotated[
        bool,
        typer.Option("--learn/--no-learn", help="Drop blocks that recur across a site's pages."),
    ] = True,
    fetch_timeout: Annotated[
        float, typer.Option("--fetch-timeout", min=0.001, help="Seconds to fetch one URL.")
    ] = 30.0,
    max_redirects: Annotated[
        int, typer.Option("--max-redirects", min=0, help="Redirects followed per URL.")
    ] = 5,
    retries: Annotated[
        int, typer.Option("--retries", min=0, help="Retries on 429/5xx/connection errors.")
    ] = 2,
    per_host: Annotated[
        int, typer.Option("--per-host", min=1, help="Requests in flight per host.")
    ] = 2,
    user_agent: Annotated[
        str | None, typer.Option("--user-agent", help="User-Agent header for URLs.")
    ] = None,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """Turn scraped web pages into clean articles (Markdown, JSON, JSON Lines or text)."""
    items = list(inputs or [])
    url_lists = list(urls or [])
    if items == ["schema"] and not url_lists:
        from .schema import article_schema

        typer.echo(json.dumps(article_schema(), indent=2, ensure_ascii=False))
        raise typer.Exit(0)
    if not items and not url_lists:
        raise _usage("no input given (a file, a directory, a URL, or '-' for stdin)")
    if items.count("-") > 1:
        raise _usage("'-' (stdin) can be given only once")
    try:
        max_b = parse_size(max_bytes)
    except typer.BadParameter as exc:
        raise _usage(f"--max-bytes: {exc}") from None
    from .batch.fetch import USER_AGENT, FetchConfig

    DEFAULT_FETCH_MAX = FetchConfig().max_bytes

    fetch_cfg = FetchConfig(
        timeout=fetch_timeout,
        max_redirects=max_redirects,
        retries=retries,
        per_host=per_host,
        user_agent=user_agent or USER_AGENT,
        max_bytes=max_b or DEFAULT_FETCH_MAX,
    )
    options = Options(mode=mode.value, explain=explain)
    fmt = format.value
    page_timeout = 60.0 if timeout is None else timeout

    if not _is_batch(items, url_lists):
        _single(
            items[0], fmt, output, input.value, options, explain, page_timeout, max_b, fetch_cfg
        )
        return

    out_dir, out_file = _outputs(output, fmt, items, url_lists)
    cfg = BatchConfig(
        inputs=items,
        format=cast(Any, fmt),
        out_dir=out_dir,
        out_file=out_file,
        input=cast(Any, input.value),
        options=options,
        explain=explain,
        jobs=jobs or os.cpu_count() or 1,
        ordered=not unordered,
        timeout=page_timeout,
        max_bytes=max_b,
        resume=resume,
        glob=glob,
        url_lists=url_lists,
        learn_sites=learn,
        fetch=fetch_cfg,
    )
    for lst in url_lists:
        if lst != "-" and not Path(lst).is_file():
            raise _usage(f"--urls {lst}: no such file")
    progress: Any = None
    if not quiet:
        progress = _RichProgress() if sys.stderr.isatty() else _PlainProgress()
    try:
        summary = run_batch(cfg, stream=sys.stdout, progress=progress)
    except OutputError as exc:
        if progress is not None:
            progress.close()
        _err(f"cannot write output: {exc}")
        raise typer.Exit(1) from None
    except BrokenPipeError:
        # stdout was closed early (| head): stop quietly.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        if progress is not None:
            progress.close()
        _err("interrupted; outputs written so far are complete (--resume goes on from there)")
        raise typer.Exit(130) from None
    if progress is not None:
        progress.close()
    if not quiet:
        _print_summary(summary)
    if report:
        try:
            data = json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n"
            write_atomic(report, data.encode("utf-8"))
        except OSError as exc:
            _err(f"{report}: cannot write report ({exc.strerror or exc})")
            raise typer.Exit(1) from None
    raise typer.Exit(1 if summary.failed else 0)


def _outputs(
    output: str | None, fmt: str, items: list[str], url_lists: list[str]
) -> tuple[str | None, str | None]:
    """(directory, file) for a batch's ``-o``: jsonl streams to one file, the rest mirror a tree."""
    if output is None or output == "-":
        return None, None
    as_dir = output.endswith(("/", os.sep)) or Path(output).is_dir()
    if fmt == "jsonl" and not as_dir:
        return None, output
    if Path(output).exists() and not Path(output).is_dir():
        raise _usage(f"-o {output}: is a file; several inputs need a directory (or --format jsonl)")
    return output, None


def _single(
    item: str,
    fmt: Any,
    output: str | None,
    kind: Any,
    options: Options,
    explain: bool,
    timeout: float | None,
    max_bytes: int | None,
    fetch_cfg: Any,
) -> None:
    """One input: extract it here, print or write it; an error is one line and exit code 1."""
    outcome = extract_one(
        item,
        input=kind,
        options=options,
        timeout=timeout,
        max_bytes=max_bytes,
        fetch=fetch_cfg,
    )
    if outcome.error is not None:
        _err(str(outcome.error))
        raise typer.Exit(1)
    text = render(outcome, fmt, explain)
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    if output.endswith(("/", os.sep)) or target.is_dir():
        name = "stdin" if item == "-" else Path(item).name if not is_url(item) else "page"
        target = target / output_name(name, fmt)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        _err(f"{target}: cannot write ({exc.strerror or exc})")
        raise typer.Exit(1) from None


def _on_sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``declutter`` console script and ``python -m declutter``."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        app(args=argv, prog_name="declutter", standalone_mode=True)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except DeclutterError as exc:
        _err(str(exc))
        sys.exit(1)
    except BrokenPipeError:
        # stdout closed early (| head): not an error of ours.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        sys.exit(1)
    except Exception as exc:  # the promise: never a traceback
        _err(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(1)

"""The ``declutter`` command: a thin layer over :mod:`declutter.batch.run`.

    declutter page.html                      Markdown on stdout
    declutter page.html --format json        one JSON object
    declutter pages/ -o clean/ --jobs 4      a mirrored tree of outputs
    declutter pages/ --format jsonl > out.jsonl
    declutter https://example.com/a --urls more.txt --format jsonl
    declutter crawl.warc.gz --format jsonl
    declutter crawl/ -o clean/ --cluster tcp://scheduler:8786
    declutter schema                         the JSON Schema of the records

Exit codes: 0 all inputs succeeded, 1 some failed, 2 usage error.  Errors are one line on
stderr naming the input, never a traceback.  Options are declared in :mod:`.cli_options`,
progress and the summary drawn by :mod:`.cli_progress`.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import typer

from .batch import (
    BatchConfig,
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
from .batch.report import BatchReport
from .cli_options import (
    ClusterOpt,
    ExplainOpt,
    FetchTimeoutOpt,
    Fmt,
    FormatOpt,
    GlobOpt,
    InputKind,
    InputOpt,
    Inputs,
    JobsOpt,
    LearnOpt,
    MaxBytesOpt,
    Mode,
    ModeOpt,
    OutputOpt,
    PerHostOpt,
    QuietOpt,
    RedirectsOpt,
    ReportOpt,
    ResumeOpt,
    RetriesOpt,
    SplitWarcOpt,
    TimeoutOpt,
    UnorderedOpt,
    UrlsOpt,
    UserAgentOpt,
    VersionOpt,
    cluster_address,
    parse_size,
)
from .cli_progress import PlainProgress, RichProgress, print_summary
from .errors import DeclutterError
from .options import Options

__all__ = ["app", "main", "parse_size"]

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: The install line named when ``--cluster`` is used without the extra.
CLUSTER_EXTRA = "pip install 'declutter[cluster]'"


def _err(message: str) -> None:
    sys.stderr.write(f"declutter: {message}\n")
    sys.stderr.flush()


def _usage(message: str) -> typer.Exit:
    _err(f"error: {message}")
    sys.stderr.write("Try 'declutter --help' for help.\n")
    return typer.Exit(2)


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
    inputs: Inputs = None,
    format: FormatOpt = Fmt.markdown,
    output: OutputOpt = None,
    input: InputOpt = InputKind.auto,
    explain: ExplainOpt = False,
    mode: ModeOpt = Mode.balanced,
    glob: GlobOpt = None,
    jobs: JobsOpt = None,
    unordered: UnorderedOpt = False,
    quiet: QuietOpt = False,
    report: ReportOpt = None,
    timeout: TimeoutOpt = None,
    max_bytes: MaxBytesOpt = None,
    resume: ResumeOpt = False,
    urls: UrlsOpt = None,
    learn: LearnOpt = True,
    fetch_timeout: FetchTimeoutOpt = 30.0,
    max_redirects: RedirectsOpt = 5,
    retries: RetriesOpt = 2,
    per_host: PerHostOpt = 2,
    user_agent: UserAgentOpt = None,
    cluster: ClusterOpt = None,
    split_warc: SplitWarcOpt = "256M",
    version: VersionOpt = None,
) -> None:
    """Turn scraped web pages into clean articles (Markdown, JSON, JSON Lines or text)."""
    items, url_lists = list(inputs or []), list(urls or [])
    _check_inputs(items, url_lists)
    max_b = _size("--max-bytes", max_bytes)
    fetch_cfg = _fetch_config(fetch_timeout, max_redirects, retries, per_host, user_agent, max_b)
    options = Options(mode=mode.value, explain=explain)
    fmt = format.value
    page_timeout = 60.0 if timeout is None else timeout
    if not _is_batch(items, url_lists):
        _single(items[0], fmt, output, input.value, options, page_timeout, max_b, fetch_cfg)
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
        cluster=_cluster(cluster),
        warc_split=_size("--split-warc", split_warc) or 1,
    )
    if report:  # the report counts removal reasons, which only an explained page has
        cfg.options = replace(options, explain=True)
    stats = BatchReport(out_dir if fmt == "html" else None) if report or fmt == "html" else None
    summary = _run(cfg, quiet, stats)
    _report(summary, report, stats)
    raise typer.Exit(1 if summary.failed else 0)


def _check_inputs(items: list[str], url_lists: list[str]) -> None:
    """Usage errors about the inputs, and ``declutter schema``."""
    if items == ["schema"] and not url_lists:
        from .schema import article_schema

        typer.echo(json.dumps(article_schema(), indent=2, ensure_ascii=False))
        raise typer.Exit(0)
    if not items and not url_lists:
        raise _usage("no input given (a file, a directory, a URL, or '-' for stdin)")
    if items.count("-") > 1:
        raise _usage("'-' (stdin) can be given only once")
    for lst in url_lists:
        if lst != "-" and not Path(lst).is_file():
            raise _usage(f"--urls {lst}: no such file")


def _size(option: str, value: str | None) -> int | None:
    try:
        return parse_size(value)
    except typer.BadParameter as exc:
        raise _usage(f"{option}: {exc}") from None


def _fetch_config(
    timeout: float,
    max_redirects: int,
    retries: int,
    per_host: int,
    user_agent: str | None,
    max_bytes: int | None,
) -> Any:
    from .batch.fetch import USER_AGENT, FetchConfig

    return FetchConfig(
        timeout=timeout,
        max_redirects=max_redirects,
        retries=retries,
        per_host=per_host,
        user_agent=user_agent or USER_AGENT,
        max_bytes=max_bytes or FetchConfig().max_bytes,
    )


def _cluster(value: str | None) -> str | None:
    """The cluster address, after checking that the ``cluster`` extra is installed."""
    address = cluster_address(value)
    if address is None:
        return None
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise _usage(f"--cluster needs the cluster extra: {CLUSTER_EXTRA}") from None
    return address


def _run(cfg: BatchConfig, quiet: bool, stats: BatchReport | None = None) -> Summary:
    """Run the batch with progress on stderr; output errors and interrupts end the command."""
    progress: Any = None
    if not quiet:
        progress = RichProgress() if sys.stderr.isatty() else PlainProgress()
    try:
        watch = stats.observe(progress) if stats is not None else progress
        summary = run_batch(cfg, stream=sys.stdout, progress=watch)
        if stats is not None:
            stats.write_index()
    except OutputError as exc:
        _close(progress)
        _err(f"cannot write output: {exc}")
        raise typer.Exit(1) from None
    except BrokenPipeError:
        # stdout was closed early (| head): stop quietly.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        _close(progress)
        _err("interrupted; outputs written so far are complete (--resume goes on from there)")
        raise typer.Exit(130) from None
    except ConnectionError as exc:
        _close(progress)
        _err(f"cluster {cfg.cluster}: {exc}")
        raise typer.Exit(1) from None
    _close(progress)
    if not quiet:
        print_summary(summary)
    return summary


def _close(progress: Any) -> None:
    if progress is not None:
        progress.close()


def _report(summary: Summary, report: str | None, stats: BatchReport | None) -> None:
    if not report or stats is None:
        return
    try:
        stats.write(report, summary)
    except OSError as exc:
        _err(f"{report}: cannot write report ({exc.strerror or exc})")
        raise typer.Exit(1) from None


def _outputs(
    output: str | None, fmt: str, items: list[str], url_lists: list[str]
) -> tuple[str | None, str | None]:
    """(directory, file) for a batch's ``-o``: jsonl streams to one file, the rest mirror a tree."""
    if output is None or output == "-":
        if fmt == "parquet":
            raise _usage("--format parquet needs -o (a directory, or a .parquet file)")
        if fmt == "html":
            raise _usage(
                "--format html with several inputs needs -o DIRECTORY (and writes index.html)"
            )
        return None, None
    as_dir = output.endswith(("/", os.sep)) or Path(output).is_dir()
    if fmt in ("jsonl", "parquet") and not as_dir:
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
    timeout: float | None,
    max_bytes: int | None,
    fetch_cfg: Any,
) -> None:
    """One input: extract it here, print or write it; an error is one line and exit code 1."""
    if fmt == "parquet":
        raise _usage("--format parquet is for batches (a directory, WARC files, -o FILE)")
    outcome = extract_one(
        item, input=kind, options=options, timeout=timeout, max_bytes=max_bytes, fetch=fetch_cfg
    )
    if outcome.error is not None:
        _err(str(outcome.error))
        raise typer.Exit(1)
    text = render(outcome, fmt, options.explain)
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

"""The options of the ``declutter`` command: their types, defaults and help, in one place.

Each option is an ``Annotated`` alias, so the command's signature stays one line per option
and the parsing of values (sizes, the cluster address) lives beside them.
"""

from __future__ import annotations

import os
import re
from enum import Enum
from typing import Annotated

import typer

from . import __version__

#: The scheduler address used when ``--cluster`` is not given.
CLUSTER_ENV = "DECLUTTER_CLUSTER"


class Fmt(str, Enum):
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    text = "text"
    parquet = "parquet"
    html = "html"


class InputKind(str, Enum):
    auto = "auto"
    html = "html"
    text = "text"
    markdown = "markdown"


class Mode(str, Enum):
    balanced = "balanced"
    precision = "precision"
    recall = "recall"


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


def cluster_address(value: str | None) -> str | None:
    """``--cluster``, else ``$DECLUTTER_CLUSTER``; ``""`` or ``none`` turn the cluster off."""
    address = value if value is not None else os.environ.get(CLUSTER_ENV)
    if not address or address.strip().lower() in ("none", "off"):
        return None
    return address.strip()


Inputs = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, directories, WARC archives, URLs, or '-' for stdin. "
        "'declutter schema' prints the JSON Schema.",
        show_default=False,
        metavar="INPUT",
    ),
]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write here instead of stdout (atomically). With a directory, a file tree, or "
        "several inputs (jsonl: one file), a directory mirroring the inputs.",
    ),
]
InputOpt = Annotated[
    InputKind, typer.Option("--input", help="Treat inputs as this kind instead of sniffing.")
]
ExplainOpt = Annotated[
    bool, typer.Option("--explain", help="Add 'removed': what was dropped and why.")
]
ModeOpt = Annotated[Mode, typer.Option("--mode", help="Favour precision or recall.")]
GlobOpt = Annotated[
    str | None, typer.Option("--glob", help="Only files matching this pattern in directories.")
]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes (default: number of cores)."),
]
UnorderedOpt = Annotated[
    bool, typer.Option("--unordered", help="Write results as they finish, not in input order.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")]
ReportOpt = Annotated[
    str | None,
    typer.Option(
        "--report", help="Write the run's summary here: JSON, or a page with charts if *.html."
    ),
]
TimeoutOpt = Annotated[
    float | None,
    typer.Option("--timeout", min=0.001, help="Seconds one page may take (default: 60)."),
]
MaxBytesOpt = Annotated[
    str | None,
    typer.Option("--max-bytes", help="Refuse inputs larger than this (e.g. 5M; default 64M)."),
]
ResumeOpt = Annotated[
    bool, typer.Option("--resume", help="Skip inputs whose output is already complete.")
]
UrlsOpt = Annotated[
    list[str] | None,
    typer.Option("--urls", help="A file of URLs to fetch, one a line ('-': stdin)."),
]
LearnOpt = Annotated[
    bool,
    typer.Option("--learn/--no-learn", help="Drop blocks that recur across a site's pages."),
]
FetchTimeoutOpt = Annotated[
    float, typer.Option("--fetch-timeout", min=0.001, help="Seconds to fetch one URL.")
]
RedirectsOpt = Annotated[
    int, typer.Option("--max-redirects", min=0, help="Redirects followed per URL.")
]
RetriesOpt = Annotated[
    int, typer.Option("--retries", min=0, help="Retries on 429/5xx/connection errors.")
]
PerHostOpt = Annotated[int, typer.Option("--per-host", min=1, help="Requests in flight per host.")]
UserAgentOpt = Annotated[
    str | None, typer.Option("--user-agent", help="User-Agent header for URLs.")
]
ClusterOpt = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Run the batch on a Dask cluster: a scheduler address (tcp://host:8786) or "
        f"local:N for N local workers (default: ${CLUSTER_ENV}). Needs "
        "pip install 'declutter[cluster]'.",
        show_default=False,
    ),
]
SplitWarcOpt = Annotated[
    str,
    typer.Option(
        "--split-warc",
        help="On a cluster, read gzip WARC files larger than this as byte ranges, one task "
        "and one shard (NAME.partNNNN.jsonl.gz) each.",
    ),
]
VersionOpt = Annotated[
    bool | None,
    typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
]

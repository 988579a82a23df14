"""The command line, one input at a time: through typer's CliRunner and a real subprocess."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from declutter import __version__
from declutter.cli import app
from declutter.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "fixtures" / "inputs"
HTML = INPUTS / "article.html"
TEXT = INPUTS / "article.txt"
MD = INPUTS / "article.md"
HEADLINE = "Night trains return to the Alps"
FIRST = "After a gap of almost twenty years"

VALIDATOR = Draft202012Validator(article_schema())
runner = CliRunner()


def invoke(*args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def valid(record: dict) -> dict:  # type: ignore[type-arg]
    VALIDATOR.validate(record)
    return record


def one_line_error(stderr: str, name: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert name in lines[0]


# -- input kinds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"), [(HTML, "html"), (TEXT, "text"), (MD, "markdown")], ids=["html", "txt", "md"]
)
def test_each_input_kind_as_json(path: Path, kind: str) -> None:
    result = invoke(str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    record = valid(json.loads(result.stdout))
    assert record["input"] == kind
    assert record["source"] == str(path)
    assert record["headline"] == HEADLINE
    assert record["breadcrumb"][:2] == ["Home", "Europe"]
    assert record["text"].startswith(FIRST)


def test_gzip_sniffed_by_magic_bytes_not_name(tmp_path: Path) -> None:
    named = tmp_path / "page.html.gz"
    named.write_bytes(gzip.compress(HTML.read_bytes()))
    unnamed = tmp_path / "page.bin"
    unnamed.write_bytes(gzip.compress(HTML.read_bytes()))
    for p in (named, unnamed):
        result = invoke(str(p), "-f", "json")
        assert result.exit_code == 0, result.stderr
        record = valid(json.loads(result.stdout))
        assert record["input"] == "html"
        assert record["headline"] == HEADLINE


def test_stdin() -> None:
    result = invoke("-", "--format", "json", input=HTML.read_bytes())
    assert result.exit_code == 0, result.stderr
    record = valid(json.loads(result.stdout))
    assert record["source"] == "-"
    assert record["headline"] == HEADLINE


def test_input_override(tmp_path: Path) -> None:
    result = invoke(str(HTML), "--input", "text", "-f", "json")
    assert result.exit_code == 0
    assert valid(json.loads(result.stdout))["input"] == "text"


# -- formats ----------------------------------------------------------------------------------


def test_markdown_is_the_default() -> None:
    result = invoke(str(HTML))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"# {HEADLINE}\n")
    assert "## Why now" in result.stdout
    assert "- Three departures a week in winter" in result.stdout
    assert "Most read" not in result.stdout


def test_formats() -> None:
    jsonl = invoke(str(HTML), "--format", "jsonl")
    lines = jsonl.stdout.splitlines()
    assert len(lines) == 1
    assert valid(json.loads(lines[0]))["headline"] == HEADLINE
    text = invoke(str(HTML), "--format", "text")
    assert text.exit_code == 0
    assert FIRST in text.stdout
    assert "<" not in text.stdout and "#" not in text.stdout.split("\n", 1)[1]
    md = invoke(str(HTML), "--format", "markdown")
    assert md.stdout == invoke(str(HTML)).stdout


def test_explain_adds_removed() -> None:
    plain = valid(json.loads(invoke(str(HTML), "-f", "json").stdout))
    assert "removed" not in plain
    explained = valid(json.loads(invoke(str(HTML), "-f", "json", "--explain").stdout))
    assert isinstance(explained["removed"], list)


def test_output_file_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out.json"
    result = invoke(str(HTML), "-f", "json", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert valid(json.loads(out.read_text("utf-8")))["headline"] == HEADLINE
    assert sorted(p.name for p in out.parent.iterdir()) == ["out.json"]
    # -o a directory: named after the input
    result = invoke(str(HTML), "-f", "json", "-o", str(tmp_path))
    assert (tmp_path / "article.html.json").is_file()


def test_schema_and_version() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == article_schema()
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


# -- bad inputs: one line on stderr naming the input, exit 1 ----------------------------------


def test_bad_bytes_still_extract(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    raw = HTML.read_bytes().replace(b"almost twenty", b"almost \xff\xfe\x80 twenty")
    page.write_bytes(raw)
    result = invoke(str(page), "-f", "json")
    assert result.exit_code == 0
    record = valid(json.loads(result.stdout))
    assert record["headline"] == HEADLINE


def test_windows_1252_declared_latin1(tmp_path: Path) -> None:
    page = tmp_path / "cp1252.html"
    body = HTML.read_text("utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    body = body.replace("Tickets go on sale", "\u201cTickets\u201d go on sale")
    page.write_bytes(body.encode("cp1252"))
    record = valid(json.loads(invoke(str(page), "-f", "json").stdout))
    assert "\u201cTickets\u201d" in record["text"]


def test_empty_file_is_an_empty_article(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_bytes(b"")
    result = invoke(str(page), "-f", "json")
    assert result.exit_code == 0
    record = valid(json.loads(result.stdout))
    assert record["blocks"] == [] and record["text"] == ""


@pytest.mark.parametrize("case", ["missing", "binary", "corrupt-gz", "directory-typo"])
def test_unreadable_inputs(tmp_path: Path, case: str) -> None:
    if case == "missing":
        path = tmp_path / "nope.html"
    elif case == "binary":
        path = tmp_path / "image.html"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    elif case == "corrupt-gz":
        path = tmp_path / "page.html.gz"
        path.write_bytes(gzip.compress(HTML.read_bytes())[:200])
    else:
        path = tmp_path / "no" / "such" / "dir" / "a.html"
    result = runner.invoke(app, [str(path), "-f", "json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    one_line_error(result.stderr, str(path))


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--format", "yaml", "x.html"],
        ["--no-such-option", "x.html"],
        ["--jobs", "0", "x.html"],
        ["--input", "pdf", "x.html"],
        ["--max-bytes", "lots", "x.html"],
        ["-", "-"],
    ],
    ids=["no-input", "bad-format", "unknown-option", "jobs-0", "bad-input", "bad-size", "stdin2"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr


# -- a real subprocess ------------------------------------------------------------------------


def run(*args: str, input: bytes | None = None, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "declutter", *args],
        input=input,
        capture_output=True,
        timeout=60,
        env=env,
        cwd=cwd,
    )


def test_subprocess_markdown_json_and_stdin() -> None:
    md = run(str(HTML))
    assert md.returncode == 0, md.stderr
    assert md.stdout.decode().startswith(f"# {HEADLINE}")
    js = run("-", "-f", "json", input=gzip.compress(TEXT.read_bytes()))
    assert js.returncode == 0, js.stderr
    assert valid(json.loads(js.stdout))["input"] == "text"


def test_subprocess_errors(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "missing.html"))
    assert missing.returncode == 1
    assert missing.stdout == b""
    one_line_error(missing.stderr.decode(), "missing.html")
    usage = run("--format", "nope", str(HTML))
    assert usage.returncode == 2
    assert b"Traceback" not in usage.stderr


def test_subprocess_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == article_schema()

"""The batch path with pages that crash (or once crashed) the extractor among good ones.

Every input gives exactly one record: the article or one error record, never a lost or a
duplicated output, whether the records go to a stream, one JSON Lines file, or a directory,
and again on ``--resume``. The crashers are the fuzz fixtures (each crashed the extractor
once), a page whose worker process dies (test hook), one that overruns its time budget (test
hook), binary data, corrupt gzip and an empty file.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from declutter.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "tests" / "fixtures" / "fuzz"
validator = Draft202012Validator(article_schema())
#: Test hooks of the batch workers (declutter/batch/worker.py): a source containing the value
#: makes its worker exit at once, or sleep past the time budget.
HOOKS = {"DECLUTTER_TEST_CRASH_ON": "worker-dies", "DECLUTTER_TEST_SLEEP_ON": "too-slow"}


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    (root / "fuzz").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "seed.html", root / "good.html")
    shutil.copy(ROOT / "examples" / "seed.txt", root / "good.txt")
    shutil.copy(ROOT / "tests" / "fixtures" / "inputs" / "article.md", root / "good.md")
    for i, path in enumerate(sorted(FUZZ.glob("*.bin"))):
        # Each crasher under each reader the suffix picks.
        suffix = (".html", ".md", ".txt")[i % 3]
        shutil.copy(path, root / "fuzz" / f"{path.stem}{suffix}")
    page = (ROOT / "tests" / "fixtures" / "inputs" / "article.html").read_bytes()
    (root / "worker-dies.html").write_bytes(page)
    (root / "too-slow.html").write_bytes(page)
    (root / "binary.html").write_bytes(bytes(range(256)) * 8)
    (root / "corrupt.html.gz").write_bytes(gzip.compress(page)[:30])
    (root / "empty.html").write_bytes(b"")
    return root


def inputs(root: Path) -> set[str]:
    return {str(p) for p in root.rglob("*") if p.is_file()}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **HOOKS}
    return subprocess.run(
        [sys.executable, "-m", "declutter", *args, "-j", "2", "--timeout", "3", "--no-learn"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=ROOT,
    )


def check_records(records: list[dict[str, Any]], expected: set[str]) -> None:
    sources = [r["source"] for r in records]
    assert sorted(sources) == sorted(expected), "one record per input, none lost or doubled"
    failed = {r["source"] for r in records if "error" in r}
    for record in records:
        if "error" not in record:
            errors = [e.message[:200] for e in validator.iter_errors(record)]
            assert not errors, (record["source"], errors)
        else:
            assert set(record) == {"schema_version", "source", "error"}, record
    by_name = {Path(s).name: s for s in sources}
    for name in ("worker-dies.html", "too-slow.html", "binary.html", "corrupt.html.gz"):
        assert by_name[name] in failed, name
    for name in ("good.html", "good.txt", "good.md"):
        assert by_name[name] not in failed, name


def test_jsonl_stream_has_one_record_per_input(pages: Path) -> None:
    proc = run(str(pages), "-f", "jsonl")
    assert proc.returncode == 1, proc.stderr[-2000:]
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    check_records(records, inputs(pages))


def test_jsonl_file_and_resume(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = run(str(pages), "-f", "jsonl", "-o", str(out))
    assert proc.returncode == 1, proc.stderr[-2000:]
    first = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    check_records(first, inputs(pages))
    proc = run(str(pages), "-f", "jsonl", "-o", str(out), "--resume")
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    again = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    check_records(again, inputs(pages))


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_directory_has_one_output_per_input(pages: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}"
    for attempt in ("first", "resume"):
        args = [str(pages), "-f", fmt, "-o", str(out)]
        proc = run(*args, *(["--resume"] if attempt == "resume" else []))
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
        files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
        stems = [str(f.with_suffix("")) for f in files]
        assert len(stems) == len(set(stems)), f"{attempt}: an input written twice: {files}"
        if fmt == "json":
            # Failed inputs have their error record; every input has exactly one file.
            assert len(files) == len(inputs(pages)), (attempt, files)
            records = [json.loads((out / f).read_text("utf-8")) for f in files]
            check_records(records, inputs(pages))
        else:
            # Markdown has no rendering of a failure (it is in the summary): at most one each.
            assert len(files) <= len(inputs(pages))
            assert not [f for f in files if f.name.startswith(("worker-dies", "binary"))]


def test_a_rust_panic_is_one_failed_outcome(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyo3's PanicException derives from BaseException, past the worker's except Exception
    (markdown-it-pyrs panicked on '[`'); it must still be one error record for its page."""
    from declutter import pipeline
    from declutter.batch.jobs import Job, Settings
    from declutter.batch.worker import process_job

    class PanicException(BaseException):  # the name is what the worker recognises
        pass

    def panic(*args: Any, **kwargs: Any) -> None:
        raise PanicException("index out of bounds")

    monkeypatch.setattr(pipeline, "extract", panic)
    outcome = process_job(Job(0, "p.md", data=b"# x\n\n[`"), Settings())
    assert outcome.status == "failed" and outcome.error is not None
    assert "PanicException" in outcome.error.message

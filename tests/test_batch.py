"""Batches through the command line: directories, every input accounted for, exit codes,
time budgets, crashes, resume, kills, ordering, and site boilerplate learning."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from declutter.batch import AtomicFile, output_name, write_atomic
from declutter.batch.worker import TEST_CRASH_ENV, TEST_HANG_ENV, TEST_SLEEP_ENV
from declutter.cli import app
from declutter.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "fixtures" / "inputs"
SITE = ROOT / "tests" / "fixtures" / "site"
CORPUS = ROOT / "tests" / "corpus" / "scrapinghub" / "html"
VALIDATOR = Draft202012Validator(article_schema())
runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def corpus_pages(n: int) -> list[Path]:
    return sorted(CORPUS.glob("*.html.gz"))[:n]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A tree with good pages (html, .gz, text, markdown) and bad ones."""
    root = tmp_path / "pages"
    (root / "news").mkdir(parents=True)
    (root / "notes").mkdir()
    shutil.copy(INPUTS / "article.html", root / "a.html")
    for p in corpus_pages(3):
        shutil.copy(p, root / "news" / p.name)
    shutil.copy(INPUTS / "article.txt", root / "notes" / "b.txt")
    shutil.copy(INPUTS / "article.md", root / "notes" / "c.md")
    (root / "news" / "corrupt.html.gz").write_bytes(
        gzip.compress((INPUTS / "article.html").read_bytes())[:150]
    )
    (root / "binary.html").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 16)
    (root / "empty.html").write_bytes(b"")
    return root


def all_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_directory_to_tree_accounts_for_every_input(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    report = tmp_path / "report.json"
    result = invoke(str(pages), "-o", str(out), "-f", "json", "-j", "2", "--report", str(report))
    assert result.exit_code == 1, result.stderr  # some inputs failed
    inputs = all_files(pages)
    expected = sorted(output_name(rel, "json") for rel in inputs)
    assert all_files(out) == expected
    assert "news/" + corpus_pages(1)[0].name[:-3] + ".json" in expected  # a.html.gz → a.html.json
    failed = {}
    for rel in expected:
        record = json.loads((out / rel).read_text("utf-8"))
        VALIDATOR.validate(record)
        if "error" in record:
            failed[rel] = record["error"]
    assert set(failed) == {"binary.html.json", "news/corrupt.html.json"}
    assert "gzip" in failed["news/corrupt.html.json"]["message"]
    summary = json.loads(report.read_text("utf-8"))
    assert summary["read"] == len(inputs) == 9
    assert summary["failed"] == 2
    assert summary["empty"] >= 1  # empty.html
    assert summary["extracted"] + summary["empty"] + summary["failed"] == 9
    assert "failed" in result.stderr  # the summary line


def test_directory_to_jsonl_stream_in_input_order(pages: Path) -> None:
    result = invoke(str(pages), "-f", "jsonl", "-j", "2", "-q")
    assert result.exit_code == 1
    assert result.stderr == ""  # --quiet
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for r in records:
        VALIDATOR.validate(r)
    sources = [r["source"] for r in records]
    # Folder by folder in sorted order: the walk order, stable whatever the worker timing.
    expected = []
    for dirpath, dirs, files in os.walk(pages):
        dirs.sort()
        expected += [str(Path(dirpath) / f) for f in sorted(files)]
    assert sources == expected
    unordered = invoke(str(pages), "-f", "jsonl", "-j", "2", "-q", "--unordered")
    assert sorted(json.loads(x)["source"] for x in unordered.stdout.splitlines()) == sorted(
        expected
    )


def test_markdown_tree_lists_failures_in_summary(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = invoke(str(pages), "-o", str(out), "-j", "2")
    assert result.exit_code == 1
    files = all_files(out)
    assert "a.html.md" in files and "notes/b.txt.md" in files
    assert "binary.html.md" not in files  # failures have no Markdown; they are in the summary
    assert "binary.html" in result.stderr and "corrupt.html.gz" in result.stderr


def test_all_good_exit_0_and_glob(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "html.jsonl"
    result = invoke(str(pages), "--glob", "*.html", "-o", str(out), "-f", "jsonl", "-q")
    # *.html matches a.html, binary.html, empty.html and the .html.gz pages (corrupt included)
    assert result.exit_code == 1
    assert len(out.read_text().splitlines()) == 7
    tree = tmp_path / "tree"
    result = invoke(str(pages / "news"), "--glob", "0*.html", "-o", str(tree), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert len(all_files(tree)) == 3


def test_timeout_hang_and_crash_are_reported_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for name in ("01-ok", "02-slow", "03-ok", "04-hang", "05-crash", "06-ok"):
        shutil.copy(INPUTS / "article.html", root / f"{name}.html")
    monkeypatch.setenv(TEST_SLEEP_ENV, "02-slow")  # test-only hooks (see batch.py)
    monkeypatch.setenv(TEST_HANG_ENV, "04-hang")
    monkeypatch.setenv(TEST_CRASH_ENV, "05-crash")
    start = time.monotonic()
    result = invoke(str(root), "-f", "jsonl", "-j", "2", "--timeout", "1", "-q")
    elapsed = time.monotonic() - start
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).stem for r in records] == [
        "01-ok", "02-slow", "03-ok", "04-hang", "05-crash", "06-ok"
    ]  # fmt: skip
    by = {Path(r["source"]).stem: r for r in records}
    assert by["02-slow"]["error"]["type"] == "ExtractTimeout"
    assert by["04-hang"]["error"]["type"] == "ExtractTimeout"
    assert "crashed" in by["05-crash"]["error"]["message"]
    for ok in ("01-ok", "03-ok", "06-ok"):
        assert by[ok]["headline"] == "Night trains return to the Alps"
    assert elapsed < 20


def test_max_bytes(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(INPUTS / "article.html", root / "small.html")
    (root / "big.html").write_text("<html><body>" + "<p>word word</p>" * 5000 + "</body></html>")
    result = invoke(str(root), "-f", "jsonl", "--max-bytes", "20k", "-q", "-j", "1")
    assert result.exit_code == 1
    records = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert "max-bytes" in records["big.html"]["error"]["message"]
    assert "error" not in records["small.html"]


def test_resume_skips_complete_outputs(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    invoke(str(pages), "-o", str(out), "-f", "json", "-q")
    target = out / "a.html.json"
    target.unlink()
    (out / "notes" / "b.txt.json").write_text('{"half": ')  # an incomplete output is redone
    report = tmp_path / "r.json"
    result = invoke(str(pages), "-o", str(out), "-f", "json", "--resume", "--report", str(report))
    summary = json.loads(report.read_text())
    assert summary["skipped"] == 5  # not the two rewritten, nor the two failures (tried again)
    assert summary["read"] == 9
    assert json.loads(target.read_text())["headline"] == "Night trains return to the Alps"
    assert json.loads((out / "notes" / "b.txt.json").read_text())["input"] == "text"
    assert result.exit_code == 1  # the two bad inputs are still bad


def test_resume_jsonl_file(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    invoke(str(pages / "news"), "-o", str(out), "-f", "jsonl", "-q")
    first = out.read_text().splitlines()
    assert len(first) == 4
    result = invoke(str(pages), "-o", str(out), "-f", "jsonl", "-q", "--resume")
    lines = out.read_text().splitlines()
    sources = [json.loads(x)["source"] for x in lines]
    assert len(sources) == len(set(sources)) == 9
    assert result.exit_code == 1


def test_atomic_writer_leaves_nothing_on_failure(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.json", b"{}\n")
    f = AtomicFile(tmp_path / "b.json")
    f.write(b"partial")
    f.discard()
    write_atomic(tmp_path / "a.json", b"[1]\n")  # replacing an existing file
    assert all_files(tmp_path) == ["a.json"]
    assert (tmp_path / "a.json").read_bytes() == b"[1]\n"


def test_site_boilerplate_learning() -> None:
    learned = invoke(str(SITE), "-f", "jsonl", "--explain", "-q")
    plain = invoke(str(SITE), "-f", "jsonl", "--no-learn", "-q")
    assert learned.exit_code == plain.exit_code == 0
    blurb = "The Harbour Gazette has covered the town"
    appeal = "Our reporting is free to read"
    learned_records = [json.loads(x) for x in learned.stdout.splitlines()]
    plain_records = [json.loads(x) for x in plain.stdout.splitlines()]
    assert len(learned_records) == len(plain_records) == 6
    for with_, without in zip(learned_records, plain_records, strict=True):
        VALIDATOR.validate(with_)
        assert blurb in without["text"] and appeal in without["text"]
        assert blurb not in with_["text"] and appeal not in with_["text"]
        # the articles themselves are untouched
        assert len(with_["blocks"]) == len(without["blocks"]) - 2 == 4
        reasons = [r["reason"] for r in with_["removed"] if r["text"].startswith(blurb)]
        assert reasons and reasons[0].startswith("site template")


def test_identical_pages_teach_nothing(tmp_path: Path) -> None:
    root = tmp_path / "same"
    root.mkdir()
    for i in range(5):
        shutil.copy(INPUTS / "article.html", root / f"copy{i}.html")
    result = invoke(str(root), "-f", "jsonl", "-q")
    texts = {json.loads(x)["text"] for x in result.stdout.splitlines()}
    assert len(texts) == 1 and "Tickets go on sale" in texts.pop()


# -- real subprocesses: kill mid-batch, interrupt -----------------------------------------------


def _spawn(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "declutter", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, **(env or {})),
    )


def _wait_for_outputs(out: Path, n: int, proc: subprocess.Popen[bytes], limit: float = 30) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if out.exists() and sum(1 for p in out.rglob("*.json")) >= n:
            return
        time.sleep(0.02)


def _check_complete(out: Path) -> int:
    n = 0
    for p in out.rglob("*"):
        if p.is_file():
            assert p.name.endswith(".json") and not p.name.startswith("."), p
            VALIDATOR.validate(json.loads(p.read_text("utf-8")))
            n += 1
    return n


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_no_partial_outputs_after_a_kill_then_resume(tmp_path: Path, sig: int) -> None:
    src = tmp_path / "src"
    src.mkdir()
    pages = corpus_pages(40)
    for p in pages:
        shutil.copy(p, src / p.name)
    out = tmp_path / "out"
    # Slow every page down a little (test-only hook: the worker sleeps on sources named "s")
    proc = _spawn([str(src), "-o", str(out), "-f", "json", "-j", "2", "-q"])
    _wait_for_outputs(out, 5, proc)
    proc.send_signal(sig)
    proc.wait(20)
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode in (130, 0)
        assert b"Traceback" not in proc.stderr.read()  # type: ignore[union-attr]
    done = _check_complete(out)
    assert done >= 5
    resumed = _spawn([str(src), "-o", str(out), "-f", "json", "-j", "2", "-q", "--resume"])
    resumed.wait(120)
    assert resumed.returncode == 0, resumed.stderr.read()  # type: ignore[union-attr]
    assert _check_complete(out) == len(pages)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pty")
def test_progress_bar_on_a_terminal_leaves_stdout_to_the_records() -> None:
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "declutter", str(SITE), "-f", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
    )
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    out = proc.stdout.read()  # type: ignore[union-attr]
    proc.wait(30)
    os.close(master)
    assert proc.returncode == 0
    assert len(out.splitlines()) == 6  # every record on stdout, none captured by the bar
    text = err.decode("utf-8", "replace")
    assert "6/6" in text and "pages/s" in text  # the rich bar (count, rate)
    assert "read 6, extracted 6" in text  # the summary


def test_output_tree_inside_the_input_tree_is_not_read_back(pages: Path) -> None:
    out = pages / "clean"
    result = invoke(str(pages), "-o", str(out), "-f", "json", "-q")
    assert result.exit_code == 1
    assert len(all_files(out)) == 9
    again = invoke(str(pages), "-o", str(out), "-f", "json", "-q", "--resume")
    assert len(all_files(out)) == 9
    assert again.exit_code == 1


def test_plain_progress_lines(capsys: pytest.CaptureFixture[str]) -> None:
    from declutter.batch import Outcome, Summary
    from declutter.cli_progress import PlainProgress as _PlainProgress

    progress = _PlainProgress(every=0)
    summary = Summary(read=3, extracted=2, failed=1, total=10, seconds=1.0)
    progress(summary, Outcome(0, "x"))
    assert capsys.readouterr().err == "declutter: 3/10 done, 1 failed, 3.0 pages/s\n"

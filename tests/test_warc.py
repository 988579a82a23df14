"""WARC input: archives the test writes itself with warcio (1.0 and 1.1, gzip and plain)."""

from __future__ import annotations

import gzip
import json
from io import BytesIO
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from declutter.batch.warc import iter_warc, reader_name
from declutter.cli import app
from declutter.schema import article_schema

VALIDATOR = Draft202012Validator(article_schema())
runner = CliRunner()
BODY = (
    "<p>The lighthouse keeper logged every passing ship in a leather-bound book for thirty-one "
    "years, through storms, fog and two wars.</p>"
    "<p>His logbooks, donated to the museum last spring, have now been scanned and will be "
    "published online for historians and for the families of sailors.</p>"
)


def html(title: str, charset: str = "utf-8") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Menu</nav>"
        f"<article><h1>{title}</h1>{BODY}<p><a href='story/more'>More</a></p></article>"
        f"</body></html>"
    ).encode(charset)


def write_warc(path: Path, version: str, gz: bool) -> list[str]:
    """An archive with pages and the records that are not pages; returns the page record ids."""
    ids: list[str] = []
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=gz, warc_version=version)

        def response(url: str, body: bytes, ctype: str, status: str = "200 OK",
                     encoding: str | None = None) -> str:  # fmt: skip
            headers = [("Content-Type", ctype)]
            if encoding:
                headers.append(("Content-Encoding", encoding))
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http)
            w.write_record(rec)
            return str(rec.rec_headers.get_header("WARC-Record-ID"))

        req = w.create_warc_record(
            "https://museum.example/logbooks", "request",
            payload=BytesIO(b"GET /logbooks HTTP/1.1\r\nHost: museum.example\r\n\r\n"),
        )  # fmt: skip
        w.write_record(req)
        ids.append(response("https://museum.example/logbooks", html("Keeper's logbooks online"),
                            "text/html; charset=utf-8"))  # fmt: skip
        response("https://museum.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        response("https://museum.example/gone", b"<h1>Gone</h1>", "text/html", "404 Not Found")
        ids.append(response("https://museum.example/fr/journaux", html("Journaux du gardien – été",
                            "cp1252"), "text/html; charset=iso-8859-1"))  # fmt: skip
        ids.append(response("https://museum.example/zipped", gzip.compress(html("Zipped logbook")),
                            "text/html", encoding="gzip"))  # fmt: skip
        meta = w.create_warc_record(
            "https://museum.example/logbooks", "metadata", payload=BytesIO(b"via: crawler"),
            warc_content_type="text/plain",
        )  # fmt: skip
        w.write_record(meta)
    return ids


@pytest.mark.parametrize(("version", "gz"), [("1.1", True), ("1.0", False)])
def test_warc_records(tmp_path: Path, version: str, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    ids = write_warc(path, version, gz)
    result = runner.invoke(app, [str(path), "-f", "jsonl", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for r in records:
        VALIDATOR.validate(r)
    assert [r["warc_record_id"] for r in records] == ids
    assert [r["url"] for r in records] == [
        "https://museum.example/logbooks",
        "https://museum.example/fr/journaux",
        "https://museum.example/zipped",
    ]
    assert [r["headline"] for r in records] == [
        "Keeper's logbooks online", "Journaux du gardien – été", "Zipped logbook"
    ]  # fmt: skip
    for r in records:
        assert r["fetched"].startswith("20") and "T" in r["fetched"]
        assert r["text"].startswith("The lighthouse keeper")


def test_warc_to_tree_and_reader(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, "1.1", True)
    pages = list(iter_warc(path))
    assert len(pages) == 3 and all(p.error is None for p in pages)
    out = tmp_path / "clean"
    result = runner.invoke(app, [str(path), "-o", str(out), "-f", "json", "-q"])
    assert result.exit_code == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert len(files) == 3 and all(f.startswith("crawl.warc/") for f in files)


def test_corrupt_warc_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC archive at all\r\n\r\n" * 10))
    good = tmp_path / "good.warc.gz"
    write_warc(good, "1.1", True)
    truncated = tmp_path / "truncated.warc"
    write_warc(truncated, "1.1", False)
    data = truncated.read_bytes()
    truncated.write_bytes(data[: data.index(b"fr/journaux") + 600])
    args = [str(path), str(good), str(truncated), "-f", "jsonl", "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for r in records:
        VALIDATOR.validate(r)
    assert "error" in records[0] and "WARC" in records[0]["error"]["message"]
    assert all("error" not in r for r in records[1:4])
    # the truncated archive: the first page, then the damaged record as an error or a short page
    assert records[4]["headline"] == "Keeper's logbooks online"
    assert len(records) in (5, 6)


@pytest.mark.parametrize(("version", "gz"), [("1.1", True), ("1.0", False)])
def test_both_readers_give_the_same_pages(tmp_path: Path, version: str, gz: bool) -> None:
    pytest.importorskip("fastwarc")
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, version, gz)
    assert reader_name(path) == "fastwarc"
    fast = list(iter_warc(path, reader="fastwarc"))
    slow = list(iter_warc(path, reader="warcio"))
    assert len(fast) == 3 and fast == slow


def test_warc_files_inside_a_directory_are_read_as_archives(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "day1").mkdir(parents=True)
    write_warc(crawl / "day1" / "a.warc.gz", "1.1", True)
    (crawl / "page.html").write_bytes(html("A page beside the archive"))
    result = runner.invoke(app, [str(crawl), "-f", "jsonl", "-q"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["headline"] for r in records] == [  # a folder's files, then its subfolders
        "A page beside the archive",
        "Keeper's logbooks online", "Journaux du gardien – été", "Zipped logbook",
    ]  # fmt: skip
    out = tmp_path / "clean"
    assert runner.invoke(app, [str(crawl), "-o", str(out), "-f", "json", "-q"]).exit_code == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert len(files) == 4 and files[0].startswith("day1/a.warc/000000-museum.example")

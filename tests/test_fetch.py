"""URL inputs against a real HTTP server on 127.0.0.1 (in a thread): good pages, redirects and a
loop, 404/500, retries, a slow body, an oversized body, a wrong content type, wrong charsets,
compression, per-host limits."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import brotli
import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from declutter.batch import url_output_name
from declutter.batch.fetch import USER_AGENT, FetchConfig, Fetcher
from declutter.cli import app
from declutter.errors import FetchError
from declutter.schema import article_schema

VALIDATOR = Draft202012Validator(article_schema())
runner = CliRunner()

PARAS = [
    "Residents of the valley woke to a thick blanket of snow on Thursday, the earliest such fall "
    "recorded in the region for more than forty years.",
    "Schools opened two hours late and the main road over the pass was closed until ploughs had "
    "cleared the worst of the drifts near the summit.",
    "Forecasters expect milder air to arrive over the weekend, turning the snow to rain and "
    "raising the risk of flooding along the river.",
]


def page(title: str, extra: str = "", charset_meta: bool = True) -> str:
    meta = '<meta charset="utf-8">' if charset_meta else ""
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{extra}{body}"
        f"<p><a href='/more'>Read more</a> <img src='img/snow.jpg' alt='snow'></p></article>"
        f"<footer>Footer</footer></body></html>"
    )


class State:
    hits: ClassVar[Counter[str]] = Counter()
    in_flight = 0
    max_in_flight = 0
    lock = threading.Lock()
    agents: ClassVar[list[str]] = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:  # fmt: skip
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        with State.lock:
            State.hits[path] += 1
            State.agents.append(self.headers.get("User-Agent", ""))
        if path == "/good":
            self.send(200, page("Snow comes early to the valley").encode())
        elif path == "/redirect":
            self.send(302, b"", headers={"Location": "/articles/good-after-redirect"})
        elif path == "/articles/good-after-redirect":
            self.send(200, page("Snow after a redirect").encode())
        elif path.startswith("/loop"):
            self.send(302, b"", headers={"Location": "/loop"})
        elif path == "/missing":
            self.send(404, b"<h1>Not found</h1>")
        elif path == "/broken":
            self.send(500, b"oops", headers={"Retry-After": "0"})
        elif path == "/flaky":
            if State.hits[path] == 1:
                self.send(503, b"busy", headers={"Retry-After": "0"})
            else:
                self.send(200, page("Snow on the second try").encode())
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"<p>" + b"x" * 500 + b"</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the cap must hold while streaming
            try:
                for _ in range(300):
                    self.wfile.write(b"<p>" + b"word " * 2000 + b"</p>")
            except OSError:
                pass
            self.close_connection = True
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
        elif path == "/wrong-charset":
            text = page("Café “crème” – naïve", charset_meta=False)
            self.send(200, text.encode("utf-8"), ctype="text/html; charset=iso-8859-1")
        elif path == "/cp1251":
            text = page("Снег выпал рано", charset_meta=False)
            self.send(200, text.encode("cp1251"), ctype="text/html; charset=windows-1251")
        elif path == "/gzip":
            body = gzip.compress(page("Snow, compressed with gzip").encode())
            self.send(200, body, headers={"Content-Encoding": "gzip"})
        elif path == "/brotli":
            body = brotli.compress(page("Snow, compressed with brotli").encode())
            self.send(200, body, headers={"Content-Encoding": "br"})
        elif path == "/text":
            body = "\n\n".join(["Snow in plain text", *PARAS]).encode()
            self.send(200, body, ctype="text/plain; charset=utf-8")
        elif path.startswith("/host-limit/"):
            with State.lock:
                State.in_flight += 1
                State.max_in_flight = max(State.max_in_flight, State.in_flight)
            time.sleep(0.25)
            with State.lock:
                State.in_flight -= 1
            self.send(200, page(f"Snow page {path.rsplit('/', 1)[1]}").encode())
        else:
            self.send(404, b"no route")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_single_url(server: str) -> None:
    result = invoke(f"{server}/good", "-f", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    VALIDATOR.validate(record)
    assert record["source"] == f"{server}/good"
    assert record["url"] == f"{server}/good"
    assert record["headline"] == "Snow comes early to the valley"
    assert record["fetched"].endswith("Z")
    assert record["text"].startswith("Residents of the valley")
    assert State.agents[-1] == USER_AGENT and USER_AGENT.startswith("declutter/")


def test_single_url_failure_is_one_line_exit_1(server: str) -> None:
    result = runner.invoke(app, [f"{server}/missing"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "/missing" in result.stderr
    assert "404" in result.stderr


def test_url_list_every_case(server: str, tmp_path: Path) -> None:
    paths = [
        "/good", "/redirect", "/loop", "/missing", "/broken", "/flaky", "/slow", "/big",
        "/image", "/wrong-charset", "/cp1251", "/gzip", "/brotli", "/text",
    ]  # fmt: skip
    listing = tmp_path / "urls.txt"
    listing.write_text("# a comment\n\n" + "\n".join(server + p for p in paths) + "\n")
    report = tmp_path / "report.json"
    result = invoke(
        "--urls", str(listing), "-f", "jsonl", "-j", "2", "-q", "--report", str(report),
        "--fetch-timeout", "1.5", "--max-bytes", "1M", "--retries", "1",
    )  # fmt: skip
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [server + p for p in paths]  # input order
    for r in records:
        VALIDATOR.validate(r)
    by = {r["source"][len(server) :]: r for r in records}

    def error(p: str) -> str:
        assert by[p]["error"]["type"] == "FetchError", by[p]
        return str(by[p]["error"]["message"])

    assert by["/good"]["headline"] == "Snow comes early to the valley"
    # the fetched URL is the base for relative links and the url fallback
    assert by["/redirect"]["url"] == f"{server}/articles/good-after-redirect"
    assert by["/redirect"]["headline"] == "Snow after a redirect"
    images = [b for b in by["/redirect"]["blocks"] if b["type"] == "image"]
    assert all(b["src"].startswith(f"{server}/articles/") for b in images)
    assert "redirects" in error("/loop")
    assert "404" in error("/missing")
    assert "500" in error("/broken")
    assert State.hits["/broken"] == 2  # one retry
    assert by["/flaky"]["headline"] == "Snow on the second try"
    assert "1.5s" in error("/slow") or "timed out" in error("/slow")
    assert "cap" in error("/big")
    assert "content type image/png" in error("/image")
    assert by["/wrong-charset"]["headline"] == "Café “crème” – naïve"
    assert by["/cp1251"]["headline"] == "Снег выпал рано"
    assert by["/gzip"]["headline"] == "Snow, compressed with gzip"
    assert by["/brotli"]["headline"] == "Snow, compressed with brotli"
    assert by["/text"]["input"] == "text"
    summary = json.loads(report.read_text())
    assert summary["read"] == len(paths)
    assert summary["failed"] == 6  # loop, missing, broken, slow, big, image


def test_url_outputs_to_tree(server: str, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    result = invoke(f"{server}/good", f"{server}/gzip", "-o", str(out), "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    for p in ("/good", "/gzip"):
        target = out / url_output_name(server + p, "json")
        assert json.loads(target.read_text())["source"] == server + p
    again = invoke(f"{server}/good", f"{server}/gzip", "-o", str(out), "-f", "json", "--resume")
    assert again.exit_code == 0
    assert "skipped 2" in again.stderr


def test_per_host_limit(server: str, tmp_path: Path) -> None:
    State.max_in_flight = 0
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(f"{server}/host-limit/{i}" for i in range(6)))
    result = invoke("--urls", str(listing), "-f", "jsonl", "-q", "--per-host", "2")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 6
    assert 1 <= State.max_in_flight <= 2


def test_backoff_between_retries(server: str) -> None:
    fetcher = Fetcher(FetchConfig(retries=2, backoff=0.2, timeout=5))
    State.hits["/missing-retry"] = 0
    start = time.monotonic()
    with pytest.raises(FetchError):
        fetcher.fetch(f"{server}/broken")  # Retry-After: 0 wins over the backoff
    assert time.monotonic() - start < 1.0
    start = time.monotonic()
    with pytest.raises(FetchError, match="connection failed"):
        Fetcher(FetchConfig(retries=2, backoff=0.1, connect_timeout=1)).fetch(
            "http://127.0.0.1:9/nothing-listens-here"
        )
    assert time.monotonic() - start >= 0.1 + 0.2  # 0.1 then 0.2
    fetcher.close()

"""WARC archives (WARC/1.0 and 1.1, plain or gzip; ARC too): every page record is one input.

Every HTML (or text) ``response`` record becomes one input; its record carries
``warc_record_id`` (WARC-Record-ID), ``url`` (WARC-Target-URI, the base for relative links) and
``fetched`` (WARC-Date).  Records are streamed: an archive of any size is never held in memory.

WARC files are read with FastWARC when it is installed (2.2× warcio's speed on a gzip WARC of
the corpus pages: 1.1 s against 2.4 s for 905 records, 157 MB of HTML); ARC files, and WARC
files where FastWARC is missing, with warcio.  Both decode the HTTP transfer and content
encodings, so a page reads the same whichever reader ran.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import DeclutterError, InputError

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


@dataclass(slots=True)
class WarcPage:
    """One page from an archive, ready to extract (or the error that stops it)."""

    position: int
    source: str
    url: str | None
    data: bytes | None
    charset: str | None
    site: str | None
    extra: dict[str, str] = field(default_factory=dict)
    error: DeclutterError | None = None


@dataclass(slots=True)
class _Response:
    """A ``response`` record as both readers see it: headers, and the decoded payload stream."""

    url: str | None
    record_id: str | None
    date: str | None
    content_type: str | None
    status: str | None
    payload: Any


class _Corrupt(Exception):
    """The file is not an archive (or its records cannot be parsed)."""


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of an HTTP Content-Type header."""
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(";")]
    ctype = parts[0].lower() or None
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip("\"'") or None
    return ctype, charset


def reader_name(path: str | Path) -> str:
    """Which reader :func:`iter_warc` uses for this archive: "fastwarc" or "warcio"."""
    try:
        import fastwarc.warc  # noqa: F401
    except ImportError:
        return "warcio"
    return "fastwarc" if _head(Path(path)).lstrip(b"\r\n").startswith(b"WARC/") else "warcio"


def iter_warc(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    reader: str | None = None,
    span: tuple[int, int] | None = None,
) -> Iterator[WarcPage]:
    """The pages of an archive, in archive order.  A corrupt archive ends with an error page.

    ``reader`` ("fastwarc" or "warcio") overrides the choice of :func:`reader_name`.  ``span``
    (from :func:`byte_ranges`) reads only the records that start in that byte range.
    """
    path = Path(path)
    position = 0
    try:
        head = _head(path)
        if not head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://")):
            raise _Corrupt("no WARC or ARC header at the start")
        for response in _responses(path, reader or reader_name(path), span):
            ctype, charset = _content_type(response.content_type)
            if ctype is not None and not ctype.startswith(PAGE_TYPES):
                continue
            if response.status and not response.status.startswith("2"):
                position += 1
                continue  # redirects and errors archived alongside the pages
            yield _page(path, position, response, charset, max_bytes)
            position += 1
    except _Corrupt as exc:
        yield _broken(path, position, f"corrupt WARC archive ({exc})")
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        yield _broken(path, position, f"cannot read WARC archive ({exc})")


def _page(
    path: Path, position: int, response: _Response, charset: str | None, max_bytes: int | None
) -> WarcPage:
    url = response.url
    extra: dict[str, str] = {}
    if response.record_id:
        extra["warc_record_id"] = response.record_id
    if response.date:
        extra["fetched"] = response.date
    source = url or f"{path}#{position}"
    site = urlsplit(url).hostname if url else None
    page = WarcPage(position, source, url, None, charset, site, extra)
    try:
        data = _read_all(response.payload, max_bytes)
        if max_bytes is not None and len(data) > max_bytes:
            page.error = InputError(source, f"record larger than --max-bytes {max_bytes}")
            data = b""
        page.data = data
    except Exception as exc:  # a damaged record: report it, go on
        page.error = InputError(source, f"unreadable WARC record ({exc})")
    return page


def _broken(path: Path, position: int, message: str) -> WarcPage:
    error = InputError(str(path), message)
    return WarcPage(position, f"{path}#{position}", None, None, None, None, error=error)


def _responses(path: Path, reader: str, span: tuple[int, int] | None) -> Iterator[_Response]:
    if reader == "fastwarc" or span is not None:
        yield from _fastwarc_responses(path, span)
    else:
        yield from _warcio_responses(path)


def _fastwarc_responses(path: Path, span: tuple[int, int] | None) -> Iterator[_Response]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as stream:
        if span is not None and span[0] > 0 and not _seek_member(stream, span[0]):
            return
        records = ArchiveIterator(
            stream,
            record_types=WarcRecordType.response,
            parse_http=True,
            auto_decode="all",
            fsspec_args=False,
        )
        for record in records:
            if span is not None and record.stream_pos >= span[1]:
                return  # the next range's first record
            headers = record.headers
            http = record.http_headers if record.is_http else None
            status = getattr(http, "status_code", None) if http is not None else None
            yield _Response(
                _unbracket(headers.get("WARC-Target-URI")),
                headers.get("WARC-Record-ID"),
                headers.get("WARC-Date"),
                http.get("Content-Type") if http is not None else None,
                str(status) if status else None,
                record.reader,
            )


def _warcio_responses(path: Path) -> Iterator[_Response]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response":
                    continue
                headers = record.rec_headers
                http = record.http_headers
                yield _Response(
                    headers.get_header("WARC-Target-URI"),
                    headers.get_header("WARC-Record-ID"),
                    headers.get_header("WARC-Date"),
                    http.get_header("Content-Type") if http is not None else None,
                    http.get_statuscode() if http is not None else None,
                    record.content_stream(),
                )
        except ArchiveLoadFailed as exc:
            raise _Corrupt(str(exc)) from None


def byte_ranges(path: str | Path, size: int) -> list[tuple[int, int]] | None:
    """Ranges of about ``size`` bytes for a large gzip WARC file, each one task on a cluster.

    Only a file compressed record by record (as crawlers write them) can be cut: each gzip
    member then starts a record, and a range holds the records that start in it.  None when the
    file is small, not gzip, compressed as a whole, or FastWARC is missing.
    """
    path = Path(path)
    total = path.stat().st_size
    if total <= size or not path.name.lower().endswith(".gz") or reader_name(path) != "fastwarc":
        return None
    if not _member_per_record(path):
        return None
    n = -(-total // size)
    step = -(-total // n)
    return [(i * step, min(total, (i + 1) * step)) for i in range(n)]


def _member_per_record(path: Path, limit: int = 64 << 20) -> bool:
    """True when the first gzip member ends early and another follows it."""
    inflate = zlib.decompressobj(wbits=31)
    with path.open("rb") as f:
        read = 0
        while read < limit and not inflate.eof:
            chunk = f.read(1 << 16)
            if not chunk:
                return False
            read += len(chunk)
            inflate.decompress(chunk, 1 << 20)  # output capped: only the member's end matters
        if not inflate.eof:
            return False
        return (inflate.unused_data + f.read(2))[:2] == b"\x1f\x8b"


def _seek_member(stream: Any, start: int) -> bool:
    """Move ``stream`` to the first gzip member at or after ``start`` that begins a record."""
    stream.seek(start)
    offset = start
    window = b""
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            return False
        window += chunk
        at = 0
        while (found := window.find(b"\x1f\x8b\x08", at)) >= 0:
            if _starts_record(window[found : found + (1 << 16)]):
                stream.seek(offset + found)
                return True
            at = found + 1
        keep = min(len(window), 2)  # a magic number cut between two reads
        offset += len(window) - keep
        window = window[-keep:]


def _starts_record(data: bytes) -> bool:
    try:
        head = zlib.decompressobj(wbits=31).decompress(data, 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def _unbracket(url: str | None) -> str | None:
    """WARC/1.0 allowed ``<uri>``; warcio strips the brackets, so FastWARC's reads match."""
    if url and url.startswith("<") and url.endswith(">"):
        return url[1:-1]
    return url


def _read_all(stream: object, max_bytes: int | None) -> bytes:
    """Read a record's payload, stopping one byte past ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    read = getattr(stream, "read")  # noqa: B009
    while True:
        chunk = read(1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            break
    return b"".join(chunks)


def _head(path: Path) -> bytes:
    """The first bytes of the archive, decompressed."""
    with path.open("rb") as f:
        magic = f.read(2)
        f.seek(0)
        if magic == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=f) as g:
                return g.read(64)
        return f.read(64)

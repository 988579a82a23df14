"""WARC archives (WARC/1.0 and 1.1, plain or gzip; ARC too) read with warcio.

Every HTML (or text) ``response`` record becomes one input; its record carries
``warc_record_id`` (WARC-Record-ID), ``url`` (WARC-Target-URI, the base for relative links) and
``fetched`` (WARC-Date).  Records are streamed: an archive of any size is never held in memory.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
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


def _content_type(record: object) -> tuple[str | None, str | None]:
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(";")]
    ctype = parts[0].lower() or None
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip("\"'") or None
    return ctype, charset


def iter_warc(path: str | Path, *, max_bytes: int | None = None) -> Iterator[WarcPage]:
    """The pages of an archive, in archive order.  A corrupt archive ends with an error page."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(path)
    position = 0
    try:
        head = _head(path)
        if not head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://")):
            raise ArchiveLoadFailed("no WARC or ARC header at the start")
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response":
                    continue
                ctype, charset = _content_type(record)
                if ctype is not None and not ctype.startswith(PAGE_TYPES):
                    continue
                headers = record.rec_headers
                url = headers.get_header("WARC-Target-URI")
                rid = headers.get_header("WARC-Record-ID")
                date = headers.get_header("WARC-Date")
                extra: dict[str, str] = {}
                if rid:
                    extra["warc_record_id"] = rid
                if date:
                    extra["fetched"] = date
                source = url or f"{path}#{position}"
                page = WarcPage(
                    position,
                    source,
                    url,
                    None,
                    charset,
                    urlsplit(url).hostname if url else None,
                    extra,
                )
                status = record.http_headers.get_statuscode() if record.http_headers else None
                if status and not status.startswith("2"):
                    position += 1
                    continue  # redirects and errors archived alongside the pages
                try:
                    data = _read_all(record.content_stream(), max_bytes)
                    if max_bytes is not None and len(data) > max_bytes:
                        page.error = InputError(
                            source, f"record larger than --max-bytes {max_bytes}"
                        )
                        data = b""
                    page.data = data
                except Exception as exc:  # a damaged record: report it, go on
                    page.error = InputError(source, f"unreadable WARC record ({exc})")
                yield page
                position += 1
    except ArchiveLoadFailed as exc:
        yield WarcPage(
            position,
            f"{path}#{position}",
            None,
            None,
            None,
            None,
            error=InputError(str(path), f"corrupt WARC archive ({exc})"),
        )
    except (OSError, EOFError, zlib.error) as exc:
        yield WarcPage(
            position,
            f"{path}#{position}",
            None,
            None,
            None,
            None,
            error=InputError(str(path), f"cannot read WARC archive ({exc})"),
        )


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

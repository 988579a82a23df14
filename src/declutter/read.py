"""Inputs to bytes: files, gzip (by magic bytes), standard input; and what kind of page it is."""

from __future__ import annotations

import gzip
import re
import sys
import zlib
from pathlib import Path
from typing import Literal

from .decode import bomless_utf16, decode
from .errors import InputError

Kind = Literal["html", "text", "markdown"]
KindChoice = Literal["auto", "html", "text", "markdown"]

GZIP_MAGIC = b"\x1f\x8b"
#: Past this many bytes a decompressed page is refused: a zip bomb must not take a batch down.
MAX_DECOMPRESSED = 64 * 1024 * 1024

_TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}

# Markup that only HTML has; a page with a few of these is HTML whatever its name.
_HTML_SNIFF = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<title>|<script[\s>]",
    re.IGNORECASE,
)
_MD_SNIFF = re.compile(
    r"^(#{1,6} \S|\s*[*+-] \[[^\]]+\]\(|\s*!\[[^\]]*\]\(|```|> \S)|\[[^\]]+\]\((https?://|/)[^)]*\)",
    re.MULTILINE,
)


def gunzip_if_needed(data: bytes, source: str) -> bytes:
    """Decompress gzip data (recognised by its magic bytes, not by name)."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, MAX_DECOMPRESSED)
        if d.unconsumed_tail:
            raise InputError(source, f"decompressed size exceeds {MAX_DECOMPRESSED} bytes")
        if not d.eof:
            raise InputError(source, "corrupt or truncated gzip data")
        return out
    except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(source, f"corrupt gzip data ({exc})") from None


def read_bytes(path: str | Path) -> bytes:
    """Read a path ("-" is standard input) and decompress gzip content."""
    source = str(path)
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(source, "no such file") from None
        except IsADirectoryError:
            raise InputError(source, "is a directory") from None
        except PermissionError:
            raise InputError(source, "permission denied") from None
        except OSError as exc:
            raise InputError(source, exc.strerror or str(exc)) from None
    return gunzip_if_needed(data, source)


#: Signatures of files that are no page (the MIME Sniffing Standard's image, audio, video,
#: font and archive patterns, plus PDF, executables and office containers).
_MAGIC = (
    b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"\x00\x00\x01\x00",
    b"\x00\x00\x02\x00", b"II*\x00", b"MM\x00*", b"%PDF-", b"PK\x03\x04", b"PK\x05\x06",
    b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd",
    b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\x00asm", b"OggS\x00",
    b"fLaC", b"\x1aE\xdf\xa3", b"wOFF", b"wOF2", b"\x00\x01\x00\x00\x00", b"OTTO",
    b"SQLite format 3\x00", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%!PS-Adobe-",
)  # fmt: skip
#: Signatures that go on past their first bytes: RIFF (WebP, WAV, AVI), ISO media (MP4, HEIC,
#: AVIF), bzip2 and MP3 (whose three letters alone could begin a text).
_MAGIC_MORE = re.compile(
    rb"^(?:RIFF....(?:WEBP|WAVE|AVI )|....ftyp|BZh[1-9]1AY&SY|ID3[\x02-\x04]\x00)", re.DOTALL
)
#: The MIME Sniffing Standard's "binary data bytes": controls no text file contains.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
#: Random or compressed data has about one binary byte in ten; text, however broken, few.
_BINARY_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    """True for data that is no page, judged as a browser sniffs: by its signature, or by a
    high share of control bytes in its first kilobytes.

    A few stray NUL bytes do not make a page binary (the HTML parser drops them), nor do the
    zero bytes of UTF-16 text without a byte-order mark.
    """
    head = data[:4096]
    if not head or head.startswith(
        (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
    ):
        return False
    if head.startswith(_MAGIC) or _MAGIC_MORE.match(head):
        return True
    if bomless_utf16(head):
        return False
    return len(_BINARY_BYTES.findall(head)) > _BINARY_SHARE * len(head)


def name_hint(source: str | None) -> Kind | None:
    """The kind a file name announces, if any (``a.txt.gz`` is text)."""
    if not source or source == "-":
        return None
    suffixes = [s.lower() for s in Path(source).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return None
    last = suffixes[-1]
    if last in _TEXT_SUFFIXES:
        return _TEXT_SUFFIXES[last]  # type: ignore[return-value]
    if last in _HTML_SUFFIXES:
        return "html"
    return None


def sniff_kind(data: bytes | str, source: str | None = None) -> Kind:
    """Decide whether a document is HTML, Markdown or plain text.

    Content wins over the name when it carries markup: a ``.txt`` that is really an HTML page is
    read as HTML.  A document with no markup is text; Markdown is recognised by its syntax.
    """
    head = data[:65536]
    if isinstance(head, bytes) and bomless_utf16(head):
        head = decode(head)
    raw = head.encode("utf-8", "replace") if isinstance(head, str) else head
    if len(_HTML_SNIFF.findall(raw[:65536])) >= 2 or raw.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    hint = name_hint(source)
    if hint is not None:
        return hint
    text = raw.decode("utf-8", "replace")
    if len(_MD_SNIFF.findall(text)) >= 3:
        return "markdown"
    return "text"

"""Inputs to bytes: files, gzip (by magic bytes), standard input; and what kind of page it is."""

from __future__ import annotations

import gzip
import re
import sys
import zlib
from pathlib import Path
from typing import Literal

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


def looks_binary(data: bytes) -> bool:
    """True for data that is no text page (NUL bytes or many control bytes in its head)."""
    head = data[:4096]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


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

"""Bytes to text: BOM, then the declared charset, then detection; never a crash on bad bytes."""

from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector, UnicodeDammit

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers read these labels as their supersets (WHATWG Encoding Standard); so must we, or a
# page declared as Latin-1 loses its curly quotes.
_SUPERSETS = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin-1": "windows-1252",
    "latin1": "windows-1252",
    "l1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "iso-8859-9": "windows-1254",
    "iso-8859-11": "windows-874",
    "tis-620": "windows-874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
}


def _normalise(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first kilobytes (``<meta charset>``/``http-equiv``)."""
    match = _META_CHARSET.search(data[:16384])
    return _normalise(match.group(1).decode("ascii", "ignore")) if match else None


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for UTF-16 text written without a byte-order mark, else None.

    Markup is ASCII, so in UTF-16 every other byte of it is zero: most of the high bytes of the
    first code units are zero and (nearly) none of the low ones.  A page of other text in
    UTF-8 or a legacy charset has no zero bytes at all, a binary file zeros in both places.
    """
    head = data[:2048]
    units = len(head) // 2
    if units < 8:
        return None
    even = head[0 : 2 * units : 2].count(0)
    odd = head[1 : 2 * units : 2].count(0)
    for zeros, others, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.3 * units and others <= 0.02 * units:
            sample = head[: 2 * units].decode(name, errors="replace")
            if sum(c.isprintable() or c.isspace() for c in sample) >= 0.95 * len(sample):
                return name
    return None


def decode(data: bytes, *, http_charset: str | None = None, is_html: bool = True) -> str:
    """Decode a page's bytes to text.

    NUL characters are dropped, as an HTML parser drops them from the text of a page.
    """
    text = _decode(data, http_charset, is_html)
    return text.replace("\x00", "") if "\x00" in text else text


def _decode(data: bytes, http_charset: str | None, is_html: bool) -> str:
    if not data:
        return ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace")
    wide = bomless_utf16(data)
    if wide:
        return data.decode(wide, errors="replace")
    candidates: list[str] = []
    for label in (http_charset, declared_charset(data) if is_html else None):
        found = _normalise(label)
        if found and found not in candidates:
            candidates.append(found)
    for name in candidates:
        # A declared utf-8 page with a few stray bytes is still utf-8.
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            if name == "utf-8":
                return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    dammit = UnicodeDammit(data, is_html=is_html, smart_quotes_to=None)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        name = _normalise(dammit.original_encoding) or dammit.original_encoding
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            return dammit.unicode_markup
    detector = EncodingDetector(data, is_html=is_html)
    for name in detector.encodings:
        norm = _normalise(name)
        if norm:
            return data.decode(norm, errors="replace")
    return data.decode("windows-1252", errors="replace")

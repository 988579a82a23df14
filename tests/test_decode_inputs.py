"""Inputs that are pages, though odd: stray NUL bytes, UTF-16 without a byte-order mark; and
data that is no page, refused by its signature or its share of control bytes."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

import declutter
from declutter.decode import bomless_utf16, decode
from declutter.read import looks_binary, sniff_kind

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"
ARTICLE = declutter.extract((INPUTS / "article.html").read_bytes())


def test_a_page_with_stray_nul_bytes_is_a_page() -> None:
    data = (INPUTS / "nul-bytes.html").read_bytes()
    assert data.count(b"\x00") == 22
    assert not looks_binary(data)
    article = declutter.extract(data, source="nul-bytes.html")
    assert "\x00" not in article.to_json()
    assert article.headline == ARTICLE.headline
    assert article.text == ARTICLE.text


@pytest.mark.parametrize("name", ["utf16le-nobom.html", "utf16be-nobom.html"])
def test_utf16_without_bom_is_detected_and_decoded(name: str) -> None:
    data = (INPUTS / name).read_bytes()
    assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert bomless_utf16(data) == ("utf-16-le" if "le" in name else "utf-16-be")
    assert not looks_binary(data)
    assert sniff_kind(data, None) == "html"
    article = declutter.extract(data)
    assert article.input == "html"
    assert article.headline == ARTICLE.headline
    assert article.text == ARTICLE.text


def test_utf16_text_scrape_without_bom() -> None:
    data = (INPUTS / "utf16le-nobom.txt").read_bytes()
    want = declutter.extract((INPUTS / "article.txt").read_bytes(), source="article.txt")
    article = declutter.extract(data, source="article.txt")
    assert article.text == want.text and article.text


@pytest.mark.parametrize(
    "data",
    [
        "<p>Zoë’s café — 東京</p>".encode(),
        "<p>Ça coûte 5 €</p>".encode("windows-1252"),
        b"plain ascii text, long enough to be sampled properly",
        bytes(range(256)) * 4,
    ],
)
def test_other_data_is_not_taken_for_utf16(data: bytes) -> None:
    assert bomless_utf16(data) is None


def test_decode_drops_nul_characters() -> None:
    assert decode(b"<p>a\x00b</p>") == "<p>ab</p>"
    assert decode(codecs.BOM_UTF16_LE + "x\x00y".encode("utf-16-le")) == "xy"


SIGNATURES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "gif": b"GIF89a\x01\x00\x01\x00",
    "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "mp4": b"\x00\x00\x00\x18ftypmp42",
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    "zip": b"PK\x03\x04\x14\x00\x00\x00",
    "elf": b"\x7fELF\x02\x01\x01\x00",
    "woff2": b"wOF2\x00\x01\x00\x00",
    "sqlite": b"SQLite format 3\x00",
}


@pytest.mark.parametrize("kind", sorted(SIGNATURES))
def test_files_with_a_signature_are_refused(kind: str) -> None:
    # followed by text, so that only the signature can tell
    data = SIGNATURES[kind] + b"<html><body><p>text</p></body></html>" * 20
    assert looks_binary(data)
    with pytest.raises(declutter.InputError):
        declutter.extract(data)


def test_random_bytes_are_binary_by_their_share_of_controls() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(4096))
    assert looks_binary(noise)
    assert not looks_binary(b"\x1b$B" + "日本語".encode("iso2022_jp") * 200)  # ESC is text
    assert not looks_binary(codecs.BOM_UTF32_BE + "page".encode("utf-32-be") * 100)


def test_text_that_merely_starts_like_a_signature_is_text() -> None:
    assert not looks_binary(b"ID3 tags explained: how players read titles.\n" * 10)
    assert not looks_binary(b"BZh is how a bzip2 stream begins.\n" * 10)

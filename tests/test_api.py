"""The public library API: what ``import declutter`` promises, and bytes decoded right."""

from __future__ import annotations

import codecs
import dataclasses
import random
from pathlib import Path

import pytest

import declutter
from declutter import Article, Block, Removed
from declutter.model import SCHEMA_VERSION

WIRE_KEYS = {
    "schema_version",
    "source",
    "input",
    "url",
    "headline",
    "breadcrumb",
    "authors",
    "published",
    "modified",
    "site_name",
    "language",
    "description",
    "image",
    "tags",
    "text",
    "blocks",
}

PROSE = (
    "The council met on Tuesday evening and, after a long debate that ran well past ten, voted "
    "to keep the public library open on Sundays for at least another year."
)


def page(body: str, head: str = "", headline: str = "Library keeps Sunday hours") -> str:
    """A small article page whose body is ``body`` (HTML) followed by two prose paragraphs."""
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{headline} | Town Crier</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>{headline}</h1>{body}<p>{PROSE}</p><p>{PROSE.replace('Tuesday', 'Monday')}</p>"
        f"</article><footer>Town Crier 2024</footer></body></html>"
    )


# -- the surface ---------------------------------------------------------------------------


def test_all_is_pinned() -> None:
    assert sorted(declutter.__all__) == sorted(
        [
            "SCHEMA_VERSION",
            "Article",
            "Block",
            "DeclutterError",
            "ExtractTimeout",
            "FetchError",
            "InputError",
            "Options",
            "Removed",
            "__version__",
            "extract",
        ]
    )
    for name in declutter.__all__:
        assert hasattr(declutter, name), name


def test_version_and_schema_version() -> None:
    assert isinstance(declutter.__version__, str) and declutter.__version__.count(".") >= 1
    assert declutter.SCHEMA_VERSION == SCHEMA_VERSION == 1


def test_errors_form_one_tree() -> None:
    for name in ("ExtractTimeout", "FetchError", "InputError"):
        assert issubclass(getattr(declutter, name), declutter.DeclutterError)
    assert issubclass(declutter.DeclutterError, Exception)


def test_extract_str_and_bytes_agree() -> None:
    html = page("<p>Lede: " + PROSE + "</p>")
    from_str = declutter.extract(html)
    from_bytes = declutter.extract(html.encode("utf-8"))
    assert isinstance(from_str, Article)
    assert from_str.to_dict() == from_bytes.to_dict()
    assert from_str.headline == "Library keeps Sunday hours"
    assert from_str.input == "html"
    assert PROSE in from_str.text


def test_extract_keywords_only() -> None:
    with pytest.raises(TypeError):
        declutter.extract(page(""), "https://example.org/")  # type: ignore[misc]


def test_input_override_reads_markup_as_text() -> None:
    article = declutter.extract("Just one line of plain text, nothing else.", input="text")
    assert article.input == "text"


def test_url_is_used_for_relative_links() -> None:
    html = page('<figure><img src="/img/a.jpg" alt="a"><figcaption>A library</figcaption></figure>')
    article = declutter.extract(html, url="https://example.org/news/library.html")
    images = [b for b in article.blocks if b.type == "image"]
    assert all(b.src and b.src.startswith("https://example.org/") for b in images)


# -- records -------------------------------------------------------------------------------


def test_article_is_immutable() -> None:
    article = declutter.extract(page(""))
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.headline = "changed"  # type: ignore[misc]
    assert isinstance(article.blocks, tuple)
    assert isinstance(article.breadcrumb, tuple)
    assert isinstance(article.authors, tuple)
    block = article.blocks[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Removed("x", "boilerplate").reason = "other"  # type: ignore[misc]


def test_article_is_hashable_where_it_holds_only_values() -> None:
    block = Block("paragraph", text="a")
    assert hash(block) == hash(Block("paragraph", text="a"))


@pytest.mark.parametrize(
    "article",
    [Article(), declutter.extract(""), declutter.extract(page("<p>Lede: " + PROSE + "</p>"))],
    ids=["default", "empty", "full"],
)
def test_to_dict_keys_always_present(article: Article) -> None:
    data = article.to_dict()
    assert set(data) >= WIRE_KEYS
    assert data["schema_version"] == 1
    for key in ("breadcrumb", "authors", "tags", "blocks"):
        assert isinstance(data[key], list)
    assert isinstance(data["text"], str)
    assert "removed" not in data
    assert isinstance(article.to_dict(explain=True)["removed"], list)


def test_to_json_round_trips_to_dict() -> None:
    import json

    article = declutter.extract(page("<p>Lede: “quoted” " + PROSE + "</p>"))
    assert json.loads(article.to_json()) == article.to_dict()
    assert "“quoted”" in article.to_json()  # not \\u escaped
    assert "\n" not in article.to_json(indent=None)


BLOCKS = [
    Block("heading", text="Section", level=2),
    Block("paragraph", text="A paragraph."),
    Block("quote", text="A quote."),
    Block("code", text="x = 1\n  y = 2"),
    Block("list", items=("one", "two"), ordered=True),
    Block("list", items=("a",), ordered=False),
    Block("table", rows=(("h1", "h2"), ("1", "2"))),
    Block("image", src="https://example.org/a.png", alt="alt", caption="A caption"),
    Block("image", src="https://example.org/b.png"),
]


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.type)
def test_block_round_trip(block: Block) -> None:
    wire = block.to_dict()
    again = Block.from_dict(wire)
    assert again.to_dict() == wire
    assert again.plain == block.plain


@pytest.mark.parametrize("kind", ["video", "Paragraph", "", None, "script"])
def test_block_from_dict_refuses_unknown_types(kind: object) -> None:
    with pytest.raises(ValueError, match="unknown block type"):
        Block.from_dict({"type": kind, "text": "x"})


def test_block_wire_form_has_only_its_type_keys() -> None:
    assert set(Block("heading", text="h", level=3).to_dict()) == {"type", "level", "text"}
    assert set(Block("list", items=("a",)).to_dict()) == {"type", "ordered", "items"}
    assert set(Block("table", rows=(("a",),)).to_dict()) == {"type", "rows"}
    assert set(Block("image", src="s").to_dict()) == {"type", "src", "alt", "caption"}
    assert set(Block("code", text="c").to_dict()) == {"type", "text"}


def test_text_joins_blocks_with_one_blank_line() -> None:
    article = Article(blocks=(Block("paragraph", text="one"), Block("paragraph", text="two")))
    assert article.text == "one\n\ntwo"
    lst = Article(blocks=(Block("list", items=("a", "b")),))
    assert lst.text == "- a\n- b"


# -- empty and odd input --------------------------------------------------------------------


@pytest.mark.parametrize("data", ["", b"", "   \n\t ", b"\xef\xbb\xbf", "<html></html>"])
def test_empty_input_gives_an_empty_article(data: str | bytes) -> None:
    article = declutter.extract(data)
    assert article.is_empty
    assert article.blocks == ()
    assert article.text == ""
    assert article.headline is None


def test_page_with_no_article_is_empty_not_an_error() -> None:
    html = "<html><body><nav><a href='/'>Home</a><a href='/a'>A</a></nav></body></html>"
    article = declutter.extract(html)
    assert article.text == "" or "Home" not in article.text


# -- bytes decoding -------------------------------------------------------------------------

CAFE = "Le café crème est servi au comptoir, « à l’ancienne », chaque matin dès sept heures."


def _cafe_page(head: str = "") -> str:
    return page(f"<p>{CAFE}</p>", head=head, headline="Café crème")


def test_utf8_bom() -> None:
    data = codecs.BOM_UTF8 + _cafe_page().encode("utf-8")
    article = declutter.extract(data)
    assert article.headline == "Café crème"
    assert CAFE in article.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_bom(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    article = declutter.extract(bom + _cafe_page().encode(encoding))
    assert article.input == "html"
    assert article.headline == "Café crème"
    assert CAFE in article.text


def test_utf16_bom_never_crashes() -> None:
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        article = declutter.extract(bom + _cafe_page().encode(enc))
        assert "Café" in article.text or "Café" in (article.headline or "")


@pytest.mark.parametrize(
    ("encoding", "head"),
    [
        ("iso-8859-15", '<meta charset="iso-8859-15">'),
        (
            "windows-1251",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        ),
        ("koi8-r", "<meta charset='koi8-r'>"),
        ("shift_jis", '<meta charset="Shift_JIS">'),
        ("gb2312", '<meta http-equiv="content-type" content="text/html;charset=gb2312">'),
    ],
)
def test_declared_charset(encoding: str, head: str) -> None:
    text = {
        "iso-8859-15": "Le prix est de 15 € ; la crème brûlée est à la carte depuis lundi.",
        "windows-1251": "Библиотека будет открыта по воскресеньям ещё как минимум год.",
        "koi8-r": "Совет проголосовал за сохранение воскресных часов работы библиотеки.",
        "shift_jis": "図書館は少なくとももう一年、日曜日も開館することになりました。",
        "gb2312": "图书馆将至少再在星期日开放一年，市议会周二晚间作出决定。",
    }[encoding]
    # Twice, so that the paragraph is long enough to be prose in any script.
    data = page(f"<p>{text} {text}</p>", head=head).encode(encoding)
    article = declutter.extract(data)
    assert text in article.text


def test_windows_1252_declared_as_latin1_keeps_curly_quotes() -> None:
    body = (
        "<p>The mayor said \x93we\x92ll keep it open\x94 \x96 and nobody argued\x85 The vote was"
        " taken at once, and the library\x92s Sunday staff were told the news that evening.</p>"
    )
    html = page(
        body, head='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    )
    data = html.encode("latin-1")
    article = declutter.extract(data)
    assert "The mayor said “we’ll keep it open” – and nobody argued…" in article.text
    assert "\x93" not in article.text and "\x94" not in article.text


def test_undeclared_latin1() -> None:
    data = _cafe_page().replace("« à l’ancienne »", "« à l'ancienne »").encode("latin-1")
    article = declutter.extract(data)
    assert article.headline == "Café crème"
    assert "Le café crème est servi au comptoir, « à l'ancienne »" in article.text


def test_http_charset_wins_over_nothing() -> None:
    text = "Библиотека будет открыта по воскресеньям ещё как минимум год."
    data = page(f"<p>{text}</p>").encode("windows-1251")
    article = declutter.extract(data, http_charset="windows-1251")
    assert text in article.text


@pytest.mark.parametrize(
    "data",
    [
        _cafe_page('<meta charset="utf-8">').encode("utf-8")[:-40] + b"\xff\xfe\xc3(\xe2\x82",
        _cafe_page('<meta charset="x-no-such-charset">').encode("utf-8"),
        _cafe_page('<meta charset="utf-8">').encode("cp1252"),
        b"<html><body><p>\x80\x81\x8d\x8f\x90\x9d</p></body></html>",
        b"\xef\xbb\xbf" + b"\xc3\x28" * 50,
        b"<p>" + bytes(range(128, 256)) * 4 + b"</p>",
    ],
    ids=[
        "truncated-utf8",
        "unknown-charset",
        "latin1-declared-utf8",
        "c1-bytes",
        "bom-bad",
        "high-bytes",
    ],
)
def test_invalid_bytes_never_crash(data: bytes) -> None:
    article = declutter.extract(data)
    assert isinstance(article.text, str)
    article.to_json()


def test_random_bytes_never_crash() -> None:
    rng = random.Random(20241125)
    for _ in range(40):
        size = rng.randrange(0, 3000)
        prefix = rng.choice([b"", b"<html><body><p>", b"\xef\xbb\xbf", b"<meta charset=utf-8>"])
        noise = bytes(rng.randrange(32, 256) for _ in range(size))
        try:
            article = declutter.extract(prefix + noise)
        except declutter.InputError:
            continue  # refusing binary data with a clear error is allowed
        assert isinstance(article.to_dict(), dict)


def test_binary_data_is_refused_with_input_error() -> None:
    with pytest.raises(declutter.InputError):
        declutter.extract(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))


SEED_HTML = Path(__file__).resolve().parent / "fixtures" / "cases" / "seed-html" / "source.html"


def test_explain_names_what_was_dropped_from_html() -> None:
    article = declutter.extract(SEED_HTML.read_bytes(), options=declutter.Options(explain=True))
    removed = {r.text for r in article.removed}
    assert "Recommended Videos" in removed
    assert "Exit mobile version" in removed
    assert all(r.reason for r in article.removed)
    # in page order: each entry stands no later than the ones after it
    places = [r.at for r in article.removed]
    assert None not in places and places == sorted(places)  # type: ignore[type-var]


def test_explain_is_off_by_default() -> None:
    article = declutter.extract(SEED_HTML.read_bytes())
    assert article.removed == ()

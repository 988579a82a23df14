"""Units of the text path: splitting, hard wraps, lynx link lists, metadata lines, features."""

from __future__ import annotations

import pytest

import declutter
from declutter.text.blocks import word_count
from declutter.text.classify import best_run, looks_like_caption
from declutter.text.markdown import parse_markdown
from declutter.text.split import split_text
from declutter.text.textmeta import parse_breadcrumb, parse_byline, parse_date, similar_titles

WRAPPED = """\
This paragraph was wrapped at a fixed width by the tool that saved it, so
every line but the last one runs close to the right margin, and the lines
must be joined again into one paragraph.

A second paragraph follows after a blank line, and it is wrapped the same
way as the first one was, at the very same width of about seventy-five.
"""


def test_hard_wrapped_lines_are_rejoined() -> None:
    pieces, _ = split_text(WRAPPED)
    assert [p.type for p in pieces] == ["paragraph", "paragraph"]
    assert pieces[0].text.startswith("This paragraph was wrapped at a fixed width by the tool")
    assert "so every line" in pieces[0].text
    assert pieces[0].text.endswith("into one paragraph.")


def test_one_block_per_line_without_blank_lines() -> None:
    pieces, _ = split_text("Home\nNews\nSport\nA line of its own.\n")
    assert [p.text for p in pieces] == ["Home", "News", "Sport", "A line of its own."]


def test_bulleted_lines_form_a_list() -> None:
    pieces, _ = split_text("Steps:\n\n  * first step\n  * second step\n    continued\n")
    assert pieces[1].type == "list"
    assert pieces[1].items == ("first step", "second step continued")


def test_lynx_markers_and_reference_list_removed() -> None:
    dump = (
        "   Read the [1]full report on the [2]agency site for the details of it.\n\n"
        "References\n\n   1. https://example.org/report\n   2. https://example.org/\n"
    )
    pieces, removed = split_text(dump)
    assert [p.text for p in pieces] == [
        "Read the full report on the agency site for the details of it."
    ]
    assert pieces[0].links == 2
    assert [r.reason for r in removed] == ["link_list"]


@pytest.mark.parametrize(
    ("line", "crumbs"),
    [
        ("Home Movies", ("Home", "Movies")),
        ("Home › News › World", ("Home", "News", "World")),
        ("News / Politics", ("News", "Politics")),
        ("Startseite » Politik", ("Startseite", "Politik")),
        ("Главная / Наука", ("Главная", "Наука")),
        ("The council voted on Tuesday.", ()),
        ("Share on Facebook | Pinterest | WhatsApp", ()),
    ],
)
def test_breadcrumb_lines(line: str, crumbs: tuple[str, ...]) -> None:
    assert parse_breadcrumb(line) == crumbs


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Jason Cipriani | November 18, 2019 -- 19:14 GMT", ("Jason Cipriani",)),
        ("Von Anna Schmidt und Jonas Weber", ("Anna Schmidt", "Jonas Weber")),
        ("Par Claire Dubois", ("Claire Dubois",)),
        ("Автор: Мария Иванова", ("Мария Иванова",)),
        ("记者 王明", ("王明",)),
        ("by the river the houses stood in a row.", ()),
        ("Byron Smith", ()),
    ],
)
def test_byline_lines(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("November 19, 2019 at 6:34 am", "2019-11-19T06:34:00"),
        ("Updated 1:39 pm EST, Wednesday, November 20, 2019", "2019-11-20"),
        ("12.03.2024, 14:30 Uhr", "2024-03-12T14:30:00"),
        ("5 марта 2024", "2024-03-05"),
        ("2024年4月18日 09:30", "2024-04-18T09:30:00"),
        ("3 de febrero de 2024", "2024-02-03"),
        ("19 grudnia 2025", "2025-12-19"),
        ("12 ekim 2023", "2023-10-12"),
        ("2024-05-20T08:00:00+09:00", "2024-05-20T08:00:00+09:00"),
        ("Not a date at all", None),
    ],
)
def test_date_lines(line: str, iso: str | None) -> None:
    assert parse_date(line) == iso


def test_word_count_without_spaces() -> None:
    assert word_count("two words") == 2
    assert 8 <= word_count("国内首条城市低空物流航线正式开通") <= 12


def test_best_run_is_the_maximum_sum_span() -> None:
    assert best_run([-5, 3, -1, 4, -10, 2]) == (1, 4)
    assert best_run([-1, -2]) == (0, 0)


def test_captions_and_credits() -> None:
    assert looks_like_caption("Protesters wore masks (Image: GETTY )")
    assert looks_like_caption("Photo: Damian Dovarganes, AP")
    assert looks_like_caption("Traders at work. REUTERS/Brendan McDermid")
    assert not looks_like_caption("What happens next")


def test_similar_titles_ignore_site_tail() -> None:
    assert similar_titles("Big news today - Example Post", "Big news today")
    assert not similar_titles("Big news today", "Small news yesterday evening")


def test_markdown_inline_plain() -> None:
    (piece,), _ = parse_markdown('See [the docs](https://x.y/z "t") and **this**.')
    assert piece.text == "See the docs and this."
    assert (piece.link_chars, piece.links) == (8, 1)
    assert piece.md == "See [the docs](https://x.y/z) and **this**."


def test_markdown_setext_and_tables() -> None:
    pieces, _ = parse_markdown("Title\n=====\n\na | b\n---|---\n1 | 2\n")
    assert [p.type for p in pieces] == ["heading", "table"]
    assert pieces[0].level == 1
    assert pieces[1].rows == (("a", "b"), ("1", "2"))


def test_empty_and_blank_inputs() -> None:
    for text in ("", "\n\n  \n"):
        article = declutter.extract(text, input="text")
        assert article.blocks == ()
        assert declutter.extract(text, input="markdown").blocks == ()


def test_input_override_reads_markdown_as_text() -> None:
    md = "# Title of the page here\n\nA paragraph with [a link](https://e.x/) that reads like "
    md += "prose and is long enough to count, with a full stop.\n"
    as_text = declutter.extract(md, input="text")
    as_md = declutter.extract(md, input="markdown")
    assert as_md.input == "markdown" and as_text.input == "text"
    assert "](" not in as_md.text


def test_hard_wrapped_without_blank_lines() -> None:
    """Wrapped text whose paragraphs are not separated by blank lines: short lines end them."""
    dump = WRAPPED.replace("\n\n", "\n") + "Menu\nHome\nContact\n"
    pieces, _ = split_text(dump)
    texts = [p.text for p in pieces]
    assert texts[0].endswith("into one paragraph.")
    assert texts[1].startswith("A second paragraph") and texts[1].endswith("seventy-five.")
    assert texts[2:] == ["Menu", "Home", "Contact"]


def test_modes_and_image_option() -> None:
    from declutter.options import Options

    page = (
        "Menu\n\nA title for this little page\n\n"
        "A first paragraph that reads like prose, long enough to count as the body.\n\n"
        "Short line here.\n\n"
        "A second paragraph, also long enough, with commas, and a full stop at the end of it.\n"
    )
    balanced = declutter.extract(page, input="text")
    precise = declutter.extract(page, input="text", options=Options(mode="precision"))
    generous = declutter.extract(page, input="text", options=Options(mode="recall"))
    assert len(precise.blocks) <= len(balanced.blocks) <= len(generous.blocks)
    md = "# Title of the page here\n\n![A chart](https://e.x/c.png)\n\n" + (
        "A paragraph long enough to be the body of the page, with a full stop at its end, "
        "and some more words to make it count as real prose.\n"
    )
    with_images = declutter.extract(md, input="markdown")
    without = declutter.extract(md, input="markdown", options=Options(images=False))
    assert [b.type for b in with_images.blocks] == ["image", "paragraph"]
    assert [b.type for b in without.blocks] == ["paragraph"]


def test_byline_inside_a_dateline() -> None:
    from declutter.text.textmeta import inline_byline

    assert inline_byline("Monday November 18, 2019 7:45 am PST by Joe Rossignol") == (
        "Joe Rossignol",
    )
    assert inline_byline("November 19 | by Jane Q. Doe | 5 min read") == ("Jane Q. Doe",)
    assert inline_byline("stand by me forever") == ()


def test_a_date_line_in_another_language_is_the_date() -> None:
    scrape = (
        "Nowa ścieżka rowerowa wzdłuż rzeki otwarta\n\n19 grudnia 2025, 10:30\n\n"
        "Nowa ścieżka rowerowa prowadzi wzdłuż rzeki od centrum miasta aż do zapory i ma ponad "
        "dwanaście kilometrów. Budowa trwała dwa lata, a część trasy biegnie dawną bocznicą.\n\n"
        "Rowerzyści i piesi mogą korzystać ze ścieżki przez cały rok, zimą miasto będzie ją "
        "regularnie odśnieżać. Wzdłuż trasy powstały też nowe miejsca odpoczynku i stojaki.\n"
    )
    for kind in ("text", "markdown"):
        article = declutter.extract(scrape, input=kind, options=declutter.Options(explain=True))
        assert article.published == "2025-12-19T10:30:00"
        assert ("19 grudnia 2025, 10:30", "date") in [(r.text, r.reason) for r in article.removed]
        assert "grudnia" not in article.text

"""Malformed input never raises anything but a DeclutterError."""

from __future__ import annotations

import pickle

import pytest

import declutter
from declutter.errors import InputError


@pytest.mark.parametrize(
    "page",
    [
        '<html><body><p title="a\x01b">Hello \x00\x02 world, a sentence of text.</p></body></html>',
        "<html><body><p>lone surrogate \ud800 in text, a sentence of text.</p></body></html>",
        "<p>" * 5000 + "deep nesting, a sentence." + "</p>" * 10,
        "<html><body><table><tr><td><table><tr><td>x</table></body>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared XML, some text.</p></body>",
    ],
)
def test_malformed_html_never_raises(page: str) -> None:
    article = declutter.extract(page, input="html")
    assert isinstance(article.text, str)


def test_truncated_corpus_pages_never_raise() -> None:
    from scoring import scrapinghub_pages

    for i, (_, data, url, _) in enumerate(scrapinghub_pages()):
        if i % 20:
            continue
        for cut in (0, 1, len(data) // 3, len(data) // 2):
            for kind in ("auto", "html", "text", "markdown"):
                declutter.extract(data[:cut], url=url, input=kind)  # type: ignore[arg-type]


def test_errors_survive_pickling() -> None:
    err = InputError("a.html", "corrupt gzip data")
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, InputError) and str(back) == str(err) == "a.html: corrupt gzip data"

"""Compare an Article with a hand-checked expectation file (text and Markdown fixtures).

Keys of the expectation (all optional but ``blocks``): ``input``, ``language``, ``headline``,
``breadcrumb``, ``authors``, ``published``, ``url``; ``blocks``: the body in order, each
with ``type`` and any of ``text`` (exact), ``starts`` (prefix), ``level``, ``items``,
``ordered``, ``rows``, ``src``, ``alt``; ``text_excludes``: strings that must not appear in
the text nor in the Markdown output; ``md_contains``: strings the Markdown output must hold;
``removed_reasons``: reasons that ``--explain`` must name.
"""

from __future__ import annotations

from typing import Any

import declutter

_META = ("input", "headline", "url", "published", "language")


def check(article: declutter.Article, want: dict[str, Any]) -> None:
    for key in _META:
        if key in want:
            assert getattr(article, key) == want[key], key
    for key in ("breadcrumb", "authors"):
        if key in want:
            assert list(getattr(article, key)) == want[key], key
    got = [b.to_dict() for b in article.blocks]
    assert [b["type"] for b in got] == [b["type"] for b in want["blocks"]], [
        (b["type"], str(b.get("text") or b.get("items") or b.get("rows"))[:40]) for b in got
    ]
    for i, (g, w) in enumerate(zip(got, want["blocks"], strict=True)):
        for key, value in w.items():
            if key == "starts":
                assert g["text"].startswith(value), (i, g["text"][:80])
            elif key != "type":
                assert g[key] == value, (i, key, g.get(key))
    markdown = article.to_markdown()
    for s in want.get("text_excludes", []):
        assert s not in article.text, s
        assert s not in markdown, s
    for s in want.get("md_contains", []):
        assert s in markdown, s
    reasons = {r.reason for r in article.removed}
    for reason in want.get("removed_reasons", []):
        assert reason in reasons, reason


def test_check_accepts_a_matching_expectation() -> None:
    article = declutter.extract(
        "Home / News\n\nA headline that is long enough\n\n"
        + "A paragraph that reads like prose, with a comma, and a full stop at the end of it, "
        "long enough to be the body.\n",
        input="text",
    )
    check(
        article,
        {
            "breadcrumb": ["Home", "News"],
            "blocks": [{"type": "paragraph", "starts": "A paragraph"}],
        },
    )

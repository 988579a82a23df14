"""Hypothesis strategies for hostile scrapes: bytes, HTML trees, text and Markdown.

Used by tests/test_fuzz_properties.py. The HTML strategy builds element trees (deep, wide,
with clutter and article vocabulary so the extractor's heuristics fire), serialises them with
odd entities, huge attributes and live links, then breaks the markup and encodes it (mixed and
mislabelled charsets, BOMs, gzip).
"""

from __future__ import annotations

import codecs
import gzip
from typing import Any

from hypothesis import strategies as st

#: Every generated input stays under this many bytes (the deadline property is for 64 KiB).
MAX_BYTES = 64 * 1024 - 1

BLOCK_TAGS = [
    "div", "p", "article", "section", "main", "header", "footer", "nav", "aside", "figure",
    "figcaption", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr",
    "td", "th", "thead", "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "form", "details",
    "summary", "noscript", "template", "svg", "math", "center", "font", "x-widget", "body",
    "html", "head", "title",
]  # fmt: skip
INLINE_TAGS = [
    "span", "a", "b", "i", "em", "strong", "code", "small", "sup", "sub", "time", "abbr",
    "mark", "q", "label", "button", "br", "img", "wbr", "iframe", "script", "style", "input",
    "select", "option", "object", "embed", "video", "source", "meta", "link", "base",
]  # fmt: skip
VOID = {"br", "img", "wbr", "input", "meta", "link", "base", "source", "embed"}
CLASS_WORDS = [
    "article", "content", "post", "entry", "body", "story", "main", "nav", "menu", "footer",
    "sidebar", "related", "share", "social", "comment", "ad", "promo", "newsletter",
    "breadcrumb", "byline", "author", "date", "caption", "widget", "hidden", "teaser",
    "recommended", "cookie", "paywall", "headline", "title", "crumbs",
]  # fmt: skip
ATTR_NAMES = [
    "class", "id", "href", "src", "alt", "title", "rel", "itemprop", "itemtype", "property",
    "content", "name", "style", "datetime", "lang", "dir", "charset", "http-equiv", "role",
    "aria-label", "hidden", "onclick", "onerror", "onload", "srcset", "data-srcset", "data-src",
    "action",
]  # fmt: skip
URLS = [
    "https://e.org/a", "/relative/path", "#frag", "", "javascript:alert(1)",
    " JaVaScRiPt:alert(2)", "java\tscript:alert(3)", "vbscript:msgbox(4)",
    "data:text/html;base64,PHNjcmlwdD4=", "//cdn.e.org/x.png", "http://[::1", "mailto:a@b",
    "https://e.org/a b?c=<d>&e=\"f\"", "https://e.org/%zz", "\x00http://e.org",
]  # fmt: skip
ENTITIES = [
    "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&nbsp", "&#0;", "&#x0;", "&#xD800;",
    "&#x110000;", "&#99999999999;", "&#x1F600;", "&#128512;", "&NotAnEntity;", "&notin;",
    "&amp", "&#;", "&#x;", "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;",
    "&ZeroWidthSpace;", "&shy;", "&#8203;", "&#x202E;",
]  # fmt: skip
WORDS = [
    "the", "minister", "said", "on", "Tuesday", "that", "prices", "rose", "by", "three",
    "percent", "in", "Berlin", "Москва", "日本語の文章です。", "مرحبا", "café", "naïve", "—",
    "«quoted»", "“curly”", "Share", "Tweet", "Read more", "Advertisement", "By", "Jane Doe",
    "2024-02-30", "12:00", "©", "|", "›", "»", "#", "*", "_", "`", "[", "]", "(", ")", "<",
    ">", "!", "1.", "-", "+", ">", "\\", "\u200b", "\u00ad", "\ufeff", "\ud800", "\x00",
    "\x07", "\x1b", "\r", "\u2028", "\U0001f600", "e\u0301", "ﬁ",
]  # fmt: skip


@st.composite
def sentences(draw: Any, max_words: int = 40) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=max_words))
    return " ".join(words) + draw(st.sampled_from([".", "", "?", "!", ":", " …"]))


def _text_bits() -> st.SearchStrategy[str]:
    return st.one_of(
        sentences(),
        st.sampled_from(ENTITIES),
        st.text(max_size=30),
        st.builds(lambda w, n: w * n, st.sampled_from(WORDS), st.integers(1, 400)),
    )


@st.composite
def attributes(draw: Any) -> str:
    out = []
    for _ in range(draw(st.integers(0, 4))):
        name = draw(
            st.sampled_from(ATTR_NAMES) | st.from_regex(r"[a-z][a-z0-9:-]{0,8}", fullmatch=True)
        )
        if name in ("href", "src", "action", "data-src"):
            value = draw(st.sampled_from(URLS))
        elif name in ("srcset", "data-srcset"):
            value = draw(st.sampled_from(["", " ", ",", " , x.jpg 2x", "a.jpg 1x, b.jpg 2x", "x"]))
        elif name in ("class", "id", "itemprop", "rel", "role"):
            value = " ".join(draw(st.lists(st.sampled_from(CLASS_WORDS), max_size=4)))
        elif draw(st.integers(0, 9)) == 0:
            # A huge attribute value (repeated, so hypothesis need not generate every byte).
            value = draw(st.sampled_from(["a", "\"'<>", "&amp;", "x "])) * draw(
                st.integers(1000, 12000)
            )
        else:
            value = draw(_text_bits())
        quote = draw(st.sampled_from(['"', "'", ""]))
        if quote:
            value = value.replace(quote, "&quot;" if draw(st.booleans()) else quote)
        out.append(f" {name}={quote}{value}{quote}" if draw(st.integers(0, 7)) else f" {name}")
    return "".join(out)


def _element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: Any) -> str:
        tag = draw(st.sampled_from(BLOCK_TAGS + INLINE_TAGS))
        attrs = draw(attributes())
        if tag in VOID:
            return f"<{tag}{attrs}>"
        inner = "".join(draw(children))
        close = draw(st.sampled_from([f"</{tag}>"] * 6 + ["", f"</{tag.upper()}>", "</p>"]))
        return f"<{tag}{attrs}>{inner}{close}"

    return build()


def html_fragments() -> st.SearchStrategy[str]:
    leaf = _text_bits()
    return st.recursive(
        leaf,
        lambda kids: _element(st.lists(kids, max_size=6)),
        max_leaves=40,
    )


@st.composite
def deep_or_wide(draw: Any) -> str:
    """A tree thousands deep or thousands wide (the recursive strategy stays small)."""
    tag = draw(
        st.sampled_from(["div", "p", "span", "li", "ul", "table", "td", "blockquote", "a", "b"])
    )
    n = draw(st.integers(1, 4000))
    inner = draw(sentences())
    shape = draw(st.sampled_from(["deep", "deep-unclosed", "wide", "alternating"]))
    if shape == "deep":
        return f"<{tag}>" * n + inner + f"</{tag}>" * n
    if shape == "deep-unclosed":
        return f"<{tag}>" * n + inner
    if shape == "wide":
        return f"<{tag}>{inner}</{tag}>" * min(n, 1500)
    return "<div><p>" * (n // 2) + inner + "</span></div>" * (n // 3)


@st.composite
def breakage(draw: Any, markup: str) -> str:
    """Cut, splice or sprinkle junk into markup."""
    for _ in range(draw(st.integers(0, 3))):
        if not markup:
            break
        at = draw(st.integers(0, len(markup)))
        op = draw(st.sampled_from(["cut", "insert", "drop"]))
        if op == "cut":
            markup = markup[:at]
        elif op == "insert":
            junk = draw(
                st.sampled_from(
                    ["<", ">", "</", "<!--", "-->", "<![CDATA[", "]]>", "<?xml", '"', "'", "&",
                     "<!DOCTYPE html>", "</html>", "<body>", "<script>", "\x00", "\r", "\ufeff"]
                )
            )  # fmt: skip
            markup = markup[:at] + junk + markup[at:]
        else:
            end = draw(st.integers(at, min(len(markup), at + 200)))
            markup = markup[:at] + markup[end:]
    return markup


ENCODINGS = [
    "utf-8", "cp1252", "latin-1", "shift_jis", "euc-jp", "gb18030", "koi8-r", "utf-16",
    "utf-16-le", "utf-16-be", "utf-32", "big5", "iso-2022-jp", "utf-7", "cp437",
]  # fmt: skip
DECLARED = [*ENCODINGS, "x-bogus", "", "utf8mb4", "unicode", "ascii", "windows-874"]


@st.composite
def html_documents(draw: Any) -> bytes:
    """A whole page: head with (maybe lying) charset and metadata, a body tree, then bytes."""
    body = "".join(draw(st.lists(st.one_of(html_fragments(), deep_or_wide()), max_size=4)))
    title = draw(sentences(max_words=8))
    head = f"<title>{title}</title>" if draw(st.booleans()) else ""
    declared = draw(st.sampled_from(DECLARED))
    if draw(st.booleans()):
        head = f'<meta charset="{declared}">' + head
    if draw(st.integers(0, 3)) == 0:
        head += '<script type="application/ld+json">' + draw(
            st.sampled_from(
                ['{"@type":"NewsArticle","headline":"H","author":{"name":"A"},'
                 '"datePublished":"2024-13-45"}', "{", "[]", '{"@graph":[null,1,"x"]}',
                 '{"author":[[[]]],"datePublished":{"x":1}}']
            )
        ) + "</script>"  # fmt: skip
    if draw(st.booleans()):
        head += "".join(
            f'<meta property="{p}" content="{draw(_text_bits())}">'
            for p in draw(
                st.lists(
                    st.sampled_from(["og:title", "og:site_name", "article:published_time",
                                     "og:image", "og:url", "author", "description", "keywords",
                                     "article:tag", "og:locale"]),
                    max_size=5,
                )
            )
        )  # fmt: skip
    doctype = draw(st.sampled_from(["<!DOCTYPE html>", "", "<?xml version='1.0'?>"]))
    lang = draw(st.sampled_from(["", ' lang="en"', ' lang="zz-Qaaa"', ' lang="' + "x" * 300 + '"']))
    markup = f"{doctype}<html{lang}><head>{head}</head><body>{body}</body></html>"
    markup = draw(breakage(markup))
    return draw(encoded(markup))


def _encode(text: str, encoding: str) -> bytes:
    try:  # lone surrogates become the invalid bytes a broken encoder writes
        return text.encode(encoding, "surrogatepass")
    except (UnicodeEncodeError, LookupError):
        return text.encode(encoding, "replace")


@st.composite
def encoded(draw: Any, text: str) -> bytes:
    """Text to bytes: one encoding, or pieces in different encodings; maybe BOM, maybe gzip."""
    if draw(st.integers(0, 3)) == 0:
        cut = draw(st.integers(0, len(text)))
        parts = [text[:cut], text[cut:]]
    else:
        parts = [text]
    data = b"".join(_encode(part, draw(st.sampled_from(ENCODINGS))) for part in parts)
    if draw(st.integers(0, 5)) == 0:
        data = (
            draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
            + data
        )
    if draw(st.integers(0, 7)) == 0:
        data = gzip.compress(data, mtime=0)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
    return data[:MAX_BYTES]


@st.composite
def text_scrapes(draw: Any) -> str:
    """A page flattened to text: headline, menu lines, bylines, wrapped paragraphs, footers."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.sampled_from(["para", "short", "blank", "menu", "byline", "rule", "odd"]))
        if kind == "para":
            para = draw(sentences())
            width = draw(st.sampled_from([0, 40, 72, 80]))
            if width:
                lines += [para[i : i + width] for i in range(0, len(para), width)] or [""]
            else:
                lines.append(para)
        elif kind == "short":
            lines.append(draw(sentences(max_words=4)))
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", " ", "\t", "\u00a0", "\u3000"])))
        elif kind == "menu":
            lines.append(" | ".join(draw(st.lists(st.sampled_from(WORDS), max_size=8))))
        elif kind == "byline":
            lines.append(
                draw(st.sampled_from(["By ", "Von ", "Par ", "Автор: ", ""]))
                + draw(sentences(max_words=3))
            )
        elif kind == "rule":
            lines.append(draw(st.sampled_from(["-" * 40, "=" * 80, "* * *", "____", "#" * 200])))
        else:
            lines.append(draw(st.text(max_size=200)))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028"]))
    return newline.join(lines)


@st.composite
def markdown_scrapes(draw: Any) -> str:
    """A page flattened to Markdown: every block construct, live links, raw HTML, deep nests."""
    blocks: list[str] = []
    for _ in range(draw(st.integers(0, 20))):
        kind = draw(
            st.sampled_from(
                ["para", "heading", "list", "quote", "code", "table", "link", "image", "html",
                 "refdef", "deep", "setext", "emph", "text"]
            )
        )  # fmt: skip
        s = draw(sentences())
        url = draw(st.sampled_from(URLS))
        if kind == "para":
            blocks.append(s)
        elif kind == "heading":
            blocks.append("#" * draw(st.integers(1, 8)) + draw(st.sampled_from([" ", ""])) + s)
        elif kind == "list":
            marker = draw(st.sampled_from(["- ", "* ", "+ ", "1. ", "2) ", "- [ ] ", "-"]))
            indent = draw(st.sampled_from(["", "  ", "    ", "\t"]))
            items = draw(st.lists(sentences(max_words=8), max_size=8))
            blocks.append("\n".join(indent * (i % 3) + marker + it for i, it in enumerate(items)))
        elif kind == "quote":
            blocks.append(">" * draw(st.integers(1, 6)) + " " + s)
        elif kind == "code":
            fence = draw(st.sampled_from(["```", "~~~", "````", "```python"]))
            close = draw(st.sampled_from(["```", "~~~", "", "````"]))
            blocks.append(f"{fence}\n{s}\n{close}")
        elif kind == "table":
            cols = draw(st.integers(1, 6))
            rows = draw(
                st.lists(st.lists(sentences(max_words=3), min_size=1, max_size=8), max_size=5)
            )
            head = "| " + " | ".join(["h"] * cols) + " |"
            sep = "|" + "---|" * draw(st.integers(0, cols + 2))
            blocks.append("\n".join([head, sep] + ["| " + " | ".join(r) + " |" for r in rows]))
        elif kind == "link":
            blocks.append(f"{s} [{draw(sentences(max_words=3))}]({url}) <{url}> {url}")
        elif kind == "image":
            blocks.append(f'![{draw(sentences(max_words=3))}]({url} "t")')
        elif kind == "html":
            blocks.append(draw(html_fragments()))
        elif kind == "refdef":
            blocks.append(f"[{s[:10]}]: {url}\n\n[{s[:10]}] and [{s[:10]}][] used.")
        elif kind == "deep":
            n = draw(st.integers(1, 3000))
            blocks.append(
                draw(st.sampled_from([">", "> ", "- ", "  - ", "[", "*", "_", "`", "1. "])) * n + s
            )
        elif kind == "setext":
            blocks.append(f"{s}\n{draw(st.sampled_from(['===', '---', '- - -']))}")
        elif kind == "emph":
            blocks.append(f"**{s}* _{s}__ ~~{s}~~ `{s}")
        else:
            blocks.append(draw(st.text(max_size=200)))
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(blocks)


def bytes_inputs() -> st.SearchStrategy[bytes]:
    """Raw bytes, plus bytes that start like a page (magic numbers, BOMs, markup)."""
    prefixes = st.sampled_from(
        [b"", b"<html>", b"\x1f\x8b", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", codecs.BOM_UTF8,
         codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"<?xml", b"# ",
         b"<!DOCTYPE html>", b"\x00\x00\xfe\xff", b"%PDF-1.4", b"PK\x03\x04"]
    )  # fmt: skip
    return st.builds(lambda p, b: (p + b)[:MAX_BYTES], prefixes, st.binary(max_size=2000))

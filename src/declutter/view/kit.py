"""The pieces every HTML output shares: safe element building, the stylesheet, the page shell.

Nothing from a scraped page is ever written as markup: text goes into lxml elements (which
escape it when serialised), attributes are set one by one, and URLs pass :func:`safe_url`.
Each page carries a Content-Security-Policy that allows no script, no frame, no font and only
its own inline stylesheet (by hash), so even a mistake here could not run or load anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml import html

# Characters an XML tree cannot hold (lxml refuses them): C0 controls, surrogates, non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SLUG = re.compile(r"[^a-z0-9]+")


def clean(text: str) -> str:
    """Text that an HTML tree can hold."""
    return _NOT_XML.sub("", text)


def slug(text: str) -> str:
    """A class-name-safe token: lowercase letters, digits and dashes only."""
    return _SLUG.sub("-", text.lower()).strip("-")[:40] or "other"


def safe_url(url: object, *, mailto: bool = False) -> str | None:
    """The URL when it is an absolute http(s) URL (or mailto: when allowed), else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _NOT_XML.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc:
        return url
    if mailto and scheme == "mailto" and len(url) > 7:
        return url
    return None


def el(tag: str, *children: object, **attrs: str | None) -> html.HtmlElement:
    """An element with escaped text children; ``class_`` → class, ``aria_label`` → aria-label."""
    node = html.Element(tag)
    for key, value in attrs.items():
        if value is not None:
            node.set(key.rstrip("_").replace("_", "-"), clean(value))
    add(node, *children)
    return node


def add(node: html.HtmlElement, *children: object) -> html.HtmlElement:
    """Append children (text, elements, None, or iterables of them) in order."""
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            text = clean(child)
            if len(node):
                last = node[-1]
                last.tail = (last.tail or "") + text
            else:
                node.text = (node.text or "") + text
        elif isinstance(child, html.HtmlElement):
            node.append(child)
        elif isinstance(child, Iterable):
            add(node, *child)
        else:
            raise TypeError(f"not a child: {type(child).__name__}")
    return node


CSS = """
:root{color-scheme:light dark;--fg:#1c1c1c;--bg:#fcfcfa;--muted:#555;--rule:#d5d5d0;
--accent:#0b57d0;--panel:#f1f1ed;--cut:#9b1c22;--cutbg:#fbeeee;--bar:#3b6fb6}
@media (prefers-color-scheme:dark){:root{--fg:#e6e4e0;--bg:#151515;--muted:#b0aea8;
--rule:#3c3c3a;--accent:#8ab4f8;--panel:#202020;--cut:#f4a19b;--cutbg:#2b1a1a;--bar:#7aa7e6}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:1.0625rem/1.65 Charter,"Iowan Old Style",Georgia,Cambria,serif;overflow-wrap:break-word}
.wrap{max-width:44rem;margin:0 auto;padding:1.25rem 1rem 3rem}
.ui,header .byline,.source,.crumbs,footer,figcaption,.why,.controls,.meta,table,.report{
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}
a:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid var(--accent);
outline-offset:2px}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem;
font-size:.85rem;color:var(--muted)}
.crumbs li+li::before{content:"\\203A";margin-right:.3rem}
h1{font-size:clamp(1.6rem,5.5vw,2.5rem);line-height:1.2;margin:.6rem 0 .5rem}
h2,h3,h4,h5,h6{line-height:1.3;margin:1.8rem 0 .6rem}
.byline{font-size:.9rem;color:var(--muted);margin:.25rem 0}
.source{font-size:.85rem;color:var(--muted);overflow-wrap:anywhere}
img{max-width:100%;height:auto}
figure{margin:1.5rem 0}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.35rem}
.noimg{display:block;padding:.75rem;border:1px dashed var(--rule);color:var(--muted)}
blockquote{margin:1.25rem 0;padding:.1rem 0 .1rem 1rem;border-left:4px solid var(--rule)}
pre,code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.88em}
pre{background:var(--panel);padding:.8rem;overflow-x:auto;border-radius:4px;white-space:pre}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%;font-size:.9rem;
margin:1.25rem 0}
th,td{border:1px solid var(--rule);padding:.35rem .6rem;text-align:left;vertical-align:top}
header.page{border-bottom:1px solid var(--rule);padding-bottom:.75rem;margin-bottom:1.25rem}
footer{border-top:1px solid var(--rule);margin-top:2.5rem;padding-top:.75rem;font-size:.8rem;
color:var(--muted)}
.cut{background:var(--cutbg);color:var(--cut);border-left:4px solid var(--cut);
padding:.35rem .7rem;margin:.9rem 0;border-radius:2px}
.cut del{text-decoration-thickness:1px;white-space:pre-line;display:block}
.why{display:inline-block;font-size:.72rem;font-weight:600;letter-spacing:.02em;
text-transform:uppercase;text-decoration:none;margin-bottom:.15rem}
.controls,.meta{background:var(--panel);border:1px solid var(--rule);border-radius:6px;
padding:.75rem 1rem;margin:1rem 0;font-size:.9rem}
.controls h2,.meta h2{font-size:1rem;margin:0 0 .5rem}
.controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem 1rem}
.controls legend{padding:0;margin-bottom:.4rem;color:var(--muted)}
.controls label{white-space:nowrap;cursor:pointer}
.meta dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .9rem;margin:0}
.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
.from{color:var(--muted);font-size:.8rem}
.count{color:var(--muted)}
@media (min-width:75rem){.wrap.explain{max-width:72rem;display:grid;
grid-template-columns:minmax(0,44rem) 22rem;gap:0 2.5rem;align-items:start}
.wrap.explain>header,.wrap.explain>footer{grid-column:1/-1}
.wrap.explain>.side{grid-column:2;grid-row:2;position:sticky;top:1rem}
.wrap.explain>main{grid-column:1;grid-row:2}}
@media print{:root{--fg:#000;--bg:#fff;--muted:#333;--cut:#000;--cutbg:#fff}
.controls{display:none}.wrap{max-width:none;padding:0}
main a[href]::after{content:" <" attr(href) ">";font-size:.8em;color:var(--muted)}
h2,h3,h4{break-after:avoid}figure,pre,blockquote,table{break-inside:avoid}}
"""


def style_hash(css: str) -> str:
    """The CSP source that allows exactly this inline stylesheet."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def document(
    title: str,
    lang: str | None,
    body: html.HtmlElement,
    *,
    css: str = CSS,
    images: bool = False,
) -> str:
    """A whole page: doctype, language, viewport, a strict CSP and the inline stylesheet."""
    img_src = "http: https:" if images else "'none'"
    policy = (
        f"default-src 'none'; img-src {img_src}; style-src {style_hash(css)}; "
        "base-uri 'none'; form-action 'none'"
    )
    head = el(
        "head",
        el("meta", charset="utf-8"),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("meta", http_equiv="Content-Security-Policy", content=policy),
        el("meta", name="referrer", content="no-referrer"),
        el("meta", name="generator", content="declutter"),
        el("title", title),
    )
    style = html.Element("style")
    style.text = css  # our own constant text: never page content
    head.append(style)
    root = el("html", head, body, lang=language_tag(lang))
    out: str = html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return out + "\n"


_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def language_tag(lang: object) -> str:
    """The record's BCP 47 language when it is one, else ``und`` (undetermined)."""
    return lang if isinstance(lang, str) and _LANG.match(lang) else "und"

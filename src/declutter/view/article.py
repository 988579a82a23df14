"""A record → one self-contained HTML page; with ``removed``, the page with its clutter shown.

The explain view puts every removed block where it stood (``at``: how many body blocks came
before it), struck through and tagged with its reason, and a checkbox per reason that hides
or shows those blocks with CSS alone (``:has()``), and a panel of the metadata with where each
field came from when the record says so (``sources``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import html

from .inline import inline, paragraph
from .kit import CSS, add, document, el, safe_url, slug

Record = Mapping[str, Any]

_META_FIELDS = (
    ("headline", "Headline"),
    ("authors", "Authors"),
    ("published", "Published"),
    ("modified", "Modified"),
    ("site_name", "Site"),
    ("language", "Language"),
    ("page_type", "Page type"),
    ("url", "URL"),
    ("description", "Description"),
    ("image", "Image"),
    ("tags", "Tags"),
    ("breadcrumb", "Breadcrumb"),
)


def render_html(record: Record, *, explain: bool | None = None) -> str:
    """The record as an HTML page; the explain view when it has ``removed`` (or when asked)."""
    show_removed = ("removed" in record) if explain is None else explain
    removed = [r for r in record.get("removed") or () if isinstance(r, Mapping)]
    main = el("main", el("article", body_nodes(record, removed if show_removed else None)))
    wrap = el("div", class_="wrap explain" if show_removed else "wrap")
    add(wrap, page_header(record))
    css = CSS
    if show_removed:
        kinds = Counter(_kind(r) for r in removed)
        add(wrap, el("div", controls(kinds), metadata_panel(record), class_="side"))
        css += toggle_css(kinds)
    add(wrap, main, page_footer(record))
    title = _headline(record)
    return document(title, record.get("language"), el("body", wrap), css=css, images=True)


def _headline(record: Record) -> str:
    headline = record.get("headline")
    if isinstance(headline, str) and headline.strip():
        return headline
    return "Untitled page"


def page_header(record: Record) -> html.HtmlElement:
    header = el("header", class_="page")
    crumbs = [c for c in record.get("breadcrumb") or () if isinstance(c, str)]
    if crumbs:
        trail = el("ol", [el("li", c) for c in crumbs])
        add(header, el("nav", trail, class_="crumbs", aria_label="Breadcrumb"))
    add(header, el("h1", _headline(record)))
    byline = []
    authors = [a for a in record.get("authors") or () if isinstance(a, str)]
    if authors:
        byline.append("By " + ", ".join(authors))
    published = record.get("published")
    if isinstance(published, str) and published:
        byline.append(el("time", published[:10], datetime=published))
    site = record.get("site_name")
    if isinstance(site, str) and site:
        byline.append(site)
    if byline:
        p = el("p", class_="byline")
        for k, part in enumerate(byline):
            add(p, " · " if k else None, part)
        add(header, p)
    url = safe_url(record.get("url"))
    if url:
        link = el("a", url, href=url, rel="nofollow noopener noreferrer")
        add(header, el("p", "Source: ", link, class_="source"))
    return header


def page_footer(record: Record) -> html.HtmlElement:
    source = record.get("source")
    where = f" from {source}" if isinstance(source, str) and source else ""
    return el("footer", el("p", f"Cleaned by declutter{where}."), class_="ui")


def body_nodes(record: Record, removed: Sequence[Mapping[str, Any]] | None) -> list[Any]:
    """The body blocks, with the removed blocks put back where they stood when given."""
    blocks = [b for b in record.get("blocks") or () if isinstance(b, Mapping)]
    before: dict[int, list[Mapping[str, Any]]] = {}
    elsewhere: list[Mapping[str, Any]] = []
    for r in removed or ():
        at = r.get("at")
        if isinstance(at, int) and 0 <= at <= len(blocks):
            before.setdefault(at, []).append(r)
        else:
            elsewhere.append(r)
    nodes: list[Any] = []
    levels = _heading_levels(blocks)
    for i, block in enumerate(blocks):
        nodes += [cut_block(r) for r in before.get(i, ())]
        nodes.append(block_node(block, levels.get(i, 2)))
    nodes += [cut_block(r) for r in before.get(len(blocks), ())]
    if elsewhere:
        nodes.append(
            el(
                "section",
                el("h2", "Elsewhere on the page"),
                [cut_block(r) for r in elsewhere],
                aria_label="Removed, place unknown",
            )
        )
    if not blocks:
        nodes.insert(0, el("p", "No article text was found on this page.", class_="ui"))
    return nodes


def _heading_levels(blocks: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Body heading levels under the page's one <h1>: from h2, never skipping a level."""
    levels: dict[int, int] = {}
    prev = 1
    for i, b in enumerate(blocks):
        if b.get("type") == "heading":
            raw = b.get("level")
            level = min(max(2, raw if isinstance(raw, int) else 2), prev + 1, 6)
            levels[i] = prev = level
    return levels


def block_node(block: Mapping[str, Any], level: int = 2) -> html.HtmlElement:
    kind = block.get("type")
    text = str(block.get("text") or "")
    md = block.get("md") if isinstance(block.get("md"), str) else None
    if kind == "heading":
        return paragraph(f"h{level}", text, md)
    if kind == "list":
        items = [str(i) for i in block.get("items") or ()]
        mds = block.get("md_items") or [None] * len(items)
        if len(mds) != len(items):
            mds = [None] * len(items)
        tag = "ol" if block.get("ordered") else "ul"
        return el(tag, [paragraph("li", t, m) for t, m in zip(items, mds, strict=True)])
    if kind == "quote":
        texts, mds = text.split("\n\n"), (md or "").split("\n\n")
        if len(mds) != len(texts):
            mds = [""] * len(texts)
        return el(
            "blockquote", [paragraph("p", t, m or None) for t, m in zip(texts, mds, strict=True)]
        )
    if kind == "code":
        return el("pre", el("code", text))
    if kind == "table":
        return table_node(block.get("rows") or ())
    if kind == "image":
        return image_node(block)
    return paragraph("p", text, md)


def table_node(rows: Sequence[Sequence[Any]]) -> html.HtmlElement:
    table = el("table")
    for k, row in enumerate(rows):
        cell = "th" if k == 0 and len(rows) > 1 else "td"
        add(table, el("tr", [el(cell, str(c)) for c in row]))
    return table


def image_node(block: Mapping[str, Any]) -> html.HtmlElement:
    alt = str(block.get("alt") or "")
    caption = block.get("caption")
    src = safe_url(block.get("src"))
    if src:
        picture = el(
            "img", src=src, alt=alt, loading="lazy", decoding="async", referrerpolicy="no-referrer"
        )
    else:
        picture = el("span", f"[image{': ' + alt if alt else ''}]", class_="noimg")
    cap = el("figcaption", str(caption)) if caption else None
    return el("figure", picture, cap)


def _kind(removed: Mapping[str, Any]) -> str:
    return str(removed.get("reason") or "other").split(":", 1)[0].strip() or "other"


def cut_block(removed: Mapping[str, Any]) -> html.HtmlElement:
    """A removed block where it stood: struck through, its reason in a tag above it."""
    reason = str(removed.get("reason") or "other")
    kind = _kind(removed)
    return el(
        "div",
        el("span", reason, class_="why"),
        el("del", str(removed.get("text") or "")),
        class_=f"cut r-{slug(kind)}",
        data_reason=kind,
    )


def controls(kinds: Counter[str]) -> html.HtmlElement:
    """One checkbox per reason; CSS hides that reason's blocks when it is unticked."""
    total = sum(kinds.values())
    box = el("fieldset", el("legend", "Show removed blocks by reason"))
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        box_id = f"show-{slug(kind)}"
        check = el("input", type="checkbox", id=box_id, checked="checked")
        add(box, el("label", check, f" {kind} ", el("span", f"({n})", class_="count")))
    title = f"Removed: {total} block{'s' if total != 1 else ''}"
    if not kinds:
        return el("section", el("h2", title), class_="controls", aria_label="Removed blocks")
    return el("section", el("h2", title), box, class_="controls", aria_label="Removed blocks")


def toggle_css(kinds: Counter[str]) -> str:
    """``body:has(#show-x:not(:checked)) .r-x {display:none}`` for each reason (slugs only)."""
    rules = [
        f"body:has(#show-{slug(k)}:not(:checked)) .r-{slug(k)}{{display:none}}"
        for k in sorted(kinds)
    ]
    return "\n".join(rules) + "\n"


def metadata_panel(record: Record) -> html.HtmlElement:
    """Every metadata field with its value, and where it came from when the record knows."""
    sources = record.get("sources")
    sources = sources if isinstance(sources, Mapping) else {}
    dl = el("dl")
    for key, label in _META_FIELDS:
        value = record.get(key)
        if isinstance(value, list):
            value = (" › " if key == "breadcrumb" else ", ").join(str(v) for v in value)
        shown = str(value) if value not in (None, "") else "—"
        origin = sources.get(key)
        dd = el("dd", shown)
        if isinstance(origin, str) and origin:
            add(dd, " ", el("span", f"from {origin}", class_="from"))
        add(dl, el("dt", label), dd)
    return el("section", el("h2", "Metadata"), dl, class_="meta", aria_label="Metadata")


__all__ = ["block_node", "inline", "render_html"]

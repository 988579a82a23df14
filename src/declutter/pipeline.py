"""extract(): the one module that knows the order of the stages.

HTML:  decode → parse → metadata → strip → segment → locate → prune → Article
Text:  decode → split into blocks → prune → metadata from the text → Article
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import html

from .deadline import budget, check_deadline
from .decode import decode
from .errors import InputError
from .html.cards import outside_cards, past_cards
from .html.chunk import Chunk
from .html.explain import Trace, place_by_text
from .html.locate import TUNINGS, Located, Tuning, locate
from .html.parse import parse_html
from .html.reviews import without_reviews
from .html.segment import segment
from .html.strip import clutter_elements, strip_tree
from .html.thread import posts_unlinked, thread_clutter
from .html.tooltips import drop_tooltips
from .html.vote import weighted_len
from .html.widen import reveal_noscript, widen
from .meta.collect import Meta, extract_metadata
from .model import Article, Block, InputKind, PageType, Removed
from .options import DEFAULTS, Options
from .pagetype import page_type, text_page_type
from .prune import DEDUPE_TYPES, drop_repeated_pairs, prune_blocks
from .read import KindChoice, gunzip_if_needed, looks_binary, sniff_kind
from .second import second_opinion
from .text.classify import CLOSE_BRACKETS, OPEN_BRACKETS, is_teaser, looks_like_caption
from .text.scrape import extract_text

_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
#: A lone surrogate in a str (built from broken UTF-16) cannot be encoded into any output.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Captions and teaser lines are short; a longer paragraph is judged as prose.
STRAY_CHARS = 300
_UUID = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.IGNORECASE)
#: A paragraph this much made of UUIDs is machine text.
MACHINE_SHARE = 0.5
#: A bracketed paragraph this long is the author's aside, not a photo credit.
ASIDE_CHARS = 60
#: Below this many characters of body, locate runs again with its heuristics relaxed.
FALLBACK_CHARS = 250
#: Pages that fold content into tabs and accordions (hidden until opened): see strip_tree.
FOLDING_TYPES = frozenset({"product", "service", "documentation"})
#: How far back a repeated HTML block counts as a duplicate (a dek, a caption between).
HTML_DEDUPE_WINDOW = 3
#: On a listing or collection a card's title is often printed twice or three times (over the
#: picture, under it, for the small-screen layout): a copy beside it that short is one too.
LIST_COPY_CHARS = 5
#: A product page lays its description out more than once (a summary beside the photos and
#: the same text again in a tab, a copy for small screens, a sticky bar): a block repeated
#: anywhere on it is a copy, lists and tables included.
SECTION_DEDUPE_TYPES = frozenset({"paragraph", "quote", "heading", "list", "table"})
#: A service page does so with its sections (a copy for small screens, a slider's clones), but
#: repeats its short lines on purpose (each pricing tier lists what it includes): there only a
#: block this long is a copy wherever it stands.  So it is on a forum thread, which some
#: engines serve twice over (the posts, and a flattened copy of them for crawlers).
SERVICE_FAR_CHARS = 100
#: Page types whose long blocks repeated anywhere are copies (see SERVICE_FAR_CHARS).
FAR_COPY_TYPES = frozenset({"service", "forum"})


@dataclass(frozen=True, slots=True)
class Page:
    """The one record that flows through the stages; each stage returns a new Page."""

    source: str | None
    url: str | None
    kind: InputKind
    text: str
    options: Options
    tree: html.HtmlElement | None = None
    chunks: tuple[Chunk, ...] = ()
    blocks: tuple[Block, ...] = ()
    removed: tuple[Removed, ...] = ()
    meta: Meta = field(default_factory=Meta)
    #: With --explain only: what the HTML stages decided, for the account of what was removed.
    trace: Trace | None = None
    page_type: PageType = "article"
    page_type_reason: str = ""
    #: A product's description from JSON-LD, for pages that hide it.
    described: str | None = None
    #: The page declares itself an article (widen reads it as a list only when mostly items).
    declared_article: bool = False
    #: The page declares one Product (a product page typed by its prices alone may be a grid).
    declared_product: bool = False
    #: Whether a class or id of the page names a consent manager; None when not looked at.
    consent_named: bool | None = None
    #: The classes of screen-reader text the page uses; None when not looked at.
    screen_reader_classes: frozenset[str] | None = None


def _parse(page: Page) -> Page:
    return replace(page, tree=parse_html(page.text))


def _metadata(page: Page) -> Page:
    assert page.tree is not None
    typed = page_type(page.tree, page.url)
    meta = extract_metadata(page.tree, page.url, kind=typed.kind)
    revealed = reveal_noscript(page.tree)
    return replace(
        page,
        meta=meta,
        page_type=typed.kind,
        page_type_reason=typed.reason,
        described=typed.description,
        declared_article=typed.declared_article,
        declared_product=typed.declared_product,
        # A <noscript> unwrapped after typing holds names the typing did not see.
        consent_named=None if revealed else typed.consent_named,
        screen_reader_classes=None if revealed else typed.screen_reader_classes,
    )


def _strip(page: Page) -> Page:
    assert page.tree is not None
    trace = Trace(page.tree, page.meta.url or page.url) if page.options.explain else None
    tree = strip_tree(
        page.tree,
        keep_hidden=page.page_type in FOLDING_TYPES,
        consent_named=page.consent_named,
        screen_reader_classes=page.screen_reader_classes,
    )
    if page.page_type == "product":
        drop_tooltips(tree)
    if trace is not None:
        trace.after_strip()
    return replace(page, tree=tree, trace=trace)


def _segment(page: Page) -> Page:
    assert page.tree is not None
    return replace(page, chunks=tuple(segment(page.tree, page.meta.url or page.url)))


def _locate(page: Page) -> Page:
    assert page.tree is not None
    tuning = TUNINGS[page.options.mode]
    chunks = list(page.chunks)
    reviews: set[html.HtmlElement] = set()
    if page.page_type == "product":
        chunks, reviews = without_reviews(chunks, page.tree)
    clutter = clutter_elements(page.tree)
    if page.page_type == "forum":
        clutter = thread_clutter(chunks, clutter)
        posts_unlinked(chunks)
    named = clutter
    located, clutter = _find(page, chunks, clutter, tuning)
    cards: set[html.HtmlElement] = set()
    if page.page_type == "product":
        located, cards = past_cards(
            chunks,
            located,
            page.tree,
            page.declared_product,
            lambda left: _find(page, left, named, tuning)[0],
        )
        if cards:
            chunks = outside_cards(chunks, cards)
            reviews |= cards
    if page.trace is not None:
        # The reviews left out before locating are accounted as clutter left out.
        seen = list(page.chunks) if reviews else chunks
        page.trace.after_locate(seen, located.container, located.chunks, clutter | reviews, cards)
    return replace(page, chunks=tuple(located.chunks))


def _find(
    page: Page, chunks: list[Chunk], clutter: set[html.HtmlElement], tuning: Tuning
) -> tuple[Located, set[html.HtmlElement]]:
    """Locate the content among ``chunks`` and widen it to the page type's; with the clutter
    that held (none when locate had to look again ignoring class names)."""
    assert page.tree is not None
    located = locate(chunks, clutter, tuning)
    found = sum(c.size for c in located.chunks)
    if found < FALLBACK_CHARS:
        # Too little came out: look again with class names ignored and nothing trimmed, as a
        # page whose article sits in a "widget" or "sidebar" wrapper needs.
        second = locate(chunks, set(), TUNINGS["recall"])
        if sum(c.size for c in second.chunks) > found and not _menu_only(second.chunks):
            located, clutter = second, set()
    located = second_opinion(page.tree, chunks, located, tuning)
    kind = None if page.declared_article else page.page_type
    located = widen(kind, chunks, located, page.described, clutter, page.declared_product)
    return located, clutter


def _menu_only(chunks: list[Chunk]) -> bool:
    """Whether every chunk stands in a <nav>: a page with nothing but its menu has no content."""
    return all(any(a.tag == "nav" for a in (c.el, *c.el.iterancestors())) for c in chunks)


def _prune(page: Page) -> Page:
    chunks: list[Chunk] = []
    dropped: list[Removed] = []
    for chunk in page.chunks:
        reason = _stray_line(chunk)
        if reason:
            dropped.append(Removed(chunk.text, reason))
        else:
            chunks.append(chunk)
    kind = page.page_type
    kept, removed = prune_blocks(
        chunks,
        headline=None if kind == "product" else page.meta.headline,
        dedupe_window=None if kind == "product" else HTML_DEDUPE_WINDOW,
        origin=lambda c: c.el.getparent(),
        dedupe_types=SECTION_DEDUPE_TYPES if kind in ("product", "service") else DEDUPE_TYPES,
        far_chars=SERVICE_FAR_CHARS if kind in FAR_COPY_TYPES else None,
        min_chars=LIST_COPY_CHARS if kind in ("listing", "collection") else None,
    )
    if kind == "product" and page.declared_product:
        # (Only where one product is declared: a shop's grid typed so repeats its cards.)
        kept, copies = drop_repeated_pairs(kept)
        removed += copies
    gone = page.removed + tuple(dropped) + tuple(removed)
    if page.trace is not None:
        gone = page.trace.account(kept, gone, page.meta.headline)
    blocks = tuple(c.to_block() for c in kept) or _scripted_thread(page)
    return replace(page, blocks=blocks, removed=gone)


def _scripted_thread(page: Page) -> tuple[Block, ...]:
    """A thread whose posts a script renders: the page's description is its opening post.

    Forum engines built as apps serve the HTML without the posts and put the start of the
    first one in the description, which is then all of the thread there is to read.
    """
    described = page.meta.description
    if page.page_type != "forum" or not described:
        return ()
    return (Block("paragraph", text=described),)


def _stray_line(chunk: Chunk) -> str | None:
    """A photo credit or a "Related: …" line standing in the body as a paragraph, or a run of
    machine identifiers."""
    if chunk.type != "paragraph":
        return None
    if _machine_ids(chunk.text):
        return "hidden"
    if len(chunk.text) > STRAY_CHARS:
        return None
    text = chunk.text
    aside = (
        text[:1] in OPEN_BRACKETS
        and text[-1:] in CLOSE_BRACKETS
        and weighted_len(text) > ASIDE_CHARS
    )
    if looks_like_caption(text) and not aside:
        return "caption"
    if is_teaser(text):
        return "teaser"
    return None


def _machine_ids(text: str) -> bool:
    """Identifiers run together (UUIDs): shops write them into labels that a style sheet hides
    or scrambles (a "Sponsored" mark spelt out of shuffled spans), never a reader's text."""
    if text.count("-") < 8:
        return False
    ids = _UUID.findall(text)
    return len(ids) >= 2 and sum(len(i) for i in ids) >= MACHINE_SHARE * len(text)


HTML_STAGES = (_parse, _metadata, _strip, _segment, _locate, _prune)


def _text(page: Page) -> Page:
    result = extract_text(page.text, page.kind, page.options)
    removed = result.removed
    if page.options.explain:
        removed = tuple(place_by_text(page.text, result.blocks, removed))
    kind, reason = text_page_type(page.text, page.url)
    return replace(
        page,
        blocks=result.blocks,
        removed=removed,
        meta=result.meta,
        page_type=kind,
        page_type_reason=reason,
    )


TEXT_STAGES = (_text,)


def _finish(page: Page, extra: dict[str, str] | None) -> Article:
    m = page.meta
    return Article(
        source=page.source,
        input=page.kind,
        url=m.url or page.url,
        headline=m.headline,
        breadcrumb=m.breadcrumb,
        authors=m.authors,
        published=m.published,
        modified=m.modified,
        site_name=m.site_name,
        language=m.language,
        description=m.description,
        image=m.image,
        tags=m.tags,
        blocks=page.blocks,
        removed=page.removed if page.options.explain else (),
        sources=m.sources if page.options.explain else {},
        page_type=page.page_type,
        page_type_reason=page.page_type_reason or None,
        extra=dict(extra or {}),
    )


def extract(
    data: str | bytes,
    *,
    url: str | None = None,
    input: KindChoice = "auto",
    options: Options = DEFAULTS,
    source: str | None = None,
    http_charset: str | None = None,
    extra: dict[str, str] | None = None,
) -> Article:
    """Extract the clean article from one page (HTML, text or Markdown, as str or bytes).

    With ``options.timeout`` or ``options.deadline`` set, raises :class:`ExtractTimeout` once
    the budget is spent (checked between stages and inside the long loops, in any thread).
    """
    with budget(options, source):
        return _extract(data, url, input, options, source, http_charset, extra)


def _extract(
    data: str | bytes,
    url: str | None,
    input: KindChoice,
    options: Options,
    source: str | None,
    http_charset: str | None,
    extra: dict[str, str] | None,
) -> Article:
    if isinstance(data, str) and _SURROGATE.search(data):
        data = _SURROGATE.sub("\ufffd", data)
    if isinstance(data, bytes):
        data = gunzip_if_needed(data, source or "<bytes>")
        if looks_binary(data):
            raise InputError(source or "<bytes>", "binary data, not a page")
        if data.startswith(_WIDE_BOMS):
            # UTF-16/32 text must be decoded before its markup can be seen.
            data = decode(data)
    kind: InputKind = sniff_kind(data, source) if input == "auto" else input
    text = (
        data
        if isinstance(data, str)
        else decode(data, http_charset=http_charset, is_html=kind == "html")
    )
    page = Page(source=source, url=url, kind=kind, text=text, options=options)
    stages = HTML_STAGES if kind == "html" else TEXT_STAGES
    for stage in stages:
        check_deadline()
        page = stage(page)
    check_deadline()
    return _finish(page, extra)


def stage_names() -> dict[str, tuple[Any, ...]]:
    """The stages of each input kind, in order (for timing and tests)."""
    return {"html": HTML_STAGES, "text": TEXT_STAGES, "markdown": TEXT_STAGES}

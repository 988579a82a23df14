"""The headline of an HTML page: the title a reader sees on it.

Sources: the visible ``<h1>`` elements, ``<title>``, the declared titles (JSON-LD
``headline``/``name`` of an Article-like node, ``og:title``, ``twitter:title``, ``dc.title``…).
Every candidate's text is repaired first (``titletext.py``: entities escaped twice, UTF-8 read
as Latin-1, an ``<h1>``'s glued responsive copies) and every declared title loses its site part
("Story - Site", "Site | Story", whatever the separator; see ``titlesides.py``).  Then:

1. an ``<h1>`` that agrees with one of those titles (the same words, the part of the title
   that is not the site, or the title's lead before its tagline) is the headline, in the
   page's own wording;
2. else the first declared title (JSON-LD, then OpenGraph and the other metas), then
   ``<title>``, without its site part — an ``<h1>`` that says something else is usually a
   slogan or a section name (unless the only title is the site's own, "Site - what it is",
   on an inner page);
3. else a lone ``<h1>``, the breadcrumb's last crumb, the raw ``<title>``.

A candidate that is only the site's name (but on the site's home page) or a section of the
breadcrumb is never taken, nor an
``<h1>`` that is the site's logo: one side of the title while the other side is the story, the
site's name with at most a word beside it, or a link to the site's home page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree, html

from . import jsonld as jsonld_mod
from .h1 import PIECE_EDGES, h1_pieces, h1_text, links_home, shown_h1s, shown_title_side
from .jsonld import JsonLd, clean_text, first_text, node_types
from .sitename import SEPARATOR, SiteKeys, is_home_url, split_title, strip_site
from .sitename import fold as _fold
from .sitename import strip_site_tail as strip_site_tail
from .titlesides import Title, TitleInputs, declared_titles, site_shell_title
from .titlesides import similarity as _similarity
from .titletext import clean_title, heading_text, same_words

_TITLE = etree.XPath("descendant::title")
_H1 = etree.XPath("descendant::h1")
_SECTION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=\w)")
_COUNT = re.compile(r"\s*\(\s*\d[\d,.]*\s+[^\W\d_]+\s*\)$")
_TEMPLATE = re.compile(r"\{\{|\}\}|\$\{")

#: Declared title metas, most trusted first (lower-case keys).
TITLE_KEYS = (
    "dc.title", "dc:title", "dcterms.title", "og:title", "twitter:title", "title",
    "parsely-title", "sailthru.title",
)  # fmt: skip
#: Word overlap from which an ``<h1>`` and a declared title that disagree are the same story
#: in two wordings (the visible one wins); below it the ``<h1>`` is a slogan or a section.
SEO_VARIANT = 0.3
#: JSON-LD types that, named without a headline, are a piece embedded in the page (a video, a
#: customer's review) rather than the page itself.
_EMBEDDED_TYPES = frozenset({"VideoObject", "Review", "CreativeWork"})
#: From this length a declared title that a later source continues word for word was cut short.
CUT_TITLE = 60
_CUT_BETWEEN_WORDS = re.compile(r" [\w(]")
#: The most words of a category's name in the ``<h1>`` of a collection page.
CATEGORY_WORDS = 4
#: The most words of an ``<h1>`` that is the site's logo when it only holds the site's name.
LOGO_WORDS = 2
#: Names a manual gives the first page of each of its sections, whatever the section.
_OPENING_PAGES = frozenset({"overview", "introduction", "index", "readme", "contents"})
#: The fewest words of an ``<h1>``'s piece that names the page by opening its title.
LEAD_PIECE_WORDS = 3
#: The longest text an ``<h1>`` may have and still be a headline rather than a paragraph.
MAX_H1 = 250


def _forbidden(
    candidate: str, site_names: Sequence[str], sections: Sequence[str], keys: SiteKeys | None = None
) -> bool:
    folded = _fold(candidate)
    if not folded:
        return True
    if keys is not None and keys.exact(candidate):
        return True
    return any(folded == _fold(s) for s in site_names if s) or any(
        folded == _fold(s) for s in sections if s
    )


def _jsonld_titles(
    jsonld: JsonLd, reference: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(titles of the page's own nodes, names of the parts it embeds): a video, a customer's
    review or a bare CreativeWork named without a headline is a piece of the page, trusted
    only after the page's own metas."""
    own: list[tuple[str, str]] = []
    parts: list[tuple[str, str]] = []
    for node in jsonld.articles():
        headline = first_text(node.get("headline"))
        name = first_text(node.get("name"))
        pair = [v for v in (headline, name) if v]
        if len(pair) == 2 and pair[0] != pair[1] and reference:
            pair.sort(key=lambda v: -_similarity(v, reference))
        embedded = not headline and node_types(node) <= _EMBEDDED_TYPES
        (parts if embedded else own).extend(("json-ld", clean_title(v)) for v in pair)
    return own, parts


def _agrees(h1: str, titles: Sequence[Title]) -> bool:
    """Whether an ``<h1>`` says what one of the declared titles says."""
    fh = _fold(h1)
    if not fh:
        return False
    for t in titles:
        core, raw = _fold(t.core), _fold(t.raw)
        if fh in (core, raw):
            return True
        if core and fh in raw and len(fh) >= 0.5 * len(core):
            return True
        if core and core in fh and len(core) >= 0.6 * len(fh):
            return True
        if _similarity(fh, core) >= 0.6 or fh == _lead(t):
            return True
    return False


def _lead(title: Title) -> str:
    """The first side of a declared title, folded: before its first separator ("Flexbox -
    Learn web development") or its colon ("Jimmy: The Ultimate Device Opener").  An ``<h1>``
    that says only this names the page; the rest is a tagline for search engines."""
    parts = split_title(title.raw)
    if len(parts) > 1:
        return _fold(parts[0])
    head, colon, _ = title.core.partition(": ")
    return _fold(head) if colon else ""


def _logo_h1(h1: str, inputs: TitleInputs) -> bool:
    """An ``<h1>`` holding the site's name: the logo, not the story."""
    folded = _fold(h1)
    if inputs.keys.matches(h1) and len(h1) <= 60 and _names_only_site(h1, inputs.keys):
        # Unless the title is that text and nothing more (a site's own home page).
        return not any(_fold(text) == folded for _, text in (("", inputs.title), *inputs.declared))
    parts = split_title(inputs.title)
    # The last side of "Story - Site" is the site's side.
    return len(parts) > 1 and _fold(parts[-1]) == folded and len(parts[0]) > len(h1) // 2


def _names_only_site(h1: str, keys: SiteKeys) -> bool:
    """Whether an ``<h1>`` that mentions the site says no more than its name: the name
    itself, or a word beside it ("Filmmaker", "InfoQ Homepage").  A longer one that holds the
    name is a product's or a story's ("Visual Studio Community", "Terminix discounts, coupons
    and promo codes")."""
    return keys.named(h1) or len(_fold(h1).split()) <= LOGO_WORDS


def _usable_h1s(inputs: TitleInputs, longest: int | None = MAX_H1) -> list[str]:
    out: list[str] = []
    for h in inputs.h1s:
        if not h or (longest is not None and len(h) > longest) or _TEMPLATE.search(h):
            continue
        if _forbidden(h, inputs.site_names, inputs.sections) or _logo_h1(h, inputs):
            continue
        if h in inputs.home_links:
            continue
        h = strip_site(h, inputs.keys, strict=True)[0]
        if inputs.kind == "documentation":
            # "3.1 Git Branching": a manual's section number, not a word of the section's name.
            h = _SECTION_NUMBER.sub("", h) or h
        elif inputs.kind in ("collection", "listing"):
            # "Trail Running Shoes (158 ITEMS)": the count of what the list holds.
            h = _COUNT.sub("", h) or h
        out.append(h)
    return out


def _declared_choice(titles: Sequence[Title], inputs: TitleInputs) -> tuple[str, str] | None:
    usable = [
        t
        for t in titles
        # The site's name is the title of its own home page, and of no other.
        if (inputs.home and not t.had_site)
        or not _forbidden(t.core, inputs.site_names, inputs.sections, inputs.keys)
    ]
    for i, t in enumerate(usable):
        core = t.core
        marked = core.endswith(("…", "..."))
        if marked or len(core) >= CUT_TITLE:
            # A truncated title: a later source that carries it in full is better.  Without an
            # ellipsis only a long title cut between two words counts (a field's length limit).
            stem = core.rstrip("….").strip()
            for longer in usable[i + 1 :]:
                rest = longer.core[len(stem) :]
                cut = marked or _CUT_BETWEEN_WORDS.match(rest)
                if len(rest) > 3 and longer.core.startswith(stem) and cut:
                    return longer.core, longer.source
        return core, t.source
    return None


def _before_bar(h1: str, titles: Sequence[Title]) -> str:
    """An ``<h1>`` written as a document title, "Story | More", without what follows its bar
    when the story side alone says what a declared title says: a bar is the divider of a
    document title's parts, not a heading's wording."""
    head, bar, _ = h1.partition(" | ")
    if bar and _fold(h1) not in {_fold(t.core) for t in titles} and _agrees(head, titles):
        return head.strip()
    return h1


def _h1_piece(h1s: Sequence[str], titles: Sequence[Title], inputs: TitleInputs) -> str | None:
    """The piece of an ``<h1>`` that is exactly a declared title, when no whole ``<h1>`` is:
    "<span>News</span> Story", "<time>Dec 18</time> Story", "<a>Story</a> (source) 87" (or
    when the whole one only matches a lesser title, the most trusted one matching a piece)."""
    cores = {_fold(t.core) for t in titles} - {""}
    if not inputs.h1_pieces or not cores:
        return None
    if any(_fold(h) in cores for h in h1s):
        # A whole <h1> already says what one declared title says ("News - Story" in og:title):
        # only the most trusted title (JSON-LD "Story") still prefers a piece of it.
        first = _fold(titles[0].core)
        if any(_fold(h) == first for h in h1s):
            return None
        cores = {first}
    wholes = {_fold(h) for h in inputs.h1s}
    for piece in inputs.h1_pieces:
        if _fold(piece) in wholes:
            continue  # all of an <h1> (one already passed over: a link home), not a piece of it
        if _fold(piece) in cores and not _forbidden(piece, inputs.site_names, inputs.sections):
            return piece.strip(PIECE_EDGES)
    return None


def _lead_piece(titles: Sequence[Title], inputs: TitleInputs) -> str | None:
    """The piece of an ``<h1>`` that opens a declared title up to one of its colons or
    separators, when no whole ``<h1>`` agrees with a title: the product's or book's name set
    beside its format or edition ("<span>Story: Subtitle</span> <span>Hardcover</span>") in a
    title that goes on with its author, code and shop ("Story: Subtitle: Author: 0735211299:
    Shop: Books")."""
    for piece in inputs.h1_pieces:
        if len(piece.split()) < LEAD_PIECE_WORDS or inputs.keys.matches(piece):
            continue  # the site's name opening its own title ("Site: Story")
        if _forbidden(piece, inputs.site_names, inputs.sections):
            continue
        for t in titles:
            rest = t.core[len(piece) :]
            if t.core.startswith(piece) and (rest.startswith(":") or SEPARATOR.match(rest)):
                return piece.strip(PIECE_EDGES)
    return None


def choose_headline(inputs: TitleInputs) -> tuple[str | None, str | None]:
    """(headline, where it came from) — see the module docstring."""
    headline, source = _choose(inputs)
    if inputs.kind == "collection" and headline and source != "h1":
        name = _category_name(headline, inputs)
        if name:
            return name, "h1"
    return headline, source


def _category_name(declared: str, inputs: TitleInputs) -> str | None:
    """The ``<h1>`` of a shop's category page when it is the category's name, a few words all
    found in the declared title that dresses it up for search engines ("Headlamps" titled
    "Headlamps for Camping, Hiking & Running", "Microphones" titled "Buy Microphones at …")."""
    h1s = _usable_h1s(inputs)
    if not h1s:
        return None
    words = _fold(h1s[0]).split()
    if not words or len(words) > CATEGORY_WORDS:
        return None
    return h1s[0] if set(words) < set(_fold(declared).split()) else None


def _choose(inputs: TitleInputs) -> tuple[str | None, str | None]:
    titles = declared_titles(inputs)
    h1s = _usable_h1s(inputs)
    piece = _h1_piece(h1s, titles, inputs)
    if piece:
        return piece, "h1"
    # An <h1> that says exactly what a declared title says before one that only agrees with it
    # ("Story" before "Story - Board" when the title is "Story - Board - Site"), and of two
    # copies of a heading the one the title spells letter for letter ("Switch – OLED Model").
    cores = {_fold(t.core) for t in titles}
    raws = [t.raw for t in titles]
    for h in sorted(h1s, key=lambda h: (_fold(h) not in cores, not any(h in r for r in raws))):
        h = _before_bar(h, titles)
        if _agrees(h, titles):
            for t in titles:
                # The same words typeset differently ("’" for "'", "Tee 5001" for "Tee - 5001"):
                # the declared form, which the page gives to every other reader of its metadata.
                if same_words(h, t.core):
                    return t.core, t.source
            return h, "h1"
    lead = _lead_piece(titles, inputs)
    if lead:
        return lead, "h1"
    chosen = _declared_choice(titles, inputs)
    if h1s and chosen and _similarity(h1s[0], chosen[0]) >= SEO_VARIANT:
        # The same story told twice: the declared title is written for search engines.
        return h1s[0], "h1"
    if h1s and chosen and site_shell_title(chosen[1], h1s[0], inputs):
        return h1s[0], "h1"
    if not h1s and chosen:
        # Against a title that only names the site ("Site - its slogan"), even a heading as long
        # as a paragraph (a post's title on a link aggregator) names the page better.
        long = _usable_h1s(inputs, longest=None)
        if long and site_shell_title(chosen[1], long[0], inputs):
            return long[0], "h1"
    if chosen:
        return chosen
    if h1s:
        return h1s[0], "h1"
    if inputs.current and _fold(inputs.current) in _OPENING_PAGES and inputs.sections:
        # "Auth > Overview" under a title "Auth": the opening page of a section is named by it.
        section = _fold(inputs.sections[-1])
        for t in titles:
            if _fold(t.core) == section:
                return t.core, t.source
    if inputs.current and not _forbidden(inputs.current, inputs.site_names, inputs.sections):
        return inputs.current, "breadcrumb"
    return (inputs.title, "title") if inputs.title else (None, None)


def title_inputs(
    root: html.HtmlElement,
    jsonld: JsonLd | None = None,
    metas: dict[str, list[str]] | None = None,
    site_names: Sequence[str] = (),
    sections: Sequence[str] = (),
    title: str | None = None,
    h1s: Sequence[str] | None = None,
    current: str | None = None,
    url: str | None = None,
    learnt: Sequence[str] = (),
    h1_elements: Sequence[html.HtmlElement] | None = None,
    kind: str | None = None,
) -> TitleInputs:
    """The inputs of ``choose_headline``; ``title`` and the ``<h1>`` elements are read from the
    tree when not given (``h1s``, their texts, may stand in for the elements)."""
    if jsonld is None:
        jsonld = jsonld_mod.load(root)
    metas = metas if metas is not None else {}
    if title is None:
        found = _TITLE(root)
        title = found[0].text_content() if found else ""
    title = clean_title(title)
    if h1_elements is None and h1s is None:
        h1_elements = _H1(root)[:20]
    if h1s is None:
        h1s = [h1_text(h) for h in h1_elements or ()]
    if h1_elements is not None and len(h1_elements) == len(h1s):
        h1_elements, h1s = shown_h1s(h1_elements, h1s)
    h1_texts = tuple(t for t in (_shown_h1(h) for h in h1s) if t)
    declared = [
        (key, clean_title(clean_text(v)))
        for key in TITLE_KEYS
        for v in metas.get(key, ())
        if v.strip()
    ]
    shown_side = None if h1_texts else shown_title_side(root, title, is_home_url(url))
    reference = title or (declared[0][1] if declared else "") or (h1_texts[:1] or ("",))[0]
    own, parts = _jsonld_titles(jsonld, reference)
    return TitleInputs(
        title=title,
        declared=(*own, *declared, *parts),
        h1s=h1_texts,
        keys=SiteKeys.of(site_names, url, learnt),
        site_names=tuple(site_names),
        sections=tuple(sections),
        current=current,
        shown_side=shown_side,
        h1_pieces=h1_pieces(h1_elements or ()),
        home=is_home_url(url),
        kind=kind,
        home_links=tuple(_shown_h1(h1_text(h)) for h in h1_elements or () if links_home(h, url)),
    )


def _shown_h1(text: str) -> str:
    # A pilcrow ending an <h1> is its permalink anchor (Sphinx, MkDocs), not a word of it.
    return heading_text(text).rstrip("¶ ")


def find_headline(
    root: html.HtmlElement,
    jsonld: JsonLd | None = None,
    metas: dict[str, list[str]] | None = None,
    site_names: Sequence[str] = (),
    sections: Sequence[str] = (),
    title: str | None = None,
    h1s: Sequence[str] | None = None,
    current: str | None = None,
    url: str | None = None,
) -> str | None:
    """The page's headline (see the module docstring), or None.

    ``sections`` are the breadcrumb's section names and ``current`` its last crumb (the page's
    own name), a last resort when the title only names the site.
    """
    inputs = title_inputs(root, jsonld, metas, site_names, sections, title, h1s, current, url)
    return choose_headline(inputs)[0]

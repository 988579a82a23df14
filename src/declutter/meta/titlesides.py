"""The candidates of a page's headline, and each declared title with its site part off.

A declared title loses its site's name on either side (``sitename.py``), a breadcrumb section
named after the story, the forum software's "View topic" before it; "Home" alone is no title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .sitename import SEPARATOR, SiteKeys, compact, fold, generic_tail, split_title, strip_site

#: Page names that say nothing without the site's name beside them.
_GENERIC_PAGES = frozenset({"home", "homepage", "home page", "welcome", "index", "start"})
#: Words that name a part of every site rather than a page: beside the site's name in the
#: title of its home page, the site's name is the page's.
_HOME_WORDS = _GENERIC_PAGES | {"shop", "store", "online shop", "online store", "blog"}
#: What forum software puts before every thread's title (phpBB and its translations).
_BOARD_PAGES = frozenset({
    "view topic", "view thread", "voir le sujet", "thema anzeigen", "ver tema",
    "visualizza argomento", "bekijk onderwerp", "zobacz temat", "просмотр темы",
})  # fmt: skip
#: Page types whose names open with their maker's ("Nintendo Switch – OLED Model" on
#: nintendo.com): only the site's very name comes off the front of their titles.
_BRANDED_KINDS = frozenset({"product", "collection"})
#: A separator left at the end of a title cut before one of its sides.
_SEPARATOR_END = re.compile(r"(?:\s+[-–—~/_]+|\s*[|·•»‹›«]+|\s+::)$")
#: The fewest words of an ``<h1>`` that names an inner page titled only for its site.
SHELL_H1_WORDS = 3


def similarity(a: str, b: str) -> float:
    wa, wb = set(fold(a).split()), set(fold(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


@dataclass(frozen=True)
class Title:
    """One declared title: where it came from, as declared, and without its site part."""

    source: str
    raw: str
    core: str
    had_site: bool


@dataclass(frozen=True)
class TitleInputs:
    """Everything the headline is chosen from (read from the tree by ``find_headline``)."""

    title: str
    declared: tuple[tuple[str, str], ...]  # (source, text), most trusted first
    h1s: tuple[str, ...]
    keys: SiteKeys
    site_names: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    current: str | None = None
    #: The side of a "Site - Story" title the page shows as an element of its own (looked for
    #: only on pages without an ``<h1>``).
    shown_side: str | None = None
    #: Texts inside the first ``<h1>`` elements, each element's own and each child's: the
    #: story's words without the badge, date or comment count set beside them.
    h1_pieces: tuple[str, ...] = ()
    #: The page is its site's home page (the address has no path).
    home: bool = False
    #: The page's type (``pagetype.py``), when known.
    kind: str | None = None
    #: The texts of the ``<h1>`` elements that link to the site's home page (its logo).
    home_links: tuple[str, ...] = ()


def declared_titles(inputs: TitleInputs) -> list[Title]:
    """The declared titles and ``<title>``, most trusted first, each with its story side."""
    out: list[Title] = []
    for source, text in (*inputs.declared, ("title", inputs.title)):
        if not text or fold(text) in _GENERIC_PAGES:
            continue  # "Home" alone names no page
        core, had_site = strip_site(text, inputs.keys, strict=inputs.kind in _BRANDED_KINDS)
        if had_site and source != "title" and text.endswith(core) and _title_head(text, inputs):
            core = text  # "New to Astronomy – Story": the <title> put the site after all of it
        core = _before_section(core, inputs.sections)
        lead, sep, rest = _split_lead(core)
        if sep and fold(lead) in _BOARD_PAGES and rest:
            core = rest  # "View topic - Story": the forum software's name for any thread page
        if not had_site:
            if source == "title" and inputs.shown_side:
                core = inputs.shown_side
            else:
                core = generic_tail(core) or core
        if inputs.home and had_site and fold(core) in _HOME_WORDS:
            # "Home - Site", "Site - Shop" on the site's home page: the word is a menu's label,
            # the page is named by the site's name on the title's other side.
            site_side = _other_side(text, core)
            if site_side:
                out.append(Title(source, text, site_side, False))
                continue
        if fold(core) in _GENERIC_PAGES:
            core = text  # "Home - Site" on an inner page: its title is all of it
        elif inputs.home and had_site and text.strip().endswith(core) and not _barred(text, core):
            # "Brand – what it does" on the brand's home page names the page; a bar is the
            # document title's own divider ("Brand | what it does"), not the page's wording.
            core = text
        out.append(Title(source, text, core, had_site))
    return out


def _other_side(text: str, side: str) -> str | None:
    """The other side of a two-sided title, one of whose sides is ``side``."""
    parts = split_title(text)
    if len(parts) != 2:
        return None
    folded = fold(side)
    if fold(parts[0]) == folded:
        return parts[1]
    return parts[0] if fold(parts[1]) == folded else None


def _barred(text: str, core: str) -> bool:
    """Whether a bar parts the side taken off a title from the rest."""
    return "|" in text[: len(text.rstrip()) - len(core)]


def _title_head(text: str, inputs: TitleInputs) -> bool:
    """Whether a declared title is all of the ``<title>`` before its site part ("Story" in
    "Story - Section - Site"): the page put its site's name there, not inside the story, unless
    the declared title opens with that name too."""
    title = inputs.title
    if len(title) <= len(text) or not title.startswith(text):
        return False
    lead = compact(text)
    if any(lead.startswith(k) for k in (*inputs.keys.names, *inputs.keys.labels)):
        return False  # "Cloudflare CDN | Content Delivery Network": the site does lead it
    parts = split_title(title[len(text) :])
    return (
        bool(SEPARATOR.match(title, len(text))) and bool(parts) and inputs.keys.matches(parts[-1])
    )


def _split_lead(title: str) -> tuple[str, str, str]:
    """(first side, separator, the rest) of a title, or (title, "", "")."""
    m = SEPARATOR.search(title)
    if not m:
        return title, "", ""
    return title[: m.start()], m.group(0), title[m.end() :].strip()


def _before_section(title: str, sections: Sequence[str]) -> str:
    """A title without the breadcrumb's section named after the story ("Story - Board -
    Site" on a page whose trail runs "Forum > Board > Story")."""
    if not sections:
        return title
    names = {fold(s) for s in sections} - {""}
    parts = split_title(title)
    for part in parts[1:]:
        if fold(part) in names:
            cut = title.find(part, len(parts[0]))
            head = title[:cut].rstrip()
            return _SEPARATOR_END.sub("", head) or title
    return title


def site_shell_title(source: str, h1: str, inputs: TitleInputs) -> bool:
    """Whether the only title is the site's own, "Site - what it is", on one of its inner
    pages: nothing else names the page (no og:title, no JSON-LD), so the site leads the title
    of every page (an application's shell); a heading of a few words names this one."""
    if source != "title" or inputs.declared or inputs.home or len(h1.split()) < SHELL_H1_WORDS:
        return False
    if inputs.keys.matches(h1):
        return False  # the site's name again, with a word beside it: its logo
    parts = split_title(inputs.title)
    return len(parts) == 2 and inputs.keys.matches(parts[0]) and not inputs.keys.matches(parts[1])

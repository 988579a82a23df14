"""Tree: drop what can never be content (scripts, hidden elements, chrome, clutter widgets)."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree, html

from ..patterns import (
    CHROME_TAGS,
    CLUTTER_PREFIX,
    CLUTTER_TOKENS,
    HARD_CLUTTER_TOKENS,
    HEADING_TAGS,
    HIDING_CLASSES,
    LAYOUT_TOKENS,
    NEVER_CONTENT_TAGS,
    SCREEN_READER_CLASSES,
    tokens,
)
from .consent import drop_consent, drop_cookie_dialogs
from .twins import drop_twins

# Candidates found in C; _is_hidden then reads the style properly.
_MAYBE_HIDDEN = etree.XPath(
    "//*[@hidden or @aria-hidden='true' or contains(@style, 'none') or contains(@style, 'hidden')]"
)
_TEXT = etree.XPath("string()")
# Elements that can be clutter by name, tag or role; the rest are never looked at.
_NAMED = etree.XPath(
    "/html/body//*[@class or @id or @role or self::nav or self::aside or self::footer"
    " or self::header]"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: A hidden element holding this share of the page's text is the article behind a toggle.
HIDDEN_PROTECT_SHARE = 0.8
#: ...and inside the page's <main>, this share: a shop app hides the main part until a script
#: has checked the visitor, and readers see it once the script has run.
HIDDEN_MAIN_SHARE = 0.5
#: React streams a page's late parts into ``<div hidden id="S:3">`` and a script moves each
#: into its place at once: they are shown, whatever the attribute says.
_STREAMED = re.compile(r"S:\d+")
#: A widget whose text is mostly one blockquote is an embedded post, kept for its quote.
EMBED_QUOTE_SHARE = 0.6
#: Never-content elements that, holding this much text, wrap the page rather than a control.
WRAPPER_CHARS = 2000
_WRAPPER_TAGS = frozenset({"form", "button", "fieldset", "label", "noscript"})
#: Elements whose names say "article" are never dropped for their class tokens.
_ARTICLE_MARKERS = ("articlebody", "article-body", "entry-content", "post-content")


def _drop(el: html.HtmlElement) -> None:
    """Remove an element but keep its tail text (it belongs to the parent)."""
    el.drop_tree()


#: A fold's title is a short line: an FAQ's question, a section's name.
FOLD_TITLE_CHARS = 200


def _fold_title(el: html.HtmlElement) -> bool:
    """Is this button the title of a fold a reader opens (an FAQ's question)?

    An accordion sets each question (or section name) in the button that opens its answer,
    the button often inside a heading; the answer is kept with the hidden folds, and is read
    under its question.
    """
    text = " ".join(el.text_content().split())
    if not text or len(text) > FOLD_TITLE_CHARS:
        return False
    if text.endswith("?") and " " in text:
        return True
    return any(a.tag in HEADING_TAGS for a in el.iterancestors())


def _is_hidden(el: html.HtmlElement) -> bool:
    attrib = el.attrib
    if "hidden" in attrib and _STREAMED.fullmatch(attrib.get("id", "")):
        return False
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


#: Content elements are judged by their text, never by their class: a tweet quoted in the
#: body is a blockquote classed "twitter-tweet", and its words are the article's.
_NAME_IMMUNE = frozenset({"p", "blockquote", "pre", "table", "tbody", "tr", "td", "li"})


def clutter_named(el: html.HtmlElement) -> bool:
    """Whether the element's class, id or role names it chrome or a widget."""
    if el.tag in _NAME_IMMUNE:
        return False
    names = f"{el.get('class', '')} {el.get('id', '')}"
    if names == " ":
        role = el.get("role")
        return role in ("navigation", "banner", "contentinfo", "complementary", "search")
    return _clutter_names(names)


#: A layout's state, not what the element is: "has-sidebar", "container-article-with-sidebar",
#: "embed-no-caption", "sidebar-enabled--false" wrap the article (or a picture) beside or
#: without such a box.
_STATE_WORDS = re.compile(
    r"(?<![a-z0-9])(?:has|with|without|no)[-_]+[a-z0-9]+"
    r"|(?<![a-z0-9])[a-z0-9]+[-_]+(?:enabled|disabled)(?:[-_]+(?:true|false))?(?![a-z0-9])",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _clutter_names(names: str) -> bool:
    """Whether a class/id string names clutter (cached: pages repeat their class strings)."""
    low = names.lower()
    if any(m in low for m in _ARTICLE_MARKERS):
        return False
    found = tokens(_STATE_WORDS.sub(" ", names))
    if not found.isdisjoint(CLUTTER_TOKENS):
        return True
    if any(CLUTTER_PREFIX.match(t) for t in found):
        return True
    classes = low.split()
    # "hidden md:block" is shown on wide screens, as the page was read.
    return not HIDING_CLASSES.isdisjoint(classes) and not any(":" in c for c in classes)


def strip_tree(
    root: html.HtmlElement,
    keep_hidden: bool = False,
    consent_named: bool | None = None,
    screen_reader_classes: frozenset[str] | None = None,
) -> html.HtmlElement:
    """Drop never-content elements and hidden ones (unless a hidden element is the article).

    ``keep_hidden`` keeps hidden elements: product, service and documentation pages fold their
    specifications, FAQ answers, pricing tiers and code tabs into tabs and accordions that a
    script opens, and their readers open them.  Menus and dialogs among them are still left
    out by their tags, names and links.  ``consent_named``: whether any class or id of the
    page names a consent manager (``CONSENT_NAME``), when the caller has already looked;
    ``screen_reader_classes``: the classes of screen-reader text (``SCREEN_READER_NAME``) the
    page uses, as spelt, when the caller has already looked (empty: none).
    """
    # Before forms are unwrapped: a banner may be a form that is its own dialog.
    drop_cookie_dialogs(root)
    for el in list(root.iter(*NEVER_CONTENT_TAGS)):
        if keep_hidden and el.tag == "button" and _fold_title(el):
            el.drop_tag()
            continue
        if el.tag in _WRAPPER_TAGS and len(el.text_content()) > WRAPPER_CHARS:
            # ASP.NET-style pages wrap everything in one form, an unclosed <button> swallows
            # the page that follows it, a forum engine serves its posts in <noscript> for
            # readers without scripts: the element is a wrapper, unwrapped instead.
            el.drop_tag()
            continue
        if el.getparent() is not None:
            _drop(el)
    if consent_named is not False:
        drop_consent(root, consent_named)
    if screen_reader_classes is None or screen_reader_classes:
        _drop_screen_reader_text(root, keep_hidden, screen_reader_classes)
    if keep_hidden:
        drop_twins(root)
        return root
    hidden = [el for el in _MAYBE_HIDDEN(root) if _is_hidden(el)]
    hidden = _unfolded(hidden)
    if hidden:
        total = len(_TEXT(root)) or 1
        for el in hidden:
            if el.getparent() is None:
                continue
            share = len(_TEXT(el)) / total
            if share < HIDDEN_PROTECT_SHARE and not (share >= HIDDEN_MAIN_SHARE and _in_main(el)):
                _drop(el)
    return root


#: Hidden panels built from one template, this many of them, are a page's folds.
FOLD_PANELS = 2
#: The longest fold holds at least this much text: a question's answer, a tab's section...
FOLD_CHARS = 150
#: ...and each of them this much (a short answer beside long ones, a guide's last tip).
FOLD_MIN_CHARS = 60


# A form's hidden steps and fields are built from one template too, and are never content
# (its controls are gone by then: its names tell).
_FORM_NAME = re.compile(r"form|input|field", re.IGNORECASE)


def _unfolded(hidden: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """The hidden elements less the folds a reader opens: tab panels and accordion answers.

    Any page may fold sections into tabs or an FAQ into an accordion that a script opens; the
    panels are hidden alike and built from one template (same tag and classes), and hold a
    section's worth of text (one may be short beside the others).  A lone hidden box (a
    dialog, a fly-out menu) is no fold, nor is a form's hidden step.
    """
    groups: dict[tuple[str, str], list[html.HtmlElement]] = {}
    longest: dict[tuple[str, str], int] = {}
    for el in hidden:
        size = len(_TEXT(el))
        if size >= FOLD_MIN_CHARS and not _FORM_NAME.search(
            f"{el.get('class', '')} {el.get('id', '')}"
        ):
            key = (el.tag, el.get("class") or "")
            groups.setdefault(key, []).append(el)
            longest[key] = max(longest.get(key, 0), size)
    folds = {
        id(el)
        for key, group in groups.items()
        if key[1] and len(group) >= FOLD_PANELS and longest[key] >= FOLD_CHARS
        for el in group
    }
    return [el for el in hidden if id(el) not in folds]


#: Words naming a cookie-consent manager's dialog (the generic word and the common vendors).
_BODY_NAMES = etree.XPath("/html/body//@class | /html/body//@id", smart_strings=False)

#: A class of screen-reader text, found in the page's class names joined in one string.
SCREEN_READER_NAME = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(SCREEN_READER_CLASSES)) + r")(?![\w-])", re.IGNORECASE
)


@lru_cache(maxsize=64)
def _with_classes(spellings: frozenset[str]) -> etree.XPath:
    # One test per class the page uses (most use one), not one per spelling on every element.
    tests = " or ".join(f"contains(@class, '{s}')" for s in sorted(spellings))
    return etree.XPath(f"/html/body//*[{tests}]")


def _drop_screen_reader_text(
    root: html.HtmlElement, keep_hidden: bool, spellings: frozenset[str] | None = None
) -> None:
    """Drop text written for screen readers only ("Regular price", "Opens in a new window").

    A shop's product cards carry such labels beside every price, and a card's title is often
    repeated for screen readers; none of it is on the page that readers see.
    """
    if spellings is None:
        # Not told by the page-type pass: the body's class names say which the page uses.
        spellings = frozenset(SCREEN_READER_NAME.findall(" ".join(_BODY_NAMES(root))))
        if not spellings:
            return
    for el in _with_classes(spellings)(root):
        parent = el.getparent()
        classes = (el.get("class") or "").lower().split()
        if parent is None or SCREEN_READER_CLASSES.isdisjoint(classes):
            continue
        if not keep_hidden and any(s.get("aria-hidden") == "true" for s in parent):
            # Its visible twin is hidden from screen readers, and is dropped with the hidden
            # elements: this text is the only copy of it left ("Original price was: $20").
            continue
        _drop(el)


def _in_main(el: html.HtmlElement) -> bool:
    return any(a.tag == "main" or a.get("role") == "main" for a in el.iterancestors())


def hard_clutter(el: html.HtmlElement) -> bool:
    """Clutter that stays clutter however much prose it holds (a long comment thread)."""
    return _hard_names(f"{el.get('class', '')} {el.get('id', '')}")


@lru_cache(maxsize=4096)
def _hard_names(names: str) -> bool:
    return not tokens(names).isdisjoint(HARD_CLUTTER_TOKENS)


def layout_name(el: html.HtmlElement) -> bool:
    """Whether the element's clutter name is only layout words (see ``LAYOUT_TOKENS``)."""
    return _layout_names(f"{el.get('class', '')} {el.get('id', '')}")


@lru_cache(maxsize=4096)
def _layout_names(names: str) -> bool:
    found = tokens(names)
    hits = found & CLUTTER_TOKENS
    return bool(hits) and hits <= LAYOUT_TOKENS and not any(CLUTTER_PREFIX.match(t) for t in found)


#: Names of a picture's frame: a caption or a credit is no body text wherever it stands.
_MEDIA_TOKENS = frozenset(
    {"caption", "credit", "credits", "gallery", "slideshow", "carousel", "slider", "lightbox"}
)


def component_name(el: html.HtmlElement) -> bool:
    """Whether the element's clutter words could name a part of an article: layout words
    only (``layout_name``: "header", "meta"), none of them a picture's frame.
    """
    names = f"{el.get('class', '')} {el.get('id', '')}"
    return _layout_names(names) and not _media_names(names)


def media_name(el: html.HtmlElement) -> bool:
    """Whether the element is named as a picture's frame (a caption, a gallery)."""
    return _media_names(f"{el.get('class', '')} {el.get('id', '')}")


@lru_cache(maxsize=4096)
def _media_names(names: str) -> bool:
    return not (tokens(names) & CLUTTER_TOKENS).isdisjoint(_MEDIA_TOKENS)


def clutter_elements(root: html.HtmlElement) -> set[html.HtmlElement]:
    """Elements that look like chrome or widgets by their tag, role or class/id names.

    They are not removed here: locate drops their chunks unless one of them turns out to hold
    the article (a blog engine that wraps the post in ``<div class="widget Blog">``).
    """
    found: set[html.HtmlElement] = set()
    # Most pages quote nothing: then no element is an embed's frame, and none is searched.
    quotes = root.find(".//blockquote") is not None
    for el in _NAMED(root):
        tag = el.tag
        if tag == "main":
            continue
        if el.get("itemprop") == "articleBody" or (tag == "header" and _section_header(el)):
            continue
        if (tag in CHROME_TAGS or clutter_named(el)) and not (quotes and _embed_frame(el)):
            found.add(el)
    return found


def comment_named(el: html.HtmlElement) -> bool:
    """Whether every clutter word of the element's names is a comment's or a reply's."""
    return el.tag not in CHROME_TAGS and _comment_names(f"{el.get('class', '')} {el.get('id', '')}")


@lru_cache(maxsize=4096)
def _comment_names(names: str) -> bool:
    found = tokens(names)
    hits = {t for t in found if t in CLUTTER_TOKENS or CLUTTER_PREFIX.match(t)}
    return bool(hits) and all(t in HARD_CLUTTER_TOKENS or t.startswith("comment") for t in hits)


def _section_header(el: html.HtmlElement) -> bool:
    """A <header> opening a section within an article heads that part: its title is content.

    (A listicle sets each entry as a section whose header holds the entry's title.)  One
    holding a menu, or named for anything but layout, is chrome all the same; so is the
    article's own header (its dek and by-line are metadata), which stands in the article.
    """
    parent = el.getparent()
    if parent is None or parent.tag != "section":
        return False
    if el.find(".//nav") is not None or next(el.iter(*HEADING_TAGS), None) is None:
        return False
    if clutter_named(el) and not layout_name(el):
        return False
    return any(a.tag in ("article", "section") for a in parent.iterancestors())


def _embed_frame(el: html.HtmlElement) -> bool:
    """The chrome around a quoted post (a tweet's widget): its quote is the article's."""
    quote = el.find(".//blockquote")
    if quote is None:
        return False
    return len(quote.text_content()) >= EMBED_QUOTE_SHARE * len(el.text_content())

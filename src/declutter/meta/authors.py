"""Authors of a page: JSON-LD, meta tags, rel/itemprop markup and by-line elements.

Author strings are split into names and trimmed of "By"-style prefixes, roles, credentials,
dates, handles, URLs and "| Staff" tails; the names are deduplicated and never a URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from lxml import etree, html

from .jsonld import JsonLd, clean_text, first_text, node_types

_SPACE = re.compile(r"\s+")
_URLISH = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@\w+", re.IGNORECASE)
_IS_URL = re.compile(r"^\s*(?:https?:|www\.|/)\S*\s*$", re.IGNORECASE)
_EMPTY_PARENS = re.compile(r"[(\[]\s*[)\]]")
# "By", "Written by", "Von", "Par", "Por", "Door", "Av", "Przez", "Author:", … at the start.
_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|published|story|text|words|photos?|interview|"
    r"geschrieben|écrit|escrito|scritto)\s+)?(?:by|from|von|par|por|door|av|af|przez|od|"
    r"texte?|author|authors|autor|autorin|autore|auteure?s?|autores|writer|"
    r"reporter|reporting|bylined?|bởi|tarafından|автор|авторы|بقلم|كتب|كتبه|بواسطة|"
    r"מאת|लेखक)\b\s*[:：\-–—]?\s*"
    # Lower-case Italian/Portuguese "di"/"da" only: capitalised, they begin names (Di Caprio).
    r"|^\s*(?-i:di|da|de)\s+(?=[A-ZÀ-Ý])",
    re.IGNORECASE,
)
# The same words inside a longer line ("Tech Industry by Steven Musil").
_BY_INSIDE = re.compile(r"(?:^|\s)(?:by|von|par|por|door|przez)\s*:?\s+", re.IGNORECASE)
_STRONG_SEP = re.compile(r"\s*(?:[;|•·/\n\t»]|\s[-–—]\s)\s*")
_WORD_SEP = re.compile(
    r"\s+(?:and|&|und|et|y|e|en|og|och|ja|ve|и|și|és|with|avec|mit|con|sowie)\s+"
    r"|^(?:and|with|avec|mit|con|und|et|y)\s+|\s*&\s*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
#: A digit that starts a word: a date or a count trailing a by-line, not part of a handle.
_WORD_DIGIT = re.compile(r"(?<!\w)\d")
#: A forum handle: one word of letters that ends in digits ("paulb203", "InsaneSnow45").
_HANDLE = re.compile(r"^[^\W\d_][\w.-]*[^\W\d_][\w.-]*\d+$")
_TRIM = " \t\n\r,.;:|-–—•·*()[]{}\"'“”‘’«»"

_CREDENTIALS = frozenset(
    """
    ma md phd ph.d ph.d. mph ms msc bsc ba mba rn dds do jr jr. sr sr. ii iii iv esq esq. facp
    fache mrcp frcp lcsw cpa
    """.split()  # noqa: SIM905
)
#: Words of roles and labels: a part that ends with one ("AP Auto Writer") is not a name.
_ROLE_WORDS = frozenset(
    """
    staff writer writers editor editors editorial reporter reporters correspondent
    correspondents contributor contributors contributing columnist journalist journalists
    photographer photographers technologist senior associate assistant chief director manager
    president vice producer anchor host intern fellow professor journaliste redakteur
    redakteurin rédacteur rédactrice periodista redactor giornalista correspondente jornalista
    admin administrator author authors autor autorin auteur auteurs
    """.split()  # noqa: SIM905
)
#: Words of organisations and page furniture: a name holds at most one of them.
_ORG_WORDS = frozenset(
    """
    news desk team agency press wire report reports comments comment share follow profile
    more articles article about redaktion rédaction redacción redazione anonymous unknown
    guest sign subscribe view all posts bio email twitter facebook instagram linkedin health
    technology project media group network magazine online digital institute foundation
    association society university company inc ltd llc corp analysis opinion sponsored
    content partner partners via source sources image images photo photos video
    illustration illustrations multiple various
    """.split()  # noqa: SIM905
)
#: Words of dates and page furniture that trail a by-line ("Steven Musil January 18, …").
_DATE_WORDS = frozenset(
    """
    updated update published posted last min mins read reading minutes hours ago today
    yesterday am pm on at staff monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()  # noqa: SIM905
)
_NON_NAME = _ROLE_WORDS | _ORG_WORDS | _DATE_WORDS
_GENERIC_NAMES = frozenset(
    """
    admin administrator staff editor editors redaktion rédaction redacción redazione anonymous
    unknown guest team webmaster multiple various staff reports
    """.split()  # noqa: SIM905
)
_BAD_CHARS = re.compile(r"[=;{}<>_#$%*+\\]|\w\.(?:com|org|net|co|uk|de|fr|es|it|in|io|ru|jp)\b")
_SENTENCE_SEP = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[A-Z])")
_LABEL = re.compile(r"^[^\W\d_]{2,15}\s*:\s+")
_CJK_NAMES = re.compile(
    r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,5}(?:\s+[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,5})+$"
)
# Chinese/Japanese/Korean role words before or after a name: 记者 王晓燕, 文/张三, 홍길동 기자.
_CJK_ROLE = re.compile(
    r"^(?:本报|本刊|特约)?(?:记者|記者|作者|撰文|撰稿|文|通讯员|通訊員|特派员|特派員|编译|編譯|"
    r"기자|글)\s*[/／:：|丨]?\s*|\s*(?:记者|記者|기자|특파원|객원기자|報道|报道)$"
)

_AUTHOR_KEYS = (
    "author", "byl", "dc.creator", "dc:creator", "dcterms.creator", "article:author",
    "og:article:author", "parsely-author", "sailthru.author", "citation_author",
    "book:author", "twitter:data1:author",
)  # fmt: skip

_ITEMPROP_AUTHOR = etree.XPath(
    "descendant::*[@itemprop][contains(@itemprop, 'author') or contains(@itemprop, 'creator')]"
)
_REL_AUTHOR = etree.XPath(
    "descendant::a[@rel][contains(translate(@rel, 'AUTHOR', 'author'), 'author')]"
)
_MARK_VALUES = etree.XPath("descendant::*/@class | descendant::*/@id")
_TOKEN_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_MARK_TOKENS = frozenset(
    {"byline", "bylines", "author", "authors", "byl", "writer", "auteur", "autor", "autore",
     "writtenby", "authorname", "bylinename", "byline__name", "author_name",
     "articleauthor", "postauthor", "entryauthor", "authorinfo", "authorlink"}
)  # fmt: skip
_SKIP_TOKENS = frozenset(
    {"comment", "comments", "related", "recirc", "recommended", "sidebar", "widget", "widgets",
     "footer", "about", "avatar", "teaser", "teasers", "promo", "reply",
     "replies", "trending", "popular", "more", "next", "prev", "previous", "newsletter",
     "respond", "discussion", "thumb", "thumbnail", "img", "image", "photo", "pic", "hr",
     "title", "card", "list"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"footer", "aside", "nav", "form", "input", "img", "script", "style"})


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _titlecase_if_shouting(name: str) -> str:
    letters = [c for c in name if c.isalpha()]
    if (
        len(letters) > 3
        and all(c.isupper() for c in letters)
        and all(c.isascii() or c.isalpha() for c in name)
    ):
        return " ".join(w[:1] + w[1:].lower() for w in name.split(" "))
    return name


def _shouted_run(name: str) -> str:
    """ "TOM KRISHER AP Auto Writer" → "TOM KRISHER": a capitals name before a mixed-case tail."""
    words = name.split()
    if len(words) < 3:
        return name
    caps = 0
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            break
        caps += 1
    if caps < 2 or caps == len(words):
        return name
    while caps > 2 and len(words[caps - 1]) <= 3:
        caps -= 1
    return " ".join(words[:caps])


def _clean_part(part: str) -> str:
    part = _PREFIX.sub("", part.strip(_TRIM), count=1)
    m = _WORD_DIGIT.search(part)
    if m:
        part = part[: m.start()]
    words = part.strip(_TRIM).split()
    while words and words[-1].strip(_TRIM).lower() in _DATE_WORDS:
        words.pop()
    return " ".join(words).strip(_TRIM)


def is_name(text: str) -> bool:
    """Whether ``text`` reads like a person's (or a named body's) name."""
    if not text or len(text) > 60 or "@" in text or "://" in text:
        return False
    if _DIGIT.search(text):
        return bool(_HANDLE.match(text)) and len(text) <= 30
    if _BAD_CHARS.search(text) or "admin" in text.lower():
        return False
    words = text.split()
    if len(words) > 6:
        return False
    if not any(c.isalpha() for c in text):
        return False
    lowered = [w.strip(_TRIM).lower() for w in words]
    if all(w in _NON_NAME or w in _CREDENTIALS for w in lowered):
        return False
    if " ".join(lowered) in _GENERIC_NAMES:
        return False
    # A role ends with its role word ("AP Auto Writer", "CNN Editor-at-large").
    if lowered[-1].split("-")[0] in _ROLE_WORDS and len(words) > 1:
        return False
    return sum(w in _NON_NAME for w in lowered) <= 1


def _reorder_last_first(segment: str) -> str:
    """ "Jong, Michiel de" → "Michiel de Jong"; other strings are returned unchanged."""
    parts = [p.strip() for p in segment.split(",")]
    if (
        len(parts) == 2
        and len(parts[0].split()) == 1
        and 1 <= len(parts[1].split()) <= 3
        and parts[1].strip(_TRIM).lower() not in _CREDENTIALS
        and not _WORD_SEP.search(segment)
        and parts[0][:1].isupper()
    ):
        return f"{parts[1]} {parts[0]}"
    return segment


def split_authors(text: str | None) -> list[str]:
    """Names in an author string: "By A and B | Staff" → ["A", "B"]."""
    if not text:
        return []
    text = clean_text(text)
    text = _URLISH.sub(" ", text)
    text = _EMPTY_PARENS.sub(" ", text)
    text = text.replace("(", ", ").replace(")", ", ").replace("[", ", ").replace("]", ", ")
    text = _LABEL.sub("", text.strip(_TRIM), count=1)
    text = _CJK_ROLE.sub("", text).strip()
    stripped = _PREFIX.sub("", text, count=1)
    if stripped == text:
        m = _BY_INSIDE.search(text)
        if m and m.start() <= 40:
            stripped = text[m.end() :]
    stripped = _SENTENCE_SEP.sub("; ", stripped)
    names: list[str] = []
    full_name = False  # a name of two words or more was found
    for segment in _STRONG_SEP.split(stripped):
        segment = _reorder_last_first(segment.strip(_TRIM))
        got_name = False
        for comma_part in segment.split(","):
            comma_part = comma_part.strip(_TRIM)
            if not comma_part:
                continue
            if comma_part.lower().strip(".") in _CREDENTIALS or comma_part.lower() in _CREDENTIALS:
                continue
            stop = False
            for i, sub in enumerate(_WORD_SEP.split(comma_part)):
                name = _shouted_run(_clean_part(sub or ""))
                if full_name and i == 0 and name and " " not in name:
                    continue  # "Jane Doe, CNN" / "Jane Doe | Outlet": not a second author
                if name and _CJK_NAMES.match(name):
                    names.extend(name.split())  # "李明 王芳": CJK names hold no spaces
                    got_name = True
                    continue
                if name and is_name(name):
                    names.append(_titlecase_if_shouting(name))
                    got_name = True
                    full_name = full_name or " " in name
                elif got_name and sub and sub.strip(_TRIM):
                    stop = True
                    break
            if stop:
                break
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = _fold(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _jsonld_authors(jsonld: JsonLd) -> tuple[list[str], list[str]]:
    """(person names, organisation names) declared as the article's author."""
    persons: list[str] = []
    orgs: list[str] = []
    for node in jsonld.articles():
        for key in ("author", "creator"):
            value: Any = node.get(key)
            if value is None:
                continue
            items = value if isinstance(value, list) else [value]
            for item in items:
                item = jsonld.resolve(item)
                if isinstance(item, str):
                    if "://" not in item:
                        persons.extend(split_authors(item))
                elif isinstance(item, dict):
                    name = first_text(item.get("name"))
                    if not name:
                        given = first_text(item.get("givenName")) or ""
                        family = first_text(item.get("familyName")) or ""
                        name = f"{given} {family}".strip() or None
                    if not name or "://" in name:
                        continue
                    if node_types(item) & {
                        "Organization",
                        "NewsMediaOrganization",
                        "Corporation",
                        "WebSite",
                    }:
                        orgs.append(name)
                    else:
                        persons.extend(split_authors(name))
            if persons:
                break
        if persons:
            break
    return persons, orgs


def _meta_authors(metas: dict[str, list[str]], sites: frozenset[str]) -> list[str]:
    for key in _AUTHOR_KEYS:
        names: list[str] = []
        for value in metas.get(key, ()):
            if _IS_URL.match(value) or value.strip().startswith("@"):
                continue
            names.extend(n for n in split_authors(value) if _fold(n) not in sites)
        if names:
            return names
    return []


def _tokens(el: Any) -> set[str]:
    text = f"{el.get('class') or ''} {el.get('id') or ''}"
    return {t.lower() for t in _TOKEN_SPLIT.split(text) if t}


def _in_clutter(el: Any) -> bool:
    for anc in el.iterancestors():
        if anc.tag in _SKIP_TAGS:
            return True
        if anc.tag in ("article", "main", "body"):
            return False
        if _tokens(anc) & {
            "comment",
            "comments",
            "related",
            "recirc",
            "sidebar",
            "footer",
            "reply",
            "replies",
            "discussion",
            "respond",
        }:
            return True
    return False


def _visible_text(el: Any) -> str:
    parts: list[str] = []
    for node in el.iter():
        if node.tag in ("script", "style", "noscript", "template"):
            continue
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        if node is not el and node.tail and node.getparent().tag not in ("script", "style"):
            parts.append(node.tail)
    return " ".join(parts)


def _element_text(el: Any) -> str:
    if el.tag == "meta":
        return str(el.get("content") or "")
    inner = el.find(".//*[@itemprop='name']")
    if inner is not None:
        return str(inner.get("content") or _visible_text(inner))
    return _visible_text(el)


def _dom_groups(
    root: html.HtmlElement, marks: str | None, rel_authors: list[Any] | None
) -> Iterator[list[Any]]:
    marked_page = marks is None or any(word in marks for word in BYLINE_MARKS)
    yield [
        el
        for el in (_ITEMPROP_AUTHOR(root) if marked_page or "person" in (marks or "") else [])
        if el.tag != "link" and {"author", "creator"} & set((el.get("itemprop") or "").split())
    ]
    if rel_authors is None:
        rel_authors = _REL_AUTHOR(root)
    yield [el for el in rel_authors if "author" in (el.get("rel") or "").lower().split()]
    if not marked_page:
        return
    marked: list[Any] = []
    for value in _MARK_VALUES(root):
        lowered = value.lower()
        if not any(word in lowered for word in BYLINE_MARKS):
            continue
        el = value.getparent()
        if el is None or (marked and marked[-1] is el):
            continue
        if el.tag in _SKIP_TAGS:
            continue
        tokens = _tokens(el)
        if tokens & _MARK_TOKENS and not tokens & _SKIP_TOKENS:
            marked.append(el)
    yield marked


#: Fragments (lower case) of class/id values that mark a by-line element.
BYLINE_MARKS = ("uthor", "yline", "byl", "auteur", "autor", "riter")


#: A forum's mark of the one who opened the thread, beside their name.
_STARTER = re.compile(
    r"\b(?:discussion|thread|topic)\s+starter\b|\boriginal\s+poster\b|\bOP\b", re.IGNORECASE
)


def _from_headline(root: html.HtmlElement, h1: Any, group: list[Any]) -> list[Any]:
    """The group reordered: elements after the headline first, nearest first, then the ones
    before it (a forum's "last post by" in the header is not the thread's author)."""
    if h1 is None or len(group) < 2:
        return group
    position = {id(el): i for i, el in enumerate(root.iter())}
    at = position.get(id(h1))
    if at is None:
        return group

    def key(el: Any) -> tuple[int, int]:
        i = position.get(id(el), at)
        return (0, i - at) if i > at else (1, at - i)

    return sorted(group, key=key)


def _dom_authors(
    root: html.HtmlElement,
    marks: str | None = None,
    rel_authors: list[Any] | None = None,
    h1: Any = None,
) -> list[str]:
    for group in _dom_groups(root, marks, rel_authors):
        group = _from_headline(root, h1, group)
        starters = [el for el in group if _STARTER.search(_visible_text(el)[:300])]
        group = starters[:1] + [el for el in group if el not in starters[:1]]
        first_parent = None
        names: list[str] = []
        for el in group:
            if first_parent is not None and el.getparent() is not first_parent:
                continue
            text = _element_text(el)
            if not text.strip() or len(text) > 200 or _in_clutter(el):
                continue
            found = split_authors(_STARTER.sub(" | ", text))
            if found:
                names.extend(n for n in found if n not in names)
                first_parent = el.getparent()
        if names:
            return names
    return []


def find_authors(
    root: html.HtmlElement,
    jsonld: JsonLd,
    metas: dict[str, list[str]],
    marks: str | None = None,
    rel_authors: list[Any] | None = None,
    site_names: Sequence[str] = (),
    shown: Callable[[], list[str]] | None = None,
) -> tuple[str, ...]:
    """The page's authors, most trusted source first; () when none is named.

    ``marks`` (optional): the lower-cased class and id values of the page; when given, the
    class-marked by-line search runs only if they mention a by-line word.  ``rel_authors``
    (optional): the page's ``<a rel="author">`` links, found in the tree when not given.
    ``shown`` (optional) finds the by-line shown beside the headline; it is asked only when no
    markup names a person, before an organisation is taken as the author.
    A meta author that is one of ``site_names`` (the site's declared name or its ``<title>``
    tail) is the site, not a person: the markup is searched for a by-line instead.
    """
    return find_authors_explained(root, jsonld, metas, marks, rel_authors, site_names, shown)[0]


def find_authors_explained(
    root: html.HtmlElement,
    jsonld: JsonLd,
    metas: dict[str, list[str]],
    marks: str | None = None,
    rel_authors: list[Any] | None = None,
    site_names: Sequence[str] = (),
    shown: Callable[[], list[str]] | None = None,
    h1: Any = None,
) -> tuple[tuple[str, ...], str | None]:
    """``find_authors`` and where the names came from: "json-ld", "meta", "markup" (itemprop,
    rel=author, by-line classes), "byline" (the line shown beside the headline) or
    "json-ld-organization"."""
    persons, orgs = _jsonld_authors(jsonld)
    sites = frozenset(_fold(s) for s in site_names if s)
    # A "person" named like the site is the site: an organisation, asked for last.
    orgs = orgs + [p for p in persons if _fold(p) in sites]
    persons = [p for p in persons if _fold(p) not in sites]
    steps: list[tuple[str, Callable[[], list[str]]]] = [
        ("json-ld", lambda: persons),
        ("meta", lambda: _meta_authors(metas, sites)),
        ("markup", lambda: _dom_authors(root, marks, rel_authors, h1)),
        ("byline", shown or list),
        ("json-ld-organization", lambda: orgs),
    ]
    for source, step in steps:
        names = _unique(step())
        if names:
            return names, source
    return (), None


def _unique(names: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = _fold(name)
        if key not in seen and not name.startswith(("http:", "https:")):
            seen.add(key)
            out.append(name)
    return tuple(out[:20])

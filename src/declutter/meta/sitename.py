"""The site's name inside a document title, and the title without it.

A ``<title>`` or ``og:title`` often carries the site's name on one side ("Story - Site",
"Site | Story", "Story | Section | Site"), behind any of the usual separators.  A side is the
site's name when it matches what the page says about its site: ``og:site_name`` and the
JSON-LD publisher or WebSite name, the host name ("Charleston Coffee Roasters" on
charlestoncoffeeroasters.com, "Bridgestone Tires" on tires.bridgestone.com), a domain-like
segment ("Headphones.com"), or a suffix learnt from other titles of the same site in a batch.
Nothing here knows any particular site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

#: Separators between a title's parts: bars, dashes and bullets with spaces around, a bar or
#: bullet even without them, " :: ", " _ ", " / ".
SEPARATOR = re.compile(r"\s+[-–—~/_]+\s+|\s*[|·•»‹›«]+\s*|\s+::\s+|\s+_(?=\S)")
#: A colon ends a site name placed before the story ("Engora Data Blog: Small adventures"),
#: but it is trusted only when the side before it is recognised as the site.
_COLON = re.compile(r"(?<=\S):\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
_DOMAINISH = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co|ai|dev|app|gov|edu|[a-z]{2})$")
_WORD = re.compile(r"\w+")
#: Host labels that say nothing about the site.
_HOST_NOISE = frozenset(
    """
    www www1 www2 m amp mobile en us uk de fr es it blog blogs news shop store com org net co
    io gov edu ac info biz html php
    """.split()  # noqa: SIM905
)


def compact(text: str) -> str:
    """Letters and digits only, case folded, "&" read as "and": "Car Talk" and "cartalk"
    compare equal, and so do "Nuts & Volts" and "Nuts and Volts"."""
    return _NON_ALNUM.sub("", text.replace("&", "and")).casefold()


def host_labels(url: str | None) -> list[str]:
    """The meaningful labels of a URL's host ("tires.bridgestone.com" → ["tires",
    "bridgestone"])."""
    if not url:
        return []
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return []
    labels = host.lower().split(".")
    if len(labels) > 1:
        labels = labels[:-1]  # the top-level domain
    return [lab for lab in labels if lab and lab not in _HOST_NOISE]


@dataclass
class SiteKeys:
    """What a page says about its site, in the forms the title's sides are compared with."""

    names: list[str] = field(default_factory=list)  # compact declared names
    labels: list[str] = field(default_factory=list)  # compact host labels
    learnt: frozenset[str] = frozenset()  # compact parts learnt from the site's other titles

    @classmethod
    def of(cls, site_names: Sequence[str], url: str | None, learnt: Iterable[str] = ()) -> SiteKeys:
        names = [c for c in (compact(n) for n in site_names if n) if len(c) >= 2]
        labels = [compact(lab) for lab in host_labels(url)]
        return cls(names, [lab for lab in labels if lab], frozenset(compact(x) for x in learnt))

    def matches(self, part: str) -> bool:
        """Whether one side of a title is the site's name."""
        key = compact(part)
        if not key:
            return False
        if key in self.learnt or _DOMAINISH.match(part.strip().lower()):
            return True
        for name in self.names:
            if key == name or (len(key) >= 4 and (key in name or name in key)):
                return True
        return self._matches_host(part, key)

    def exact(self, part: str) -> bool:
        """Whether a part is exactly a declared or learnt name of the site (stricter than
        ``matches``: for a colon, which also ends a story's own lead-in)."""
        key = compact(part)
        return bool(key) and (key in self.learnt or key in self.names)

    def named(self, part: str) -> bool:
        """Whether a part is the site's name itself: declared, learnt, or its host's name."""
        key = compact(part)
        return self.exact(part) or key in self.labels or (bool(key) and key == "".join(self.labels))

    def _matches_host(self, part: str, key: str) -> bool:
        if not self.labels:
            return False
        host = "".join(self.labels)
        if key in self.labels or (len(key) >= 4 and key in host):
            return True
        words = [w.casefold() for w in _WORD.findall(part)]
        if len(words) > 5:
            return False
        # Every word of the part is in the host ("Bridgestone Tires" on tires.bridgestone.com).
        if len(words) >= 2 and all(len(w) >= 2 and w in host for w in words):
            return True
        # The part starts with, or holds, a long host label ("Deloitte US", "Quanta Magazine").
        return any(len(lab) >= 4 and lab in key for lab in self.labels)


def _address_name(address: str) -> str:
    """The name a domain spells ("www.example.co" → "example")."""
    labels = address.lower().split(".")[:-1]
    return "".join(lab for lab in labels if lab not in _HOST_NOISE)


def split_title(title: str) -> list[str]:
    """A title's parts between separators, empty parts dropped."""
    return [p.strip() for p in SEPARATOR.split(title) if p and p.strip()]


def strip_site(title: str, keys: SiteKeys, strict: bool = False) -> tuple[str, bool]:
    """(the title without the site's name on either side, whether a side was removed).

    Several site parts come off, and with a site's name at the end whatever stands between it and
    the first part goes too ("Story | Section | Site" → "Story"); the story itself is never
    removed, even when it matches.  ``strict``: only a side that is the site's name itself comes
    off (a heading's "Nintendo Switch - OLED Model" names a product, not its site).
    """
    title = title.strip()
    parts = _split_keep(title)
    removed = False
    lead = keys.named if strict else keys.matches
    while len(parts) > 1 and keys.matches(parts[-1][0]):
        parts.pop()
        removed = True
    if removed and len(parts) > 1:
        # "Story | Section | Site", "Story - Tagline - Site": what stands between the story and
        # the site's name at the end is the site's too (a section, a slogan, "Part 1" aside).
        parts = parts[:1]
    while len(parts) > 1 and lead(parts[0][0]):
        parts.pop(0)
        removed = True
    if removed:
        return _join(parts), True
    if len(parts) > 2:
        # "Story | Site | Keyword | Keyword": the site's own name in the middle ends the story.
        for i in range(1, len(parts) - 1):
            if keys.named(parts[i][0]):
                return _join(parts[:i]), True
    first, _, rest = title.partition(" ")
    if rest and _DOMAINISH.match(first.lower()) and keys.named(_address_name(first)):
        return rest.strip(), True  # "example.com Story": the site's address, no separator
    m = _COLON.search(title)
    if m and m.start() <= 60 and keys.exact(title[: m.start()]):
        rest = title[m.end() :].strip()
        if len(rest) >= 3:
            return rest, True
    return title, False


def _split_keep(title: str) -> list[tuple[str, str]]:
    """(part, separator that follows it) pairs, so a kept middle keeps its own separators."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in SEPARATOR.finditer(title):
        part = title[pos : m.start()].strip()
        if part:
            out.append((part, m.group(0)))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + m.group(0))
        pos = m.end()
    tail = title[pos:].strip()
    if tail:
        out.append((tail, ""))
    return out


def _join(parts: list[tuple[str, str]]) -> str:
    text = "".join(p + sep for p, sep in parts[:-1]) + parts[-1][0]
    return text.strip()


def generic_tail(title: str) -> str | None:
    """The title without a short last part when nothing says whose it is ("Story | Brand"):
    only a bar or dash tail of a few words, and only when the story left is long enough."""
    parts = _split_keep(title)
    if len(parts) < 2:
        return None
    tail = parts[-1][0]
    head = _join(parts[:-1])
    if tail[:1].isdigit() and head[-1:].isdigit():
        return None  # a range ("Season 2024 - 2025"), not a tail
    if tail[:1].islower():
        return None  # a name is capitalised; "Fish & chips – a history" is one story
    if len(tail.split()) <= 6 and len(tail) <= 60 and len(head) >= 12:
        return head
    return None


_NON_WORD = re.compile(r"\W+")
_TITLE_TAIL = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{1,60}$")
_TITLE_HEAD = re.compile(r"^[^|\-–—:·•»]{1,60}?\s+[|\-–—·•»]\s+")


def fold(text: str | None) -> str:
    """A text's words, case-folded, one space between them (punctuation gone)."""
    return _NON_WORD.sub(" ", text or "").strip().casefold()


def strip_site_tail(title: str, site_name: str | None = None) -> str:
    """Drop a " | Site" / " - Site" tail (or a "Site | " head) from a document title."""
    site = fold(site_name)
    if site:
        m = _TITLE_HEAD.match(title)
        if m and fold(m.group(0)) == site:
            return title[m.end() :].strip()
        m = _TITLE_TAIL.search(title)
        if m and fold(m.group(0)) == site and m.start() > 0:
            return title[: m.start()].strip()
    stripped = _TITLE_TAIL.sub("", title)
    return stripped if len(stripped) >= 10 else title


def is_home_url(url: str | None) -> bool:
    """Whether a URL is a site's home page (no path, no query)."""
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query

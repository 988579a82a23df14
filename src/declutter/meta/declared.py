"""The authors a page declares: JSON-LD's author and creator, and the author meta tags.

What the page shows (by-lines, rel and itemprop markup) is ``authors.py``'s; these are the
sources it asks first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .jsonld import JsonLd, first_text, node_types
from .names import URL_ONLY, fold_name, split_authors, user_name

#: Dublin Core's creator first: a deliberate declaration, where "author" is often the CMS's user.
_AUTHOR_KEYS = (
    "dc.creator", "dc:creator", "dcterms.creator", "author", "byl", "article:author",
    "og:article:author", "parsely-author", "sailthru.author", "citation_author",
    "book:author", "twitter:data1:author",
)  # fmt: skip


def jsonld_authors(jsonld: JsonLd) -> tuple[list[str], list[str]]:
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
                    kinds = node_types(item)
                    if kinds & {"Organization", "NewsMediaOrganization", "Corporation", "WebSite"}:
                        orgs.append(name)
                    else:
                        found = split_authors(name)
                        # A declared Person known by a user name ("ron1cne" on a forum).
                        handle = user_name(name) if not found and "Person" in kinds else None
                        persons.extend(found or ([handle] if handle else []))
            if persons:
                break
        if persons:
            break
    return persons, orgs


#: The label of a "twitter:labelN" / "twitter:dataN" pair that names the author.
_WRITTEN_BY = re.compile(r"^\s*(?:written\s+by|author|by)\s*:?\s*$", re.IGNORECASE)


def meta_values(metas: dict[str, list[str]]) -> Iterator[list[str]]:
    for key in _AUTHOR_KEYS:
        yield metas.get(key, [])
    for i in range(1, 5):
        labels = metas.get(f"twitter:label{i}", [])
        if labels and _WRITTEN_BY.match(labels[0]):
            yield metas.get(f"twitter:data{i}", [])[:1]


def meta_authors(metas: dict[str, list[str]], sites: frozenset[str]) -> tuple[list[str], list[str]]:
    """(names, names that are the site's own: an organisation, asked for last)."""
    site_named: list[str] = []
    for values in meta_values(metas):
        names: list[str] = []
        for value in values:
            if URL_ONLY.match(value) or value.strip().startswith("@"):
                continue
            for name in split_authors(value):
                (site_named if fold_name(name) in sites else names).append(name)
        if names:
            return names, site_named
    return [], site_named


def declared_strings(jsonld: JsonLd, metas: dict[str, list[str]]) -> Iterator[str]:
    for node in jsonld.articles():
        for key in ("author", "creator"):
            value: Any = node.get(key)
            for item in value if isinstance(value, list) else [value]:
                item = jsonld.resolve(item)
                name = first_text(item.get("name")) if isinstance(item, dict) else item
                if isinstance(name, str):
                    yield name
    for values in meta_values(metas):
        yield from values

"""The site's name learnt from its headlines across a batch.

A site whose pages declare no name (no ``og:site_name``, a host that does not spell it) still
signs every ``<title>`` the same way: "Story one | Obscure Brand", "Story two | Obscure Brand".
A side of the headline (its first or last part between separators) found on at least
``RATIO`` of a site's distinct headlines, and on at least ``MIN_PAGES`` of them, is the site's
name and comes off every headline of that site where it is still on.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..meta.sitename import SiteKeys, compact, split_title, strip_site

if TYPE_CHECKING:
    from .jobs import Outcome

RATIO = 0.5
MIN_PAGES = 3


@dataclass
class _Titles:
    sides: Counter[str] = field(default_factory=Counter)
    headlines: set[str] = field(default_factory=set)


class TitleLearner:
    """Counts each site's headline sides and strips the ones that are its name."""

    def __init__(self) -> None:
        self.sites: dict[str, _Titles] = {}

    def observe(self, outcome: Outcome) -> None:
        headline = outcome.article.headline if outcome.article is not None else None
        if outcome.site is None or not headline:
            return
        site = self.sites.setdefault(outcome.site, _Titles())
        if headline in site.headlines:
            return
        site.headlines.add(headline)
        parts = split_title(headline)
        if len(parts) > 1:
            site.sides.update({compact(parts[0]), compact(parts[-1])} - {""})

    def learnt(self, site: str) -> frozenset[str]:
        titles = self.sites.get(site)
        if titles is None:
            return frozenset()
        need = max(MIN_PAGES, math.ceil(RATIO * len(titles.headlines)))
        return frozenset(side for side, n in titles.sides.items() if n >= need)

    def apply(self, outcome: Outcome) -> Outcome:
        """The outcome with the site's learnt name taken off its headline."""
        article = outcome.article
        if outcome.site is None or article is None or not article.headline:
            return outcome
        learnt = self.learnt(outcome.site)
        if not learnt:
            return outcome
        stripped, changed = strip_site(article.headline, SiteKeys(learnt=learnt))
        if not changed:
            return outcome
        sources = dict(article.sources)
        if "headline" in sources:
            sources["headline"] += " (site name learnt from the batch)"
        return replace(outcome, article=replace(article, headline=stripped, sources=sources))

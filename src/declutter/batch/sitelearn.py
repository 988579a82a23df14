"""Site boilerplate learning: blocks that recur on many pages of one site are its template.

Within a batch, pages are grouped by site (the host of a URL, or the folder of a local file).
The first pages of each site are held back until the site is understood — when a window of
distinct pages has been seen, or when no more pages of the site can come (the directory walk
has moved on, or the input is exhausted).  Then every short block that appears on at least
``RATIO`` of those distinct pages (and on at least ``MIN_PAGES`` of them) is the site's template
("Exit mobile version", a footer blurb, a newsletter line) and is dropped from every page of
the site, held or still to come, even where the single-page extractor kept it.

Safeguards: identical pages count once (a corpus that repeats pages teaches nothing); long
blocks are never template; a page whose every block would go keeps its blocks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Block, Removed
from ..patterns import QUOTE_FOLD
from .titlelearn import TitleLearner

if TYPE_CHECKING:
    from .jobs import Job, Outcome

#: Distinct pages of a site seen before its template is decided.
WINDOW = 24
#: A block is template when it is on at least this share of the site's distinct pages …
RATIO = 0.5
#: … and on at least this many of them (a site of two pages teaches nothing).
MIN_PAGES = 3
#: Blocks longer than this (in characters) are content, however often they recur.
MAX_LEN = 300
#: Held outcomes across all sites before the biggest undecided site is decided early.
MAX_HELD = 400

_SPACE = re.compile(r"\s+")
_LEARNABLE = {"paragraph", "heading", "quote", "list"}


def _placed(
    removed: tuple[Removed, ...], gone: list[Removed], spots: list[int]
) -> tuple[Removed, ...]:
    """Both lists in page order, each ``at`` counting only the body blocks that remain."""
    order: list[tuple[float, Removed]] = []
    for r in removed:
        if r.at is None:
            order.append((math.inf, r))
            continue
        # it stood before block ``r.at``: fewer blocks stand before it once some are gone
        left = r.at - sum(1 for i in spots if i < r.at)
        order.append((r.at - 0.5, Removed(r.text, r.reason, left)))
    order += [(float(i), r) for i, r in zip(spots, gone, strict=True)]
    return tuple(r for _, r in sorted(order, key=lambda pair: pair[0]))


def fingerprint(block: Block) -> str | None:
    """The comparable form of a short block (case, quotes and white space folded), or None."""
    if block.type not in _LEARNABLE:
        return None
    text = block.plain
    if not text or len(text) > MAX_LEN:
        return None
    return f"{block.type}:{_SPACE.sub(' ', text.translate(QUOTE_FOLD)).strip().casefold()}"


@dataclass
class _Site:
    counts: Counter[str] = field(default_factory=Counter)
    pages: set[int] = field(default_factory=set)  # hashes of distinct page texts
    held: list[Outcome] = field(default_factory=list)
    outstanding: int = 0
    closed: bool = False
    template: dict[str, int] | None = None  # decided: fingerprint -> pages it was on

    @property
    def distinct(self) -> int:
        return len(self.pages)


class SiteLearner:
    """Holds, learns and filters outcomes site by site (see the module docstring)."""

    def __init__(self, *, explain: bool = False) -> None:
        self.explain = explain
        self.sites: dict[str, _Site] = {}
        self.held = 0
        self.dropped = 0
        self._last_site: str | None = None
        self._last_grouped = False
        self.titles = TitleLearner()  # the site's name on its headlines, learnt alike

    # -- bookkeeping of the input stream -----------------------------------------------------

    def expect(self, job: Job) -> None:
        """A job of ``job.site`` was produced.

        In a directory walk (``job.grouped``) a site's pages come together, so the previous
        site is closed when another begins; URL lists and archives interleave their hosts, and
        their sites are decided by the window, the cap on held pages, or the end of the input.
        """
        if job.site is None:
            return
        site = self.sites.setdefault(job.site, _Site())
        site.outstanding += 1
        site.closed = False
        if self._last_site is not None and self._last_site != job.site:
            prev = self.sites.get(self._last_site)
            if prev is not None and self._last_grouped:
                prev.closed = True
        self._last_site = job.site
        self._last_grouped = job.grouped

    # -- outcomes ----------------------------------------------------------------------------

    def add(self, outcome: Outcome) -> list[Outcome]:
        """Take one outcome; return the outcomes that are now final (possibly none)."""
        if outcome.site is None or outcome.site not in self.sites:
            return [outcome]
        self.titles.observe(outcome)
        site = self.sites[outcome.site]
        site.outstanding = max(0, site.outstanding - 1)
        if outcome.status == "skipped":
            return [outcome, *self._maybe_decide(site)]
        if site.template is not None:
            return [self._apply(site, outcome)]
        if outcome.article is not None and outcome.article.blocks:
            key = hash(outcome.article.text)
            if key not in site.pages:
                site.pages.add(key)
                site.counts.update(
                    {fp for fp in (fingerprint(b) for b in outcome.article.blocks) if fp}
                )
        site.held.append(outcome)
        self.held += 1
        released = self._maybe_decide(site)
        if self.held > MAX_HELD:
            biggest = max(self.sites.values(), key=lambda s: len(s.held))
            released += self._decide(biggest)
        return released

    def flush_all(self) -> list[Outcome]:
        """The input is exhausted: decide every site, release everything held."""
        out: list[Outcome] = []
        for site in self.sites.values():
            out += self._decide(site)
        return sorted(out, key=lambda o: o.index)

    # -- internals ---------------------------------------------------------------------------

    def _maybe_decide(self, site: _Site) -> list[Outcome]:
        if site.template is None and (
            site.distinct >= WINDOW or (site.closed and site.outstanding == 0)
        ):
            return self._decide(site)
        return []

    def _decide(self, site: _Site) -> list[Outcome]:
        if site.template is None:
            n = site.distinct
            need = max(MIN_PAGES, math.ceil(RATIO * n))
            site.template = (
                {fp: c for fp, c in site.counts.items() if c >= need} if n >= MIN_PAGES else {}
            )
            site.counts = Counter()
        held, site.held = site.held, []
        self.held -= len(held)
        return [self._apply(site, o) for o in held]

    def _apply(self, site: _Site, outcome: Outcome) -> Outcome:
        outcome = self.titles.apply(outcome)
        article = outcome.article
        if not site.template or article is None or not article.blocks:
            return outcome
        keep: list[Block] = []
        gone: list[Removed] = []
        spots: list[int] = []  # where each dropped block stood among the page's blocks
        total = len(site.pages)
        for i, b in enumerate(article.blocks):
            fp = fingerprint(b)
            if fp is not None and fp in site.template:
                reason = f"site template: on {site.template[fp]} of {total} pages of this site"
                gone.append(Removed(b.plain, reason, len(keep)))
                spots.append(i)
            else:
                keep.append(b)
        if not gone or not keep:
            return outcome
        self.dropped += len(gone)
        removed = _placed(article.removed, gone, spots) if self.explain else article.removed
        new = replace(article, blocks=tuple(keep), removed=removed)
        return replace(outcome, article=new)

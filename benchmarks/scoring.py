"""One scorer shared by benchmarks/quality.py and the quality floors in the tests.

The scrapinghub article-extraction-benchmark method: word tokens (runs of \\w, case kept),
multisets of 4-token shingles; per page precision = shared / extracted and recall =
shared / reference; both averaged over the pages, F1 taken of the two averages.  A page with
nothing extracted adds no precision term but a recall of 0.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TypeVar

from lxml import html

import declutter

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_pr(extracted: str, reference: str) -> tuple[float | None, float]:
    """(precision or None when nothing was extracted, recall) of one page."""
    got, want = shingles(extracted), shingles(reference)
    shared = sum((got & want).values())
    precision = shared / sum(got.values()) if got else None
    recall = shared / sum(want.values()) if want else 1.0
    return precision, recall


@dataclass
class PageScore:
    id: str
    precision: float | None
    recall: float
    extracted: str
    reference: str
    seconds: float

    @property
    def f1(self) -> float:
        p = self.precision or 0.0
        return 2 * p * self.recall / (p + self.recall) if p + self.recall else 0.0


@dataclass
class CorpusScore:
    name: str
    pages: list[PageScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        ps = [p.precision for p in self.pages if p.precision is not None]
        return sum(ps) / len(ps) if ps else 0.0

    @property
    def recall(self) -> float:
        return sum(p.recall for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def ms_per_page(self) -> float:
        return 1000 * sum(p.seconds for p in self.pages) / max(len(self.pages), 1)


Extractor = Callable[[bytes, str | None, str], str]


def declutter_text(data: bytes, url: str | None, kind: str) -> str:
    return declutter.extract(data, url=url, input=kind).text  # type: ignore[arg-type]


def scrapinghub_pages(variant: str = "html") -> Iterator[tuple[str, bytes, str | None, str]]:
    """(id, raw bytes, url, reference body) for each page of a scrapinghub variant."""
    truth = json.loads((CORPUS / "scrapinghub" / "ground-truth.json").read_text("utf-8"))
    for pid in sorted(truth):
        ref = truth[pid]
        if variant == "html":
            data = gzip.decompress(
                (CORPUS / "scrapinghub" / "html" / f"{pid}.html.gz").read_bytes()
            )
        elif variant == "text":
            data = (CORPUS / "scrapinghub-text" / f"{pid}.txt").read_bytes()
        else:
            data = (CORPUS / "scrapinghub-md" / f"{pid}.md").read_bytes()
        yield pid, data, ref.get("url"), ref["articleBody"]


def score_scrapinghub(variant: str = "html", extractor: Extractor = declutter_text) -> CorpusScore:
    kind = {"html": "html", "text": "text", "md": "markdown"}[variant]
    result = CorpusScore(f"scrapinghub-{variant}" if variant != "html" else "scrapinghub")
    for pid, data, url, reference in scrapinghub_pages(variant):
        t0 = time.perf_counter()
        extracted = extractor(data, url, kind)
        dt = time.perf_counter() - t0
        p, r = page_pr(extracted, reference)
        result.pages.append(PageScore(pid, p, r, extracted, reference, dt))
    return result


READABILITY_URL = "http://fakehost/test/page.html"


def readability_cases() -> Iterator[tuple[str, bytes, str, dict[str, object]]]:
    """(slug, source bytes, expected body text, expected metadata) for each readability case."""
    root = CORPUS / "readability"
    for case in sorted(p for p in root.iterdir() if p.is_dir()):
        source = (case / "source.html").read_bytes()
        expected = html.fromstring((case / "expected.html").read_text("utf-8"))
        body = "\n".join(t.strip() for t in expected.itertext() if t.strip())
        meta_path = case / "expected-metadata.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        yield case.name, source, body, meta


#: What in an expected by-line is not a name: an address or an aside in brackets ("Bradley M.
#: Kuhn (http://ebb.org/bkuhn/)").
_NOT_NAME = re.compile(r"\([^)]*\)|\S+://\S+")
_LEADING_BY = re.compile(r"^\s*by\b[\s:]*", re.IGNORECASE)


def byline_name_part(expected: str) -> str:
    """The part of an expected by-line that names people: its first non-empty line (the outlet
    or a date often follows on the next, "By Kelli Miller\\n WebMD Health News"), without
    addresses and bracketed asides."""
    text = _LEADING_BY.sub("", expected)
    first = next((line for line in text.splitlines() if line.strip()), "")
    return _NOT_NAME.sub(" ", first)


def byline_matched(expected: str, authors: Iterable[str]) -> bool:
    """At least half of the expected byline's name tokens (runs of \\w of its name part, case
    folded) are among the tokens of the extracted authors."""
    want = [w.casefold() for w in _TOKEN.findall(byline_name_part(expected))]
    got = {w.casefold() for name in authors for w in _TOKEN.findall(name)}
    return bool(want) and sum(1 for w in set(want) if w in got) >= 0.5 * len(set(want))


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


@dataclass
class ReadabilityScore:
    body: CorpusScore
    headline_hits: int = 0
    headline_total: int = 0
    #: Pages whose expected byline is matched by any author at all (byline_found) and by at
    #: least half of its name tokens (byline_matched).
    byline_hits: int = 0
    byline_matches: int = 0
    byline_total: int = 0
    lang_hits: int = 0
    lang_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def headline_accuracy(self) -> float:
        return self.headline_hits / max(self.headline_total, 1)

    @property
    def byline_found(self) -> float:
        return self.byline_hits / max(self.byline_total, 1)

    @property
    def byline_matched(self) -> float:
        return self.byline_matches / max(self.byline_total, 1)

    @property
    def language_accuracy(self) -> float:
        return self.lang_hits / max(self.lang_total, 1)


def score_readability() -> ReadabilityScore:
    result = ReadabilityScore(CorpusScore("readability"))
    for slug, source, body, meta in readability_cases():
        t0 = time.perf_counter()
        article = declutter.extract(source, url=READABILITY_URL)
        dt = time.perf_counter() - t0
        p, r = page_pr(article.text, body)
        result.body.pages.append(PageScore(slug, p, r, article.text, body, dt))
        title = meta.get("title")
        if isinstance(title, str) and title.strip():
            result.headline_total += 1
            if fold(article.headline) == fold(title):
                result.headline_hits += 1
            else:
                result.misses.append(f"{slug}: headline {article.headline!r} != {title!r}")
        byline = meta.get("byline")
        if isinstance(byline, str) and byline.strip():
            result.byline_total += 1
            if article.authors:
                result.byline_hits += 1
            else:
                result.misses.append(f"{slug}: no byline (want {byline!r})")
            if byline_matched(byline, article.authors):
                result.byline_matches += 1
            elif article.authors:
                result.misses.append(f"{slug}: byline {list(article.authors)!r} !~ {byline!r}")
        lang = meta.get("lang")
        if isinstance(lang, str) and lang.strip():
            result.lang_total += 1
            got = (article.language or "").lower().split("-")[0]
            if got == lang.lower().split("-")[0]:
                result.lang_hits += 1
            else:
                result.misses.append(f"{slug}: language {article.language!r} != {lang!r}")
    return result


# --- WCXB (wcxb-dev): bag-of-words precision / recall / F1 per page, mean over the pages ---------

#: The repository root; the shared corpora, when this machine has them, sit beside it.
REPO = Path(__file__).resolve().parent.parent
WCXB_SAMPLE = CORPUS / "wcxb-dev"
WCXB_FULL = REPO.parent / "shared" / "corpus" / "wcxb-dev"
WCXB_TYPES = (
    "article",
    "collection",
    "documentation",
    "forum",
    "listing",
    "product",
    "service",
)
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def wcxb_root(full: bool | None = None) -> Path:
    """The wcxb-dev folder to score: the whole shared set or the sample in tests/corpus.

    ``full=None`` takes the whole set when ``<repo>/../shared/corpus/wcxb-dev`` exists, else the
    sample; ``True`` insists on the whole set, ``False`` on the sample.
    """
    if full is None:
        full = (WCXB_FULL / "ground-truth").is_dir()
    if full and not (WCXB_FULL / "ground-truth").is_dir():
        raise FileNotFoundError(f"the whole wcxb-dev set is not at {WCXB_FULL}")
    return WCXB_FULL if full else WCXB_SAMPLE


def words(text: str | None) -> Counter[str]:
    """The multiset of words (runs of \\w, lower case) of a text."""
    return Counter(w.lower() for w in _TOKEN.findall(text or ""))


def word_prf(extracted: str, reference: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of one page over word multisets, as WCXB's evaluate.py.

    An empty reference with an empty answer scores 1; an empty side against a non-empty one
    scores 0.
    """
    got, want = words(extracted), words(reference)
    n_got, n_want = sum(got.values()), sum(want.values())
    if not n_got and not n_want:
        return 1.0, 1.0, 1.0
    if not n_got or not n_want:
        return 0.0, 0.0, 0.0
    shared = sum((got & want).values())
    p, r = shared / n_got, shared / n_want
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def title_key(text: str | None) -> str:
    """A title compared as WCXB does: case folded, surrounding punctuation and space trimmed."""
    return _PUNCT_EDGES.sub("", re.sub(r"\s+", " ", (text or "").casefold()))


def name_tokens(text: str | None) -> set[str]:
    return {w.casefold() for w in _TOKEN.findall(text or "")}


def author_found(reference: str | None, authors: Iterable[str]) -> bool:
    """At least half of the smaller name-token set (reference vs ours) is shared."""
    want = name_tokens(reference)
    got: set[str] = set()
    for name in authors:
        got |= name_tokens(name)
    if not want or not got:
        return False
    return len(want & got) >= 0.5 * min(len(want), len(got))


def date_right(reference: str | None, published: str | None) -> bool:
    """The day (YYYY-MM-DD) of the reference date is the day of ours.  A reference holding only
    a month (YYYY-MM) is compared to that precision."""
    ref = (reference or "").strip()[:10]
    return bool(ref) and (published or "").strip()[: len(ref)] == ref


@dataclass
class WcxbPage:
    """One wcxb-dev page's ground truth (the HTML is read when scored)."""

    id: str
    url: str | None
    page_type: str
    reference: str
    title: str | None
    author: str | None
    date: str | None
    html_path: Path


def wcxb_pages(root: Path | None = None, page_type: str | None = None) -> list[WcxbPage]:
    """The pages of a wcxb-dev folder in id order, optionally of one page type only."""
    root = root or wcxb_root()
    pages: list[WcxbPage] = []
    for path in sorted((root / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        kind = data.get("_internal", {}).get("page_type", {}).get("primary") or "unknown"
        if page_type and kind != page_type:
            continue
        truth = data.get("ground_truth", {})
        author = truth.get("author")
        date = truth.get("publish_date")
        pages.append(
            WcxbPage(
                id=path.stem,
                url=data.get("url"),
                page_type=kind,
                reference=truth.get("main_content") or "",
                title=truth.get("title"),
                author=author if isinstance(author, str) and name_tokens(author) else None,
                date=date if isinstance(date, str) and date.strip() else None,
                html_path=root / "html" / f"{path.stem}.html.gz",
            )
        )
    return pages


@dataclass
class WcxbPageScore:
    id: str
    page_type: str
    precision: float
    recall: float
    f1: float
    extracted: str
    reference: str
    seconds: float
    #: Metadata: None when the extractor gives none (a peer) or, for author and date, when the
    #: reference names none.
    title_hit: bool | None = None
    author_hit: bool | None = None
    date_hit: bool | None = None
    misses: list[str] = field(default_factory=list)


#: (data, url) -> (text, headline, authors, published); headline None when not extracted.
MetaExtractor = Callable[[bytes, str | None], tuple[str, str | None, tuple[str, ...], str | None]]


def declutter_article(
    data: bytes, url: str | None
) -> tuple[str, str | None, tuple[str, ...], str | None]:
    article = declutter.extract(data, url=url)
    return article.text, article.headline or "", tuple(article.authors), article.published


def score_wcxb_page(page: WcxbPage, extractor: MetaExtractor = declutter_article) -> WcxbPageScore:
    """Score one page (a top-level function, so a process pool can run it)."""
    data = gzip.decompress(page.html_path.read_bytes())
    t0 = time.perf_counter()
    try:
        text, headline, authors, published = extractor(data, page.url)
    except Exception as exc:  # a crash is a page with nothing extracted
        print(f"  failed on {page.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        text, headline, authors, published = "", "", (), None
    dt = time.perf_counter() - t0
    p, r, f = word_prf(text, page.reference)
    score = WcxbPageScore(page.id, page.page_type, p, r, f, text, page.reference, dt)
    if headline is not None:
        score.title_hit = title_key(headline) == title_key(page.title)
        if not score.title_hit:
            score.misses.append(f"title {headline!r} != {page.title!r}")
        if page.author:
            score.author_hit = author_found(page.author, authors)
            if not score.author_hit:
                score.misses.append(f"author {list(authors)!r} !~ {page.author!r}")
        if page.date:
            score.date_hit = date_right(page.date, published)
            if not score.date_hit:
                score.misses.append(f"date {published!r} != {page.date!r}")
    return score


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


@dataclass
class WcxbScore:
    name: str
    pages: list[WcxbPageScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _mean([p.precision for p in self.pages])

    @property
    def recall(self) -> float:
        return _mean([p.recall for p in self.pages])

    @property
    def f1(self) -> float:
        return _mean([p.f1 for p in self.pages])

    def hits(self, kind: str) -> list[float]:
        """1.0 / 0.0 per page for ``title``, ``author`` or ``date`` where the page is counted."""
        values = (getattr(p, f"{kind}_hit") for p in self.pages)
        return [1.0 if v else 0.0 for v in values if v is not None]

    @property
    def title_accuracy(self) -> float:
        return _mean(self.hits("title"))

    @property
    def author_found(self) -> float:
        return _mean(self.hits("author"))

    @property
    def date_right(self) -> float:
        return _mean(self.hits("date"))

    @property
    def ms_per_page(self) -> float:
        return 1000 * sum(p.seconds for p in self.pages) / max(len(self.pages), 1)

    def by_type(self) -> dict[str, WcxbScore]:
        out: dict[str, WcxbScore] = {}
        for page in self.pages:
            out.setdefault(page.page_type, WcxbScore(page.page_type)).pages.append(page)
        return dict(sorted(out.items()))


def score_wcxb(
    root: Path | None = None,
    page_type: str | None = None,
    extractor: MetaExtractor = declutter_article,
    processes: int = 1,
    name: str = "wcxb-dev",
) -> WcxbScore:
    """Score a wcxb-dev folder (the sample or the whole set), in a pool when ``processes > 1``.

    ``extractor`` must be a module-level function when a pool is used.
    """
    pages = wcxb_pages(root, page_type)
    result = WcxbScore(name)
    if processes > 1 and len(pages) > 1:
        import multiprocessing

        work = partial(score_wcxb_page, extractor=extractor)
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            result.pages = pool.map(work, pages, chunksize=4)
    else:
        result.pages = [score_wcxb_page(page, extractor) for page in pages]
    return result


# --- bootstrap spread ------------------------------------------------------------------------

T = TypeVar("T")


def bootstrap_sd(
    items: Sequence[T],
    statistic: Callable[[list[T]], float],
    resamples: int = 200,
    seed: int = 20261125,
) -> float:
    """The standard deviation of ``statistic`` over ``resamples`` resamplings of the items (with
    replacement, same size, fixed seed): how far the figure moves on another draw of pages."""
    n = len(items)
    if n < 2:
        return 0.0
    rng = random.Random(seed)
    values = [statistic(rng.choices(items, k=n)) for _ in range(resamples)]
    mean = sum(values) / resamples
    return (sum((v - mean) ** 2 for v in values) / (resamples - 1)) ** 0.5


def mean_sd(values: Sequence[float], resamples: int = 200, seed: int = 20261125) -> float:
    """bootstrap_sd of a plain mean."""
    return bootstrap_sd(values, _mean, resamples, seed)


@cache
def wcxb_sample_score() -> WcxbScore:
    """The sample in tests/corpus/wcxb-dev scored once per process (the floors in two test
    modules read it)."""
    return score_wcxb(WCXB_SAMPLE, processes=2, name="wcxb-sample")

"""One scorer shared by benchmarks/quality.py and the quality floors in the tests.

The scrapinghub article-extraction-benchmark method: word tokens (runs of \\w, case kept),
multisets of 4-token shingles; per page precision = shared / extracted and recall =
shared / reference; both averaged over the pages, F1 taken of the two averages.  A page with
nothing extracted adds no precision term but a recall of 0.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

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


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


@dataclass
class ReadabilityScore:
    body: CorpusScore
    headline_hits: int = 0
    headline_total: int = 0
    byline_hits: int = 0
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
        lang = meta.get("lang")
        if isinstance(lang, str) and lang.strip():
            result.lang_total += 1
            got = (article.language or "").lower().split("-")[0]
            if got == lang.lower().split("-")[0]:
                result.lang_hits += 1
            else:
                result.misses.append(f"{slug}: language {article.language!r} != {lang!r}")
    return result

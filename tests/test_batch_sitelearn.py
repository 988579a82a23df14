"""Site boilerplate learning, unit by unit (no extraction: articles are built by hand)."""

from __future__ import annotations

from declutter.batch import Job, Outcome
from declutter.batch.sitelearn import WINDOW, SiteLearner
from declutter.model import Article, Block

FOOTER = "Support independent journalism: become a member today."


def article(i: int, host: str, footer: bool = True) -> Article:
    blocks = [
        Block("paragraph", text=f"Story {i} from {host}: a paragraph that is only on this page."),
        Block("paragraph", text=f"Another sentence that belongs to story {i} of {host} alone."),
    ]
    if footer:
        blocks.append(Block("paragraph", text=FOOTER))
    return Article(source=f"https://{host}/{i}", blocks=tuple(blocks))


def run(learner: SiteLearner, jobs: list[Job], articles: dict[int, Article]) -> list[Outcome]:
    out: list[Outcome] = []
    for job in jobs:
        learner.expect(job)
    for job in jobs:
        a = articles[job.index]
        out += learner.add(Outcome(job.index, job.source, article=a, site=job.site))
    out += learner.flush_all()
    return sorted(out, key=lambda o: o.index)


def test_interleaved_hosts_learn_their_own_template() -> None:
    jobs, arts = [], {}
    for i in range(12):
        host = "a.example" if i % 2 == 0 else "b.example"
        jobs.append(Job(i, f"https://{host}/{i}", site=host))
        arts[i] = article(i, host, footer=(host == "a.example"))
    learner = SiteLearner(explain=True)
    outs = run(learner, jobs, arts)
    assert len(outs) == 12
    for o in outs:
        assert o.article is not None
        assert FOOTER not in o.article.text
        assert len(o.article.blocks) == 2
    a_removed = [r for r in outs[0].article.removed if r.text == FOOTER]  # type: ignore[union-attr]
    assert a_removed and a_removed[0].reason.startswith("site template")
    assert learner.dropped == 6


def test_small_sites_and_long_blocks_are_left_alone() -> None:
    learner = SiteLearner()
    jobs = [Job(i, f"https://c.example/{i}", site="c.example") for i in range(2)]
    outs = run(learner, jobs, {i: article(i, "c.example") for i in range(2)})
    assert all(FOOTER in o.article.text for o in outs)  # type: ignore[union-attr]
    long = "A long paragraph repeated on every page. " * 10
    learner = SiteLearner()
    arts = {}
    for i in range(5):
        a = article(i, "d.example", footer=False)
        arts[i] = Article(source=a.source, blocks=(*a.blocks, Block("paragraph", text=long)))
    jobs = [Job(i, f"https://d.example/{i}", site="d.example") for i in range(5)]
    outs = run(learner, jobs, arts)
    assert all(long.strip() in o.article.text for o in outs)  # type: ignore[union-attr]


def test_window_releases_pages_before_the_end() -> None:
    learner = SiteLearner()
    released = []
    for i in range(WINDOW + 3):
        job = Job(i, f"https://e.example/{i}", site="e.example")
        learner.expect(job)
        released += learner.add(
            Outcome(i, job.source, article=article(i, "e.example"), site=job.site)
        )
    assert len(released) == WINDOW + 3  # decided at the window; later pages pass straight on
    assert learner.held == 0
    assert all(FOOTER not in o.article.text for o in released)  # type: ignore[union-attr]

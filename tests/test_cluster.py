"""The batch engine on a real Dask cluster (local mode: two worker processes).

Skipped when the ``cluster`` extra (dask[bag], distributed) is not installed.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from jsonschema import Draft202012Validator  # noqa: E402

import declutter  # noqa: E402
from declutter.batch import Settings  # noqa: E402
from declutter.cluster import _stream, extract_bag, extract_paths  # noqa: E402
from declutter.model import error_record  # noqa: E402
from declutter.read import read_bytes  # noqa: E402
from declutter.schema import article_schema  # noqa: E402

CORPUS = Path(__file__).parent / "corpus" / "scrapinghub" / "html"
PAGES = sorted(CORPUS.glob("*.html.gz"))[:20]
VALIDATOR = Draft202012Validator(article_schema())


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # A task whose worker dies fails at once (default: after 3 more tries), so the crash test is
    # quick; extract_paths then re-runs its partition one input at a time.
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bad")
    corrupt = root / "corrupt.html.gz"
    corrupt.write_bytes(gzip.compress(b"<html><body><p>cut short</p></body></html>" * 50)[:60])
    empty = root / "empty.html"
    empty.write_bytes(b"")
    return {"corrupt": corrupt, "empty": empty, "missing": root / "missing.html"}


def local(source: str, data: bytes) -> dict[str, Any]:
    """What the library gives on this machine for the same bytes."""
    try:
        return declutter.extract(data, source=source).to_dict()
    except declutter.DeclutterError as exc:
        return error_record(source, exc)


def valid(record: dict[str, Any]) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(record)]
    assert not errors, (record.get("source"), errors[:3])


def test_paths_one_record_each_in_order(client: Any, bad: dict[str, Path]) -> None:
    assert len(PAGES) == 20
    inputs = [*PAGES[:10], bad["corrupt"], *PAGES[10:], bad["empty"], bad["missing"]]
    records = list(extract_paths(inputs, client=client, npartitions=6))

    assert [r["source"] for r in records] == [str(p) for p in inputs]
    for record in records:
        valid(record)
    for page, record in zip(PAGES, records[:10] + records[11:21], strict=True):
        assert "error" not in record
        assert record == local(str(page), read_bytes(page))
    assert records[10]["error"]["type"] == "InputError"
    assert "gzip" in records[10]["error"]["message"]
    # Nothing found is no error (as with `declutter batch`): an empty file is an empty article.
    assert "error" not in records[21]
    assert (records[21]["text"], records[21]["blocks"]) == ("", [])
    assert records[22]["error"] == {
        "type": "InputError",
        "message": f"{bad['missing']}: no such file",
    }


def test_pairs_bag_and_options(client: Any) -> None:
    pairs = [(f"page-{i}.html", page.read_bytes()) for i, page in enumerate(PAGES[:8])]
    pairs.insert(3, ("junk.bin", b"\x00\x01\x02" * 100))
    expected = [local(source, data) for source, data in pairs]

    # A sequence, computed by the default scheduler: the client made above.
    assert extract_bag(pairs, npartitions=3).compute() == expected
    assert expected[3]["error"]["message"] == "junk.bin: binary data, not a page"
    # A bag in; options travel to the workers.
    bag = db.from_sequence(pairs, npartitions=2)
    explained = extract_bag(bag, options=declutter.Options(explain=True)).compute()
    assert [r["source"] for r in explained] == [s for s, _ in pairs]
    assert all("removed" in r for r in explained if "error" not in r)
    for record in explained:
        valid(record)


def test_unusable_items_are_error_records(client: Any) -> None:
    items: list[Any] = ["https://example.com/a", "-", ("x.html", "not bytes"), 42]
    records = list(extract_paths(items, client=client))
    assert [r["source"] for r in records] == ["https://example.com/a", "-", "x.html", "<int>"]
    assert all(r["error"]["type"] == "InputError" for r in records)
    assert list(extract_paths([], client=client)) == []


def test_dask_is_not_imported_by_declutter() -> None:
    code = (
        "import sys, declutter, declutter.cluster\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_worker_crash_is_an_error_record_not_a_failed_job(client: Any) -> None:
    # The batch's test hook: a worker whose input's source holds this value exits at once.
    settings = Settings(hooks=(None, None, "crash-me"))
    pairs = [(f"page-{i}.html", page.read_bytes()) for i, page in enumerate(PAGES[:4])]
    pairs.insert(2, ("crash-me.html", b"<p>never extracted</p>"))
    records = list(_stream(client, list(pairs), settings, npartitions=2))

    assert [r["source"] for r in records] == [s for s, _ in pairs]
    assert records[2]["error"]["type"] == "InputError"
    assert "worker failed (KilledWorker" in records[2]["error"]["message"]
    for (source, data), record in zip(pairs, records, strict=True):
        valid(record)
        if source != "crash-me.html":
            assert record == local(source, data)


def test_timeout_holds_in_dask_worker_threads(client: Any) -> None:
    from test_deadline import slow_page

    pairs = [("slow.html", slow_page().encode()), ("page.html", PAGES[0].read_bytes())]
    records = list(extract_paths(pairs, client=client, timeout=0.5, npartitions=2))
    assert records[0]["error"]["type"] == "ExtractTimeout"
    assert records[1] == local("page.html", pairs[1][1])

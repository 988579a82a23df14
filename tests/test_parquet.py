"""``--format parquet``: read back with pyarrow, row for row the records of ``--format jsonl``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from declutter.batch.parquet import columns
from declutter.cli import app
from declutter.schema import article_schema

pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")

CORPUS = Path(__file__).parent / "corpus" / "scrapinghub" / "html"
runner = CliRunner()
#: Keys every article has (null or empty when nothing was found); the others only when set.
REQUIRED = set(article_schema()["$defs"]["article"]["required"])


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    for page in sorted(CORPUS.glob("*.html.gz"))[50:56]:
        shutil.copy(page, root / page.name)
    (root / "binary.html").write_bytes(bytes(range(256)) * 8)
    return root


def as_record(row: dict[str, object]) -> dict[str, object]:
    """A Parquet row back in the JSON record's shape: JSON text parsed, absent keys dropped."""
    record: dict[str, object] = {}
    for name, kind in columns():
        value = row[name]
        if kind == "json" and value is not None:
            value = json.loads(str(value))
        if value is not None or name in REQUIRED:
            record[name] = value
    if "error" in record:
        return {k: record[k] for k in ("schema_version", "source", "error")}
    return record


def test_one_parquet_file_equals_the_jsonl_records(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    args = [str(pages), "-q", "-j", "1", "--no-learn"]
    assert runner.invoke(app, [*args, "-f", "parquet", "-o", str(out)]).exit_code == 1
    jsonl = runner.invoke(app, [*args, "-f", "jsonl"]).stdout.splitlines()
    table = pq.read_table(out)
    assert table.schema.names == [name for name, _ in columns()]
    assert table.schema.field("authors").type == pa.list_(pa.string())
    assert table.schema.field("blocks").type == pa.string()
    assert table.schema.field("schema_version").type == pa.int64()
    rows = [as_record(r) for r in table.to_pylist()]
    # Every key the schema declares comes back as it was written.
    names = {name for name, _ in columns()}
    expected = [{k: v for k, v in json.loads(line).items() if k in names} for line in jsonl]
    assert rows == expected
    assert rows[0]["blocks"] and isinstance(rows[0]["blocks"], list)


def test_a_tree_of_parquet_files_and_no_stream(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "tree"
    result = runner.invoke(app, [str(pages), "-q", "-f", "parquet", "-o", f"{out}/"])
    assert result.exit_code == 1
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 7 and all(f.endswith(".parquet") for f in files)
    one = pq.read_table(out / "binary.html.parquet").to_pylist()
    assert json.loads(one[0]["error"])["type"] == "InputError"
    result = runner.invoke(app, [str(pages), "-q", "-f", "parquet"])
    assert result.exit_code == 2 and "needs -o" in result.stderr

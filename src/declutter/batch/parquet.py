"""``--format parquet``: records as rows of a fixed Arrow schema (optional ``parquet`` extra).

The columns are derived from the record's JSON Schema, so a key added there becomes a column
here: strings (nullable) as ``string``, lists of strings as ``list<string>``, the integer
version as ``int64``, and what has structure (``blocks``, ``removed``, an error record's
``error``) as JSON text, which every reader of crawl data can parse back.  Article and error
records share the one schema; what a record lacks is null.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import IO, Any

#: Rows buffered before a row group is written (bounded memory on long streams).
ROW_GROUP = 1000

PARQUET_EXTRA = "pip install 'declutter[parquet]'"


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise RuntimeError(f"--format parquet needs pyarrow: {PARQUET_EXTRA}") from None
    return pyarrow


def _kind(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    """ "int", "str", "strlist" or "json" for one property of the JSON Schema."""
    ref = spec.get("$ref")
    if ref:
        return _kind(defs[ref.rsplit("/", 1)[-1]], defs)
    if "const" in spec:
        return "int" if isinstance(spec["const"], int) else "str"
    if "enum" in spec:
        return "str"
    types = spec.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    types = [t for t in types if t != "null"]
    if types == ["integer"]:
        return "int"
    if types == ["string"]:
        return "str"
    if types == ["array"] and _kind(spec.get("items", {}), defs) == "str":
        return "strlist"
    return "json"


@lru_cache(maxsize=1)
def columns() -> tuple[tuple[str, str], ...]:
    """(name, kind) of every column: the article's keys, then the error record's."""
    from ..schema import article_schema

    schema = article_schema()
    defs = schema["$defs"]
    found: dict[str, str] = {}
    for part in ("article", "error"):
        for name, spec in defs[part]["properties"].items():
            found.setdefault(name, _kind(spec, defs))
    return tuple(found.items())


def arrow_schema() -> Any:
    pa = _pyarrow()
    types = {"int": pa.int64(), "str": pa.string(), "strlist": pa.list_(pa.string())}
    return pa.schema([(name, types.get(kind, pa.string())) for name, kind in columns()])


def _cell(value: Any, kind: str) -> Any:
    if value is None or kind in ("int", "str", "strlist"):
        return value
    return json.dumps(value, ensure_ascii=False)


class ParquetStream:
    """Records in, one Parquet file out (written to ``stream``, closed by :meth:`close`)."""

    def __init__(self, stream: IO[bytes]) -> None:
        pq = _pyarrow().parquet
        self.schema = arrow_schema()
        self.writer = pq.ParquetWriter(stream, self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self.rows.append({name: _cell(record.get(name), kind) for name, kind in columns()})
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            pa = _pyarrow()
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()

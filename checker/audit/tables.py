"""The audit's two Parquet tables, one file per partition in each: their Arrow schemas, and
how a partition's files are written (complete or not at all) and found again.

    DIR/findings/part-00000.parquet     one row a finding
    DIR/documents/part-00000.parquet    one row a document
    DIR/done/part-00000.json            the partition's counts; written last: it is done

Each folder reads as one table (`pyarrow.dataset.dataset(DIR / "findings")`,
`pandas.read_parquet`, DuckDB's `read_parquet('DIR/findings/*.parquet')`, Spark). A file is
written under a temporary name and renamed, so a reader, and a rerun after an interruption,
never sees half a file; a partition that is checked twice (Dask retries the tasks of a lost
worker) writes the same rows under the same names, so no document is ever listed twice.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa


@cache
def schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each table (built on first use: pyarrow is imported only by an
    audit, and this module's docs and names stay importable without it)."""
    import pyarrow as pa

    related = pa.struct([("section", pa.string()), ("line", pa.int32()),
                         ("column", pa.int32()), ("text", pa.string())])
    fact = pa.struct([("kind", pa.string()), ("value", pa.string()), ("text", pa.string()),
                      ("section", pa.string()), ("line", pa.int32()), ("column", pa.int32())])
    findings = pa.schema([
        ("id", pa.string()), ("path", pa.string()), ("code", pa.string()),
        ("name", pa.string()), ("severity", pa.string()), ("category", pa.string()),
        ("fact", pa.string()), ("section", pa.string()), ("line", pa.int32()),
        ("column", pa.int32()), ("end_line", pa.int32()), ("end_column", pa.int32()),
        ("message", pa.string()), ("related", pa.list_(related)),
    ])
    documents = pa.schema([
        ("id", pa.string()), ("path", pa.string()), ("lang", pa.string()),
        ("format", pa.string()), ("verdict", pa.string()), ("error_count", pa.int32()),
        ("warning_count", pa.int32()), ("info_count", pa.int32()),
        ("facts", pa.list_(fact)), ("date", pa.string()), ("error", pa.string()),
        ("partition", pa.int32()),
    ])
    return {"findings": findings, "documents": documents}


def part_name(index: int) -> str:
    return f"part-{index:05d}"


def done_path(out: Path, index: int) -> Path:
    return out / "done" / f"{part_name(index)}.json"


def read_done(out: Path, index: int) -> dict[str, Any] | None:
    """The counts of a partition already written, or None."""
    try:
        return json.loads(done_path(out, index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_partition(out: Path, index: int, rows: dict[str, list[dict]], counts: dict) -> None:
    """The partition's rows of each table, then its counts (the mark that it is done)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = part_name(index)
    for table, schema in schemas().items():
        path = out / table / f"{name}.parquet"
        _replace(path, lambda temporary, table=table, schema=schema: pq.write_table(
            pa.Table.from_pylist(rows[table], schema=schema), temporary, compression="zstd"))
    _replace(done_path(out, index), lambda temporary: Path(temporary).write_text(
        json.dumps(counts, ensure_ascii=False, sort_keys=True), encoding="utf-8"))


def _replace(path: Path, write) -> None:  # noqa: ANN001 - a callable taking a path
    """Write through `write(temporary path)`, then rename over `path`: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(str(temporary))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def read_table(out: Path, table: str) -> pa.Table:
    """A whole table of an audit, its partitions in order (for tests and small audits)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = schemas()[table]
    files = sorted((out / table).glob("part-*.parquet"))
    if not files:
        return schema.empty_table()
    return pa.concat_tables(pq.read_table(file, schema=schema) for file in files)

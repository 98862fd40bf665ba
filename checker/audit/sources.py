"""What an audit reads: a source cut into partitions, and the documents of one partition.

A source is a directory tree of briefs (any format), a JSON Lines file (one brief record a
line, with an `id`), or a Parquet file or directory of them (an id column and a text or
JSON-brief column). `plan` cuts it into partitions of about `size` documents, in a fixed
order, so that a rerun cuts the same partitions (`--resume`); a partition is a small
picklable description (paths, a byte range, rows of a row group), sent to wherever it is
checked and read there (`documents`), so the archive itself never passes through the
process that plans the work.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.records import split_record
from checker.discovery import briefs_in

#: Bytes read at once while cutting a JSON Lines file.
_BLOCK = 1 << 20


class SourceError(Exception):
    """The source cannot be audited: the message says why."""


@dataclass(frozen=True)
class SourceOptions:
    """How to read the source: the columns of a Parquet source."""

    id_column: str = "id"
    text_column: str = "text"
    #: The column with each brief's date; by default "date" when the source has one.
    date_column: str | None = None


@dataclass(frozen=True)
class Partition:
    """A part of the source: `files` (a directory's), or lines [start, end) bytes of a JSON
    Lines file starting at line `line`, or rows [start, end) of row group `group` of a
    Parquet file."""

    index: int
    kind: str  # files | jsonl | parquet
    count: int
    files: tuple[str, ...] = ()
    path: str = ""
    start: int = 0
    end: int = 0
    line: int = 1
    group: int = 0


@dataclass(frozen=True)
class Document:
    """One document to check: its text (None for a file, read where it is checked; a JSON
    record's metadata blanked out), where it is, and what the record says of it."""

    id: str
    path: str
    text: str | None = None
    #: The 1-based line of the source where the text starts (JSON Lines): findings move by it.
    line: int = 1
    date: str | None = None
    #: Why the record holds no brief to check (no id, no text).
    error: str | None = None


def kind_of(source: str) -> str:
    """directory, jsonl or parquet; SourceError for anything else."""
    path = Path(source)
    if path.is_dir():
        return "directory"  # of briefs, or of Parquet files (`plan` tells)
    if not path.is_file():
        raise SourceError(f"{source}: no such file or directory")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise SourceError(f"{source}: not a directory, a JSON Lines file (.jsonl, .ndjson)"
                      " or a Parquet dataset (.parquet)")


def plan(
    source: str, size: int, options: SourceOptions, exclude: str | None = None
) -> tuple[str, list[Partition]]:
    """The source's kind and its partitions of about `size` documents each, in order.
    `exclude`: a folder inside a directory source whose files are not briefs (the audit's
    own output, whose summary.json would otherwise be checked on a rerun)."""
    kind = kind_of(source)
    if kind == "directory":
        files = briefs_in(source)
        if exclude is not None:
            inside = os.path.join(os.path.abspath(exclude), "")
            files = [f for f in files if not os.path.abspath(f).startswith(inside)]
        if not files:
            if any(Path(source).rglob("*.parquet")):
                return "parquet", _parquet_partitions(source, size, options)
            raise SourceError(f"{source}: no briefs found (nor Parquet files)")
        return kind, [Partition(index=i, kind="files", count=len(part), files=tuple(part))
                      for i, part in enumerate(files[s:s + size]
                                               for s in range(0, len(files), size))]
    if kind == "jsonl":
        return kind, _jsonl_partitions(source, size)
    return kind, _parquet_partitions(source, size, options)


def _jsonl_partitions(source: str, size: int) -> list[Partition]:
    """Byte ranges of `size` lines each (blank lines count as lines but not documents)."""
    partitions: list[Partition] = []
    start, line, lines = 0, 1, 0
    offset, last = 0, b"\n"
    try:
        with open(source, "rb") as file:
            while block := file.read(_BLOCK):
                at = 0
                while (newline := block.find(b"\n", at)) != -1:
                    lines += 1
                    at = newline + 1
                    if lines == size:
                        end = offset + at
                        partitions.append(Partition(index=len(partitions), kind="jsonl",
                                                    count=lines, path=source, start=start,
                                                    end=end, line=line))
                        start, line, lines = end, line + lines, 0
                offset += len(block)
                last = block[-1:]
    except OSError as exc:
        raise SourceError(f"{source}: cannot read: {exc.strerror}") from None
    if offset > start:  # the last lines (the last without its newline, maybe)
        partitions.append(Partition(index=len(partitions), kind="jsonl", count=lines + (last != b"\n"),
                                    path=source, start=start, end=offset, line=line))
    if not partitions:
        raise SourceError(f"{source}: empty")
    return partitions


def _parquet_files(source: str) -> list[str]:
    if Path(source).is_dir():
        return sorted(str(p) for p in Path(source).rglob("*.parquet"))
    return [source]


def _parquet_partitions(source: str, size: int, options: SourceOptions) -> list[Partition]:
    """Slices of `size` rows of each row group of each file, files sorted by name."""
    import pyarrow.parquet as pq

    partitions: list[Partition] = []
    for path in _parquet_files(source):
        try:
            file = pq.ParquetFile(path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds
            raise SourceError(f"{path}: not a readable Parquet file: {exc}") from None
        names = file.schema_arrow.names
        for column in (options.id_column, options.text_column, options.date_column):
            if column is not None and column not in names:
                raise SourceError(f"{path}: no column {column!r} (columns: {', '.join(names)};"
                                  " name them with --id-column, --text-column, --date-column)")
        for group in range(file.metadata.num_row_groups):
            rows = file.metadata.row_group(group).num_rows
            for start in range(0, rows, size):
                end = min(rows, start + size)
                partitions.append(Partition(index=len(partitions), kind="parquet",
                                            count=end - start, path=path, group=group,
                                            start=start, end=end))
    if not partitions:
        raise SourceError(f"{source}: no rows")
    return partitions


def documents(partition: Partition, options: SourceOptions, root: str) -> Iterator[Document]:
    """The documents of a partition, in order. `root`: the source, which ids of files are
    relative to."""
    if partition.kind == "files":
        for path in partition.files:
            yield Document(id=Path(os.path.relpath(path, root)).as_posix(), path=path)
    elif partition.kind == "jsonl":
        yield from _jsonl_documents(partition)
    else:
        yield from _parquet_documents(partition, options)


def _jsonl_documents(partition: Partition) -> Iterator[Document]:
    with open(partition.path, "rb") as file:
        file.seek(partition.start)
        data = file.read(partition.end - partition.start)
    name = partition.path
    for number, raw in enumerate(data.split(b"\n"), start=partition.line):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            text = raw.decode("utf-8").removesuffix("\r")
        except UnicodeDecodeError:
            yield Document(id=where, path=name, line=number, error="line is not UTF-8")
            continue
        text, metadata = split_record(text)  # the metadata blanked out of the text
        record_id = metadata.get("id")
        if record_id is None or isinstance(record_id, (dict, list)):
            try:
                json.loads(text)
            except ValueError as exc:
                error = f"not JSON: {exc}"
            else:
                error = 'the record has no "id" (a string or a number)'
            yield Document(id=where, path=name, line=number, error=error)
            continue
        date = metadata.get("date")
        yield Document(id=str(record_id), path=name, text=text, line=number,
                       date=date if isinstance(date, str) else None)


def _parquet_documents(partition: Partition, options: SourceOptions) -> Iterator[Document]:
    import pyarrow.parquet as pq

    file = pq.ParquetFile(partition.path)
    date_column = options.date_column
    if date_column is None and "date" in file.schema_arrow.names:
        date_column = "date"
    columns = [options.id_column, options.text_column] + ([date_column] if date_column else [])
    table = file.read_row_group(partition.group, columns=columns).slice(
        partition.start, partition.end - partition.start)
    ids = table.column(options.id_column).to_pylist()
    texts = table.column(options.text_column).to_pylist()
    dates = table.column(date_column).to_pylist() if date_column else [None] * len(ids)
    for row, (record_id, text, date) in enumerate(zip(ids, texts, dates), start=partition.start):
        where = f"{partition.path}[{partition.group}:{row}]"
        if date is not None and not isinstance(date, str):
            date = date.isoformat() if hasattr(date, "isoformat") else str(date)
        if record_id is None:
            yield Document(id=where, path=where, error=f"no {options.id_column!r}")
        elif text is None:
            yield Document(id=str(record_id), path=where, date=date,
                           error=f"no {options.text_column!r}")
        else:
            if not isinstance(text, str):  # a brief as a nested value: its JSON form
                text = json.dumps(text, ensure_ascii=False, indent=2) + "\n"
            text, metadata = split_record(text)  # a JSON record's own id and date
            if date is None and isinstance(metadata.get("date"), str):
                date = metadata["date"]
            yield Document(id=str(record_id), path=where, text=text, date=date)

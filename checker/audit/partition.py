"""One partition checked, where it is run (a process of the pool, a Dask worker): its
documents read, each checked with the public API, its rows written, its counts returned.

Only the counts go back to the process that runs the audit (a few KB whatever the
partition's size: the rules that fired, the worst documents, the dates), so that process's
memory does not grow with the archive; the rows go straight to the tables.
"""

from __future__ import annotations

import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.audit.sources import Document, Partition, SourceOptions, documents
from checker.config import Config
from checker.records import document_record, finding_records
from checker.report import DocumentReport

#: The worst documents each partition reports, and the summary keeps.
WORST = 20


@dataclass(frozen=True)
class Settings:
    """Everything a partition needs besides itself: small, and the same for all."""

    source: str
    out: str
    config: Config = field(default_factory=Config)
    options: SourceOptions = field(default_factory=SourceOptions)


def audit_partition(partition: Partition, settings: Settings) -> dict[str, Any]:
    """Check the partition, write its rows (`checker.audit.tables`), return its counts."""
    from checker.audit.tables import write_partition

    started, cpu = time.perf_counter(), time.thread_time()
    rows: dict[str, list[dict]] = {"findings": [], "documents": []}
    counts = _Counts(partition.index)
    for document in documents(partition, settings.options, settings.source):
        report = _check(document, settings.config)
        record = document_record(report, document.id, settings.config.fail_on, document.date)
        findings = finding_records(report, document.id)
        if document.line > 1:  # a JSON Lines record: its positions are the file's
            _move(record, findings, document.line - 1)
        record["partition"] = partition.index
        rows["documents"].append(record)
        rows["findings"].extend(findings)
        counts.add(record, findings)
    result = counts.as_dict(time.perf_counter() - started, time.thread_time() - cpu)
    write_partition(Path(settings.out), partition.index, rows, result)
    return result


def audit_partitions(partitions: list[Partition], settings: Settings) -> list[dict[str, Any]]:
    """`audit_partition` of each: what a chunk of the local engine's process pool runs."""
    return [audit_partition(partition, settings) for partition in partitions]


def _check(document: Document, config: Config) -> DocumentReport:
    """The document's report; an exception (one that even `check_source`'s guard let
    through: a bad schema, a reading error) becomes the document's error, never a lost
    partition."""
    from checker.run import check_file, check_source

    if document.error is not None:
        return DocumentReport(path=document.path, lang=None, format=None, error=document.error)
    try:
        if document.text is None:
            return check_file(document.path, config)
        return check_source(document.text, document.path, None, config)
    except Exception as exc:  # noqa: BLE001 - a row with its error, never a failed job
        detail = " ".join(str(exc).split())[:200] or "".join(
            traceback.format_exception_only(exc)).strip()
        return DocumentReport(path=document.path, lang=None, format=None,
                              error=f"internal error: {type(exc).__name__}: {detail}")


def _move(record: dict, findings: list[dict], lines: int) -> None:
    """Move the positions of a record that starts `lines` lines into its file."""
    for finding in findings:
        finding["line"] += lines
        finding["end_line"] += lines
        for related in finding["related"]:
            related["line"] += lines
    for fact in record["facts"]:
        fact["line"] += lines


class _Counts:
    """What the summary needs of a partition."""

    def __init__(self, index: int):
        self.index = index
        self.documents = 0
        self.verdicts: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.rule_documents: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.months: dict[str, Counter[str]] = {}
        self.dated: Counter[str] = Counter()
        self.worst: list[tuple] = []
        self.unreadable: list[tuple] = []

    def add(self, record: dict, findings: list[dict]) -> None:
        self.documents += 1
        self.verdicts[record["verdict"]] += 1
        codes = Counter(f["code"] for f in findings)
        for finding in findings:
            self.severities[finding["severity"]] += 1
            self.names[finding["code"]] = finding["name"]
        self.rules.update(codes)
        self.rule_documents.update(codes.keys())
        month = (record["date"] or "")[:7]
        if month:
            self.dated[month] += 1
            self.months.setdefault(month, Counter()).update(codes)
        if record["error"] is not None:
            self.unreadable.append((record["id"], record["path"], record["error"]))
            if len(self.unreadable) > 4 * WORST:
                self.unreadable = sorted(self.unreadable)[:WORST]
        elif findings:
            self.worst.append((record["error_count"], record["warning_count"],
                               record["info_count"], record["id"], record["path"]))
            if len(self.worst) > 4 * WORST:
                self.worst = worst(self.worst)

    def as_dict(self, seconds: float, cpu_seconds: float) -> dict[str, Any]:
        """`cpu_seconds`: the CPU time of the thread that checked the partition, which an
        engine's own work (a Dask worker's event loop, the scheduler) is not part of."""
        return {
            "partition": self.index, "documents": self.documents,
            "verdicts": dict(self.verdicts), "severities": dict(self.severities),
            "rules": dict(self.rules), "rule_documents": dict(self.rule_documents),
            "names": self.names, "months": {m: dict(c) for m, c in self.months.items()},
            "dated": dict(self.dated), "worst": [list(w) for w in worst(self.worst)],
            "unreadable": [list(u) for u in sorted(self.unreadable)[:WORST]],
            "seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3),
        }


def worst(entries: list) -> list:
    """The WORST (errors, warnings, infos, id, path) entries: most errors, then warnings,
    then infos; ties by id."""
    return sorted(entries, key=lambda w: (-w[0], -w[1], -w[2], w[3]))[:WORST]

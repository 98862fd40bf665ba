"""briefcheck: checks news briefs for structure, self-consistency and redundancy.

Public API: `check_text`, `check_path` and `check_brief` (each returns a
`checker.report.DocumentReport`), `finding_records` and `document_record` (a report as plain
rows for Arrow, pandas or a database: `checker.records`) and `__version__`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from checker.config import Config
    from checker.report import DocumentReport


def check_text(
    text: str, path: str = "<string>", format: str | None = None, config: Config | None = None
) -> DocumentReport:
    """Check a brief given as a string; `format` is text|markdown|html|json, else sniffed."""
    from checker.run import check_source

    return check_source(text, path, format, config)


def check_path(path: str, config: Config | None = None) -> DocumentReport:
    """Check one file; an unreadable file gives a report whose `error` says why."""
    from checker.run import check_file

    return check_file(path, config)


def check_brief(
    brief: str | Mapping[str, Any], id: str | None = None, *, format: str | None = None,
    config: Config | None = None,
) -> DocumentReport:
    """Check a brief held in memory, its text or its JSON object, under the name `id`
    (the report's path); an object's `id` and `date` keys are its metadata."""
    from checker.records import check_brief as check

    return check(brief, id, format=format, config=config)


def finding_records(report: DocumentReport, id: str | None = None) -> list[dict[str, Any]]:
    """The report's findings as plain rows, each with the document's `id` (default: path)."""
    from checker.records import finding_records as records

    return records(report, id)


def document_record(
    report: DocumentReport, id: str | None = None, fail_on: str = "error",
    date: str | None = None,
) -> dict[str, Any]:
    """The report as one plain row: verdict, counts per severity, facts, date, error."""
    from checker.records import document_record as record

    return record(report, id, fail_on, date)


__all__ = ["__version__", "check_brief", "check_path", "check_text", "document_record",
           "finding_records"]

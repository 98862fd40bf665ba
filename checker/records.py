"""Briefs as records, for data pipelines: a brief held in memory under an id, checked; its
report as plain rows (dicts of str, int, None and lists of dicts) that Arrow, pandas or a
database take as they are (`briefcheck audit` writes them to Parquet).

A pipeline's brief record carries metadata beside the brief: its `id` and its `date`. The
JSON loader reports unknown keys (a misspelt "sections" must not pass), so these two keys
are taken out of the JSON text before it is loaded, by overwriting their members with
spaces: every other character keeps its line and column, so findings still point into the
record as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from checker.report import Severity

if TYPE_CHECKING:
    from checker.config import Config
    from checker.report import DocumentReport

#: Keys of a JSON brief record that are about the brief, not part of it.
METADATA_KEYS = ("id", "date")
#: A date that names at least its year and month (ISO 8601: 2026-01-06, 2026-01, 2026-01-06T…).
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def split_record(source: str) -> tuple[str, dict[str, Any]]:
    """A JSON brief record's text without its metadata members (blanked, positions kept),
    and the metadata. Text that is not a JSON object comes back as it is, without metadata."""
    if not source.lstrip().startswith("{"):
        return source, {}
    try:
        value = json.loads(source)
    except (ValueError, RecursionError):
        return source, {}  # the loader reports what is wrong with it
    if not isinstance(value, dict) or not any(key in value for key in METADATA_KEYS):
        return source, {}
    from checker.loaders.json import _tree

    members = _tree(source).items  # (key node, value node) of the top-level object
    chars = list(source)
    for i, (key, item) in enumerate(members):
        if key.value not in METADATA_KEYS:
            continue
        start, end = key.start, item.end
        if i + 1 < len(members):  # up to the next key: the comma goes too
            end = members[i + 1][0].start
        elif i > 0:  # the last member: from the end of the one before, with its comma
            start = members[i - 1][1].end
        for j in range(start, end):
            if chars[j] != "\n":
                chars[j] = " "
    metadata = {key: value[key] for key in METADATA_KEYS if key in value}
    return "".join(chars), metadata


def check_brief(
    brief: str | Mapping[str, Any],
    id: str | None = None,
    *,
    format: str | None = None,
    config: Config | None = None,
    evidence: bool = True,
) -> DocumentReport:
    """Check a brief held in memory: its text in any format (sniffed unless `format`), or
    its JSON object. An object's `id` and `date` are metadata, not part of the brief; the
    report's `path` is `id` (given, else the record's own, else "<string>")."""
    from checker.run import check_source

    if isinstance(brief, Mapping):
        metadata = {key: brief[key] for key in METADATA_KEYS if key in brief}
        source = json.dumps({k: v for k, v in brief.items() if k not in METADATA_KEYS},
                            ensure_ascii=False, indent=2) + "\n"
        format = format or "json"
    else:
        source, metadata = split_record(brief)
    name = id if id is not None else metadata.get("id")
    return check_source(source, "<string>" if name is None else str(name), format, config,
                        evidence=evidence)


def verdict(report: DocumentReport, fail_on: str = "error") -> str:
    """"error" (the document could not be checked), "fail" (a finding at or above
    `fail_on`), else "pass"."""
    if report.error is not None:
        return "error"
    if fail_on != "never":
        limit = Severity(fail_on).rank
        if any(finding.severity.rank >= limit for finding in report.findings):
            return "fail"
    return "pass"


def finding_records(report: DocumentReport, id: str | None = None) -> list[dict[str, Any]]:
    """One row a finding: the document's id (default: its path) and path, the rule, where
    it is, and the other places it concerns (`related`, a list of rows)."""
    id = report.path if id is None else id
    return [
        {
            "id": id, "path": report.path, "code": f.code, "name": f.name,
            "severity": f.severity.value, "category": f.category, "fact": f.fact,
            "section": f.location.section, "line": f.location.line,
            "column": f.location.column, "end_line": f.location.end_line,
            "end_column": f.location.end_column, "message": f.message,
            "related": [{"section": r.section, "line": r.line, "column": r.column,
                         "text": r.text} for r in f.related],
        }
        for f in report.findings
    ]


def document_record(
    report: DocumentReport, id: str | None = None, fail_on: str = "error",
    date: str | None = None,
) -> dict[str, Any]:
    """One row for the document: id, path, language, format, verdict, findings by severity,
    facts (a list of rows), the brief's date, and `error` when it could not be checked.

    `date`: the record's own date when it has one, else the first date of the brief that
    names its year (the event the brief reports), else None."""
    counts = {severity: 0 for severity in Severity}
    for finding in report.findings:
        counts[finding.severity] += 1
    return {
        "id": report.path if id is None else id, "path": report.path, "lang": report.lang,
        "format": report.format, "verdict": verdict(report, fail_on),
        "error_count": counts[Severity.ERROR], "warning_count": counts[Severity.WARNING],
        "info_count": counts[Severity.INFO],
        "facts": [{"kind": f.kind, "value": f.value, "text": f.text, "section": f.section,
                   "line": f.line, "column": f.column} for f in report.facts],
        "date": _date(date) or next(
            (f.value for f in report.facts if f.kind == "date" and _date(f.value)), None),
        "error": report.error,
    }


def _date(value: Any) -> str | None:
    """`value` if it is a date with at least a year and a month, else None."""
    return value if isinstance(value, str) and _YEAR_MONTH.match(value) else None

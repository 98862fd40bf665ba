"""SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, VS Code) read.

One result per finding; the rules of the run carry their full documentation as help text so
the UI can explain a finding without the tool; the other side of a conflict becomes a
related location. Columns are SARIF's: 1-based, `endColumn` just past the span, like ours.
Documents that could not be checked become tool execution notifications, not results.
"""

from __future__ import annotations

import os
from urllib.parse import quote

from checker.formats.json import dumps
from checker.report import Finding, RunReport, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    # Only the system's own separator is one: on POSIX a backslash is part of a name (and
    # names a byte that is not UTF-8: checker.files.report_name).
    return quote(path.replace(os.sep, "/"), safe="/:@-._~")


def _rule(rule: type) -> dict:
    doc = rule.doc()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _result(finding: Finding, uri: str, rule_index: dict[str, int]) -> dict:
    loc = finding.location
    result: dict = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": {"startLine": loc.line, "startColumn": loc.column,
                           "endLine": loc.end_line, "endColumn": loc.end_column},
            },
        }],
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "message": {"text": other.text},
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": other.line, "startColumn": other.column,
                               "endColumn": other.column + len(other.text),
                               "snippet": {"text": other.text}},
                },
            }
            for number, other in enumerate(finding.related, start=1)
        ]
    return result


def _omissions(report: RunReport) -> list[dict]:
    """A note for each document whose report left findings out past its caps."""
    from checker.formats import omission_note

    return [
        {"level": "note", "message": {"text": f"{document.path}: {omission_note(document)}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(document.path)}}}]}
        for document in report.documents
        if document.omitted is not None
    ]


def render(report: RunReport, *, color: bool = False) -> str:
    from checker.rules import all_rules

    rules = list(all_rules().values())
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    results = [
        _result(finding, _uri(document.path), rule_index)
        for document in report.documents
        for finding in document.findings
    ]
    notifications = [
        {"level": "error", "message": {"text": f"{document.path}: {document.error}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(document.path)}}}]}
        for document in report.documents
        if document.error
    ]
    run = {
        "tool": {"driver": {
            "name": report.tool.name,
            "version": report.tool.version,
            "rules": [_rule(rule) for rule in rules],
        }},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications + _omissions(report)}],
        "artifacts": [{"location": {"uri": _uri(d.path)}} for d in report.documents],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return dumps(log) + "\n"

"""SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, VS Code) read.

One result per finding; the rules of the run carry their full documentation as help text so
the UI can explain a finding without the tool; the other side of a conflict becomes a
related location, linked from the message (`[6 janvier](1)`) so GitHub makes it clickable.
Columns are SARIF's: 1-based, `endColumn` just past the span, like ours. Documents that
could not be checked become tool execution notifications, not results.

What makes repeated uploads recognise an alert as the same one: artifact URIs relative to
the repository root (`%SRCROOT%`) whatever the working directory or path form
(`checker.formats.locations`), and a `partialFingerprints` hash of what the finding says,
not of where its line is, so a line added above it does not make it a new alert.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from checker.formats.json import dumps
from checker.formats.locations import STDIN_NAME, repository_path
from checker.report import DocumentReport, Finding, RunReport, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: The base every repository-relative URI is relative to (GitHub's convention).
SRCROOT = "%SRCROOT%"
#: The key of our fingerprint; its version changes when what it hashes changes.
FINGERPRINT = "briefcheck/v1"
#: The rule documentation shipped with briefcheck; each rule has an anchor there.
RULES_DOC = "docs/rules.md"
#: The documentation of briefcheck itself.
INFORMATION_URI = "README.md"


def _quote(path: str) -> str:
    # Only the system's own separator is one: on POSIX a backslash is part of a name (and
    # names a byte that is not UTF-8: checker.files.report_name).
    return quote(path.replace(os.sep, "/"), safe="/:@-._~")


def artifact_location(path: str) -> dict:
    """Where a document is: repository-relative under %SRCROOT%, else an absolute file URI;
    standard input has a URI of its own and says what it is."""
    if path == STDIN_NAME:
        return {"uri": "stdin", "description": {"text": "standard input"}}
    relative = repository_path(path)
    if relative is None:
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": _quote(relative), "uriBaseId": SRCROOT}


def rule_anchor(rule: type) -> str:
    """The rule's anchor in docs/rules.md (GitHub's slug of its heading `C201 date-conflict`)."""
    return f"{rule.code.lower()}-{rule.name}"


def _escape(text: str) -> str:
    """Plain message text in which `[`, `]` and `\\` are literal (SARIF 3.11.6)."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _message(finding: Finding) -> str:
    """The finding's message, with a link to each related location: `see [6 janvier](1)`."""
    text = _escape(finding.message)
    if finding.related:
        links = ", ".join(f"[{_escape(other.text) or 'here'}]({number})"
                          for number, other in enumerate(finding.related, start=1))
        text += f" (see {links})"
    return text


def _fingerprints(document: DocumentReport) -> list[str]:
    """One hash per finding of the document, from its rule, file, message and related texts,
    plus its rank among findings that say exactly the same: stable while unrelated text moves
    it up or down, new when what it says changes."""
    path = repository_path(document.path) or document.path
    seen: Counter[str] = Counter()
    hashes = []
    for finding in document.findings:
        key = "\x1f".join([finding.code, path, finding.message,
                           *(other.text for other in finding.related)])
        seen[key] += 1
        digest = hashlib.sha256(f"{key}\x1e{seen[key]}".encode()).hexdigest()[:32]
        hashes.append(f"{digest}:{seen[key]}")
    return hashes


def _rule(rule: type) -> dict:
    from checker.rules.docs import full_doc, terminal_text

    doc = full_doc(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": terminal_text(doc, width=None)},
        "help": {"text": terminal_text(doc, width=None), "markdown": doc},
        "helpUri": f"{RULES_DOC}#{rule_anchor(rule)}",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _result(finding: Finding, where: dict, rule_index: dict[str, int], fingerprint: str) -> dict:
    loc = finding.location
    result: dict = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": _message(finding)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": where,
                "region": {"startLine": loc.line, "startColumn": loc.column,
                           "endLine": loc.end_line, "endColumn": loc.end_column},
            },
        }],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "message": {"text": _escape(other.text)},
                "physicalLocation": {
                    "artifactLocation": where,
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
         "locations": [{"physicalLocation": {
             "artifactLocation": artifact_location(document.path)}}]}
        for document in report.documents
        if document.omitted is not None
    ]


def render(report: RunReport, *, color: bool = False, category: str = "briefcheck") -> str:
    """The SARIF log; `category` is the run's `automationDetails` (GitHub keeps one set of
    alerts per category; its upload action does not override a category set here)."""
    from checker.rules import all_rules

    rules = list(all_rules().values())
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for document in report.documents:
        where = artifact_location(document.path)
        results.extend(
            _result(finding, where, rule_index, fingerprint)
            for finding, fingerprint in zip(document.findings, _fingerprints(document))
        )
    notifications = [
        {"level": "error", "message": {"text": _escape(f"{document.path}: {document.error}")},
         "locations": [{"physicalLocation": {
             "artifactLocation": artifact_location(document.path)}}]}
        for document in report.documents
        if document.error
    ]
    run = {
        "tool": {"driver": {
            "name": report.tool.name,
            "version": report.tool.version,
            "semanticVersion": report.tool.version,
            "informationUri": INFORMATION_URI,
            "rules": [_rule(rule) for rule in rules],
        }},
        "automationDetails": {"id": f"{category.rstrip('/')}/"},
        "originalUriBaseIds": {SRCROOT: {"description": {
            "text": "The root of the repository (the nearest folder with .git above where"
                    " briefcheck ran); where none, the folder it ran in."}}},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications + _omissions(report)}],
        "artifacts": [{"location": artifact_location(d.path)} for d in report.documents],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return dumps(log) + "\n"

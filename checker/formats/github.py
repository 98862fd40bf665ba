"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message`. GitHub reads
`%`, CR and LF as escapes in both parts, and `,` and `:` as separators in the properties, so
they are percent-encoded as its runner toolkit does; otherwise a brief's text could end the
command early or inject another one. Other control characters are shown escaped.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and drops
the rest without a word, so the most severe findings are annotated first, the others are
logged as plain lines, and the log says how many were left out. Each document with
something to say is a `::group::` of the log. Paths are from the repository root, as
GitHub matches them (`checker.formats.locations`).

Because the limit is the run's, the run is rendered whole (no `render_document`).
"""

from __future__ import annotations

from checker.formats import omission_note, visible
from checker.formats.locations import display_path
from checker.report import Finding, RunReport, Severity, Summary

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: Annotations GitHub shows per step, of each kind.
MAX_ANNOTATIONS = 10


def escape_data(text: str) -> str:
    # Line breaks and tabs are kept: the line breaks are percent-encoded next.
    shown = visible(text, keep="\n\r\t")
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def annotated(report: RunReport) -> set[int]:
    """The ids of the findings to annotate: of each severity, the first MAX_ANNOTATIONS in
    the run's order (documents in order, findings by position)."""
    chosen: set[int] = set()
    taken = dict.fromkeys(Severity, 0)
    for document in report.documents:
        for finding in document.findings:
            if taken[finding.severity] < MAX_ANNOTATIONS:
                taken[finding.severity] += 1
                chosen.add(id(finding))
    return chosen


def _plain(path: str, finding: Finding) -> str:
    loc = finding.location
    line = (f"{path}:{loc.line}:{loc.column}: {finding.code} {finding.severity.value} "
            f"{visible(finding.message)}")
    return "".join([line, *(f"\n    related: {path}:{o.line}:{o.column}: {visible(o.text)}"
                            for o in finding.related)])


def _counts(document) -> str:
    return ", ".join(_plural(document.count(s), s) for s in Severity if document.count(s))


def _plural(n: int, severity: Severity) -> str:
    return f"{n} {severity.value}{'s' if n > 1 and severity is not Severity.INFO else ''}"


def render(report: RunReport, *, color: bool = False) -> str:
    chosen = annotated(report)
    lines: list[str] = []
    for document in report.documents:
        if not document.error and not document.findings:
            continue
        path = display_path(document.path)
        what = "could not be checked" if document.error else _counts(document)
        lines.append(f"::group::{escape_data(f'{path}: {what}')}")
        if document.error:
            lines.append(_command("error", {"file": path, "title": "briefcheck"},
                                  document.error))
        for finding in document.findings:
            if id(finding) not in chosen:
                plain = _plain(path, finding)  # a log line, never a command
                lines.append(f" {plain}" if plain.startswith("::") else plain)
                continue
            loc = finding.location
            message = finding.message
            for other in finding.related:
                message += f"\nsee line {other.line}, column {other.column}: {other.text}"
            lines.append(_command(_COMMAND[finding.severity], {
                "file": path, "line": loc.line, "col": loc.column,
                "endLine": loc.end_line, "endColumn": loc.end_column,
                "title": f"{finding.code} {finding.name}",
            }, message))
        if document.omitted is not None:  # (a log line: the annotations are the findings')
            lines.append(f"{path}: {omission_note(document)}")
        lines.append("::endgroup::")
    left_out = _left_out(report, chosen)
    if left_out:
        lines.append(f"briefcheck: {left_out} not annotated (GitHub shows {MAX_ANNOTATIONS} "
                     f"annotations of each kind per step: the first {MAX_ANNOTATIONS} errors, "
                     "warnings and notices are); every finding is in the groups above")
    return "".join(line + "\n" for line in lines) + render_summary(report.summary)


def _left_out(report: RunReport, chosen: set[int]) -> str:
    missed = dict.fromkeys(Severity, 0)
    for document in report.documents:
        for finding in document.findings:
            if id(finding) not in chosen:
                missed[finding.severity] += 1
    return ", ".join(_plural(n, s) for s, n in missed.items() if n)


def render_summary(summary: Summary, *, color: bool = False) -> str:
    verdict = "failed" if summary.failed or summary.unreadable else "passed"
    return (f"briefcheck {verdict}: {summary.error} error(s), {summary.warning} warning(s), "
            f"{summary.info} info in {summary.documents} document(s)\n")

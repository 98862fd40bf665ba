"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message`. GitHub reads
`%`, CR and LF as escapes in both parts, and `,` and `:` as separators in the properties, so
they are percent-encoded as its runner toolkit does; otherwise a brief's text could end the
command early or inject another one. Other control characters are shown escaped.
"""

from __future__ import annotations

from checker.formats import omission_note, visible
from checker.report import DocumentReport, RunReport, Severity, Summary

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    # Line breaks and tabs are kept: the line breaks are percent-encoded next.
    shown = visible(text, keep="\n\r\t")
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def render(report: RunReport, *, color: bool = False) -> str:
    return "".join(render_document(document) for document in report.documents) + (
        render_summary(report.summary))


def render_document(document: DocumentReport, *, color: bool = False) -> str:
    """One document's commands, each ending in a newline (none when nothing was found)."""
    lines = []
    if document.error:
        lines.append(_command("error", {"file": document.path, "title": "briefcheck"},
                              document.error))
    for finding in document.findings:
        loc = finding.location
        message = finding.message
        for other in finding.related:
            message += f"\nsee line {other.line}, column {other.column}: {other.text}"
        lines.append(_command(_COMMAND[finding.severity], {
            "file": document.path, "line": loc.line, "col": loc.column,
            "endLine": loc.end_line, "endColumn": loc.end_column,
            "title": f"{finding.code} {finding.name}",
        }, message))
    if document.omitted is not None:
        lines.append(_command("notice", {"file": document.path, "title": "briefcheck"},
                              omission_note(document)))
    return "".join(line + "\n" for line in lines)


def render_summary(summary: Summary, *, color: bool = False) -> str:
    verdict = "failed" if summary.failed or summary.unreadable else "passed"
    return (f"briefcheck {verdict}: {summary.error} error(s), {summary.warning} warning(s), "
            f"{summary.info} info in {summary.documents} document(s)\n")

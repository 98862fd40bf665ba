"""The terminal report: one finding a line, `path:line:col: CODE severity message`.

The other side of a finding (`related`) follows on an indented line, so a conflict shows
both places. Colour only when asked (the CLI asks on a terminal). Document text is printed
as plain characters: control characters are shown escaped, never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from checker.formats import omission_note, visible
from checker.report import DocumentReport, RunReport, Severity, Summary

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_VALUE = {severity: severity.value for severity in Severity}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _plain(text: str, **style: object) -> str:
    return text


def _styler(color: bool) -> Callable[..., str]:
    return click.style if color else _plain


def render(report: RunReport, *, color: bool = False) -> str:
    return "".join(render_document(document, color=color) for document in report.documents) + (
        render_summary(report.summary, color=color))


def render_document(document: DocumentReport, *, color: bool = False) -> str:
    """One document's lines, each ending in a newline (none when nothing was found)."""
    path = visible(document.path)
    style = _styler(color)
    lines: list[str] = []
    if document.error:
        lines.append(f"{style(path, bold=True)}: {style('error', fg='red', bold=True)}: "
                     f"{visible(document.error)}\n")
    elif color:
        for finding in document.findings:
            where = f"{path}:{finding.location.line}:{finding.location.column}"
            severity = finding.severity
            lines.append(
                f"{style(where, bold=True)}: {style(finding.code, fg=_COLORS[severity], bold=True)}"
                f" {style(severity.value, fg=_COLORS[severity])} {visible(finding.message)}\n"
            )
            lines.extend(
                f"    {style('related', dim=True)}: {path}:{other.line}:{other.column}: "
                f"{visible(other.text)}\n"
                for other in finding.related
            )
    else:  # the same lines without styling (CI logs, files): the common case, made fast
        add, related = lines.append, f"    related: {path}:"
        for finding in document.findings:
            location, message = finding.location, finding.message
            add(f"{path}:{location.line}:{location.column}: {finding.code} "
                f"{_VALUE[finding.severity]} "
                f"{message if message.isprintable() else visible(message)}\n")
            for other in finding.related:  # a loop: most findings have one or none
                text = other.text
                add(f"{related}{other.line}:{other.column}: "
                    f"{text if text.isprintable() else visible(text)}\n")
    if document.omitted is not None:
        lines.append(f"{style(path, bold=True)}: note: {omission_note(document)}\n")
    return "".join(lines)


def render_summary(summary: Summary, *, color: bool = False) -> str:
    """The run's last line (`summary_line`)."""
    return summary_line(summary, _styler(color)) + "\n"


def summary_line(s: Summary, style: Callable[..., str] = _plain) -> str:
    """`passed: 0 errors, 2 warnings, 1 info in 3 documents.` (also the CLI's stderr summary)."""
    counts = ", ".join(
        _plural(n, word) if word != "info" else f"{n} info"
        for n, word in ((s.error, "error"), (s.warning, "warning"), (s.info, "info"))
    )
    docs = _plural(s.documents, "document")
    if s.unreadable:
        docs += f" ({s.unreadable} could not be checked)"
    verdict = style("failed", fg="red", bold=True) if s.failed or s.unreadable else style(
        "passed", fg="green", bold=True
    )
    return f"{verdict}: {counts} in {docs}."

"""The Markdown summary a GitHub Actions step shows on the run's page ($GITHUB_STEP_SUMMARY):
the verdict, the counts, and the worst findings, so a reviewer sees what blocks the merge
without opening the log. The CLI appends it when it writes GitHub annotations inside a
workflow (`checker.cli`); the Action adds the link to the HTML report it uploads.
"""

from __future__ import annotations

from checker.formats.locations import display_path
from checker.report import RunReport, Severity

#: Findings listed in the summary, the most severe first.
MAX_FINDINGS = 20
_ICON = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no line breaks, `|` and markup characters escaped."""
    text = " ".join(str(text).split())
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def render(report: RunReport, *, color: bool = False) -> str:
    s = report.summary
    verdict = "failed" if s.failed or s.unreadable else "passed"
    lines = [
        f"## briefcheck {verdict}",
        "",
        "| documents | errors | warnings | info | not checked |",
        "|---:|---:|---:|---:|---:|",
        f"| {s.documents} | {s.error} | {s.warning} | {s.info} | {s.unreadable} |",
        "",
    ]
    unreadable = [d for d in report.documents if d.error]
    if unreadable:
        lines += ["### Not checked", ""]
        lines += [f"- `{_cell(display_path(d.path))}`: {_cell(d.error)}" for d in unreadable[:10]]
        if len(unreadable) > 10:
            lines.append(f"- and {len(unreadable) - 10} more")
        lines.append("")
    findings = sorted(
        ((d, f) for d in report.documents for f in d.findings),
        key=lambda pair: -pair[1].severity.rank,  # stable: run order within a severity
    )
    if findings:
        lines += ["### Worst findings", "",
                  "| severity | where | rule | message |", "|---|---|---|---|"]
        for document, finding in findings[:MAX_FINDINGS]:
            where = f"{display_path(document.path)}:{finding.location.line}"
            lines.append(f"| {_ICON[finding.severity]} | {_cell(where)} | "
                         f"{finding.code} {finding.name} | {_cell(finding.message)} |")
        if len(findings) > MAX_FINDINGS:
            lines.append("")
            lines.append(f"and {len(findings) - MAX_FINDINGS} more: see the annotations, the "
                         "log or the reports.")
        lines.append("")
    return "\n".join(lines) + "\n"

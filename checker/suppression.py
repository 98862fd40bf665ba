"""Inline suppressions: an editor silences one finding in the brief itself, like `# noqa`.

Syntax (codes or prefixes, separated by commas or spaces; `ALL` for every rule):

    <!-- briefcheck: ignore C211 -->          Markdown, HTML and plain text
    [briefcheck: ignore C211, S105]           plain text (a line of its own)
    <!-- briefcheck: ignore-file R3 -->       the whole file (either form)

Scope: a directive on a line of its own covers the next line that has text; a comment
directive at the end of a line of text covers that line; `ignore-file` covers the whole
document. A finding is covered when its location starts on a covered line. The text loader
reads a directive line as a blank line. JSON briefs have no comments: use `ignore` in config.

A directive (code) that suppresses nothing is itself reported, as S190 unused-suppression,
so stale suppressions do not pile up — unless that code's rules did not run at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.report import Finding, Location

#: What every directive holds: a text without it has none (one search, not a pattern per line).
MARKER = "briefcheck:"
_CODES = r"(?P<codes>[A-Za-z0-9][A-Za-z0-9, \t]*?)"
_COMMENT = re.compile(r"<!--[ \t]*" + MARKER + r"[ \t]*(?P<kind>ignore-file|ignore)[ \t]+" + _CODES
                      + r"[ \t]*-->")
#: The plain-text form, alone on its line (leading/trailing blanks allowed).
BRACKET_LINE = re.compile(r"[ \t]*\[" + MARKER + r"[ \t]*(?P<kind>ignore-file|ignore)[ \t]+"
                          + _CODES + r"[ \t]*\][ \t]*")


def is_directive_line(line: str) -> bool:
    """Whether a line holds only a directive (either form): the text loader reads it as blank."""
    if MARKER not in line:
        return False
    if BRACKET_LINE.fullmatch(line):
        return True
    match = _COMMENT.search(line)
    return match is not None and not (line[: match.start()] + line[match.end():]).strip()


@dataclass(frozen=True)
class Directive:
    """A `briefcheck: ignore` directive: the codes it silences and the lines it covers."""

    codes: tuple[str, ...]
    whole_file: bool
    #: Lines covered (1-based); empty for whole-file directives.
    lines: frozenset[int]
    #: Where the directive is written, for its S190 finding.
    location: Location

    def covers(self, finding: Finding) -> bool:
        return (self.whole_file or finding.location.line in self.lines) and any(
            code == "ALL" or finding.code.startswith(code) for code in self.codes
        )


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.upper() for part in re.split(r"[,\s]+", text) if part)


def directives(source: str, fmt: str | None) -> list[Directive]:
    """The suppression directives written in a document's source, in order."""
    if fmt == "json" or MARKER not in source:
        return []
    lines = source.split("\n")
    found = []
    for number, line in enumerate(lines, start=1):
        matches = list(_COMMENT.finditer(line))
        bracket = BRACKET_LINE.fullmatch(line) if fmt in (None, "text") else None
        if bracket:
            matches = [bracket]
        for match in matches:
            alone = not (line[: match.start()] + line[match.end():]).strip() or bracket is not None
            target = number
            if alone:
                target = next((n for n in range(number + 1, len(lines) + 1)
                               if lines[n - 1].strip() and not is_directive_line(lines[n - 1])),
                              number)
            found.append(Directive(
                codes=_codes(match["codes"]),
                whole_file=match["kind"] == "ignore-file",
                lines=frozenset() if match["kind"] == "ignore-file" else frozenset({target}),
                location=Location(section=None, line=number, column=match.start() + 1,
                                  end_line=number, end_column=match.end() + 1),
            ))
    return found


def apply(
    findings: Iterable[Finding], found: list[Directive], active_codes: Iterable[str]
) -> tuple[list[Finding], list[tuple[Directive, str]]]:
    """The findings no directive covers, and the (directive, code) pairs that covered nothing
    although a rule they name ran."""
    used: set[tuple[int, str]] = set()
    kept = []
    for finding in findings:
        covering = [
            (i, code) for i, d in enumerate(found) if d.covers(finding)
            for code in d.codes if code == "ALL" or finding.code.startswith(code)
        ]
        used.update(covering)
        if not covering:
            kept.append(finding)
    active = list(active_codes)
    unused = [
        (d, code) for i, d in enumerate(found) for code in d.codes
        if (i, code) not in used and any(code == "ALL" or c.startswith(code) for c in active)
    ]
    return kept, unused

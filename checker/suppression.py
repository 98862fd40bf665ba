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
#: Possessive: the codes take every blank after them, so a directive that never closes fails
#: at once (a lazy group tried `-->` after each of 400,000 blanks, then again: minutes).
_CODES = r"(?P<codes>[A-Za-z0-9][A-Za-z0-9, \t]*+)"
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
    following: list[int | None] | None = None
    for number, line in enumerate(lines, start=1):
        if MARKER not in line:
            continue
        matches = list(_COMMENT.finditer(line))
        bracket = BRACKET_LINE.fullmatch(line) if fmt in (None, "text") else None
        if bracket:
            matches = [bracket]
        for match in matches:
            alone = not (line[: match.start()] + line[match.end():]).strip() or bracket is not None
            target = number
            if alone:
                if following is None:
                    following = _next_text_lines(lines)
                target = following[number - 1] or number
            found.append(Directive(
                codes=_codes(match["codes"]),
                whole_file=match["kind"] == "ignore-file",
                lines=frozenset() if match["kind"] == "ignore-file" else frozenset({target}),
                location=Location(section=None, line=number, column=match.start() + 1,
                                  end_line=number, end_column=match.end() + 1),
            ))
    return found


def _next_text_lines(lines: list[str]) -> list[int | None]:
    """For each line (0-based), the 1-based number of the next line after it that has text and
    is not a directive, or None: one pass from the end (20,000 directive lines in a row were
    each followed to the end of the run: quadratic)."""
    following: list[int | None] = [None] * len(lines)
    after = None
    for index in range(len(lines) - 1, -1, -1):
        following[index] = after
        line = lines[index]
        if line.strip() and not is_directive_line(line):
            after = index + 1
    return following


def apply(
    findings: Iterable[Finding], found: list[Directive], active_codes: Iterable[str]
) -> tuple[list[Finding], list[tuple[Directive, str]]]:
    """The findings no directive covers, and the (directive, code) pairs that covered nothing
    although a rule they name ran."""
    used: set[tuple[int, str]] = set()
    kept = []
    # Directives by the line they cover (None: the whole file) and by code: a finding looks
    # up the codes that select it (its prefixes and ALL), not every directive (20,000 of
    # each: 400 million tests), and a group is marked used once.
    groups: dict[tuple[int | None, str], list[int]] = {}
    for i, d in enumerate(found):
        for line in [None] if d.whole_file else d.lines:
            for code in d.codes:
                groups.setdefault((line, code), []).append(i)
    marked: set[tuple[int | None, str]] = set()
    for finding in findings:
        covered = False
        for code in ("ALL", *(finding.code[:n] for n in range(1, len(finding.code) + 1))):
            for key in ((None, code), (finding.location.line, code)):
                if key in groups:
                    covered = True
                    if key not in marked:
                        marked.add(key)
                        used.update((i, code) for i in groups[key])
        if not covered:
            kept.append(finding)
    active = list(active_codes)
    runs = {code: code == "ALL" or any(c.startswith(code) for c in active)
            for d in found for code in d.codes}
    unused = [
        (d, code) for i, d in enumerate(found) for code in d.codes
        if (i, code) not in used and runs[code]
    ]
    return kept, unused

"""A run: paths in, one DocumentReport per brief out.

The pipeline of DESIGN.md section 2, stage by stage: read (bytes to str, with size and
encoding checks), load (format module to Brief), analyse and apply the selected rules,
then assemble the document's report. A document that cannot be read or checked becomes a
report with `error` set, so one bad file never stops the others.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache

from checker.analysis import Analysis
from checker.config import Config, ConfigError
from checker.encoding import DocumentError
from checker.encoding import decode as decode_bytes
from checker.files import UnreadableFile, read_regular_file, report_name
from checker.loaders import format_for, load
from checker.report import DocumentReport, FactInfo, Finding, Redundancy, SectionInfo
from checker import suppression
from checker.rules import Rule, all_rules, matches
from checker.rules.suppressions import UnusedSuppression

STDIN = "-"
STDIN_NAME = "<stdin>"
#: Files larger than this are refused with a clear message (bytes): briefs are a few KB, and
#: refusing early bounds memory and time (a 10 MB text takes minutes to analyse).
MAX_FILE_BYTES = 10 * 1024 * 1024


def decode(data: bytes) -> str:
    """The text of a file's bytes (see `checker.encoding.decode`), newlines made "\\n"."""
    return decode_bytes(data)[0]


def read_path(path: str) -> tuple[str, str | None]:
    """The decoded text of a file, or stdin for "-", and the legacy encoding assumed if any."""
    if path == STDIN:
        if sys.stdin is None:  # the process was started with stdin closed (`<&-`)
            raise DocumentError("standard input is closed")
        try:
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise DocumentError(f"cannot read: {exc.strerror or exc}") from None
    else:
        data = _read_file(path)
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(
            f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit"
            " (a brief is a few KB); not checked"
        )
    return decode_bytes(data)


def _read_file(path: str) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of a regular file (`checker.files`)."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise DocumentError(str(exc)) from None


@cache
def _active_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(
        rule()
        for code, rule in all_rules().items()
        if matches(code, list(select)) and not matches(code, list(ignore))
    )


def _with_config_severity(finding: Finding, config: Config) -> Finding:
    severity = config.severity.get(finding.code)
    return finding if severity is None else replace(finding, severity=severity)


def _suppressed(
    findings: list[Finding], source: str, fmt: str | None, rules: tuple[Rule, ...]
) -> list[Finding]:
    """The findings no inline suppression covers, plus S190 for the unused ones (if selected)."""
    found = suppression.directives(source, fmt)
    if not found:
        return findings
    kept, unused = suppression.apply(findings, found, [rule.code for rule in rules])
    for rule in rules:
        if isinstance(rule, UnusedSuppression):
            kept.extend(rule.findings_for(unused))
    return kept


def check_source(
    source: str,
    path: str,
    format: str | None = None,
    config: Config | None = None,
    encoding: str | None = None,
    evidence: bool = True,
) -> DocumentReport:
    """Check one brief given as text (`encoding`: the legacy encoding it was read in).
    `evidence=False` leaves out what only the JSON and HTML reports show (sections, facts,
    repeated sentences, the source): a run that prints findings need not build and carry them.

    A bug of ours on one document must not lose the others of a batch: any unexpected
    exception becomes this document's `error` (exit code 2) asking to report it. A bad
    config or schema is not the document's fault and still stops the run.
    """
    config = config or Config()
    path = report_name(path)
    try:
        with collector_paused():
            return _check_source(source, path, format, config, encoding, evidence)
    except Exception as exc:  # noqa: BLE001 - the guard of last resort, by design
        from checker.schema import SchemaError

        if isinstance(exc, (ConfigError, SchemaError)):
            raise
        if os.environ.get("BRIEFCHECK_DEBUG"):
            traceback.print_exc()
        detail = " ".join(str(exc).split())[:200]
        return DocumentReport(
            path=path,
            lang=None,
            format=format,
            error=f"internal error: {type(exc).__name__}: {detail} — please report this",
        )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector is off while one document is checked: the analysis
    builds millions of acyclic objects (spans, facts, pairs, findings) that reference counting
    frees, and a 5 MB brief spent a quarter of its time in collections that found almost
    nothing (about a thousand cyclic objects, collected once the document is done).
    The command keeps it off until its report is written (`checker.cli`), the console
    script for the whole process (`checker.__main__`)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _check_source(
    source: str, path: str, format: str | None, config: Config, encoding: str | None,
    evidence: bool,
) -> DocumentReport:
    try:
        brief = load(source, path, format, config.lang)
    except ValueError as exc:
        return DocumentReport(path=path, lang=None, format=format, error=str(exc))
    except RecursionError:
        return DocumentReport(path=path, lang=None, format=format, error="nested too deeply")
    analysis = Analysis(brief, config, encoding)
    rules = _active_rules(config.select, config.ignore)
    findings = _suppressed(
        [finding for rule in rules for finding in rule.check(analysis)], source, brief.format, rules
    )
    findings = [_with_config_severity(finding, config) for finding in findings]
    findings.sort(key=lambda f: (f.location.line, f.location.column, f.code, f.message))
    return DocumentReport(
        path=path,
        lang=brief.lang,
        format=brief.format,
        sections=tuple(
            SectionInfo(
                id=s.id,
                kind=s.kind.value,
                heading=s.heading,
                line=(s.heading_span or s.span).line,
            )
            for s in brief.sections
        ) if evidence else (),
        facts=_fact_infos(analysis, rules) if evidence else (),
        findings=tuple(findings),
        redundancy=_redundancy(analysis, rules) if evidence else Redundancy(),
        source=source if evidence else None,
        families=tuple(sorted({rule.category for rule in rules})),
    ).capped().unchecked_past(brief.unchecked_from)


def _redundancy(analysis: Analysis, rules: tuple[Rule, ...]) -> Redundancy:
    """The report's repeated sentences and overlap table, when a redundancy rule ran (they are
    its evidence; a run without R rules need not import the similarity libraries)."""
    if not any(rule.category == "redundancy" for rule in rules):
        return Redundancy()
    return analysis.redundancy.report()


def _fact_infos(analysis: Analysis, rules: tuple[Rule, ...]) -> tuple[FactInfo, ...]:
    """The facts of the report: every one the extractors resolved (not bare capitalised
    words that might be names), when a consistency rule ran (they are its evidence; a run
    of structure rules alone need not extract them)."""
    if not any(rule.category == "consistency" for rule in rules):
        return ()
    return tuple(
        FactInfo(kind=f.kind, value=f.value, text=f.text, section=f.section,
                 line=f.span.line, column=f.span.column)
        for f in analysis.facts
        if not f.weak
    )


def check_file(path: str, config: Config | None = None, evidence: bool = True) -> DocumentReport:
    """Check one file (or stdin for "-"); a file that cannot be read gives a report with `error`.
    `evidence`: as for `check_source`."""
    name = STDIN_NAME if path == STDIN else report_name(path)
    try:
        source, encoding = read_path(path)
    except DocumentError as exc:
        return DocumentReport(path=name, lang=None, format=format_for(path), error=str(exc))
    return check_source(source, name, None, config, encoding, evidence)


def check_paths(paths: Iterable[str], config: Config) -> list[DocumentReport]:
    """Check every brief under `paths`, in the order given, directories sorted."""
    from checker.discovery import expand

    return [item if isinstance(item, DocumentReport) else check_file(item, config)
            for item in expand(paths)]

"""JUnit XML, the test report GitLab, Jenkins and most CI servers display.

A test suite per document and a test case per rule family (structure, consistency,
redundancy), so a CI page reads "paris-summit.fr.txt › consistency: failed" and the
failure lists that family's findings. A family fails when it has a finding that fails the
run (--fail-on, errors by default), so the page and the exit code agree; the other
findings are kept as the case's system-out (JUnit has no severities, and a red test for a
style note would teach people to ignore red). A family that did not run (`--select S1`)
is `skipped`, not a pass. A document that could not be checked is an <error>. Built with
lxml so every text is escaped.

The failure's `message`, the line a CI page shows, is the first failing finding itself.
The case's `classname` is the document's path with its dots written as one-dot leaders
(U+2024, which look the same): Jenkins reads the part before a classname's last dot as a
package, and `briefs/a.fr.md` became package `briefs/a.fr`, class `md`. `time` and
`timestamp` are written when the run measured them (the CLI does), so the example reports
and the tests stay the same bytes.
"""

from __future__ import annotations

import re

from lxml import etree

from checker.report import DocumentReport, Finding, RunReport

FAMILIES = ("structure", "consistency", "redundancy")
#: Characters XML 1.0 cannot carry at all (a brief may contain them); shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: What stands for a dot in a classname (see the module's docstring).
DOT = "\u2024"


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def classname(path: str) -> str:
    return _x(path.replace(".", DOT))


def _line(path: str, finding: Finding) -> str:
    loc = finding.location
    text = f"{path}:{loc.line}:{loc.column}: {finding.code} {finding.severity.value} {finding.message}"
    for other in finding.related:
        text += f"\n    related: {path}:{other.line}:{other.column}: {other.text}"
    return text


def _failure_message(blocking: list[Finding]) -> str:
    """`line 10: C201 date '7 janvier' … (and 2 more)`: the first failing finding."""
    first = blocking[0]
    more = f" (and {len(blocking) - 1} more)" if len(blocking) > 1 else ""
    return _x(f"line {first.location.line}: {first.code} {first.message}{more}")


def _time(seconds: float | None) -> str:
    return f"{seconds or 0:.3f}"


def _suite(parent: etree._Element, document: DocumentReport,
           report: RunReport) -> tuple[int, int, int, int]:
    """Adds the document's suite; returns its (tests, failures, errors, skipped)."""
    suite = etree.SubElement(parent, "testsuite", name=_x(document.path))
    if report.started is not None:
        suite.set("timestamp", report.started)
        suite.set("time", _time(document.seconds))
    failures = errors = skipped = 0
    if document.error:
        case = etree.SubElement(suite, "testcase", name="read", classname=classname(document.path))
        error = _x(document.error)
        etree.SubElement(case, "error", message=error, type="unreadable").text = error
        errors = 1
        tests = 1
    else:
        tests = len(FAMILIES)
        ran = FAMILIES if document.families is None else document.families
        for family in FAMILIES:
            case = etree.SubElement(suite, "testcase", name=family,
                                    classname=classname(document.path))
            if family not in ran:
                skipped += 1
                etree.SubElement(case, "skipped", message=(
                    f"no {family} rule ran (--select / --ignore or the config)"))
                continue
            found = [f for f in document.findings if f.category == family]
            blocking = [f for f in found if report.fails(f)]
            if blocking:
                failures += 1
                codes = ", ".join(sorted({f.code for f in blocking}))
                failure = etree.SubElement(case, "failure", type=codes,
                                           message=_failure_message(blocking))
                failure.text = _x("\n".join(_line(document.path, f) for f in blocking))
            rest = [f for f in found if not report.fails(f)]
            if rest:
                etree.SubElement(case, "system-out").text = _x("\n".join(
                    _line(document.path, f) for f in rest))
    if document.omitted is not None:
        from checker.formats import omission_note

        etree.SubElement(suite, "system-out").text = _x(f"{document.path}: {omission_note(document)}")
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    return tests, failures, errors, skipped


def render(report: RunReport, *, color: bool = False) -> str:
    root = etree.Element("testsuites", name="briefcheck")
    totals = [0, 0, 0, 0]
    for document in report.documents:
        for i, n in enumerate(_suite(root, document, report)):
            totals[i] += n
    for name, total in zip(("tests", "failures", "errors", "skipped"), totals):
        root.set(name, str(total))
    if report.started is not None:
        root.set("timestamp", report.started)
        root.set("time", _time(sum(d.seconds or 0 for d in report.documents)))
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body

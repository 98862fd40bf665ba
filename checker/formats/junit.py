"""JUnit XML, the test report GitLab, Jenkins and most CI servers display.

A test suite per document and a test case per rule family (structure, consistency,
redundancy), so a CI page reads "paris-summit.fr.txt › consistency: failed" and the
failure lists that family's findings. A family fails when it has a finding that fails the
run (--fail-on, errors by default), so the page and the exit code agree; the other
findings are kept as the case's system-out (JUnit has no severities, and a red test for a
style note would teach people to ignore red). A document that could not be checked is an
<error>. Built with lxml so every text is escaped.
"""

from __future__ import annotations

import re

from lxml import etree

from checker.report import DocumentReport, Finding, RunReport

FAMILIES = ("structure", "consistency", "redundancy")
#: Characters XML 1.0 cannot carry at all (a brief may contain them); shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(path: str, finding: Finding) -> str:
    loc = finding.location
    text = f"{path}:{loc.line}:{loc.column}: {finding.code} {finding.severity.value} {finding.message}"
    for other in finding.related:
        text += f"\n    related: {path}:{other.line}:{other.column}: {other.text}"
    return text


def _suite(parent: etree._Element, document: DocumentReport, report: RunReport) -> tuple[int, int, int]:
    """Adds the document's suite; returns its (tests, failures, errors)."""
    suite = etree.SubElement(parent, "testsuite", name=_x(document.path))
    failures = errors = 0
    if document.error:
        case = etree.SubElement(suite, "testcase", name="read", classname=_x(document.path))
        error = _x(document.error)
        etree.SubElement(case, "error", message=error, type="unreadable").text = error
        errors = 1
        tests = 1
    else:
        tests = len(FAMILIES)
        for family in FAMILIES:
            case = etree.SubElement(suite, "testcase", name=family, classname=_x(document.path))
            found = [f for f in document.findings if f.category == family]
            blocking = [f for f in found if report.fails(f)]
            if blocking:
                failures += 1
                codes = ", ".join(sorted({f.code for f in blocking}))
                failure = etree.SubElement(case, "failure", type=codes,
                                           message=f"{len(blocking)} finding(s): {codes}")
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
    return tests, failures, errors


def render(report: RunReport, *, color: bool = False) -> str:
    root = etree.Element("testsuites", name="briefcheck")
    totals = [0, 0, 0]
    for document in report.documents:
        for i, n in enumerate(_suite(root, document, report)):
            totals[i] += n
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body

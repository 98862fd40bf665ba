"""Output formats: one module per format, each with `render(report, *, color=False) -> str`.

Modules are imported only when their format is asked for, so a plain-text run never loads
the HTML or SARIF writers. Adding a format is one new module and one line in `FORMATS`.
"""

from __future__ import annotations

import importlib

from checker.report import RunReport

#: Format name -> module that renders it.
FORMATS = {
    "text": "checker.formats.text",
    "json": "checker.formats.json",
    "html": "checker.formats.html",
    "sarif": "checker.formats.sarif",
    "junit": "checker.formats.junit",
    "github": "checker.formats.github",
}

#: The formats that show a document's evidence (its sections, facts, repeated sentences and
#: text), not only its findings: a run whose reports are all in other formats does not
#: collect it (`checker.run.check_source(evidence=False)`).
SHOWS_EVIDENCE = frozenset({"json", "html"})


def render(name: str, report: RunReport, *, color: bool = False) -> str:
    """The report in format `name` (one of FORMATS)."""
    return importlib.import_module(FORMATS[name]).render(report, color=color)

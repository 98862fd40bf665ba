"""Output formats: one module per format, each with `render(report, *, color=False) -> str`.

Modules are imported only when their format is asked for, so a plain-text run never loads
the HTML or SARIF writers. Adding a format is one new module and one line in `FORMATS`.
A format whose documents are rendered apart from each other (text, JSON) also has
`render_document(document, *, color)`, and either `render_summary(summary, *, color)`
(appended to the documents' texts) or `render_rendered(documents, summary, *, color)`
(JSON: the documents' texts put in their places in the run's report): a batch's workers
then render their documents themselves (`checker.batch`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial

from checker.report import DocumentReport, RenderedDocument, RunReport, Summary

#: Format name -> module that renders it.
FORMATS = {
    "text": "checker.formats.text",
    "json": "checker.formats.json",
    "html": "checker.formats.html",
    "sarif": "checker.formats.sarif",
    "junit": "checker.formats.junit",
    "github": "checker.formats.github",
}


def visible(text: str, keep: str = "") -> str:
    """`text` with its non-printable characters (ANSI escapes, NULs, line breaks) shown as
    escapes (`\\x1b`), but those of `keep`: a terminal or a CI log acts on them, so a file
    name or a quoted brief could recolour or hide lines of the report."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in keep else repr(c)[1:-1] for c in text)


def omission_note(document: DocumentReport) -> str | None:
    """What a document's report leaves out past its caps (`DocumentReport.capped`) and what
    of the document was not analysed (`checker.loaders.MAX_LINES`), said in one sentence
    that every format prints; None when nothing is left out."""
    from checker.loaders import MAX_LINE_CHARS, MAX_LINES, MAX_SENTENCES
    from checker.report import MAX_FACTS, MAX_FINDINGS, MAX_PAIRS, MAX_SECTIONS

    omitted = document.omitted
    if omitted is None:
        return None
    notes = []
    if omitted.unchecked_from is not None:
        line, column = omitted.unchecked_from.line, omitted.unchecked_from.column
        place = f"line {line:,}" + (f", column {column:,}" if column > 1 else "")
        notes.append(f"the document from {place} on is not checked:"
                     f" briefcheck analyses a document's first {MAX_LINES:,} lines and"
                     f" {MAX_SENTENCES:,} sentences ({MAX_LINE_CHARS:,} characters a line"
                     " in text and Markdown)")
    parts = []
    if omitted.finding_count:
        by = ", ".join(f"{n:,} {severity}" for severity, n in omitted.findings.items())
        parts.append(f"{omitted.finding_count:,} more findings ({by})")
    for count, noun in ((omitted.facts, "facts"), (omitted.pairs, "repeated-sentence pairs"),
                        (omitted.sections, "sections")):
        if count:
            parts.append(f"{count:,} more {noun}")
    if parts:
        notes.append(
            f"and {'; '.join(parts)} not shown: a document's report holds at most"
            f" {MAX_FINDINGS:,} findings, the most severe first (every finding counts in the"
            f" summary and the exit code), {MAX_FACTS:,} facts, {MAX_PAIRS:,} pairs and"
            f" {MAX_SECTIONS:,} sections")
    return "; ".join(notes) or None


#: The formats that show a document's evidence (its sections, facts, repeated sentences and
#: text), not only its findings: a run whose reports are all in other formats does not
#: collect it (`checker.run.check_source(evidence=False)`).
SHOWS_EVIDENCE = frozenset({"json", "html"})


def render(name: str, report: RunReport, *, color: bool = False, **options: object) -> str:
    """The report in format `name` (one of FORMATS); `options` are the format's own
    (SARIF: `category`)."""
    return importlib.import_module(FORMATS[name]).render(report, color=color, **options)


def document_renderer(name: str, *, color: bool = False) -> Callable[[DocumentReport], str] | None:
    """How format `name` renders one document, if it renders each apart from the others
    (text, JSON: `render_document`); None for the formats that render the run as a whole."""
    render_document = getattr(importlib.import_module(FORMATS[name]), "render_document", None)
    return partial(render_document, color=color) if render_document else None


def render_rendered(
    name: str, documents: list[RenderedDocument], summary: Summary, *, color: bool = False
) -> str:
    """The report in format `name` from its documents as `document_renderer` rendered them:
    the same text as `render` gives from their reports."""
    module = importlib.import_module(FORMATS[name])
    if hasattr(module, "render_rendered"):
        return module.render_rendered(documents, summary, color=color)
    return "".join(document.text for document in documents) + module.render_summary(
        summary, color=color)

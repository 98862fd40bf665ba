"""The HTML report's bounds and wording, without a browser (tests/test_formats_html_browser.py
looks at it in Chromium).

Every part of a document's page is capped and says what it left out, so that one document's
HTML stays under `MAX_DOCUMENT_BYTES` whatever the brief: issue 18 measured a 1.7 GB page
for a 0.5 MB brief of 9,600 sections and 9,600 dates, and 530 MB for 400,000 findings."""

from __future__ import annotations

import re

import pytest

from checker.config import Config
from checker.formats import render
from checker.formats.html import MAX_DOCUMENT_BYTES, MAX_FULL_DOCUMENTS
from checker.report import (DocumentReport, FactInfo, Finding, Location, PairEnd, Redundancy,
                            RedundancyPair, Related, RunReport, SectionInfo, Severity)
from checker.run import check_paths
from conftest import ROOT


def page(*documents: DocumentReport) -> str:
    return render("html", RunReport.build(list(documents), "error"))


def document_part(html: str, number: int = 0) -> str:
    return html.split(f'<details class="document" id="doc-{number}"')[1].split('<details class="document"')[0]


def many_sections_and_dates(sections: int = 9_600) -> DocumentReport:
    """Issue 18's case: every section states its own date (a grid of sections x dates)."""
    lines, section_infos, facts = [], [], []
    for n in range(sections):
        lines += [f"Part {n}", f"They met on day {n} of the talks."]
        section_infos.append(SectionInfo(id=f"body-{n}", kind="body", heading=f"Part {n}",
                                         line=2 * n + 1))
        facts.append(FactInfo(kind="date", value=f"--{n:05d}", text=f"day {n}",
                              section=f"body-{n}", line=2 * n + 2, column=13))
    conflicts = tuple(
        Finding(code="C201", name="date-conflict", category="consistency", fact="date",
                severity=Severity.ERROR, message=f"date 'day {n}' contradicts 'day 0'",
                location=Location(section=f"body-{n}", line=2 * n + 2, column=13,
                                  end_line=2 * n + 2, end_column=13 + len(f"day {n}")),
                related=(Related(section="body-0", line=2, column=13, text="day 0"),))
        for n in range(1, sections))
    pairs = tuple(RedundancyPair(a=PairEnd(section="body-0", line=2),
                                 b=PairEnd(section=f"body-{n}", line=2 * n + 2), score=0.9)
                  for n in range(1, sections))
    return DocumentReport(path="long.txt", lang="en", format="text",
                          sections=tuple(section_infos), facts=tuple(facts), findings=conflicts,
                          redundancy=Redundancy(pairs=pairs, overlap={
                              f"body-{n}": {"body-0": 0.5} for n in range(1, sections)}),
                          source="\n".join(lines) + "\n")


def many_findings(count: int = 400_000) -> DocumentReport:
    """Issue 18's other case: a brief with 400,000 findings, each its own message."""
    findings = tuple(
        Finding(code="R303", name="repeated-within-section", category="redundancy",
                severity=Severity.INFO, message=f"sentence {n} repeats an earlier one",
                location=Location(section="body-1", line=n + 1, column=1, end_line=n + 1,
                                  end_column=10),
                related=(Related(section="body-1", line=1, column=1, text="In Paris."),))
        for n in range(count))
    return DocumentReport(path="huge.txt", lang="en", format="text",
                          sections=(SectionInfo(id="body-1", kind="body", heading=None, line=1),),
                          findings=findings, source="In Paris.\n" * count)


@pytest.mark.parametrize("build", [many_sections_and_dates, many_findings])
def test_a_documents_html_is_bounded_and_says_what_it_left_out(build):
    html = page(build())
    assert len(html.encode()) < MAX_DOCUMENT_BYTES, len(html.encode())
    assert re.search(r"… and [\d,]+ more [a-z ]+, not shown here", html)


def test_the_bound_holds_for_the_sections_and_dates_case_in_every_part():
    html = page(many_sections_and_dates())
    # one conflict row sets the 9,600 dates against each other: four named, the rest counted
    assert "day 0 ≠ day 1 ≠ day 2 ≠ day 3 <span class=\"more\">and 9,596 more values" in html
    assert '<span class="more">and 9,596 more values</span>' in html
    assert "and 18,200 more lines of the brief" in html  # 19,200 lines, 1,000 shown
    assert "and 9,399 more conflicts" in html and "and 9,399 more groups of findings" in html
    assert "9,600 sections: too many for a grid" in html


def test_a_real_sample_keeps_everything_when_under_the_caps():
    report = RunReport.build(check_paths([str(ROOT / "samples/structure/s112-brief-length.en.txt")],
                                         Config()), "error")
    html = render("html", report)
    assert "more lines of the brief" not in html and "more groups of findings" not in html
    # the pair list is grouped by pair of sections, each with a few pairs and a count
    assert html.count("<li>") <= 40 and "more</span>" in html
    assert len(html) < 200_000  # was 367 KB, and a 75,000 px page


def test_plural_forms():
    html = render("html", RunReport.build(check_paths(
        [str(ROOT / "samples/consistency/c201-date-conflict.fr.txt")], Config()), "error"))
    assert "1 document: 1 error, 3 warnings, 0 info" in html
    assert "1 errors" not in html and "1 documents" not in html and "3 warning," not in html


def test_html_lang_is_the_briefs():
    fr = render("html", RunReport.build(check_paths([str(ROOT / "samples/paris-summit.fr.txt")],
                                                    Config()), "error"))
    en = render("html", RunReport.build(check_paths([str(ROOT / "samples/nato-summit.en.txt")],
                                                    Config()), "error"))
    assert '<html lang="fr">' in fr and '<html lang="en">' in en


def test_a_batch_shows_the_first_documents_in_full_and_the_rest_in_short():
    document = many_sections_and_dates(3)
    html = page(*[document] * (MAX_FULL_DOCUMENTS + 5))
    assert html.count("<h3>Brief</h3>") == MAX_FULL_DOCUMENTS
    assert html.count("Shown in short") == 5
    assert f"5 of the {MAX_FULL_DOCUMENTS + 5:,} documents are shown in short" in html


def test_the_bound_holds_when_escaping_multiplies_the_text():
    """Quotes and angle brackets become 6-character entities: a brief and messages made of
    them are the worst case of every cap at once."""
    hostile = '"<&>' * 30
    document = many_findings(5_000)
    document = document.model_copy(update={
        "source": (hostile * 40 + "\n") * 5_000,
        "findings": tuple(f.model_copy(update={"message": hostile * 20 + str(n)})
                          for n, f in enumerate(document.findings))})
    html = document_part(page(document))
    assert len(html.encode()) <= MAX_DOCUMENT_BYTES
    assert "Shown in short" in html or "would pass" in html


def test_markup_is_hidden_in_place_and_text_kept():
    from checker.formats.html_source import edits

    def shown(source: str, fmt: str) -> str:
        out, at = [], 0
        for start, end, text in edits(source, fmt):
            out += [source[at:start], text]
            at = end
        return "".join(out + [source[at:]])

    assert shown("<p>a < b &amp; c</p>\n<script>x()</script><li>d<br>e</li>", "html") == "a < b & c\nd\ne"
    assert shown('{"kind": "body", "text": "say \\"hi\\" \\u00e9"}', "json") == 'say "hi" é'
    # unterminated constructs hide the rest, in one pass (issue 18's 200,000 "<!DOCTYPE a")
    assert shown("text <!-- never closed", "html") == "text "
    assert shown("ok" + "<!DOCTYPE a" * 50_000, "html") == "ok"


def test_a_possible_conflict_is_marked_as_such_not_as_a_conflict():
    html = render("html", RunReport.build(check_paths(
        [str(ROOT / "samples/consistency/c205-possible-conflict.en.txt")], Config()), "error"))
    assert '<tr class="possible"><th>place: Brussels ≠ Vienna <span class="sev warning">possible conflict' in html
    assert '<tr class="conflict">' not in html


def test_a_brief_on_one_long_line_is_cut_and_says_so():
    """A file without line breaks is one line: the pane's character cap applies inside it."""
    from checker.formats.html import MAX_CHARS

    document = DocumentReport(path="one-line.txt", lang="en", format="text",
                              source="In Paris today. " * 200_000)
    html = document_part(page(document))
    assert len(html.encode()) < MAX_CHARS * 2
    assert f"and {3_200_000 - MAX_CHARS:,} more characters of line 1" in html
    assert '<div class="brief scroll"' in html

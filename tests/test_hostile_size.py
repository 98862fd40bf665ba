"""Report size and memory (issue 18): a document with thousands of findings gives a report
of bounded size in every format, which says what it leaves out, while the summary and the
exit code still count every finding; a document of thousands of sections is validated
within bounded memory. Each case runs the command in a process of its own, within the
bounds it states."""

from __future__ import annotations

import json

import pytest

from bounded import assert_contract, run_bounded

#: The documented cap (README, `checker.report.MAX_FINDINGS`; a test pins it there).
MAX_FINDINGS = 1_000

#: 3,000 unused suppressions: 3,000 S190 findings (info), and a C211-free brief.
DIRECTIVES = 3_000


@pytest.fixture
def many_findings(tmp_path):
    path = tmp_path / "many.md"
    path.write_text("<!-- briefcheck: ignore C211 -->\n" * DIRECTIVES
                    + "## Key Points\n\n- Leaders meet in Paris on January 6 for talks.\n",
                    encoding="utf-8")
    return path


def test_the_json_report_holds_at_most_its_cap_and_counts_the_rest(many_findings):
    outcome = run_bounded(many_findings, "--format", "json", "--fail-on", "info",
                          seconds=60, mb=400)
    assert_contract(outcome, codes=(1,))
    report = json.loads(outcome.stdout)
    (document,) = report["documents"]
    assert len(document["findings"]) == MAX_FINDINGS
    omitted = document["omitted"]["findings"]
    assert report["summary"]["info"] >= DIRECTIVES
    total = sum(report["summary"][s] for s in ("error", "warning", "info"))
    assert total == MAX_FINDINGS + sum(omitted.values())
    # the most severe are kept: every error and warning is shown
    shown = [f["severity"] for f in document["findings"]]
    assert shown.count("error") == report["summary"]["error"]
    assert shown.count("warning") == report["summary"]["warning"]


def test_the_cap_is_the_documented_one():
    from checker import report

    assert report.MAX_FINDINGS == MAX_FINDINGS


def test_the_json_report_of_a_small_brief_has_no_omitted_key(tmp_path):
    from conftest import SEED

    outcome = run_bounded(SEED, "--format", "json", seconds=60, mb=300)
    assert "omitted" not in json.loads(outcome.stdout)["documents"][0]


def test_the_capped_report_is_valid_against_the_report_schema(many_findings):
    import jsonschema

    from conftest import ROOT

    outcome = run_bounded(many_findings, "--format", "json", "--fail-on", "never",
                          seconds=60, mb=400)
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(outcome.stdout), schema)


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "sarif", "html"])
def test_every_format_says_what_it_leaves_out(many_findings, fmt):
    outcome = run_bounded(many_findings, "--format", fmt, "--fail-on", "never",
                          seconds=60, mb=400)
    assert_contract(outcome, codes=(0,))
    text = outcome.stdout.decode("utf-8")
    assert "more findings (" in text and "not shown" in text
    assert len(outcome.stdout) < 2_000_000
    shown = 2 if fmt == "html" else 1  # HTML: in the brief's text and in the list
    # (SARIF also carries each rule's documentation, which names its code: count results)
    code = '"ruleId": "S190"' if fmt == "sarif" else "S190"
    assert text.count(code) <= shown * (MAX_FINDINGS + 10)


def test_thousands_of_empty_sections_in_bounded_memory(tmp_path):
    """40,000 Markdown headings (200 KB): the schema validates the first 1,000 sections one
    by one (jsonschema-rs held every error of all of them) and says so."""
    path = tmp_path / "headings.md"
    path.write_text("## H\n" * 40_000, encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=120, mb=250)
    assert_contract(outcome, codes=(0,))
    (document,) = json.loads(outcome.stdout)["documents"]
    assert any("only the first 1,000 are checked" in f["message"] for f in document["findings"])
    assert len(document["sections"]) == 1_000 and document["omitted"]["sections"] == 39_000

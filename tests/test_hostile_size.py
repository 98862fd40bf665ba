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


# The analysis caps (`checker.loaders.MAX_LINES`, `MAX_SENTENCES`): a 10 MB document of a
# million one-line paragraphs or two million headings took minutes and several GB, every
# paragraph costing a few KB of records. A document is analysed up to its caps, and every
# report says where the analysis stopped.

#: The documented caps (README, `checker.loaders`; a test pins them there).
MAX_LINES = 100_000
MAX_SENTENCES = 100_000
MAX_LINE_CHARS = 1_000_000
MB = 1024 * 1024
SIZE = 10 * MB - 4096  # under the 10 MB limit


def test_the_analysis_caps_are_the_documented_ones():
    from checker import loaders

    assert (loaders.MAX_LINES, loaders.MAX_SENTENCES, loaders.MAX_LINE_CHARS) == (
        MAX_LINES, MAX_SENTENCES, MAX_LINE_CHARS)


@pytest.fixture
def past_the_lines(tmp_path):
    """A brief, 100,000 empty lines, then a sentence contradicting it: past the cap, so not
    checked (cheap: empty lines cost nothing to analyse, only to count)."""
    path = tmp_path / "long.txt"
    path.write_text("Key Points\n- Leaders meet in Paris on January 6 for talks.\n"
                    + "\n" * MAX_LINES + "Leaders meet in Berlin on January 9 for talks.\n",
                    encoding="utf-8")
    return path


def test_a_document_past_the_line_cap_says_where_its_analysis_stopped(past_the_lines):
    import jsonschema

    from conftest import ROOT

    outcome = run_bounded(past_the_lines, "--format", "json", "--fail-on", "never",
                          seconds=60, mb=400)
    assert_contract(outcome, codes=(0,))
    report = json.loads(outcome.stdout)
    (document,) = report["documents"]
    assert document["omitted"]["unchecked_from"] == {"line": MAX_LINES + 1, "column": 1}
    assert not any(f["code"].startswith("C") for f in document["findings"])  # Berlin unread
    assert all(fact["line"] <= MAX_LINES for fact in document["facts"])
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    jsonschema.validate(report, schema)


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "sarif", "html"])
def test_every_format_says_where_the_analysis_stopped(past_the_lines, fmt):
    outcome = run_bounded(past_the_lines, "--format", fmt, "--fail-on", "never",
                          seconds=60, mb=400)
    assert_contract(outcome, codes=(0,))
    assert "the document from line 100,001 on is not checked" in outcome.stdout.decode("utf-8")


def test_a_one_line_paragraph_past_the_sentence_cap_is_cut_inside_its_line(tmp_path):
    """Sentences, not lines, bound a document written on a few lines: 100,500 sentences in
    one Markdown paragraph (700 KB) are analysed up to the 100,000th."""
    path = tmp_path / "one.md"
    path.write_text("## Summary\n\n" + "Ab cd. " * (MAX_SENTENCES + 500) + "\n",
                    encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=120, mb=600)
    assert_contract(outcome, codes=(0,))
    (document,) = json.loads(outcome.stdout)["documents"]
    assert document["omitted"]["unchecked_from"] == {"line": 3, "column": 7 * MAX_SENTENCES}


def test_a_markdown_line_past_the_character_cap_is_cut_before_parsing(tmp_path):
    """40,000 sentences on one 1.2 MB line, under the sentence cap: markdown-it would
    tokenize all of it first (a 10 MB line of entities took 600 MB), so the line is read up
    to MAX_LINE_CHARS, cut at a space."""
    path = tmp_path / "line.md"
    unit = "&#65;bcdefghij klmnopqrst uvwxyz. "
    path.write_text("## Summary\n\n" + unit * (40_000) + "\n", encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=120, mb=600)
    assert_contract(outcome, codes=(0,))
    (document,) = json.loads(outcome.stdout)["documents"]
    place = document["omitted"]["unchecked_from"]
    assert place["line"] == 3 and MAX_LINE_CHARS // 2 < place["column"] <= MAX_LINE_CHARS + 1


def test_a_json_paragraph_past_the_sentence_cap_is_cut_inside_it(tmp_path):
    """JSON cannot be cut by lines: its sentences bound it."""
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"sections": [{"kind": "summary", "heading": "Summary",
                                              "paragraphs": ["Ab cd. " * (MAX_SENTENCES + 500)]}]}),
                    encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=120, mb=600)
    assert_contract(outcome, codes=(0,))
    (document,) = json.loads(outcome.stdout)["documents"]
    assert document["omitted"]["unchecked_from"]["line"] == 1


def test_a_brief_under_the_caps_is_analysed_to_its_end(tmp_path):
    """Just under both caps: nothing is said to be left out, and the last line's sentence
    is analysed (its date conflicts with the first)."""
    path = tmp_path / "full.txt"
    path.write_text("Key Points\n- Leaders meet in Paris on January 6 for talks.\n"
                    + "\n" * (MAX_LINES - 4) + "Summary\nLeaders meet in Paris on January 9.\n",
                    encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=60, mb=400)
    (document,) = json.loads(outcome.stdout)["documents"]
    assert "omitted" not in document
    assert any(fact["line"] == MAX_LINES for fact in document["facts"])


def _fill(unit: str, head: str = "") -> str:
    return head + unit * ((SIZE - len(head)) // len(unit))


def _dated() -> str:
    """Sections stating a date, each the other day of its neighbour: a conflict each."""
    days, parts, length, n = ["le 6 janvier", "le 7 janvier"], [], 0, 0
    while length < SIZE:
        part = f"## Section {n}\n\nLe sommet de Paris a lieu {days[n % 2]}.\n\n"
        parts.append(part)
        length += len(part)
        n += 1
    return "".join(parts)


#: The size cases of `benchmarks/adversarial.py --sizes` that went past minutes or 1 GB
#: (issue 18: no case above 30 s or 1 GB on a 10 MB input; the seconds here are a generous
#: bound for a shared CI machine, the memory the issue's).
TEN_MB = {
    "repeated-sentence.txt": lambda: _fill("In Paris.\n", "Key Points\n"),
    "headings.md": lambda: _fill("## H\n"),
    "conflicts.md": _dated,
    "entities.md": lambda: _fill("&#65;bc def. ", "## Summary\n\n"),
    "escapes.json": lambda: json.dumps({"sections": [{"kind": "summary"}]})[:-3]
    + ', "paragraphs": ["' + "\\u0041bc def. " * ((SIZE - 200) // 15) + '"]}]}',
}


@pytest.mark.parametrize("name", sorted(TEN_MB))
def test_a_10_mb_document_is_checked_within_the_size_target(tmp_path, name):
    path = tmp_path / name
    path.write_text(TEN_MB[name](), encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=120, mb=1000)
    assert_contract(outcome, codes=(0,))
    (document,) = json.loads(outcome.stdout)["documents"]
    assert document["error"] is None
    assert "unchecked_from" in document["omitted"]

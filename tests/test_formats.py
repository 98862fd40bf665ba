"""The SARIF, JUnit, GitHub and HTML reports: snapshots on samples, the SARIF schema, escaping."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from lxml import etree

from checker.config import Config
from checker.formats import FORMATS, SHOWS_EVIDENCE, document_renderer, render, render_rendered
from checker.report import RenderedDocument, RunReport, Severity, Summary
from checker.run import check_file, check_paths, check_source
from conftest import ROOT, SAMPLES

SNAPSHOT_SAMPLES = [
    "samples/paris-summit.fr.txt",
    "samples/paris-summit.fr.md",
    "samples/consistency/c201-date-conflict.fr.txt",
    "samples/structure/s104-key-points-count.en.txt",
]
ALL_SAMPLES = sorted(
    p.relative_to(ROOT).as_posix() for p in SAMPLES.rglob("*") if p.is_file() and p.suffix != ".toml"
)
HOSTILE = (
    "Points Clés\n- Le sommet <script>alert(1)</script> a lieu à Paris, 100% sûr: oui, non.\n"
    "- Deux.\n- Trois.\n\nRésumé\n\nTexte\r avec & et \"guillemets\".\n"
)


def report_of(*paths: str) -> RunReport:
    return RunReport.build(check_paths(list(paths), Config()), "error")


def hostile_report(name: str = 'evil"<b>&.txt') -> RunReport:
    return RunReport.build([check_source(HOSTILE, name, "text", Config())], "error")


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads((ROOT / "tests" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_every_format_is_registered():
    assert set(FORMATS) == {"text", "json", "html", "sarif", "junit", "github"}


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "html"])
@pytest.mark.parametrize("sample", SNAPSHOT_SAMPLES)
def test_format_snapshot(fmt, sample, snapshot):
    assert render(fmt, report_of(sample)) == snapshot


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "html"])
def test_batch_snapshot(fmt, snapshot):
    assert render(fmt, report_of("samples/consistency", "missing.txt")) == snapshot


# --- SARIF -------------------------------------------------------------------------------

@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_sarif_is_valid_against_the_official_schema(sample, sarif_validator):
    log = json.loads(render("sarif", report_of(sample)))
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert not errors, errors[0].message


def test_sarif_batch_with_unreadable_file_is_valid(sarif_validator):
    log = json.loads(render("sarif", report_of("samples/consistency", "missing.txt")))
    sarif_validator.validate(log)
    (run,) = log["runs"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "missing.txt: no such file" in run["invocations"][0]["toolExecutionNotifications"][0][
        "message"]["text"]


def test_sarif_result_per_finding_with_region_rule_help_and_related_side():
    report = report_of("samples/consistency/c201-date-conflict.fr.txt")
    run = json.loads(render("sarif", report))["runs"][0]
    findings = report.documents[0].findings
    assert len(run["results"]) == len(findings)
    conflict = next(r for r in run["results"] if r["ruleId"] == "C201")
    assert conflict["level"] == "error"
    region = conflict["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 10, "startColumn": 130, "endLine": 10, "endColumn": 139}
    (other,) = conflict["relatedLocations"]
    assert other["physicalLocation"]["region"]["startLine"] == 2
    assert other["physicalLocation"]["region"]["snippet"]["text"] == "6 janvier"
    rule = run["tool"]["driver"]["rules"][conflict["ruleIndex"]]
    assert rule["id"] == "C201" and "## Example" in rule["help"]["markdown"]
    warning = next(r for r in run["results"] if r["ruleId"] == "C211")
    assert warning["level"] == "warning"


# --- GitHub ------------------------------------------------------------------------------

def test_github_annotation_has_position_and_title():
    out = render("github", report_of("samples/consistency/c201-date-conflict.fr.txt"))
    assert ("::error file=samples/consistency/c201-date-conflict.fr.txt,line=10,col=130,"
            "endLine=10,endColumn=139,title=C201 date-conflict::") in out
    assert "%0Asee line 2, column 132: 6 janvier" in out


def test_github_escapes_properties_and_data():
    from checker.formats.github import escape_data, escape_property

    assert escape_property("a,b:c%d\n") == "a%2Cb%3Ac%25d%0A"
    assert escape_data("50% sure\r\n::error::x") == "50%25 sure%0D%0A::error::x"
    assert escape_data("\x1b[2Jred\tand\x00") == "\\x1b[2Jred\tand\\x00"
    assert escape_property("evil\x1b[2J.txt") == "evil\\x1b[2J.txt"
    out = render("github", hostile_report("we,ird:name%.txt"))
    assert "file=we%2Cird%3Aname%25.txt," in out
    # Every command is one line: nothing in a message can start another command.
    assert all(line.startswith("::") for line in out.splitlines()[:-1])


# --- JUnit -------------------------------------------------------------------------------

def test_junit_suite_per_document_case_per_family_failures_carry_findings():
    out = render("junit", report_of("samples/consistency/c201-date-conflict.fr.txt",
                                    "samples/paris-summit.fr.txt", "missing.txt"))
    root = etree.fromstring(out.encode())
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "samples/consistency/c201-date-conflict.fr.txt", "samples/paris-summit.fr.txt", "missing.txt"]
    assert [c.get("name") for c in suites[0].findall("testcase")] == [
        "structure", "consistency", "redundancy"]
    failure = suites[0].find("testcase[@name='consistency']/failure")
    assert failure.get("type") == "C201" and "related: " in failure.text
    assert suites[1].find(".//failure") is None
    assert suites[2].find("testcase/error").get("message") == "no such file"
    assert root.get("failures") == "1" and root.get("errors") == "1"


def test_junit_fails_what_fails_the_run_so_the_page_and_the_exit_code_agree():
    documents = check_paths(["samples/paris-summit.fr.txt"], Config())
    assert {f.severity.value for f in documents[0].findings} == {"warning"}  # R30x
    codes = {f.code for f in documents[0].findings}
    for fail_on, failed in (("error", False), ("warning", True), ("never", False)):
        report = RunReport.build(documents, fail_on)
        root = etree.fromstring(render("junit", report).encode())
        assert (report.exit_code == 1) is failed
        assert (int(root.get("failures")) > 0) is failed, fail_on
        shown = root.iter("failure") if failed else root.iter("system-out")
        assert {code for e in shown for code in re.findall(r"\b[SCR]\d{3}\b", e.text)} == codes


def test_junit_survives_control_characters_and_markup():
    report = RunReport.build([check_source(HOSTILE.replace("Deux", "De\x01ux"), "a<b>.txt",
                                           "text", Config())], "error")
    root = etree.fromstring(render("junit", report).encode())
    assert root.find("testsuite").get("name") == "a<b>.txt"


# --- HTML --------------------------------------------------------------------------------

def test_html_escapes_document_text_and_file_names():
    out = render("html", hostile_report())
    assert "<script>alert(1)" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'evil&quot;&lt;b&gt;&amp;.txt' in out and '<b>&' not in out
    assert "<script" not in out  # the page has no script at all (filters are CSS)


def test_html_is_self_contained():
    out = render("html", report_of("samples/consistency/c202-place-conflict.fr.txt"))
    assert not re.search(r"""(src|href)=["'](https?:|//)""", out)
    assert "<link" not in out and "@import" not in out


def test_html_marks_conflict_spans_and_the_fact_matrix_in_red():
    out = render("html", report_of("samples/consistency/c201-date-conflict.fr.txt"))
    fact = r'<span class="fact" title="date: {0}">{0}</span>'
    assert re.search(r'<mark class="error"><a href="#d0-f\d"[^>]*>' + fact.format("7 janvier"), out)
    assert re.search(r'<mark class="error"><a href="#d0-f\d"[^>]*>' + fact.format("6 janvier"), out)
    assert re.search(r'<tr class="conflict"><th>date: 6 janvier ≠ 7 janvier', out)
    assert 'class="banner fail"' in out


def test_html_batch_has_an_index_row_per_document():
    out = render("html", report_of("samples/paris-summit.fr.txt", "samples/paris-summit.fr.md"))
    index = out.split('<table class="index">')[1].split("</table>")[0]
    assert index.count('<a href="#doc-') == 2


def test_html_redundancy_map_is_a_heat_map_of_the_overlap_table():
    from checker.report import PairEnd, Redundancy, RedundancyPair

    document = report_of("samples/paris-summit.fr.txt").documents[0]
    document = document.model_copy(update={"redundancy": Redundancy(
        pairs=(RedundancyPair(a=PairEnd(section="key_points", line=2),
                              b=PairEnd(section="summary", line=7), score=1.0),),
        overlap={"summary": {"key_points": 0.5}, "body-1": {"key_points": 0.25}},
    )})
    out = render("html", RunReport.build([document], "error"))
    heat = out.split('<table class="redundancy">')[1].split("</table>")[0]
    # no finding names the Summary's repetition: expected, not heat; R302 names the body's
    assert '<td class="expected" title="expected repetition">50% expected</td>' in heat
    assert '<td class="h2">25%</td>' in heat
    assert heat.count("<tr>") == 1 + len(document.sections)
    assert ('Résumé Rapide repeats Points Clés: 1 sentence pair: <a href="#d0-l7">l.7</a> ≈ '
            '<a href="#d0-l2">l.2</a> (1.00)') in out


def test_html_redundancy_map_of_a_brief_with_many_sections_is_a_list_not_a_grid():
    """Past MAP_MAX_SECTIONS sections a grid grows as the square of the brief: the filled
    cells are listed instead, section by section, with their share and heat."""
    from checker.formats.html import MAP_MAX_SECTIONS
    from checker.report import DocumentReport, Redundancy, SectionInfo

    def document(sections: int) -> DocumentReport:
        ids = [f"body-{n}" for n in range(1, sections + 1)]
        return DocumentReport(
            path="long.txt", lang="en", format="text",
            sections=tuple(SectionInfo(id=i, kind="body", heading=f"Part {i}", line=n)
                           for n, i in enumerate(ids, 1)),
            redundancy=Redundancy(overlap={"body-3": {"body-1": 0.5, "body-2": 0.25},
                                           ids[-1]: {"body-3": 1.0}}))

    many = render("html", RunReport.build([document(MAP_MAX_SECTIONS + 1)], "error"))
    table = many.split('<table class="redundancy">')[1].split("</table>")[0]
    assert f"{MAP_MAX_SECTIONS + 1} sections: too many for a grid" in many
    assert table.count("<tr>") == 1 + 2 and "<td></td>" not in table
    assert ('<tr><th>Part body-3</th><td><span class="swatch expected">'
            'Part body-1 50%</span>, <span class="swatch expected">'
            'Part body-2 25%</span></td></tr>') in table
    few = render("html", RunReport.build([document(MAP_MAX_SECTIONS)], "error"))
    grid = few.split('<table class="redundancy">')[1].split("</table>")[0]
    assert "too many" not in few and grid.count("<tr>") == 1 + MAP_MAX_SECTIONS


def test_json_is_what_the_standard_encoder_writes_of_the_report_dict():
    # Our encoder exists for speed and memory on huge reports; its text must be the
    # standard library's, byte for byte, including escapes and shared records.
    from checker.report import DocumentReport, Redundancy, Summary, as_dict

    files = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".md", ".html", ".json"))
    reports = check_paths([str(p) for p in files], Config())
    odd = DocumentReport(path='q"\\\x00\x1b\u2028é😀', lang=None, format=None, error="a\nb\t",
                         redundancy=Redundancy(overlap={"k": {"é": 0.1, "z": 1e-7, "w": 1e300}, "e": {}}))
    run = RunReport(summary=Summary(documents=len(reports) + 1, error=1, warning=2, info=3, failed=True),
                    documents=(*reports, odd))
    assert render("json", run) == json.dumps(as_dict(run), ensure_ascii=False, indent=2) + "\n"


def test_json_encoder_writes_a_shared_small_record_once_and_the_same_bytes_as_json_dumps():
    """A record shared by several findings (the sentence every copy points at) is encoded
    once per indentation level and remembered by identity; the text is json.dumps's."""
    from checker.formats.json import _Encoder
    from checker.report import Related, as_dict

    shared = Related(section="summary", line=3, column=1, text="Les « alliés » se réunissent.")
    value = (shared, shared, Related(section=None, line=4, column=2, text="x"), 0.5, None, True)
    pieces: list[str] = []
    encoder = _Encoder(pieces.append)
    encoder.write(value, "\n")
    assert "".join(pieces) == json.dumps(as_dict(value), ensure_ascii=False, indent=2)
    assert (id(shared), "\n  ") in encoder._memo and len(encoder._memo) == 2


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - SHOWS_EVIDENCE))
def test_formats_that_show_only_findings_need_no_evidence(fmt):
    """A run in these formats checks without evidence (`evidence=False`): what they render
    must not change. A format that starts showing facts or repeated sentences fails here
    until it is listed in SHOWS_EVIDENCE."""
    paths = [p for p in ALL_SAMPLES if not p.endswith(".toml")]
    full = RunReport.build([check_file(p, Config()) for p in paths], "error")
    lean = RunReport.build([check_file(p, Config(), evidence=False) for p in paths], "error")
    assert any(d.facts for d in full.documents) and not any(d.facts for d in lean.documents)
    assert all(d.sections for d in full.documents if not d.error)
    assert not any(d.sections for d in lean.documents)
    assert render(fmt, lean) == render(fmt, full)


@pytest.mark.parametrize("fmt", sorted(SHOWS_EVIDENCE))
def test_formats_that_show_evidence_change_without_it(fmt):
    """The converse: the evidence formats do show it (so the list is not merely longer)."""
    path = "samples/paris-summit.fr.txt"
    lean = RunReport.build([check_file(path, Config(), evidence=False)], "error")
    assert render(fmt, lean) != render(fmt, report_of(path))


@pytest.mark.parametrize("fmt, color", [("text", False), ("text", True), ("json", False)])
def test_documents_rendered_one_by_one_give_the_reports_bytes(fmt, color):
    """What a batch's workers send back (each document rendered where it was checked) joins
    into the same text as the run's report rendered whole, for every sample: findings,
    related lines, an unreadable file, control characters in a path and a brief."""
    paths = [p for p in ALL_SAMPLES if not p.endswith(".toml")] + ["samples/nope.txt"]
    evidence = fmt in SHOWS_EVIDENCE
    escaped = check_source(HOSTILE.replace("Deux", "\x1b[31mDeux"), "evil\x1b[2J.txt", "text",
                           Config(), evidence=evidence)
    report = RunReport.build([check_file(p, Config(), evidence) for p in paths] + [escaped],
                             "warning")
    render_document = document_renderer(fmt, color=color)
    rendered = [RenderedDocument.of(d, render_document(d)) for d in report.documents]
    summary = Summary.of_rendered(rendered, "warning")
    assert summary == report.summary and summary.unreadable == 1 and summary.failed
    assert render_rendered(fmt, rendered, summary, color=color) == render(fmt, report, color=color)
    assert "\x1b[2J" not in render_rendered(fmt, rendered, summary, color=color)
    empty = RunReport.build([], "warning")
    assert render_rendered(fmt, [], empty.summary, color=color) == render(fmt, empty, color=color)


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"text", "json"}))
def test_formats_that_render_the_run_whole_have_no_document_renderer(fmt):
    assert document_renderer(fmt) is None


# --- SARIF for code scanning: stable URIs and fingerprints, linked related locations -----

C201_FR = "samples/consistency/c201-date-conflict.fr.txt"


def _sarif_results(run_cli, *args):
    result = run_cli("--format", "sarif", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.stderr
    (run,) = json.loads(result.stdout)["runs"]
    return run


def _uris_and_fingerprints(run):
    return [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId"),
             r["partialFingerprints"]) for r in run["results"]]


def test_sarif_is_the_same_from_two_working_directories_and_any_path_form(run_cli, monkeypatch):
    """`cd samples && briefcheck consistency/x` gives the URIs and fingerprints of a run from
    the root; `./x`, `a/../x` and an absolute path too (issue 17: uploads duplicated alerts)."""
    from_root = _uris_and_fingerprints(_sarif_results(run_cli, C201_FR))
    assert from_root[0][0] == C201_FR and from_root[0][1] == "%SRCROOT%"
    assert all(len(f) == 1 and f["briefcheck/v1"] for _, _, f in from_root)
    for form in (f"./{C201_FR}", f"samples/../{C201_FR}", str(ROOT / C201_FR)):
        assert _uris_and_fingerprints(_sarif_results(run_cli, form)) == from_root, form
    monkeypatch.chdir(ROOT / "samples")
    assert _uris_and_fingerprints(_sarif_results(run_cli, "consistency/c201-date-conflict.fr.txt")
                                  ) == from_root
    assert _uris_and_fingerprints(_sarif_results(run_cli, "./consistency/../consistency/"
                                                 "c201-date-conflict.fr.txt")) == from_root


def test_sarif_fingerprints_survive_unrelated_lines_and_differ_between_findings(tmp_path,
                                                                                 monkeypatch):
    """A line added above moves every finding down: the alerts stay the same ones."""
    monkeypatch.chdir(tmp_path)
    text = (ROOT / C201_FR).read_text("utf-8")
    (tmp_path / "brief.fr.txt").write_text(text, "utf-8")
    before = json.loads(render("sarif", report_of("brief.fr.txt")))["runs"][0]["results"]
    (tmp_path / "brief.fr.txt").write_text("\n" + text, "utf-8")
    after = json.loads(render("sarif", report_of("brief.fr.txt")))["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        n + 1 for n in lines]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    assert len({r["partialFingerprints"]["briefcheck/v1"] for r in before}) == len(before)


def test_sarif_outside_a_git_checkout_is_relative_to_the_working_directory(tmp_path, monkeypatch):
    from checker.formats.locations import repository_root

    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "a.fr.txt").write_text((ROOT / C201_FR).read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert repository_root(str(tmp_path.resolve())) in (tmp_path.resolve(), *tmp_path.parents)
    if repository_root(str(tmp_path.resolve())) == tmp_path.resolve():
        run = json.loads(render("sarif", report_of("briefs/a.fr.txt")))["runs"][0]
        assert run["artifacts"][0]["location"]["uri"] == "briefs/a.fr.txt"


def test_sarif_standard_input_has_a_uri_of_its_own(run_cli, sarif_validator):
    result = run_cli("--format", "sarif", "-", input=(ROOT / C201_FR).read_text("utf-8"))
    log = json.loads(result.stdout)
    sarif_validator.validate(log)
    where = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "stdin", "description": {"text": "standard input"}}


def test_sarif_message_links_the_other_side_of_a_conflict():
    run = json.loads(render("sarif", report_of(C201_FR)))["runs"][0]
    conflict = next(r for r in run["results"] if r["ruleId"] == "C201")
    assert conflict["message"]["text"].endswith("(see [6 janvier](1))")
    assert [other["id"] for other in conflict["relatedLocations"]] == [1]
    overlap = next(r for r in run["results"] if r["ruleId"] == "R302")
    assert "(see [Points Clés](1), [Résumé Rapide](2))" in overlap["message"]["text"]


def test_sarif_escapes_brackets_of_a_message_that_are_no_links():
    from checker.formats.sarif import _message
    from checker.report import Finding, Location, Related, Severity

    finding = Finding(code="C201", name="date-conflict", category="consistency",
                      severity=Severity.ERROR, message="a [b](1) c\\",
                      location=Location(section=None, line=1, column=1, end_line=1, end_column=2),
                      related=(Related(section=None, line=2, column=1, text="x]"),))
    assert _message(finding) == "a \\[b\\](1) c\\\\ (see [x\\]](1))"


def test_sarif_rules_have_help_uris_and_the_run_its_category(run_cli):
    run = json.loads(render("sarif", report_of(C201_FR)))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["informationUri"] == "README.md"
    assert all(rule["helpUri"] == f"docs/rules.md#{rule['id'].lower()}-{rule['name']}"
               for rule in driver["rules"])
    assert run["automationDetails"] == {"id": "briefcheck/"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"]
    custom = _sarif_results(run_cli, "--sarif-category", "briefs/fr", C201_FR)
    assert custom["automationDetails"] == {"id": "briefs/fr/"}


def test_docs_rules_md_is_current_and_has_every_anchor():
    """docs/rules.md, where each SARIF helpUri points, is what `python -m checker.rules.docs`
    writes from the registry today."""
    from checker.rules import all_rules
    from checker.rules.docs import rules_markdown

    shipped = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert shipped == rules_markdown(), "run: python -m checker.rules.docs > docs/rules.md"
    for rule in all_rules().values():
        assert f"\n## {rule.code} {rule.name}\n" in shipped


# --- JUnit ---------------------------------------------------------------------------------

def test_junit_failure_message_is_the_first_finding_and_classname_has_no_dots():
    root = etree.fromstring(render("junit", report_of(C201_FR)).encode())
    failure = root.find(".//testcase[@name='consistency']/failure")
    assert failure.get("message").startswith("line 10: C201 date '7 janvier' (7 January)")
    classnames = {case.get("classname") for case in root.iter("testcase")}
    assert classnames == {"samples/consistency/c201-date-conflict\u2024fr\u2024txt"}
    assert all("." not in name for name in classnames)


def test_junit_family_not_run_is_skipped_not_passed(run_cli):
    result = run_cli("--format", "junit", "--select", "S1", C201_FR)
    root = etree.fromstring(result.stdout.encode())
    skipped = {case.get("name") for case in root.iter("testcase") if case.find("skipped") is not None}
    assert skipped == {"consistency", "redundancy"}
    assert root.get("skipped") == "2" and root.find("testsuite").get("skipped") == "2"


def test_junit_from_the_command_has_time_and_timestamp(run_cli):
    root = etree.fromstring(run_cli("--format", "junit", C201_FR).stdout.encode())
    suite = root.find("testsuite")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", suite.get("timestamp"))
    assert float(suite.get("time")) > 0 and float(root.get("time")) >= float(suite.get("time"))


# --- GitHub annotations -----------------------------------------------------------------

def test_github_paths_have_no_dot_slash_and_documents_are_groups(run_cli):
    out = run_cli("--format", "github", f"./{C201_FR}", "samples/paris-summit.fr.txt").stdout
    assert "file=./" not in out and f"file={C201_FR}," in out
    assert out.startswith(f"::group::{C201_FR}: 1 error, 3 warnings\n")
    assert out.count("::group::") == out.count("::endgroup::") == 2


def test_github_stays_within_the_annotation_limit_most_severe_first(run_cli):
    """GitHub drops annotations past 10 of a kind per step: the run says so, and every
    finding is still in the log."""
    out = run_cli("--format", "github", "samples/").stdout
    report = report_of("samples")
    warnings = sum(d.count(Severity.WARNING) for d in report.documents)
    errors = sum(d.count(Severity.ERROR) for d in report.documents)
    assert warnings > 10 and errors > 10
    assert out.count("::warning ") == 10 and out.count("::error ") == 10
    assert f"{errors - 10} errors, {warnings - 10} warnings" in out
    assert "not annotated" in out
    logged = [line for line in out.splitlines() if re.match(r"\S+:\d+:\d+: [SCR]\d{3} ", line)]
    assert len(logged) + 20 + out.count("::notice ") == sum(len(d.findings)
                                                             for d in report.documents)


def test_github_writes_a_step_summary_with_counts_and_worst_findings(run_cli, tmp_path,
                                                                       monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step text\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run_cli("--format", "github", C201_FR, "samples/paris-summit.fr.txt")
    text = summary.read_text("utf-8")
    assert text.startswith("earlier step text\n## briefcheck failed\n")
    assert "| 2 | 1 | " in text  # documents, errors
    worst = text.split("### Worst findings", 1)[1].splitlines()
    assert "| error | samples/consistency/c201-date-conflict.fr.txt:10 | C201 date-conflict" in worst[4]

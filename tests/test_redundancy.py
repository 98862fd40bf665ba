"""Redundancy rules R301-R303 on the seed, minimal pairs, configuration and the report."""

from __future__ import annotations

import json

import pytest

from checker import check_path, check_text
from checker.config import Config, RedundancyConfig
from conftest import ROOT, SEED

R = Config(select=("R",))

BRIEF = """Key Points
- Finance ministers of the euro area meet in Luxembourg on June 19.
- They discuss the budget rules that return next year.
- Several countries ask for more time to cut their deficits.
Summary
Finance ministers of the euro area gather in Luxembourg on June 19 to prepare the return of the budget rules. Several governments want longer paths to reduce their deficits.
The Talks
The Commission presents its assessment of each national plan in the morning. {body}
Germany and the Netherlands insist that the agreed limits must apply from January.
Conclusion
The meeting in Luxembourg will show how strictly the rules are applied next year.
"""
FRESH = "Italy and France defend public investment in defence and energy."
COPY = "Several countries ask for more time to cut their deficits."
#: The Summary's first sentence with two words changed (area -> zone, prepare -> discuss).
EDITED = ("Finance ministers of the euro zone gather in Luxembourg on June 19 to discuss the return "
          "of the budget rules.")


def codes(report):
    return [f.code for f in report.findings]


def test_seed_key_point_summary_and_body_first_sentences_are_verbatim_pairs():
    report = check_path(str(SEED), R)
    pairs = {(p.a.section, p.a.line, p.b.section, p.b.line): p.score for p in report.redundancy.pairs}
    assert pairs[("key_points", 2, "summary", 7)] == 1.0
    assert pairs[("key_points", 2, "body-1", 10)] == 1.0
    assert pairs[("summary", 7, "body-1", 10)] == 1.0


def test_seed_body_section_is_reported_as_overlapping_the_summary():
    report = check_path(str(SEED), R)
    assert report.redundancy.overlap["body-1"]["summary"] > 0.2
    overlap = [f for f in report.findings if f.code == "R302"]
    assert len(overlap) == 1
    assert "'Sommet de Paris Convoqué'" in overlap[0].message
    assert "'Résumé Rapide'" in overlap[0].message
    assert overlap[0].location.section == "body-1" and overlap[0].location.line == 9
    assert "summary" in [r.section for r in overlap[0].related]


def test_seed_body_copy_is_r301_on_the_later_sentence_related_to_the_earlier():
    report = check_path(str(SEED), R)
    repeated = [f for f in report.findings if f.code == "R301"]
    assert len(repeated) == 1
    finding = repeated[0]
    assert (finding.location.section, finding.location.line, finding.location.column) == ("body-1", 10, 1)
    assert "verbatim, score 1.00" in finding.message
    assert finding.category == "redundancy" and finding.severity.value == "warning"
    assert [(r.section, r.line) for r in finding.related] == [("key_points", 2), ("summary", 7)]


def test_summary_repeating_key_points_is_expected_and_not_reported():
    report = check_path(str(SEED), R)
    assert not [f for f in report.findings if f.location.section == "summary"]
    assert report.redundancy.overlap["summary"]["key_points"] > 0


def test_fresh_body_gives_nothing():
    report = check_text(BRIEF.format(body=FRESH), config=R)
    assert codes(report) == []
    assert "The Talks" not in json.dumps(report.redundancy.overlap)


def test_copied_key_point_in_body_is_verbatim():
    report = check_text(BRIEF.format(body=COPY), config=R)
    [finding] = [f for f in report.findings if f.code == "R301"]
    assert "'Key Points' (verbatim" in finding.message
    assert finding.location.line == 8 and finding.related[0].line == 4


def test_two_word_edit_is_a_close_paraphrase():
    report = check_text(BRIEF.format(body=EDITED), config=R)
    [finding] = [f for f in report.findings if f.code == "R301"]
    assert "'Summary' (close paraphrase, score 0.8" in finding.message
    assert finding.related[0].line == 6


def test_thresholds_come_from_the_config():
    strict = Config(select=("R",), redundancy=RedundancyConfig(paraphrase=0.95))
    assert "R301" not in codes(check_text(BRIEF.format(body=EDITED), config=strict))
    lenient = Config(select=("R",), redundancy=RedundancyConfig(section_overlap=0.9))
    assert "R302" not in codes(check_text(BRIEF.format(body=COPY), config=lenient))
    assert "R302" in codes(check_text(BRIEF.format(body=COPY), config=R))


def test_expected_overlap_is_configurable():
    body_may_repeat = Config(
        select=("R",),
        redundancy=RedundancyConfig(expected={"summary": ("key_points",), "body": ("key_points",)}),
    )
    assert codes(check_text(BRIEF.format(body=COPY), config=body_may_repeat)) == []
    nothing_expected = Config(select=("R",), redundancy=RedundancyConfig(expected={}))
    report = check_path(str(SEED), nothing_expected)
    assert [f.location.section for f in report.findings if f.code == "R301"] == ["summary", "body-1"]


def test_repeat_within_a_section_is_info():
    text = BRIEF.format(body=FRESH).replace(
        "apply from January.", "apply from January. The Dutch and the Germans insist the agreed limits apply from January."
    )
    report = check_text(text, config=R)
    [finding] = report.findings
    assert (finding.code, finding.severity.value) == ("R303", "info")
    assert finding.location.line == 9 and finding.related[0].line == 9


def test_redundancy_report_is_empty_when_no_r_rule_runs():
    report = check_path(str(SEED), Config(select=("S",)))
    assert report.redundancy.pairs == () and report.redundancy.overlap == {}


def test_clean_corpus_gives_no_redundancy_warning():
    corpus = sorted((ROOT / "benchmarks/accuracy/corpus").glob("*.*.*"))
    warnings = [f for path in corpus for f in check_path(str(path), R).findings]
    assert len(corpus) >= 13 and warnings == []


def test_unknown_redundancy_key_is_exit_2(run_cli, tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text("[redundancy]\nparaphrse = 0.8\n")
    result = run_cli("--config", path, SEED)
    assert result.exit_code == 2
    assert "invalid config key 'redundancy.paraphrse': unknown key" in result.stderr


def test_redundancy_config_from_toml(run_cli, tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('[redundancy]\nexpected = { summary = ["key_points"], body = ["key_points", "summary"] }\n')
    result = run_cli("--config", path, "--select", "R", SEED)
    assert result.exit_code == 0 and "R30" not in result.stdout



@pytest.mark.parametrize(("sample", "said"), [
    ("samples/consistency/c201-date-conflict.fr.txt",
     "'Points Clés' (near copy, score 1.00: '7' here, '6' there)"),
    ("samples/consistency/c202-place-conflict.fr.txt",
     "'Résumé Rapide' (near copy, score 0.92: 'Paris' here, 'Berlin' there)"),
])
def test_sentences_differing_in_a_conflicting_fact_are_not_verbatim(sample, said):
    """Issue 17: a sentence that differs from an earlier one in the very fact in conflict
    (6 vs 7 janvier, Paris vs Berlin) is not "verbatim, score 1.00"; the message says how
    each earlier sentence it lists is repeated."""
    report = check_path(str(ROOT / sample), Config())
    [finding] = [f for f in report.findings if f.code == "R301"]
    assert said in finding.message
    assert finding.message.count("score") == len(finding.related)


def test_identical_sentences_are_still_verbatim():
    report = check_path(str(SEED), R)
    [finding] = [f for f in report.findings if f.code == "R301"]
    assert "'Points Clés' (verbatim, score 1.00)" in finding.message
    assert "'Résumé Rapide' (verbatim, score 1.00)" in finding.message

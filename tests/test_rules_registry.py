"""The rule registry documents itself: every rule has a unique code in its family, a
three-part doc with a bad and a good example, a sample that triggers it and clean samples
that do not."""

from __future__ import annotations

import re

import pytest

from checker import check_path
from checker.config import Config
from checker.rules import all_rules
from conftest import SAMPLES

RULES = list(all_rules().values())
FAMILY = {"structure": "S", "consistency": "C", "redundancy": "R"}
CLEAN = [SAMPLES / "paris-summit.fr.txt", SAMPLES / "nato-summit.en.txt"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert re.fullmatch(r"[SCR]\d{3}", rule.code)
    assert rule.code[0] == FAMILY[rule.category]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    doc = rule.doc()
    assert rule.summary() and rule.summary().endswith(".")
    for part in ("## What it does", "## Why is this bad?", "## Example", "Bad", "Good",
                 "## How to fix"):
        assert part in doc, f"{rule.code} doc lacks {part!r}"
    # For editors: what it checks in a short paragraph (issue 17: C203's was 300 words of
    # heuristics); how briefcheck decides may follow under a heading of its own.
    what = doc.split("## What it does", 1)[1].split("\n## ", 1)[0]
    assert len(what.split()) <= 80, f"{rule.code}: 'What it does' has {len(what.split())} words"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_doc_says_how_to_silence_and_regrade_it(rule):
    from checker.rules.docs import full_doc

    doc = full_doc(rule)
    assert f"<!-- briefcheck: ignore {rule.code} -->" in doc
    assert f'ignore = ["{rule.code}"]' in doc and f"--ignore {rule.code}" in doc
    assert "[severity]" in doc and f"default `{rule.severity.value}`" in doc


def test_names_are_unique():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_a_sample_that_triggers_it(rule):
    samples = sorted(SAMPLES.rglob(f"{rule.code.lower()}-*"))
    assert samples, f"no sample named samples/**/{rule.code.lower()}-* for {rule.code}"
    for sample in samples:
        report = check_path(str(sample), Config(select=(rule.code,)))
        assert rule.code in [f.code for f in report.findings], sample


@pytest.mark.parametrize("sample", CLEAN, ids=lambda p: p.name)
def test_clean_samples_trigger_no_error(sample):
    report = check_path(str(sample))
    assert [f for f in report.findings if f.severity.value == "error"] == []

"""Structure rules (S1xx): each broken sample triggers its rule, at the right place, and the
seed passes. Limits come from schemas/brief.schema.json."""

from __future__ import annotations

import json
import re

import pytest

from checker import check_path, check_text
from checker.config import Config
from conftest import SAMPLES, SEED

STRUCTURE = SAMPLES / "structure"


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


def test_shipped_brief_schema_is_a_valid_2020_12_schema():
    import jsonschema

    from checker.schema import shipped_schema_path

    schema = json.loads(shipped_schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)  # raises when invalid
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_seed_has_no_structure_finding():
    report = check_path(str(SEED))
    assert report.error is None
    assert [f for f in report.findings if f.category == "structure"] == []


@pytest.mark.parametrize("sample", sorted(STRUCTURE.glob("s1*")), ids=lambda p: p.name)
def test_each_broken_sample_triggers_its_own_rule_only(sample):
    expected = sample.name[:4].upper()
    report = check_path(str(sample), Config(select=("S",)))
    assert report.error is None
    assert set(codes(report)) == {expected}


@pytest.mark.parametrize(
    ("sample", "line", "column", "message"),
    [
        ("s101-missing-section.en.txt", 1, 1, "the brief has no Conclusion section"),
        ("s102-section-order.en.txt", 3, 1,
         "sections are out of order: expected Key Points, Summary, body sections, Conclusion"),
        ("s103-duplicate-section.fr.txt", 1, 1, "the brief has more than one Summary section"),
        ("s105-bullet-length.en.txt", 5, 3, "Key Point 4 has 38 words; at most 35"),
        ("s106-bullet-sentences.en.txt", 2, 3, "Key Point 1 has 2 sentences; a bullet is one sentence"),
        ("s107-paragraph-count.en.txt", 5, 1, "Summary has 4 paragraphs; at most 3"),
        ("s108-section-length.en.txt", 5, 1, "Summary has 133 words; at most 120"),
        ("s109-heading-length.en.txt", 7, 1, "the heading has 16 words; at most 12"),
        ("s110-duplicate-heading.en.txt", 9, 1,
         'section "The talks" repeats the heading of an earlier body section'),
        ("s111-empty-section.en.txt", 9, 1, 'section "What Comes Next" is empty'),
        ("s113-key-points-prose.en.txt", 1, 1,
         "Key Points has 1 line written as prose; write each point as a bullet"),
    ],
)
def test_message_and_position(sample, line, column, message):
    report = check_path(str(STRUCTURE / sample))
    (finding,) = [f for f in report.findings if f.location.line == line and f.category == "structure"]
    assert (finding.location.line, finding.location.column, finding.message) == (line, column, message)


def test_bullet_count_limits_are_inclusive():
    bullets = "\n".join(f"- Point number {i} says something worth knowing today." for i in range(1, 8))
    body = "\nSummary\nA summary.\nThe Talks\nA paragraph.\nConclusion\nAn end.\n"
    for count, expected in ((2, ["S104"]), (3, []), (6, []), (7, ["S104"])):
        text = "Key Points\n" + "\n".join(bullets.splitlines()[:count]) + body
        assert codes(check_text(text, config=Config(select=("S",)))) == expected, count


def test_empty_section_is_reported_once_not_also_as_too_few_bullets():
    text = "Key Points\nSummary\nA summary.\nThe Talks\nA paragraph.\nConclusion\nAn end.\n"
    assert codes(check_text(text, config=Config(select=("S",)))) == ["S111"]


def test_custom_schema_from_config_changes_the_limit(tmp_path):
    schema = json.loads((SAMPLES.parent / "schemas" / "brief.schema.json").read_text())
    kp = schema["$defs"]["section"]["allOf"][0]["then"]["properties"]["bullets"]
    kp["maxItems"] = 3
    custom = tmp_path / "newsroom.schema.json"
    custom.write_text(json.dumps(schema))
    report = check_path(str(SEED), Config(schema=custom, select=("S",)))
    assert codes(report) == ["S104"]
    assert report.findings[0].message == "Key Points has 4 bullets; at most 3"


def test_custom_schema_constraint_without_rule_becomes_s100(tmp_path):
    schema = json.loads((SAMPLES.parent / "schemas" / "brief.schema.json").read_text())
    schema["properties"]["lang"] = {"enum": ["en"]}
    custom = tmp_path / "english-only.schema.json"
    custom.write_text(json.dumps(schema))
    (finding,) = check_path(str(SEED), Config(schema=custom, select=("S",))).findings
    assert finding.code == "S100"
    assert re.search(r"'fr' is not one of \['en'\]", finding.message)


def test_unusable_schema_is_exit_2(run_cli, tmp_path):
    config = tmp_path / ".briefcheck.toml"
    (tmp_path / "broken.json").write_text("{not json")
    config.write_text('schema = "broken.json"\n')
    result = run_cli("--config", config, SEED)
    assert result.exit_code == 2
    assert "broken.json: cannot use schema" in result.stderr

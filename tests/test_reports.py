"""The text and JSON reports of every sample, pinned with syrupy snapshots, and the JSON
report validated against its contract, schemas/report.schema.json."""

from __future__ import annotations

import json

import jsonschema
import pytest

from checker.config import Config
from checker.formats import render
from checker.report import RunReport
from checker.run import check_paths
from conftest import ROOT, SAMPLES

SAMPLE_FILES = sorted(
    p.relative_to(ROOT).as_posix() for p in SAMPLES.rglob("*") if p.is_file() and p.suffix != ".toml"
)


def report_of(*paths: str) -> RunReport:
    return RunReport.build(check_paths(list(paths), Config()), "error")


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)  # report paths are as given: relative, like a user in the repo


@pytest.fixture(scope="module")
def report_schema():
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_text_report(sample, snapshot):
    assert render("text", report_of(sample)) == snapshot


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_json_report(sample, snapshot, report_schema):
    output = render("json", report_of(sample))
    report_schema.validate(json.loads(output))
    assert output == snapshot


def test_batch_json_report_is_valid_and_deterministic(report_schema):
    first = render("json", report_of("samples", "missing.md"))
    second = render("json", report_of("samples", "missing.md"))
    assert first == second
    data = json.loads(first)
    report_schema.validate(data)
    assert data["summary"]["unreadable"] == 1
    assert data["documents"][-1] == {
        "path": "missing.md", "lang": None, "format": "markdown", "sections": [], "facts": [],
        "findings": [], "redundancy": {"pairs": [], "overlap": {}}, "error": "no such file",
    }


def test_schema_rejects_a_report_that_breaks_the_contract(report_schema):
    data = json.loads(render("json", report_of("samples/structure/s104-key-points-count.en.txt")))
    data["documents"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        report_schema.validate(data)


def test_text_report_colours_only_when_asked():
    report = report_of("samples/structure/s104-key-points-count.en.txt")
    assert "\x1b[" not in render("text", report)
    assert "\x1b[" in render("text", report, color=True)


def test_text_report_escapes_control_characters_of_the_document():
    from checker import check_text

    text = "Key Points\n- Bad \x1b[31mred\x1b[0m bullet here.\n"
    document = check_text(text, path="evil\x1b[2J.txt")
    output = render("text", RunReport.build([document]))
    assert "\x1b" not in output
    assert "evil\\x1b[2J.txt" in output

"""Schema enforcement's quick path: jsonschema-rs answers "valid or not" and lists the errors
of invalid briefs, described as jsonschema would (checker/schema.py); jsonschema is the
reference. Both must agree on every brief, or findings would be lost or changed; these tests
set them against each other."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import schema as schema_module
from checker.loaders import load
from checker.schema import (
    SchemaError,
    _annotation,
    _quick_validator,
    _resolved,
    _schema,
    _validator,
    brief_document,
    schema_errors,
    validate_brief,
)
from conftest import ROOT, SAMPLES

BRIEFS = sorted(
    p for folder in (SAMPLES, ROOT / "tests" / "hostile") for p in folder.rglob("*")
    if p.suffix in (".txt", ".md", ".html", ".json")
)


def _document(path) -> dict | None:
    try:
        return brief_document(load(path.read_text(encoding="utf-8"), str(path), None, "auto"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _agree(document: dict) -> bool:
    path = _resolved(None)
    quick = _quick_validator(path).is_valid(document)
    return quick == (not list(_validator(path).iter_errors(document)))


def test_the_shipped_schema_has_a_quick_validator():
    assert _quick_validator(_resolved(None)) is not None


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_both_validators_agree_on_every_sample(path):
    document = _document(path)
    if document is not None:
        assert _agree(document)


def test_the_samples_hold_valid_and_invalid_briefs():
    verdicts = {_quick_validator(_resolved(None)).is_valid(d)
                for d in map(_document, BRIEFS) if d is not None}
    assert verdicts == {True, False}


SEED_DOCUMENT = _document(SAMPLES / "paris-summit.fr.txt")
_COUNTS = ("words", "sentences", "heading_words")


def _mutate(document: dict, edits: list[tuple[int, str, int, int]]) -> dict:
    """Change counts of sections and blocks, drop blocks or sections: limits are crossed."""
    out = copy.deepcopy(document)
    for section_pick, key, value, drop in edits:
        if not out["sections"]:
            break
        section = out["sections"][section_pick % len(out["sections"])]
        if key in section:
            section[key] = value
        blocks = section["bullets"] or section["paragraphs"]
        if blocks:
            block = blocks[section_pick % len(blocks)]
            block["words" if key == "heading_words" else key] = value
            if drop == 1:
                blocks.pop()
            elif drop == 2:
                blocks.extend(copy.deepcopy(blocks[:3]))
        if drop == 3:
            out["sections"].remove(section)
    out["words"] = sum(s["words"] for s in out["sections"])
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 9), st.sampled_from(_COUNTS), st.integers(0, 200),
                          st.integers(0, 6)), max_size=4))
def test_both_validators_agree_on_briefs_near_the_limits(edits):
    assert _agree(_mutate(SEED_DOCUMENT, edits))


def test_a_schema_with_a_remote_ref_is_refused(tmp_path):
    """Nothing here downloads anything (tests/test_hostile_schema.py has the server)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$ref": "https://example.invalid/brief.json"}
    path = tmp_path / "remote.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    with pytest.raises(SchemaError, match="only references inside the schema file"):
        _quick_validator(path.resolve())


@pytest.mark.parametrize("schema, instance", [
    ({"type": "string", "minLength": 3}, "éé"),
    ({"type": "string", "minLength": 3}, "😀😀"),
    ({"type": "string", "maxLength": 2}, "e\u0301e"),
    ({"type": "integer"}, 1.0),
    ({"type": "integer"}, True),
    ({"type": "string", "pattern": "^a$"}, "a\n"),  # Python's $ also matches before a \n
    ({"type": "string", "format": "email"}, "nope"),  # formats are annotations in 2020-12
    ({"type": "array", "uniqueItems": True}, [1, 1.0]),
    ({"type": "array", "uniqueItems": True}, [True, 1]),
])
def test_a_newsrooms_schema_is_never_more_lenient_in_jsonschema_rs(tmp_path, schema, instance):
    """Where the two differ, jsonschema-rs must be the stricter: its "invalid" only sends
    the brief to jsonschema, but a "valid" that jsonschema denies would lose findings."""
    path = tmp_path / "ours.json"
    path.write_text(json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema",
                                **schema}), encoding="utf-8")
    quick = _quick_validator(path.resolve())
    assert quick is not None
    full = not list(_validator(path.resolve()).iter_errors(instance))
    assert not (quick.is_valid(instance) and not full)


def _as_jsonschema_says(document: dict) -> list[tuple]:
    """Each error as the findings use it: where, which keyword and value, the instance, the
    rule and message template found on its schema path, and the message."""
    path = _resolved(None)

    def seen(error) -> tuple:
        return (tuple(error.absolute_path), error.validator, json.dumps(error.validator_value),
                json.dumps(error.instance), _annotation(_schema(path), error, "x-rule"),
                json.dumps(_annotation(_schema(path), error, "x-messages")), error.message)

    quick = sorted(map(seen, schema_errors(path, document)))
    reference = sorted(map(seen, _validator(path).iter_errors(document)))
    assert quick == reference
    return quick


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_jsonschema_rs_errors_read_as_jsonschema_errors_on_every_sample(path, monkeypatch):
    document = _document(path)
    if document is None:
        return
    _as_jsonschema_says(document)
    brief = load(path.read_text(encoding="utf-8"), str(path), None, "auto")
    quick = validate_brief(brief)
    monkeypatch.setattr(schema_module, "schema_errors",
                        lambda p, d: list(_validator(p).iter_errors(d)))
    assert validate_brief(brief) == quick


def test_the_samples_break_many_constraints():
    keywords = {error[1] for d in map(_document, BRIEFS) if d is not None
                for error in _as_jsonschema_says(d)}
    assert {"contains", "maxContains", "maximum", "minimum", "minItems", "maxItems",
            "pattern", "uniqueItems"} <= keywords


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 9), st.sampled_from(_COUNTS), st.integers(0, 200),
                          st.integers(0, 6)), max_size=4))
def test_jsonschema_rs_errors_read_as_jsonschema_errors_near_the_limits(edits):
    _as_jsonschema_says(_mutate(SEED_DOCUMENT, edits))

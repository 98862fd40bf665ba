"""The JSON loader: the brief's JSON form, stated kinds, shape errors at their place, bad JSON."""

from __future__ import annotations

import json

import pytest

from checker.loaders import load
from checker.model import SectionKind
from conftest import SAMPLES


def _errors(source: str) -> list[tuple[str, int, int]]:
    return [(m, s.line, s.column) for m, s in load(source, "x.json").shape_errors]


def test_lang_is_honoured_and_title_becomes_a_title_section():
    source = json.dumps(
        {
            "lang": "en",
            "title": "Sommet de Paris",
            "sections": [{"heading": "Points Clés", "bullets": ["Les alliés se rencontrent."]}],
        }
    )
    brief = load(source, "x.json")
    assert brief.lang == "en"
    assert [(s.id, s.kind, s.heading) for s in brief.sections] == [
        ("title", SectionKind.TITLE, "Sommet de Paris"),
        ("key_points", SectionKind.KEY_POINTS, "Points Clés"),
    ]
    assert brief.sections[1].paragraphs[0].bullet


def test_a_stated_kind_wins_over_the_heading():
    source = json.dumps(
        {"sections": [{"kind": "conclusion", "heading": "Summary", "paragraphs": ["Done here."]},
                      {"kind": "body", "heading": "Conclusion", "paragraphs": ["More here."]}]}
    )
    kinds = [s.kind for s in load(source, "x.json").sections]
    assert kinds == [SectionKind.CONCLUSION, SectionKind.BODY]


def test_shape_errors_name_the_path_at_the_bad_value():
    source = (
        '{"sections": [\n'
        '  {"heading": "Key Points", "bullets": ["A point made here."]},\n'
        '  {"heading": "Summary", "kind": "intro", "paragraphs": ["Fine."]},\n'
        '  {"heading": "Body", "paragraphs": ["Fine too.", 42], "notes": ["x"]},\n'
        '  "oops",\n'
        '  {"heading": 7, "paragraphs": "not a list"}\n'
        "]}"
    )
    assert _errors(source) == [
        ('sections[1].kind "intro" is not one of key_points, summary, body, conclusion, '
         "title, other", 3, 34),
        ('sections[2] has an unknown key "notes"', 4, 56),
        ("sections[2].paragraphs[1] must be a string, not a number", 4, 51),
        ("sections[3] must be an object, not a string", 5, 3),
        ("sections[4].heading must be a string, not a number", 6, 15),
        ("sections[4].paragraphs must be an array, not a string", 6, 32),
    ]
    brief = load(source, "x.json")
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in brief.sections] == [
        ("Key Points", ["A point made here."]),
        ("Summary", ["Fine."]),
        ("Body", ["Fine too."]),
        (None, []),
    ]


def test_a_top_level_that_is_not_an_object_is_a_shape_error():
    assert _errors('\n[{"heading": "Summary"}]') == [
        ('top level must be an object with "sections", not an array', 2, 1)
    ]
    assert _errors('{"lang": "en"}') == [('top level must have "sections"', 1, 1)]
    assert _errors('{"sections": {}, "extra": 1}') == [
        ('top level has an unknown key "extra"', 1, 18),
        ("sections must be an array, not an object", 1, 14),
    ]


def test_invalid_json_raises_with_line_and_column():
    truncated = '{"sections": [\n  {"heading": "Summary", "paragraphs": ["Cut'
    with pytest.raises(ValueError, match=r"^invalid JSON: Unterminated string starting at line 2 column 41$"):
        load(truncated, "x.json")
    with pytest.raises(ValueError, match=r"^invalid JSON: Expecting ',' delimiter at line 3"):
        load('{"sections": [\n  {"heading": "A"}\n  {"heading": "B"}]}', "x.json")


def test_deep_nesting_is_a_clear_error_not_a_crash():
    for source in ("[" * 100_000, "[" * 100_000 + "]" * 100_000, '{"a":' * 100_000):
        with pytest.raises(ValueError, match="nested too deeply"):
            load(source, "x.json")


def test_strings_with_escapes_are_placed_near_their_text():
    source = (
        '{"sections": [{"heading": "Summary", "paragraphs": '
        '["He said \\"yes\\". Caf\\u00e9 later.\\nThe end."]}]}'
    )
    paragraph = load(source, "x.json").sections[0].paragraphs[0]
    assert paragraph.text == 'He said "yes". Café later. The end.'
    spans = [source[s.span.start : s.span.end] for s in paragraph.sentences]
    assert spans == ['He said \\"yes\\".', "Caf\\u00e9 later.", "The end."]


def test_the_derived_form_is_accepted():
    source = json.dumps(
        {"lang": "fr", "words": 3, "outline": "summary ", "sections": [
            {"id": "summary", "kind": "summary", "heading": "Résumé", "words": 3,
             "paragraphs": [{"text": "Les alliés arrivent.", "words": 3, "sentences": 1}]}]},
        ensure_ascii=False,
    )
    brief = load(source, "x.json")
    assert brief.shape_errors == ()
    assert [p.text for p in brief.sections[0].paragraphs] == ["Les alliés arrivent."]
    span = brief.sections[0].paragraphs[0].span
    assert source[span.start : span.end] == "Les alliés arrivent."


def test_the_sample_has_verbatim_positions_in_its_strings():
    source = (SAMPLES / "paris-summit.fr.json").read_text(encoding="utf-8")
    brief = load(source, "paris-summit.fr.json")
    conclusion = brief.section("conclusion").sentences[1].span
    assert source[conclusion.start : conclusion.end].startswith("Le résultat des pourparlers")
    assert (conclusion.line, conclusion.column) == (42, 163)


def test_the_cli_reports_shape_errors_at_their_line_and_refuses_broken_json(tmp_path, run_cli):
    misshapen = tmp_path / "misshapen.json"
    misshapen.write_text(
        '{"sections": [\n  {"heading": "Summary", "paragraphs": [42]}\n]}\n', encoding="utf-8"
    )
    result = run_cli(misshapen)
    assert result.exit_code == 1
    assert f"{misshapen}:2:41: " in result.output
    assert "sections[0].paragraphs[0] must be a string, not a number" in result.output
    broken = tmp_path / "broken.json"
    broken.write_text('{"sections": [', encoding="utf-8")
    result = run_cli(broken)
    assert result.exit_code == 2
    assert "invalid JSON: Expecting value at line 1 column 15" in result.output + result.stderr

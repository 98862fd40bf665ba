"""Property tests: for any text, Markdown-ish, HTML-ish string or JSON value, `check_text`
gives a report valid against schemas/report.schema.json (or a document `error` that is not
an internal one), and every finding's location lies inside the document.

Why: the hostile samples pin the cases we thought of; hypothesis looks for the ones we did
not. Examples are moderate in number so the suite stays fast; the fuzz target
(benchmarks/fuzz/) runs for minutes outside CI.
"""

from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import check_text
from checker.formats import render
from checker.report import RunReport
from conftest import ROOT

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
)

WORDS = ["Key Points", "Summary", "Conclusion", "Points clés", "Résumé", "Paris", "Vienna",
         "6 January 2026", "le 6 janvier 2026", "four years", "quatre ans", "Volodymyr Zelensky",
         "M. Macron", "talks", "the", "on", "in", "«", "»", ".", "!", "?", ",", "-", "*", "#",
         "<!-- briefcheck: ignore C201 -->", "{0}", "%s", "\x1b[31m", "\t", " ", "é", "ß"]

_word = st.sampled_from(WORDS)
_line = st.lists(st.one_of(_word, st.text(max_size=8)), max_size=12).map(" ".join)
_lines = st.lists(_line, max_size=20)

_prefix = st.sampled_from(["", "# ", "## ", "### ", "- ", "* ", "1. ", "> ", "    ", "```"])
markdownish = st.lists(st.tuples(_prefix, _line).map("".join), max_size=20).map("\n".join)

_tag = st.sampled_from(["h1", "h2", "h3", "p", "ul", "li", "div", "section", "b", "script"])
_fragment = st.one_of(
    _line,
    _tag.map(lambda t: f"<{t}>"),
    _tag.map(lambda t: f"</{t}>"),
    st.sampled_from(["<!DOCTYPE x [<!ENTITY a \"bb\">]>", "&a;", "&amp;", "<!--", "-->",
                     "<br/>", "<html lang=\"de\">", "<html lang=\"fr\">", "\n"]),
)
htmlish = st.lists(_fragment, max_size=30).map("".join)

_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                       _line, st.text(max_size=20))
json_values = st.recursive(
    _json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.sampled_from(["title", "sections", "heading", "paragraphs",
                                         "bullets", "lang", "kind", "text", "x"]),
                        children, max_size=5),
    ),
    max_leaves=30,
)
brief_json = st.fixed_dictionaries(
    {"sections": st.lists(st.fixed_dictionaries(
        {"heading": st.one_of(_word, _line),
         "paragraphs": st.lists(_line, max_size=3)}), max_size=5)},
    optional={"title": _line, "lang": st.sampled_from(["en", "fr", "de", ""])},
)


def _assert_sound(text: str, fmt: str) -> None:
    """The report validates against the contract and every location is in the document."""
    report = check_text(text, f"prop.{fmt}", fmt)
    assert not (report.error or "").startswith("internal error"), report.error
    _VALIDATOR.validate(json.loads(render("json", RunReport.build([report]))))
    lines = text.split("\n")
    for finding in report.findings:
        loc = finding.location
        assert 1 <= loc.line <= loc.end_line <= len(lines), (finding.code, loc)
        assert 1 <= loc.column <= len(lines[loc.line - 1]) + 1, (finding.code, loc)
        assert 1 <= loc.end_column <= len(lines[loc.end_line - 1]) + 1, (finding.code, loc)
        if loc.line == loc.end_line:
            assert loc.column <= loc.end_column, (finding.code, loc)


@SETTINGS
@given(st.one_of(st.text(), _lines.map("\n".join)))
def test_any_text(text):
    _assert_sound(text, "text")


@SETTINGS
@given(markdownish)
def test_markdownish(text):
    _assert_sound(text, "markdown")


@SETTINGS
@given(htmlish)
def test_htmlish(text):
    _assert_sound(text, "html")


@SETTINGS
@given(st.one_of(json_values, brief_json))
def test_json_values(value):
    _assert_sound(json.dumps(value, ensure_ascii=False), "json")


@SETTINGS
@given(st.sampled_from(["text", "markdown", "html", "json"]), st.text())
def test_arbitrary_strings_in_every_format(fmt, text):
    _assert_sound(text, fmt)

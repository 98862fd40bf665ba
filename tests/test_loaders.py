"""The seed in every format loads to the same brief, at the real places in each file.

Format-specific behaviour is in test_loaders_markdown.py, _html.py and _json.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loaders import load, sniff_format
from checker.model import LineIndex, SectionKind, Span
from conftest import SAMPLES, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
FORMATS = {"md": "markdown", "html": "html", "json": "json"}


def _sample(extension: str) -> tuple[str, str]:
    path = SAMPLES / f"paris-summit.fr.{extension}"
    return path.read_text(encoding="utf-8"), str(path)


@pytest.fixture(scope="module")
def seed_brief():
    return load(SEED_TEXT, str(SEED))


@pytest.mark.parametrize("extension", FORMATS)
def test_seed_loads_to_the_same_brief_in_every_format(extension, seed_brief):
    brief = load(*_sample(extension))
    assert brief.format == FORMATS[extension]
    assert brief.lang == "fr"
    assert [(s.id, s.kind, s.heading) for s in brief.sections] == [
        ("key_points", SectionKind.KEY_POINTS, "Points Clés"),
        ("summary", SectionKind.SUMMARY, "Résumé Rapide"),
        ("body-1", SectionKind.BODY, "Sommet de Paris Convoqué"),
        ("body-2", SectionKind.BODY, "État des Négociations"),
        ("conclusion", SectionKind.CONCLUSION, "Conclusion"),
    ]
    assert [len(s.paragraphs) for s in brief.sections] == [4, 2, 2, 2, 1]
    assert [p.bullet for p in brief.sections[0].paragraphs] == [True] * 4
    assert not any(p.bullet for s in brief.sections[1:] for p in s.paragraphs)
    assert [p.text for p in brief.sections[1].paragraphs] == [
        p.text for p in seed_brief.sections[1].paragraphs
    ]
    assert [s.text for s in brief.sentences] == [s.text for s in seed_brief.sentences]
    assert brief.shape_errors == ()


@pytest.mark.parametrize("extension", FORMATS)
def test_every_sentence_points_at_its_own_text_in_the_file(extension):
    source, path = _sample(extension)
    brief = load(source, path)
    for sentence in brief.sentences:
        span = sentence.span
        assert source[span.start : span.end] == sentence.text
        line = source.split("\n")[span.line - 1]
        assert line[span.column - 1 :].startswith(sentence.text.split()[0])


# (line, column) counted in each sample file: the "Résumé Rapide" and "État des
# Négociations" headings, the fourth bullet, the second sentence of the Summary and the
# second paragraph of the second body section.
POSITIONS = {
    "md": [(8, 4), (20, 4), (6, 3), (10, 141), (24, 1)],
    "html": [(16, 7), (22, 7), (14, 9), (17, 146), (24, 6)],
    "json": [(16, 19), (32, 19), (11, 10), (18, 150), (35, 10)],
}


@pytest.mark.parametrize("extension", FORMATS)
def test_positions_are_the_real_lines_and_columns(extension):
    brief = load(*_sample(extension))
    spans = [
        brief.section("summary").heading_span,
        brief.section("body-2").heading_span,
        brief.section("key_points").paragraphs[3].span,
        brief.section("summary").sentences[1].span,
        brief.section("body-2").paragraphs[1].span,
    ]
    assert [(s.line, s.column) for s in spans] == POSITIONS[extension]
    heading = brief.section("body-2").heading_span
    assert brief.source[heading.start : heading.end] == "État des Négociations"


@pytest.mark.parametrize("extension", [*FORMATS, "txt"])
def test_stdin_sniffing_picks_each_samples_format(extension):
    source, _ = _sample(extension)
    assert sniff_format(source) == FORMATS.get(extension, "text")


@pytest.mark.parametrize("extension", FORMATS)
def test_each_sample_checks_clean_from_stdin(extension, run_cli):
    source, _ = _sample(extension)
    result = run_cli("--format", "json", "-", input=source)
    assert result.exit_code == 0, result.output
    assert f'"format": "{FORMATS[extension]}"' in result.output


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab\n", max_size=40),
    start=st.integers(min_value=-3, max_value=45),
    end=st.integers(min_value=-3, max_value=45),
)
def test_line_index_span_is_the_positions_of_its_ends(text, start, end):
    """`LineIndex.span` skips the second search when a span ends on its first line: the
    same lines and columns as `position` gives for each end, offsets out of range too."""
    lines = LineIndex(text)
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    assert lines.span(start, end) == Span(
        start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column
    )

"""The plain-text loader: the seed's layout, headings, bullets, paragraphs and positions."""

from __future__ import annotations

from checker.loaders import load, sniff_format
from checker.model import SectionKind
from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_seed_sections_and_language():
    brief = load(SEED_TEXT, str(SEED))
    assert brief.lang == "fr"
    assert brief.format == "text"
    assert [(s.id, s.kind, s.heading) for s in brief.sections] == [
        ("key_points", SectionKind.KEY_POINTS, "Points Clés"),
        ("summary", SectionKind.SUMMARY, "Résumé Rapide"),
        ("body-1", SectionKind.BODY, "Sommet de Paris Convoqué"),
        ("body-2", SectionKind.BODY, "État des Négociations"),
        ("conclusion", SectionKind.CONCLUSION, "Conclusion"),
    ]
    assert [len(s.paragraphs) for s in brief.sections] == [4, 2, 2, 2, 1]
    assert all(p.bullet for p in brief.sections[0].paragraphs)


def test_positions_are_those_of_the_file():
    brief = load(SEED_TEXT, str(SEED))
    lines = SEED_TEXT.split("\n")
    for sentence in brief.sentences:
        span = sentence.span
        assert SEED_TEXT[span.start : span.end] == sentence.text
        assert lines[span.line - 1][span.column - 1 :].startswith(sentence.text[:30])
    second_summary_sentence = brief.section("summary").sentences[1]
    assert (second_summary_sentence.span.line, second_summary_sentence.span.column) == (7, 141)
    heading = brief.section("body-2").heading_span
    assert (heading.line, heading.column, heading.end_column) == (12, 1, 22)


def test_sentence_indexes_follow_reading_order():
    brief = load(SEED_TEXT, str(SEED))
    assert [s.index for s in brief.sentences] == list(range(len(brief.sentences)))


def test_headings_are_matched_whatever_case_accents_and_punctuation():
    text = "KEY TAKEAWAYS:\n- One point that is long enough.\npoints cles\n- Un point.\nBottom line\nDone.\n"
    kinds = [s.kind for s in load(text, "x.txt").sections]
    assert kinds == [SectionKind.KEY_POINTS, SectionKind.KEY_POINTS, SectionKind.CONCLUSION]


def test_blank_line_separated_paragraphs_join_wrapped_lines():
    text = (
        "Key Points\n\n- A point that is a sentence.\n- Another point, also a sentence.\n\n"
        "Summary\n\nThe first paragraph is wrapped\nover two lines.\n\nThe second paragraph.\n"
    )
    summary = load(text, "x.txt").section("summary")
    assert [p.text for p in summary.paragraphs] == [
        "The first paragraph is wrapped\nover two lines.",
        "The second paragraph.",
    ]


def test_bullet_markers_are_not_part_of_the_text():
    text = "Key Points\n• First point here.\n* Second point here.\n1. Third point here.\n2) Fourth.\n"
    bullets = load(text, "x.txt").section("key_points").paragraphs
    assert [b.text for b in bullets] == [
        "First point here.", "Second point here.", "Third point here.", "Fourth."
    ]
    assert [b.span.column for b in bullets] == [3, 3, 4, 4]


def test_title_line_before_key_points():
    text = "Paris Summit On Ukraine\nKey Points\n- Leaders meet in Paris today.\n"
    sections = load(text, "x.txt").sections
    assert [s.kind for s in sections] == [SectionKind.TITLE, SectionKind.KEY_POINTS]


def test_text_before_any_heading_is_an_other_section():
    text = "By our correspondent.\nKey Points\n- Leaders meet in Paris today.\n"
    sections = load(text, "x.txt").sections
    assert [(s.id, s.kind) for s in sections] == [
        ("other-1", SectionKind.OTHER), ("key_points", SectionKind.KEY_POINTS)
    ]


def test_english_is_detected():
    text = "Key Points\n- The leaders of the alliance meet in The Hague.\nSummary\nThey meet.\n"
    assert load(text, "x.txt").lang == "en"


def test_sniffing_plain_text():
    assert sniff_format(SEED_TEXT) == "text"


def test_a_line_longer_than_a_heading_is_prose_even_if_it_folds_to_a_section_name():
    """MAX_HEADING_WORDS bounds headings before their names are compared: a section's name
    with a row of dashes after it is a paragraph, the name alone a heading."""
    from checker.loaders.text import MAX_HEADING_WORDS

    long_line = "Résumé" + " —" * MAX_HEADING_WORDS
    for line, heading in ((long_line, False), ("Résumé —", True)):
        text = f"Points clés\n- Le sommet a lieu à Paris.\n\n{line}\n\nLe sommet a lieu à Paris.\n"
        brief = load(text, "b.txt")
        assert (SectionKind.SUMMARY in [s.kind for s in brief.sections]) is heading

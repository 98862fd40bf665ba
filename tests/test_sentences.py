"""Sentence splitting on French and English news prose: abbreviations, quotes, initials, numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.sentences import _END, MAX_SENTENCE, split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "M. Macron reçoit Mme Meloni à Paris. Le sommet commence.",
         ["M. Macron reçoit Mme Meloni à Paris.", "Le sommet commence."]),
        ("fr", "Il a dit : « Nous y arriverons. » Puis il est parti.",
         ["Il a dit : « Nous y arriverons. »", "Puis il est parti."]),
        ("fr", "« Est-ce possible ? » demande-t-il. Personne ne répond.",
         ["« Est-ce possible ? » demande-t-il.", "Personne ne répond."]),
        ("fr", "La croissance atteint 2,5 % en 2025. Le chômage baisse.",
         ["La croissance atteint 2,5 % en 2025.", "Le chômage baisse."]),
        ("en", "President Joe Biden met J. D. Vance on Jan. 6 in Washington. Talks ended.",
         ["President Joe Biden met J. D. Vance on Jan. 6 in Washington.", "Talks ended."]),
        ("en", "Dr. Smith, of the U.N. agency, spoke first. Mr. Jones replied.",
         ["Dr. Smith, of the U.N. agency, spoke first.", "Mr. Jones replied."]),
        ("en", "Growth was 2.5 percent. “We are done,” he said. Then he left!",
         ["Growth was 2.5 percent.", "“We are done,” he said.", "Then he left!"]),
        ("en", "He said “Stop!” and left. 2026 will be different.",
         ["He said “Stop!” and left.", "2026 will be different."]),
        ("en", "No full stop at the end", ["No full stop at the end"]),
    ],
)
def test_split(lang, text, expected):
    assert sentences(text, lang) == expected


def test_offsets_exclude_surrounding_space():
    text = "  First one.   Second one.  "
    assert split_sentences(text, "en") == [(2, 12), (15, 26)]


def test_empty_text_has_no_sentence():
    assert split_sentences("   ", "fr") == []


#: `_END` as it was written before it opened with the punctuation (the reference).
_END_LOOKBEHIND_FIRST = re.compile(
    r"(?<![.!?…])[.!?…]+(?:[\s\u00a0\u202f]?[»”\"’)\]])*(?=[\s\u00a0\u202f]+)"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?…»”\"’)] \u00a0\u202f\nAb1«", max_size=30))
def test_sentence_end_pattern_matches_where_its_lookbehind_first_form_does(text):
    """The sentence-end pattern opens with the punctuation and looks behind after (speed):
    the same matches as the form that looks behind first."""
    assert [m.span() for m in _END.finditer(text)] == [
        m.span() for m in _END_LOOKBEHIND_FIRST.finditer(text)
    ]


def test_a_text_without_full_stops_is_cut_at_spaces_into_pieces_of_sentence_length():
    # A pasted transcript: one "sentence" of the whole paragraph made every rule that reads
    # a fact's sentence around it quadratic (1 MB: 66 s).
    words = [f"word{n}" if n % 7 else f"Name{n}" for n in range(3000)]
    text = " ".join(words)
    bounds = split_sentences(text, "en")
    assert len(bounds) > 1
    assert all(0 < end - start <= MAX_SENTENCE for start, end in bounds)
    # Cut between words only, and nothing lost or repeated.
    assert [w for start, end in bounds for w in text[start:end].split(" ")] == words
    assert all(text[start - 1] == " " for start, _ in bounds[1:])


def test_a_stretch_with_no_space_is_cut_anyway():
    bounds = split_sentences("x" * (2 * MAX_SENTENCE + 5), "en")
    assert bounds == [(0, MAX_SENTENCE), (MAX_SENTENCE, 2 * MAX_SENTENCE),
                      (2 * MAX_SENTENCE, 2 * MAX_SENTENCE + 5)]


def test_sentences_of_ordinary_length_are_kept_whole():
    long_one = "The summit " + "and the talks " * ((MAX_SENTENCE - 30) // 14) + "end."
    assert len(long_one) <= MAX_SENTENCE
    assert sentences(long_one + " Next one.", "en") == [long_one, "Next one."]

"""Sentence splitting on French and English news prose: abbreviations, quotes, initials, numbers."""

from __future__ import annotations

import pytest

from checker.sentences import split_sentences


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

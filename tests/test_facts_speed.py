"""Shortcuts of fact extraction and fold() must not change what they give: the faster duration
pattern finds exactly the matches of the plain one, and dates found with the gates (a digit,
a year, a month's name) are the dates every pattern finds on every sentence; fold() skips work ASCII never needs."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.facts import dates, durations
from checker.facts.mention import lowered
from checker.lang import SUPPORTED, load_pack

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _units(lang: str) -> str:
    units = load_pack(lang)["facts"]["units"]
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


def _plain(lang: str) -> re.Pattern[str]:
    """The duration pattern as first written: every start position, letters given back."""
    return re.compile(
        rf"(?P<amount>\d+(?:[.,]\d+)?|(?:[^\W\d_]+[\s-]){{0,4}}[^\W\d_]+)[\s-](?P<unit>{_units(lang)})\b",
        re.IGNORECASE,
    )


PIECES = ["four", "quatre", "vingt-et-un", "twenty", "one", "une", "près", "de", "nearly",
          "years", "year", "ans", "an", "mois", "months", "days", "jours", "semaines", "week",
          "heures", "hours", "12", "1.5", "2,5", "x2", "2nd", "_", "-", " ", "  ", ",", ".",
          "'", "l'", "é", "ß", "ſ", "İ", "Années", "YEARS", "day-long", "\n", "\t", "²"]
_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=25).map("".join)
_glued = st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join)


@SETTINGS
@given(st.one_of(_text, _glued), st.sampled_from(SUPPORTED))
def test_the_duration_pattern_finds_what_the_plain_one_finds(text, lang):
    """The fast pattern runs on the lowered sentence; the plain one is case-blind itself."""
    fast = [(m.span(), m.span("amount"), m.span("unit"))
            for m in durations._pattern(lang).finditer(lowered(text))]
    plain = [(m.span(), m.span("amount"), m.span("unit")) for m in _plain(lang).finditer(text)]
    assert fast == plain


#: Letters whose case re.IGNORECASE and str.lower() could see differently.
CASE_PIECES = ["İ", "ı", "ſ", "\u212a", "ß", "ẞ", "JANVIER", "MAI", "HIER", "Aujourd'hui",
               "YESTERDAY", "ǅ", "ﬁ", "ΣΑΣ"]
DATE_PIECES = ["6", "1er", "janvier", "Janvier", "January", "Jan.", "mardi", "Tuesday", "the",
               "HIER", "Aujourd'hui", "avant-hier", "Tomorrow", "day before yesterday",
               "of", "2026", "6/1/2026", "en", "in", "mi-", "d'", "octobre", "hier", "yesterday",
               "May", "mai", "semaine", ",", ".", " ", "  ", "\u0666", "12th", "١٢"]


def _all_patterns(text: str, lang: str) -> list:
    """extract_dates without the gates (digit, year, month name, relative words): every
    pattern runs on every sentence."""
    gates = dates._NEED_A_DIGIT, dates._NEED_A_YEAR, dates._NEED_A_MONTH, dates._DIGIT
    try:
        dates._NEED_A_DIGIT = dates._NEED_A_YEAR = dates._NEED_A_MONTH = frozenset()
        dates._DIGIT = re.compile("")  # "a digit" everywhere: no early return
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(dates, "_relative_words", lambda lang: ("",))  # in every sentence
            return dates.extract_dates(text, lang)
    finally:
        dates._NEED_A_DIGIT, dates._NEED_A_YEAR, dates._NEED_A_MONTH, dates._DIGIT = gates


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.text(max_size=2)), max_size=20)
       .map(" ".join), st.sampled_from(SUPPORTED))
def test_dates_found_with_the_gates_are_those_every_pattern_finds(text, lang):
    assert dates.extract_dates(text, lang) == _all_patterns(text, lang)


def _case_blind_patterns(lang: str) -> list:
    """The date patterns as first written: re.IGNORECASE on the sentence as it is."""
    return [(name, re.compile(p.pattern, re.IGNORECASE) if blind else p, False)
            for name, p, blind in dates._patterns(lang)]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(DATE_PIECES + CASE_PIECES), st.text(max_size=2)),
                max_size=20).map(" ".join), st.sampled_from(SUPPORTED))
def test_dates_found_on_the_lowered_sentence_are_those_ignorecase_finds(text, lang):
    slow = _case_blind_patterns(lang)
    original = dates._patterns
    try:
        dates._patterns = lambda _lang: slow
        expected = dates.extract_dates(text, lang)
    finally:
        dates._patterns = original
    assert dates.extract_dates(text, lang) == expected


@pytest.mark.parametrize("text, lang, found", [
    ("le 6 JANVIER", "fr", "--01-06"), ("Mardi 6 Janvier", "fr", "--01-06"),
    ("HIER soir", "fr", "relative:-1"), ("Yesterday", "en", "relative:-1"),
    ("le 6 İanvier", "fr", None), ("le 6 maiſ", "fr", "--05-06"),
])
def test_case_blind_dates(text, lang, found):
    assert [m.value for m in dates.extract_dates(text, lang)] == ([found] if found else [])


def test_lowered_keeps_every_offset():
    for text in ("İstanbul, le 6 JANVIER", "ſ ı K ß ǅ ﬁ", "ΣΑΣ"):
        assert len(lowered(text)) == len(text)
    assert lowered("İstanbul ſ MAI") == "istanbul s mai"


@pytest.mark.parametrize("text, lang", [("le 6 janvier", "fr"), ("on Jan. 6, 2026", "en"),
                                        ("le \u0666 mai", "fr"), ("le 6 JANVIER", "fr"),
                                        ("in May 2025", "en"), ("6/1/2026", "en")])
def test_the_gate_keeps_dates_with_any_digit(text, lang):
    assert dates.extract_dates(text, lang) == _all_patterns(text, lang) != []


def _plain_fold(text: str) -> str:
    """fold() as first written: NFKD, then each character tested for a combining mark."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", stripped.replace("_", " ")).strip()


@SETTINGS
@given(st.one_of(st.text(), st.sampled_from(["Points Clés !", "Résumé Rapide", "ﬁn", "Ⅻ",
                                             "Ǆemal", "ὒ", "e\u0301\u0327"])))
def test_fold_gives_what_the_plain_fold_gives(text):
    from checker.lang import fold

    assert fold.__wrapped__(text) == _plain_fold(text)


#: The word patterns with possessive runs, and the same patterns as first written.
WORD_PATTERNS = {
    "mention.WORD": (r"(?i:\b(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\w))|[^\W_]+(?:[-'’.][^\W_]+)*",
                     "checker.facts.mention", "WORD"),
    "schema._WORD": (r"[^\W_]+(?:['’\-][^\W_]+)*", "checker.schema", "_WORD"),
    "lang._WORD": (r"[^\W\d_]+(?:['’][^\W\d_]+)?", "checker.lang", "_WORD"),
}
_WORDISH = st.lists(st.one_of(st.sampled_from(["l", "qu", "jusqu", "'", "’", "-", ".", "_", " ",
                                                 "a", "É", "2", "\u0301", "ß", "x-y", "l'_",
                                                 "L", "Qu", "ſ", "\u212a", "PUISQU", "d’"]),
                              st.text(max_size=2)), max_size=30).map("".join)


@SETTINGS
@given(_WORDISH, st.sampled_from(sorted(WORD_PATTERNS)))
def test_possessive_word_patterns_find_what_the_plain_ones_find(text, name):
    import importlib

    plain, module, attribute = WORD_PATTERNS[name]
    fast = getattr(importlib.import_module(module), attribute)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


@SETTINGS
@given(st.one_of(_text, _glued), st.sampled_from(SUPPORTED))
def test_amounts_searched_from_the_units_are_those_finditer_finds(text, lang):
    """`amounts` skips ahead to five chunks before each unit; it must find every match of
    the amount pattern, with the same groups, that a search from every position finds."""
    low = lowered(text)
    fast = [(m.span(), m.span("amount"), m.span("unit")) for m in durations.amounts(low, lang)]
    plain = [(m.span(), m.span("amount"), m.span("unit"))
             for m in durations._pattern(lang).finditer(low)]
    assert fast == plain


@pytest.mark.parametrize("text, lang", [
    ("deux jours trois mois", "fr"), ("a b c d e f g four years", "en"),
    ("il y a  deux  jours et 3-jours", "fr"), ("jours deux jours", "fr"), ("years", "en"),
])
def test_amounts_on_sentences_with_several_units(text, lang):
    low = lowered(text)
    assert [m.span() for m in durations.amounts(low, lang)] == [
        m.span() for m in durations._pattern(lang).finditer(low)]

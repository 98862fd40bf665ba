"""What an extractor finds in one sentence, before it is placed in the source.

Extractors see a sentence's text only; offsets here are local to it. `checker.facts`
turns mentions into `Fact`s with spans in the file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.model import record


@record
class Mention:
    """A fact as an extractor finds it in one sentence: offsets into that sentence's text."""

    kind: str
    value: str
    start: int
    end: int
    #: "près de quatre ans", "more than two years": an amount given loosely.
    approximate: bool = False
    #: Weekday stated with a date, Monday = 0.
    weekday: int | None = None
    #: Places: "city", "region" or "country"; participants: "person" or "organisation".
    detail: str | None = None
    #: Places: ISO code of the country the place is in (or is).
    country: str | None = None
    #: Cities: the first-level region they are in, as the gazetteer codes it ("ES-60").
    area: str | None = None
    #: Cities: (latitude, longitude) in degrees.
    position: tuple[float, float] | None = None


#: A word with its inner hyphens and apostrophes ("vingt-et-un", "Kyiv's"), or an elided
#: French article/preposition on its own ("l'", "d'").
#: (A look-ahead for the first letters of the elided words lets most positions skip trying
#: them; the word's runs are possessive: nothing follows, so giving letters back never helps.
#: Both branches start with a letter or digit: the first look-ahead says so once, and the
#: spaces and punctuation between words fail there, before either branch is tried: 17%
#: faster on news prose, the same matches.)
WORD = re.compile(r"(?=[^\W_])(?:(?i:(?=[ldjmnstqp])\b(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\w))"
                  r"|[^\W_]++(?:[-'’.][^\W_]++)*+)")


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of each word of a sentence, in order. Memoised: each extractor
    (dates, participants, places) tokenises the same sentence."""
    return tuple((m.start(), m.end(), m.group()) for m in WORD.finditer(text))


@lru_cache(maxsize=4096)
def lowered(text: str) -> str:
    """`text` in lower case as re.IGNORECASE compares it, each character in its place, for
    case-blind patterns written in lower case: a match on it is a match of the IGNORECASE
    pattern on `text`, at the same offsets (tests/test_facts_speed.py).

    Why: Python's re with IGNORECASE is several times slower on alternations of words
    (month names, units) than a case-sensitive search: 15 us a sentence against 2 for the
    French month names.
    """
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters; re compares its first
        low = "".join(c.lower()[0] for c in text)
    return low.translate(_IGNORECASE_EXTRA) if "ı" in low or "ſ" in low else low


#: Letters re.IGNORECASE also takes for ASCII ones (re._casefix): dotless i, long s.
_IGNORECASE_EXTRA = str.maketrans({"ı": "i", "ſ": "s"})


def words_outside(text: str, taken) -> list[tuple[int, int, str]]:
    """The words of `text` that overlap none of the `taken` (start, end) stretches.

    Why: testing each word against every stretch was quadratic once most words are taken (a
    line of 40,000 capitalised words, each read as a name: 43 s). The stretches are merged
    and sorted, and the words, in order too, are walked along them in one pass.
    """
    tokens = words(text)
    if not taken:
        return list(tokens)
    merged: list[list[int]] = []
    for a, b in sorted(taken):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    kept = []
    k, n = 0, len(merged)
    for token in tokens:
        while k < n and merged[k][1] <= token[0]:  # stretches ending before this word
            k += 1
        if k == n or merged[k][0] >= token[1]:
            kept.append(token)
    return kept

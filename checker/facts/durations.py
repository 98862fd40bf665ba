"""Durations: "près de quatre ans", "4 ans", "depuis 18 mois", "a three-day summit",
"after nearly four years", "pendant deux semaines", "une journée".

The value is an amount and a unit ("4 years"); number words are read by text2num; the units
and the words that make an amount approximate come from the language pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from checker.facts.mention import Mention, lowered
from checker.lang import fact_words, load_pack

#: Length of each unit in days, to compare "deux semaines" with "14 jours".
UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
             "month": 30.4375, "year": 365.25, "decade": 3652.5}
#: How far apart two amounts may be when one of them is approximate.
APPROXIMATE_TOLERANCE = 0.15


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    units = load_pack(lang)["facts"]["units"]
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    # Up to five words (number words) or a number, then a space or hyphen, then the unit.
    # Case-blind: run on the lowered sentence (`lowered`, faster than re.IGNORECASE).
    return re.compile(amount_pattern(alternatives.lower()))


def amount_pattern(units: str) -> str:
    """The amount-and-unit pattern over the `units` alternatives.

    Why the lookbehinds and possessive runs: the leftmost match never starts inside a word
    or a number (where one starts inside, one starts at its beginning, and a match ends at
    a word boundary), so those start positions need not be tried; and a run of letters is
    always followed by a non-letter, so giving letters back never helps. Same matches, five
    times faster (tests/test_facts_speed.py sets it against the plain pattern).
    """
    return (
        r"(?P<amount>(?<!\d)\d+(?:[.,]\d+)?|(?<![^\W\d_])(?:[^\W\d_]++[\s-]){0,4}[^\W\d_]++)"
        rf"[\s-](?P<unit>{units})\b"
    )


@cache
def _unit_pattern(lang: str) -> re.Pattern[str]:
    """Any unit word: most sentences have none, and then the amount pattern is not run."""
    units = load_pack(lang)["facts"]["units"]
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives.lower()})\b")


@cache
def _approximators(lang: str) -> tuple[str, ...]:
    return tuple(sorted(load_pack(lang)["facts"]["approximators"], key=len, reverse=True))


@lru_cache(maxsize=4096)
def _number(words: str, lang: str) -> tuple[float, int] | None:
    """(value, offset in `words` where the number starts) of the longest number-word suffix.
    Memoised: briefs say "four years" again and again, and text2num is tried on each suffix."""
    from text_to_num import text2num

    if re.fullmatch(r"\d+(?:[.,]\d+)?", words):
        return float(words.replace(",", ".")), 0
    parts = list(re.finditer(r"[^\W\d_]+", words))
    one_words = load_pack(lang)["facts"]["one_words"]
    for i in range(len(parts)):
        tail = words[parts[i].start():]
        if i == len(parts) - 1 and tail.casefold() in one_words:
            return 1.0, parts[i].start()
        try:
            return float(text2num(tail.replace("-", " ").casefold(), lang)), parts[i].start()
        except ValueError:
            continue
    return None


#: Up to five runs of non-separators, each after its separators: read on the reversed
#: sentence from a unit, where the longest amount before it (five words) can start at most.
_FIVE_CHUNKS_BACK = re.compile(r"(?:[\s-]*+[^\s-]++){1,5}+")


def amounts(low: str, lang: str) -> Iterator[re.Match[str]]:
    """The matches of the amount pattern (`_pattern`) on a lowered sentence, as `finditer`
    gives them, searched only from where one can start: every match ends with a unit word
    and its amount spans at most the five chunks of text before that word (five words, or
    a number), so the search skips ahead to the first such window after the last match.

    Why: the pattern tries a run of up to five words at every word of the sentence; on the
    sentences that name a unit, two thirds of the durations' time (tests/test_facts_speed.py
    sets it against `finditer`)."""
    units = [m.start() for m in _unit_pattern(lang).finditer(low)]
    pattern, backwards, n = _pattern(lang), low[::-1], len(low)
    pos = k = 0
    while True:
        while k < len(units) and units[k] - 1 < pos:  # a unit needs a separator before it
            k += 1
        if k == len(units):
            return
        back = _FIVE_CHUNKS_BACK.match(backwards, n - units[k] + 1)
        match = pattern.search(low, max(pos, n - back.end() if back else 0))
        if match is None:
            return
        yield match
        pos = match.end()


def _ends_with_word(before: str, words: frozenset[str]) -> bool:
    """Whether `before` (folded, right-stripped) ends with one of `words`, as whole words."""
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
               for w in words)


#: An indefinite article, a capitalised noun and "de" right before an amount: in French, a
#: person told by nationality (« un Afro-Américain de 46 ans »).
_NATIONAL = re.compile(r"(?<!\w)(\w+)\s+([^\W\d_][\w'’-]*)\s+de\s+$")

#: The start of a range before its second amount: "4 à" of « de 4 à 11 ans », "4 to".
_RANGE_START = re.compile(r"(?<![\w,.])\d+\s*(?:à|a|to|-)$")


def _is_age_before(before: str, lang: str) -> bool:
    """Whether what comes before an amount makes it an age: « âgés de », « des enfants de »."""
    return _ends_with_word(before, fact_words(lang, "age_range_before")) or _of_a_person(
        before, lang)


def _of_a_person(before: str, lang: str) -> bool:
    """Whether an amount comes after "de" and a noun of a person (« un homme de »)."""
    return before.endswith(" de") and _ends_with_word(before[:-3].rstrip(),
                                                      fact_words(lang, "age_nouns"))


def _not_a_length(text: str, start: int, end: int, amount: float, unit: str, lang: str) -> bool:
    """An amount and a unit that are no length: an age ("Ferreira, 29 ans,", "aged 82 years",
    "a 39-year-old", "un homme de 60 ans", "à 33 ans", « âgés de 4 à 11 ans »), a time of
    day ("à 20 heures", « quatre heures du matin »), a rate ("two billion pounds a year").
    Not "condamné à neuf ans de prison": a length of something."""
    before = text[:start].casefold().rstrip()
    after = text[end:].casefold()
    if _ends_with_word(before, fact_words(lang, "age_group_before")):
        return True  # « les moins de 4 ans »: the children under four
    if (low := _RANGE_START.search(before)) and _is_age_before(
            before[: low.start()].rstrip(), lang):
        return True  # « âgés de 4 à 11 ans », « les enfants de 4 à 11 ans »: an age range
    if _ends_with_word(before, fact_words(lang, "point_before")) and not re.match(
            r"\s+(?:de|d'|d’|of)\b", after):
        return True  # (not "condamné à neuf ans de prison": the length of a sentence)
    if any(after.lstrip(" -").startswith(w) for w in fact_words(lang, "age_after")):
        return True
    if unit == "hour" and any(
            after.lstrip().startswith(w)
            and not after.lstrip()[len(w):].lstrip().startswith(("au ", "à ", "jusqu"))
            for w in fact_words(lang, "time_of_day_after")):
        return True  # « quatre heures du matin »: a time of day (not « du matin au soir »)
    if unit == "year" and before.endswith(("(", ",")) and (
            not after.strip() or after.lstrip()[:1] in (",", ")", ".", ";")):
        return True  # "Barker, 58 years," / "Ferreira, 29 ans, vit" / "…, constate Aïda, 61 ans."
    if unit == "year" and _of_a_person(before, lang):
        return True  # "un homme de 60 ans"
    if (unit == "year" and (m := _NATIONAL.search(text, 0, start)) and m.group(2)[0].isupper()
            and m.group(1).casefold() in fact_words(lang, "age_articles")):
        return True  # « un Afro-Américain de 46 ans », « une Française de 30 ans »
    one = text[start:end].split()[0].casefold() in fact_words(lang, "one_words")
    if not one:
        return False
    if _ends_with_word(before, fact_words(lang, "rate_before")):
        return True
    # "two million shells a year", "three times a day": a plural noun before "a" (English)
    previous = before.rsplit(None, 1)[-1] if before.split() else ""
    return (bool(load_pack(lang)["facts"].get("rate_after_plurals")) and len(previous) > 3
            and previous.endswith("s") and not previous.endswith("ss")
            and previous not in fact_words(lang, "not_plurals"))


def extract_durations(text: str, lang: str) -> list[Mention]:
    found = []
    low = lowered(text)
    if not _unit_pattern(lang).search(low):
        return found
    units = load_pack(lang)["facts"]["units"]
    for m in amounts(low, lang):
        number = _number(m.group("amount"), lang)
        if number is None:
            continue
        amount, offset = number
        start = m.start("amount") + offset
        unit = units[next(u for u in units if u.casefold() == m.group("unit").casefold())]
        before = text[:start].casefold().rstrip()
        approximator = next(
            (
                a
                for a in _approximators(lang)
                if before.endswith(a) and (len(before) == len(a) or not before[-len(a) - 1].isalnum())
            ),
            None,
        )
        approximate = approximator is not None
        if _not_a_length(text, start, m.end(), amount, unit, lang):
            continue
        if approximate:
            start = len(before) - len(approximator)
        shown = int(amount) if amount == int(amount) else amount
        plural = "" if amount == 1 else "s"
        found.append(
            Mention("duration", f"{shown} {unit}{plural}", start, m.end(), approximate=approximate)
        )
    return found


def same_duration(a: Mention, b: Mention) -> bool:
    """Equal amounts, or within APPROXIMATE_TOLERANCE when either is approximate."""
    da, db = _days(a.value), _days(b.value)
    if not (a.approximate or b.approximate):
        return abs(da - db) < 1e-9 or a.value == b.value
    return abs(da - db) <= APPROXIMATE_TOLERANCE * max(da, db)


def _days(value: str) -> float:
    amount, unit = value.split()
    return float(amount) * UNIT_DAYS[unit.removesuffix("s")]

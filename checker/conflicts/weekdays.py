"""Two days given with their weekdays that the calendar rules out together: « vendredi 27
avril » in the Summary and « vendredi 29 avril » in a Key Point cannot both be right, since
two Fridays are a multiple of seven days apart.

The evidence is the calendar, not the wording: whatever each sentence tells of its day,
the brief says the 27th is a Friday and the 29th is a Friday, and one of the two is wrong.
That holds only within one year, so two days are compared only when they are close (at most
MAX_GAP days apart in some year: "Thursday, February 6" and "Thursday, November 6" may be
of two years), stated with the same year or none, and neither sentence says it is of
another year (« l'an dernier », "last year"). Days without a year may straddle a new year
("Sunday, December 29" and "Thursday, January 2" are four days apart) or a February 29:
they conflict only when no such reading fits their weekdays.

Measured on the development data (`benchmarks/accuracy/realtext.py --per-source 0`): 34
of the 72 French date mutants the other evidence missed (a lead that rewords the story but
keeps its "ce dimanche 15 septembre"); on the 1,416 French consistent briefs, three briefs
whose article itself gives a wrong weekday (« ce mercredi 1 août » beside « ce mardi 31
août »; « Jeudi 26 avril » beside « jeudi 9 mai », of 2019).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from checker.conflicts.statements import Statements
from checker.conflicts.wording import marker_pattern, marker_text
from checker.facts import Fact
from checker.facts.dates import date_parts, reading, weekday_reading

#: Days with a weekday looked at: bounds the pairs compared on a long brief.
MAX_DAYS = 256
#: Days further apart than this are not compared: a brief may tell of another year's.
MAX_GAP = 62
#: Years standing for any: a common year and a leap year, either side of a new year.
_YEARS = (2025, 2026, 2027, 2028)


def weekday_conflicts(statements: Statements) -> Iterator[tuple[Fact, Fact, str, bool]]:
    """(a day, another day of another section, the calendar's reason, whether the first is
    known to be the wrong one) for each two close days whose weekdays and dates cannot both
    hold. The wrong one is the day that more days rule out: « mercredi 22 février » against
    « samedi 24 février » and « lundi 26 février », which agree."""
    days: list[tuple[Fact, tuple[int | None, int, int]]] = []
    for s in statements.all.values():
        if len(days) >= MAX_DAYS:
            break
        for fact in s.facts:
            if fact.kind != "date" or fact.weekday is None or "/" in fact.value:
                continue
            parts = date_parts(fact.value)
            if parts is None or parts[1] is None or parts[2] is None:
                continue
            if _other_year(s.text, statements.lang):
                continue
            days.append((fact, parts))
    pairs = []
    for i, (a, parts_a) in enumerate(days):
        for b, parts_b in days[i + 1:]:
            if a.section == b.section or parts_a[0] != parts_b[0]:
                continue
            gaps = _gaps(parts_a, parts_b)
            if gaps and all((b.weekday - a.weekday - gap) % 7 for gap in gaps):
                close = (parts_a[1] != parts_b[1], a.weekday != b.weekday, min(map(abs, gaps)))
                pairs.append((close, a, b, _reason(a, parts_a, b, parts_b, gaps)))
    ruled_out = Counter(id(f) for _, a, b, _ in pairs for f in (a, b))
    # (the day a wrong one is reported against: one of its month, then of its weekday, then
    # the closest: most likely the one it was meant to be)
    for _, a, b, reason in sorted(pairs, key=lambda pair: pair[0]):
        if ruled_out[id(a)] < ruled_out[id(b)]:
            a, b = b, a
        yield a, b, reason, ruled_out[id(a)] != ruled_out[id(b)]


def _other_year(text: str, lang: str) -> bool:
    """Whether a day's sentence says it is of another year (« l'an dernier », "last year").
    (Not a year's number elsewhere in it: « maire de 1995 à 2008, il est décédé ce vendredi
    27 avril ».)"""
    return bool(marker_pattern(lang, "other_year").search(marker_text(text)))


def _gaps(a: tuple[int | None, int, int], b: tuple[int | None, int, int]) -> frozenset[int]:
    """The days from `a` to `b` in each year they may be of, at most MAX_GAP either way: one
    year given, that year's; none, any year, and `b` in the year before or after `a`'s."""
    year, month_a, day_a = a
    _, month_b, day_b = b
    if month_a == month_b:
        return frozenset((day_b - day_a,))  # (the same in every year)
    if min((month_b - month_a) % 12, (month_a - month_b) % 12) > 2:
        return frozenset()  # (over MAX_GAP days apart whatever the years)
    return _gaps_across(year, month_a, day_a, month_b, day_b)


@lru_cache(maxsize=4096)
def _gaps_across(year: int | None, month_a: int, day_a: int, month_b: int, day_b: int,
                 ) -> frozenset[int]:
    gaps = set()
    for first in (year,) if year is not None else _YEARS:
        for second in (first,) if year is not None else (first - 1, first, first + 1):
            try:
                gap = (date(second, month_b, day_b) - date(first, month_a, day_a)).days
            except ValueError:  # February 29 of a common year
                continue
            if abs(gap) <= MAX_GAP:
                gaps.add(gap)
    return frozenset(gaps)


def _reason(a: Fact, parts_a: tuple, b: Fact, parts_b: tuple, gaps: frozenset[int]) -> str:
    """Why the calendar rules the two days out, in the words of the message."""
    weekday_a, weekday_b = weekday_reading(a.weekday), weekday_reading(b.weekday)
    if parts_a[1] != parts_b[1]:
        gap = min(gaps, key=abs)
        return (f"{_day(a.value)} is given as a {weekday_a} and {_day(b.value)}, "
                f"{_days(gap)} {'later' if gap > 0 else 'earlier'}, as a {weekday_b}, "
                f"which the calendar rules out")
    day_a, day_b = parts_a[2], parts_b[2]
    if a.weekday == b.weekday:
        return f"both are given as a {weekday_a} of the same month, {_days(day_b - day_a)} apart"
    return (f"the {_ordinal(day_a)} is given as a {weekday_a} and the {_ordinal(day_b)} of "
            f"the same month as a {weekday_b}, which the calendar rules out")


def _days(gap: int) -> str:
    return "1 day" if abs(gap) == 1 else f"{abs(gap)} days"


def _day(value: str) -> str:
    """A day as the message says it, without its year ("26 April")."""
    return reading(value if value.startswith("--") else "--" + value[5:])


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

"""Two days given with their weekdays that the calendar rules out together: « vendredi 27
avril » in the Summary and « vendredi 29 avril » in a Key Point cannot both be right, since
two Fridays of one month are a multiple of seven days apart.

The evidence is the calendar, not the wording: whatever each sentence tells of its day,
the brief says the 27th is a Friday and the 29th is a Friday, and one of the two is wrong.
That holds only within one year, so the two days are compared when they are of one month
(the gap between two days of one month is the same in every year) and stated with the same
year or none, and neither sentence says it is of another year (« l'an dernier », "last
year"). Days of two months are not compared: a brief's "Thursday,
February 6" and "Thursday, November 6" may be of two years, and "Sunday, December 29" and
"Thursday, January 2" are.

Measured on the development data (`benchmarks/accuracy/realtext.py --per-source 0`): 28
of the 72 French date mutants the other evidence missed (a lead that rewords the story but
keeps its "ce dimanche 15 septembre"); on the 1,416 French consistent briefs, two briefs
whose article itself gives the wrong weekday (« ce mercredi 1 août » beside « ce mardi
31 août »).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.conflicts.statements import Statements
from checker.conflicts.wording import marker_pattern, marker_text
from checker.facts import Fact
from checker.facts.dates import date_parts

#: Days with a weekday looked at: bounds the pairs compared on a long brief.
MAX_DAYS = 256
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_conflicts(statements: Statements) -> Iterator[tuple[Fact, Fact, str, bool]]:
    """(a day, another day of another section, the calendar's reason, whether the first is
    known to be the wrong one) for each two days of one month whose weekdays and dates
    cannot both hold. The wrong one is the day that more days rule out: « mercredi 22
    février » against « samedi 24 février » and « lundi 26 février », which agree."""
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
    for i, (a, (year_a, month_a, day_a)) in enumerate(days):
        for b, (year_b, month_b, day_b) in days[i + 1:]:
            if a.section == b.section or year_a != year_b or month_a != month_b:
                continue
            if (b.weekday - a.weekday - (day_b - day_a)) % 7:
                pairs.append((a, b, _reason(a, day_a, b, day_b)))
    ruled_out = Counter(id(f) for a, b, _ in pairs for f in (a, b))
    for a, b, reason in pairs:
        if ruled_out[id(a)] < ruled_out[id(b)]:
            a, b = b, a
        yield a, b, reason, ruled_out[id(a)] != ruled_out[id(b)]


def _other_year(text: str, lang: str) -> bool:
    """Whether a day's sentence says it is of another year (« l'an dernier », "last year").
    (Not a year's number elsewhere in it: « maire de 1995 à 2008, il est décédé ce vendredi
    27 avril ».)"""
    return bool(marker_pattern(lang, "other_year").search(marker_text(text)))


def _reason(a: Fact, day_a: int, b: Fact, day_b: int) -> str:
    gap = abs(day_b - day_a)
    days = "day" if gap == 1 else "days"
    if a.weekday == b.weekday:
        return (f"both are given as a {WEEKDAYS[a.weekday]} of the same month, "
                f"{gap} {days} apart")
    return (f"the {_ordinal(day_a)} is given as a {WEEKDAYS[a.weekday]} and the "
            f"{_ordinal(day_b)} of the same month as a {WEEKDAYS[b.weekday]}, "
            f"which the calendar rules out")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

"""Dates: "le 6 janvier", "mardi 6 janvier 2026", "1er mars", "Tuesday, Jan. 6, 2026",
"6/1/2026" (day first in French, month first in English), "en octobre 2024", "hier", and
ranges of days in one month ("les 26 et 27 janvier", "du 26 au 28 janvier", "Jan. 26-27").

Values are partial ISO dates: "2026-01-06", "--01-06" (no year), "2024-10" (month and year),
"--10" (month only); a range is its first and last day joined by "/" ("--01-26/--01-27", as
ISO 8601 writes intervals); relative dates are "relative:-1". Month and weekday names are the language pack's
[calendar] tables: babel's CLDR names (`cldr_names`), written into the pack because loading
babel's locale data cost 17 ms of every run; a test fails, printing the tables, when the
pack and babel disagree.
"""

from __future__ import annotations

import re
from functools import cache

from checker.facts.mention import Mention, lowered
from checker.lang import load_pack


def _alternatives(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def _names(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """(month name -> 1..12, weekday name -> 0..6), lower-case, full and abbreviated."""
    calendar = load_pack(lang)["calendar"]
    return dict(calendar["months"]), dict(calendar["weekdays"])


def cldr_names(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """babel's month and weekday names (wide and abbreviated, format and stand-alone),
    lower-case, without a final full stop: what a pack's [calendar] tables hold at least.
    Used by the tests, not at run time."""
    from babel import Locale

    locale = Locale(lang)
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in locale.months[context][width].items():
                months[name.casefold().rstrip(".")] = number
            for number, name in locale.days[context][width].items():
                weekdays[name.casefold().rstrip(".")] = number
    return months, weekdays


def _whole(months: dict[str, int]) -> dict[str, int]:
    """The month names that are no abbreviation of a longer one ("septembre", not "sept")."""
    return {name: n for name, n in months.items()
            if not any(other != name and other.startswith(name) and m == n
                       for other, m in months.items())}


def _case_blind(lang: str) -> bool:
    # English month names are capitalised ("May 6", not "may"); French ones are not.
    return lang == "fr"


def _month_alternatives(lang: str) -> str:
    months = _names(lang)[0]
    if lang == "fr":
        return _alternatives(months)
    return "|".join(re.escape(m.capitalize()) for m in sorted(months, key=len, reverse=True))


_DIGIT = re.compile(r"\d")
#: The patterns that cannot match without a digit (a day, a year, a numeric date): a
#: sentence with no digit, most of them, is not scanned by them (all patterns on every
#: sentence were 0.30 ms a brief, half of fact extraction's regular-expression time).
_NEED_A_DIGIT = frozenset({"range_md", "range_dm", "md", "dm", "numeric", "my"})
#: And among those, the ones that need a year (four digits), or a slash ("6/1/2026").
_YEAR = re.compile(r"\d{4}")
_NEED_A_YEAR = frozenset({"numeric", "my"})
#: The patterns that cannot match without a month's name: a sentence that names no month
#: is not scanned by them (one search instead of up to six).
_NEED_A_MONTH = frozenset({"range_md", "range_dm", "md", "dm", "my", "m"})


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str], bool]]:
    """Named patterns in the order they claim text (most specific first), and whether each
    is case-blind (run on the lowered sentence)."""
    months, weekdays = _names(lang)
    mon = _month_alternatives(lang)
    wd = _alternatives(weekdays) if lang == "fr" else "|".join(
        re.escape(w.capitalize()) for w in sorted(weekdays, key=len, reverse=True)
    )
    year = r"(?P<y>\d{4})(?!\d)"
    day = r"(?P<d>1er|\d{1,2})(?:st|nd|rd|th)?"
    month = rf"(?P<m>{mon})\.?"
    weekday = rf"(?:(?P<wd>{wd})\.?,?\s+)?"
    day2 = r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    patterns = []
    if lang == "en":
        joiner = r"\s*(?:-|–|and|to|through|until)\s*"
        patterns.append(("range_md", rf"\b{month}\s+{day}{joiner}{day2}(?!\d)(?:,?\s+{year})?"))
        patterns.append(("range_dm", rf"\b{day}{joiner}{day2}\s+(?:of\s+)?{month}(?:,?\s+{year})?"))
        patterns.append(("md", rf"\b{weekday}(?:the\s+)?{month}\s+{day}(?!\d)(?:,?\s+{year})?"))
        patterns.append(("dm", rf"\b{weekday}(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?"))
        patterns.append(("numeric", r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b"))
        patterns.append(("my", rf"\b{month}\s+{year}"))
        patterns.append(("m", rf"\b(?:in|early|late|mid-|since|until|by)\s*(?P<m>{mon})\b"))
    else:
        joiner = r"\s*(?:-|–|et|au)\s*"
        patterns.append(("range_dm", rf"\b{day}{joiner}{day2}\s+{month}(?:\s+{year})?"))
        patterns.append(("dm", rf"\b{weekday}{day}\s+{month}(?:\s+{year})?"))
        patterns.append(("numeric", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"))
        patterns.append(("my", rf"\b{month}\s+{year}"))
        # (a month alone is written whole or abbreviated with its full stop: « en sept
        # jours » is seven days, « en sept. » September)
        patterns.append(("m", rf"\b(?:en|début|fin|mi-|depuis|jusqu'en|d')\s*"
                              rf"(?P<m>{_alternatives(_whole(months))}|(?:{mon})(?=\.))\b"))
    relative = load_pack(lang)["facts"]["relative_dates"]
    patterns.append(
        ("relative", rf"(?<!\w)(?P<rel>{_alternatives(relative)})(?!\w)")
    )
    # Case-blind patterns are written in lower case and run on the lowered sentence
    # (`lowered`: same offsets, and much faster than re.IGNORECASE).
    return [(name, re.compile(p), _case_blind(lang) or name == "relative")
            for name, p in patterns]


@cache
def _relative_words(lang: str) -> tuple[str, ...]:
    """The relative dates' words, as the "relative" pattern matches them (in lower case, on
    the lowered sentence): a sentence holding none of them is not scanned by it."""
    return tuple(word.lower() for word in load_pack(lang)["facts"]["relative_dates"])


@cache
def _month_name(lang: str) -> re.Pattern[str]:
    """Any month name, anywhere (run where the month patterns run): whether a sentence
    can hold a date written with one."""
    return re.compile(_month_alternatives(lang))


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_number(text: str, lang: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _names(lang)[0].get(text.casefold().rstrip("."))


def extract_dates(text: str, lang: str) -> list[Mention]:
    """Every date stated in a sentence, longest reading first, never overlapping."""
    low = lowered(text)
    digit = _DIGIT.search(text) is not None
    month = _month_name(lang).search(low if _case_blind(lang) else text) is not None
    relative = any(word in low for word in _relative_words(lang))
    if not (digit or month or relative):
        return []  # every pattern needs one of the three: most sentences state no date
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    year = digit and _YEAR.search(text) is not None
    for name, pattern, case_blind in _patterns(lang):
        if (not digit and name in _NEED_A_DIGIT) or (not year and name in _NEED_A_YEAR):
            continue
        if (not month and name in _NEED_A_MONTH) or (not relative and name == "relative"):
            continue
        if name == "numeric" and "/" not in text:
            continue
        for m in pattern.finditer(low if case_blind else text):
            start, end = m.start(), m.end()
            if name == "m":
                start = m.start("m")
            if text[end - 1] == "." and m.end("m") == end - 1:
                end -= 1  # the full stop ends the sentence, not an abbreviated month
            if any(start < b and a < end for a, b in taken):
                continue
            mention = _mention(name, m, start, end, lang)
            if mention is not None:
                found.append(mention)
                taken.append((start, end))
    return sorted(found, key=lambda f: f.start)


def _mention(name: str, m: re.Match[str], start: int, end: int, lang: str) -> Mention | None:
    if name == "relative":
        offset = load_pack(lang)["facts"]["relative_dates"]
        key = next(k for k in offset if k.casefold() == m.group("rel").casefold())
        return Mention("date", f"relative:{offset[key]:+d}", start, end)
    month = _month_number(m.group("m"), lang)
    if month is None or not 1 <= month <= 12:
        return None
    groups = m.groupdict()
    if name in ("my", "m"):
        value = f"{groups['y']}-{month:02d}" if groups.get("y") else f"--{month:02d}"
        return Mention("date", value, start, end)
    day = 1 if groups["d"] == "1er" else int(groups["d"])
    if not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    if name.startswith("range"):
        last = int(groups["d2"])
        if not day < last <= _DAYS_IN_MONTH[month - 1]:
            return None  # "1-2 March" is a range, "5 et 3 mars" or "2 to 40" is not
        prefix = f"{groups['y']}-" if groups.get("y") else "--"
        return Mention("date", f"{prefix}{month:02d}-{day:02d}/{prefix}{month:02d}-{last:02d}",
                       start, end)
    weekday = None
    if groups.get("wd"):
        weekday = _names(lang)[1].get(groups["wd"].casefold().rstrip("."))
    value = f"{groups['y']}-{month:02d}-{day:02d}" if groups.get("y") else f"--{month:02d}-{day:02d}"
    return Mention("date", value, start, end, weekday=weekday)


def date_parts(value: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a date value, None for the parts not stated; None if relative."""
    if value.startswith("relative:"):
        return None
    if value.startswith("--"):
        parts = value[2:].split("-")
        return None, int(parts[0]), int(parts[1]) if len(parts) > 1 else None
    parts = value.split("-")
    return int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else None


def reading(value: str) -> str:
    """A date value as a reader says it, for messages (in English, as they are): "--01-07"
    is "7 January", "2026-01-06" "6 January 2026", "--01-26/--01-27" "26-27 January",
    "relative:-1" "yesterday"."""
    if value.startswith("relative:"):
        offset = int(value.split(":", 1)[1])
        return {-1: "yesterday", 0: "today", 1: "tomorrow"}.get(
            offset, f"{-offset} days ago" if offset < 0 else f"in {offset} days")
    if "/" in value:
        first, last = value.split("/")
        day = date_parts(first)[2]
        single = reading(first)
        return single.replace(f"{day} ", f"{day}-{date_parts(last)[2]} ", 1) if day else single
    year, month, day = date_parts(value)
    words = [str(day)] if day else []
    words += [_english_months()[month].capitalize()] if month else []
    words += [str(year)] if year else []
    return " ".join(words)


@cache
def _english_months() -> dict[int, str]:
    """1..12 -> the English pack's whole month name ("january"): messages are in English."""
    return {n: name for name, n in _whole(_names("en")[0]).items()}


def weekday_reading(weekday: int) -> str:
    """A weekday (0 is Monday, as `Fact.weekday` has it) as messages say it: "Friday"."""
    return _english_weekdays()[weekday].capitalize()


@cache
def _english_weekdays() -> dict[int, str]:
    """0..6 -> the English pack's whole weekday name ("monday"), as for the months."""
    return {n: name for name, n in _whole(_names("en")[1]).items()}


def _days(value: str) -> list[str]:
    """The single dates a value stands for: a range's every day, else the value itself."""
    if "/" not in value:
        return [value]
    first, last = value.split("/")
    prefix, day = first.rsplit("-", 1)
    return [f"{prefix}-{d:02d}" for d in range(int(day), int(last.rsplit("-", 1)[1]) + 1)]


def same_date(a: Mention, b: Mention) -> bool:
    """Whether two dates can be the same day: every part both state agrees (a range: one of
    its days does)."""
    if "/" in a.value or "/" in b.value:
        return any(
            _same_single(x, a.weekday, y, b.weekday)
            for x in _days(a.value) for y in _days(b.value)
        )
    return _same_single(a.value, a.weekday, b.value, b.weekday)


def _same_single(a_value: str, a_weekday: int | None, b_value: str, b_weekday: int | None) -> bool:
    pa, pb = date_parts(a_value), date_parts(b_value)
    if pa is None or pb is None:
        return pa is not None or pb is not None or a_value == b_value
    if any(x is not None and y is not None and x != y for x, y in zip(pa, pb)):
        return False
    return a_weekday is None or b_weekday is None or a_weekday == b_weekday


"""The language packs' [calendar] tables hold babel's month and weekday names (copied there
so a run does not load babel's locale data): they must not drift from babel."""

from __future__ import annotations

import pytest

from checker.facts.dates import cldr_names, extract_dates
from checker.lang import SUPPORTED, load_pack


def _table(names: dict[str, int]) -> str:
    return "{ " + ", ".join(f'"{k}" = {v}' for k, v in names.items()) + " }"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_pack_has_every_name_babel_gives(lang):
    calendar = load_pack(lang)["calendar"]
    for table, names in zip(("months", "weekdays"), cldr_names(lang)):
        missing = {k: v for k, v in names.items() if calendar[table].get(k) != v}
        assert not missing, (
            f"{lang}.toml [calendar] {table} is stale; babel gives:\n{table} = {_table(names)}"
        )


def test_abbreviations_of_our_own_are_read_too():
    assert [m.value for m in extract_dates("Talks end on Tues., Sept. 8.", "en")] == ["--09-08"]

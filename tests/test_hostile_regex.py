"""Regular-expression safety: no pattern of ours backtracks catastrophically.

Why: one hostile line must not hang a publication gate. Every module-level pattern in the
package is run over adversarial runs (spaces, dots, capitals, digits, unclosed quotes and
tags, ...) long enough that an exponential pattern would never finish; and the adversarial
briefs of benchmarks/adversarial.py (which times 1 MB lines) go through `check_text`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker
from conftest import ROOT

UNITS = [" ", ".", ". ", "A", "Aa ", "9", "1 ", "a.", "« ", "a-", "l'", "- ", "#", "!”",
         "ab", "\\\"", "<a ", "<a x='", "<!--", "*_", "\u00a0", "M. ", "1er ", "6 janvier "]


def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name.endswith("__main__"):
            continue  # runs the CLI on import
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
    return sorted(found, key=lambda item: item[0])


PATTERNS = _patterns()


def test_the_package_has_patterns_to_check():
    names = [name for name, _ in PATTERNS]
    assert "checker.sentences._END" in names and "checker.loaders.json._TOKEN" in names


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_safe_on_adversarial_runs(name, pattern):
    for unit in UNITS:
        for start in ("x", "\"", "<p "):
            text = start + unit * (4000 // len(unit)) + "'"
            list(pattern.finditer(text))  # an exponential pattern never returns from here


def test_adversarial_briefs_are_checked():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from adversarial import cases

    from checker import check_text

    for name, (fmt, document) in cases(20_000).items():
        report = check_text(document, f"adversarial.{fmt}", fmt)
        assert not (report.error or "").startswith("internal error"), (name, report.error)
        assert report.error or report.lang, name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Aa", "b", "l'Elysée", "Kyiv's", " ", "  ", ",", "9"]),
                max_size=25).map("".join),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple),
                max_size=8))
def test_words_outside_is_the_words_no_stretch_overlaps(text, taken):
    """The linear replacement of the per-word scan of every stretch (a line of 40,000
    capitalised words took 43 s) keeps exactly the same words."""
    from checker.facts.mention import words, words_outside

    naive = [t for t in words(text) if not any(t[0] < b and a < t[1] for a, b in taken)]
    assert words_outside(text, taken) == naive

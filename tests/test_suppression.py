"""Inline suppressions: syntax per format, scope (next line, same line, whole file), unused
ones reported as S190, and directive lines invisible to the text loader."""

from __future__ import annotations

import pytest

from checker.config import Config
from checker.run import check_source
from conftest import SAMPLES

TEXT = (SAMPLES / "consistency" / "c211-unsupported-key-fact.fr.txt").read_text("utf-8")
MD = (SAMPLES / "paris-summit.fr.md").read_text("utf-8").replace(
    "- Le sommet réunit la « Coalition of the Willing ».",
    "- Le sommet réunit la « Coalition of the Willing » pendant deux jours.",
)
BULLET = "- Le sommet réunit la « Coalition of the Willing » pendant deux jours."


#: The briefs are copies of the seed, whose repeated first sentence gives R301 and R302;
#: these tests are about suppressing C211, so the redundancy rules are left out.
NO_REDUNDANCY = Config(ignore=("R3",))


def codes(source: str, fmt: str, config: Config | None = None) -> list[tuple[str, int]]:
    report = check_source(source, f"brief.{fmt}", fmt, config or NO_REDUNDANCY)
    assert report.error is None
    return [(f.code, f.location.line) for f in report.findings]


def test_the_unsuppressed_briefs_have_a_c211_warning():
    assert codes(TEXT, "text") == [("C211", 3)]
    assert codes(MD, "markdown") == [("C211", 4)]


@pytest.mark.parametrize("directive", ["[briefcheck: ignore C211]", "<!-- briefcheck: ignore C211 -->",
                                       "[briefcheck: ignore c2, C211]", "  [briefcheck:ignore ALL]  "])
def test_plain_text_directive_covers_the_next_line(directive):
    source = TEXT.replace(BULLET, f"{directive}\n{BULLET}")
    assert codes(source, "text") == []


def test_plain_text_directive_line_is_not_read_as_text():
    plain = check_source(TEXT, "a.txt", "text", Config())
    source = TEXT.replace(BULLET, f"[briefcheck: ignore C211]\n{BULLET}")
    suppressed = check_source(source, "a.txt", "text", Config())
    assert [(s.id, s.heading) for s in suppressed.sections] == [(s.id, s.heading) for s in plain.sections]
    assert [f.text for f in suppressed.facts] == [f.text for f in plain.facts]


def test_markdown_comment_covers_next_line_or_its_own_line():
    assert codes(MD.replace(BULLET, f"<!-- briefcheck: ignore C211 -->\n{BULLET}"), "markdown") == []
    assert codes(MD.replace(BULLET, f"{BULLET} <!-- briefcheck: ignore C211 -->"), "markdown") == []


def test_directive_covers_only_its_line_and_only_its_codes():
    # On the line above the heading, it covers the heading line, not the bullet.
    source = "[briefcheck: ignore C211]\n" + TEXT
    assert codes(source, "text") == [("S190", 1), ("C211", 4)]
    source = TEXT.replace(BULLET, f"[briefcheck: ignore C201]\n{BULLET}")
    assert codes(source, "text") == [("S190", 3), ("C211", 4)]


def test_ignore_file_covers_the_whole_document():
    assert codes("<!-- briefcheck: ignore-file C211 -->\n" + MD, "markdown") == []
    assert codes(TEXT + "\n[briefcheck: ignore-file C2]\n", "text") == []


def test_unused_suppression_is_info_and_can_be_ignored():
    source = TEXT.replace(BULLET, f"[briefcheck: ignore C211, S105]\n{BULLET}")
    report = check_source(source, "a.txt", "text", NO_REDUNDANCY)
    (unused,) = [f for f in report.findings if f.code == "S190"]
    assert unused.severity.value == "info" and unused.message == "suppression of S105 matched no finding"
    assert (unused.location.line, unused.location.column) == (3, 1)
    assert codes(source, "text", Config(ignore=("S190", "R3"))) == []


def test_suppression_of_a_rule_that_did_not_run_is_not_reported():
    source = TEXT.replace(BULLET, f"[briefcheck: ignore C211]\n{BULLET}")
    assert codes(source, "text", Config(select=("S1",))) == []


def test_bracket_form_is_not_a_directive_in_markdown_and_json_has_none():
    source = MD.replace(BULLET, f"[briefcheck: ignore C211]\n\n{BULLET}")
    assert ("C211", 6) in codes(source, "markdown")

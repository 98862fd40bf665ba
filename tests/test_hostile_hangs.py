"""Inputs under the size limit that took minutes (issue 18): each class at the smallest size
that showed it, checked in a process of its own within a time bound far below what it took
(a bound, not a timing: the fixed code takes a few seconds at most on the shared machine,
the old one a minute or more)."""

from __future__ import annotations

import json

import pytest

from bounded import assert_contract, run_bounded

SUMMARY_MD = "## Key Points\n\n- Leaders meet in Paris on January 6 for talks.\n\n## Summary\n\n"


def _case(name: str) -> tuple[str, str]:
    """(file name, content) of each hostile document."""
    if name == "doctype-subset":
        return "d.html", "<h2>Summary</h2><p>Text here.</p>" + "<!DOCTYPE [" * 100_000 + "<p>x.</p>"
    if name == "doctype-unclosed":
        return "d.html", "<h2>Summary</h2><p>Text here.</p>" + "<!DOCTYPE a" * 200_000
    if name == "directive-lines":
        return "s.md", "<!-- briefcheck: ignore C211 -->\n" * 20_000 + SUMMARY_MD + "Text.\n"
    if name == "bracket-lines":
        return "s.txt", "[briefcheck: ignore C211]\n" * 20_000 + "Key Points\n- A point.\n"
    if name == "comment-never-closes":
        return "s.md", SUMMARY_MD + "<!-- briefcheck: ignore C" + " " * 200_000 + "\n"
    if name == "bracket-never-closes":
        return "s.txt", "Key Points\n- A point.\n[briefcheck: ignore C" + " " * 200_000 + "x\n"
    if name == "json-escapes":
        paragraph = "\\u0041bc def. " * 60_000
        return "e.json", json.dumps({"sections": [{"kind": "summary", "heading": "Summary"}]})[
            :-3] + ', "paragraphs": ["' + paragraph + '"]}]}'
    if name == "markdown-entities":
        return "e.md", SUMMARY_MD + "&#65;bc def. " * 80_000 + "\n"
    if name == "html-entities":
        return "e.html", "<h2>Summary</h2><p>" + "&#65;bc def. " * 80_000 + "</p>"
    if name == "html-elements-entities":
        return "e.html", "<h2>Summary</h2>" + "<p>Ab &#99;</p>" * 60_000
    raise KeyError(name)


CASES = ["doctype-subset", "doctype-unclosed", "directive-lines", "bracket-lines",
         "comment-never-closes", "bracket-never-closes", "json-escapes", "markdown-entities",
         "html-entities", "html-elements-entities"]


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_document_is_checked_in_bounded_time(tmp_path, name):
    file_name, text = _case(name)
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=30, mb=600)
    assert_contract(outcome, codes=(0,))
    (document,) = json.loads(outcome.stdout)["documents"]
    assert document["error"] is None


def test_directives_still_cover_their_lines_after_many(tmp_path):
    """The one-pass scope: after 20,000 directive lines, the first covers the next text."""
    path = tmp_path / "s.txt"
    path.write_text("[briefcheck: ignore S1]\n" * 2_000 + "Key Points\n- A point.\n",
                    encoding="utf-8")
    outcome = run_bounded(path, "--format", "json", "--fail-on", "never", seconds=30, mb=300)
    findings = json.loads(outcome.stdout)["documents"][0]["findings"]
    on_heading = [f for f in findings if f["location"]["line"] == 2_001 and f["code"][:2] == "S1"]
    assert on_heading == []

"""Candidate pairs of the conflict rules: the same report whatever the process's string
hashing, the same findings when a long brief restates its facts thousands of times, and the
same pairs whether a few sentences are compared two by two or through the index."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import check_text
from checker.config import Config
from checker.conflicts.statements import (MAX_PARTNERS, MAX_SENTENCE_PARTNERS, _every_pair,
                                          _indexed_pairs)
from conftest import SEED


def _mutated_seed() -> str:
    """The seed with one of its four-year durations made six years: its body sentence
    conflicts with both the Key Points and the Summary, and one of them is reported."""
    text = SEED.read_text(encoding="utf-8")
    at = text.index("quatre ans", 1400)
    return text[:at] + "six ans" + text[at + len("quatre ans"):]


def test_which_earlier_sentence_a_conflict_names_does_not_depend_on_string_hashing(tmp_path):
    brief = tmp_path / "brief.fr.txt"
    brief.write_text(_mutated_seed(), encoding="utf-8")
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "checker", "--select", "C204", str(brief)],
                             capture_output=True, text=True, env=env)
        assert run.returncode == 1, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
    # The earliest statement it contradicts: the Key Points.
    assert "contradicts 'près de quatre ans' (4 years) in Points Clés" in outputs.pop()


def test_a_brief_that_restates_its_facts_gets_the_findings_of_its_first_statements():
    """Pairs whose facts agree are skipped by their values; a conflict among thousands of
    agreeing restatements is still found."""
    text = SEED.read_text(encoding="utf-8")
    body = text.index("Sommet de Paris Convoqué")
    head, rest = text[:body], text[body:]
    conclusion = rest.index("\nConclusion")
    sections = rest[:conclusion].strip()
    many = "\n".join(sections.replace("Sommet de Paris Convoqué", f"Sommet de Paris {n}", 1)
                     for n in range(40))
    long_brief = head + many + rest[conclusion:]
    odd = long_brief.replace("6 janvier", "9 janvier", 1)  # the first (Key Points) one
    config = Config(select=("C201",))
    assert not check_text(long_brief, "long.fr.txt", "text", config).findings
    findings = check_text(odd, "odd.fr.txt", "text", config).findings
    assert findings and all(f.code == "C201" for f in findings)
    assert any(f.location.line == 2 or any(r.line == 2 for r in f.related) for f in findings)


#: Keys of a sentence: its words (str) and its facts of other kinds ((kind, value)).
KEYS = ["sommet", "paris", "allie", "garan", ("place", "Paris"), ("date", "--01-06"),
        ("participant", "Volodymyr Zelensky"), ("duration", "4 years")]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.frozensets(st.sampled_from(KEYS), max_size=4), st.sampled_from("abc")),
                max_size=MAX_PARTNERS))
def test_a_few_sentences_compared_two_by_two_give_the_pairs_the_index_gives(sentences):
    stating = [3 * n + 1 for n in range(len(sentences))]  # sentence indices, with gaps
    keys = {i: words for i, (words, _) in zip(stating, sentences)}
    section = {i: s for i, (_, s) in zip(stating, sentences)}
    assert list(_every_pair(stating, keys, section)) == list(_indexed_pairs(stating, keys, section))


def test_a_sentence_is_compared_with_the_partners_sharing_most_keys_then_the_earliest():
    # 60 earlier sentences share a key each with the last one (12 a key: the per-key bound);
    # the ten latest share a second key too. Only MAX_SENTENCE_PARTNERS are compared: those
    # ten, then the earliest of the others.
    stating = list(range(61))
    keys = {n: frozenset({f"k{n // 12}"} | ({"x"} if 50 <= n < 60 else set())) for n in range(60)}
    keys[60] = frozenset({"k0", "k1", "k2", "k3", "k4", "x"})
    section = {n: "body" for n in range(60)} | {60: "summary"}
    partners = [j for j, i in _indexed_pairs(stating, keys, section) if i == 60]
    assert 10 < MAX_SENTENCE_PARTNERS < 60
    assert partners == [*range(MAX_SENTENCE_PARTNERS - 10), *range(50, 60)]

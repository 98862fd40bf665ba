"""The same phrase with another value: a Key Point or the Summary gives a place or a person
that no other sentence of the brief states, between the same words as another section
gives one the story states again.

A summary sums the story up, so where it tells the same thing as the story ("la crise
sanitaire en Chine" / "la crise sanitaire en France"; "X a été élu président" / "Y est élu
président") with a value of its own, the summary has the wrong value. The sentences as a
whole may differ much (a lead rewords the article), so the evidence is the phrase the value
stands in, read on the sentences as `Statement.valued` has them (content words, stemmed; a
fact as its value, so that "le 3 mars" is a word of the phrase and "le 4 mars" another):

- a place, the two words before it, which say what it locates ("crise sanitaire en §p",
  "fermetures de magasins en §p", "dans la nuit de mardi à mercredi à §p");
- a person, the two words after it, which say what they did or are ("§p a été élu
  président", "§p, le conducteur du véhicule"), or the word either side ("nommer §p à
  Matignon").

Measured on the development data (`benchmarks/accuracy/realtext.py`): a person's two words
before it ("his wife §p", "saw §p") give false errors on human-judged consistent summaries,
a place's after it too ("§p in the FA Cup": Liverpool, Chelsea), dates and lengths most of
all (a story's other days share their words: "le 15 mars" / "le 22 mars", two rounds). So
those are not read here; `_lone`'s discipline holds as in `restatement`: the summary's
value is in no other sentence, the story's in two or more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.conflicts.restatement import SUMMING_UP, comparable
from checker.conflicts.statements import Statement, Statements, value_token
from checker.facts import Fact, same_fact
from checker.lang import fold

#: Which words around a fact make its phrase, per kind: (words before, words after).
ANCHORS = {"place": ((2, 0),), "participant": ((0, 2), (1, 1))}
#: Statements that must state the story's value: it is the story's, not a passing one.
STORY_TOLD = 2
#: Statements holding one phrase looked at: bounds the work on a long brief.
MAX_HOLDERS = 12


def _phrases(s: Statement, i: int, kind: str) -> Iterator[tuple]:
    """The phrases a fact at `i` of `s.masked` stands in: its kind, which side, the words."""
    valued = s.valued
    for before, after in ANCHORS.get(kind, ()):
        if i - before < 0 or i + after >= len(valued):
            continue
        words = valued[i - before: i] + valued[i + 1: i + 1 + after]
        if len(words) == before + after:
            yield kind, before, after, words


def phrase_conflicts(statements: Statements) -> Iterator[tuple[Fact, Fact, str]]:
    """(the summary's fact, the story's, the evidence in words) for each Key Point or Summary
    value that no other sentence states, standing in the same phrase as a value of another
    section that two statements or more state."""
    told = statements.told
    held: dict[tuple, list[tuple[Statement, Fact]]] = defaultdict(list)
    lone: list[tuple[tuple, Statement, Fact]] = []
    for s in statements.all.values():
        for i, fact in enumerate(s.holders):
            if fact is None or fact.kind not in ANCHORS:
                continue
            count = told[value_token(fact)]
            for phrase in _phrases(s, i, fact.kind):
                if count >= STORY_TOLD and len(held[phrase]) < MAX_HOLDERS:
                    held[phrase].append((s, fact))
                if count == 1 and s.kind in SUMMING_UP:
                    lone.append((phrase, s, fact))
    reported: set[int] = set()
    for phrase, s, x in lone:
        if id(x) in reported:
            continue
        for t, y in held.get(phrase, ()):
            if (t.section == s.section or value_token(y) in s.valued or same_fact(x, y)
                    or not comparable(x, y, s, t, statements.lang) or _one_name(x, y)):
                continue
            reported.update((id(x), id(y)))
            yield x, y, (f"'{x.text}' and '{y.text}' stand in the same words "
                         f"('{_quoted(s, x, phrase)}'), and no other sentence of the brief "
                         f"states '{x.text}'")
            break


def _one_name(x: Fact, y: Fact) -> bool:
    """Two names that share a word may be one person written otherwise ("Zara Phillips",
    "Zara Philipps"): no evidence of two."""
    return x.kind == "participant" and bool(set(fold(x.value).split()) & set(fold(y.value).split()))


def _quoted(s: Statement, x: Fact, phrase: tuple) -> str:
    """The phrase as the summary writes it: its words around the fact, the fact as '…'."""
    _, before, after, _ = phrase
    words_before = s.text[: x.start].split()[-(before + 2):] if before else []
    words_after = s.text[x.start + len(x.text):].split()[: after + 2] if after else []
    return " ".join([*words_before, "…", *words_after]).strip()

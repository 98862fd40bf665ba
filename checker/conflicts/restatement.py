"""Restatements: two sentences of different sections that say the same thing, and the facts
they give differently.

Evidence that two statements are about the same slot of the same thing: their wording agrees
once the facts are masked (`Statement.masked`), and an alignment of the two word sequences
puts the two facts in the same place ("X met Y in §place on §date" twice, Paris in one and
Berlin in the other). A sentence that differs in more than that one fact, or whose other
words tell another occasion ("the first round on §date" / "the second round on §date"), is
not a restatement of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from checker.align import stem
from checker.conflicts.statements import Statement
from checker.facts import Fact, same_fact
from checker.lang import fold, load_pack

#: Similarity of two masked sentences (Dice of their words and fact tokens, 1.0: the same
#: words) at or above which they restate each other: a fact given otherwise is an error.
RESTATES = 0.8
#: At or above this, the sentences are close: a fact given otherwise is worth a warning.
CLOSE = 0.6
#: Words (and agreeing facts) two sentences must share to be read as one statement: three
#: words in common say little ("X said on §date").
MIN_SHARED = 4


class Difference(NamedTuple):
    """Two aligned facts that disagree, and how strong the evidence is."""

    a: Fact
    b: Fact
    score: float
    #: The sentences restate each other and differ in this fact only.
    confirmed: bool


@cache
def _distinguishers(lang: str) -> frozenset[str]:
    """Stems of the words that tell one occasion from another ("first", "second", "last",
    "précédent"): a restatement that changes one of them tells of another thing."""
    words = load_pack(lang).get("conflicts", {}).get("distinguishers", ())
    return frozenset(stem(w, lang) for phrase in words for w in fold(phrase).split())


def comparable(a: Fact, b: Fact) -> bool:
    """Whether two facts in the same place can contradict each other: not a relative date
    ("yesterday") against a day, not a person against an organisation."""
    if a.kind != b.kind or a.weak or b.weak:
        return False
    if a.kind == "date":
        return not (a.value.startswith("relative:") or b.value.startswith("relative:"))
    if a.kind == "participant":
        return (a.detail == "organisation") == (b.detail == "organisation")
    return True


def _aligned(a: Statement, b: Statement) -> tuple[list[tuple[Fact, Fact]], set[str]]:
    """(facts that play the same part in both sentences, the words either sentence has and
    the other has not). Facts in the same place of an alignment of the masked words play the
    same part; so does the one fact of a kind each sentence states, wherever it stands
    ("In Paris, X met Y" / "X met Y in Paris")."""
    from rapidfuzz.distance import Indel

    pairs: list[tuple[Fact, Fact]] = []
    changed: set[str] = set()
    for op in Indel.opcodes(a.masked, b.masked):
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                x, y = a.holders[op.src_start + k], b.holders[op.dest_start + k]
                if x is not None and y is not None:
                    pairs.append((x, y))
        else:
            changed.update(t for t in a.masked[op.src_start:op.src_end] if t[0] != "§")
            changed.update(t for t in b.masked[op.dest_start:op.dest_end] if t[0] != "§")
    paired = {id(x) for pair in pairs for x in pair}
    for kind in {f.kind for f in a.facts}:
        mine = [f for f in a.holders if f is not None and f.kind == kind]
        theirs = [f for f in b.holders if f is not None and f.kind == kind]
        if (len(mine) == 1 and len(theirs) == 1
                and id(mine[0]) not in paired and id(theirs[0]) not in paired):
            pairs.append((mine[0], theirs[0]))
    return pairs, changed


def similarity(a: Statement, b: Statement) -> float:
    """Dice coefficient of the two masked sentences' tokens (order aside)."""
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(sorted(a.masked), sorted(b.masked))


def differences(a: Statement, b: Statement, lang: str) -> Iterator[Difference]:
    """The facts two close sentences give differently, in the same part."""
    if len(a.masked) < 3 or len(b.masked) < 3:
        return
    score = similarity(a, b)
    if score < CLOSE:
        return
    pairs, changed = _aligned(a, b)
    differ = [(x, y) for x, y in pairs if comparable(x, y) and not same_fact(x, y)]
    if not differ:
        return
    agree = sum(1 for x, y in pairs if x.kind == y.kind and same_fact(x, y))
    common = Counter(t for t in a.masked if t[0] != "§") & Counter(
        t for t in b.masked if t[0] != "§")
    shared = sum(common.values()) + agree
    confirmed = (score >= RESTATES and len(differ) == 1 and shared >= MIN_SHARED
                 and not changed & _distinguishers(lang))
    for x, y in differ:
        yield Difference(x, y, round(score, 2), confirmed)

"""Restatements: two sentences of different sections that say the same thing, and the facts
they give differently.

Evidence that two statements are about the same slot of the same thing: their wording agrees
once the facts are masked (`Statement.masked`), and an alignment of the two word sequences
puts the two facts in the same place ("X met Y in §place on §date" twice, Paris in one and
Berlin in the other). A sentence that differs in more than that one fact, whose words
change next to the fact too ("le président X" / "l'économiste Y": another part), or whose
other words tell another occasion ("the first round on §date" / "the second round on
§date"), is not a restatement of it; it is worth a warning, unless Key Points or Summary
give in it a value that no other sentence of the brief states, where the sentence they sum
up gives one the story tells again: the summary has the wrong value (`_lone`). For that
evidence alone, two values may stand in different parts of the sentences, when each is the
one value of its kind that its sentence has and the other has not ("Selon X, …" / "…, a
dénoncé Y": `_unaligned`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from checker.conflicts.statements import Statement, Statements, located, value_token
from checker.conflicts.wording import stems
from checker.facts import Fact, same_fact
from checker.model import SectionKind

#: The sections that sum the brief up: a value only they give is the summary's own.
SUMMING_UP = frozenset({SectionKind.KEY_POINTS, SectionKind.SUMMARY})
#: Similarity of two masked sentences (Dice of their words and fact tokens, 1.0: the same
#: words) at or above which they restate each other: a fact given otherwise is an error.
RESTATES = 0.8
#: At or above this, the sentences are close: a fact given otherwise is worth a warning.
CLOSE = 0.6
#: Words (and agreeing facts) two sentences must share to be read as one statement: three
#: say little ("Donald Trump a félicité le nouveau Président" / "Theresa May a félicité
#: chaleureusement le nouveau Président": two leaders did the same, a consistent real brief
#: of the development data), though a short copy has no more ("Peut-on comparer X et Y ?").
MIN_SHARED = 4
#: Share of a brief's statements in templates (one wording filled in three ways or more)
#: that makes it a log rather than a story (a match report, minute by minute).
LOG_SHARE = 0.1
#: Words (and agreeing facts) two sentences share that make them one statement even in a
#: log: a log's alike moments share a few ("Foul by §p (§p)."), a copied sentence its whole
#: wording (a Key Point that copies the Summary's first sentence of a profile-card article).
LOG_SPARED = 8


class Difference(NamedTuple):
    """Two aligned facts that disagree, and how strong the evidence is."""

    a: Fact
    b: Fact
    score: float
    #: The sentences restate each other and differ in this fact only.
    confirmed: bool
    #: The evidence in words, for the message.
    reason: str = ""
    #: The alignment put the two facts in the same part. False: each is the one value of
    #: its kind that its sentence has and the other has not, in another part ("Selon X,
    #: …" / "…, a dénoncé X"): evidence only for a summary's lone value (`_lone`).
    aligned: bool = True


def comparable(a: Fact, b: Fact, sa: Statement, sb: Statement, lang: str) -> bool:
    """Whether two facts in the same place of two sentences can contradict each other: not
    a relative date ("yesterday") against a day, not a person against an organisation, not
    a place where something happens against another kind of place ("in Geneva" / "for
    Ukraine")."""
    if a.kind != b.kind or a.weak or b.weak:
        return False
    if a.kind == "date":
        return not (a.value.startswith("relative:") or b.value.startswith("relative:"))
    if a.kind == "participant":
        return (a.detail == "organisation") == (b.detail == "organisation")
    if a.kind == "place":
        return located(sa, a, lang) == located(sb, b, lang)
    return True


def _aligned(a: Statement, b: Statement, statements: Statements,
             ) -> tuple[list[tuple[Fact, Fact]], set[str], set[int]]:
    """(facts that play the same part in both sentences and give different values, the
    words either sentence has and the other has not, the ids of the facts of `a` whose gap
    changes words as well: "le président X" / "l'économiste Y" is another part).

    The two sentences' words are aligned with each fact named by its value, so the facts
    they share are matched with each other first; a fact then plays the part of another
    when each is the one fact of its kind in a gap between aligned words ("met §p in
    [Paris] on" / "met §p in [Berlin] on"). A value that the other sentence states elsewhere
    is no difference: the two sentences put the same facts in another order ("X and Y met"
    / "Y and X met")."""
    from rapidfuzz.distance import Levenshtein

    va, vb = a.valued, b.valued
    pairs: list[tuple[Fact, Fact]] = []
    changed: set[str] = set()
    dressed: set[int] = set()  # facts whose gap changes words too ("the economist X")
    gap: list = []
    for op in [*Levenshtein.opcodes(va, vb), None]:
        if op is not None and op.tag != "equal":
            gap.append(op)
            continue
        if gap:
            i1, i2 = gap[0].src_start, gap[-1].src_end
            j1, j2 = gap[0].dest_start, gap[-1].dest_end
            changed.update(t for t in a.masked[i1:i2] if t[0] != "§")
            changed.update(t for t in b.masked[j1:j2] if t[0] != "§")
            mine = [h for h in a.holders[i1:i2] if h is not None]
            theirs = [h for h in b.holders[j1:j2] if h is not None]
            words_changed = any(t[0] != "§" for t in (*a.masked[i1:i2], *b.masked[j1:j2]))
            for kind in sorted({f.kind for f in mine}):  # (a set's order changes run to run)
                x = [f for f in mine if f.kind == kind]
                y = [f for f in theirs if f.kind == kind]
                if len(x) == 1 and len(y) == 1:
                    pairs.append((x[0], y[0]))
                    if words_changed:
                        dressed.add(id(x[0]))
            gap = []
    stated_a, stated_b = set(va), set(vb)
    pairs = [(x, y) for x, y in pairs
             if value_token(x) not in stated_b and value_token(y) not in stated_a]
    return pairs, changed, dressed


def similarity(a: Statement, b: Statement) -> float:
    """Dice coefficient of the two masked sentences' tokens (order aside)."""
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a.bag, b.bag)


def differences(a: Statement, b: Statement, statements: Statements,
                memo: dict | None = None) -> Iterator[Difference]:
    """The facts two close sentences give differently, in the same part. `memo` keeps the
    answer per pair of sentence texts and fact values: a long brief restates the same
    sentences thousands of times, and each pair of wordings is aligned once."""
    key = (a.key, b.key)
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = _differences(a, b, statements)
        if memo is not None:
            memo[key] = found
    for i, j, score, confirmed, aligned in found:
        yield Difference(a.holders[i], b.holders[j], score, confirmed, aligned=aligned)


def _differences(a: Statement, b: Statement, statements: Statements,
                 ) -> list[tuple[int, int, float, bool, bool]]:
    """`differences` as (position of each fact in `holders`, score, confirmed, aligned)."""
    la, lb = len(a.masked), len(b.masked)
    if la < 3 or lb < 3 or 2 * min(la, lb) < CLOSE * (la + lb):
        return []  # (too short, or too unequal in length to reach CLOSE)
    score = similarity(a, b)
    if score < CLOSE:
        return []
    pairs, changed, dressed = _aligned(a, b, statements)
    differ = [(x, y) for x, y in pairs if comparable(x, y, a, b, statements.lang) and (
        not same_fact(x, y) or (score >= RESTATES and _other_number(x, y)))]
    if not differ:
        return _unaligned(a, b, statements, round(score, 2))
    common = Counter(a.valued) & Counter(b.valued)
    shared = sum(common.values())
    # (one fact said twice in both is one difference: « En moins de §d, … en moins de §d »)
    values = {(value_token(x), value_token(y)) for x, y in differ}
    # (a sentence copied word for word that changes a day may share one word fewer: « C'est
    # le chiffre le plus bas depuis le 18 mars » / « … le 14 mars »; not a person: two
    # people may do the same thing)
    floor = (MIN_SHARED - 1 if score == 1.0 and all(x.kind == "date" for x, _ in differ)
             else MIN_SHARED)
    confirmed = (score >= RESTATES and len(values) == 1 and shared >= floor
                 and not changed & stems(statements.lang, "distinguishers"))
    position_a = {id(h): n for n, h in enumerate(a.holders) if h is not None}
    position_b = {id(h): n for n, h in enumerate(b.holders) if h is not None}
    return [(position_a[id(x)], position_b[id(y)], round(score, 2),
             confirmed and id(x) not in dressed, True) for x, y in differ]


def _unaligned(a: Statement, b: Statement, statements: Statements, score: float,
               ) -> list[tuple[int, int, float, bool, bool]]:
    """Two close sentences whose alignment pairs no facts, where each has one value of a
    kind that the other has not: the same statement with its person said first in one and
    last in the other ("Selon X, des dizaines d'individus se sont introduits…" / "Des
    dizaines d'individus se sont introduits…, a dénoncé X"). Never confirmed: `_lone`
    decides."""
    own_a = [(n, h) for n, h in enumerate(a.holders)
             if h is not None and a.valued[n] not in b.valued]
    own_b = [(n, h) for n, h in enumerate(b.holders)
             if h is not None and b.valued[n] not in a.valued]
    found = []
    for kind in sorted({h.kind for _, h in own_a} & {h.kind for _, h in own_b}):
        x = [(n, h) for n, h in own_a if h.kind == kind]
        y = [(n, h) for n, h in own_b if h.kind == kind]
        if len(x) == 1 and len(y) == 1 and not same_fact(x[0][1], y[0][1]) and comparable(
                x[0][1], y[0][1], a, b, statements.lang):
            found.append((x[0][0], y[0][0], score, False, False))
    return found


def _other_number(x: Fact, y: Fact) -> bool:
    """Two approximate lengths written alike but for their number ("more than 40 years" /
    "more than 43 years", « près de neuf minutes » / « près de dix minutes »). Said in two
    sentences, both may hold ("more than 40" is true when "more than 43" is); said in one
    sentence restated word for word, one of the two copies has the wrong number."""
    if x.kind != "duration" or x.value == y.value:
        return False
    wx, wy = x.text.split(), y.text.split()
    return len(wx) == len(wy) and sum(p != q for p, q in zip(wx, wy)) == 1


def restatement_conflicts(statements: Statements) -> Iterator[Difference]:
    """The differences of the brief's restatements that may be conflicts (two body sections
    are never compared: `Statements.pairs`): not a template the brief fills in ("Foul by X
    (Team)." said of a dozen players: a sentence whose close sentences each give another
    value, or a wording filled in three ways or more); in a brief that is mostly such
    templates (a log: its alike sentences tell one moment each), only copies that share
    LOG_SPARED words are confirmed (`_verdict`)."""
    memo: dict = {}
    found = [(a, b, d) for a, b in statements.pairs() if a.valued != b.valued
             for d in differences(a, b, statements, memo)]
    others: dict[int, set[str]] = defaultdict(set)  # by the fact's id
    for a, b, d in found:
        others[id(d.a)].add(value_token(d.b))
        others[id(d.b)].add(value_token(d.a))
    everyone = statements.all.values()
    skeletons = Counter(masked for masked, _ in {(s.masked, s.valued) for s in everyone})
    templated = sum(1 for s in everyone if skeletons[s.masked] >= 3)
    log = templated >= max(3, LOG_SHARE * len(statements.all))
    for a, b, d in found:
        if max(len(others[id(d.a)]), len(others[id(d.b)])) >= 2 or max(
                skeletons[a.masked], skeletons[b.masked]) >= 3:
            continue
        if not d.aligned and _lone(a, d.a, b, d.b, statements) is None:
            continue  # (unaligned facts are no evidence, not even for a warning)
        confirmed, reason = _verdict(a, b, d, log, statements)
        yield d._replace(confirmed=confirmed, reason=reason)


def _verdict(a: Statement, b: Statement, d: Difference, log: bool, statements: Statements,
             ) -> tuple[bool, str]:
    """Whether a difference is an error, and its evidence in words: a restatement that
    differs in this fact only, unless the brief is a log and the two share few words (a
    log's alike moments); or alike sentences where a summary gives a value of its own."""
    score = f"similarity {d.score:.2f}"
    if not d.confirmed:
        lone = _lone(a, d.a, b, d.b, statements)
        if lone is None:
            return False, f"the two sentences are alike ({score}) but differ in more than this"
        if not d.aligned:
            return True, (f"the two sentences are alike ({score}), each names one "
                          f"{d.a.kind} the other does not, and no other sentence of the "
                          f"brief states '{lone.text}'")
        return True, (f"the two sentences are alike ({score}), and no other sentence of the "
                      f"brief states '{lone.text}'")
    if log and sum((Counter(a.valued) & Counter(b.valued)).values()) < LOG_SPARED:
        return False, (f"the two sentences say the same otherwise ({score}), but the brief "
                       "tells many moments in sentences alike")
    return True, f"the two sentences say the same otherwise ({score})"


def _lone(a: Statement, x: Fact, b: Statement, y: Fact, statements: Statements) -> Fact | None:
    """The fact of two alike sentences that no other sentence of the brief states, in Key
    Points or Summary (which sum the brief up), when the other is stated
    elsewhere too: a summary's value the story never gives, where the sentence it restates
    gives another ("Jean-Claude Gaudin dénonce …" / "… a dénoncé le secrétaire général,
    Laurent Berger"), not one more person or place of the story."""
    told = statements.told
    for lone, here, other in ((x, a, y), (y, b, x)):
        if (here.kind in SUMMING_UP and told[value_token(lone)] == 1
                and told[value_token(other)] >= 2):
            return lone
    return None

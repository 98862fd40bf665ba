"""The brief as statements: each sentence that states a fact, with its facts and its wording
with those facts masked, and the pairs of statements worth comparing.

Why masked: two sentences say the same thing of the same slots when their words agree once
the facts are taken out ("X met Y in §place on §date"). The mask keeps one token per fact
(its kind) where the fact stands, so an alignment of the two word sequences also says which
fact of one sentence plays the part of which fact of the other.

Candidate pairs come from an index of each statement's words and facts, with a bounded
number of partners per key and per statement, so the work stays linear in a long brief.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache, cached_property, lru_cache
from operator import attrgetter

from checker.align import stem, stop_words
from checker.facts import Fact
from checker.facts.mention import WORD as WORDS
from checker.conflicts.wording import WORD, event_noun, tokens, words
from checker.lang import SUPPORTED, fold, load_pack
from checker.model import Brief, SectionKind, record

#: Partners looked at per shared key (word or fact): bounds the work on long briefs.
MAX_PARTNERS = 12
#: Partners compared per statement: those sharing the most keys, then the earliest. A long
#: brief whose sentences share many words and people gave each hundreds, a dozen per key
#: (a 1 MB brief of dated meetings between people in cities). The samples, the accuracy
#: corpus and the 1,000 generated briefs have at most 7 per sentence.
MAX_SENTENCE_PARTNERS = 16
#: The token that stands for a fact of each kind in a masked sentence.
MASK = {"date": "§date", "place": "§place", "participant": "§participant",
        "duration": "§duration"}


@record
class Statement:
    """A sentence that states at least one fact."""

    index: int
    section: str
    kind: SectionKind
    text: str
    facts: tuple[Fact, ...]
    #: The sentence's content words (folded, stemmed) in order, each fact that is not weak
    #: replaced by one MASK token.
    masked: tuple[str, ...]
    #: The fact each token of `masked` stands for (None: a word).
    holders: tuple[Fact | None, ...]
    #: `masked` with each fact's token naming its value (`value_token`), so that an
    #: alignment matches the facts two sentences share with each other first.
    valued: tuple[str, ...]
    #: `masked` sorted: what `checker.conflicts.restatement.similarity` compares.
    bag: list[str]

    @property
    def key(self) -> int:
        """What everything said of a statement depends on, its text and its facts' values,
        as a number: statements of one wording share their `valued` tuple (`Statements`
        builds it once per wording), so its identity names the wording while they live."""
        return id(self.valued)


def mask(text: str, facts: tuple[Fact, ...], lang: str,
         ) -> tuple[tuple[str, ...], tuple[Fact | None, ...]]:
    """A sentence's content words with its facts masked (see `Statement.masked`)."""
    tokens: list[str] = []
    holders: list[Fact | None] = []
    at = 0
    for fact in sorted((f for f in facts if not f.weak), key=lambda f: f.start):
        if fact.start < at:
            continue  # (inside the fact before)
        stems = _chunk_stems(text[at: fact.start], lang)
        tokens += stems
        holders += [None] * len(stems)
        tokens.append(MASK[fact.kind])
        holders.append(fact)
        at = fact.start + len(fact.text)
    stems = _chunk_stems(text[at:], lang)
    tokens += stems
    holders += [None] * len(stems)
    return tuple(tokens), tuple(holders)


@lru_cache(maxsize=1 << 14)
def _chunk_stems(chunk: str, lang: str) -> tuple[str, ...]:
    """The stems of the words of a stretch of a sentence between its facts (stretches recur:
    "rencontrent le président", "à", "le")."""
    return tuple(stem for word in WORDS.findall(chunk) for stem in _stems(word, lang))


@lru_cache(maxsize=1 << 16)
def _stems(word: str, lang: str) -> tuple[str, ...]:
    """The stems a word gives in a masked sentence: none for a function word (read once per
    word: the same words fill every sentence)."""
    stop = stop_words()
    return tuple(stem(piece, lang) for piece in fold(word).split()
                 if len(piece) > 1 and piece not in stop)


#: What a fact's masking depends on: its kind, place in the sentence, text, weakness, value.
_FACT_KEY = attrgetter("kind", "start", "text", "weak", "value")


class Statements:
    """Every statement of a brief, and what is said in how many sections."""

    def __init__(self, brief: Brief, facts: list[Fact]):
        from checker.facts.pronouns import pronoun_subjects

        self.lang = brief.lang if brief.lang in SUPPORTED else "en"
        # (a sentence that opens with "he" speaks of the person of the one before it)
        pronouns = pronoun_subjects(brief, facts)
        #: The pronouns read as people: they refer to a value, they do not state it.
        self.pronouns = frozenset(map(id, pronouns))
        if pronouns:
            facts = sorted([*facts, *pronouns], key=lambda f: (f.sentence, f.start))
        by_sentence: dict[int, list[Fact]] = defaultdict(list)
        for fact in facts:
            by_sentence[fact.sentence].append(fact)
        self.label = {s.id: s.label for s in brief.sections}
        self.section_kind = {s.id: s.kind for s in brief.sections}
        #: (section id, text) of every sentence of Key Points and Summary, facts or not: what
        #: they call the event ("Le sommet représente…").
        self.headline = [(section.id, sentence.text) for section in brief.sections
                         if section.kind in (SectionKind.KEY_POINTS, SectionKind.SUMMARY)
                         for sentence in section.sentences]
        self.all: dict[int, Statement] = {}
        masks: dict[tuple[str, tuple[tuple, ...]], tuple] = {}
        for section in brief.sections:
            for sentence in section.sentences:
                stated = tuple(by_sentence.get(sentence.index, ()))
                if not stated:
                    continue
                # A brief restates sentences word for word: masked once per text and facts
                # (the facts' values and places in the sentence; spans differ).
                key = (sentence.text, tuple(map(_FACT_KEY, stated)))
                masked = masks.get(key)
                if masked is None:
                    words_, holders = mask(sentence.text, stated, self.lang)
                    valued = tuple(t if h is None else value_token(h)
                                   for t, h in zip(words_, holders))
                    masked = masks[key] = words_, holders, valued, sorted(words_), stated
                words_, holders, valued, bag, first = masked
                if first is not stated:
                    # Holders are the first copy's facts: this copy's, in the same order.
                    at = {id(f): n for n, f in enumerate(first)}
                    holders = tuple(None if h is None else stated[at[id(h)]] for h in holders)
                self.all[sentence.index] = Statement(
                    sentence.index, section.id, section.kind, sentence.text, stated,
                    words_, holders, valued, bag)
        self._facts = facts

    @cached_property
    def support(self) -> dict[tuple[str, str], int]:
        """How many sections state each (kind, value): the rarer side of a conflict is the
        odd one. Counted when a conflict asks (most briefs have none)."""
        sections: dict[tuple[str, str], set[str]] = defaultdict(set)
        for f in self._facts:
            sections[f.kind, f.value].add(f.section)
        return {k: len(v) for k, v in sections.items()}

    @cached_property
    def told(self) -> Counter[str]:
        """How many statements state each value (`value_token`): a value one sentence alone
        states is no other person, place or day of the story. A pronoun states none ("he"
        is whoever the sentence before names: no evidence of what the story says)."""
        pronouns = self.pronouns
        return Counter(t for s in self.all.values() for t in {
            t for t, h in zip(s.valued, s.holders) if t[0] == "§" and id(h) not in pronouns})

    def pairs(self) -> Iterator[tuple[Statement, Statement]]:
        """Statements of different sections, not both in the body (earlier, later), that
        share a word or a fact; at most MAX_PARTNERS earlier partners per key and
        MAX_SENTENCE_PARTNERS per statement. A later statement's partners come earliest
        first: output must not depend on the order of a set.

        Why not two body sections: they tell alike of two things (a chronology's steps, a
        match report's moments) as often as they contradict each other, so no evidence
        reads them as one statement, and a long body's pairs were most of the work."""
        order = sorted(self.all)
        # (words and facts' values: `valued` holds both, a fact as its value's token)
        keys = {i: frozenset(self.all[i].valued) for i in order}
        section = {i: "body" if self.all[i].kind == SectionKind.BODY else self.all[i].section
                   for i in order}
        find = _every_pair if len(order) <= MAX_PARTNERS else _indexed_pairs
        for a, b in find(order, keys, section):
            yield self.all[a], self.all[b]


def value_token(fact: Fact) -> str:
    """A fact's token naming its value, as written in any form: "6 janvier" and "mardi 6
    janvier 2026" are one day ("§date--01-06"), "Londres" and "London" one city. Only the
    same value: "Paris" and "France" agree (`same_fact`) but are two tokens, since either
    may stand in a sentence where the other is the difference."""
    value = fact.value
    if fact.kind == "date" and len(value) == 10 and value[4] == "-":
        value = "--" + value[5:]  # the day, whatever the year given with it
    elif fact.kind in ("place", "participant"):
        value = fold(value)
    return MASK[fact.kind] + value


def _indexed_pairs(order: list[int], keys: dict[int, frozenset], section: dict[int, str],
                   ) -> Iterator[tuple[int, int]]:
    """`Statements.pairs` through an index of the keys: linear in the size of a long brief."""
    postings: dict[object, list[int]] = defaultdict(list)
    for i in order:
        shared: Counter[int] = Counter()  # earlier statement -> keys it shares with this one
        for key in keys[i]:
            earlier = postings[key]
            shared.update(earlier)
            if len(earlier) < MAX_PARTNERS:
                earlier.append(i)
        partners = [j for j in shared if section[j] != section[i]]
        if len(partners) > MAX_SENTENCE_PARTNERS:
            partners = sorted(partners, key=lambda j: (-shared[j], j))[:MAX_SENTENCE_PARTNERS]
        for j in sorted(partners):
            yield j, i


def _every_pair(order: list[int], keys: dict[int, frozenset], section: dict[int, str],
                ) -> Iterator[tuple[int, int]]:
    """`Statements.pairs` for a brief's usual few statements: every two that share a key."""
    for n, i in enumerate(order):
        for j in order[:n]:
            if section[j] != section[i] and not keys[i].isdisjoint(keys[j]):
                yield j, i


#: What another fact of the sentence reads as in `around` (a word: `tokens` keeps letters).
OTHER_FACT = "xfactx"
#: Words read either side of a fact: what the evidence reads of a fact's context is at most
#: a few words (an event noun, its determiner, a preposition, a verb of lasting).
AROUND = 12


#: What ends a clause for `around`: a semicolon, a colon, a bracket, a quotation
#: mark. (Not a comma: « dure, selon lui, une journée » is one clause.)
CLAUSE_MARK = re.compile(r"[;:()«»\"“”]")


def around(s: Statement, fact: Fact) -> tuple[list[str], list[str]]:
    """The AROUND words (`tokens`) before and after a fact in its clause, each other fact one
    word (OTHER_FACT): "la rencontre du 12 mars à Berlin" reads "la rencontre du xfactx a"
    before Berlin. The clause ends at a semicolon, colon, bracket or quotation mark
    ("…sur une période de cinq ans", assure le professeur" says nothing of what the five
    years measure)."""
    starts, ends, read, marks = _read(s.text, tuple(sorted((g.start, g.start + len(g.text))
                                                           for g in s.facts)))
    end = fact.start + len(fact.text)
    k = bisect_left(marks, fact.start)
    first = marks[k - 1] if k else -1
    k = bisect_left(marks, end)
    last = marks[k] if k < len(marks) else len(s.text)
    stop = bisect_right(ends, fact.start)
    start = bisect_left(starts, end)
    return (list(read[max(0, stop - AROUND, bisect_right(starts, first)): stop]),
            list(read[start: min(start + AROUND, bisect_left(starts, last))]))


@lru_cache(maxsize=4096)
def _read(text: str, spans: tuple[tuple[int, int], ...],
          ) -> tuple[list[int], list[int], tuple[str, ...], list[int]]:
    """A sentence's words in lower case, each fact's words one OTHER_FACT, with their starts
    and ends, and where its clauses end (CLAUSE_MARK): read once per sentence, sliced per
    fact by `around`."""
    starts: list[int] = []
    ends: list[int] = []
    read: list[str] = []
    k = 0
    for m in WORD.finditer(text):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1
        if k < len(spans) and spans[k][0] < m.end():
            if not starts or starts[-1] != spans[k][0]:
                starts.append(spans[k][0])
                ends.append(spans[k][1])
                read.append(OTHER_FACT)
            continue
        starts.append(m.start())
        ends.append(m.end())
        read.append(m.group().casefold())
    return starts, ends, tuple(read), [m.start() for m in CLAUSE_MARK.finditer(text)]


def located(s: Statement, fact: Fact, lang: str) -> bool:
    """A place where something happens: after a preposition that places ("in Paris", « à
    Paris », "at the Élysée"), or qualifying an event noun ("the Berlin summit"); not where
    something comes from ("from Italy", « arrivé de Kiev »)."""
    # (the word right before and after, read off the text: most places are "in X", and
    # reading the whole sentence around each one cost a third of the conflicts' time)
    before = _LAST_WORD.search(s.text, max(0, fact.start - 24), fact.start)
    if before and before.group(1).casefold() in _placing(lang):
        ruler = _LAST_WORD.search(s.text, max(0, before.start(1) - 24), before.start(1))
        if ruler and ruler.group(1).casefold() in words(lang, "government_nouns"):
            return False  # « un changement de régime à Téhéran »: a government, no scene
        return not _other_fact_ends(s, before.end(1))
    after = WORD.match(s.text, _skip_spaces(s.text, fact.start + len(fact.text)))
    return bool(after) and event_noun(after.group(), lang)


#: The last word of a stretch of text, and what follows it up to the end of the stretch.
_LAST_WORD = re.compile(r"([^\W_]+)[^\w]*$")


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\u00a0":
        at += 1
    return at


def _other_fact_ends(s: Statement, at: int) -> bool:
    """Whether a word ending at `at` belongs to a fact of the sentence ("Moscow, Russia":
    "Moscow" is no preposition of Russia's)."""
    return any(g.start < at <= g.start + len(g.text) for g in s.facts)


@cache
def _placing(lang: str) -> frozenset[str]:
    """The pack's place prepositions that place something there (not "from", "to")."""
    places = {" ".join(tokens(w)) for w in load_pack(lang)["facts"].get("place_prepositions", ())}
    return frozenset(places - {"from", "depuis", "vers", "to"})

"""Consistency rules (C2xx): the facts a brief states in different sections agree.

Two statements conflict only when they are about the same event: their sentences share
other facts (the same people, place or date) and words, or say nearly the same thing with
one fact changed. That keeps background facts ("la guerre a commencé le 24 février 2022")
out of conflicts with the event's own date. Facts are compared only within one slot (a
day with a day, a city with a city, a person with a person, years with years), and
equivalent forms never conflict (`checker.facts.same_fact`).

Candidate pairs come from an index of each sentence's facts and words, with a bounded
number of partners per key and per sentence, so the work stays linear in the size of the
brief.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache, cached_property
from typing import TYPE_CHECKING

from checker.facts import Fact, same_fact
from checker.lang import fold, load_pack
from checker.model import SectionKind
from checker.report import Finding, Severity
from checker.rules import Rule, related
from checker.rules.people import _former, displaced_people, presented
from checker.rules.wording import (
    BACKGROUND, STEM, event_noun, function_words, marker_pattern, title_before,
)

if TYPE_CHECKING:
    from checker.analysis import Analysis

#: Partners looked at per shared key (fact or word): bounds the work on long briefs.
MAX_PARTNERS = 12
#: Partners compared per sentence: those sharing the most keys, then the earliest. A long
#: brief whose sentences share many words and people gave each hundreds, a dozen per key
#: (a 1 MB brief of dated meetings between people in cities: 35 s; 12.5 s with 32 partners,
#: 6.7 s with 16). The samples, the accuracy corpus and the 1,000 generated briefs have at
#: most 7 per sentence.
MAX_SENTENCE_PARTNERS = 16


def slot(fact: Fact) -> str:
    """What a fact can be compared with: a day with a day, years with years…"""
    if fact.kind == "date":
        if fact.value.startswith("relative:"):
            return "relative"
        return "day" if fact.value.count("-") >= 3 or re.match(r"\d{4}-\d\d-\d\d", fact.value) else "month"
    if fact.kind == "place":
        return fact.detail or "place"
    if fact.kind == "participant":
        return "organisation" if fact.detail == "organisation" else "person"
    return fact.value.split()[1].removesuffix("s")


def keywords(text: str, facts: list[Fact], start: int, lang: str) -> frozenset[str]:
    """Content words of a sentence outside its facts, cut to a stem-like prefix."""
    for fact in sorted(facts, key=lambda f: f.span.start, reverse=True):
        a = fact.span.start - start
        if 0 <= a <= len(text) and text[a : a + len(fact.text)] == fact.text:
            text = text[:a] + " " + text[a + len(fact.text) :]
    stop = function_words(lang)
    return frozenset(w[:STEM] for w in fold(text).split() if len(w) > 2 and w not in stop and not w.isdigit())


class Statements:
    """The brief's sentences as fact sets and keyword sets, and which pairs to compare."""

    def __init__(self, analysis: Analysis):
        brief = analysis.brief
        lang = brief.lang if brief.lang in ("fr", "en") else "en"
        self.facts: dict[int, list[Fact]] = defaultdict(list)
        for fact in analysis.facts:
            self.facts[fact.sentence].append(fact)
        self.section: dict[int, str] = {}
        self.kind: dict[int, SectionKind] = {}
        self.label: dict[str, str] = {s.id: s.label for s in brief.sections}
        #: Keywords of the sentences that state a fact: the only ones compared (pairs,
        #: `same_event`, people's statements); 44% of a brief's sentences state none.
        self.words: dict[int, frozenset[str]] = {}
        self.texts: dict[int, str] = {}
        self.lang = lang
        for section in brief.sections:
            for sentence in section.sentences:
                i = sentence.index
                self.section[i] = section.id
                self.kind[i] = section.kind
                self.texts[i] = sentence.text
                if i in self.facts:
                    self.words[i] = keywords(sentence.text, self.facts[i], sentence.span.start, lang)
        self.support = self._support(analysis.facts)
        # What `pairs` indexes, read once for its four calls (one per kind): each sentence's
        # kinds of facts, and its facts as (kind, value) keys, weak names left out.
        self._kinds_stated = {i: {f.kind for f in fs} for i, fs in self.facts.items()}
        self._fact_keys = {i: {(f.kind, f.value) for f in fs if not f.weak}
                           for i, fs in self.facts.items()}

    @staticmethod
    def _support(facts: list[Fact]) -> dict[tuple[str, str], int]:
        """How many sections state each value: the rarer side of a conflict is the odd one."""
        sections: dict[tuple[str, str], set[str]] = defaultdict(set)
        for f in facts:
            sections[f.kind, f.value].add(f.section)
        return {k: len(v) for k, v in sections.items()}

    def pairs(self, kind: str) -> Iterator[tuple[int, int]]:
        """Sentence pairs (earlier, later) in different sections that both state a `kind`
        fact and share a fact or a word; at most MAX_PARTNERS earlier partners per key and
        MAX_SENTENCE_PARTNERS per sentence.
        A later sentence's partners come earliest first, whatever the order of its keys (a
        set, whose order changes from run to run with string hashing): the first partner
        that conflicts is the one reported, and output must not depend on the process."""
        stating = [i for i in sorted(self._kinds_stated) if kind in self._kinds_stated[i]]
        keys = {i: self.words[i].union(key for key in self._fact_keys[i] if key[0] != kind)
                for i in stating}
        find = _every_pair if len(stating) <= MAX_PARTNERS else _indexed_pairs
        return find(stating, keys, self.section)

    def same_event(self, a: int, b: int, kind: str) -> bool:
        """Whether two sentences tell of the same event: shared facts and shared words."""
        anchors = sum(
            1
            for fa in self.facts[a]
            if fa.kind != kind and not fa.weak
            and any(fb.kind == fa.kind and not fb.weak and same_fact(fa, fb) for fb in self.facts[b])
        )
        shared = len(self.words[a] & self.words[b])
        smaller = max(1, min(len(self.words[a]), len(self.words[b])))
        close = shared / smaller >= 0.5
        if kind == "participant":
            # Paraphrases name different subsets of people: ask for more evidence.
            return anchors >= 2 or (anchors >= 1 and shared >= 2) or (shared >= 3 and close)
        if kind == "duration":
            # A duration measures one thing, named next to it: "la guerre dure depuis…".
            return anchors >= 1 or (shared >= 1 and close)
        return anchors >= 2 or (anchors >= 1 and shared >= 1) or (shared >= 2 and close)


def _indexed_pairs(stating: list[int], keys: dict[int, frozenset], section: dict[int, str],
                   ) -> Iterator[tuple[int, int]]:
    """`Statements.pairs` through an index of the keys (words are str, facts (kind, value)
    tuples), at most MAX_PARTNERS sentences a key and MAX_SENTENCE_PARTNERS partners a
    sentence: linear in the size of a long brief."""
    postings: dict[object, list[int]] = defaultdict(list)
    for i in stating:
        shared: Counter[int] = Counter()  # earlier sentence -> keys it shares with this one
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


def _every_pair(stating: list[int], keys: dict[int, frozenset], section: dict[int, str],
                ) -> Iterator[tuple[int, int]]:
    """`Statements.pairs` when at most MAX_PARTNERS sentences state the kind (a brief's
    usual few): no key then has MAX_PARTNERS earlier sentences, the index would list every
    earlier sentence sharing a key, and comparing the few sentences two by two is faster
    than building it."""
    for n, i in enumerate(stating):
        for j in stating[:n]:
            if section[j] != section[i] and not keys[i].isdisjoint(keys[j]):
                yield j, i


def _value_key(fact: Fact) -> tuple:
    """Everything `same_fact` and `slot` read of a fact: equal keys, same answers."""
    return (fact.kind, fact.value, fact.approximate, fact.weekday, fact.detail, fact.country)


def _of_kind(facts: list[Fact], kind: str) -> tuple[list[Fact], frozenset[tuple]]:
    """A sentence's facts of one kind, and the set of their value keys."""
    mine = [f for f in facts if f.kind == kind]
    return mine, frozenset(_value_key(f) for f in mine)


def _told(statements: Statements, i: int, memo: dict[int, tuple]) -> tuple:
    """What `Statements.same_event` reads of a sentence: its facts' value keys, in order, and
    its words."""
    found = memo.get(i)
    if found is None:
        found = memo[i] = (tuple(_value_key(f) for f in statements.facts[i]), statements.words[i])
    return found


def _unmatched(mine: list[Fact], theirs: list[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in mine:
        if not any(same_fact(f, g) for g in theirs):
            out[slot(f)].append(f)
    return out


#: A year in running text.
YEAR = re.compile(r"(?<![\d,.])((?:19[5-9]|20\d)\d)(?![\d,])")
#: Words that add a participant to those named elsewhere, per language.
ADDITIVE = {
    "en": ("also", "too", "as well", "in addition", "join", "joins", "joined", "then", "later"),
    "fr": ("aussi", "également", "de plus", "rejoint", "rejoindra", "ensuite", "puis"),
}
@cache
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Markers as whole words: "join" is not in "joint orders", "puis" not in "puissance";
    and not before a quantity's "de"/"than" ("de plus de 170 pays" is "more than 170")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in words)
                      + r")(?!\w)(?!\s+(?:de|d'|than)\b)", re.I)


class Headline:
    """The brief's event facts: per slot, the value most sections state (and Key Points or
    Summary among them). A single-valued event fact (the event's day, city, country; the
    duration of the thing the headline measures) stated with another value in a sentence
    about the event is a conflict even when the two sentences are not paraphrases."""

    def __init__(self, statements: Statements, kind: str, lang: str = "en"):
        self.statements = statements
        self.kind = kind
        self.lang = lang
        # The clusters and the event's facts do not depend on the rule's kind: the four
        # conflict rules share one computation, kept with the statements they come from.
        shared = vars(statements).get("_headline")
        if shared is None:
            shared = vars(statements)["_headline"] = self._event_facts(statements)
        self.clusters, self.joined, self.event = shared

    @classmethod
    def _event_facts(cls, statements: Statements) -> tuple[
            dict[str, list[list[Fact]]], dict[tuple, list[Fact] | None], dict[str, list[Fact]]]:
        """(clusters of equivalent facts per slot, the cluster each fact's value key joined
        (None: none), the event's cluster per slot)."""
        facts = [f for fs in statements.facts.values() for f in fs]
        clusters: dict[str, list[list[Fact]]] = defaultdict(list)
        # Which cluster a fact joins depends on its value alone (clusters are only ever
        # added at the end): decided once per value, not once per restatement.
        joined: dict[tuple, list[Fact] | None] = {}
        for f in sorted(facts, key=lambda f: f.span.start):
            if f.weak or (f.kind == "date" and slot(f) == "relative"):
                continue
            key = _value_key(f)
            if key in joined:
                if joined[key] is not None:
                    joined[key].append(f)
                continue
            groups = clusters[f.kind + ":" + slot(f)]
            for g in groups:
                if f.kind == g[0].kind and same_fact(f, g[0]):
                    g.append(f)
                    joined[key] = g
                    break
            else:
                joined[key] = None
                if len(groups) < 64:
                    groups.append([f])
                    joined[key] = groups[-1]
        event: dict[str, list[Fact]] = {}
        for key, groups in clusters.items():
            ranked = sorted(groups, key=lambda g: -cls._support(g))
            best = ranked[0]
            if cls._support(best) < 2 or (len(ranked) > 1 and cls._support(ranked[1]) == cls._support(best)):
                continue
            if not any(statements.kind[f.sentence] in (SectionKind.KEY_POINTS, SectionKind.SUMMARY) for f in best):
                continue
            event[key] = best
        return clusters, joined, event

    @staticmethod
    def _support(group: list[Fact]) -> int:
        return len({f.section for f in group})

    def cluster_of(self, fact: Fact) -> list[Fact] | None:
        """The fact's cluster: the one its value joined (weak names and relative dates have
        none), looked up by value rather than by hashing the whole fact."""
        return self.joined.get(_value_key(fact))

    def is_event(self, fact: Fact) -> bool:
        if fact.kind == "participant":
            # A person or organisation two sections name is one of the event's participants.
            g = self.cluster_of(fact)
            return g is not None and self._support(g) >= 2
        g = self.event.get(fact.kind + ":" + slot(fact))
        return g is not None and self.cluster_of(fact) is g

    def _two_lengths(self, texts: dict[int, str], lang: str) -> Iterator[tuple[Fact, Fact]]:
        """A length stated once each in two sections with two amounts, both of the event: next
        to an event noun ("Les pourparlers doivent durer une journée" / "cette rencontre de
        trois jours"), the length of a restating section's event ("La réunion, présidée par
        X, dure une journée"), or one of them said with a demonstrative ("pendant ces deux
        jours"): no majority tells which is right, but they disagree."""
        for key, groups in self.clusters.items():
            if not key.startswith("duration:") or key in self.event or len(groups) != 2:
                continue
            if any(len(g) != 1 for g in groups):
                continue
            x, y = groups[0][0], groups[1][0]
            named = [any(event_noun(w, lang) for w in self._around(f))
                     or self._restated_length(f, fold(texts[f.sentence]), lang) for f in (x, y)]
            if x.section != y.section and any(named) and all(
                    named[n] or _these(texts[f.sentence], f, lang) for n, f in enumerate((x, y))):
                yield y, x

    def _around(self, fact: Fact) -> frozenset[str]:
        return _around(self.statements.texts[fact.sentence], fact, self.lang)

    def _measures_same(self, fact: Fact, event: list[Fact], texts: dict[int, str], lang: str) -> bool:
        """Whether a duration measures what the headline duration measures: a word next to
        it is next to the headline's too ("eight months" of inflation near target), or
        names the event ("the six-day meeting", "les pourparlers doivent durer trois jours");
        not "a 30-day ceasefire" in a sentence about a two-day summit."""
        mine = self._around(fact)
        if _other_thing(texts[fact.sentence], fact, lang):
            # "a ceasefire of three days before the summit": the same thing only if the
            # headline measures it too ("a 90-day pause" / "the 60-day pause").
            return any(mine & self._around(g) for g in event[:16] if g.section != fact.section)
        gap = _gap_to(texts[fact.sentence], fact, lang)
        if gap is not None:
            # "three days after a drone attack": the time from the event to something else,
            # the same thing only when that is what the headline measures ("Près de quatre
            # ans après le début de la guerre" / "La guerre dure depuis près de quatre ans").
            return any(gap & self._around(g) for g in event[:16] if g.section != fact.section)
        mine = self._around(fact)
        if any(event_noun(w, lang) for w in mine):
            return True
        return any(mine & self._around(g) for g in event[:16]
                   if g.section != fact.section)

    def _restated_length(self, fact: Fact, text: str, lang: str) -> bool:
        """In Key Points, Summary or Conclusion, the sections that restate the event, a
        length in the headline's unit that names no thing of its own ("Pendant deux jours,
        ils doivent parler…", "En trois jours, ils espèrent…") is the event's length; not
        "a 30-day ceasefire", "une trêve de trois jours", nor "two days after the attack"."""
        if self.statements.kind[fact.sentence] == SectionKind.BODY:
            return False
        if self.background(fact.sentence, text, lang, fact):
            return False
        if _gap_to(self.statements.texts[fact.sentence], fact, lang) is not None:
            return False  # "The summit comes three days after a drone attack"
        raw = fold(self.statements.texts[fact.sentence]).replace("'", "' ")
        at = raw.find(fold(fact.text))
        before = raw[:at].split() if at >= 0 else []
        if "-" in fact.text.split()[-1] or (before and before[-1] in ("de", "d'", "of")):
            return any(event_noun(w, lang) for w in self._around(fact))
        # The time frame of what the event's people do ("Pendant deux jours, ils doivent
        # parler…": the pronoun picks up the people of the sentence before; not "For three
        # days, Russian drones have hit…"), or a sentence whose subject is the event ("La
        # réunion de la CPE dure une journée").
        after = raw[at + len(fold(fact.text)):].lstrip(" ,").split()[:1]
        fronted = (len(before) <= 1 and all(w in FRAME_WORDS for w in before)
                   and after and after[0] in PRONOUNS)
        opening = raw.split()[:2]
        subject = len(opening) == 2 and event_noun(opening[1].strip(".,;:")[:STEM], lang)
        return fronted or subject

    def _country_is_event(self, event: list[Fact]) -> bool:
        """A country is the event's place only when no city is, or the event's city is in it."""
        city = self.event.get("place:city")
        return city is None or city[0].country == event[0].country

    def background(self, sentence: int, text: str, lang: str, fact: Fact | None = None) -> bool:
        """A sentence about another time: a marker ("last", "précédent", "in 2022"), or a
        date with a year that is not the event's ("adopted in New York in June 2023" in a
        brief whose event is on June 27: briefs date their own event without a year)."""
        if marker_pattern(BACKGROUND.get(lang, BACKGROUND["en"])).search(text):
            return True
        day = self.event.get("date:day")
        year = _year(day[0]) if day else None
        own = fold(fact.text) if fact is not None else None
        if any(y != year for y in YEAR.findall(text.replace(own, " ") if own else text)):
            return True  # "The Geneva talks of 2023"
        return any(g.kind == "date" and g is not fact and _year(g) and _year(g) != year
                   for g in self.statements.facts[sentence])

    def about_event(self, fact: Fact, text: str, lang: str) -> bool:
        """A fact said of the event: its sentence states another of the event's facts, or
        the event's noun governs it ("le sommet à Paris", "the meeting on Jan. 29", "la
        réunion du 5 février"). A noun elsewhere in the sentence is not enough: "Talks
        resume on January 15", "a follow-up meeting is planned in Brussels" are other
        occasions."""
        if any(self.is_event(f) for f in self.statements.facts[fact.sentence] if f.kind != self.kind):
            return True
        at = text.find(fact.text)
        before = fold(text[: max(0, at)]).replace("'", "' ").split()
        if len(before) >= 2 and len(before[-1]) <= 3 and event_noun(before[-2][:STEM], lang):
            return True
        if fact.kind == "place" and _qualifies_event(text, fact, lang):
            return True
        # "The summit that opens on May 18", "le sommet qui s'ouvre le 2 octobre".
        for k in range(max(0, len(before) - 5), len(before) - 1 if fact.kind == "date" else 0):
            if (event_noun(before[k][:STEM], lang) and before[k + 1] in RELATIVES
                    and not any(w.endswith((",", ".", ";")) for w in before[k:])):
                return True
        return False

    def _event_scene(self, fact: Fact, text: str, lang: str) -> bool:
        """A city set as the scene of what a sentence tells ("in the hills north of Naples",
        "À Munich, les conseillers…", "au départ de Bordeaux"), in a brief whose event city
        three sections or more state: another city there is the event's place restated
        otherwise, unless the sentence names further places of its own (passing places:
        "Traders in London and New York") or the city lies in a country the brief places
        things in besides the event's (the war "en Ukraine": its towns are the story's
        other scene)."""
        city = self.event.get("place:city")
        if fact.detail != "city" or city is None or self._support(city) < 3:
            return False
        if not (_after_scene_word(text, fact, lang) or _venue(text, lang)):
            return False
        if marker_pattern(MORE_PLACES.get(lang, MORE_PLACES["en"])).search(fold(text)):
            return False  # "Protests were also held in Manchester": one more place
        if _nearby(fact, city[0]):
            return False  # "À Paiporta" in a brief on floods around Valencia: its outskirts
        if any(g.kind == "place" and g is not fact and not self.is_event(g)
               and not self._in_event_place(g) for g in self.statements.facts[fact.sentence]):
            return False
        if self.statements.kind[fact.sentence] != SectionKind.CONCLUSION:
            # Key Points, Summary and body also tell the story's other scenes ("In Kyiv,
            # sirens sounded during the night" in a brief on a London summit): a city
            # abroad there is not read as the event's, one in the event's country is ("À
            # Munich, les conseillers…"), and so is an area around a city abroad when the
            # brief locates its event as an area around its city ("fires near Athens" /
            # "in the hills north of Naples"). The Conclusion sums up and brings no new
            # scene (C212): any city set as a scene there is the event's place.
            texts = self.statements.texts
            if fact.country == city[0].country:
                # "evacuated in Manitoba and Saskatchewan": the story has other scenes in
                # the event's country, so "housing evacuees in Winnipeg" is one of them.
                return not self._other_regions
            return (
                _after_scene_word(text, fact, lang, AREA_WORDS)
                and any(_after_scene_word(texts[g.sentence], g, lang, AREA_WORDS)
                        for g in city if g.section != fact.section))
        return fact.country == city[0].country or fact.country not in self._scene_countries

    @cached_property
    def _other_regions(self) -> bool:
        """Whether the brief places something in a region of the event city's country that
        is not known to hold that city ("in Manitoba" in a brief on a meeting in Ottawa)."""
        city = self.event["place:city"][0]
        texts = self.statements.texts
        return any(f.kind == "place" and f.detail == "region" and f.country == city.country
                   and not (f.area and f.area == city.area)
                   and _after_scene_word(texts[f.sentence], f, self.lang)
                   for fs in self.statements.facts.values() for f in fs)

    @cached_property
    def _scene_countries(self) -> frozenset[str]:
        """Countries the brief locates something in ("en Ukraine", "in Belgium")."""
        texts = self.statements.texts
        return frozenset(f.country for fs in self.statements.facts.values() for f in fs
                         if f.kind == "place" and f.detail == "country"
                         and _after_scene_word(texts[f.sentence], f, self.lang))

    def _another_event(self, fact: Fact, text: str, lang: str) -> bool:
        """A sentence with a second date, place or length that is not the event's tells of
        another event ("Ministers met in Rome on December 12 to prepare the summit"): a
        changed fact leaves the sentence's other facts the event's own."""
        if fact.kind == "duration" and _this_event(text, fact, lang):
            return False
        facts = self.statements.facts[fact.sentence]
        for g in facts:
            if g.kind == fact.kind or g.kind not in ("date", "place", "duration") or g.weak:
                continue
            if g.kind == "date" and slot(g) != "day":
                continue  # "in January 2026", "hier": background of the sentence, not an event
            if g.kind == "place" and not _located(text, g, lang, strict=True):
                continue
            if g.kind == "duration" and not any(event_noun(w, lang) for w in self._around(g)):
                continue  # "financing secured for two years": a length, not an occasion's
            if self.is_event(g) or (g.kind == "place" and self._in_event_place(g)):
                continue
            # "à Londres … et du Canada": the event's own place is there; the other passes by.
            if not any(self.is_event(h) for h in facts if h.kind == g.kind):
                return True
        return False

    def _in_event_place(self, place: Fact) -> bool:
        """A country that holds the event's city ("Belém, Brazil"), or a region of that
        country ("Paris, en Île-de-France")."""
        city = self.event.get("place:city")
        return (place.detail in ("country", "region") and city is not None
                and city[0].country == place.country)


    def conflicts(self, texts: dict[int, str], lang: str) -> Iterator[tuple[Fact, Fact]]:
        """(odd fact, event fact in another section) for each event fact restated otherwise."""
        if self.kind == "duration":
            yield from self._two_lengths(texts, lang)
        for key, event in self.event.items():
            if not key.startswith(self.kind + ":"):
                continue
            for group in self.clusters[key]:
                if group is event or self._support(group) != 1:
                    continue
                for f in group:
                    if f.weak or any(self.is_event(g) for g in self.statements.facts[f.sentence]
                                     if g.kind == f.kind and slot(g) in (slot(f), "city")):
                        continue
                    if f.kind == "place" and not (_located(texts[f.sentence], f, lang)
                                                  or _venue(texts[f.sentence], lang)
                                                  or _qualifies_event(texts[f.sentence], f, lang)):
                        continue
                    if key == "place:country" and not self._country_is_event(event):
                        continue
                    if f.kind == "date" and _year(f) and _year(event[0]) and _year(f) != _year(event[0]):
                        continue
                    text = fold(texts[f.sentence])
                    if f.kind == "duration":
                        # A duration measures one thing: the same unit, said of the same thing
                        # (a word shared with a sentence stating the headline duration).
                        if not (self._measures_same(f, event, texts, lang)
                                or self._restated_length(f, text, lang)):
                            continue
                    elif (self.background(f.sentence, text, lang, f)
                          or not (self.about_event(f, texts[f.sentence], lang)
                                  or self._event_scene(f, texts[f.sentence], lang))
                          or self._another_event(f, texts[f.sentence], lang)):
                        continue
                    other = next((g for g in event if g.section != f.section), None)
                    if other is not None:
                        yield f, other


@cache
def _locating_words(lang: str) -> frozenset[str]:
    pack = load_pack(lang)
    words = {fold(w) for w in pack.get("facts", {}).get("place_prepositions", ())}
    return frozenset((words | {"of", "de", "d'", "du", "around", "autour"}) - {"from", "depuis"})


#: Verbs after which "de" names where someone comes from (French: "arrivé de Kiev").
ORIGIN_STEMS = ("arriv", "venu", "vient", "viennent", "parti", "reven", "rentr", "origin")


def _located(text: str, fact: Fact, lang: str, strict: bool = False) -> bool:
    """A place where something happens follows a preposition ("in Paris", "à Paris", "north
    of Naples"); a place something comes from ("sent from Italy") or that acts ("Paris
    envisage…", the government) is not the event's place."""
    at = text.find(fact.text)
    before = fold(text[: max(0, at)]).replace("’", "'").split()
    if not before:
        return False
    last = before[-1]
    if strict:
        return last in _locating_words(lang) - {"of", "de", "d'", "du"}
    if last in ("de", "d'", "du") and len(before) > 1 and before[-2].startswith(ORIGIN_STEMS):
        return False  # "Zelensky est arrivé de Kiev": where he comes from
    return last in _locating_words(lang) or last.endswith("d'") or last.endswith("l'")


#: Words that set where something happens, right before a place.
SCENE_WORDS = {
    "en": ("in", "at", "near", "outside", "around", "north of", "south of", "east of", "west of",
           "departing from"),
    "fr": ("à", "en", "dans", "près de", "autour de", "au nord de", "au sud de", "à l'est de",
           "à l'ouest de", "au départ de"),
}


#: Words that add a place to the event's ("also held in Lyon").
MORE_PLACES = {"en": ("also", "as well", "too"), "fr": ("aussi", "également")}
#: Words that name a place as a venue ("Manaus is the right place", "la ville hôte").
VENUE_WORDS = {"en": ("the right place", "host city", "venue"),
               "fr": ("le bon endroit", "ville hôte", "le lieu")}


#: A city this close to the event's city is part of its area (suburbs, nearby towns):
#: Paiporta is 8 km from Valencia, Versailles 17 km from Paris; Lyon is 390 km away.
NEARBY_KM = 50


def _nearby(a: Fact, b: Fact) -> bool:
    from checker.facts.places import distance_km

    return (a.position is not None and b.position is not None
            and distance_km(a.position, b.position) <= NEARBY_KM)


def _qualifies_event(text: str, fact: Fact, lang: str) -> bool:
    """A place that qualifies the event's noun names the event's place ("the Lisbon
    meeting"); not "a Berlin conference" (another one)."""
    at = text.find(fact.text)
    if at < 0:
        return False
    after = fold(text[at + len(fact.text):]).split()[:1]
    before = fold(text[:at]).split()[-1:]
    return (bool(after) and event_noun(after[0].strip(".,;:'’")[:STEM], lang)
            and bool(before) and before[0] in DEFINITE)


def _venue(text: str, lang: str) -> bool:
    return bool(marker_pattern(VENUE_WORDS.get(lang, VENUE_WORDS["en"])).search(fold(text)))


#: Words that set an area around a place ("near Athens", "au sud de Valence").
AREA_WORDS = {
    "en": ("near", "around", "outside", "north of", "south of", "east of", "west of",
           "edges of", "outskirts of"),
    "fr": ("près de", "autour de", "au nord de", "au sud de", "à l'est de", "à l'ouest de",
           "aux abords de", "en périphérie de", "aux environs de", "la région de"),
}


@cache
def _scene_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(fold(w)) for w in words) + r")\s*$")


def _after_scene_word(text: str, fact: Fact, lang: str, table: dict = SCENE_WORDS) -> bool:
    """Whether a place follows a word that sets the scene ("in", "à", "north of"), or with
    AREA_WORDS, an area around it."""
    at = text.find(fact.text)
    words = table.get(lang, table["en"])
    return at > 0 and bool(_scene_pattern(words).search(fold(text[:at]).replace("’", "'")))


#: Sentences naming the brief's people looked at per stranger (bounds the work).
MAX_PEOPLE_SENTENCES = 64


def _person(f: Fact) -> bool:
    return f.kind == "participant" and f.detail in ("person", "name")


def _replaced_people(statements: Statements, texts: dict[int, str], lang: str) -> Iterator[tuple[Fact, Fact]]:
    """(stranger, person): a person the brief names in one section only, in a statement that
    another section makes about one of the brief's own people (two sections or more name
    them) — the same title, or the same words once the names are masked."""
    people: dict[str, set[str]] = defaultdict(set)
    for fs in statements.facts.values():
        for f in fs:
            if _person(f):
                people[f.value].add(f.section)
    main = {v for v, secs in people.items() if len(secs) >= 2}
    if not main:
        return
    named: list[Fact] = []
    for i in sorted(statements.facts):
        for f in statements.facts[i]:
            if _person(f) and len(named) < MAX_PEOPLE_SENTENCES:
                named.append(f)
    # A date or a length only two sentences state is a detail they share: "the first under
    # Stoltenberg, who took office eight months ago" and "eight months into Rutte's tenure"
    # tell the same thing of two people.
    told: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, fs in statements.facts.items():
        for f in fs:
            if f.kind in ("date", "duration"):
                told[f.kind, f.value].add(i)
    details: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for key, where in told.items():
        if len(where) == 2:
            for i in where:
                details[i].add(key)
    for i in sorted(statements.facts):
        for f in statements.facts[i]:
            weak = f.kind == "participant" and f.weak
            if not (_person(f) or weak) or len(people[f.value]) > 1:
                continue
            if presented(f, statements, texts, lang):
                continue  # "Former prime minister Justin Trudeau", "l'économiste Thierry Pouch"
            here = {g.value for g in statements.facts[i] if _person(g)}
            title = title_before(texts[i], f, lang)
            # (a capitalised word opening its sentence may be a noun: "Inflation has stayed")
            opening = weak and not fold(texts[i][: texts[i].find(f.text)]).strip(" -\"'«“")
            best, score = None, 0
            for g in named:
                if g.section == f.section or g.value in here or _former(texts[g.sentence], g, lang):
                    continue
                shared = len(statements.words[i] & statements.words[g.sentence])
                if not opening:
                    shared += 3 * len(details[i] & details[g.sentence])
                same_title = title is not None and title == title_before(texts[g.sentence], g, lang)
                # Two people each named once ask for more evidence than one of the brief's own.
                s = shared + (3 if same_title else 0) - (0 if g.value in main else 1)
                if s > score:
                    best, score = g, s
            if best is not None and score >= (3 if weak else 2):
                yield f, best


#: Words either side of a duration that say what it measures.
WINDOW = 4


#: Words after a length that make it the time between two things ("three days after").
GAP_WORDS = {"en": ("after", "before", "ago", "later", "earlier"),
             "fr": ("après", "avant", "plus tard", "plus tôt")}


def _gap_to(text: str, fact: Fact, lang: str) -> frozenset[str] | None:
    """For a length followed by "after"/"après" (a gap, not a length), the content words
    (stems) of what it is counted from; else None."""
    at = text.find(fact.text)
    if at < 0:
        return None
    rest = fold(text[at + len(fact.text):]).lstrip(" ,")
    for word in GAP_WORDS.get(lang, GAP_WORDS["en"]):
        if rest.startswith(fold(word) + " ") or rest == fold(word):
            stop = function_words(lang)
            words = [w.strip(".,;:!?()«»\"") for w in rest[len(word):].replace("'", " ").split()]
            return frozenset(w[:STEM] for w in words if w not in stop and len(w) > 2)
    return None


def _other_thing(text: str, fact: Fact, lang: str) -> bool:
    """A length that qualifies a noun that names no event ("a ceasefire of three days",
    "a 30-day truce")."""
    raw = fold(text).replace("'", "' ")
    at = raw.find(fold(fact.text))
    before = raw[:at].split() if at >= 0 else []
    qualified = "-" in fact.text.split()[-1] or (before and before[-1] in ("de", "d'", "of"))
    nouns = _around(text, fact, lang)
    return (bool(qualified) and not any(event_noun(w, lang) for w in nouns)
            and not nouns & FRAME_NOUNS)  # "at the end of three days": a frame, not a thing


#: Nouns that frame a length rather than name what it measures ("at the end of three days").
FRAME_NOUNS = frozenset({"end", "fin", "terme", "bout", "issue", "cours", "perio", "space",
                         "espac", "total"})


def _around(text: str, fact: Fact, lang: str) -> frozenset[str]:
    """Content words (stems) within WINDOW words either side of a fact in its sentence."""
    at = text.find(fact.text)
    if at < 0:
        return frozenset()
    stop = function_words(lang)
    before = [w for w in fold(text[:at]).replace("'", " ").split() if w not in stop][-WINDOW:]
    following = fold(text[at + len(fact.text):]).replace("'", " ").split()
    after = [w for w in following if w not in stop][:WINDOW]
    if fact.kind == "duration" and "-" in fact.text.split()[-1]:
        # "a 30-day ceasefire": the noun it qualifies, or the two words of a compound
        # right after it ("the three-day fintech summit"), not a noun further on.
        compound = [w.strip(".,;:!?()«»\"") for w in following[:2]]
        whole = len(compound) == 2 and not any(w in stop or not w for w in compound)
        before, after = [], compound if whole else after[:1]
    elif fact.kind == "duration":
        raw = fold(text[:at]).replace("'", "' ").split()
        if raw and raw[-1] in ("de", "d'", "of"):
            before, after = before[-1:], []  # "un cessez-le-feu de 30 jours": the noun before
    return frozenset(w.strip(".,;:!?()«»\"")[:STEM] for w in (*before, *after) if len(w) > 2)


#: Demonstratives before a length ("pendant ces deux jours", "over these two days"): the
#: length of what the brief has already introduced, its event.
THESE = frozenset({"ces", "these"})


def _these(text: str, fact: Fact, lang: str) -> bool:
    """A length said with a demonstrative, on its own ("pendant ces deux jours") or of an
    event ("ces deux jours de discussions"), not of another thing ("ces deux jours de
    travaux", "these two days of rain")."""
    at = text.find(fact.text)
    if at < 0:
        return False
    before = fold(text[:at]).split()
    after = fold(text[at + len(fact.text):]).replace("'", "' ").split()[:2]
    if after and after[0] in ("de", "d'", "of"):
        return (len(after) == 2 and event_noun(after[1][:STEM], lang)
                and bool(before) and before[-1] in THESE)
    return bool(before) and before[-1] in THESE


#: Prepositions that open a sentence with its time frame ("Pendant deux jours, …").
FRAME_WORDS = frozenset({"en", "pendant", "durant", "sur", "for", "over", "during", "in", "within"})
#: Determiners of the brief's own event ("the Lisbon meeting", not "a Berlin conference").
DEFINITE = frozenset({"the", "this", "le", "la", "l'", "ce", "cette"})
#: Relative pronouns that open a clause on the event noun ("the summit that opens on…").
RELATIVES = frozenset({"that", "which", "qui"})
#: Subject pronouns that pick up the people of the sentence before.
PRONOUNS = frozenset({"ils", "elles", "they", "we", "nous"})
#: Determiners that point back at the brief's own event ("cette rencontre d'une journée",
#: "this two-day summit"), unlike "une réunion d'une journée des ministres" (another one).
DEMONSTRATIVES = {"en": ("this", "these"), "fr": ("ce", "cet", "cette", "ces")}


def _this_event(text: str, fact: Fact, lang: str) -> bool:
    """A duration governed by an event noun under a demonstrative: the length of the brief's
    own event, whatever else its sentence tells ("Cette rencontre d'une journée intervient
    après une visite … à Washington, le 28 février")."""
    at = text.find(fact.text)
    if at < 0:
        return False
    before = fold(text[:at]).replace("'", "' ").split()[-3:]
    demonstratives = DEMONSTRATIVES.get(lang, DEMONSTRATIVES["en"])
    for k in range(len(before) - 1):
        if before[k] in demonstratives and event_noun(before[k + 1][:STEM], lang):
            return True
    return False


def _year(fact: Fact) -> str | None:
    m = re.match(r"(\d{4})", fact.value)
    return m.group(1) if m else None


class _Conflict(Rule):
    category = "consistency"
    severity = Severity.ERROR

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        statements = analysis.statements
        brief = analysis.brief
        lang = brief.lang if brief.lang in ("fr", "en") else "en"
        texts = statements.texts
        headline = Headline(statements, self.fact, lang)
        reported: set[object] = set()

        def other_event(y: Fact) -> bool:
            # A statement of another event (a date, place or length of its own besides the
            # odd fact) conflicts with nothing, however close its wording.
            if self.fact == "participant":
                # "Macron also meets the allies": one more participant, not another one.
                return bool(_word_pattern(ADDITIVE.get(lang, ADDITIVE["en"])).search(
                    fold(texts[y.sentence])))
            return headline._another_event(y, texts[y.sentence], lang)

        for x, y in self._pairs(statements):
            if y.span in reported or other_event(y):
                continue
            reported.add(y.span)
            yield self._finding(statements, x, y)
        # (odd side, supported side) of statements that are no paraphrases of each other.
        if self.fact == "participant":
            found = [*_replaced_people(statements, texts, lang)]
            if brief.lang in ("fr", "en"):  # German capitalises nouns: no surname is told apart
                found += displaced_people(statements, texts, lang)
        else:
            found = headline.conflicts(texts, lang)
        for y, x in found:
            if y.span in reported or other_event(y):
                continue
            reported.add(y.span)
            yield self._finding(statements, x, y)

    def _finding(self, statements: Statements, x: Fact, y: Fact) -> Finding:
        return self.finding(
            f"{self.fact} {y.text!r} ({y.value}) in {statements.label[y.section]} "
            f"contradicts {x.text!r} ({x.value}) in {statements.label[x.section]}",
            y.span,
            y.section,
            related=(related(x.span, x.section, x.text),),
        )

    def _pairs(self, statements: Statements) -> Iterator[tuple[Fact, Fact]]:
        """(supported side, odd side) of aligned statements that disagree."""
        # Whether two sentences' facts of this kind leave a slot unmatched on both sides
        # depends on the facts' values alone: decided once per pair of value sets, so a long
        # brief that restates its facts thousands of times compares them a few times.
        own: dict[int, tuple[list[Fact], frozenset[tuple]]] = {}
        disagree: dict[tuple[frozenset[tuple], frozenset[tuple]], bool] = {}
        told_of: dict[int, tuple] = {}
        same_event: dict[tuple[tuple, tuple], bool] = {}
        for a, b in statements.pairs(self.fact):
            if a not in own:
                own[a] = _of_kind(statements.facts[a], self.fact)
            if b not in own:
                own[b] = _of_kind(statements.facts[b], self.fact)
            (fa, ka), (fb, kb) = own[a], own[b]
            if ka == kb or disagree.get((ka, kb)) is False:
                continue  # the same values on both sides: nothing to disagree about
            # Whether they tell of the same event depends on their facts' values and their
            # words alone: decided once per pair of such sentences.
            told = (_told(statements, a, told_of), _told(statements, b, told_of))
            same = same_event.get(told)
            if same is None:
                same = same_event[told] = statements.same_event(a, b, self.fact)
            if not same:
                continue
            ua, ub = _unmatched(fa, fb), _unmatched(fb, fa)
            common = [s for s in ua if s in ub]
            disagree[ka, kb] = bool(common)
            if not common:
                continue
            for s in common:
                x = next((f for f in ua[s] if not f.weak), ua[s][0])
                y = next((f for f in ub[s] if not f.weak), ub[s][0])
                if x.weak and y.weak:
                    continue
                if x.kind == "participant" and min(statements.support[x.kind, x.value],
                                                   statements.support[y.kind, y.value]) > 1:
                    continue  # two of the brief's own people: sentences name different subsets
                if x.kind == "participant" and any(
                        presented(f, statements, statements.texts, statements.lang, aligned=True)
                        for f in (x, y)):
                    continue  # "L'ancien secrétaire général Jens Stoltenberg": another role
                if x.kind == "duration" and (
                        _other_thing(statements.texts[x.sentence], x, statements.lang)
                        != _other_thing(statements.texts[y.sentence], y, statements.lang)):
                    continue  # "a two-day summit" / "a ceasefire of three days": two things
                # Point at the side fewer sections support; the later one on a tie.
                if statements.support[x.kind, x.value] < statements.support[y.kind, y.value]:
                    x, y = y, x
                yield x, y


class DateConflict(_Conflict):
    """Two sections give different dates for the same event.

    ## What it does
    Two checks. **Aligned statements**: sentences of two sections that tell the same
    thing (they share people, a place or words once the facts are masked) must give the
    same date. **The event's date**: the day most sections state (at least two, Key
    Points or Summary among them, no tie) is the event's; a day stated in one section
    only is a conflict when its sentence is said of the event: it states another of the
    event's facts (its place, length, a person two sections name), or an event noun
    governs the date ("the meeting on Jan. 29", "la réunion du 5 février", "the summit
    that opens on May 18"). Background is never a conflict: a sentence with a marker of
    another time ("last", "since", "ahead of", "précédent", "après", "en amont"…), a year
    that is not the event's ("in June 2023"), or a date, place or length of its own
    besides the odd date (another occasion: "Ministers met in Rome on December 12").
    Equivalent forms agree: "6 janvier", "mardi 6 janvier" and "6 janvier 2026".

    ## Why is this bad?
    A reader cannot tell which day the event happens; one of the two is wrong.

    ## Example
    Bad: Key Points "Leaders meet in Paris on January 6." and the body "The meeting in Paris
    on January 7 …".
    Good: both say "January 6" (or one says "Tuesday, Jan. 6"); the body may add "The war
    began on February 24, 2022".
    """

    code = "C201"
    name = "date-conflict"
    fact = "date"


class PlaceConflict(_Conflict):
    """Two sections give different places for the same event.

    ## What it does
    Two checks. **Aligned statements** that tell the same thing must name the same city,
    region or country. **The event's place**: the city (else the country) most sections
    state, at least two with Key Points or Summary among them, is the event's. Another
    city stated in one section only is a conflict when its sentence is said of the event:
    it states another of the event's facts, an event noun governs it ("the summit in
    Berlin", "the Lisbon meeting"), it is named as the venue ("X is the right place"), or
    — when three sections state the event's city — it is the sentence's scene ("À Munich,
    les conseillers…", "au départ de Bordeaux", "approved in Vienna"). Outside the
    Conclusion a scene counts only in the event's country (or as an area around a city
    abroad when the event itself is "near Athens"), since Key Points, Summary and body also
    tell the story's other scenes ("In Kyiv, sirens sounded"). Not conflicts: places of origin ("from Italy", "arrivé de
    Kiev"), governments ("Paris envisage…"), passing places (a sentence naming two,
    "Traders in London and New York"), one more place ("also held in Lyon"),
    organisations' seats ("based in"), background (as for C201) and other occasions ("a
    Berlin conference", "a follow-up meeting in Brussels", "Zelensky met Trump in Florida
    on December 28"). "Londres" and "London" are one city; a city or region and its
    country agree, and so do a region and a city of its country (which region holds a
    city is not known).

    ## Why is this bad?
    The brief says the event happens in two places; one of them is wrong.

    ## Example
    Bad: Summary "Leaders meet in Paris on January 6." and Conclusion "The meeting in Berlin
    on January 6 …".
    Good: both say Paris; the body may add "The last summit took place in Rome".
    """

    code = "C202"
    name = "place-conflict"
    fact = "place"


class ParticipantConflict(_Conflict):
    """Two sections name different participants in the same statement.

    ## What it does
    Compares the people and organisations of statements about the same event across
    sections ("Zelensky" and "le président Volodymyr Zelensky" are one person; "OTAN" and
    "NATO" one organisation), and looks for a stranger in a headline participant's place
    (one two sections name, Key Points or Summary among them): in Key Points, Summary or
    Conclusion, someone only that section names while it leaves the headline participant
    out (or names them only in a sentence about another time: "…après une visite de
    Zelensky à Washington"); in the body, someone named bare (no role, no apposition) as
    the subject of what they say or do, a lone surname the brief never gives in full
    ("Frederiksen has said…", "Hassan argues…": a small town's name opening a sentence is
    a surname), or an organisation an event noun governs ("le sommet de la Communauté
    politique européenne", "the European Union summit"). Someone a restating section joins
    to a headline participant ("whether Prince Abdulaziz bin Salman and Alexander Novak
    can…") shares the event, however few sections name them. In restating sections, a title
    set off by commas that names the head of the brief's own body ("Le président de la
    banque, X,", "The bank's president, X,") is a title, and a clause presenting a
    country's delegate ("X, dont le pays accueille…", "X, whose country hosts…") no
    newcomer's introduction. A person named once is also compared with one of the brief's
    own people in another section's sentence that states the same date or length, which no
    other sentence states ("the first under X, who took office eight months ago" against
    "eight months into Rutte's tenure"). Organisations are those of the
    language packs, in any brief's language, and, in French, a body named by its kind and
    what qualifies it ("la Cour des comptes", "l'Agence internationale de l'énergie").
    Not conflicts: a person introduced with a role ("the economist Paul Winter, of…"), one
    more participant ("also", "aussi", as whole words: not "joint", nor "de plus de 170
    pays"), a former office holder, someone with another title, a sentence about another
    year, two of the brief's own people named in different sentences.

    ## Why is this bad?
    The reader is told two different people did the same thing; one is wrong.

    ## Example
    Bad: Key Points "Allies meet President Volodymyr Zelensky in Paris on January 6." and the
    body "Allies meet President Petro Poroshenko in Paris on January 6."
    Good: both name Zelensky (the body may say just "Zelensky").
    """

    code = "C203"
    name = "participant-conflict"
    fact = "participant"


class DurationConflict(_Conflict):
    """Two sections give different durations for the same thing.

    ## What it does
    Compares lengths in the same unit. **Aligned statements** that tell the same thing
    must agree. **The headline length**: the length most sections state (at least two,
    Key Points or Summary among them) is the event's; a length in that unit stated in one
    section only conflicts when it measures the same thing: a word next to it is next to
    the headline length too ("eight months" of inflation near target), an event noun
    qualifies it ("the six-day meeting", "cette rencontre d'une journée", "deux jours
    d'entretiens"), or, in Key Points, Summary and Conclusion, the event is the sentence's
    subject ("La réunion dure deux jours") or the length frames what its people do
    ("Pendant deux jours, ils…"). Two lengths stated once each conflict too when both
    are the event's, read as above, or one of the two is said with a demonstrative
    ("pendant ces deux jours"). Not conflicts: the length of another thing ("a 30-day
    ceasefire", "une trêve de trois jours"), of another occasion ("a one-day meeting of
    defence ministers took place on December 15"). "quatre ans" and "4 ans" agree;
    "près de quatre ans" agrees with "quatre ans" (an approximate amount may differ by
    15%).

    ## Why is this bad?
    "The war has lasted four years" and "five years after the war began" cannot both be
    true.

    ## Example
    Bad: Key Points "The war has lasted nearly four years." and the body "Nearly five years
    after the war began …".
    Good: both say four years; the body may add "The summit seeks a 30-day ceasefire".
    """

    code = "C204"
    name = "duration-conflict"
    fact = "duration"



class UnsupportedKeyFact(Rule):
    """A fact stated in Key Points or Summary appears nowhere in the body.

    ## What it does
    Looks for each date, place, participant and duration of the Key Points and the Summary
    in the body sections.

    ## Why is this bad?
    The headline promises something the article never develops or sources.

    ## Example
    Bad: Key Points "The summit lasts two days." and no body section mentions two days.
    Good: the body says "The two-day summit …".
    """

    code = "C211"
    name = "unsupported-key-fact"
    category = "consistency"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        brief = analysis.brief
        kinds = {s.id: s.kind for s in brief.sections}
        body = [f for f in analysis.facts if kinds[f.section] == SectionKind.BODY and not f.weak]
        if not body:
            return
        labels = {s.id: s.label for s in brief.sections}
        seen: set[tuple[str, str]] = set()
        for fact in analysis.facts:
            if fact.weak or kinds[fact.section] not in (SectionKind.KEY_POINTS, SectionKind.SUMMARY):
                continue
            if (fact.kind, fact.value) in seen:
                continue
            seen.add((fact.kind, fact.value))
            if not any(g.kind == fact.kind and same_fact(fact, g) for g in body):
                yield self.finding(
                    f"{fact.kind} {fact.text!r} ({fact.value}) in {labels[fact.section]} "
                    "appears in no body section",
                    fact.span,
                    fact.section,
                    fact=fact.kind,
                )


class NewFactInConclusion(Rule):
    """The Conclusion states a fact no earlier section states.

    ## What it does
    Looks for each date, place, participant and duration of the Conclusion in the sections
    before it.

    ## Why is this bad?
    A conclusion sums up; a new fact there is unexplained, or contradicts what came before.

    ## Example
    Bad: the Conclusion says "the meeting in Geneva" when every other section says Paris.
    Good: the Conclusion repeats Paris, or the body introduces Geneva first.
    """

    code = "C212"
    name = "new-fact-in-conclusion"
    category = "consistency"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kinds = {s.id: s.kind for s in analysis.brief.sections}
        labels = {s.id: s.label for s in analysis.brief.sections}
        earlier: list[Fact] = []
        for fact in analysis.facts:
            if fact.weak:
                continue
            if kinds[fact.section] != SectionKind.CONCLUSION:
                earlier.append(fact)
                continue
            if not any(g.kind == fact.kind and same_fact(fact, g) for g in earlier):
                yield self.finding(
                    f"{fact.kind} {fact.text!r} ({fact.value}) in {labels[fact.section]} "
                    "is stated in no earlier section",
                    fact.span,
                    fact.section,
                    fact=fact.kind,
                )


RULES = [
    DateConflict,
    PlaceConflict,
    ParticipantConflict,
    DurationConflict,
    UnsupportedKeyFact,
    NewFactInConclusion,
]

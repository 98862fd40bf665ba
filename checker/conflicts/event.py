"""The headline event's frame: its date, place and length as Key Points and Summary set them,
and later sentences that speak of that event with another value.

The event's value for a slot (a day, a city, a country, a length in one unit) is the one most
sections state, at least two with Key Points or Summary among them, with no tie. Its
principal participants are the people and bodies two sections name, Key Points or Summary
among them. A value stated in one section only contradicts the event's when its sentence
speaks of the event:

- it names it: a definite event noun governs the value ("the summit in Berlin", « la réunion
  du 7 janvier », "the three-day meeting", « le sommet dure trois jours », "one day of
  talks", « pendant ces deux jours »);
- it states two more of the event's facts, of two kinds (its day and a principal
  participant: "Merz receives the energy bosses in Munich on Thursday, March 12"), or, in
  Key Points, Summary or Conclusion, one more (its day for a place, its place for a day);
- for a length, the same noun stands next to it and to the event's ("la guerre dure depuis
  quatre ans" / "six ans après le début de la guerre").

Where no majority sets a slot, two sections that each speak of the event so, Key Points or
Summary among them, and give two values contradict each other. A place elsewhere in Key
Points, Summary or Conclusion, in a sentence that does not say it is the event, is only
worth a look (C205).

Never: a sentence set in another time or occasion ("last", « précédent », "in 2019", "the
first round"), a value of another year, a place something comes from or a government ("Moscow
says"), a place near the event's city (its suburbs), a country or region that holds it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from checker.conflicts.statements import (OTHER_FACT, Statement, Statements, around,
                                          located, value_token)
from checker.conflicts.wording import (ANY_EVENT, event_kind, event_noun, marker_pattern,
                                       marker_text, tokens, words)
from checker.facts import Fact, same_fact
from checker.lang import fold, load_pack
from checker.model import SectionKind

#: Sections that set the event's frame.
HEADLINE = (SectionKind.KEY_POINTS, SectionKind.SUMMARY)
HEADLINE_KINDS = frozenset(HEADLINE)
#: Sections that restate the event: a sentence there that states the event's day (or
#: place) states the event's place (or day).
RESTATING = (*HEADLINE, SectionKind.CONCLUSION)
#: Values per slot told apart: bounds the work on a long brief.
MAX_VALUES = 64
#: Statements of the event's length read for what it measures (bounds the work).
MAX_EVENT_FACTS = 16
#: A city this close to the event's city is part of its area (suburbs, nearby towns):
#: Paiporta is 8 km from Valencia, Versailles 17 km from Paris; Lyon is 390 km away.
NEARBY_KM = 50
#: Words between an event noun and the value it governs that may be skipped ("the summit
#: held in Berlin", « la réunion prévue à Paris »), at most this many.
MAX_BETWEEN = 2
#: A year in running text.
YEAR = re.compile(r"(?<![\d,.])((?:1[89]|20)\d\d)(?![\d,])")


def slot(fact: Fact) -> str | None:
    """The slot of the event a fact can fill ("date:day", "place:city", "duration:day"), or
    None: months, relative dates and participants set no single value of the event."""
    return None if fact.weak else _slot(fact.kind, fact.value, fact.detail)


@lru_cache(maxsize=4096)
def _slot(kind: str, value: str, detail: str | None) -> str | None:
    if kind == "date":
        v = value.split("/")[0]  # a range of days: its first ("--01-26/--01-27")
        if v.startswith("relative:"):
            return None
        day = v.startswith("--") and v.count("-") == 3 or re.fullmatch(r"\d{4}-\d\d-\d\d", v)
        return "date:day" if day else None
    if kind == "place":
        return f"place:{detail or 'place'}"
    if kind == "duration":
        return "duration:" + value.split()[1].removesuffix("s")
    return None


class Evidence(NamedTuple):
    odd: Fact
    other: Fact
    confirmed: bool
    reason: str


class Frame:
    """The event's value per slot and its principal participants."""

    def __init__(self, statements: Statements):
        self.statements = statements
        self._placed: dict[int, bool] = {}
        self._supports: dict[int, int] = {}
        groups: dict[str, list[list[Fact]]] = defaultdict(list)
        #: The value (its facts) each fact joined, by the fact's id.
        self.group_of: dict[int, list[Fact]] = {}
        sections: dict[str, set[str]] = defaultdict(set)
        kinds = statements.section_kind
        # (which value a fact joins depends on its value alone: decided once per value)
        joined: dict[tuple[str, str], list[Fact] | None] = {}
        for s in statements.all.values():
            for f in s.facts:
                if f.kind == "participant" and not f.weak:
                    sections[fold(f.value)].add(f.section)
                key = slot(f)
                if key is None or (f.kind == "place" and not self.placed(s, f)):
                    continue  # (a government: "Moscou caresse ce projet")
                token = (key, value_token(f))
                if token not in joined:
                    joined[token] = next((g for g in groups[key] if same_fact(f, g[0])), None)
                    if joined[token] is None and len(groups[key]) < MAX_VALUES:
                        groups[key].append([])
                        joined[token] = groups[key][-1]
                g = joined[token]
                if g is not None:
                    g.append(f)
                    self.group_of[id(f)] = g
        #: Each slot's values, a list of facts that state each.
        self.groups = groups
        #: The event's facts per slot.
        self.event: dict[str, list[Fact]] = {}
        for key, found in groups.items():
            ranked = sorted(found, key=lambda g: -_support(g))
            best = ranked[0]
            if _support(best) < 2 or (len(ranked) > 1 and _support(ranked[1]) == _support(best)):
                continue
            if any(kinds[f.section] in HEADLINE for f in best):
                self.event[key] = best
        #: Folded names of the principal participants.
        self.people = frozenset(
            name for name, where in sections.items()
            if len(where) >= 2 and any(kinds[s] in HEADLINE for s in where))

    def placed(self, s: Statement, fact: Fact) -> bool:
        """`_placed`, read once per place."""
        found = self._placed.get(id(fact))
        if found is None:
            found = self._placed[id(fact)] = _placed(s, fact, self.statements.lang)
        return found

    def agrees(self, fact: Fact) -> bool:
        """Whether a fact states the event's value of some slot of its kind (a city's
        country, a principal participant)."""
        if fact.kind == "participant":
            return not fact.weak and fold(fact.value) in self.people
        return any(same_fact(fact, g[0]) for key, g in self.event.items()
                   if key.startswith(fact.kind + ":"))

    def states(self, fact: Fact) -> bool:
        """Whether a fact states the event's own value in its own slot: the event's day, its
        city (or, without one, its country), a principal participant. A country that holds
        the event's city agrees with it but says little of the event: so do many sentences."""
        if fact.kind == "participant":
            return self.agrees(fact)
        key = slot(fact)
        if fact.kind == "place" and "place:city" in self.event and key != "place:city":
            return False
        return key in self.event and same_fact(fact, self.event[key][0])

    def contested(self) -> frozenset[str]:
        """Slots no majority sets, given two values or more, one in Key Points or Summary:
        where two sections that each speak of the event may disagree."""
        kinds = self.statements.section_kind
        return frozenset(
            key for key, found in self.groups.items()
            if key not in self.event and len(found) >= 2
            and any(kinds[f.section] in HEADLINE for g in found for f in g))

    def support(self, fact: Fact) -> int:
        """How many sections state a fact's value (counted once per value: a long brief
        states one value thousands of times)."""
        g = self.group_of.get(id(fact))
        if not g:
            return 0
        found = self._supports.get(id(g))
        if found is None:
            found = self._supports[id(g)] = _support(g)
        return found


def _support(group: list[Fact]) -> int:
    return len({f.section for f in group})


def event_conflicts(statements: Statements) -> Iterator[Evidence]:
    """Values stated in one section only, in sentences that speak of the event, against the
    event's own; and two values that two sections each give in a sentence about the event."""
    frame = Frame(statements)
    lang = statements.lang
    named: dict[str, list[Fact]] = defaultdict(list)
    # What a sentence says of each of its facts depends on its text and its facts' values:
    # read once per wording (a long brief restates its sentences thousands of times).
    readings: dict[tuple, tuple] = {}
    contested = frame.contested()
    for s in statements.all.values():
        for n, f in enumerate(s.facts):
            key = slot(f)
            event = frame.event.get(key) if key else None
            # Read only what can conflict: a value against the event's, or in a slot no
            # majority sets that two sections give otherwise (most facts agree: skipped).
            if event is None and key not in contested:
                continue
            if event is not None and (frame.support(f) != 1 or frame.agrees(f)):
                continue
            reading = readings.get((s.key, s.kind, n))
            if reading is None:
                reading = readings[s.key, s.kind, n] = _reading(s, f, frame, lang)
            possible, names, held, states = reading
            if not possible:
                continue
            if names or states:
                named[key].append(f)
            if event is None:
                continue
            other = next((g for g in event if g.section != f.section), None)
            if other is None:
                continue
            if names and _called(names, event, f, statements):
                yield Evidence(f, other, True, "the sentence names the event that Key Points "
                               f"and Summary set {_where(other)}")
                continue
            if f.kind == "duration":
                theirs = [g for g in event if g.section != f.section][:MAX_EVENT_FACTS]
                thing = _measured(s, f, lang) & {
                    w for g in theirs for w in _measured(statements.all[g.sentence], g, lang)}
                if thing:
                    yield Evidence(f, other, True, f"both lengths measure '{sorted(thing)[0]}'")
                    continue
            if states and not _chronology(s, f):
                yield Evidence(f, other, True, "the sentence states the event's "
                               + " and ".join(sorted(held)) + f", which Key Points and Summary "
                               f"set {_where(other)}")
            elif s.kind in RESTATING and f.kind == "place":
                # A section that restates the event places something elsewhere, in a
                # sentence that does not say it is the event: maybe another scene, maybe a
                # slip. (Dates and lengths there are more often a story's other days and
                # ages: 6% of the real briefs of the development data had one.)
                yield Evidence(f, other, False, f"Key Points and Summary set the event "
                               f"{_where(other)}, and nothing says this sentence is of another")
    yield from _named_twice(named, frame, statements)


def _chronology(s: Statement, f: Fact) -> bool:
    """Whether the sentence gives another value of `f`'s slot too: a sequence of days or
    places (« a ordonné vendredi 5 juillet … l'accident du 9 juin »), of which the event's
    facts it states say nothing about which is the event's."""
    key = slot(f)
    return any(g is not f and slot(g) == key and not same_fact(g, f) for g in s.facts)


def _called(kind: str, event: list[Fact], f: Fact, statements: Statements) -> bool:
    """Whether Key Points or Summary, or a sentence that sets the event's value, name an
    occasion of the kind `f`'s sentence names (`kind`), in another section than `f`'s ("the
    summit in Osaka" is not the event of Key Points that set a speech in Tokyo and speak of
    no summit, talks or meeting)."""
    if kind in (POINTED_BACK, ANY_EVENT):
        return True
    lang = statements.lang
    return any(kind in _kinds_named(text, lang) for section, text in statements.headline
               if section != f.section) or any(
        kind in _kinds_named(statements.all[g.sentence].text, lang)
        for g in event[:MAX_EVENT_FACTS] if g.section != f.section)


@lru_cache(maxsize=4096)
def _kinds_named(text: str, lang: str) -> frozenset[str]:
    """The kinds of occasion a sentence's event nouns name."""
    return frozenset(event_kind(w, lang) for w in tokens(text) if event_noun(w, lang))


def _reading(s: Statement, f: Fact, frame: Frame, lang: str,
             ) -> tuple[bool, str, set[str], bool]:
    """(whether the fact can be the event's at all; the kind of occasion its sentence names
    the event by, "" if it names none (`_names_event`); the kinds of the event's facts the
    sentence states besides; whether that says the sentence is of the event)."""
    if not _possible(s, f, frame, lang):
        return False, "", set(), False
    held = {g.kind for g in s.facts if g is not f and g.kind != f.kind and frame.states(g)}
    states = len(held) >= 2 or bool(held - {"participant"} and s.kind in RESTATING)
    return True, _names_event(s, f, lang), held, states


def _named_twice(named: dict[str, list[Fact]], frame: Frame, statements: Statements,
                 ) -> Iterator[Evidence]:
    """Two sections that each speak of the event (as above: naming it, or stating more of
    its facts) with a value of a slot no majority sets, Key Points or Summary among them,
    and give two values: "Les pourparlers doivent durer trois jours" / "Cette rencontre
    d'une journée"; "Ministers meet in Brussels on February 5" / "Ministers gather in Vienna
    on February 5". Either may be the wrong one: the later is reported."""
    kinds = statements.section_kind
    for key, facts in named.items():
        if key in frame.event:
            continue  # the event's value is known: the odd one is reported against it
        # (each value once per section: a long brief restates them thousands of times)
        firsts = list({(value_token(f), f.section): f for f in reversed(facts)}.values())[::-1]
        for n, f in enumerate(firsts[:MAX_VALUES]):
            for g in firsts[:n]:
                if (g.section != f.section and not same_fact(f, g)
                        and HEADLINE_KINDS & {kinds[f.section], kinds[g.section]}
                        and not _gives_both(f, g, firsts[:MAX_VALUES])):
                    yield Evidence(f, g, True, "both sentences speak of the event")
                    break


def _gives_both(f: Fact, g: Fact, facts: list[Fact]) -> bool:
    """Whether the section of one of two values gives the other too, in a sentence that
    speaks of the event: a sentence copied from Summary to Key Points that names two
    countries (« en France … à Tokyo, au Japon ») or two lengths (a sentence and an age)
    gives both in both sections, and contradicts neither."""
    return any(h.section == g.section and same_fact(h, f)
               or h.section == f.section and same_fact(h, g) for h in facts)


#: Words either side of a length that say what it measures ("la guerre dure depuis quatre
#: ans", "quatre ans après le début de la guerre", "eight months" of inflation near target).
MEASURE_WINDOW = 3


def _measured(s: Statement, f: Fact, lang: str) -> frozenset[str]:
    """The stems of the content words next to a length: what it measures."""
    from checker.align import stem

    before, after = around(s, f)
    stop, definite = _little_words(lang), set(words(lang, "definite"))
    # Nouns only, told by their determiner ("la guerre", "the war"): a verb or an adjective
    # two sentences share ("died", "charged") says nothing of what their lengths measure.
    def content(seq: list[str]) -> list[tuple[str, bool]]:
        return [(fold(w), k > 0 and seq[k - 1] in definite) for k, w in enumerate(seq)
                if w != OTHER_FACT and fold(w) not in stop]

    near = content(before)[-MEASURE_WINDOW:] + content(after)[:MEASURE_WINDOW]
    return frozenset(stem(w, lang) for w, noun in near if noun and len(w) > 3 and not w.isdigit())


@cache
def _little_words(lang: str) -> frozenset[str]:
    """Words that name nothing a length could measure: function words, pronouns, the
    prepositions and hedges of lengths ("depuis", "for", "nearly")."""
    from checker.align import stop_words

    facts = load_pack(lang)["facts"]
    little = (*facts.get("closed_words", ()), *facts.get("approximators", ()),
              *facts.get("place_prepositions", ()), *words(lang, "lasting"),
              *words(lang, "length_prepositions"))
    return stop_words() | {w for phrase in little for w in fold(phrase).split()}


def _where(fact: Fact) -> str:
    return {"date": "on", "place": "in", "duration": "to last"}[fact.kind] + f" {fact.text}"


def _background(s: Statement, f: Fact, lang: str) -> bool:
    """Whether a marker of another time or occasion governs a fact: anywhere before it in its
    sentence ("the last summit, held in Rome", « intervient après une visite à Washington, le
    28 février »), or after it up to the next comma; not in a clause that trails after it («
    … le 6 janvier pour discuter, après près de quatre ans de guerre »)."""
    text = s.text
    if not _marked(text, lang):
        return False  # (most sentences: one search for the sentence, not one per fact)
    end = f.start + len(f.text)
    stop = min((i for i in (text.find(c, end) for c in ",;:(") if i != -1), default=len(text))
    before = marker_text(text[: f.start])
    if f.kind == "duration":
        stop = end  # "six ans après le début de la guerre": the time since, a length
        for verb in words(lang, "lasting"):  # "due to last three days": no "last week"
            if before.endswith(marker_text(verb)):
                before = before[: -len(marker_text(verb))]
                break
    near = before + " " + marker_text(text[end: stop])
    return bool(marker_pattern(lang, "background").search(near))


@lru_cache(maxsize=4096)
def _marked(text: str, lang: str) -> bool:
    """Whether a sentence holds a marker of another time anywhere."""
    return bool(marker_pattern(lang, "background").search(marker_text(text)))


def _possible(s: Statement, f: Fact, frame: Frame, lang: str) -> bool:
    """What rules a value out of the event whatever the sentence says of it: another time
    or occasion, another year, where something comes from, the event's surroundings."""
    if _background(s, f, lang):
        return False
    day = frame.event.get("date:day")
    year = _year(day[0]) if day else None
    if f.kind == "date" and _year(f) and year and _year(f) != year:
        return False
    if any(y != year for y in YEAR.findall(s.text.replace(f.text, " "))):
        return False
    if f.kind == "place":
        if not frame.placed(s, f):
            return False
        city = frame.event.get("place:city")
        if city and f.detail == "city" and _nearby(f, city[0]):
            return False
    return True


def _placed(s: Statement, f: Fact, lang: str) -> bool:
    """A place where something happens (`located`), or the event's ("la réunion de
    Luxembourg")."""
    return located(s, f, lang) or _names_event(s, f, lang)


def _year(fact: Fact) -> str | None:
    m = re.match(r"(\d{4})", fact.value)
    return m.group(1) if m else None


def _nearby(a: Fact, b: Fact) -> bool:
    from checker.facts.places import distance_km

    return (a.position is not None and b.position is not None
            and distance_km(a.position, b.position) <= NEARBY_KM)


#: What `_names_event` returns for a length a demonstrative points back at the event's days
#: with (« pendant ces deux jours »): no noun says which event, the sentences before do.
POINTED_BACK = "*"


def _names_event(s: Statement, fact: Fact, lang: str) -> str:
    """The kind of occasion (`event_kind`) of the event noun that governs the value in its
    clause (`around`: not '"(the meeting)," said X in Vienna'), "" if none: "the summit in
    Berlin", « la réunion du 7 janvier », "the meeting held on Jan. 29" (a word or two
    between), "the Berlin summit", "the three-day meeting", « ce sommet de trois jours »;
    for a length, see `_names_event_length`."""
    before, after = around(s, fact)
    definite = words(lang, "definite")
    governing = set(words(lang, "governing"))
    # "the Berlin summit", "the three-day meeting", "the January 6 meeting"
    if after and event_noun(after[0], lang) and before and before[-1] in definite:
        return event_kind(after[0], lang)
    if fact.kind == "duration" and (
            noun := _names_event_length(s, fact, before, after, lang)):
        return noun
    # "the summit in Berlin", « le sommet de Paris », « la réunion du 5 février », with at
    # most MAX_BETWEEN words between ("the summit held in Berlin")
    if not before or before[-1] not in governing:
        return ""
    between = 0
    for k in range(len(before) - 2, -1, -1):
        word = before[k]
        if event_noun(word, lang):
            j = k - 1  # its determiner, maybe before a length ("les deux jours de réunion")
            while j > 0 and k - j <= 3 and before[j] not in definite and (
                    before[j] == OTHER_FACT or before[j] in governing):
                j -= 1  # (« lors du congrès »: "du" is both; it is the determiner here)
            return event_kind(word, lang) if j >= 0 and before[j] in definite else ""
        if word != OTHER_FACT and word not in governing:
            between += 1  # (another fact, "du", "de" between cost nothing)
            if between > MAX_BETWEEN:
                return ""
    return ""


def _names_event_length(s: Statement, fact: Fact, before: list[str], after: list[str],
                        lang: str) -> str:
    """The kind of occasion a length is said of ("" if none, POINTED_BACK for a
    demonstrative): the event is the subject of a verb of lasting
    (« la réunion dure deux jours », "The meeting, chaired by X, lasts one day"), the length
    is of an event noun ("one day of talks", « deux jours d'entretiens »), or a
    demonstrative points back at the event's days (« pendant ces deux jours », "over these
    two days"; not "these two days of rain")."""
    definite = words(lang, "definite")
    joined = " ".join(before[-4:])
    for verb in sorted(words(lang, "lasting"), key=len, reverse=True):
        if joined.endswith(verb):
            # (an apposition between the event and its verb: "La réunion, présidée par X,")
            head = tokens(re.sub(r",[^,]*,\s*$", "", s.text[: s.text.rfind(
                verb.split()[0], 0, fact.start)].casefold().rstrip()))
            if len(head) >= 2 and event_noun(head[-1], lang) and head[-2] in definite:
                return event_kind(head[-1], lang)
    of = bool(after) and after[0] in words(lang, "of")
    if of and len(after) > 1 and event_noun(after[1], lang):
        return event_kind(after[1], lang)  # "one day of talks", « une journée de discussions »
    demonstrative = bool(before) and before[-1] in words(lang, "demonstratives") and not of
    return POINTED_BACK if demonstrative else ""


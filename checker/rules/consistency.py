"""Consistency rules (C2xx): the facts a brief states in different sections agree.

The conflict rules (C201-C205) report what `checker.conflicts` finds: two statements shown
to be about the same thing that give different values. C211 and C212 look for facts of the
headline that the body never develops, and for facts the Conclusion brings new.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.facts import Fact, same_fact
from checker.model import SectionKind
from checker.report import Finding, Severity
from checker.rules import Rule, related

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.conflicts import Conflict


class _Conflict(Rule):
    category = "consistency"
    severity = Severity.ERROR
    #: Report confirmed conflicts (errors) or unconfirmed ones (the warning C205).
    confirmed = True

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        labels = {s.id: s.label for s in analysis.brief.sections}
        for c in analysis.conflicts:
            if c.confirmed == self.confirmed and (self.fact is None or c.kind == self.fact):
                yield self._finding(c, labels)

    def _finding(self, c: Conflict, labels: dict[str, str]) -> Finding:
        x, y = c.other, c.odd
        return self.finding(
            f"{c.kind} {y.text!r} ({y.value}) in {labels[y.section]} "
            f"contradicts {x.text!r} ({x.value}) in {labels[x.section]}: {c.reason}",
            y.span,
            y.section,
            related=(related(x.span, x.section, x.text),),
            fact=c.kind,
        )


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



class PossibleConflict(_Conflict):
    """Two sections give different values in statements that may be about the same thing.

    ## What it does
    Reports what the conflict rules (C201-C204) found without the evidence an error needs:
    two close sentences of different sections that give a fact differently but also differ
    in something else, or a value said near the headline event without naming it.

    ## Why is this bad?
    One of the two may be wrong; or the two tell of different things, and a reader may
    still trip on them. An editor decides.

    ## Example
    Warning: Key Points "Leaders meet in Paris on January 6." and the body "Leaders met in
    Berlin on January 7 to prepare the talks."
    Fine: the body says "Ministers met in Berlin on December 12 to prepare the summit."
    """

    code = "C205"
    name = "possible-conflict"
    severity = Severity.WARNING
    confirmed = False


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
    PossibleConflict,
    UnsupportedKeyFact,
    NewFactInConclusion,
]

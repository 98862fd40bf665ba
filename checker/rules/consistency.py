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
    Reports a date only where the brief shows that two statements speak of the same thing,
    and says which evidence it found:
    - **the same sentence told twice**: a sentence of one section and one of another say
      the same thing, word for word once the facts are set aside, and differ in the date,
      in the same place of the sentence ("Leaders meet in Paris on January 6" / "Leaders
      meet in Paris on January 7");
    - **the event's date**: the day that most sections give, Key Points or Summary among
      them, is the event's; another day in one section only conflicts with it when its
      sentence names the event ("the meeting on Jan. 29", « la réunion du 5 février ») or
      states two more of the event's facts (its place and a person the headline names),
      or, in Key Points, Summary or Conclusion, its place.
    A date of another time is never a conflict: a sentence that says so ("last", "since",
    "the first round", « précédent », « a commencé »), another year, a template the brief
    fills in many times (a match report). "6 janvier", "mardi 6 janvier" and "6 janvier
    2026" are one date.

    ## Why is this bad?
    A reader cannot tell which day the event happens; one of the two is wrong.

    ## Example
    Bad: Key Points "Leaders meet in Paris on January 6." and the body "Leaders meet in
    Paris on January 7."
    Good: both say "January 6" (or one says "Tuesday, Jan. 6"); the body may add "The war
    began on February 24, 2022".
    """

    code = "C201"
    name = "date-conflict"
    fact = "date"


class PlaceConflict(_Conflict):
    """Two sections give different places for the same event.

    ## What it does
    Reports a place only where the brief shows that two statements speak of the same
    thing:
    - **the same sentence told twice**, with another place in the same part of it ("the
      talks in Geneva" / "the talks in Vienna");
    - **the event's place**: the city (or, without one, the country) that most sections
      give, Key Points or Summary among them, is the event's; another one in one section
      only conflicts with it when its sentence names the event ("the summit in Berlin",
      "the Lisbon meeting", « le sommet de Paris ») or states two more of the event's facts
      (its day and a person the headline names), or, in Key Points, Summary or Conclusion,
      its day.
    Never a conflict: where something comes from ("from Italy"), a government named by its
    capital ("Moscow wants…"), the event city's surroundings (50 km), a country or region
    that holds it, another time. "Londres" and "London" are one city. A place elsewhere in
    Key Points, Summary or Conclusion, in a sentence that does not name the event, is
    worth a look: C205.

    ## Why is this bad?
    The brief says the event happens in two places; one of them is wrong.

    ## Example
    Bad: Summary "Leaders meet in Paris on January 6." and Conclusion "The January 6
    meeting in Berlin is a test."
    Good: both say Paris; the body may add "The last summit took place in Rome".
    """

    code = "C202"
    name = "place-conflict"
    fact = "place"


class ParticipantConflict(_Conflict):
    """Two sections name different people for the same part in the same statement.

    ## What it does
    A person met in one section and not in another is no contradiction: a story meets many
    people. Two statements conflict on who took part only with evidence that they speak of
    the same thing:
    - **the same sentence told twice** with another person in the same part of it
      ("Allies meet President Volodymyr Zelensky in Paris" / "Allies meet President Petro
      Poroshenko in Paris");
    - **one office held by two people**: the same office of the same body, one that one
      person holds at a time, given to two names ("Ukraine's president Volodymyr Zelensky"
      / "President Petro Poroshenko of Ukraine", « le président ukrainien X » / « le
      président ukrainien Y »). A bare title names no body ("President X" and "President Y"
      may be two countries' presidents), an office many hold needs its portfolio and whose
      it is ("Germany's Finance Minister"; a Eurogroup brief meets a "Finance Minister" per
      country), and a former holder holds no office.
    "Zelensky", "Volodymyr Zelensky" and "Mr Zelensky" are one person; "NATO" and « OTAN »
    one organisation. Words that open a sentence ("Officials", "There", "Monday"), regions
    ("Southeast Asia"), holidays and wars ("Bank Holiday", "World War Two") are nobody.

    ## Why is this bad?
    The reader is told two different people did the same thing, or hold the same office;
    one is wrong.

    ## Example
    Bad: Key Points "Allies meet President Volodymyr Zelensky in Paris on January 6." and
    the Summary "Allies meet President Petro Poroshenko in Paris on January 6."
    Good: both name Zelensky (the body may say just "Zelensky", and may quote "the
    economist Paul Winter").
    """

    code = "C203"
    name = "participant-conflict"
    fact = "participant"


class DurationConflict(_Conflict):
    """Two sections give different durations for the same thing.

    ## What it does
    Compares lengths where the brief shows they measure the same thing:
    - **the same sentence told twice** with another length in the same part of it;
    - **the event's length**: the length that most sections give, Key Points or Summary
      among them, is the event's; another one, in the same unit, in one section only,
      conflicts with it when its sentence names the event ("the three-day summit", « la
      réunion dure deux jours », « ce sommet de trois jours ») or, in Key Points, Summary
      or Conclusion, measures the same thing (the same noun next to both: « la guerre dure
      depuis quatre ans » / « six ans après le début de la guerre »).
    Not lengths: ages ("Ferreira, 29 ans,", "a 39-year-old"), times of day (« à 20
    heures »), rates ("two billion pounds a year"). "quatre ans" and "4 ans" agree; "près
    de quatre ans" agrees with "quatre ans" (an approximate amount may differ by 15%).

    ## Why is this bad?
    "The war has lasted four years" and "six years after the war began" cannot both be
    true.

    ## Example
    Bad: Key Points "The war has lasted nearly four years." and the Summary "Nearly six
    years after the war began, the summit seeks a deal."
    Good: both say four years; the body may add "The summit seeks a 30-day ceasefire".
    """

    code = "C204"
    name = "duration-conflict"
    fact = "duration"


class PossibleConflict(_Conflict):
    """Two sections give different values in statements that may be about the same thing.

    ## What it does
    Reports, as a warning, what the conflict rules (C201-C204) found without the evidence
    an error needs: two close sentences of different sections (not two body sections) that
    give a fact differently but also differ in something else, and, in Key Points, Summary
    or Conclusion, a place other than the event's in a sentence that does not say it is the
    event.

    ## Why is this bad?
    One of the two may be wrong; or they tell of different things, and a reader may still
    trip on them. An editor decides.

    ## Example
    Bad: Key Points and Summary "Leaders meet in Paris on January 6." and the Conclusion
    "Leaders agree the guarantees in Geneva." (Is Geneva where the talks are, or another
    step?)
    Good: the Conclusion says "A follow-up meeting in Geneva will draft the guarantees."
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

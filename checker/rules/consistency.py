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


def stated(fact: Fact) -> str:
    """A fact as a message quotes it: as written, then as read when that differs ("'7
    janvier' (7 January)", "'Londres' (London)", "'près de quatre ans' (4 years)"; not
    "'Vienna' (Vienna)")."""
    read = fact.value
    if fact.kind == "date":
        from checker.facts.dates import reading

        read = reading(fact.value)
    same = read.casefold() == fact.text.casefold()
    return f"{fact.text!r}" if same else f"{fact.text!r} ({read})"


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
            f"{c.kind} {stated(y)} in {labels[y.section]} "
            f"contradicts {stated(x)} in {labels[x.section]}: {c.reason}",
            y.span,
            y.section,
            related=(related(x.span, x.section, x.text),),
            fact=c.kind,
        )


class DateConflict(_Conflict):
    """Two sections give different dates for the same event.

    ## What it does
    Finds a brief that gives its event two different dates: the Key Points say January 6
    and the body says January 7 for the same meeting. It raises an error only when it can
    show that both statements are about the same thing, and the message says how it knows.

    ## When two statements count as the same
    A date is compared with another when:
    - **the same sentence is told twice**: two sentences of different sections say the same
      thing once their facts are set aside, and differ in the date, in the same place
      ("Leaders meet in Paris on January 6" / "Leaders meet in Paris on January 7");
    - **the summary has a date of its own**: a Key Point or Summary sentence close to a
      sentence of the story gives a date ("January 9") that no other sentence of the brief
      states, where the story states its own again;
    - **it is the event's date**: the day most sections give, Key Points or Summary among
      them, is the event's; another day in one section conflicts with it when its sentence
      names the event ("the meeting on Jan. 29", « la réunion du 5 février »: a summit, a
      meeting or talks that Key Points or Summary speak of too) or states two
      more of the event's facts (its place and a person the headline names), or, in Key
      Points, Summary or Conclusion, its place;
    - **the calendar rules both out**: two sections give two days with their weekdays,
      and the weekdays cannot both be right ("Friday, April 27" and "Friday, April 29":
      two Fridays are a multiple of seven days apart), whatever each sentence tells of its
      day. Days more than two months apart, of two years, or of a sentence that says it is
      of another year ("last year", « l'an dernier ») are not compared; days without a
      year may straddle a new year or a February 29.

    Never a conflict: a date of another time ("last", "since", "the first round",
    « précédent »), another year, a template the brief fills in many times (a match
    report), an occasion of a kind the headline never names ("the election of May 26" in a
    brief of an announcement), one sentence told in two sections with two dates in it, a
    day of a sentence that tells two (the court's and the accident's) however many of the
    event's facts it states. "6 janvier", "mardi 6 janvier" and "6 janvier 2026" are one date.

    ## Why is this bad?
    A reader cannot tell which day the event happens; one of the two is wrong.

    ## Example
    Bad:
    ```text
    Key Points
    - Leaders meet in Paris on January 6.
    The Talks
    Leaders meet in Paris on January 7.
    ```
    Good (one date; other days are fine when they are of another time):
    ```text
    Key Points
    - Leaders meet in Paris on January 6.
    The Talks
    Leaders meet in Paris on Tuesday, January 6. The war began on February 24, 2022.
    ```

    ## How to fix
    Check the date against your source and correct the wrong side; the message quotes both
    ("'7 janvier' in … contradicts '6 janvier' in …") and the related location points at
    the other one. If the two dates are of different things, say so in the sentence ("the
    previous meeting, on January 7").
    """

    code = "C201"
    name = "date-conflict"
    fact = "date"


class PlaceConflict(_Conflict):
    """Two sections give different places for the same event.

    ## What it does
    Finds a brief that sets its event in two places: the Summary says Paris and the
    Conclusion says Berlin for the same meeting. It raises an error only when it can show
    that both statements are about the same thing, and the message says how it knows.

    ## When two statements count as the same
    A place is compared with another when:
    - **the same sentence is told twice** with another place in the same part of it ("the
      talks in Geneva" / "the talks in Vienna");
    - **the summary has a place of its own**: a Key Point or Summary sentence close to a
      sentence of the story gives a place ("Lyon") that no other sentence of the brief
      states, where the story states its own again; or gives it in the same words as the
      story gives its own, however the rest of the sentence differs ("la crise sanitaire
      en Belgique" / "la crise sanitaire en France");
    - **it is the event's place**: the city (or, without one, the country) most sections
      give, Key Points or Summary among them, is the event's; another one in one section
      conflicts with it when its sentence names the event ("the summit in Berlin", « le
      sommet de Paris »: a summit, a meeting or talks that Key Points or Summary speak of
      too) or states two more of the event's facts (its day and a person the
      headline names), or, in Key Points, Summary or Conclusion, its day.

    Never a conflict: where something comes from ("from Italy"), a government named by its
    capital ("Moscow wants…"), the event city's surroundings (50 km), a country or region
    that holds it, another time, an occasion of a kind the headline never names ("the
    summit in Osaka" in a brief of a speech in Tokyo), one sentence told in two sections
    with two places in it. "Londres" and "London" are one city. A place elsewhere in
    Key Points, Summary or Conclusion that does not name the event is a warning: C205.

    ## Why is this bad?
    The brief says the event happens in two places; one of them is wrong.

    ## Example
    Bad:
    ```text
    Résumé Rapide
    Les dirigeants se réunissent à Paris le 6 janvier.
    Conclusion
    La réunion du 6 janvier à Berlin est un test.
    ```
    Good (one place; another place of another time is fine):
    ```text
    Résumé Rapide
    Les dirigeants se réunissent à Paris le 6 janvier.
    Conclusion
    La réunion de Paris est un test ; le dernier sommet avait eu lieu à Rome.
    ```

    ## How to fix
    Check the place against your source and correct the wrong side (the related location
    points at it). If the second place is of something else (a previous round, where a
    delegation comes from), say so in the sentence.
    """

    code = "C202"
    name = "place-conflict"
    fact = "place"


class ParticipantConflict(_Conflict):
    """Two sections name different people for the same part in the same statement.

    ## What it does
    Finds a brief that gives one role to two different people: the Key Points say that
    allies meet President Zelensky, the Summary that the same allies meet President
    Poroshenko. Meeting many people is normal; an error is raised only when the two
    statements are shown to be about the same thing.

    ## When two statements count as the same
    Two names are compared when:
    - **the same sentence is told twice** with another person in the same part of it
      ("Allies meet President Volodymyr Zelensky in Paris" / "Allies meet President Petro
      Poroshenko in Paris");
    - **the summary has a name of its own**: a Key Point or Summary sentence close to a
      sentence of the story gives a name ("Jean Dupuis") that no other sentence of the brief
      states, where the story states its own again; or gives it in the same words as the
      story gives its own, however the rest of the sentence differs ("Paul Martin a été
      élu maire" / "Jacques Morel a été élu maire");
    - **one office is held by two people**: the same office of the same body, one that one
      person holds at a time ("Ukraine's president Volodymyr Zelensky" / "President Petro
      Poroshenko of Ukraine"). A bare title names no body ("President X" and "President Y"
      may lead two countries), an office many hold needs its portfolio and whose it is
      ("Germany's Finance Minister"), and a former holder holds no office.

    "Zelensky", "Volodymyr Zelensky" and "Mr Zelensky" are one person; "NATO" and « OTAN »
    one organisation. A sentence of the story that opens with "He" or « Il », after one that
    names one person, speaks of that person. Words that open a sentence ("Officials",
    "Monday"), regions, holidays and wars ("World War Two") are nobody.

    ## Why is this bad?
    The reader is told two different people did the same thing, or hold the same office;
    one is wrong.

    ## Example
    Bad:
    ```text
    Key Points
    - Allies meet President Volodymyr Zelensky in Paris on January 6.
    Summary
    Allies meet President Petro Poroshenko in Paris on January 6.
    ```
    Good (one name for the role; other people may be quoted):
    ```text
    Key Points
    - Allies meet President Volodymyr Zelensky in Paris on January 6.
    Summary
    Allies meet Zelensky in Paris; the economist Paul Winter calls it a turning point.
    ```

    ## How to fix
    Check who holds the role in your source and correct the wrong name (the related
    location points at the other one). If both people really took part, write them both
    into one sentence, or give each their own role ("former president Poroshenko").
    """

    code = "C203"
    name = "participant-conflict"
    fact = "participant"


class DurationConflict(_Conflict):
    """Two sections give different durations for the same thing.

    ## What it does
    Finds a brief that gives two lengths for the same thing: the Key Points say a
    two-day summit, the Summary a three-day one; the war has lasted four years in one place
    and six in another. An error is raised only when the two statements are shown to
    measure the same thing.

    ## When two statements count as the same
    Two lengths are compared when:
    - **the same sentence is told twice** with another length in the same part of it;
    - **the summary has a length of its own**: a Key Point or Summary sentence close to a
      sentence of the story gives a length ("three days") that no other sentence of the brief
      states, where the story states its own again;
    - **it is the event's length**: the length most sections give, Key Points or Summary
      among them, is the event's; another one, in the same unit, in one section only,
      conflicts with it when its sentence names the event ("the three-day summit", « ce
      sommet de trois jours ») or measures the same thing (the same noun next to both, in
      the clause of each: « la guerre dure depuis quatre ans » / « six ans après le début
      de la guerre »; not a noun past a quotation mark or a colon).

    Not lengths: ages ("a 39-year-old"), times of day (« à 20 heures »), rates ("two
    billion pounds a year"). Never a conflict: one sentence told in two sections with two
    lengths in it (a sentence and an age). "quatre ans" and "4 ans" agree; "près de quatre ans" agrees
    with "quatre ans" (an approximate amount may differ by 15%).

    ## Why is this bad?
    "The war has lasted four years" and "six years after the war began" cannot both be
    true.

    ## Example
    Bad:
    ```text
    Key Points
    - The war has lasted nearly four years.
    Summary
    Nearly six years after the war began, the summit seeks a deal.
    ```
    Good (one length for the war; a length of something else is fine):
    ```text
    Key Points
    - The war has lasted nearly four years.
    Summary
    Nearly four years after the war began, the summit seeks a 30-day ceasefire.
    ```

    ## How to fix
    Check the length against your source and correct the wrong side (the related location
    points at the other one). If the lengths measure different things, name the thing next
    to each ("a 30-day ceasefire", "a two-day summit").
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

    ## How to fix
    Read both sentences (the related location points at the other one). If one is wrong,
    correct it; if they tell of different things, make that plain in the sentence ("a
    follow-up meeting in Geneva"), which also silences the warning.
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

    ## How to fix
    Develop the fact in a body section (where it can be sourced), or take it out of the
    Key Points or the Summary if the article does not stand behind it.
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
                    f"{fact.kind} {stated(fact)} in {labels[fact.section]} "
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

    ## How to fix
    Introduce the fact in the body first, or take it out of the Conclusion; if it
    contradicts the other sections, correct the wrong side.
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
                    f"{fact.kind} {stated(fact)} in {labels[fact.section]} "
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

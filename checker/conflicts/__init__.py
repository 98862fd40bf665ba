"""Which statements of a brief contradict each other, and on what evidence.

A conflict is a claim that the brief contradicts itself, so it is made only where two
statements are shown to be about the same slot of the same thing:

- a **restatement** (`restatement`): a sentence of one section and one of another say the
  same thing, words and facts aligned, and differ in one fact in the same part; or they are
  alike, and a Key Point or the Summary gives there a value the rest of the brief never
  states, against one the story states again;
- a **phrase** (`phrase`): a Key Point or the Summary gives a place or a person that no
  other sentence states, in the same words as another section gives the one the story
  states again ("la crise sanitaire en Belgique" / "… en France");
- the **event** (`event`): Key Points and Summary set the headline event's date, place and
  length, and a later sentence that names that event ("the summit", « le sommet ») gives
  another value;
- a **role** (`roles`): one office of one body ("Ukraine's president") held by two people;
- the **calendar** (`weekdays`): two close days given weekdays they cannot both have
  (« vendredi 27 avril » / « vendredi 29 avril »).

Weaker evidence (close sentences that differ in more than one thing, a value said near the
event without naming it) gives an unconfirmed conflict: a warning (C205), never an error.
Which side is reported: the value fewer sections state; the later one on a tie.

This package sits below `checker.rules`: the rules read `Analysis.conflicts` and decide
nothing themselves.
"""

from __future__ import annotations

from checker.conflicts.statements import Statements, value_token
from checker.facts import Fact
from checker.model import Brief, record


@record
class Conflict:
    """Two facts of one kind that a brief gives for the same thing."""

    kind: str
    #: The side reported: the one fewer sections state.
    odd: Fact
    #: The other side, reported as related.
    other: Fact
    #: Which evidence says they are about the same thing: "restatement", "phrase", "event",
    #: "role", "calendar".
    evidence: str
    #: The evidence is strong enough for an error (else a warning, C205).
    confirmed: bool
    #: The evidence, in words, for the message.
    reason: str


def find_conflicts(brief: Brief, facts: list[Fact]) -> list[Conflict]:
    """Every conflict of a brief, each odd fact once (its strongest evidence), in reading
    order of the odd side."""
    from checker.conflicts.event import event_conflicts
    from checker.conflicts.phrase import phrase_conflicts
    from checker.conflicts.restatement import restatement_conflicts
    from checker.conflicts.roles import role_conflicts
    from checker.conflicts.weekdays import weekday_conflicts

    statements = Statements(brief, facts)
    found: dict[object, Conflict] = {}

    def keep(conflict: Conflict) -> None:
        held = found.get(conflict.odd.span)
        if held is None or (conflict.confirmed and not held.confirmed):
            found[conflict.odd.span] = conflict

    for d in restatement_conflicts(statements):
        x, y = _oriented(statements, d.a, d.b)
        keep(Conflict(x.kind, x, y, "restatement", d.confirmed, d.reason))
    for x, y, reason in phrase_conflicts(statements):
        keep(Conflict(x.kind, x, y, "phrase", True, reason))
    for a, b, office in role_conflicts(statements):
        x, y = _oriented(statements, a, b)
        keep(Conflict("participant", x, y, "role", True, f"both are given the office of {office}"))
    for a, b, reason, ranked in weekday_conflicts(statements):
        x, y = (a, b) if ranked else _oriented(statements, a, b)
        keep(Conflict("date", x, y, "calendar", True, reason))
    for e in event_conflicts(statements):
        keep(Conflict(e.odd.kind, e.odd, e.other, "event", e.confirmed, e.reason))
    return sorted(found.values(), key=lambda c: (c.odd.span.start, c.odd.span.end))


def _oriented(statements: Statements, a: Fact, b: Fact) -> tuple[Fact, Fact]:
    """(odd, other): the side fewer sections state is the odd one, then the side fewer
    sentences state; the later one on a tie."""
    support, told = statements.support, statements.told
    mine = (support[a.kind, a.value], told[value_token(a)])
    theirs = (support[b.kind, b.value], told[value_token(b)])
    if mine != theirs:
        return (a, b) if mine < theirs else (b, a)
    return (a, b) if a.span.start > b.span.start else (b, a)


__all__ = ["Conflict", "find_conflicts"]

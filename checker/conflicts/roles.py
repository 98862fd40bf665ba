"""Roles: one office of one body held by two people.

"Ukraine's president X" in one section and "President Y of Ukraine" in another cannot both be
true. The office is read from the title written before a name and what qualifies it: the body
before the title ("Ukraine's", "the bank's"), an adjective ("Ukrainian President", « le
président ukrainien »), a portfolio after it ("ministre de l'Économie", "Secretary of State
for Defence"). Only offices one person holds at a time (the pack's `single_roles`: president,
prime minister, chancellor…) and only when the body is named: "President X" and "President
Y" may be two countries' presidents meeting, and « le président Cyril Ramaphosa » and « le
président Sinenhlanhla Mnguni » (of a union) are in one real brief of the development data.
An office many hold (a minister) needs its portfolio and whose it is. A former holder
("former president", « l'ancien président »), a sentence about another time, and two names
of one person (a surname and the full name) are no conflict.

Not read yet: a country's adjective as its name ("Ukrainian president" and "president of
Ukraine" are two bodies here), and titles set off by commas ("The bank's president, X,").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from checker.conflicts.statements import Statement, Statements
from checker.conflicts.wording import marker_pattern, marker_text, words
from checker.facts import Fact
from checker.lang import fold, load_pack

#: Words looked at before a name for its title and what qualifies it.
WINDOW = 8
#: A word as written, with its possessive ("Ukraine's").
WORD = re.compile(r"[^\W\d_][\w'’.-]*")


class Role(NamedTuple):
    """An office: its title and the body it belongs to (folded words)."""

    title: str
    body: frozenset[str]


class Holding(NamedTuple):
    person: Fact
    role: Role
    statement: Statement


@cache
def _titles(lang: str) -> frozenset[str]:
    return frozenset(fold(t) for t in load_pack(lang)["facts"]["titles"])


@cache
def _folded(lang: str, table: str) -> frozenset[str]:
    """A [conflicts] list folded as titles are ("président" -> "president")."""
    return frozenset(fold(w) for w in load_pack(lang)["conflicts"].get(table, ()))


@cache
def _little(lang: str) -> frozenset[str]:
    """Words that qualify no body: articles, prepositions, the pack's stop words."""
    pack = load_pack(lang)
    return frozenset(fold(w) for w in (*pack["detect"]["stopwords"], *pack["facts"]["articles"],
                                       *pack["facts"]["title_complements"], "s", "l", "d"))


def role_of(s: Statement, person: Fact, lang: str) -> Role | None:
    """The office a title right before a name gives them, when it is a single-holder office,
    with the body it names (none for a bare title); None otherwise (no title, a former
    holder, an office many hold: "the French minister")."""
    # (only the words since the fact before it: "Ukraine's president X meets Y" gives Y none)
    before = [f for f in s.facts if f is not person and f.start + len(f.text) <= person.start]
    last = max(before, key=lambda f: f.start, default=None)
    since = 0 if last is None else last.start + len(last.text)
    if last is not None and s.text.startswith(("'s", "’s"), since):
        since = last.start  # "Ukraine's president X": the body is the fact before
    written = WORD.findall(s.text[since: person.start])[-WINDOW:]
    folded = [fold(w.replace("’", "'")) for w in written]
    titles, single = _titles(lang), _folded(lang, "single_roles")
    former = {fold(w) for w in load_pack(lang)["facts"]["former"]}
    for i in range(len(folded) - 1, -1, -1):
        for n in (3, 2, 1):
            title = " ".join(folded[i: i + n])
            if i + n > len(folded) or title not in titles:
                continue
            if title not in single:
                return None
            after = folded[i + n:]
            if any(w in former for w in (*folded[max(0, i - 2): i], *after)):
                return None  # "former president", "l'ancien Premier ministre"
            body = {w for phrase in after for w in phrase.split()} - _little(lang)
            tail = fold(s.text[person.start + len(person.text):]).split()[:3]
            if tail[:1] and tail[0] in words(lang, "of"):
                body.update(w for w in tail[1:] if w not in _little(lang))  # "X of Ukraine"
            for k in (i - 1, i - 2):  # "Ukrainian President", "German Finance Minister"
                if k < 0:
                    break
                pre = written[k]
                if pre.endswith(("'s", "’s")):
                    body.add(fold(pre[:-2]))  # "Ukraine's president"
                    break
                if not pre[:1].isupper() or folded[k] in _little(lang):
                    break
                body.add(folded[k])
            if title in _folded(lang, "portfolio_roles") and len(body) < 2:
                # "Finance Minister X", « le ministre de l'Économie X »: whose? A Eurogroup
                # brief names a finance minister per country.
                return None
            if len(after) > 4:
                return None
            return Role(title, frozenset(body))
    return None


def role_conflicts(statements: Statements) -> Iterator[tuple[Fact, Fact, str]]:
    """(one holder, the other, the office) for each office of a named body that two people
    hold in two sections."""
    lang = statements.lang
    background = marker_pattern(lang, "background")
    held: dict[Role, list[Holding]] = defaultdict(list)
    for s in statements.all.values():
        people = [f for f in s.facts if f.kind == "participant" and f.detail in ("person", "name")]
        roles = [(f, role) for f in people if (role := role_of(s, f, lang)) and role.body]
        if roles and not background.search(marker_text(s.text)):
            for f, role in roles:
                held[role].append(Holding(f, role, s))
    for role, holdings in held.items():
        for n, h in enumerate(holdings):
            for g in holdings[:n]:
                if g.statement.section == h.statement.section or _one_person(g.person, h.person):
                    continue
                yield g.person, h.person, f"{role.title} ({', '.join(sorted(role.body))})"
                break


def _one_person(a: Fact, b: Fact) -> bool:
    """Two names of one person: the same, or one's words end the other ("Zelensky",
    "Volodymyr Zelensky")."""
    x, y = fold(a.value).split(), fold(b.value).split()
    shorter, longer = sorted((x, y), key=len)
    return longer[len(longer) - len(shorter):] == shorter or longer[: len(shorter)] == shorter

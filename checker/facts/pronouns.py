"""Subject pronouns that name a person: a sentence that opens with « Il », « Elle », "He" or
"She" speaks of the one person the sentence before it names.

A story tells of its person in turns ("Jean Dupont a eu de nombreuses vies. Il est décédé
samedi, à 94 ans."), and a Key Point that restates such a sentence names the person where
the story has a pronoun. Read as the person, the pronoun lets the statements be compared
(`checker.conflicts.statements`); it is no fact of the report: nothing is written there.

Only where the reading is safe: the pronoun opens the sentence and is its subject (not «
Il faut », « Il y a »), the sentence before it is of the same section, not a Key Point (each
point stands alone), and it names one person and no organisation (two names say nothing of
who "he" is).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from checker.facts import Fact
from checker.lang import SUPPORTED, fact_words, fold
from checker.model import Brief, LineIndex, SectionKind

#: The first word of a sentence and the word after it (an apostrophe joins « s'agit »).
_OPENING = re.compile(r"\s*([^\W\d_]+)\s+([^\W\d_]+(?:['’][^\W\d_]+)?)")


@cache
def _pronouns(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(fact_words(lang, "subject_pronouns")),
            frozenset(fold(w) for w in fact_words(lang, "impersonal_verbs")))


def pronoun_subjects(brief: Brief, facts: list[Fact]) -> list[Fact]:
    """A participant fact for each subject pronoun that names the person of the sentence
    before it: the pronoun's text and span, that person's value and detail."""
    lang = brief.lang if brief.lang in SUPPORTED else "en"
    pronouns, impersonal = _pronouns(lang)
    people: dict[int, set[str]] = {}
    first: dict[int, Fact] = {}
    others: set[int] = set()  # sentences that name an organisation
    for f in facts:
        if f.kind != "participant":
            continue
        if f.detail in ("person", "name"):
            people.setdefault(f.sentence, set()).add(f.value)
            first.setdefault(f.sentence, f)
        elif f.detail == "organisation":
            others.add(f.sentence)
    found: list[Fact] = []
    index = None
    for section in brief.sections:
        if section.kind == SectionKind.KEY_POINTS:
            continue  # (each point stands alone: its "he" is whoever the summary means)
        previous = None
        for sentence in section.sentences:
            before, previous = previous, sentence
            named = people.get(before.index, set()) if before is not None else set()
            if len(named) != 1 or before.index in others or (
                    named & people.get(sentence.index, set())):
                continue
            m = _OPENING.match(sentence.text)
            if not m or m.group(1).casefold() not in pronouns or (
                    fold(m.group(2).replace("’", "'")) in impersonal):
                continue
            if index is None:
                index = LineIndex(brief.source)
            start = sentence.span.start + m.start(1)
            if not brief.source.startswith(m.group(1), start):
                start = brief.source.find(m.group(1), sentence.span.start, sentence.span.end)
                if start == -1:
                    continue
            person = first[before.index]
            found.append(replace(person, text=m.group(1), section=section.id,
                                 sentence=sentence.index,
                                 span=index.span(start, start + len(m.group(1))),
                                 start=m.start(1)))
    return found

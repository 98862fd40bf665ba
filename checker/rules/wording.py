"""Words and patterns that the consistency rules and `checker.rules.people` both read: stems,
function words, background markers, event nouns, and the title written before a name.

Why a module of their own: `people` reads them and `consistency` reads `people`, so they
cannot live in `consistency` without the two importing each other.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from checker.lang import fold, load_pack

if TYPE_CHECKING:
    from checker.facts import Fact

#: Prefix length that stands for a word's stem ("rencontrent" ~ "rencontre").
STEM = 5


@cache
def function_words(lang: str) -> frozenset[str]:
    pack = load_pack(lang)
    facts = pack.get("facts", {})
    words = [*pack["detect"]["stopwords"], *facts.get("place_prepositions", ()),
             *facts.get("approximators", ()), *facts.get("name_particles", ())]
    return frozenset(w for phrase in words for w in fold(phrase).split())


#: Words that mark a sentence as background (another, earlier or later event), per language.
BACKGROUND = {
    "en": ("began", "begun", "started", "start of", "last ", "previous", "previously", "ago",
           "earlier", "since", "next", "former", "anniversary", "history", "in 19", "in 20",
           "follows", "following", "followed", "ahead of", "prepare", "preparatory",
           "another", "new round", "will then", "then fly", "follow-up", "based in",
           "headquartered"),
    "fr": ("a commencé", "ont commencé", "commencée", "débuté", "début", "dernier", "dernière",
           "précédent", "précédente", "auparavant", "depuis 19", "depuis 20", "il y a",
           "prochain", "prochaine", "ancien", "ancienne", "anniversaire", "histoire", "en 19",
           "en 20", "après", "avant", "suite à", "fait suite", "en amont", "préparer",
           "préparatoire", "nouveau sommet", "nouvelle réunion", "un autre", "une autre",
           "ensuite", "s'étaient", "s'était", "de suivi", "basé à", "basée à", "siège"),
}


#: Nouns that name the event a brief reports, per language.
EVENT_NOUNS = {
    "en": ("summit", "meeting", "talks", "conference", "session", "visit", "vote", "election",
           "decision", "strike", "ceremony", "signing", "gathering", "negotiations", "round",
           "discussions"),
    "fr": ("sommet", "réunion", "rencontre", "pourparlers", "conférence", "session", "visite",
           "vote", "scrutin", "élection", "décision", "grève", "cérémonie", "signature",
           "négociations", "rassemblement", "discussions", "entretiens"),
}


@cache
def marker_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` at the start of a word of a folded text: "précédent" finds
    "précédente", "in 20" finds "in 2022"; a word written with a final space must end there
    ("last " finds "last week", not "lasts")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(fold(w)) + (r"\b" if w.endswith(" ") else "") for w in words) + r")", re.I)


def event_noun(stem: str, lang: str) -> bool:
    return stem in _event_stems(lang)


@cache
def _event_stems(lang: str) -> frozenset[str]:
    nouns = EVENT_NOUNS.get(lang, EVENT_NOUNS["en"])
    return frozenset(fold(w)[:STEM] for w in nouns if " " not in w)


def title_before(text: str, fact: Fact, lang: str) -> str | None:
    """The title right before a name, with the word that qualifies it ("council president",
    "secretary general", "ministre des transports"), folded."""
    from checker.facts.participants import _titles

    at = text.find(fact.text)
    if at <= 0:
        return None
    before = fold(text[:at]).split()[-4:]
    titles = _titles(lang)
    stop = function_words(lang)
    for n in range(min(3, len(before)), 0, -1):
        if " ".join(before[-n:]) in titles:
            qualified = len(before) > n and before[-n - 1] not in stop
            return " ".join(before[-n - 1 :] if qualified else before[-n:])
    return None

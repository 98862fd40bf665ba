"""The words the conflict evidence reads, from the language packs' [conflicts] tables: event
nouns, determiners, background markers. One module so that each table is read and compiled
once per process, whichever evidence asks first.
"""

from __future__ import annotations

import re
from functools import cache

from checker.align import stem
from checker.lang import fold, load_pack


#: A word, its accents kept: "à" is not "a" (has), as `fold` would make it.
WORD = re.compile(r"[^\W_]+")


@cache
def words(lang: str, table: str) -> tuple[str, ...]:
    """A [conflicts] word list, in lower case as `tokens` reads a text ("l'" is "l")."""
    return tuple(" ".join(tokens(w)) for w in load_pack(lang).get("conflicts", {}).get(table, ()))


@cache
def stems(lang: str, table: str) -> frozenset[str]:
    """The stems of the words of a [conflicts] list, each word of a phrase too ("réunions"
    finds "réunion"; "jusqu'à" gives "jusqu" and "a")."""
    return frozenset(stem(fold(w), lang) for phrase in words(lang, table) for w in phrase.split())


def event_noun(word: str, lang: str) -> bool:
    """Whether a word names an event ("summit", "réunions")."""
    return stem(fold(word), lang) in stems(lang, "event_nouns")


#: The kind of the generic event nouns ("event", « événement »): they may name any occasion.
ANY_EVENT = "any"


def event_kind(word: str, lang: str) -> str:
    """The kind of occasion an event noun names ("talks" and "summit": "gathering"), its
    stem if it has none, `ANY_EVENT` for the generic one."""
    key = stem(fold(word), lang)
    return _event_kinds(lang).get(key, key)


@cache
def _event_kinds(lang: str) -> dict[str, str]:
    """Stem of each event noun -> its kind (the pack's [conflicts.event_kinds])."""
    return {stem(fold(w), lang): kind
            for kind, nouns in load_pack(lang).get("conflicts", {}).get("event_kinds", {}).items()
            for w in nouns}


@cache
def marker_pattern(lang: str, table: str) -> re.Pattern[str]:
    """Any phrase of a [conflicts] list as whole words of a text read by `marker_text`
    ("after" is not in "afternoon", "last" not in "lasts"); one that ends with a digit starts
    a number ("in 20" finds "in 2022")."""
    listed = [marker_text(w) for w in load_pack(lang).get("conflicts", {}).get(table, ())]
    return re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(w) + ("" if w[-1:].isdigit() else r"\b") for w in listed) + r")")


_INNER_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")


def marker_text(text: str) -> str:
    """A text as `marker_pattern` reads it: folded, a hyphenated word one word (« l'après-midi »
    holds no « après », "follow-up" is one word)."""
    return fold(_INNER_HYPHEN.sub("", text))


def tokens(text: str) -> list[str]:
    """A text's words in lower case, accents kept ("l'Ukraine" -> "l", "ukraine"; « à »)."""
    return WORD.findall(text.casefold())

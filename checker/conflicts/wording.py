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
    """The stems of a [conflicts] word list's single words ("réunions" finds "réunion")."""
    return frozenset(stem(fold(w), lang) for w in words(lang, table) if " " not in w)


def event_noun(word: str, lang: str) -> bool:
    """Whether a word names an event ("summit", "réunions")."""
    return stem(fold(word), lang) in stems(lang, "event_nouns")


@cache
def marker_pattern(lang: str, table: str) -> re.Pattern[str]:
    """Any word of a [conflicts] list at the start of a word of a folded text: "precedent"
    finds "precedente", "in 20" finds "in 2022"; a word listed with a final space must end
    there ("last " finds "last week", not "lasts")."""
    listed = load_pack(lang).get("conflicts", {}).get(table, ())
    return re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(fold(w)) + (r"\b" if w.endswith(" ") else "") for w in listed) + r")")


def tokens(text: str) -> list[str]:
    """A text's words in lower case, accents kept ("l'Ukraine" -> "l", "ukraine"; « à »)."""
    return WORD.findall(text.casefold())

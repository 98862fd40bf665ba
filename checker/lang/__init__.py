"""Language packs: per-language data (section headings, abbreviations, stop words, …).

One TOML file per language beside this module (`fr.toml`, `en.toml`); adding a language is
adding a file. A pack is read on first use and kept for the process, so a run loads only
the languages of the documents it checks.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from typing import Any

SUPPORTED = ("en", "fr")
#: The packs' folder: this package's own (a file path, not importlib.resources, whose
#: import cost 8 ms of every run's start; briefcheck is installed as files, not zipped).
_HERE = os.path.dirname(os.path.abspath(__file__))


@cache
def load_pack(lang: str) -> dict[str, Any]:
    """The parsed pack of `lang` (one of SUPPORTED)."""
    if lang not in SUPPORTED:
        raise KeyError(f"no language pack for {lang!r}")
    with open(os.path.join(_HERE, f"{lang}.toml"), "rb") as pack:
        return tomllib.load(pack)


@cache
def fact_words(lang: str, table: str) -> frozenset[str]:
    """A word list of the pack's [facts] table (name particles, articles…), as a set built
    once per process: the extractors ask for it for every sentence."""
    return frozenset(load_pack(lang)["facts"][table])


_NON_WORD = re.compile(r"[^\w]+")


class _CombiningMarks(dict):
    """A `str.translate` table deleting combining marks, filled as characters are met:
    translating in C is 3x faster than testing each character in Python."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_NO_COMBINING_MARKS = _CombiningMarks()


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Points Clés !" -> "points cles".

    Memoised: fact extraction folds the same words and word runs over and over.
    """
    folded = text.casefold()
    if not folded.isascii():  # ASCII has no compatibility forms and no combining marks
        folded = unicodedata.normalize("NFKD", folded).translate(_NO_COMBINING_MARKS)
    return _NON_WORD.sub(" ", folded.replace("_", " ")).strip()


@cache
def heading_aliases() -> dict[str, tuple[str, str]]:
    """Folded heading wording -> (section kind, language), over every pack."""
    aliases: dict[str, tuple[str, str]] = {}
    for lang in SUPPORTED:
        for kind, wordings in load_pack(lang)["sections"].items():
            for wording in wordings:
                aliases.setdefault(fold(wording), (kind, lang))
    return aliases


def section_kind_of(heading: str) -> tuple[str, str] | None:
    """(kind, language) when a heading names a brief section in some pack, else None."""
    return heading_aliases().get(fold(heading))


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(load_pack(lang)["detect"]["stopwords"]) for lang in SUPPORTED}


#: Possessive: nothing follows a word, so giving letters back never helps (same matches, faster).
_WORD = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)?+")


def detect_language(text: str, headings: list[str] = ()) -> str | None:
    """The pack language whose headings and stop words the text uses most, or None.

    Recognised section headings count for a lot (an editor chose them); then frequent
    words. None when the text gives no evidence for any supported language.
    """
    scores = dict.fromkeys(SUPPORTED, 0)
    for heading in headings:
        hit = section_kind_of(heading)
        if hit:
            scores[hit[1]] += 20
    stop = _stopwords()
    words = _WORD.findall(text[:20000].casefold())  # (one casefold, not one per word)
    counts = Counter(words)  # counted in C; each language then looks at its stop words only
    for lang in SUPPORTED:
        scores[lang] += sum(counts[word] for word in stop[lang].intersection(counts))
    best = max(SUPPORTED, key=lambda lang: (scores[lang], lang == "en"))
    # Below this the text is not in any supported language (too few of their common words).
    if scores[best] < 20 and scores[best] < 0.08 * max(len(words), 1):
        return None
    return best

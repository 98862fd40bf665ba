"""Sentence alignment: which sentences of a brief say the same thing, and how closely.

Sentences are compared as bags of stems, not as strings, so that case, accents,
punctuation, little words and inflection ("rencontrent"/"rencontre") do not hide a copy.
The score is the Indel similarity of the two sorted stem strings (rapidfuzz's
`token_sort_ratio`, computed as `ratio` on strings sorted once per sentence): 1.0 for a copy, about 0.85 when two words of a twelve-word sentence
change, and it counts a changed letter less than a changed word.

Typical briefs have under a hundred sentences, so every pair is scored. Above
`EXACT_LIMIT` sentences (a 5 MB brief has 50,000: over a billion pairs) pairs are generated
instead by prefix filtering: each sentence is indexed under its rarest stems only, so two
sentences that share most of their stems meet in some posting list; lists are capped so
that a stem repeated thousands of times costs nothing. That is near-linear and finds what
matters, a shared rare stem, at the price of missing pairs made only of very common words.

rapidfuzz and snowballstemmer are imported on first use: `briefcheck` starts fast when no
redundancy rule runs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from checker.lang import SUPPORTED, fold, load_pack
from checker.model import Brief, Sentence

#: Up to this many sentences every pair is scored (125,000 pairs, about 0.1 s); above,
#: candidates come from an index.
EXACT_LIMIT = 500
#: A sentence is indexed under this share of its stems, rarest first (at least one).
PREFIX_SHARE = 0.5
#: Earlier sentences looked up per index stem (the most recent ones): bounds the work.
POSTINGS_CAP = 8
#: Sentences with fewer stems than this are never paired: three words match by chance.
MIN_TOKENS = 3


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Two sentences of one brief that say much the same; `a` comes first in reading order."""

    a: Sentence
    b: Sentence
    score: float


@cache
def _stop_words() -> frozenset[str]:
    """Little words of every pack: briefs quote the other language ("Coalition of the Willing").

    The packs' frequent-word lists, not a longer stop list: dropping more words ("also",
    "must", "doit") shortens sentences and raised unrelated pairs of the clean corpus from
    0.63 to 0.66 without finding one more edited copy (RESULTS-redundancy.md)."""
    words: set[str] = set()
    for lang in SUPPORTED:
        pack = load_pack(lang)
        for phrase in pack["detect"]["stopwords"]:
            words.update(fold(phrase).split())
    return frozenset(words)


@cache
def _stemmer(lang: str):
    import snowballstemmer

    return snowballstemmer.stemmer({"fr": "french", "en": "english"}.get(lang, "english"))


@lru_cache(maxsize=1 << 16)
def _stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


def normalise_tokens(text: str, lang: str) -> list[str]:
    """The stems of a sentence's content words, in order: folded (case, accents,
    punctuation), stop words and one-letter elisions ("l'", "d'") dropped, snowball-stemmed."""
    stop = _stop_words()
    return [_stem(w, lang) for w in fold(text).split() if len(w) > 1 and w not in stop]


def _key(tokens: Sequence[str]) -> str:
    """Stems sorted and joined: the string the score compares (rapidfuzz's token_sort)."""
    return " ".join(sorted(tokens))


def similarity(a_tokens: Sequence[str], b_tokens: Sequence[str]) -> float:
    """How much two stem lists say the same, 0.0-1.0 (order-insensitive; 1.0 = same stems)."""
    if not a_tokens or not b_tokens:
        return 0.0
    from rapidfuzz import fuzz

    return fuzz.ratio(_key(a_tokens), _key(b_tokens)) / 100.0


def align(
    brief: Brief, *, min_score: float, text_of: Callable[[Sentence], str] | None = None
) -> list[SentencePair]:
    """Every pair of sentences scoring at least `min_score`, sorted by (a.index, b.index).

    `text_of` chooses the text compared (default the sentence as written; the consistency
    rules may pass a text without its facts).
    """
    sentences = brief.sentences
    text_of = text_of or (lambda s: s.text)
    tokens = [normalise_tokens(text_of(s), brief.lang) for s in sentences]
    keep = [i for i, t in enumerate(tokens) if len(t) >= MIN_TOKENS]
    keys = {i: _key(tokens[i]) for i in keep}
    if len(keep) <= EXACT_LIMIT:
        scored = _all_pairs(keep, keys, min_score)
    else:
        scored = _scored(sorted(_candidates(keep, tokens)), keys, min_score)
    return [SentencePair(sentences[i], sentences[j], round(score, 3)) for i, j, score in scored]


def _all_pairs(keep: list[int], keys: dict[int, str], min_score: float) -> list[tuple[int, int, float]]:
    return _scored([(i, j) for n, i in enumerate(keep) for j in keep[n + 1 :]], keys, min_score)


def _scored(
    candidates: list[tuple[int, int]], keys: dict[int, str], min_score: float
) -> list[tuple[int, int, float]]:
    from rapidfuzz import fuzz

    cutoff = min_score * 100
    found = []
    for i, j in candidates:
        score = fuzz.ratio(keys[i], keys[j], score_cutoff=cutoff)
        if score:
            found.append((i, j, score / 100.0))
    return found


def _candidates(keep: list[int], tokens: list[list[str]]) -> set[tuple[int, int]]:
    """Pairs (earlier, later) sharing a rare stem: prefix filtering with capped postings."""
    frequency = Counter(stem for i in keep for stem in set(tokens[i]))
    postings: dict[str, list[int]] = defaultdict(list)
    found: set[tuple[int, int]] = set()
    for j in keep:
        stems = sorted(set(tokens[j]), key=lambda s: (frequency[s], s))
        prefix = stems[: max(1, int(len(stems) * PREFIX_SHARE))]
        for stem in prefix:
            earlier = postings[stem]
            found.update((i, j) for i in earlier[-POSTINGS_CAP:])
            earlier.append(j)
    return found

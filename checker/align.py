"""Sentence alignment: which sentences of a brief say the same thing, and how closely.

Sentences are compared as bags of stems, not as strings, so that case, accents,
punctuation, little words and inflection ("rencontrent"/"rencontre") do not hide a copy.
The score is the Dice coefficient of the two stem multisets (2 x shared / total, computed
by rapidfuzz as the Indel similarity of the sorted stem lists): 1.0 for a copy, 0.83 when two
words of a twelve-stem sentence are replaced, 0.67 for two of six. Whole stems, not letters:
on the clean corpus it puts unrelated sentences of one brief (at most 0.59) much further
from two-word edits (5th percentile 0.80) than the letter-level `token_sort_ratio` did
(0.70 and 0.79; benchmarks/accuracy/redundancy_calibration.py).

Typical briefs have under a hundred sentences, so every pair is scored. Above
`EXACT_LIMIT` sentences (a 5 MB brief has 50,000: over a billion pairs) pairs are generated
instead by prefix filtering: each sentence is indexed under the rarer half of its stems, so
two sentences that share half of their stems or more (every pair a paraphrase threshold
keeps) meet in some posting list. A stem in at most `RARE_STEM` sentences has its whole list
looked up, however far back the copy is; a more frequent stem only its `POSTINGS_CAP` most
recent entries, so that a stem repeated thousands of times (a templated brief) costs
nothing. That is near-linear, at the price of missing pairs made only of frequent words.

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
#: A stem in at most this many sentences is rare: all its earlier sentences are looked up.
RARE_STEM = 32
#: Earlier sentences looked up per frequent stem (the most recent ones): bounds the work.
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


def _key(tokens: Sequence[str]) -> list[str]:
    """Stems sorted: the sequence the score compares (sorted once per sentence)."""
    return sorted(tokens)


def similarity(a_tokens: Sequence[str], b_tokens: Sequence[str]) -> float:
    """How much two stem lists say the same, 0.0-1.0: the Dice coefficient of the stem
    multisets (order-insensitive; 1.0 = same stems)."""
    if not a_tokens or not b_tokens:
        return 0.0
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(_key(a_tokens), _key(b_tokens))


def align(
    brief: Brief, *, min_score: float, text_of: Callable[[Sentence], str] | None = None
) -> list[SentencePair]:
    """Every pair of sentences scoring at least `min_score`, sorted by (a.index, b.index).

    `text_of` chooses the text compared (default the sentence as written; the consistency
    rules may pass a text without its facts).
    """
    sentences = brief.sentences
    return [
        SentencePair(sentences[i], sentences[j], score)
        for i, j, score in aligned_indices(brief, min_score=min_score, text_of=text_of)
    ]


def aligned_indices(
    brief: Brief, *, min_score: float, text_of: Callable[[Sentence], str] | None = None
) -> list[tuple[int, int, float]]:
    """`align` as (a.index, b.index, score) tuples: a caller that keeps a few pairs of many
    need not build the others."""
    text_of = text_of or (lambda s: s.text)
    memo: dict[str, list[str]] = {}
    tokens = []
    for sentence in brief.sentences:
        text = text_of(sentence)
        if text not in memo:
            memo[text] = normalise_tokens(text, brief.lang)
        tokens.append(memo[text])
    keep = [i for i, t in enumerate(tokens) if len(t) >= MIN_TOKENS]
    keys = {i: _key(tokens[i]) for i in keep}
    if len(keep) <= EXACT_LIMIT:
        scored = _all_pairs(keep, keys, min_score)
    else:
        scored = _scored(sorted(_candidates(keep, tokens)), keys, min_score)
    return [(i, j, round(score, 3)) for i, j, score in scored]


def _all_pairs(
    keep: list[int], keys: dict[int, list[str]], min_score: float
) -> list[tuple[int, int, float]]:
    return _scored([(i, j) for n, i in enumerate(keep) for j in keep[n + 1 :]], keys, min_score)


def _scored(
    candidates: list[tuple[int, int]], keys: dict[int, list[str]], min_score: float
) -> list[tuple[int, int, float]]:
    from rapidfuzz.distance import Indel

    score_of = Indel.normalized_similarity
    # Sentences with the same stems share one key object, and a pair of keys is scored
    # once: a brief that repeats a few sentences thousands of times scores a few pairs.
    shared: dict[tuple[str, ...], list[str]] = {}
    keys = {i: shared.setdefault(tuple(key), key) for i, key in keys.items()}
    memo: dict[tuple[int, int], float] = {}
    found = []
    for i, j in candidates:
        a, b = keys[i], keys[j]
        pair = (id(a), id(b))
        score = memo.get(pair)
        if score is None:
            score = memo[pair] = score_of(a, b, score_cutoff=min_score)
        if score:
            found.append((i, j, score))
    return found


def _candidates(keep: list[int], tokens: list[list[str]]) -> set[tuple[int, int]]:
    """Pairs (earlier, later) sharing a stem of the later one's prefix: all earlier sentences
    for a rare stem, the most recent few for a frequent one."""
    frequency = Counter(stem for i in keep for stem in set(tokens[i]))
    postings: dict[str, list[int]] = defaultdict(list)
    found: set[tuple[int, int]] = set()
    for j in keep:
        stems = sorted(set(tokens[j]), key=lambda s: (frequency[s], s))
        prefix = stems[: max(1, int(len(stems) * PREFIX_SHARE))]
        for stem in prefix:
            earlier = postings[stem]
            looked_up = earlier if frequency[stem] <= RARE_STEM else earlier[-POSTINGS_CAP:]
            found.update((i, j) for i in looked_up)
            earlier.append(j)
    return found

"""Sentence alignment: which sentences of a brief say the same thing, and how closely.

Sentences are compared as bags of stems, not as strings, so that case, accents,
punctuation, little words and inflection ("rencontrent"/"rencontre") do not hide a copy.
The score is the Dice coefficient of the two stem multisets (2 x shared / total, computed
by rapidfuzz as the Indel similarity of the sorted stem lists): 1.0 for a copy, 0.83 when two
words of a twelve-stem sentence are replaced, 0.67 for two of six. Whole stems, not letters:
on the clean corpus it puts unrelated sentences of one brief (at most 0.59) much further
from two-word edits (5th percentile 0.80) than the letter-level `token_sort_ratio` did
(0.70 and 0.79; benchmarks/accuracy/redundancy_calibration.py).

Sentences with the same stems (a copy, or a sentence a long brief repeats) are one key,
scored once: a templated 5 MB brief has 50,000 sentences and a few dozen keys. Typical
briefs have under a hundred keys, so every pair of keys is scored. Above `EXACT_LIMIT` keys
(a varied 5 MB brief: over a billion pairs) pairs are generated instead by prefix
filtering: each key is indexed under the rarer half of its stems, so two keys that share
half of their stems or more (every pair a paraphrase threshold keeps) meet in some posting
list. A stem in at most `RARE_STEM` keys has its whole list looked up, however far back the
copy is; a more frequent stem only its `POSTINGS_CAP` most recent entries, so that a stem
repeated thousands of times costs nothing. That is near-linear, at the price of missing
paraphrases made only of frequent words (never a verbatim copy: it is the same key).
A sentence of more than `MAX_STEMS` stems (a piece of a text without full stops) is
paired with its verbatim copies only.

The rules keep a few matches per sentence (`best_earlier`), its earliest best copies, and
never list the pairs they do not keep.

rapidfuzz and snowballstemmer are imported on first use: `briefcheck` starts fast when no
redundancy rule runs.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from checker.lang import SUPPORTED, fold, load_pack
from checker.model import Brief, Section, Sentence
from checker.remembered import SENTENCES, Remembered

#: Up to this many keys (distinct sentences) every pair is scored (125,000 pairs, about
#: 0.1 s); above, candidates come from an index.
EXACT_LIMIT = 500
#: A sentence is indexed under this share of its stems, rarest first (at least one).
PREFIX_SHARE = 0.5
#: A stem in at most this many keys is rare: all its earlier keys are looked up.
RARE_STEM = 32
#: Earlier keys looked up per frequent stem (the most recent ones): bounds the work.
POSTINGS_CAP = 8
#: Sentences with fewer stems than this are never paired: three words match by chance.
MIN_TOKENS = 3
#: Sentences with more stems than this are paired with their verbatim copies only. The
#: longest sentence of the samples has 23 stems; the pieces of a text without full stops
#: (`checker.sentences.MAX_SENTENCE`) have about 250, and every such piece shared a rare
#: stem with almost every other: all pairs scored, 18 s for 5 MB.
MAX_STEMS = 100


class SentencePair(NamedTuple):
    """Two sentences of one brief that say much the same; `a` comes first in reading order.
    A named tuple: a long brief that repeats itself has hundreds of thousands of them, made
    three times faster than a frozen dataclass."""

    a: Sentence
    b: Sentence
    score: float


@cache
def stop_words() -> frozenset[str]:
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
def stem(word: str, lang: str) -> str:
    """The snowball stem of a folded word ("rencontrent" -> "rencontr")."""
    return _stemmer(lang).stemWord(word)


def normalise_tokens(text: str, lang: str) -> list[str]:
    """The stems of a sentence's content words, in order: folded (case, accents,
    punctuation), stop words and one-letter elisions ("l'", "d'") dropped, snowball-stemmed."""
    stop = stop_words()
    stems = _stems_of(lang)
    # (a sentence's text is folded without fold's memo: each is folded once, and its
    # entries only pushed out the words fact extraction folds again and again)
    return [stems[w] for w in fold.__wrapped__(text).split() if len(w) > 1 and w not in stop]


class _StemsOf(dict):
    """Folded word -> its stem in one language, filled as words are met: a dictionary
    lookup per word, not a memoised call keyed on (word, language)."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def __missing__(self, word: str) -> str:
        if len(self) >= 1 << 16:
            self.clear()  # a bound, for documents of many distinct words
        self[word] = found = stem(word, self.lang)
        return found


@cache
def _stems_of(lang: str) -> _StemsOf:
    return _StemsOf(lang)


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

    `text_of` chooses the text compared (default the sentence as written). A sentence
    repeated n times gives n(n-1)/2 pairs: for tests and small briefs; the rules use
    `best_earlier`, which keeps a few per sentence."""
    sentences = brief.sentences
    return [
        SentencePair(sentences[i], sentences[j], score)
        for i, j, score in aligned_indices(brief, min_score=min_score, text_of=text_of)
    ]


def aligned_indices(
    brief: Brief, *, min_score: float, text_of: Callable[[Sentence], str] | None = None
) -> list[tuple[int, int, float]]:
    """`align` as (a.index, b.index, score) tuples."""
    stems = _Stems(brief, range(len(brief.sentences)), text_of)
    found = []
    neighbours = stems.neighbours(min_score)
    for k, occurrences in enumerate(stems.occurrences):
        for score, other in neighbours[k]:
            if other < k:
                continue
            found.extend(
                (min(i, j), max(i, j), score)
                for i in occurrences
                for j in stems.occurrences[other]
                if i < j or (other != k and i != j)
            )
    found.sort()
    return found


def best_earlier(
    brief: Brief, sections: Sequence[Section], *, min_score: float, across: int, within: int
) -> list[tuple[int, int, float]]:
    """Per sentence of `sections`, its `across` best matches among the sentences of earlier
    sections and its `within` best among the earlier ones of its own section (best: highest
    score, then earliest), as (a.index, b.index, score) sorted. The same pairs as keeping
    those of `aligned_indices`, without listing the others: a brief that pastes a paragraph
    a thousand times has half a million pairs of copies and needs a few per sentence.

    The earliest copies are the ones kept, so every repeat points at the first statement."""
    first_of: dict[int, int] = {}
    for section in sections:
        indices = [s.index for s in section.sentences]
        for i in indices:
            first_of[i] = indices[0]
    stems = _Stems(brief, sorted(first_of), None)
    neighbours = stems.neighbours(min_score)
    occurrences = stems.occurrences
    key_of = {i: k for k, own in enumerate(occurrences) for i in own}
    kept: list[tuple[int, int, float]] = []
    keep = kept.append
    for k, own in enumerate(occurrences):
        width = len(neighbours[k])
        if width == 1 and len(own) == 1:
            continue  # no copy and no paraphrase (most sentences of a brief): nothing to keep
        level = _levels(neighbours[k])
        near = {other: score for score, other in neighbours[k]}
        for b in own:
            start = first_of[b]
            if across:
                for a, score in _best_in(level, occurrences, 0, start, across):
                    keep((a, b, score))
            if not within:
                continue
            if b - start <= width:  # a short section: read it
                tied = sorted(
                    (-near[key_of[a]], a) for a in range(start, b) if key_of.get(a) in near
                )
                for negated, a in tied[:within]:
                    keep((a, b, -negated))
            else:  # a long one: look the neighbours' copies up
                for a, score in _best_in(level, occurrences, start, b, within):
                    keep((a, b, score))
    kept.sort()
    return kept


def _levels(found: list[tuple[float, int]]) -> list[tuple[float, list[int]]]:
    """Neighbour keys grouped by score, best first."""
    levels: list[tuple[float, list[int]]] = []
    for score, other in found:
        if levels and levels[-1][0] == score:
            levels[-1][1].append(other)
        else:
            levels.append((score, [other]))
    return levels


def _best_in(
    levels: list[tuple[float, list[int]]], occurrences: list[list[int]], start: int, stop: int,
    count: int,
) -> list[tuple[int, float]]:
    """The `count` best (sentence, score) with start <= sentence < stop: by score, then
    earliest. Each key of a score level gives at most the sentences still wanted, so ties
    across keys are settled by position, whichever key comes first."""
    out: list[tuple[int, float]] = []
    for score, others in levels:
        wanted = count - len(out)
        tied: list[int] = []
        for other in others:
            found = occurrences[other]
            at = bisect_left(found, start) if start else 0
            end = min(len(found), at + wanted)
            while at < end and found[at] < stop:
                tied.append(found[at])
                at += 1
        tied.sort()
        out.extend((a, score) for a in tied[:wanted])
        if len(out) >= count:
            break
    return out


#: Each sentence's key by its text and language, for sentences the run meets again.
_KEYS = Remembered(SENTENCES)


class _Stems:
    """The sentences of a brief grouped by their sorted stems (their key): a sentence and
    its copies share one key, so each distinct pair of keys is found and scored once."""

    def __init__(self, brief: Brief, indices: Iterable[int], text_of: Callable[[Sentence], str] | None):
        text_of = text_of or (lambda s: s.text)
        sentences = brief.sentences
        by_text: dict[str, tuple[str, ...]] = {}
        key_id: dict[tuple[str, ...], int] = {}
        #: Sorted stems of each key, in order of first occurrence.
        self.keys: list[list[str]] = []
        #: Sentence indices of each key, ascending.
        self.occurrences: list[list[int]] = []
        for i in indices:
            text = text_of(sentences[i])
            key = by_text.get(text)
            if key is None:
                read = text, brief.lang
                key = _KEYS.get(read)
                if key is None:
                    key = _KEYS.keep(read, tuple(_key(normalise_tokens(text, brief.lang))))
                by_text[text] = key
            if len(key) < MIN_TOKENS:
                continue
            k = key_id.get(key)
            if k is None:
                k = key_id[key] = len(self.keys)
                self.keys.append(list(key))
                self.occurrences.append([])
            self.occurrences[k].append(i)

    def neighbours(self, min_score: float) -> list[list[tuple[float, int]]]:
        """Per key, the keys scoring at least `min_score` with it (itself at 1.0), as
        (score, key) best first, then in order of first occurrence."""
        from rapidfuzz.distance import Indel
        from rapidfuzz.process import extract

        keys = self.keys
        score_of = Indel.normalized_similarity
        found: list[list[tuple[float, int]]] = [[(1.0, k)] for k in range(len(keys))]

        def add(i: int, j: int, score: float) -> None:
            if score:
                score = round(score, 3)
                found[i].append((score, j))
                found[j].append((score, i))

        # Only keys of sentence length are scored against others; a longer one (a piece of
        # a text without full stops) pairs with its verbatim copies only, being their key.
        scored = [k for k, key in enumerate(keys) if len(key) <= MAX_STEMS]
        chosen = _as_strings([keys[k] for k in scored])
        if len(chosen) <= EXACT_LIMIT:
            # Every pair: each key against all the later ones in one call of rapidfuzz (the
            # same scorer as below), not one Python call per pair.
            for n in range(len(chosen) - 1):
                for _, score, at in extract(chosen[n], chosen[n + 1 :], scorer=score_of,
                                            score_cutoff=min_score, limit=None):
                    add(scored[n], scored[n + 1 + at], score)
        else:
            # Each key against its candidates in one call, as above: a varied 5 MB brief
            # has millions of candidate pairs, and a Python call per pair was most of its time.
            for n, earlier in _candidates([keys[k] for k in scored]):
                for _, score, at in extract(chosen[n], [chosen[i] for i in earlier],
                                            scorer=score_of, score_cutoff=min_score, limit=None):
                    add(scored[earlier[at]], scored[n], score)
        for pairs in found:
            pairs.sort(key=lambda p: (-p[0], p[1]))
        return found


#: Characters available to code stems (every code point but the surrogates).
_MAX_CODES = 0x110000 - 0x800


def _as_strings(keys: list[list[str]]) -> list[str] | list[list[str]]:
    """Each key as a string of one character per stem (a code for each distinct stem),
    sorted: rapidfuzz compares strings much faster than lists of strings, which it hashes
    item by item on every call. The score is the same number: two sequences sorted in one
    order have the multiset of their common items as longest common subsequence, whatever
    the order."""
    code: dict[str, str] = {}
    out = []
    for key in keys:
        chars = []
        for stem in key:
            c = code.get(stem)
            if c is None:
                n = len(code)
                if n >= _MAX_CODES:  # more distinct stems than characters: compare the lists
                    return keys
                c = code[stem] = chr(n if n < 0xD800 else n + 0x800)  # (no surrogates)
            chars.append(c)
        chars.sort()
        out.append("".join(chars))
    return out


def _candidates(tokens: Sequence[Sequence[str]]) -> Iterator[tuple[int, list[int]]]:
    """Per key j, the earlier keys sharing a stem of its prefix, ascending: all earlier keys
    for a rare stem, the most recent few for a frequent one. Yielded key by key, never as
    one set of pairs (millions of tuples on a varied 5 MB brief)."""
    frequency = Counter(stem for key in tokens for stem in set(key))
    postings: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(tokens):
        stems = sorted(set(key), key=lambda s: (frequency[s], s))
        prefix = stems[: max(1, int(len(stems) * PREFIX_SHARE))]
        earlier: set[int] = set()
        for stem in prefix:
            posted = postings[stem]
            earlier.update(posted if frequency[stem] <= RARE_STEM else posted[-POSTINGS_CAP:])
            posted.append(j)
        if earlier:
            yield j, sorted(earlier)

"""Sentence alignment: normalisation, the score, and that candidate generation on large
briefs finds the same pairs as scoring every pair."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import align as align_module
from checker.align import align, normalise_tokens, similarity
from checker.lang import fold
from checker.loaders import load
from conftest import SEED


def test_normalisation_ignores_case_accents_punctuation_stop_words_and_endings():
    a = normalise_tokens("Les ALLIÉS européens et la rencontre du président à Paris !", "fr")
    b = normalise_tokens("l'allie europeen, les rencontres des presidents a paris", "fr")
    assert a == b
    assert "les" not in a and "le" not in a


def test_english_stems_and_stop_words():
    assert normalise_tokens("The leaders are meeting in Brussels.", "en") == \
        normalise_tokens("leader meets Brussels", "en")


def test_copy_scores_one_and_unrelated_sentences_score_low():
    fr = lambda text: normalise_tokens(text, "fr")
    copy = "Le sommet représente la dernière tentative pour convenir de garanties de sécurité."
    assert similarity(fr(copy), fr(copy.upper())) == 1.0
    unrelated = "Les syndicats de cheminots appellent à une grève de trois jours en février."
    assert similarity(fr(copy), fr(unrelated)) < 0.6
    assert similarity([], fr(copy)) == 0.0


def test_two_changed_words_stay_above_the_paraphrase_threshold():
    a = normalise_tokens("European Union leaders meet in Brussels on December 18 for a two-day "
                         "summit on financing Ukraine.", "en")
    b = normalise_tokens("European Union ministers meet in Brussels on December 18 for a two-day "
                         "conference on financing Ukraine.", "en")
    assert 0.75 <= similarity(a, b) < 0.9


def test_seed_first_key_point_summary_and_body_are_verbatim():
    brief = load(SEED.read_text(encoding="utf-8"), str(SEED), None, "auto")
    pairs = {(p.a.span.line, p.b.span.line): p.score for p in align(brief, min_score=0.9)}
    assert pairs == {(2, 7): 1.0, (2, 10): 1.0, (7, 10): 1.0}


def test_pairs_are_ordered_and_earlier_first():
    brief = load(SEED.read_text(encoding="utf-8"), str(SEED), None, "auto")
    pairs = align(brief, min_score=0.5)
    keys = [(p.a.index, p.b.index) for p in pairs]
    assert keys == sorted(keys) and all(a < b for a, b in keys)


def _large_brief(sentences: int):
    """A brief of distinct sentences with a few planted copies and edits."""
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choices(letters, k=rng.randint(6, 10))) for _ in range(3000)]
    lines = ["Key Points", "- Leaders meet in Paris on January 6 for talks on security."]
    lines.append("Summary")
    planted = []
    body = [" ".join(rng.sample(words, 10)).capitalize() + "." for _ in range(sentences)]
    for n in range(0, sentences, 97):
        source = body[n]
        edited = source.split()
        edited[3] = "changed"
        planted.append(source)
        planted.append(" ".join(edited))
    lines.append(" ".join(planted[:2]))
    lines.append("Body")
    lines += [" ".join(body[i : i + 5]) for i in range(0, len(body), 5)]
    lines.append(" ".join(planted[2:]))
    lines += ["Conclusion", "The talks in Paris end on January 7."]
    return load("\n".join(lines) + "\n", "large.en.txt", None, "en")


def test_candidate_generation_finds_the_pairs_exact_scoring_finds(monkeypatch):
    brief = _large_brief(1500)
    monkeypatch.setattr(align_module, "EXACT_LIMIT", 10**6)
    exact = align(brief, min_score=0.75)
    monkeypatch.setattr(align_module, "EXACT_LIMIT", 10)
    indexed = align(brief, min_score=0.75)
    assert len(exact) > 30
    assert indexed == exact


def test_text_of_chooses_what_is_compared():
    brief = load(SEED.read_text(encoding="utf-8"), str(SEED), None, "auto")
    n = len(brief.sentences)
    same = align(brief, min_score=0.99, text_of=lambda s: "the same three content words")
    assert len(same) == n * (n - 1) // 2
    assert align(brief, min_score=0.99, text_of=lambda s: "two words") == []


def _keep_best(pairs, section_of, across, within):
    """The plain way: every aligned pair, then per later sentence the best few (score, then
    earliest) from earlier sections and from its own."""
    found = {}
    for a, b, score in pairs:
        same = section_of[a] == section_of[b]
        found.setdefault((b, same), []).append((-score, a))
    return sorted((a, b, -negated) for (b, same), matches in found.items()
                  for negated, a in sorted(matches)[: within if same else across])


def _repetitive_brief(seed: int):
    """Sections drawn from a small pool of sentences and their one-word edits: many copies,
    ties of score, copies within a section and long sections; and sentences said once
    (most of a real brief's), with neither copy nor paraphrase."""
    rng = random.Random(seed)
    words = [f"w{n}q" for n in range(40)]
    pool = [" ".join(rng.sample(words, 6)) for _ in range(12)]
    pool += [s.rsplit(" ", 1)[0] + " changed" for s in pool[:6]]
    pool += [f"once{n}a once{n}b once{n}c once{n}d" for n in range(12)]
    lines = ["Key Points", *(f"- {rng.choice(pool).capitalize()}." for _ in range(3)), "Summary"]
    lines.append(" ".join(rng.choice(pool).capitalize() + "." for _ in range(3)))
    for n in range(rng.randint(3, 30)):
        lines.append(f"Part {n}")
        lines.append(" ".join(rng.choice(pool).capitalize() + "." for _ in range(rng.choice([1, 3, 40]))))
    lines += ["Conclusion", rng.choice(pool).capitalize() + "."]
    return load("\n".join(lines) + "\n", "repetitive.en.txt", "text", "en")


def test_best_earlier_keeps_what_keeping_the_best_of_every_pair_keeps(monkeypatch):
    for seed in range(12):
        for limit in (align_module.EXACT_LIMIT, 3):
            monkeypatch.setattr(align_module, "EXACT_LIMIT", limit)
            brief = _repetitive_brief(seed)
            sections = [s for s in brief.sections if s.sentences]
            section_of = {s.index: n for n, section in enumerate(sections) for s in section.sentences}
            for across, within in ((3, 1), (1, 2), (2, 0)):
                kept = align_module.best_earlier(brief, sections, min_score=0.6, across=across, within=within)
                every = align_module.aligned_indices(brief, min_score=0.6)
                assert kept == _keep_best(every, section_of, across, within), (seed, limit)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=9).map(sorted),
                max_size=12),
       st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.65, 2 / 3, 0.8, 1.0]))
def test_neighbours_scored_a_key_against_all_later_ones_are_those_scored_pair_by_pair(keys, min_score):
    """`_Stems.neighbours` scores each key against the later ones in one rapidfuzz call
    (`process.extract`); the plain way calls the scorer on each pair."""
    from rapidfuzz.distance import Indel

    plain = [[(1.0, k)] for k in range(len(keys))]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            score = Indel.normalized_similarity(keys[i], keys[j], score_cutoff=min_score)
            if score:
                plain[i].append((round(score, 3), j))
                plain[j].append((round(score, 3), i))
    for found in plain:
        found.sort(key=lambda p: (-p[0], p[1]))
    stems = align_module._Stems.__new__(align_module._Stems)
    stems.keys = keys
    assert stems.neighbours(min_score) == plain


def test_keys_longer_than_a_sentence_pair_with_their_verbatim_copies_only(monkeypatch):
    """Pieces of a text without full stops (hundreds of stems) are not scored as
    paraphrases: in every path, one differing by a stem is no pair, a copy is one key."""
    long = [f"w{n:03d}" for n in range(align_module.MAX_STEMS + 1)]
    edited = sorted([*long[1:], "zzz"])
    short = ["a", "b", "c", "d"]
    for limit in (10**6, 0):  # every pair scored, and candidate generation
        monkeypatch.setattr(align_module, "EXACT_LIMIT", limit)
        stems = align_module._Stems.__new__(align_module._Stems)
        stems.keys = [long, edited, short, ["a", "b", "c", "e"]]
        found = stems.neighbours(0.65)
        assert found[0] == [(1.0, 0)] and found[1] == [(1.0, 1)], limit
        assert found[2] == [(1.0, 2), (0.75, 3)], limit  # a sentence still pairs


def test_c_stemmer_gives_the_pure_python_stems_on_every_word_of_the_samples_and_corpus():
    """PyStemmer (a dependency, for speed) and snowballstemmer's own Python stemmers must
    agree: a platform without PyStemmer's wheel falls back to the latter, with the same
    findings."""
    import Stemmer
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.french_stemmer import FrenchStemmer

    root = SEED.parent.parent
    files = [*root.glob("samples/**/*.*"), *root.glob("benchmarks/accuracy/corpus/*.*")]
    words = {lang: set() for lang in ("en", "fr")}
    for path in files:
        lang = "fr" if ".fr." in path.name else "en"
        words[lang].update(fold(path.read_text(encoding="utf-8", errors="replace")).split())
    assert min(len(w) for w in words.values()) > 1000
    for lang, python in (("en", EnglishStemmer()), ("fr", FrenchStemmer())):
        c = Stemmer.Stemmer({"en": "english", "fr": "french"}[lang])
        differ = {w for w in words[lang] if c.stemWord(w) != python.stemWord(w)}
        assert not differ, sorted(differ)[:20]


def test_stems_come_from_the_c_stemmer():
    stemmer = align_module._stemmer("fr")
    assert type(stemmer).__module__ == "Stemmer"


def test_the_best_in_a_stretch_are_the_best_scores_then_the_earliest_sentences():
    """`best_earlier`'s search of a stretch of sentences, against reading every sentence:
    a tie between two keys goes to the earlier sentence, whichever key comes first."""
    rng = random.Random(0)
    for _ in range(5000):
        pool = rng.sample(range(40), 32)
        occurrences = [sorted(pool[8 * k : 8 * k + rng.randint(1, 8)]) for k in range(4)]
        others = rng.sample(range(4), 4)
        levels = [(0.9, others[:2]), (0.7, others[2:])]
        start, count = rng.randint(0, 20), rng.randint(1, 3)
        stop = rng.randint(start, 40)
        expected = []
        for score, keys in levels:
            tied = sorted(a for k in keys for a in occurrences[k] if start <= a < stop)
            expected += [(a, score) for a in tied[: count - len(expected)]]
        assert align_module._best_in(levels, occurrences, start, stop, count) == expected


def test_a_sentence_met_again_is_compared_as_its_brief_s_language_reads_it():
    # (a sentence's stems are kept once the run meets it again, by its text and language:
    # the English stemmer reads "avancent" as "avance", the French one does not)
    text = "Key Points\n- Les réformes nationales avancent.\nSummary\nLa réforme nationale avance.\n"
    for lang in ["fr", "en"] * 3:
        (pair,) = align(load(text, "x.txt", "text", lang), min_score=0.1)
        assert (pair.score == 1.0) == (lang == "en")

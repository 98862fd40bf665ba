"""The score is a Dice coefficient of stems, and candidate generation finds copies however
far back they are, as long as they share a stem that is not frequent."""

from __future__ import annotations

import random

import pytest

from checker import align as align_module
from checker.align import align, similarity
from checker.config import RedundancyConfig
from checker.loaders import load


def test_score_is_twice_the_shared_stems_over_all_stems():
    assert similarity(["a", "b", "c", "d"], ["a", "b", "c", "e", "f", "g"]) == pytest.approx(0.6)
    assert similarity(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx(4 / 6)  # multisets


def test_two_words_replaced_in_six_is_still_a_paraphrase_by_default():
    six = ["leader", "meet", "brussel", "decemb", "summit", "ukrain"]
    edited = ["minist", "meet", "brussel", "decemb", "confer", "ukrain"]
    assert similarity(six, edited) >= RedundancyConfig().paraphrase > similarity(six[:5], edited[:5])


def _brief_with_distant_copies(sentences: int = 1600, distance: int = 1000, edit: bool = True):
    """Random sentences of a 700-word vocabulary (each word in about 27 sentences, most of
    them between a sentence and its copy) and 20 copies planted `distance` sentences later,
    with their last word changed (`edit`) or verbatim."""
    rng = random.Random(3)
    vocabulary = [f"v{n}x" for n in range(700)]
    body = [" ".join(rng.sample(vocabulary, 12)) for _ in range(sentences)]
    planted = []
    for k in range(20):
        source = 10 + k * 25
        body[source + distance] = body[source].rsplit(" ", 1)[0] + " edited" if edit else body[source]
        planted.append((source, source + distance))
    lines = ["Key Points", "- Delegates meet in Geneva on March 3.", "Summary",
             "Delegates meet in Geneva on March 3 for the review.", "Body"]
    lines += [" ".join(s.capitalize() + "." for s in body[i : i + 4]) for i in range(0, sentences, 4)]
    lines += ["Conclusion", "The review ends on March 5."]
    brief = load("\n".join(lines) + "\n", "distant.en.txt", "text", "en")
    first = next(s.index for s in brief.sentences if s.text == body[0].capitalize() + ".")
    return brief, {(first + a, first + b) for a, b in planted}


def test_candidates_find_copies_far_back_when_their_stems_are_not_frequent(monkeypatch):
    brief, planted = _brief_with_distant_copies()
    exact = {(p.a.index, p.b.index) for p in align(brief, min_score=0.65)}
    assert planted <= exact
    monkeypatch.setattr(align_module, "EXACT_LIMIT", 10)
    candidates = {(p.a.index, p.b.index) for p in align(brief, min_score=0.65)}
    assert candidates == exact


def test_recent_postings_alone_would_miss_distant_copies(monkeypatch):
    # With every stem counted as frequent, only the 8 most recent sentences per stem are
    # looked up: the bound that keeps templated briefs linear, and why rare stems are exempt.
    brief, planted = _brief_with_distant_copies()
    monkeypatch.setattr(align_module, "EXACT_LIMIT", 10)
    monkeypatch.setattr(align_module, "RARE_STEM", 0)
    candidates = {(p.a.index, p.b.index) for p in align(brief, min_score=0.65)}
    assert len(planted - candidates) >= 5


def test_verbatim_copies_are_found_however_frequent_their_stems(monkeypatch):
    # Sentences with the same stems are one key: a copy never depends on the postings.
    brief, planted = _brief_with_distant_copies(edit=False)
    monkeypatch.setattr(align_module, "EXACT_LIMIT", 10)
    monkeypatch.setattr(align_module, "RARE_STEM", 0)
    candidates = {(p.a.index, p.b.index) for p in align(brief, min_score=0.65)}
    assert planted <= candidates


def test_keys_as_strings_score_as_the_stem_lists():
    """`_as_strings` codes each stem as a character: the score of two coded keys is the
    score of their stem lists (repeats, shared and unshared stems alike)."""
    from rapidfuzz.distance import Indel

    rng = random.Random(5)
    stems = [f"s{n}" for n in range(40)] + ["ab", "a", "b", "zz"]
    keys = [sorted(rng.choices(stems, k=rng.randint(1, 15))) for _ in range(300)]
    coded = align_module._as_strings(keys)
    assert all(isinstance(c, str) and len(c) == len(k) for c, k in zip(coded, keys))
    for _ in range(2000):
        a, b = rng.randrange(300), rng.randrange(300)
        assert Indel.normalized_similarity(coded[a], coded[b]) == similarity(keys[a], keys[b])


def test_keys_stay_lists_past_the_characters_there_are(monkeypatch):
    keys = [["a", "b"], ["b", "c"], ["c", "d"]]
    monkeypatch.setattr(align_module, "_MAX_CODES", 3)
    assert align_module._as_strings(keys) is keys
    monkeypatch.setattr(align_module, "_MAX_CODES", 4)
    assert align_module._as_strings(keys) == ["\x00\x01", "\x01\x02", "\x02\x03"]

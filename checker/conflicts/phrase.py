"""The same phrase with another value: a Key Point or the Summary gives a place or a person
that no other sentence of the brief states, between the same words as another section
gives one the story states again.

A summary sums the story up, so where it tells the same thing as the story ("la crise
sanitaire en Chine" / "la crise sanitaire en France"; "X a été élu président" / "Y est élu
président") with a value of its own, the summary has the wrong value. The sentences as a
whole may differ much (a lead rewords the article), so the evidence is the phrase the value
stands in, read on the sentences as `Statement.valued` has them (content words, stemmed; a
fact as its value, so that "le 3 mars" is a word of the phrase and "le 4 mars" another):

- a place, the two words before it, which say what it locates ("crise sanitaire en §p",
  "fermetures de magasins en §p", "dans la nuit de mardi à mercredi à §p"); in the story
  they may stand apart among the six words before it (`_spread`: « inscriptions …
  découvertes devant une école à §p »), since a summary condenses;
- a person, the two words after it, which say what they did or are ("§p a été élu
  président", "§p, le conducteur du véhicule"), the word either side ("nommer §p à
  Matignon"), or the two words before it, a title right before the name set aside ("la
  réforme de §p" / « la réforme du ministre de l'Éducation nationale §p »), or the start
  of the sentence and the one word that opens it when the person is "of" it (« La fille
  de §p … »; not "According to §p", which any two quotes share), or, alone, another fact
  right next to it that both sentences give the same value ("§p et Donald Trump ont
  présidé…" / « sous les yeux de §p et Donald Trump »; "§p dès le 2 mai").

Measured on the development data (`benchmarks/accuracy/realtext.py`): a place's words after
it give false errors on human-judged consistent summaries ("§p in the FA Cup": Liverpool,
Chelsea), dates and lengths most of all (a story's other days share their words: "le 15
mars" / "le 22 mars", two rounds), so those are not read here; a person's words before it
gave two ("his wife Zara Phillips" / "Zara Philipps": one person spelt two ways, so names
that share a word are no evidence of two people; "saw §date Buddy …": a fact must now have
the same value to be a word of the phrase). `_lone`'s discipline holds as in
`restatement`: the summary's value is in no other sentence, the story's in two or more.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from checker.conflicts.restatement import SUMMING_UP, comparable
from checker.conflicts.statements import Statement, Statements, value_token
from checker.facts import Fact, same_fact
from checker.lang import fold, load_pack

#: Which words around a fact make its phrase, per kind: (words before, words after).
ANCHORS = {"place": ((2, 0),), "participant": ((0, 2), (1, 1), (2, 0))}
#: Statements that must state the story's value: it is the story's, not a passing one.
STORY_TOLD = 2
#: Statements holding one phrase looked at: bounds the work on a long brief.
MAX_HOLDERS = 12


def _phrases(s: Statement, i: int, kind: str, lang: str) -> Iterator[tuple]:
    """The phrases a fact at `i` of `s.masked` stands in: its kind, which side, the words."""
    valued = s.valued
    if kind == "participant":
        # A person right next to another fact, nothing but function words between: that
        # fact alone is the phrase, when both sentences give it the same value ("§p et
        # Donald Trump ont…" / "… sous les yeux de §p et Donald Trump"; "… concernant §p
        # dès le 2 mai" / "… les agissements de §p dès le 2 mai").
        if i + 1 < len(valued) and valued[i + 1][0] == "§":
            yield kind, 0, 1, (valued[i + 1],)
        if i >= 1 and valued[i - 1][0] == "§":
            yield kind, 1, 0, (valued[i - 1],)
    for before, after in ANCHORS.get(kind, ()):
        starts = [i]
        if kind == "participant" and before:
            titled = _before_title(valued, i, lang)
            # (a title a few words before may be another noun's: « Le président brésilien
            # s'est moqué du physique de §p »: the words right before stay a phrase too,
            # unless a title is among them: "former trade minister §p" is an office, and
            # two people may hold it, one after the other)
            if titled != i:
                plain = _title_stems(lang).isdisjoint(valued[max(0, i - before): i])
                starts = [titled, i] if plain else [titled]
        for start in starts:
            if kind == "participant" and before == 2 and start == 1 and i == 1 and _of(s, i):
                # « La fille de §p … »: the sentence opens with what the person is of
                yield kind, before, after, ("^", valued[0])
                continue
            if start - before < 0 or i + after >= len(valued):
                continue
            words = valued[start - before: start] + valued[i + 1: i + 1 + after]
            if len(words) == before + after:
                yield kind, before, after, words


def phrase_conflicts(statements: Statements) -> Iterator[tuple[Fact, Fact, str]]:
    """(the summary's fact, the story's, the evidence in words) for each Key Point or Summary
    value that no other sentence states, standing in the same phrase as a value of another
    section that two statements or more state."""
    told = statements.told
    lang = statements.lang
    # The summary's lone values first (a few sentences), then only the phrases they stand
    # in are looked for in the rest (a long brief has thousands of statements).
    lone: list[tuple[tuple, Statement, Fact]] = []
    for s in statements.all.values():
        if s.kind not in SUMMING_UP:
            continue
        for i, fact in enumerate(s.holders):
            if fact is not None and fact.kind in ANCHORS and told[s.valued[i]] == 1:
                lone += [(phrase, s, fact) for phrase in _phrases(s, i, fact.kind, lang)]
    if not lone:
        return
    wanted = {phrase for phrase, _, _ in lone}
    kinds = {phrase[0] for phrase in wanted}
    near = {w for phrase in wanted for w in phrase[3]}  # (a cheap test before the phrases)
    held: dict[tuple, list[tuple[Statement, Fact]]] = defaultdict(list)
    for s in statements.all.values():
        valued = s.valued
        for i, fact in enumerate(s.holders):
            if (fact is None or fact.kind not in kinds or told[valued[i]] < STORY_TOLD
                    or near.isdisjoint(valued[max(0, i - max(SPREAD, 2 + TITLE_WINDOW)): i + 3])):
                continue
            for phrase in {*_phrases(s, i, fact.kind, lang), *_spread(s, i, fact.kind)}:
                if phrase in wanted and len(held[phrase]) < MAX_HOLDERS:
                    held[phrase].append((s, fact))
    reported: set[int] = set()
    for phrase, s, x in lone:
        if id(x) in reported:
            continue
        for t, y in held.get(phrase, ()):
            if (t.section == s.section or value_token(y) in s.valued or same_fact(x, y)
                    or not comparable(x, y, s, t, statements.lang) or _one_name(x, y)):
                continue
            reported.update((id(x), id(y)))
            yield x, y, (f"'{x.text}' and '{y.text}' stand in the same words "
                         f"('{_quoted(s, x, phrase)}'), and no other sentence of the brief "
                         f"states '{x.text}'")
            break


#: A name governed by "of" (« la fille de X », « l'avocat d'X », "the daughter of X").
_OF = re.compile(r"(?:\b(?:de|du|des|of)\s+|\bd['’]\s*)$", re.IGNORECASE)


def _of(s: Statement, i: int) -> bool:
    """Whether the fact at `i` of a statement follows "de", "d'" or "of"."""
    fact = s.holders[i]
    return fact is not None and bool(_OF.search(s.text, 0, fact.start))


#: Words before a place in the story among which the summary's two may stand apart.
SPREAD = 6


def _spread(s: Statement, i: int, kind: str) -> Iterator[tuple]:
    """A story's place phrases with words between: any two words, in order, of the SPREAD
    before it. A summary condenses what the story says of a place (« des inscriptions
    découvertes à §p » / « des inscriptions … découvertes devant une école maternelle à
    §p »): its two words stand together, the story's may not."""
    if kind != "place":
        return
    window = s.valued[max(0, i - SPREAD): i]
    for p in range(len(window) - 1):
        for q in range(p + 1, len(window)):
            yield kind, 2, 0, (window[p], window[q])


#: Words before a name looked at for its title ("du ministre de l'Éducation nationale X").
TITLE_WINDOW = 4


def _before_title(valued: tuple[str, ...], i: int, lang: str) -> int:
    """Where the words before a person at `i` start once a title and its portfolio right
    before the name are set aside: « la réforme du ministre de l'Éducation nationale X » is
    « la réforme de X »."""
    titles = _title_stems(lang)
    for k in range(i - 1, max(-1, i - 1 - TITLE_WINDOW), -1):
        if valued[k] in titles:
            return k
        if valued[k][0] == "§":
            break
    return i


@cache
def _title_stems(lang: str) -> frozenset[str]:
    """The stems of the pack's titles as `Statement.masked` has them ("ministr")."""
    from checker.align import stem, stop_words

    stop = stop_words()
    return frozenset(stem(w, lang) for title in load_pack(lang)["facts"]["titles"]
                     for w in fold(title).split() if len(w) > 1 and w not in stop)


def _one_name(x: Fact, y: Fact) -> bool:
    """Two names that share a word may be one person written otherwise ("Zara Phillips",
    "Zara Philipps"): no evidence of two."""
    return x.kind == "participant" and bool(set(fold(x.value).split()) & set(fold(y.value).split()))


def _quoted(s: Statement, x: Fact, phrase: tuple) -> str:
    """The phrase as the summary writes it: its words around the fact, the fact as '…'."""
    _, before, after, _ = phrase
    words_before = s.text[: x.start].split()[-(before + 2):] if before else []
    words_after = s.text[x.start + len(x.text):].split()[: after + 2] if after else []
    return " ".join([*words_before, "…", *words_after]).strip()

"""R3xx: text a brief repeats, from section to section and within a section.

`Repetition` is the shared view (`Analysis.redundancy`): the aligned sentence pairs
(checker/align.py) scoring at least the paraphrase threshold, the section of each
sentence, and the overlap table (share of a later section's words in sentences that repeat
an earlier one). It also gives the report's `redundancy` object. The three rules read it;
none aligns on its own, so a run aligns once.

Repetition a brief is meant to have (the Summary restating the Key Points, by default;
`[redundancy] expected` in the config) stays in the pairs and the table, so the editor
sees it on the heat map, but raises no finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.align import best_earlier
from checker.lang import fold
from checker.model import Brief, SectionKind, Sentence
from checker.report import Finding, PairEnd, Redundancy, RedundancyPair, Related, Severity
from checker.rules import Rule, related

if TYPE_CHECKING:
    from checker.analysis import Analysis


#: Earlier copies kept per sentence, best first: a sentence pasted fifty times needs not
#: fifty pointers (nor the report fifty pairs); the closest few say where to cut.
MAX_RELATED = 3


def _words(sentence: Sentence) -> int:
    return len(fold(sentence.text).split())


class Repetition:
    """Which sentences repeat which, by section; computed once per brief.

    Sentences are numbers (their index), sections too (their position in `sections`), and
    pairs (a, b, score) tuples: a long brief has hundreds of thousands of pairs, and one pass
    over them sorts out what the three rules and the report read."""

    def __init__(self, analysis: Analysis):
        self.settings = analysis.config.redundancy
        brief = analysis.brief
        self.sentences = brief.sentences
        sections = [s for s in brief.sections if s.kind != SectionKind.TITLE]
        self.sections = sections
        #: The position in `sections` of each sentence of the brief (-1: the title's).
        self.section_no = section_no = [-1] * len(self.sentences)
        for n, section in enumerate(sections):
            for sentence in section.sentences:
                section_no[sentence.index] = n
        #: (a, b, score), sentence indices, sorted (`_best`).
        self.pairs = self._best(brief)
        self._related: dict[int, Related] = {}
        self._words: dict[int, tuple[dict[int, int], int]] = {}
        # The kinds of section each section is meant to repeat (config `expected`), by
        # position in `sections`; each kind's name read once (an Enum's `.value` is slow).
        names = [s.kind.value for s in sections]
        meant = [self.settings.expected.get(name, ()) for name in names]
        #: repeated[later][earlier]: the sentences of section `later` repeating `earlier`.
        self.repeated: dict[int, dict[int, set[int]]] = {}
        #: Per sentence repeating earlier sections it is not meant to: (score, a, section).
        self.earlier_of: dict[int, list[tuple[float, int, int]]] = {}
        #: Per sentence repeating an earlier one of its own section: the first (a, score).
        self.within: dict[int, tuple[int, float]] = {}
        #: Per section repeating earlier sections it is not meant to: its sentences that do,
        #: and those sections (gathered here, in the one pass over the pairs).
        self._unexpected: dict[int, tuple[set[int], set[int]]] = {}
        for a, b, score in self.pairs:
            later, earlier = section_no[b], section_no[a]
            if later == earlier:
                if b not in self.within:
                    self.within[b] = (a, score)
                continue
            by_earlier = self.repeated.get(later)
            if by_earlier is None:
                by_earlier = self.repeated[later] = {}
            indices = by_earlier.get(earlier)
            if indices is None:
                indices = by_earlier[earlier] = set()
            indices.add(b)
            if names[earlier] not in meant[later]:
                found = self.earlier_of.get(b)
                if found is None:
                    found = self.earlier_of[b] = []
                found.append((score, a, earlier))
                unexpected = self._unexpected.get(later)
                if unexpected is None:
                    unexpected = self._unexpected[later] = (set(), set())
                unexpected[0].add(b)
                unexpected[1].add(earlier)
        self.overlap = self._overlap()

    def _best(self, brief: Brief) -> list[tuple[int, int, float]]:
        """Per sentence, its MAX_RELATED best earlier matches in other sections and its best
        one in its own section: a long brief that pastes one paragraph a thousand times must
        not give a million pairs, and a copy within a section must not hide the earlier
        section it came from."""
        return best_earlier(
            brief, self.sections, min_score=self.settings.paraphrase, across=MAX_RELATED, within=1
        )

    def related(self, index: int) -> Related:
        """A sentence as a finding's `related`: one record per sentence, however many
        findings point at it (a sentence pasted a thousand times is everyone's original)."""
        found = self._related.get(index)
        if found is None:
            sentence = self.sentences[index]
            section = self.sections[self.section_no[index]].id
            found = self._related[index] = related(sentence.span, section, sentence.text)
        return found

    def _share(self, n: int, indices: set[int]) -> float:
        """Share of section `n`'s words in its sentences `indices` (counted once a section)."""
        found = self._words.get(n)
        if found is None:
            words = {s.index: _words(s) for s in self.sections[n].sentences}
            found = self._words[n] = (words, sum(words.values()) or 1)
        words, total = found
        return sum(map(words.__getitem__, indices)) / total

    def _overlap(self) -> dict[str, dict[str, float]]:
        """overlap[later][earlier]: share of `later`'s words in sentences repeating `earlier`."""
        sections = self.sections
        return {
            sections[later].id: {
                sections[earlier].id: round(self._share(later, indices), 3)
                for earlier, indices in sorted(by_earlier.items())
            }
            for later, by_earlier in sorted(self.repeated.items())
        }

    def unexpected_share(self, n: int) -> tuple[float, list[int]]:
        """Share of section `n`'s words in sentences repeating earlier sections it is not
        meant to repeat, and those sections' positions, in brief order."""
        found = self._unexpected.get(n)
        if found is None:
            return 0.0, []
        covered, sources = found
        return self._share(n, covered), sorted(sources)

    def report(self) -> Redundancy:
        """The `redundancy` object of the JSON report."""
        ends: dict[int, PairEnd] = {}  # one per sentence, shared by its pairs
        sections, section_no, sentences = self.sections, self.section_no, self.sentences

        def end(index: int) -> PairEnd:
            found = ends[index] = PairEnd(
                section=sections[section_no[index]].id, line=sentences[index].span.line
            )
            return found

        get = ends.get
        return Redundancy(
            pairs=tuple(
                RedundancyPair(a=get(a) or end(a), b=get(b) or end(b), score=score)
                for a, b, score in self.pairs
            ),
            overlap=self.overlap,
        )


def _kind(score: float, verbatim: float) -> str:
    return "verbatim" if score >= verbatim else "close paraphrase"


class RepeatedSentence(Rule):
    """A sentence repeats, word for word or nearly, a sentence of an earlier section.

    ## What it does
    Compares every sentence with the sentences of the earlier sections (case, accents,
    punctuation, little words and word endings ignored) and reports the later one when the
    score reaches `[redundancy] paraphrase` (0.65); at `verbatim` (0.9) it is called a
    verbatim copy. The Summary restating the Key Points is expected and not reported
    (`[redundancy] expected`). The finding points at the later sentence; `related` is the
    earlier one (the best three when it repeats several).

    ## Why is this bad?
    Each section of a brief should add something. A sentence copied from the Summary into the
    body makes the reader read it twice and is a sign of machine-written padding.

    ## Example
    Bad (the body's first sentence is the Summary's):
    ```text
    Résumé Rapide
    Les alliés rencontrent le président Zelensky à Paris le 6 janvier.
    Le Sommet
    Les alliés rencontrent le président Zelensky à Paris le 6 janvier. ...
    ```
    Good: the body goes further instead of repeating:
    ```text
    Le Sommet
    La réunion doit fixer le rôle de chaque pays dans les garanties de sécurité. ...
    ```
    """

    code = "R301"
    name = "repeated-sentence"
    category = "redundancy"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        repetition = analysis.redundancy
        sections, sentences = repetition.sections, repetition.sentences
        verbatim = repetition.settings.verbatim
        for index, matches in sorted(repetition.earlier_of.items()):
            matches.sort(key=_best_first)
            score, _, section = matches[0]
            yield self.finding(
                f"sentence repeats one of '{sections[section].label}' "
                f"({_kind(score, verbatim)}, score {score:.2f})",
                sentences[index].span,
                sections[repetition.section_no[index]].id,
                related=tuple(repetition.related(a) for _, a, _ in matches),
            )


def _best_first(match: tuple[float, int, int]) -> tuple[float, int]:
    """Matches (score, a, section) by score, then earliest."""
    return -match[0], match[1]


class SectionOverlap(Rule):
    """Much of a section repeats what earlier sections already said.

    ## What it does
    Adds up the words of a section's sentences that repeat a sentence of an earlier section
    (as R301 finds them, expected repetition excluded) and reports the section when that
    share reaches `[redundancy] section_overlap` (20%). The finding points at the section's
    heading; `related` names the sections it repeats. The report's `redundancy.overlap`
    table holds the share for every pair of sections.

    ## Why is this bad?
    A section that mostly re-says the Summary adds length, not information: the editor
    should cut it or merge it.

    ## Example
    Bad (half of the section is the Summary again):
    ```text
    Summary
    Leaders meet in Paris on January 6. The talks aim at security guarantees.
    The Summit
    Leaders meet in Paris on January 6. Delegations arrive in the morning.
    ```
    Good: the section tells what the Summary does not:
    ```text
    The Summit
    Delegations from thirty countries arrive in the morning. The press conference is at six.
    ```
    """

    code = "R302"
    name = "section-overlap"
    category = "redundancy"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        repetition = analysis.redundancy
        sections = repetition.sections
        heading: dict[int, Related] = {}  # one per section, shared by the findings naming it

        def related_heading(n: int) -> Related:
            found = heading.get(n)
            if found is None:
                s = sections[n]
                found = heading[n] = related(s.heading_span or s.span, s.id, s.heading or s.label)
            return found

        for n, section in enumerate(sections):
            share, sources = repetition.unexpected_share(n)
            if not sources or share < repetition.settings.section_overlap:
                continue
            overlap = repetition.overlap[section.id]
            parts = ", ".join(
                f"'{sections[s].label}' {overlap[sections[s].id]:.0%}" for s in sources
            )
            yield self.finding(
                f"{share:.0%} of the words of '{section.label}' repeat earlier sections: {parts}",
                section.heading_span or section.span,
                section.id,
                related=tuple(map(related_heading, sources)),
            )


class RepeatedWithinSection(Rule):
    """A sentence repeats another sentence of the same section.

    ## What it does
    Reports a sentence whose score against an earlier sentence of the same section reaches
    `[redundancy] paraphrase`. It is information, not a warning: a bullet list may
    legitimately echo a phrase.

    ## Why is this bad?
    Saying the same thing twice in one section is usually an editing slip (a sentence kept in
    two wordings) and wastes the reader's time.

    ## Example
    Bad:
    ```text
    Conclusion
    The summit will test the allies' unity. The meeting will test the unity of the allies.
    ```
    Good:
    ```text
    Conclusion
    The summit will test the allies' unity. Its outcome will shape the spring talks.
    ```
    """

    code = "R303"
    name = "repeated-within-section"
    category = "redundancy"
    severity = Severity.INFO

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        repetition = analysis.redundancy
        sections, sentences = repetition.sections, repetition.sentences
        verbatim = repetition.settings.verbatim
        for b, (a, score) in repetition.within.items():
            yield self.finding(
                f"sentence repeats an earlier one of the same section "
                f"({_kind(score, verbatim)}, score {score:.2f})",
                sentences[b].span,
                sections[repetition.section_no[b]].id,
                related=(repetition.related(a),),
            )


RULES = [RepeatedSentence, SectionOverlap, RepeatedWithinSection]

"""Which sentences of a brief repeat which, by section: the view the redundancy rules (R3xx)
and the report's `redundancy` object share (`Analysis.redundancy`).

It holds the aligned sentence pairs (checker/align.py) scoring at least the paraphrase
threshold, the section of each sentence, and the overlap table (share of a later section's
words in sentences that repeat an earlier one). Repetition a brief is meant to have (the
Summary restating the Key Points, by default; `[redundancy] expected` in the config) stays in
the pairs and the table, so the editor sees it on the heat map; the rules raise nothing for
it. Below `checker.rules`, which reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.align import best_earlier
from checker.lang import fold
from checker.model import Brief, SectionKind, Sentence
from checker.report import PairEnd, Redundancy, RedundancyPair, Related

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
            found = self._related[index] = Related(section=section, line=sentence.span.line,
                                                   column=sentence.span.column, text=sentence.text)
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

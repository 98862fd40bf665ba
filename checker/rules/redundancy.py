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

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.align import SentencePair, best_earlier
from checker.lang import fold
from checker.model import Brief, Section, SectionKind, Sentence
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
    """Which sentences repeat which, by section; computed once per brief."""

    def __init__(self, analysis: Analysis):
        self.settings = analysis.config.redundancy
        brief = analysis.brief
        sections = [s for s in brief.sections if s.kind != SectionKind.TITLE]
        self.sections = sections
        self.section_of: dict[int, Section] = {
            sentence.index: section for section in sections for sentence in section.sentences
        }
        self.order = {section.id: n for n, section in enumerate(sections)}
        #: Words of each sentence, counted once (the overlap table and R302 weigh by them).
        self.words = {s.index: _words(s) for section in sections for s in section.sentences}
        self.pairs = self._best(brief)
        self._expected: dict[tuple[SectionKind, SectionKind], bool] = {}
        section_of = self.section_of
        self._across = [
            (pair, section_of[pair.a.index], section_of[pair.b.index])
            for pair in self.pairs
            if section_of[pair.a.index] is not section_of[pair.b.index]
        ]
        self._related: dict[int, Related] = {}
        self.overlap = self._overlap()
        self._unexpected = self._unexpected_repeats()

    def _best(self, brief: Brief) -> list[SentencePair]:
        """Per sentence, its MAX_RELATED best earlier matches in other sections and its best
        one in its own section: a long brief that pastes one paragraph a thousand times must
        not give a million pairs, and a copy within a section must not hide the earlier
        section it came from."""
        sentences = brief.sentences
        kept = best_earlier(
            brief, self.sections, min_score=self.settings.paraphrase, across=MAX_RELATED, within=1
        )
        return [SentencePair(sentences[a], sentences[b], score) for a, b, score in kept]

    def sections_of(self, pair: SentencePair) -> tuple[Section, Section]:
        return self.section_of[pair.a.index], self.section_of[pair.b.index]

    def expected(self, later: Section, earlier: Section) -> bool:
        """True when `later` is meant to repeat `earlier` (config `expected`)."""
        kinds = (later.kind, earlier.kind)
        if kinds not in self._expected:
            self._expected[kinds] = earlier.kind.value in self.settings.expected.get(later.kind.value, ())
        return self._expected[kinds]

    def across(self) -> Iterator[tuple[SentencePair, Section, Section]]:
        """Pairs whose sentences are in different sections: (pair, earlier, later)."""
        return iter(self._across)

    def related(self, sentence: Sentence) -> Related:
        """A sentence as a finding's `related`: one record per sentence, however many
        findings point at it (a sentence pasted a thousand times is everyone's original)."""
        found = self._related.get(sentence.index)
        if found is None:
            section = self.section_of[sentence.index].id
            found = self._related[sentence.index] = related(sentence.span, section, sentence.text)
        return found

    def _overlap(self) -> dict[str, dict[str, float]]:
        """overlap[later][earlier]: share of `later`'s words in sentences repeating `earlier`."""
        repeated: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for pair, earlier, later in self.across():
            repeated[later.id][earlier.id].add(pair.b.index)
        table: dict[str, dict[str, float]] = {}
        for section in self.sections:
            if section.id not in repeated:
                continue
            words = self.words
            total = sum(words[s.index] for s in section.sentences) or 1
            table[section.id] = {
                earlier: round(sum(words[i] for i in indices) / total, 3)
                for earlier, indices in sorted(repeated[section.id].items(), key=lambda kv: self.order[kv[0]])
            }
        return table

    def _unexpected_repeats(self) -> dict[str, tuple[set[int], list[str]]]:
        """Per later section: its sentences repeating sections it is not meant to repeat,
        and those sections' ids in brief order."""
        found: dict[str, tuple[set[int], list[str]]] = {}
        expected = self.expected
        for pair, earlier, later in self.across():
            if expected(later, earlier):
                continue
            covered, sources = found.setdefault(later.id, (set(), []))
            covered.add(pair.b.index)
            if earlier.id not in sources:
                sources.append(earlier.id)
        return found

    def unexpected_share(self, section: Section) -> tuple[float, list[str]]:
        """Share of a section's words in sentences repeating earlier sections it is not
        meant to repeat, and those sections' ids."""
        covered, sources = self._unexpected.get(section.id, (set(), []))
        if not covered:
            return 0.0, []
        words = self.words
        total = sum(words[s.index] for s in section.sentences) or 1
        share = sum(words[s.index] for s in section.sentences if s.index in covered) / total
        return share, sorted(sources, key=self.order.__getitem__)

    def report(self) -> Redundancy:
        """The `redundancy` object of the JSON report."""
        ends: dict[int, PairEnd] = {}  # one per sentence, shared by its pairs

        def end(sentence: Sentence) -> PairEnd:
            found = ends.get(sentence.index)
            if found is None:
                section = self.section_of[sentence.index].id
                found = ends[sentence.index] = PairEnd(section=section, line=sentence.span.line)
            return found

        return Redundancy(
            pairs=tuple(RedundancyPair(a=end(p.a), b=end(p.b), score=p.score) for p in self.pairs),
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
        earlier_of: dict[int, list[tuple[SentencePair, Section]]] = defaultdict(list)
        later_section: dict[int, Section] = {}
        expected = repetition.expected
        for pair, earlier, later in repetition.across():
            if not expected(later, earlier):
                earlier_of[pair.b.index].append((pair, earlier))
                later_section[pair.b.index] = later
        for index, matches in sorted(earlier_of.items()):
            matches.sort(key=lambda m: (-m[0].score, m[0].a.index))
            best, section = matches[0]
            kind = _kind(best.score, repetition.settings.verbatim)
            yield self.finding(
                f"sentence repeats one of '{section.label}' ({kind}, score {best.score:.2f})",
                best.b.span,
                later_section[index].id,
                related=tuple(repetition.related(p.a) for p, _ in matches),
            )


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
        by_id = {section.id: section for section in repetition.sections}
        for section in repetition.sections:
            share, sources = repetition.unexpected_share(section)
            if not sources or share < repetition.settings.section_overlap:
                continue
            earlier = [by_id[s] for s in sources]
            parts = ", ".join(
                f"'{s.label}' {repetition.overlap[section.id][s.id]:.0%}" for s in earlier
            )
            yield self.finding(
                f"{share:.0%} of the words of '{section.label}' repeat earlier sections: {parts}",
                section.heading_span or section.span,
                section.id,
                related=tuple(
                    related(s.heading_span or s.span, s.id, s.heading or s.label) for s in earlier
                ),
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
        reported: set[int] = set()
        for pair in repetition.pairs:
            earlier, later = repetition.sections_of(pair)
            if earlier.id != later.id or pair.b.index in reported:
                continue
            reported.add(pair.b.index)
            kind = _kind(pair.score, repetition.settings.verbatim)
            yield self.finding(
                f"sentence repeats an earlier one of the same section ({kind}, score {pair.score:.2f})",
                pair.b.span,
                later.id,
                related=(repetition.related(pair.a),),
            )


RULES = [RepeatedSentence, SectionOverlap, RepeatedWithinSection]

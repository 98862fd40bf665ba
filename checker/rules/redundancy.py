"""R3xx: text a brief repeats, from section to section and within a section.

The three rules read `Analysis.redundancy` (`checker.repetition.Repetition`: the aligned
sentence pairs, the section of each sentence, the overlap table); none aligns on its own, so
a run aligns once. Repetition a brief is meant to have (the Summary restating the Key Points,
by default; `[redundancy] expected` in the config) raises no finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.lang import fold
from checker.report import Finding, Related, Severity
from checker.rules import Rule, related

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.repetition import Repetition


def _how(later: str, earlier: str, score: float, verbatim: float) -> str:
    """How a sentence repeats an earlier one, as its message says it. "verbatim" only when
    the words are the same (case, accents and punctuation aside); a near copy names the words
    that differ, which may be the very fact two sections disagree on ("7" here, "6" there)."""
    if fold(later).split() == fold(earlier).split():
        return f"verbatim, score {score:.2f}"
    if score < verbatim:
        return f"close paraphrase, score {score:.2f}"
    return f"near copy, score {score:.2f}: {_differences(later, earlier)}"


#: Differences named in a near copy's message; the rest are counted.
MAX_DIFFERENCES = 3


def _differences(later: str, earlier: str) -> str:
    """The words of `later` that differ from `earlier`'s, at most MAX_DIFFERENCES stretches."""
    from difflib import SequenceMatcher

    a = [w for w in later.split() if fold(w)]
    b = [w for w in earlier.split() if fold(w)]
    matcher = SequenceMatcher(None, [fold(w) for w in a], [fold(w) for w in b], autojunk=False)
    stretches = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        here, there = _words_of(a[i1:i2]), _words_of(b[j1:j2])
        stretches.append(f"'{here}' here, '{there}' there" if here and there
                         else f"'{here}' added" if here else f"'{there}' left out")
    shown = "; ".join(stretches[:MAX_DIFFERENCES])
    more = len(stretches) - MAX_DIFFERENCES
    return shown + (f"; and {more} more" if more > 0 else "")


def _words_of(words: list[str]) -> str:
    """Words as quoted in a message: without the punctuation that ends a sentence."""
    return " ".join(words).strip(".,;:!?»«\"'() ")


def _repeats(repetition: Repetition, index: int, matches: list[tuple[float, int, int]]) -> str:
    """What a message says a sentence repeats: how (`_how`) it repeats each earlier sentence
    its finding lists, so that the message is true of every one."""
    sections, sentences = repetition.sections, repetition.sentences
    verbatim = repetition.settings.verbatim
    return " and one of ".join(
        f"'{sections[section].label}' "
        f"({_how(sentences[index].text, sentences[a].text, score, verbatim)})"
        for score, a, section in matches
    )


class RepeatedSentence(Rule):
    """A sentence repeats, word for word or nearly, a sentence of an earlier section.

    ## What it does
    Reports a sentence that repeats one of an earlier section: a verbatim copy (the same
    words), a near copy (the message names the words that differ: "'7' here, '6' there") or
    a close paraphrase. The Summary restating the Key Points is expected and not reported
    (`[redundancy] expected`). The finding points at the later sentence; `related` is the
    earlier one (the best three), and the message says how it repeats each.

    ## How it decides
    Sentences are compared as their content words (case, accents, punctuation, little words,
    one-letter words and word endings aside): a score of `[redundancy] paraphrase` (0.65) or
    more is a repetition, `verbatim` (0.9) or more a near copy, unless the words are the same.
    One-digit numbers are one-letter words: "le 6 janvier" and "le 7 janvier" score 1.00, and
    the message says they differ.

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

    ## How to fix
    Cut the repeated sentence, or rewrite it so that it adds something (a detail, a
    consequence); the related locations point at the earlier copy. The Summary may
    restate the Key Points: that is expected and not reported (`expected` in the
    `[redundancy]` config).
    """

    code = "R301"
    name = "repeated-sentence"
    category = "redundancy"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        repetition = analysis.redundancy
        sections, sentences = repetition.sections, repetition.sentences
        for index, matches in sorted(repetition.earlier_of.items()):
            matches.sort(key=_best_first)
            yield self.finding(
                f"sentence repeats one of {_repeats(repetition, index, matches)}",
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

    ## How to fix
    Rewrite the section so that most of it says something the earlier sections did not;
    the message lists the sections it repeats and how much of each. The thresholds are
    `section_overlap`, `verbatim` and `paraphrase` in the `[redundancy]` config.
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

    ## How to fix
    Cut one of the two sentences, or merge them into one.
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
                f"({_how(sentences[b].text, sentences[a].text, score, verbatim)})",
                sentences[b].span,
                sections[repetition.section_no[b]].id,
                related=(repetition.related(a),),
            )


RULES = [RepeatedSentence, SectionOverlap, RepeatedWithinSection]

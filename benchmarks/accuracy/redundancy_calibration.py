"""Calibration of the redundancy scores: where the paraphrase threshold should sit, and why.

`benchmarks/accuracy/redundancy.py` measures the rules at their defaults; this script shows
the evidence behind the defaults, on the same clean corpus (`corpus/labels.json` minus the
seed, which repeats itself on purpose and is counted apart). It builds its own injections:
each sentence of six words or more of a Key Points, Summary or body section is pasted into a
later section not meant to repeat it (a later body section or the Conclusion, seeded
choice), once as a copy and once with two words edited, each edit replacing, deleting or
adding a word (new words come from the other briefs of the same language).

It prints three tables:

1. score distributions per scoring function: the highest scores between sentences of a
   clean brief that are in sections not meant to repeat each other (the false positives a
   threshold must stay above), and low percentiles of the two-word edits (the paraphrases it
   must stay below). Scorers: `checker.align.similarity` as shipped (Dice coefficient of the
   stems), and the letter-level `token_sort_ratio` of the stems it replaced;
2. a sweep of the paraphrase threshold, end to end through the R3xx rules (recall means R301
   points at the pasted sentence and names its source among `related`);
3. the rules at the shipped defaults.

    python benchmarks/accuracy/redundancy_calibration.py       (-v lists misses and warnings;
                                                               --sweep prints table 2 only)
"""

from __future__ import annotations

import argparse
import statistics
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from mutate import clean_briefs  # noqa: E402

from checker import check_text  # noqa: E402
from checker.config import Config, RedundancyConfig  # noqa: E402
from checker.loaders import load  # noqa: E402
from checker.align import normalise_tokens, similarity  # noqa: E402
from checker.model import SectionKind  # noqa: E402

SEED = "samples/paris-summit.fr.txt"
SOURCE_KINDS = (SectionKind.KEY_POINTS, SectionKind.SUMMARY, SectionKind.BODY)
TARGET_KINDS = (SectionKind.BODY, SectionKind.CONCLUSION)
#: Sentences shorter than this are not injected: a five-word sentence edited twice is new.
MIN_WORDS = 6
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Injection:
    path: str
    lang: str
    variant: str  # "copy" or "edit2"
    source: str  # the sentence copied
    source_line: int
    pasted: str  # what was pasted (the copy or the edited copy)
    line: int  # where it was pasted
    text: str  # the whole brief with it


def edit_two_words(sentence: str, vocabulary: list[str], rng: random.Random) -> str:
    """The sentence with two of its words each replaced, deleted, or followed by a new word."""
    words = sentence.split(" ")
    positions = [i for i, w in enumerate(words) if _WORD.fullmatch(w.strip(".,;:!?«»\"'()"))]
    for i in rng.sample(positions, 2):
        operation = rng.choice(("replace", "delete", "add"))
        if operation == "replace":
            words[i] = rng.choice(vocabulary)
        elif operation == "delete":
            words[i] = ""
        else:
            words[i] = f"{words[i]} {rng.choice(vocabulary)}"
    edited = " ".join(w for w in words if w)
    # A lower-case first word would join the sentence to the previous one (splitter, not R301).
    edited = edited[0].upper() + edited[1:]
    return edited if edited.endswith((".", "!", "?")) else edited.rstrip(",;:") + "."


def _targets(brief, n: int) -> list:
    expected = RedundancyConfig().expected
    source = brief.sections[n]
    return [
        t
        for t in brief.sections[n + 1 :]
        if t.kind in TARGET_KINDS and source.kind.value not in expected.get(t.kind.value, ())
    ]


def injections(path: str, text: str, vocabulary: list[str], rng: random.Random) -> list[Injection]:
    """One copy and one two-word edit of each long enough sentence of the source sections."""
    brief = load(text, path, None, "auto")
    found = []
    for n, source in enumerate(brief.sections):
        targets = _targets(brief, n)
        if source.kind not in SOURCE_KINDS or not targets:
            continue
        for sentence in source.sentences:
            if len(sentence.text.split()) < MIN_WORDS:
                continue
            target = rng.choice(targets)
            paragraph = rng.choice([p for p in target.paragraphs if not p.bullet])
            variants = {"copy": sentence.text,
                        "edit2": edit_two_words(sentence.text, vocabulary, rng)}
            for variant, pasted in variants.items():
                at = paragraph.span.end
                found.append(Injection(
                    path, brief.lang, variant, sentence.text, sentence.span.line, pasted,
                    text.count("\n", 0, at) + 1, text[:at] + " " + pasted + text[at:],
                ))
    return found


def unrelated_pairs(path: str, text: str) -> list[tuple[str, str, str]]:
    """(lang, earlier, later) sentences of a clean brief in sections not meant to repeat
    each other: every score among them is a false positive if it reaches the threshold."""
    brief = load(text, path, None, "auto")
    pairs = []
    for n, earlier in enumerate(brief.sections):
        for later in brief.sections[n + 1 :]:
            if earlier.kind.value in RedundancyConfig().expected.get(later.kind.value, ()):
                continue
            pairs += [(brief.lang, a.text, b.text) for a in earlier.sentences for b in later.sentences]
    return pairs


def token_sort(a: list[str], b: list[str]) -> float:
    """Letter-level score of the sorted, joined stems (rapidfuzz token_sort_ratio): the score
    shipped before the Dice coefficient, kept here for comparison."""
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) / 100 if a and b else 0.0


SCORERS = {"checker.align.similarity (Dice of stems)": similarity,
           "letter-level token_sort_ratio of stems": token_sort}


def found(injection: Injection, config: Config) -> bool:
    report = check_text(injection.text, injection.path, None, config)
    return any(
        f.code == "R301"
        and f.location.line == injection.line
        and any(r.line == injection.source_line for r in f.related)
        for f in report.findings
    )


def warnings(text: str, path: str, config: Config) -> list:
    report = check_text(text, path, None, config)
    return [f for f in report.findings if f.category == "redundancy" and f.severity == "warning"]


def _vocabularies(briefs: list[tuple[str, str]]) -> dict[str, list[str]]:
    words: dict[str, set[str]] = {}
    for path, text in briefs:
        words.setdefault(load(text, path, None, "auto").lang, set()).update(_WORD.findall(text))
    return {lang: sorted(w) for lang, w in words.items()}


def corpus() -> tuple[list[tuple[str, str]], list[Injection]]:
    briefs = [(p, t) for p, t in clean_briefs() if p != SEED]
    vocabularies = _vocabularies(briefs)
    rng = random.Random(5)
    found_injections = []
    for path, text in briefs:
        lang = load(text, path, None, "auto").lang
        others = [w for w in vocabularies[lang] if w not in text]
        found_injections += injections(path, text, others, rng)
    return briefs, found_injections


def measure(config: Config, briefs, all_injections, verbose: bool = False) -> dict[str, float]:
    result: dict[str, float] = {}
    for variant in ("copy", "edit2"):
        chosen = [i for i in all_injections if i.variant == variant]
        hits = 0
        for injection in chosen:
            if found(injection, config):
                hits += 1
            elif verbose:
                print(f"missed {variant} {injection.path}:{injection.line} {injection.pasted!r}")
        result[variant] = hits / len(chosen)
        result[f"{variant}_n"] = len(chosen)
    result["warnings"] = 0
    for path, text in briefs:
        for f in warnings(text, path, config):
            result["warnings"] += 1
            if verbose:
                print(f"clean warning {path}:{f.location.line} {f.code} {f.message}")
    return result


def _quantile(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * q))]


def print_distributions(briefs, all_injections) -> None:
    unrelated = [pair for path, text in briefs for pair in unrelated_pairs(path, text)]
    edits = [i for i in all_injections if i.variant == "edit2"]
    print(f"1. Scores: {len(unrelated)} sentence pairs of clean briefs in sections not meant to "
          f"repeat each other; {len(edits)} two-word edits.")
    print()
    print("| scorer | unrelated: max | 2nd | 99th pct | edits: 5th pct | 10th pct | median |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, score in SCORERS.items():
        clean = sorted((score(normalise_tokens(a, lang), normalise_tokens(b, lang))
                        for lang, a, b in unrelated), reverse=True)
        edited = [score(normalise_tokens(i.source, i.lang), normalise_tokens(i.pasted, i.lang))
                  for i in edits]
        print(f"| {name} | {clean[0]:.3f} | {clean[1]:.3f} | {_quantile(clean, 0.99):.3f} "
              f"| {_quantile(edited, 0.05):.3f} | {_quantile(edited, 0.10):.3f} "
              f"| {statistics.median(edited):.3f} |")
    print()


def print_sweep(briefs, all_injections) -> None:
    print("2. Paraphrase threshold, end to end (R3xx rules, checker.align.similarity):")
    print()
    print("| paraphrase | recall copies | recall two-word edits | R3xx warnings on clean briefs |")
    print("|---:|---:|---:|---:|")
    for threshold in (0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
        config = Config(select=("R3",), redundancy=RedundancyConfig(paraphrase=threshold))
        r = measure(config, briefs, all_injections)
        print(f"| {threshold:.2f} | {r['copy']:.3f} | {r['edit2']:.3f} | {r['warnings']} |")
    print()


def print_defaults(briefs, all_injections, verbose: bool) -> None:
    config = Config(select=("R3",))
    r = measure(config, briefs, all_injections, verbose)
    seed_warnings = len(warnings((ROOT / SEED).read_text(encoding="utf-8"), SEED, config))
    s = config.redundancy
    print(f"3. Shipped defaults (paraphrase {s.paraphrase}, verbatim {s.verbatim}, "
          f"section_overlap {s.section_overlap}):")
    print()
    print("| measure | value | target |")
    print("|---|---:|---:|")
    print(f"| recall on injected copies ({r['copy_n']}) | {r['copy']:.3f} | >= 0.95 |")
    print(f"| recall on two-word edits ({r['edit2_n']}) | {r['edit2']:.3f} | >= 0.8 |")
    print(f"| R3xx warnings on {len(briefs)} clean briefs | {r['warnings']} "
          f"({r['warnings'] / len(briefs) * 10:.1f} per 10) | <= 1 per 10 |")
    print(f"| R3xx warnings on the seed (repeats itself) | {seed_warnings} | > 0 |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="only the threshold sweep")
    args = parser.parse_args()
    briefs, all_injections = corpus()
    if args.sweep:
        print_sweep(briefs, all_injections)
        return 0
    print_distributions(briefs, all_injections)
    print_sweep(briefs, all_injections)
    print_defaults(briefs, all_injections, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

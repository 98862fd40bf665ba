"""Accuracy of the redundancy rules (R3xx): copies injected into the clean corpus.

Each sentence of a clean brief's Key Points, Summary or body is pasted into one later section
that is not meant to repeat it (a later body section or the Conclusion, chosen with a seeded
generator), once as a copy and once with two words edited (each edit replaces, deletes or
adds a word; added and replacing words come from the other briefs of the same language). An
injection is found when R301 points at the pasted sentence with the source sentence among
its `related`. Clean briefs should give no R3xx warning: the table counts them.

The clean briefs are those of `corpus/labels.json` (shared with the consistency benchmark)
except the seed, `samples/paris-summit.fr.txt`, which repeats itself on purpose and is
counted apart.

    python benchmarks/accuracy/redundancy_injection.py            # the table
    python benchmarks/accuracy/redundancy_injection.py --sweep    # recall and false warnings
                                                                  # per paraphrase threshold
    python benchmarks/accuracy/redundancy_injection.py -v         # lists misses and warnings
"""

from __future__ import annotations

import argparse
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
from checker.model import Brief, SectionKind  # noqa: E402

SEED = "samples/paris-summit.fr.txt"
SOURCE_KINDS = (SectionKind.KEY_POINTS, SectionKind.SUMMARY, SectionKind.BODY)
TARGET_KINDS = (SectionKind.BODY, SectionKind.CONCLUSION)
#: Sentences shorter than this are not injected: a five-word sentence edited twice is new.
MIN_WORDS = 6
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Injection:
    path: str
    variant: str  # "copy" or "edit2"
    source_line: int
    line: int  # where the pasted sentence is
    sentence: str
    text: str  # the whole brief with the sentence pasted in


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
    return edited if edited.endswith((".", "!", "?")) else edited.rstrip(",;:") + "."


def injections(path: str, text: str, vocabulary: list[str], rng: random.Random) -> list[Injection]:
    """One copy and one two-word edit of each long enough sentence of the source sections."""
    brief = load(text, path, None, "auto")
    config = RedundancyConfig()
    found = []
    for n, source in enumerate(brief.sections):
        if source.kind not in SOURCE_KINDS:
            continue
        targets = [
            t
            for t in brief.sections[n + 1 :]
            if t.kind in TARGET_KINDS
            and source.kind.value not in config.expected.get(t.kind.value, ())
        ]
        if not targets:
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
                injected = text[:at] + " " + pasted + text[at:]
                line = text.count("\n", 0, at) + 1
                found.append(Injection(path, variant, sentence.span.line, line, pasted, injected))
    return found


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
    words: dict[str, list[str]] = {}
    for path, text in briefs:
        lang = load(text, path, None, "auto").lang
        words.setdefault(lang, []).extend(_WORD.findall(text))
    return {lang: sorted(set(w)) for lang, w in words.items()}


def corpus() -> tuple[list[tuple[str, str]], list[Injection]]:
    briefs = [(p, t) for p, t in clean_briefs() if p != SEED]
    vocabularies = _vocabularies(briefs)
    rng = random.Random(5)
    all_injections = []
    for path, text in briefs:
        lang = load(text, path, None, "auto").lang
        others = [w for w in vocabularies[lang] if w not in text]
        all_injections += injections(path, text, others, rng)
    return briefs, all_injections


def measure(config: Config, briefs, all_injections, verbose: bool = False) -> dict[str, float]:
    result: dict[str, float] = {}
    for variant in ("copy", "edit2"):
        chosen = [i for i in all_injections if i.variant == variant]
        hits = 0
        for injection in chosen:
            if found(injection, config):
                hits += 1
            elif verbose:
                print(f"missed {variant} {injection.path}:{injection.line} {injection.sentence!r}")
        result[variant] = hits / len(chosen)
        result[f"{variant}_n"] = len(chosen)
    false = 0
    for path, text in briefs:
        for f in warnings(text, path, config):
            false += 1
            if verbose:
                print(f"clean warning {path}:{f.location.line} {f.code} {f.message}")
    result["warnings"] = false
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sweep", action="store_true", help="several paraphrase thresholds")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    briefs, all_injections = corpus()
    select = ("R3",)
    if args.sweep:
        print("| paraphrase | recall copies | recall two-word edits | warnings on clean briefs |")
        print("|---:|---:|---:|---:|")
        for threshold in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
            config = Config(select=select, redundancy=RedundancyConfig(paraphrase=threshold))
            r = measure(config, briefs, all_injections)
            print(f"| {threshold:.2f} | {r['copy']:.3f} | {r['edit2']:.3f} | {r['warnings']} |")
        return 0
    config = Config(select=select)
    r = measure(config, briefs, all_injections, args.verbose)
    seed_text = (ROOT / SEED).read_text(encoding="utf-8")
    seed_warnings = len(warnings(seed_text, SEED, config))
    settings = config.redundancy
    print(f"defaults: paraphrase {settings.paraphrase}, verbatim {settings.verbatim}, "
          f"section_overlap {settings.section_overlap}")
    print("| measure | value | target |")
    print("|---|---:|---:|")
    print(f"| recall on injected copies ({r['copy_n']}) | {r['copy']:.3f} | >= 0.95 |")
    print(f"| recall on two-word edits ({r['edit2_n']}) | {r['edit2']:.3f} | >= 0.8 |")
    print(f"| R3xx warnings on {len(briefs)} clean briefs | {r['warnings']} "
          f"({r['warnings'] / len(briefs) * 10:.1f} per 10) | <= 1 per 10 |")
    print(f"| R3xx warnings on the seed (repeats itself) | {seed_warnings} | > 0 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Accuracy of the redundancy rules (R3xx) on the clean corpus with injected repetitions.

For every clean brief and every sentence of six words or more outside its last section, the
sentence is appended to the last paragraph of a later section (chosen by a seeded generator,
never the Summary when the sentence is a Key Point: that repetition is expected), either as
it is (copy) or with two of its words of four letters or more replaced by words of another
brief of the same language (two-word edit). An injection counts as found when R301 reports
a sentence starting on the injected place. Clean briefs should give no redundancy warning.
Run: `python benchmarks/accuracy/redundancy.py` (`-v` lists the misses).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checker import check_text  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.loaders import load  # noqa: E402
from checker.model import SectionKind  # noqa: E402

CORPUS = ROOT / "benchmarks/accuracy/corpus"
CONFIG = Config(select=("R",))
WORD = re.compile(r"[^\W\d_]{4,}")


def clean_briefs() -> list[tuple[str, str]]:
    return [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
            for p in sorted(CORPUS.glob("*.*.*")) if p.suffix in (".txt", ".md")]


def two_word_edit(sentence: str, pool: list[str], rng: random.Random) -> str:
    words = list(WORD.finditer(sentence))
    chosen = sorted(rng.sample(words, 2), key=lambda m: m.start(), reverse=True)
    for match in chosen:
        word = rng.choice(pool)
        # Keep the case of the replaced word: a lower-case first word would join the
        # sentence to the one before it, which tests the sentence splitter, not R301.
        word = word[0].upper() + word[1:] if match.group()[0].isupper() else word.lower()
        sentence = sentence[: match.start()] + word + sentence[match.end() :]
    return sentence


def injections(path: str, text: str, pool: list[str], rng: random.Random):
    """(kind, mutated text, line, column of the injected sentence, source sentence)."""
    brief = load(text, path, None, "auto")
    sections = [s for s in brief.sections if s.paragraphs]
    for n, section in enumerate(sections[:-1]):
        for sentence in section.sentences:
            if len(sentence.text.split()) < 6:
                continue
            later = [t for t in sections[n + 1 :]
                     if not (section.kind == SectionKind.KEY_POINTS and t.kind == SectionKind.SUMMARY)]
            target = rng.choice(later).paragraphs[-1]
            for kind, injected in (("copy", sentence.text), ("edit2", two_word_edit(sentence.text, pool, rng))):
                at = target.span.end
                mutated = text[:at] + " " + injected + text[at:]
                yield kind, mutated, target.span.end_line, target.span.end_column + 1, sentence.text


def found(text: str, path: str, line: int, column: int) -> bool:
    report = check_text(text, path, None, CONFIG)
    return any(f.code == "R301" and f.location.line == line and f.location.column >= column
               for f in report.findings)


def main(verbose: bool = False) -> int:
    rng = random.Random(5)
    briefs = clean_briefs()
    words = {lang: [w for p, t in briefs if f".{lang}." in p for w in WORD.findall(t)] for lang in ("fr", "en")}
    total = {"copy": 0, "edit2": 0}
    hits = dict.fromkeys(total, 0)
    for path, text in briefs:
        lang = "fr" if ".fr." in path else "en"
        pool = [w for w in words[lang] if w not in text]
        for kind, mutated, line, column, source in injections(path, text, pool, rng):
            total[kind] += 1
            if found(mutated, path, line, column):
                hits[kind] += 1
            elif verbose:
                print(f"missed {kind} {path}:{line} {source!r}")
    warnings = 0
    for path, text in briefs:
        report = check_text(text, path, None, CONFIG)
        bad = [f for f in report.findings if f.severity.value != "info"]
        warnings += len(bad)
        if verbose:
            for f in bad:
                print(f"clean warning {path}:{f.location.line} {f.code} {f.message}")
    print("| injected | cases | found by R301 | recall |")
    print("|---|---:|---:|---:|")
    for kind, label in (("copy", "copied sentence"), ("edit2", "two-word edit")):
        print(f"| {label} | {total[kind]} | {hits[kind]} | {hits[kind] / total[kind]:.3f} |")
    print()
    print(f"clean briefs: {len(briefs)}, redundancy warnings: {warnings}, "
          f"per brief: {warnings / len(briefs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv))

"""Mutants of the labelled corpus: each changes ONE occurrence of one fact in one section.

`corpus/labels.json` lists, per brief, the event facts it states and, for each way a fact is
written, the wrong value a mutant puts in its place. Every occurrence inside a paragraph or
bullet (headings are left alone) gives one mutant, so every fact kind is mutated in every
section kind that states it. Text, Markdown, HTML and JSON briefs alike: the change is made in
the file as written, and a mutant of an HTML or JSON brief is checked to be one still. `python benchmarks/accuracy/mutate.py` prints a count per kind
and section kind.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checker.loaders import load  # noqa: E402

LABELS = Path(__file__).parent / "corpus" / "labels.json"


@dataclass(frozen=True)
class Mutant:
    path: str
    kind: str
    section: str
    section_kind: str
    original: str
    replacement: str
    offset: int
    text: str


def labels() -> dict[str, list[dict]]:
    return json.loads(LABELS.read_text(encoding="utf-8"))["briefs"]


def clean_briefs() -> list[tuple[str, str]]:
    """(path relative to the repository, text) of every labelled brief."""
    return [(path, (ROOT / path).read_text(encoding="utf-8")) for path in labels()]


def _occurrences(text: str, fact: dict) -> list[tuple[int, str]]:
    """(offset, form) of each occurrence of the fact, longest form first, never overlapping."""
    skipped = [
        range(m.start(), m.end())
        for s in fact.get("skip", ())
        for m in re.finditer(re.escape(s), text)
    ]
    taken: list[tuple[int, int, str]] = []
    for form in sorted(fact["forms"], key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(m.start() in r for r in skipped):
                continue
            if any(m.start() < end and start < m.end() for start, end, _ in taken):
                continue
            taken.append((m.start(), m.end(), form))
    return sorted((start, form) for start, _, form in taken)


def mutants_of(path: str, text: str, facts: list[dict]) -> list[Mutant]:
    brief = load(text, path, None, "auto")
    regions = [(p.span.start, p.span.end, s) for s in brief.sections for p in s.paragraphs]
    found = []
    for fact in facts:
        for offset, form in _occurrences(text, fact):
            section = next((s for a, b, s in regions if a <= offset < b), None)
            if section is None:
                continue
            replacement = fact["forms"][form]
            mutated = text[:offset] + replacement + text[offset + len(form) :]
            _check_shape(path, text, mutated, offset, brief)
            found.append(
                Mutant(path, fact["kind"], section.id, section.kind.value, form, replacement,
                       offset, mutated)
            )
    return found


def _check_shape(path: str, text: str, mutated: str, offset: int, brief) -> None:
    """A mutant of an HTML or JSON brief is still one: valid JSON, the change in text and
    not inside a tag or a key, the same sections and paragraphs (else the label is wrong)."""
    if path.endswith(".json"):
        json.loads(mutated)
    if path.endswith((".html", ".htm")) and text.rfind("<", 0, offset) > text.rfind(">", 0, offset):
        raise ValueError(f"{path}: mutant at {offset} is inside a tag")
    again = load(mutated, path, None, "auto")
    shape = [(s.kind, len(s.paragraphs)) for s in brief.sections]
    if [(s.kind, len(s.paragraphs)) for s in again.sections] != shape:
        raise ValueError(f"{path}: mutant at {offset} changes the brief's sections")


def all_mutants() -> list[Mutant]:
    return [m for path, facts in labels().items()
            for m in mutants_of(path, (ROOT / path).read_text(encoding="utf-8"), facts)]


if __name__ == "__main__":
    counts = Counter((m.kind, m.section_kind) for m in all_mutants())
    kinds = sorted({k for k, _ in counts})
    sections = ["key_points", "summary", "body", "conclusion"]
    print(f"{'kind':<12}" + "".join(f"{s:>12}" for s in sections))
    for kind in kinds:
        print(f"{kind:<12}" + "".join(f"{counts[kind, s]:>12}" for s in sections))

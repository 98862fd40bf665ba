"""Accuracy of the consistency rules (C2xx) on the labelled corpus and its mutants.

A mutant counts as detected when the check reports a consistency error of the mutated fact's
kind that points at the changed line (as its location or its related side); the last column
counts those that get only a C205 possible-conflict warning there, and the next only a C211
or C212 warning. Clean briefs must give no consistency error at all. Run: `python benchmarks/accuracy/consistency.py`
(`-v` lists missed mutants and false errors).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from mutate import Mutant, all_mutants, clean_briefs  # noqa: E402

from checker import check_text  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.loaders import load  # noqa: E402

CONFIG = Config(select=("C2",))
KINDS = ("date", "place", "participant", "duration")


def consistency_findings(text: str, path: str):
    report = check_text(text, path, None, CONFIG)
    return [f for f in report.findings if f.category == "consistency"]


def consistency_errors(text: str, path: str):
    return [f for f in consistency_findings(text, path) if f.severity == "error"]


def detected(mutant: Mutant) -> str | None:
    """"error" when a consistency error of the mutant's kind points at the changed line,
    "warning" when only a C205 possible-conflict warning does, "other" when only another
    consistency warning does (C211 a headline fact the body lacks, C212 a new fact in the
    Conclusion), else None."""
    line = mutant.text.count("\n", 0, mutant.offset) + 1
    found = [f for f in consistency_findings(mutant.text, mutant.path)
             if f.fact == mutant.kind
             and (f.location.line == line or any(r.line == line for r in f.related))]
    if any(f.severity == "error" for f in found):
        return "error"
    if any(f.code == "C205" for f in found):
        return "warning"
    return "other" if found else None


#: Content words shared (Jaccard) above which another section's sentence restates the
#: mutated one: read on the words alone, not by the rules under test.
RESTATED = 0.5
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _CONTENT.findall(text)}


def restated(mutant: Mutant) -> bool:
    """Whether the sentence the mutant changes is told again in another section of the
    original brief (Jaccard of content words >= RESTATED, the changed fact's words left
    out): where the precision-first rules look for evidence. A fact changed in a sentence
    told once (a person in one Key Point) is, by the rules' definition, at most a warning."""
    original = (ROOT / mutant.path).read_text(encoding="utf-8")
    brief = load(original, mutant.path, None, "auto")
    home = next(((sec, sen) for sec in brief.sections for sen in sec.sentences
                 if sen.span.start <= mutant.offset < sen.span.end), None)
    if home is None:
        return False
    section, sentence = home
    mine = _words(sentence.text) - _words(mutant.original)
    for other in brief.sections:
        if other.id == section.id:
            continue
        for candidate in other.sentences:
            theirs = _words(candidate.text) - _words(mutant.original)
            if mine and len(mine & theirs) / len(mine | theirs) >= RESTATED:
                return True
    return False


def main(verbose: bool = False) -> int:
    mutants = all_mutants()
    total, hits, warned, other = Counter(), Counter(), Counter(), Counter()
    told = Counter()  # (kind, restated or not, detected or not)
    for mutant in mutants:
        total[mutant.kind] += 1
        found = detected(mutant)
        told[mutant.kind, restated(mutant), found == "error"] += 1
        if found == "error":
            hits[mutant.kind] += 1
            continue
        warned[mutant.kind] += found == "warning"
        other[mutant.kind] += found == "other"
        if verbose:
            print(f"missed {mutant.kind} {mutant.path} [{mutant.section}] "
                  f"{mutant.original!r} -> {mutant.replacement!r}")
    clean = clean_briefs()
    false_errors = 0
    for path, text in clean:
        errors = consistency_errors(text, path)
        false_errors += len(errors)
        if verbose:
            for f in errors:
                print(f"false error {path}:{f.location.line} {f.code} {f.message}")
    print("| fact kind | mutants | detected | recall | C205 warning only | C211/C212 only |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        recall = hits[kind] / total[kind] if total[kind] else 0.0
        print(f"| {kind} | {total[kind]} | {hits[kind]} | {recall:.3f} | {warned[kind]} "
              f"| {other[kind]} |")
    all_recall = sum(hits.values()) / max(sum(total.values()), 1)
    print(f"| all | {sum(total.values())} | {sum(hits.values())} | {all_recall:.3f} "
          f"| {sum(warned.values())} | {sum(other.values())} |")
    print()
    print(f"By where the changed sentence stands (restated: another section tells it again, "
          f"content words Jaccard >= {RESTATED}):")
    print("| fact kind | restated: mutants | detected | recall | told once: mutants | detected "
          "| recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in (*KINDS, None):
        row = []
        for again in (True, False):
            n = sum(v for (k, r, _), v in told.items() if r == again and kind in (None, k))
            d = sum(v for (k, r, hit), v in told.items() if r == again and hit and kind in (None, k))
            row += [str(n), str(d), f"{d / n:.3f}" if n else "-"]
        print(f"| {kind or 'all'} | " + " | ".join(row) + " |")
    print()
    print(f"clean briefs: {len(clean)}, consistency errors on them: {false_errors}")
    ok = false_errors == 0 and all(hits[k] >= 0.95 * total[k] for k in KINDS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv[1:]))

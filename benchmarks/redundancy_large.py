"""Sentence alignment on large generated briefs: every pair of distinct sentences against
candidate generation, as the redundancy rules use it.

    python benchmarks/redundancy_large.py [--sizes 0.25,1.25,2.5,5]

Writes briefs of the given sizes in MB with `benchmarks/corpus.write_large` (templated
sentences with varied slots: thousands of repeats, the worst case for redundancy) to a
temporary folder, loads each, and times `checker.align.best_earlier` at the paraphrase
threshold (the best three earlier matches in other sections and the best one in the same
section, as R301-R303 keep them) with every pair of distinct sentences scored
(`EXACT_LIMIT` raised) and with candidate generation (`EXACT_LIMIT` 0). Sentences are
grouped by their stems first, so a templated brief has a few dozen distinct ones and both
are fast; the table gives the pairs kept and the share of the sentences repeating an earlier
one (what R301 and R303 report) for which candidate generation finds a repeat. Run from the
repository root.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import write_large  # noqa: E402

from checker import align as align_module  # noqa: E402
from checker.config import RedundancyConfig  # noqa: E402
from checker.loaders import load  # noqa: E402
from checker.model import SectionKind  # noqa: E402

MIN_SCORE = RedundancyConfig().paraphrase


def timed(brief, exact: bool) -> tuple[float, list[tuple[int, int, float]]]:
    saved = align_module.EXACT_LIMIT
    align_module.EXACT_LIMIT = 10**9 if exact else 0
    sections = [s for s in brief.sections if s.kind != SectionKind.TITLE]
    try:
        start = time.perf_counter()
        kept = align_module.best_earlier(brief, sections, min_score=MIN_SCORE, across=3, within=1)
        return time.perf_counter() - start, kept
    finally:
        align_module.EXACT_LIMIT = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="0.25,1.25,2.5,5")
    args = parser.parse_args()
    print(f"EXACT_LIMIT {align_module.EXACT_LIMIT} distinct sentences, POSTINGS_CAP "
          f"{align_module.POSTINGS_CAP}, paraphrase threshold {MIN_SCORE}")
    print("| MB | sentences | load s | all pairs s | candidates s | candidates ms per 1,000 "
          "sentences | pairs kept (all pairs) | pairs kept (candidates) | sentences with a "
          "repeat found by candidates |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(s) for s in args.sizes.split(",")):
            path = write_large(Path(tmp) / f"large-{mb}.en.txt", int(mb * 1024 * 1024))
            start = time.perf_counter()
            brief = load(path.read_text(encoding="utf-8"), str(path), "text", "en")
            loaded = time.perf_counter() - start
            n = len(brief.sentences)
            fast_s, fast = timed(brief, exact=False)
            exact_s, exact = timed(brief, exact=True)
            later_exact = {b for _, b, _ in exact}
            later_fast = {b for _, b, _ in fast}
            found = f"{len(later_exact & later_fast) / max(1, len(later_exact)):.3f} of {len(later_exact):,}"
            print(f"| {mb} | {n:,} | {loaded:.2f} | {exact_s:.2f} | {fast_s:.2f} "
                  f"| {fast_s / n * 1e6:.0f} | {len(exact):,} | {len(fast):,} | {found} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

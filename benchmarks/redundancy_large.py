"""Sentence alignment on large generated briefs: every pair against candidate generation.

    python benchmarks/redundancy_large.py [--sizes 0.25,1.25,2.5,5] [--exact-max-mb 0.25]

Writes briefs of the given sizes in MB with `benchmarks/corpus.write_large` (templated
sentences with varied slots: thousands of near-repeats, the worst case for redundancy) to a
temporary folder, loads each, and times `checker.align.align` at the paraphrase threshold
with candidate generation (the default above `EXACT_LIMIT` sentences). Scoring every pair is
run for real up to `--exact-max-mb` (its pairs also give the share the candidates find,
and the share of sentences repeating an earlier one for which they find a repeat: R301
reports a sentence once, with its best matches, so that is the recall that matters);
above, its time is extrapolated from 200,000 pairs drawn at random (n(n-1)/2 pairs at the
measured rate) and marked "est.". Run from the repository root.
"""

from __future__ import annotations

import argparse
import random
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

MIN_SCORE = RedundancyConfig().paraphrase
SAMPLE_PAIRS = 200_000


def timed_align(brief, exact: bool) -> tuple[float, set[tuple[int, int]]]:
    saved = align_module.EXACT_LIMIT
    align_module.EXACT_LIMIT = 10**9 if exact else 0
    try:
        start = time.perf_counter()
        pairs = align_module.align(brief, min_score=MIN_SCORE)
        return time.perf_counter() - start, {(p.a.index, p.b.index) for p in pairs}
    finally:
        align_module.EXACT_LIMIT = saved


def estimated_exact(brief) -> float:
    """Seconds to score all n(n-1)/2 pairs, from the time of SAMPLE_PAIRS random ones
    (normalising every sentence once is included, as in `align`)."""
    start = time.perf_counter()
    tokens = [align_module.normalise_tokens(s.text, brief.lang) for s in brief.sentences]
    keep = [i for i, t in enumerate(tokens) if len(t) >= align_module.MIN_TOKENS]
    keys = {i: align_module._key(tokens[i]) for i in keep}
    prepare = time.perf_counter() - start
    rng = random.Random(1)
    sample = [tuple(sorted(rng.sample(keep, 2))) for _ in range(SAMPLE_PAIRS)]
    start = time.perf_counter()
    align_module._scored(sample, keys, MIN_SCORE)
    rate = (time.perf_counter() - start) / SAMPLE_PAIRS
    return prepare + rate * len(keep) * (len(keep) - 1) / 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="0.25,1.25,2.5,5")
    parser.add_argument("--exact-max-mb", type=float, default=0.25)
    args = parser.parse_args()
    print(f"EXACT_LIMIT {align_module.EXACT_LIMIT} sentences, POSTINGS_CAP "
          f"{align_module.POSTINGS_CAP}, paraphrase threshold {MIN_SCORE}")
    print("| MB | sentences | load s | all pairs s | candidates s | candidates ms per 1,000 "
          "sentences | pairs (candidates) | all-pairs pairs found | sentences with a repeat "
          "found (what R301 reports) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(s) for s in args.sizes.split(",")):
            path = write_large(Path(tmp) / f"large-{mb}.en.txt", int(mb * 1024 * 1024))
            start = time.perf_counter()
            brief = load(path.read_text(encoding="utf-8"), str(path), "text", "en")
            loaded = time.perf_counter() - start
            n = len(brief.sentences)
            fast_s, fast = timed_align(brief, exact=False)
            if mb <= args.exact_max_mb:
                exact_s, exact = timed_align(brief, exact=True)
                exact_cell = f"{exact_s:.1f}"
                later_exact = {b for _, b in exact}
                later_fast = {b for _, b in fast}
                found = (f"{len(exact & fast) / max(1, len(exact)):.3f} of {len(exact):,} "
                         f"| {len(later_exact & later_fast) / max(1, len(later_exact)):.3f} "
                         f"of {len(later_exact):,}")
            else:
                exact_cell = f"{estimated_exact(brief):,.0f} (est.)"
                found = "- | -"
            print(f"| {mb} | {n:,} | {loaded:.2f} | {exact_cell} | {fast_s:.2f} "
                  f"| {fast_s / n * 1e6:.0f} | {len(fast):,} | {found} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

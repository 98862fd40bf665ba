"""Scale of sentence alignment: scoring every pair against candidate generation.

    python benchmarks/redundancy_scale.py [--sizes 1000,2000,4000,8000,50000] [--exact-max 8000]

Generates, deterministically (seeded), a brief of N distinct sentences (about 100 bytes
each, words drawn from a Zipf-like distribution so that some words are in thousands of
sentences, as "the summit" is) with a copy or a two-word edit of an earlier sentence planted
every 50 sentences, in sections of 20 sentences. For each size it times `checker.align.align`
scoring all pairs (`EXACT_LIMIT` raised) and with candidate generation (`EXACT_LIMIT`
lowered) at the default paraphrase threshold, and prints the pairs found, the planted pairs found, and how many of the exact
pairs the candidates find. Times are CPU seconds of this process (`time.process_time`: a
busy shared machine does not inflate them). Exact scoring is skipped above `--exact-max` (its time grows with
N squared: the table shows the trend). Nothing is written to disk; the 50,000-sentence brief
is about 5 MB.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import varied_brief  # noqa: E402

from checker import align as align_module  # noqa: E402
from checker.config import RedundancyConfig  # noqa: E402
from checker.loaders import load  # noqa: E402


def brief_indexes(brief, body: list[str]) -> list[int]:
    """The index in `brief` of each generated body sentence (matched in order, so a line the
    loader reads otherwise than planned cannot shift them)."""
    found, n = [], 0
    for sentence in brief.sentences:
        if n < len(body) and sentence.text == body[n]:
            found.append(sentence.index)
            n += 1
    assert n == len(body), f"only {n} of {len(body)} generated sentences found in the brief"
    return found


def run(brief, limit: int, min_score: float) -> tuple[float, set[tuple[int, int]]]:
    saved = align_module.EXACT_LIMIT
    align_module.EXACT_LIMIT = limit
    try:
        start = time.process_time()
        pairs = align_module.align(brief, min_score=min_score)
        return time.process_time() - start, {(p.a.index, p.b.index) for p in pairs}
    finally:
        align_module.EXACT_LIMIT = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000,50000")
    parser.add_argument("--exact-max", type=int, default=8000)
    parser.add_argument("--min-score", type=float, default=RedundancyConfig().paraphrase)
    args = parser.parse_args()
    print(f"EXACT_LIMIT (default switch point): {align_module.EXACT_LIMIT} sentences")
    print("| sentences | MB | load s | exact s | candidates s | candidates s per 1,000 "
          "| pairs exact | pairs candidates | exact pairs found | planted found |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        text, body, planted = varied_brief(size)
        start = time.process_time()
        brief = load(text, "scale.en.txt", "text", "en")
        loaded = time.process_time() - start
        index = brief_indexes(brief, body)
        planted_pairs = {(index[a], index[b]) for a, b in planted}
        fast_s, fast = run(brief, 0, args.min_score)
        if size <= args.exact_max:
            exact_s, exact = run(brief, 10**9, args.min_score)
            exact_cells = (f"{exact_s:.2f}", f"{len(exact)}",
                           f"{len(exact & fast) / max(1, len(exact)):.3f}")
        else:
            exact_cells = ("skipped", "-", "-")
        print(f"| {size:,} | {len(text.encode()) / 1e6:.1f} | {loaded:.2f} | {exact_cells[0]} "
              f"| {fast_s:.2f} | {fast_s / size * 1000:.3f} | {exact_cells[1]} | {len(fast)} "
              f"| {exact_cells[2]} | {len(planted_pairs & fast) / len(planted_pairs):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long finding the files of a run takes (`checker.discovery.expand`), before any
brief is read: a walk, a glob and a walk with per-folder config discovery, over a tree
of 2,000 briefs in 140 folders beside the clutter a repository has (a .venv of 5,000
files, node_modules, a .gitignore with folder patterns). Prints milliseconds, best of N.

    .venv/bin/python benchmarks/discovery.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "discovery"


def build_tree() -> Path:
    """The tree, written once (deterministic)."""
    if (OUT / ".done").exists():
        return OUT
    brief = (ROOT / "samples" / "nato-summit.en.txt").read_text("utf-8")
    for i in range(2000):
        folder = OUT / "briefs" / f"{i % 20:02d}" / f"{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"brief {i}.txt").write_text(brief, encoding="utf-8")
    for i in range(5000):
        folder = OUT / ".venv" / "lib" / f"pkg{i % 50}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"m{i}.md").write_text("x", encoding="utf-8")
    for i in range(500):
        folder = OUT / "node_modules" / f"p{i % 25}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "README.md").write_text("x", encoding="utf-8")
    (OUT / ".git").mkdir(exist_ok=True)
    (OUT / ".gitignore").write_text("/briefs/00/6/\n*.draft.md\n", encoding="utf-8")
    (OUT / ".done").write_text("", encoding="utf-8")
    return OUT


def best(runs: int, call) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = len(call())
        times.append(time.perf_counter() - start)
    return min(times) * 1000, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tree = build_tree()
    sys.path.insert(0, str(ROOT))
    os.chdir(tree)
    from checker.config import ConfigResolver
    from checker.discovery import Options, expand

    start = time.perf_counter()
    expand(["briefs/00"])  # first call: the default patterns' regular expression
    first = (time.perf_counter() - start) * 1000
    cases = {
        "walk .": lambda: expand(["."]),
        "glob '**/*.txt'": lambda: expand(["**/*.txt"]),
        "walk . with config discovery": lambda: expand(
            ["."], Options(ConfigResolver(None).for_folder)),
        "walk briefs/ (no clutter)": lambda: expand(["briefs"]),
    }
    print(f"first call in a process (compiling patterns): {first:.1f} ms")
    print(f"{'case':32} {'files':>6} {'ms':>8}")
    for name, call in cases.items():
        ms, count = best(args.runs, call)
        print(f"{name:32} {count:6d} {ms:8.1f}")


if __name__ == "__main__":
    main()

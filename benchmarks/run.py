"""Speed benchmark: briefcheck and proselint 0.16 on the same inputs, in one run.

    python benchmarks/run.py [--runs 5] [--proselint PATH] [--out benchmarks/out]
                             [--cases cold,batch,large,varied,news,jobs]

Cases: one brief in a cold process (the seed), 1,000 different briefs in one call, one
brief of 2.5 MB and one of 5 MB (linearity), the same sizes with sentences that are all
different (`varied`: the templated large briefs repeat a few dozen sentences, which the
redundancy rules score once; proselint's phrase checks find little in made-up words and
run more than ten times faster on them, so that ratio says little), news-like prose
(`news`, `benchmarks/news.py`: 1,000 full-length briefs of 300-600 words in French and
English, and one brief of 2.5 MB and of 5 MB, every sentence a walk of a bigram model of
real news, so full of distinct people, places, dates and numbers), and `--jobs 2` against
`--jobs 1` on 20, 1,000 and 4,000 briefs (`--jobs-sizes`) and on the 1,000 full-length
briefs (with `news`), with the machine's own speed-up
on two processes before and after (its ceiling). From the three sizes it splits each
command's time into a fixed part (start, imports, each process's first briefs: not split
between processes) and the work per brief, and prints how much the work per brief splits
and the speed-up that the fixed part leaves possible at each size. The two tools
alternate, run after run, so a slow moment of the machine hits both. Each run is a fresh
process; its wall time and peak RSS are measured by a small wrapper process, so the memory
figure is that run's alone. Prints medians and ratios.

briefcheck's modules are compiled to bytecode first, as `pip install` does for an installed
package: an editable install in an environment with PYTHONDONTWRITEBYTECODE set would
otherwise compile about 30 modules on every run (30 ms), which no user's install does.

proselint is not a dependency of briefcheck: install it beside, e.g.
`python3 -m venv /tmp/pl && /tmp/pl/bin/pip install proselint==0.16.0`, then pass
`--proselint /tmp/pl/bin/proselint` (or have `proselint` on PATH). `--cases jobs` alone
runs only briefcheck and needs no proselint.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_batch, write_large, write_varied  # noqa: E402
from news import NewsModel, write_full_length, write_news  # noqa: E402

SEED = HERE.parent / "samples" / "paris-summit.fr.txt"

# Runs a command and prints its wall time and peak RSS (KiB) as JSON: one process per run.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss}))
"""


def measure(command: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# A pure-Python CPU loop (about 0.3 s): the machine's own speed-up with two processes.
_SPIN = "x = 0\nfor i in range(5_000_000):\n    x += i"


def spin(processes: int) -> float:
    """Wall seconds for `processes` copies of the CPU loop started together."""
    start = time.perf_counter()
    for loop in [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(processes)]:
        loop.wait()
    return time.perf_counter() - start


def parallel_capacity(runs: int) -> float:
    """How much faster two processes do twice the work of one, on a loop with nothing to
    share: 2.0 on two idle cores, about 1.1 with another program busy on one of them (seen
    here), and then no program reaches 2x: the ceiling `--jobs 2` is read against."""
    one = statistics.median(spin(1) for _ in range(runs))
    two = statistics.median(spin(2) for _ in range(runs))
    return 2 * one / two


def fixed_and_per_brief(seconds: dict[int, float]) -> tuple[float, float]:
    """A run's fixed part (s) and its time per brief (s): the line through (batch size,
    median seconds), each point weighted by 1/seconds² since a run's noise grows with its
    length (unweighted, 1% on the 4,000 briefs moves the fixed part by 0.09 s). The fixed
    part (start, imports, each process's first briefs) does not split between processes;
    the work per brief does."""
    weights = {n: 1 / t**2 for n, t in seconds.items()}
    total = sum(weights.values())
    mean_n = sum(w * n for n, w in weights.items()) / total
    mean_t = sum(w * seconds[n] for n, w in weights.items()) / total
    slope = (sum(w * (n - mean_n) * (seconds[n] - mean_t) for n, w in weights.items())
             / sum(w * (n - mean_n) ** 2 for n, w in weights.items()))
    return mean_t - slope * mean_n, slope


def briefcheck_command() -> list[str]:
    exe = shutil.which("briefcheck", path=str(Path(sys.executable).parent)) or shutil.which("briefcheck")
    return [exe] if exe else [sys.executable, "-m", "checker"]


def compare(name: str, ours: list[str], theirs: list[str] | None, runs: int) -> dict:
    """Median seconds and peak RSS of both commands, alternating runs."""
    results: dict[str, list[dict]] = {"ours": [], "theirs": []}
    for _ in range(runs):
        results["ours"].append(measure(ours))
        if theirs:
            results["theirs"].append(measure(theirs))
    row = {"case": name}
    for who, samples in results.items():
        if samples:
            row[who] = statistics.median(s["seconds"] for s in samples)
            row[who + "_cpu"] = statistics.median(s["cpu"] for s in samples)
            row[who + "_rss_mb"] = max(s["rss_kib"] for s in samples) / 1024
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--proselint", default=shutil.which("proselint"))
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--cases", default="cold,batch,large,varied,news,jobs",
                        help="comma-separated subset of: cold, batch, large, varied, news, jobs")
    parser.add_argument("--jobs-sizes", default="20,1000,4000",
                        help="batch sizes of the jobs case, comma separated (1000: the batch)")
    args = parser.parse_args()
    cases = set(args.cases.split(","))
    if not args.proselint and cases - {"jobs"}:  # the jobs case runs briefcheck alone
        sys.exit("proselint not found: pass --proselint PATH (see this script's docstring)")

    batch = args.out / "batch"
    if not batch.is_dir() or len(list(batch.iterdir())) != 1000:
        write_batch(batch, 1000)
    large = {mb: args.out / f"large-{mb}mb.en.txt" for mb in (2.5, 5)}
    varied = {mb: args.out / f"varied-{mb}mb.en.txt" for mb in (2.5, 5)}
    for mb in (2.5, 5):
        if not large[mb].exists():
            write_large(large[mb], int(mb * 1024 * 1024))
        if "varied" in cases and not varied[mb].exists():
            write_varied(varied[mb], int(mb * 1024 * 1024))
    news_batch = args.out / "news-batch"
    news = {mb: args.out / f"news-{mb}mb.en.txt" for mb in (2.5, 5)}
    if "news" in cases:
        model = None
        if not news_batch.is_dir() or len(list(news_batch.iterdir())) != 1000:
            model = NewsModel()
            write_full_length(news_batch, 1000, model=model)
        for mb in (2.5, 5):
            if not news[mb].exists():
                model = model or NewsModel()
                write_news(news[mb], int(mb * 1024 * 1024), model=model)

    compileall.compile_dir(HERE.parent / "checker", quiet=1)
    load_before = os.getloadavg()[0]
    ours = briefcheck_command()
    lint = [args.proselint, "check"]
    rows = []
    if "cold" in cases:
        rows.append(compare("one brief, cold (seed)", [*ours, str(SEED)], [*lint, str(SEED)], args.runs))
    if "batch" in cases:
        rows.append(compare("1,000 briefs, one call", [*ours, str(batch)], [*lint, str(batch)], args.runs))
    if "large" in cases:
        rows.append(compare("2.5 MB brief", [*ours, str(large[2.5])], [*lint, str(large[2.5])], args.runs))
        rows.append(compare("5 MB brief", [*ours, str(large[5])], [*lint, str(large[5])], args.runs))
    if "varied" in cases:
        for mb in (2.5, 5):
            rows.append(compare(f"{mb} MB varied brief", [*ours, str(varied[mb])],
                                [*lint, str(varied[mb])], args.runs))
    if "news" in cases:
        rows.append(compare("1,000 full-length briefs", [*ours, str(news_batch)], [*lint, str(news_batch)],
                            args.runs))
        for mb in (2.5, 5):
            rows.append(compare(f"{mb} MB news brief", [*ours, str(news[mb])], [*lint, str(news[mb])],
                                args.runs))
    jobs = None
    help_text = subprocess.run([*ours, "check", "--help"], capture_output=True, text=True).stdout
    if "jobs" in cases and "--jobs" in help_text:
        sizes = [int(size) for size in args.jobs_sizes.split(",")]
        folders: dict[int | str, Path] = {size: batch if size == 1000 else args.out / f"batch-{size}"
                                          for size in sizes}
        for size, folder in folders.items():
            if not folder.is_dir() or len(list(folder.iterdir())) != size:
                write_batch(folder, size)
        if "news" in cases:
            folders["full-length"] = news_batch
        # --jobs 1 and --jobs 2 and the sizes alternate too, so a busy moment of the
        # machine hits all of them.
        capacity = [parallel_capacity(3)]
        seconds: dict[tuple[int, int], list[float]] = {}
        for _ in range(args.runs):
            for size, folder in folders.items():
                for processes in (1, 2):
                    run = measure([*ours, "--jobs", str(processes), str(folder)])
                    seconds.setdefault((size, processes), []).append(run["seconds"])
        capacity.append(parallel_capacity(3))
        jobs = {size: (statistics.median(seconds[size, 1]), statistics.median(seconds[size, 2]))
                for size in folders}

    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"Python {platform.python_version()}, {args.runs} runs each, medians; load average "
          f"before {load_before:.2f}, after {os.getloadavg()[0]:.2f} (1 minute)")
    if rows:
        # (CPU seconds too: on a busy host they move less than wall time; briefcheck's are
        # summed over its processes, so its CPU ratio on a batch checked in two is no lower)
        print("| case | briefcheck s | proselint s | ratio | briefcheck CPU s | proselint CPU s "
              "| CPU ratio | briefcheck peak MB | proselint peak MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['case']} | {row['ours']:.3f} | {row['theirs']:.3f} | "
              f"{row['ours'] / row['theirs']:.2f}x | {row['ours_cpu']:.3f} | {row['theirs_cpu']:.3f} | "
              f"{row['ours_cpu'] / row['theirs_cpu']:.2f}x | "
              f"{row['ours_rss_mb']:.0f} | {row['theirs_rss_mb']:.0f} |")
    by_case = {row["case"]: row for row in rows}
    if "large" in cases:
        big, half = by_case["5 MB brief"], by_case["2.5 MB brief"]
        print(f"\nlinearity: time(5 MB) / time(2.5 MB) = {big['ours'] / half['ours']:.2f} (proselint: "
              f"{big['theirs'] / half['theirs']:.2f})")
    if "varied" in cases:
        big, half = by_case["5 MB varied brief"], by_case["2.5 MB varied brief"]
        print(f"linearity on the varied briefs: {big['ours'] / half['ours']:.2f} (proselint: "
              f"{big['theirs'] / half['theirs']:.2f})")
    if "news" in cases:
        big, half = by_case["5 MB news brief"], by_case["2.5 MB news brief"]
        # (and on CPU seconds: one process each, so the host's other work moves it less)
        print(f"linearity on the news briefs: {big['ours'] / half['ours']:.2f} (proselint: "
              f"{big['theirs'] / half['theirs']:.2f}; on CPU seconds {big['ours_cpu'] / half['ours_cpu']:.2f}"
              f", proselint {big['theirs_cpu'] / half['theirs_cpu']:.2f})")
        row = by_case["1,000 full-length briefs"]
        print(f"throughput on the full-length briefs: {1000 / row['ours']:.0f} briefs/s "
              f"(proselint {1000 / row['theirs']:.0f})")
    if "batch" in cases:
        row = by_case["1,000 briefs, one call"]
        print(f"throughput: {1000 / row['ours']:.0f} briefs/s (proselint {1000 / row['theirs']:.0f})")
    if jobs is not None:
        for size, (one, two) in jobs.items():
            # Each -j 1 run and the -j 2 run right after it: how much the ratio moves.
            pairs = [a / b for a, b in zip(seconds[size, 1], seconds[size, 2])]
            what = f"{size:,}" if isinstance(size, int) else f"the 1,000 {size}"
            print(f"--jobs 2 speed-up over --jobs 1 on {what} briefs: {one / two:.2f}x "
                  f"({one:.3f} s / {two:.3f} s; run by run {min(pairs):.2f}x to "
                  f"{max(pairs):.2f}x)")
        print(f"the machine's own speed-up with two processes on a CPU loop, before and after: "
              f"{capacity[0]:.2f}x, {capacity[1]:.2f}x")
        sized = {n: times for n, times in jobs.items() if isinstance(n, int)}
        if len(sized) > 1:
            fixed1, brief1 = fixed_and_per_brief({n: one for n, (one, _) in sized.items()})
            fixed2, brief2 = fixed_and_per_brief({n: two for n, (_, two) in sized.items()})
            loop = statistics.fmean(capacity)
            print(f"fixed part and work per brief (a line through the sizes' medians): --jobs 1 "
                  f"{fixed1:.3f} s + {1e3 * brief1:.3f} ms a brief, --jobs 2 {fixed2:.3f} s + "
                  f"{1e3 * brief2:.3f} ms a brief: the work per brief splits "
                  f"{brief1 / brief2:.2f}x (the loop {loop:.2f}x)")
            for size, (one, two) in sized.items():
                # What --jobs 2 can be expected to reach: the fixed part of --jobs 1 not
                # split, the work split as the loop splits.
                expected = one / (fixed1 + size * brief1 / loop)
                print(f"  on {size:,} briefs, that fixed part unsplit and the work split as the "
                      f"loop's allow {expected:.2f}x (measured {one / two:.2f}x)")


if __name__ == "__main__":
    main()

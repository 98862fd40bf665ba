"""`briefcheck audit` on a generated archive: `--engine local` and `--engine dask` (a
LocalCluster of 2 workers) against `briefcheck --jobs 2 --format json` on the same files.

    python benchmarks/audit.py [--count 100000] [--small 20000] [--workers 2] [--runs 1]
                               [--only batch,local,dask] [--out benchmarks/out/audit]

The archive (`archive.py`: fr and en, text, Markdown, HTML and JSON, one brief in 997
broken) is written once into OUT/archive-COUNT/ and kept for the next run. For each size
(--small, then --count; `--small 0` for --count alone) each command runs in a fresh
process, the commands in turn run after run (local, dask, local, dask...: a change of the
host's load falls on both alike): wall time, briefs per second, CPU time per brief (every
process of the run, workers included, from the kernel's accounting of the children it
reaped; and of the threads that checked the partitions, from their done marks: the rest
is the engine's own), the peak resident memory of the main process and of the largest
other process (a worker) sampled every 0.2 s over the process tree, and the load average
over the last minute when the run started. Prints a table of medians, the Dask overhead over the local
engine (wall and CPU, the median of each run's pair), and how the largest worker's memory
changes from --small to --count (it should not grow with the archive).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil  # installed with distributed (the audit extra)

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("audit_archive", HERE / "archive.py")
archive = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(archive)


def make_archive(out: Path, count: int) -> Path:
    folder = out / f"archive-{count}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        archive.write_directory(folder / "briefs", count)
        done.write_text("")
        print(f"wrote {count} briefs in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder / "briefs"


class TreeMemory:
    """Peak RSS of a process and of each of its descendants, sampled."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.peaks: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        while not self.stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            for process in processes:
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[process.pid] = max(self.peaks.get(process.pid, 0), rss)
            self.stop.wait(0.2)

    def finish(self) -> tuple[int, int]:
        """Peak of the main process, and of the largest other process (bytes)."""
        self.stop.set()
        self.thread.join()
        main = self.peaks.pop(self.root.pid, 0)
        return main, max(self.peaks.values(), default=0)


def checking_cpu(out: Path) -> float:
    """The CPU time of the threads that checked the partitions (their done marks say it):
    the rest of a run's CPU time is the engine's own (start-up, scheduling, event loops)."""
    return sum(json.loads(mark.read_text())["cpu_seconds"] for mark in out.glob("done/*.json"))


def run(command: list[str], out: Path | None = None, cwd: Path | None = None) -> dict[str, float]:
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               cwd=cwd)
    memory = TreeMemory(process.pid)
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    main, worker = memory.finish()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1, 2):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    try:
        checking = checking_cpu(out) if out is not None else float("nan")
    except KeyError:  # a --baseline older than the cpu_seconds of the done marks
        checking = float("nan")
    return {"seconds": seconds, "cpu": cpu, "checking": checking, "main": main,
            "worker": worker, "load": load}


COMMANDS = ("batch", "local", "dask")
NAMES = {"batch": "briefcheck --jobs 2 --format json", "local": "audit --engine local",
         "dask": "audit --engine dask"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000, help="0: --count alone")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", default=",".join(COMMANDS),
                        help="the commands to run, of batch,local,dask")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "audit")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT",
                        help="also run `--engine dask` of another checkout of briefcheck (a git"
                             " worktree of an earlier commit), in turn with the others")
    args = parser.parse_args()
    args.out = args.out.resolve()
    only = [c for c in COMMANDS if c in args.only.split(",")]
    if args.baseline:
        only.append("baseline")
        NAMES["baseline"] = f"audit --engine dask ({args.baseline.name})"
    sizes = [c for c in (args.small, args.count) if c]
    briefcheck = [sys.executable, "-m", "checker"]
    rows, pairs = [], {}
    for count in sizes:
        source = make_archive(args.out, count)
        results = args.out / f"results-{count}"
        commands = {
            "batch": [*briefcheck, "--jobs", str(args.workers), "--format", "json",
                      "-o", str(results / "report.json"), str(source)],
            "local": [*briefcheck, "audit", str(source), "--out", str(results / "local"),
                      "--engine", "local", "-j", str(args.workers)],
            "dask": [*briefcheck, "audit", str(source), "--out", str(results / "dask"),
                     "--engine", "dask", "-j", str(args.workers)],
            "baseline": [*briefcheck, "audit", str(source), "--out", str(results / "baseline"),
                         "--engine", "dask", "-j", str(args.workers)],
        }
        measured: dict[str, list[dict]] = {name: [] for name in only}
        for _ in range(args.runs):
            for name in only:
                shutil.rmtree(results / name, ignore_errors=True)
                (results / "report.json").unlink(missing_ok=True)
                results.mkdir(parents=True, exist_ok=True)
                measured[name].append(run(
                    commands[name], None if name == "batch" else results / name,
                    # `python -m checker` imports the checker of its working directory
                    args.baseline.resolve() if name == "baseline" else HERE.parent))
                m = measured[name][-1]
                print(f"{count} {NAMES[name]}: {m['seconds']:.1f} s, CPU {m['cpu']:.1f} s"
                      f" ({1000 * m['cpu'] / count:.2f} ms/brief, checking"
                      f" {1000 * m['checking'] / count:.2f}), main {m['main'] / 2**20:.0f} MB,"
                      f" largest worker {m['worker'] / 2**20:.0f} MB, load {m['load']:.2f} at"
                      f" the start", file=sys.stderr, flush=True)
        for name in only:
            rows.append({"count": count, "name": NAMES[name], "runs": measured[name],
                         **{k: statistics.median(m[k] for m in measured[name])
                            for k in measured[name][0]}})
        for name in ("dask", "baseline"):
            if "local" in only and name in only:
                pairs[(count, NAMES[name])] = list(zip(measured["local"], measured[name],
                                                       strict=True))
    print(f"\n{args.workers} workers, {os.cpu_count()} CPUs, median of {args.runs} run(s);"
          " CPU: of every process of the run, and of the threads that checked the partitions"
          " (the rest is the engine's); load: the load average over the minute before each"
          " run, median\n")
    print("| command | briefs | seconds | briefs/s | vs batch | CPU ms/brief |"
          " checking CPU ms/brief | main peak RSS | largest worker RSS | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    base = {}
    for row in rows:
        rate = row["count"] / row["seconds"]
        if row["name"].startswith("briefcheck"):
            base[row["count"]] = rate
        versus = f"{rate / base[row['count']]:.2f}x" if row["count"] in base else "-"
        checking = ("-" if math.isnan(row["checking"])
                    else f"{1000 * row['checking'] / row['count']:.2f}")
        print(f"| `{row['name']}` | {row['count']:,} | {row['seconds']:.1f} | {rate:.0f} |"
              f" {versus} | {1000 * row['cpu'] / row['count']:.2f} |"
              f" {checking} | {row['main'] / 2**20:.0f} MB | {row['worker'] / 2**20:.0f} MB |"
              f" {row['load']:.2f} |")
    print()
    for (count, name), runs in pairs.items():
        wall = [100 * (d["seconds"] / l["seconds"] - 1) for l, d in runs]
        cpu = [100 * (d["cpu"] / l["cpu"] - 1) for l, d in runs]
        checking = [100 * (d["checking"] / l["checking"] - 1) for l, d in runs
                    if not math.isnan(d["checking"])] or [float("nan")]
        print(f"{count:,} briefs: `{name}` over the local engine, wall"
              f" {statistics.median(wall):+.1f}% (target at most 15%), CPU"
              f" {statistics.median(cpu):+.1f}%, checking CPU {statistics.median(checking):+.1f}%"
              f" (medians of {len(runs)} pairs; each pair's wall:"
              f" {', '.join(f'{w:+.0f}%' for w in wall)}; CPU: {', '.join(f'{c:+.0f}%' for c in cpu)})")
    if len(sizes) == 2:
        for name in ("audit --engine local", "audit --engine dask"):
            small, large = (next((r for r in rows if r["count"] == c and r["name"] == name), None)
                            for c in sizes)
            if small is None or large is None:
                continue
            print(f"{name}: largest worker {small['worker'] / 2**20:.0f} MB at {sizes[0]:,},"
                  f" {large['worker'] / 2**20:.0f} MB at {sizes[1]:,} briefs"
                  f" ({large['worker'] / small['worker']:.2f}x); main process"
                  f" {small['main'] / 2**20:.0f} -> {large['main'] / 2**20:.0f} MB")


if __name__ == "__main__":
    main()

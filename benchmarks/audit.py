"""`briefcheck audit` on a generated archive: `--engine local` and `--engine dask` (a
LocalCluster of 2 workers) against `briefcheck --jobs 2 --format json` on the same files.

    python benchmarks/audit.py [--count 100000] [--small 20000] [--workers 2] [--runs 1]
                               [--out benchmarks/out/audit]

The archive (`archive.py`: fr and en, text, Markdown, HTML and JSON, one brief in 997
broken) is written once into OUT/archive-COUNT/ and kept for the next run. For each size
(--small, then --count) each command runs in a fresh process: wall time, briefs per
second, CPU time per brief (every process of the run, workers included, from the kernel's
accounting of the children it reaped), and the peak resident memory of the main process
and of the largest other process (a worker) sampled every 0.2 s over the process tree.
Prints a table, the Dask overhead over the local engine, and how the largest worker's
memory changes from --small to --count (it should not grow with the archive).
"""

from __future__ import annotations

import argparse
import importlib.util
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


def run(command: list[str]) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = TreeMemory(process.pid)
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    main, worker = memory.finish()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1, 2):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu": cpu, "main": main, "worker": worker}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "audit")
    args = parser.parse_args()
    briefcheck = [sys.executable, "-m", "checker"]
    rows = []
    for count in (args.small, args.count):
        source = make_archive(args.out, count)
        results = args.out / f"results-{count}"
        commands = {
            "briefcheck --jobs 2 --format json": [
                *briefcheck, "--jobs", str(args.workers), "--format", "json",
                "-o", str(results / "report.json"), str(source)],
            "audit --engine local": [
                *briefcheck, "audit", str(source), "--out", str(results / "local"),
                "--engine", "local", "-j", str(args.workers)],
            "audit --engine dask": [
                *briefcheck, "audit", str(source), "--out", str(results / "dask"),
                "--engine", "dask", "-j", str(args.workers)],
        }
        for name, command in commands.items():
            measured = []
            for _ in range(args.runs):
                shutil.rmtree(results / name.split()[-1], ignore_errors=True)  # local, dask
                results.mkdir(parents=True, exist_ok=True)
                measured.append(run(command))
                m = measured[-1]
                print(f"{count} {name}: {m['seconds']:.1f} s, CPU {m['cpu']:.1f} s, main"
                      f" {m['main'] / 2**20:.0f} MB, largest worker {m['worker'] / 2**20:.0f} MB,"
                      f" load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
            rows.append({"count": count, "name": name,
                         **{k: statistics.median(m[k] for m in measured) for k in measured[0]}})
    load = os.getloadavg()[0]
    print(f"\n{args.workers} workers, {os.cpu_count()} CPUs, load average {load:.2f} at the end,"
          f" median of {args.runs} run(s)\n")
    print("| command | briefs | seconds | briefs/s | vs batch | CPU ms/brief |"
          " main peak RSS | largest worker RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    base = {}
    for row in rows:
        rate = row["count"] / row["seconds"]
        if row["name"].startswith("briefcheck"):
            base[row["count"]] = rate
        print(f"| `{row['name']}` | {row['count']:,} | {row['seconds']:.1f} | {rate:.0f} |"
              f" {rate / base[row['count']]:.2f}x | {1000 * row['cpu'] / row['count']:.2f} |"
              f" {row['main'] / 2**20:.0f} MB | {row['worker'] / 2**20:.0f} MB |")
    print()
    for count in (args.small, args.count):
        local, dask = (next(r for r in rows if r["count"] == count and r["name"].endswith(e))
                       for e in ("local", "dask"))
        print(f"{count:,} briefs: Dask overhead over the local engine"
              f" {100 * (dask['seconds'] / local['seconds'] - 1):+.1f}% (target at most 15%)")
    for name in ("audit --engine local", "audit --engine dask"):
        small, large = (next(r for r in rows if r["count"] == c and r["name"] == name)
                        for c in (args.small, args.count))
        print(f"{name}: largest worker {small['worker'] / 2**20:.0f} MB at {args.small:,},"
              f" {large['worker'] / 2**20:.0f} MB at {args.count:,} briefs"
              f" ({large['worker'] / small['worker']:.2f}x); main process"
              f" {small['main'] / 2**20:.0f} -> {large['main'] / 2**20:.0f} MB")


if __name__ == "__main__":
    main()

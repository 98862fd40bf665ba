"""What a LocalCluster of 2 workers costs while it does nothing: CPU time and wake-ups
(voluntary context switches) of the process that holds the scheduler and the nannies and of
each worker, over SECONDS idle, with Dask's own settings and with those `briefcheck audit
--engine dask` starts its LocalCluster with (`checker.audit.engines.QUIET`, no dashboard).
This is the background that runs beside the checking threads for the whole audit.

    python benchmarks/dask_idle.py [--seconds 10] [--runs 2]
"""

from __future__ import annotations

import argparse
import statistics
import time


def _usage() -> tuple[float, int]:
    """This process's CPU seconds, and the voluntary context switches of all its threads
    (Linux: /proc/self/task/*/status)."""
    from pathlib import Path

    wakes = 0
    for status in Path("/proc/self/task").glob("*/status"):
        for line in status.read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                wakes += int(line.split()[1])
    return time.process_time(), wakes


def idle(settings: str, seconds: float) -> dict[str, float]:
    from distributed import Client, LocalCluster

    from checker.audit import engines

    if settings == "audit":
        engines._has_dashboard = lambda: False  # as with the extra, which has no bokeh
        cluster = engines._local_cluster(2)
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
    with cluster, Client(cluster) as client:
        client.run(lambda: None)
        main, workers = _usage(), client.run(_usage)
        time.sleep(seconds)
        main_after, workers_after = _usage(), client.run(_usage)
    worker_cpu = [workers_after[w][0] - workers[w][0] for w in workers]
    worker_wakes = [workers_after[w][1] - workers[w][1] for w in workers]
    return {"main_cpu": (main_after[0] - main[0]) / seconds,
            "main_wakes": (main_after[1] - main[1]) / seconds,
            "worker_cpu": statistics.mean(worker_cpu) / seconds,
            "worker_wakes": statistics.mean(worker_wakes) / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    measured: dict[str, list[dict]] = {"Dask's defaults": [], "audit": []}
    for _ in range(args.runs):
        for settings in measured:
            measured[settings].append(idle(settings, args.seconds))
    print(f"\nA LocalCluster of 2 workers idle for {args.seconds:.0f} s, median of {args.runs}"
          " run(s); CPU in ms per second, wake-ups per second\n")
    print("| settings | main process CPU | its wake-ups | a worker's CPU | its wake-ups |")
    print("|---|---:|---:|---:|---:|")
    for settings, runs in measured.items():
        m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"| {settings} | {1000 * m['main_cpu']:.1f} | {m['main_wakes']:.0f} |"
              f" {1000 * m['worker_cpu']:.1f} | {m['worker_wakes']:.0f} |")


if __name__ == "__main__":
    main()

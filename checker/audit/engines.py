"""Where the partitions are checked: `local`, the process pool of `briefcheck --jobs`
(`checker.batch.map_chunks`), or `dask`, a Dask Bag of the partitions computed on a
`distributed` cluster (a LocalCluster, or the scheduler at an address).

Both yield each partition's counts as it is done, in any order. Neither keeps anything of a
partition but its counts: the rows are in the tables already.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from checker.audit.partition import Settings, audit_partitions
from checker.audit.sources import Partition


class EngineError(Exception):
    """The engine could not run the audit (no cluster at the address, partitions lost)."""


def run_local(partitions: list[Partition], settings: Settings, workers: int) -> Iterator[dict]:
    """Each partition in one of `workers` processes (`briefcheck --jobs`'s pool). The
    partitions of a worker that dies are given to a new pool once; lost twice, the audit
    stops (`--resume` goes on from there)."""
    if workers <= 1:
        for partition in partitions:
            yield audit_partitions([partition], settings)[0]
        return
    from checker.batch import map_chunks
    from checker.forks import WorkerLost

    function = partial(audit_partitions, settings=settings)
    left = [[partition] for partition in partitions]
    for attempt in (1, 2):
        try:
            for _, counts in map_chunks(left, workers, function):
                yield counts[0]
            return
        except WorkerLost as lost:
            if attempt == 2:
                raise EngineError(f"{lost}; {len(lost.chunks)} partitions not checked"
                                  " (rerun with --resume to check them)") from None
            print(f"briefcheck: {lost}; checking its {len(lost.chunks)} partitions again",
                  file=sys.stderr)
            left = [left[i] for i in lost.chunks]


def run_dask(
    partitions: list[Partition], settings: Settings, workers: int, scheduler: str | None,
    announce: Callable[[str], Any], client: Any = None,
) -> Iterator[dict]:
    """Each partition as a task of a Dask Bag (one partition of the Bag per partition of
    the source), computed on the cluster at `scheduler`, else on a LocalCluster of
    `workers` processes of one thread (checking is pure Python: threads would share one
    core). A worker lost mid-run loses nothing: the scheduler gives its tasks to another
    worker. `announce` is told the dashboard's address. `client`: a `distributed.Client`
    of the caller's (a cluster object's `get_client()`: Coiled, dask-kubernetes, dask-yarn,
    SSHCluster, with their own security), used as it is and left open."""
    import dask
    import dask.bag as db
    from distributed import Client, as_completed

    cluster = None
    own = client is None
    try:
        if own and scheduler:
            client = Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
        elif own:
            cluster = _local_cluster(workers)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler or ''}: {exc}".replace(
            "  ", " ")) from None
    try:
        if client.dashboard_link and (scheduler or not own or _has_dashboard()):
            announce(client.dashboard_link)
        bag = db.from_sequence([[p] for p in partitions], npartitions=len(partitions))
        tasks = bag.map_partitions(_audit_bag_partition, settings=settings).to_delayed()
        futures = client.compute(tasks)
        for future in as_completed(futures):
            try:
                done = future.result()
            except Exception as exc:  # noqa: BLE001 - raised on a worker, any kind
                raise EngineError(f"a partition failed on the cluster: {type(exc).__name__}:"
                                  f" {exc} (rerun with --resume once it is fixed)") from None
            future.release()
            yield from done
    finally:
        if own:
            client.close()
        if cluster is not None:
            cluster.close()


#: Dask's background work that only a dashboard shows, turned down in the
#: LocalCluster the audit starts (not on a cluster of the user's): each worker's profiler
#: samples the checking thread's stack 100 times a second, taking the GIL from it, and
#: every process wakes 50 times a second to time its event loop and twice to read its
#: CPU, memory and disk. On this 2-CPU machine the checking threads lost about 4% of their
#: CPU to those wake-ups (benchmarks/README.md, "Dask's overhead").
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "2s",
}


def _local_cluster(workers: int) -> Any:
    """A LocalCluster of `workers` processes of one thread: with a dashboard (bokeh
    installed) as Dask sets it up; without, with the QUIET settings, which its spawned
    workers get from their nannies. (The scheduler's web server, on a free port, serves
    its health and metrics even without a dashboard.)"""
    import contextlib

    import dask
    from distributed import LocalCluster

    with contextlib.nullcontext() if _has_dashboard() else dask.config.set(QUIET):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=":0")


def _audit_bag_partition(items: list[list[Partition]], settings: Settings) -> list[dict]:
    """A Bag partition (one element: the list of one source partition) checked."""
    return [counts for partitions in items for counts in audit_partitions(partitions, settings)]


def _has_dashboard() -> bool:
    """Whether this environment can serve Dask's dashboard (it needs bokeh, not in the
    extra: dozens of MB for a page most audits never open)."""
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None

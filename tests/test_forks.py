"""The forked workers of a batch (`checker.forks`): every chunk's result exactly once, an
exception or a dead worker reported in the main process, and no worker left behind."""

from __future__ import annotations

import os
import signal
import time

import pytest

from checker import forks

pytestmark = pytest.mark.skipif(not forks.available(), reason="forked workers are Linux only")


def _children() -> set[int]:
    """This process's child processes, living or not yet waited for (Linux: /proc)."""
    children = set()
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="utf-8") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):  # ended meanwhile
                continue
            if parent == os.getpid():
                children.add(int(entry.name))
    return children


@pytest.fixture
def children_before() -> set[int]:
    """The children there before the test: not its workers (another test's multiprocessing
    may have left its resource tracker running)."""
    return _children()


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_every_chunk_comes_back_once_with_its_result(processes, children_before):
    # 2,000 chunk numbers are 8,000 bytes: more than one atomic write into the task pipe.
    chunks = [list(range(i, i + 3)) for i in range(2000)]
    results = dict(forks.map_chunks(sum, chunks, processes))
    assert results == {i: sum(chunk) for i, chunk in enumerate(chunks)}
    assert _children() <= children_before


def test_the_work_is_shared_between_the_workers():
    def slow_pid(chunk):
        time.sleep(0.002)
        return os.getpid()

    pids = {pid for _, pid in forks.map_chunks(slow_pid, [[i] for i in range(100)], 2)}
    assert len(pids) == 2 and os.getpid() not in pids


def test_a_result_larger_than_a_pipe_arrives_whole():
    results = dict(forks.map_chunks(lambda n: "é" * n, [1, 300_000, 2], 2))
    assert results == {0: "é", 1: "é" * 300_000, 2: "éé"}


def test_an_exception_in_a_worker_is_raised_here_and_the_workers_are_stopped(children_before):
    def fail_on_seven(n):
        if n == 7:
            raise ValueError("seven is not allowed")
        return n

    with pytest.raises(ValueError, match="seven is not allowed"):
        list(forks.map_chunks(fail_on_seven, list(range(20)), 2))
    assert _children() <= children_before


def test_a_worker_that_dies_is_reported_with_the_chunks_it_took(children_before):
    def die_on_three(n):
        if n == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    done = []
    with pytest.raises(forks.WorkerLost, match="killed by SIGKILL") as lost:
        for index, value in forks.map_chunks(die_on_three, list(range(10)), 2):
            done.append(index)
    assert lost.value.chunks == [3]
    assert sorted(done) == [0, 1, 2, 4, 5, 6, 7, 8, 9]
    assert _children() <= children_before


def test_stopping_early_stops_the_workers(children_before):
    results = forks.map_chunks(lambda n: n, list(range(1000)), 2)
    next(results)
    results.close()
    assert _children() <= children_before

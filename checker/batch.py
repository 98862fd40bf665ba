"""Batches: many files in (`checker.discovery` says which), one report per brief out, in order.

Each file gets the config that applies to it (`ConfigResolver`). With `jobs > 1` the files
are checked in worker processes; results come back in input order, so the output is the
same bytes as with one job. By default (`jobs=None`) a batch of PARALLEL_MIN_FILES files
or more uses one process per CPU, like ruff: forking costs a few milliseconds and a
20-brief batch is already faster on two (measured in benchmarks/README.md). A progress bar
goes to stderr only when asked (the CLI asks when stderr is a terminal and the batch is
large), never into the report.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import accumulate
from time import perf_counter
from typing import Any, TextIO

from checker.config import Config
from checker.files import report_name
from checker.loaders import format_for
from checker.report import DocumentReport, RenderedDocument
from checker.run import STDIN, check_file

#: A batch this large shows a progress bar (when stderr is a terminal).
PROGRESS_MIN_FILES = 20
#: A batch this large is checked in parallel by default, with one more process per this
#: many files, up to one per CPU.
PARALLEL_MIN_FILES = 20


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may run on
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    """The processes for a batch of `files` files when --jobs is not given."""
    return max(1, min(usable_cpus(), files // PARALLEL_MIN_FILES))


def capped_jobs(jobs: int, files: int) -> int:
    """The processes a batch of `files` files is checked in when `jobs` are asked for: never
    more than its files nor than the CPUs it may run on (`-j 500` on 30 files forked 500
    processes; more processes than CPUs only share them, with a pipe and a copy of the
    process each)."""
    return max(1, min(jobs, files, usable_cpus()))


#: The most files a worker is sent at once: each message between processes costs about
#: 0.3 ms besides its reports (64 rather than 16: 1,000 briefs about 10 ms sooner).
CHUNK_MAX = 64


Render = Callable[[DocumentReport], str]
#: A file to check: its path, its config, whether to collect the evidence, how to render
#: its report if it is to be sent back rendered, and whether to time it (`check_batch`).
Job = tuple[str, Config, bool, Render | None, bool]
Outcome = DocumentReport | RenderedDocument


def _finish(report: DocumentReport, render: Render | None) -> Outcome:
    return report if render is None else RenderedDocument.of(report, render(report))


def _check(job: Job) -> Outcome:
    path, config, evidence, render, timed = job
    if not timed:
        return _finish(check_file(path, config, evidence), render)
    start = perf_counter()
    report = check_file(path, config, evidence)
    return _finish(replace(report, seconds=round(perf_counter() - start, 6)), render)


def _check_chunk(jobs: list[Job]) -> list[Outcome]:
    return [_check(job) for job in jobs]


def map_chunks(
    cut: Sequence[Any], processes: int, function: Callable[[Any], Any] | None = None
) -> Iterator[tuple[int, Any]]:
    """Each chunk's number and `function(chunk)` (by default its reports), from `processes`
    worker processes, as they finish. A worker that dies raises `forks.WorkerLost` naming
    the chunks that did not come back. (`function` must pickle where workers are not forked:
    a module-level function, or a partial of one.)"""
    from checker import forks

    function = function or _check_chunk  # looked up now: tests stand in for it
    threads = _threads_running()
    if forks.available() and not threads:
        yield from forks.map_chunks(function, cut, processes)
        return
    # 10-20 ms of imports: not Linux, or a program with threads of its own
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # A forked child gets only the thread that forked: a lock another thread held stays
    # locked there for ever. Spawned workers start afresh (slower to start, never stuck).
    context = multiprocessing.get_context("spawn") if threads else None
    lost: list[int] = []
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        futures = {}
        for index, chunk in enumerate(cut):
            try:
                futures[pool.submit(function, chunk)] = index
            except BrokenProcessPool:  # a worker died while the work was being handed out
                lost.extend(range(index, len(cut)))
                break
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except BrokenProcessPool:  # a worker died: the pool stops and fails what is left
                lost.append(futures[future])
                continue
            yield futures[future], outcomes
    if lost:
        raise forks.WorkerLost(sorted(lost), "the process pool stopped with it")


def _threads_running() -> bool:
    """Whether the program that called has threads besides this one (`threading` is only
    imported by a program that may have started some)."""
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


def chunks(jobs: list, processes: int) -> list[list]:
    """`jobs` cut in order into chunks that shrink toward the end (guided scheduling): large
    ones while much is left, single files last, so no process is left with a long chunk
    while the others have finished (with fixed chunks, half a chunk on average: with 16
    files, ~15 ms a batch)."""
    cut, start = [], 0
    while start < len(jobs):
        size = max(1, min(CHUNK_MAX, (len(jobs) - start) // (4 * processes)))
        cut.append(jobs[start : start + size])
        start += size
    return cut


@contextmanager
def progress_bar(total: int, *, stream: TextIO = sys.stderr) -> Iterator[Callable[[int], None] | None]:
    """A progress callback drawing on `stream` for a large batch on a terminal, else None."""
    if total < PROGRESS_MIN_FILES or not stream.isatty() or os.environ.get("TERM") == "dumb":
        yield None  # a dumb terminal cannot redraw a line: no bar at all
        return
    import click

    bar = click.progressbar(length=total, label="checking", file=stream)
    bar.render_finish = lambda: _clear(bar, stream)  # instead of leaving it above the report
    with bar:
        yield bar.update


def _clear(bar, stream: TextIO) -> None:
    """Blanks the progress bar's line and shows the cursor again (click hid it): the report
    that follows starts on a clean line, as if no bar had been drawn."""
    width = len(getattr(bar, "_last_line", None) or "") or 80
    stream.write("\r" + " " * width + "\r\x1b[?25h")
    stream.flush()


def check_batch(
    items: list[str | DocumentReport],
    config_for: Callable[[str], Config],
    jobs: int | None = 1,
    progress: Callable[[int], object] | None = None,
    evidence: bool = True,
    render: Render | None = None,
    timed: bool = False,
) -> list[Outcome]:
    """Check the files of `checker.discovery.expand(...)` in `jobs` processes (None: `default_jobs`).
    `progress(1)` is called as each file is done. `evidence=False`: reports without what only
    the JSON and HTML reports show (`checker.run.check_source`), also less to send back
    from the workers. `render`: each report comes back as a RenderedDocument, rendered by
    `render` where it was checked (`checker.formats.document_renderer`). `timed`: each
    report says how long its check took (`DocumentReport.seconds`, for JUnit's `time`).

    Configs are resolved here, in this process, so a bad config stops the run before any
    work (ConfigError) and workers need nothing but a path and a Config.
    """
    work = [(i, (item, config_for(item), evidence, render, timed))
            for i, item in enumerate(items) if isinstance(item, str)]
    jobs = default_jobs(len(work)) if jobs is None else capped_jobs(jobs, len(work))
    results: list[Outcome | str] = list(items)
    parallel = [(i, job) for i, job in work if job[0] != STDIN] if jobs > 1 else []
    in_pool = {i for i, _ in parallel}
    serial = [(i, job) for i, job in work if i not in in_pool]
    for i, job in serial:
        results[i] = _check(job)
        if progress:
            progress(1)
    if parallel:
        from checker.forks import WorkerLost

        files = [job for _, job in parallel]
        slots = [i for i, _ in parallel]
        cut = chunks(files, jobs)
        starts = list(accumulate((len(chunk) for chunk in cut), initial=0))
        try:
            for index, outcomes in map_chunks(cut, jobs):
                for offset, outcome in enumerate(outcomes):
                    results[slots[starts[index] + offset]] = outcome
                if progress:
                    progress(len(outcomes))
        except WorkerLost as lost:  # what that worker had taken is reported, not dropped
            for index in lost.chunks:
                for offset, (path, *_) in enumerate(cut[index]):
                    results[slots[starts[index] + offset]] = DocumentReport(
                        path=report_name(path), lang=None, format=format_for(path),
                        error=f"not checked: {lost}")
    return [result if isinstance(result, RenderedDocument) else _finish(result, render)
            for result in results if not isinstance(result, str)]

"""Forked worker processes for a batch: each takes the next chunk of work from one shared
pipe, and sends its results back on a pipe of its own.

Why not `concurrent.futures`: its pool costs the main process a management thread, a task
queue it feeds chunk by chunk and 10 to 20 ms of imports, and that process runs on the
same cores as the workers. Here the main process only writes the chunk numbers once and
reads results (measured in benchmarks/README.md). Forked workers inherit the work list,
the configs and the loaded modules, so nothing but results crosses between processes.
Linux only (fork is unsafe on macOS and absent on Windows): `checker.batch` uses
`concurrent.futures` elsewhere.
"""

from __future__ import annotations

import os
import pickle
import select
import selectors
import signal
import struct
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

#: A chunk's number in the task pipe: writes of at most PIPE_BUF bytes are atomic and every
#: read asks for one number, so two workers never share or split one.
_NUMBER = struct.Struct("<I")
#: A result's length before its pickle on a worker's pipe.
_LENGTH = struct.Struct("<Q")
#: Bytes read from a result pipe at once: what a pipe holds (Linux's default capacity).
_READ = 65536


class WorkerLost(Exception):
    """A worker ended before sending the results of chunks it had taken."""

    def __init__(self, chunks: list[int], status: str):
        super().__init__(f"a worker process ended unexpectedly ({status})")
        self.chunks = chunks


def available() -> bool:
    return sys.platform == "linux"


def map_chunks(
    function: Callable[[Any], Any], chunks: Sequence[Any], processes: int
) -> Iterator[tuple[int, Any]]:
    """`(i, function(chunks[i]))` for every chunk, computed in `processes` forked workers and
    yielded as each is done (not in order). An exception that `function` raises is raised
    here; a worker that dies raises WorkerLost naming the chunks it had not returned. When
    the caller stops early (an exception, an interrupt), the workers are stopped."""
    pool = _Pool()
    previous = _stop_on_sigterm()
    try:
        yield from pool.run(function, chunks, processes)
    finally:
        pool.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _stop_on_sigterm() -> Any:
    """SIGTERM (a CI job cancelled, `timeout`) ends the main process through its `finally`,
    as SIGINT does, so that it stops its workers; by default it ended at once and left them
    running. The previous handler, or None where none can be set (not the main thread)."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # signals are the main thread's only
        return None
    return previous if previous is not None else signal.SIG_DFL


class _Pool:
    """The main process's side: the pipes it holds and the workers it forked."""

    def __init__(self) -> None:
        self.fds: set[int] = set()
        self.workers: dict[int, int] = {}  # result pipe -> process id
        self.done = False

    def pipe(self) -> tuple[int, int]:
        read, write = os.pipe()
        self.fds.update((read, write))
        return read, write

    def close(self, fd: int) -> None:
        self.fds.discard(fd)
        os.close(fd)

    def run(self, function, chunks: Sequence[Any], processes: int) -> Iterator[tuple[int, Any]]:
        tasks_read, tasks_write = self.pipe()
        for _ in range(processes):
            results_read, results_write = self.pipe()
            pid = os.fork()
            if pid == 0:
                # Only its own ends: a worker holding the read end of its result pipe (or of
                # another's) never saw the main process go, and blocked for ever writing.
                for fd in self.fds - {tasks_read, tasks_write, results_write}:
                    os.close(fd)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler
                _worker(function, chunks, tasks_read, tasks_write, results_write)
            self.close(results_write)
            self.workers[results_read] = pid
        self.close(tasks_read)
        received = set()
        for index, value in self.collect(len(chunks), tasks_write):
            received.add(index)
            yield index, value
        self.done = True
        if len(received) < len(chunks):
            missing = [i for i in range(len(chunks)) if i not in received]
            raise WorkerLost(missing, self.stop())

    def collect(self, count: int, tasks: int) -> Iterator[tuple[int, Any]]:
        """Feed the chunk numbers into the task pipe, and read results until every worker
        has closed its pipe."""
        numbers = memoryview(b"".join(_NUMBER.pack(i) for i in range(count)))
        buffers = {fd: bytearray() for fd in self.workers}
        os.set_blocking(tasks, False)
        with selectors.DefaultSelector() as selector:
            selector.register(tasks, selectors.EVENT_WRITE)
            for fd in self.workers:
                selector.register(fd, selectors.EVENT_READ)
            while selector.get_map():
                for key, _ in selector.select():
                    if key.fd == tasks:
                        try:
                            numbers = numbers[os.write(tasks, numbers[: select.PIPE_BUF]) :]
                        except BlockingIOError:
                            continue
                        except BrokenPipeError:  # every worker has gone
                            numbers = numbers[:0]
                        if not numbers:  # all sent: the workers see the end of the pipe
                            selector.unregister(tasks)
                            self.close(tasks)
                        continue
                    data = os.read(key.fd, _READ)
                    if not data:
                        selector.unregister(key.fd)
                        continue
                    buffer = buffers[key.fd]
                    buffer += data
                    while len(buffer) >= _LENGTH.size:
                        end = _LENGTH.size + _LENGTH.unpack_from(buffer)[0]
                        if len(buffer) < end:
                            break
                        with memoryview(buffer) as view:  # no copy of a large result
                            index, ok, value = pickle.loads(view[_LENGTH.size : end])
                        del buffer[:end]
                        if not ok:
                            raise value
                        yield index, value

    def stop(self) -> str:
        """Close the pipes, stop the workers unless they have finished, and wait for them;
        how they ended."""
        for fd in list(self.fds):
            self.close(fd)
        statuses = []
        for pid in self.workers.values():
            if not self.done:
                try:
                    os.kill(pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
            _, status = os.waitpid(pid, 0)
            if os.WIFSIGNALED(status):
                statuses.append(f"killed by {signal.Signals(os.WTERMSIG(status)).name}")
            elif os.waitstatus_to_exitcode(status):
                statuses.append(f"exit code {os.waitstatus_to_exitcode(status)}")
        self.workers.clear()
        return ", ".join(statuses) or "no status"


def _worker(function, chunks, tasks: int, tasks_write: int, results: int) -> None:
    """A worker's whole life: chunks until the task pipe is empty and closed, then out
    (os._exit), without running the main process's cleanup or writing the output it had
    buffered when it forked."""
    code = 0
    try:
        os.close(tasks_write)  # else the task pipe would never end
        while number := os.read(tasks, _NUMBER.size):
            (index,) = _NUMBER.unpack(number)
            try:
                outcome = (index, True, function(chunks[index]))
            except Exception as exc:  # noqa: BLE001 - raised again in the main process
                outcome = (index, False, exc)
            try:
                payload = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
                payload = pickle.dumps((index, False, RuntimeError(repr(exc))))
            _write_all(results, _LENGTH.pack(len(payload)))
            _write_all(results, payload)
    except BaseException:  # noqa: BLE001 - interrupted, or the main process has gone
        code = 1
    finally:
        os._exit(code)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]

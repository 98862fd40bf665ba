"""Run `briefcheck` in a process of its own, as a user or a CI job does, and measure it.

Why a subprocess: the hostile cases are about what the command does to the process that
runs it (its exit code, its stderr, its time and peak memory, a hang, a signal, a closed
stream), which click's CliRunner cannot show. The peak memory is the child's own
(RUSAGE_CHILDREN of a small process between, `_MEASURE`), the bounds are generous limits, not timings: a case that
passes within them in a second on the 2-CPU machine is a case that no longer hangs.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


#: The command runs as the child of a small Python process that writes its peak memory
#: (RUSAGE_CHILDREN) to a file and exits with its status: measured on the test process's
#: own child, the peak would include the test process (Linux keeps the forked image's peak
#: across exec: a 340 MB pytest made every command "340 MB").
_MEASURE = """
import os, resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code if code >= 0 else 128 - code)
"""


@dataclass
class Outcome:
    code: int
    stdout: bytes
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


def run_bounded(
    *args: object,
    seconds: float = 60,
    mb: float = 500,
    cwd: Path | str | None = None,
    stdin: int | bytes | None = subprocess.DEVNULL,
    stdout: int | str | None = None,
    env: dict | None = None,
    shell_prefix: str = "",
    limit_files: int | None = None,
) -> Outcome:
    """`python -m checker ARGS...` in a child: its exit code, output, time and peak memory.
    Fails the test when it runs past `seconds` (the child is killed) or its peak resident
    memory passes `mb`. `stdout`: a file descriptor spec for the child (default: captured);
    `shell_prefix`: shell redirections such as `>&-` (the command then runs under sh);
    `limit_files`: the child's limit of open file descriptors (RLIMIT_NOFILE)."""
    command = [sys.executable, "-m", "checker", *map(os.fsdecode, map(os.fsencode, args))]
    report = tempfile.NamedTemporaryFile(delete=False)
    report.close()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        stdin_file = None
        if isinstance(stdin, bytes):
            stdin_file = tempfile.TemporaryFile()
            stdin_file.write(stdin)
            stdin_file.seek(0)
        if shell_prefix:
            import shlex

            line = "exec " + " ".join(shlex.quote(os.fsdecode(part)) for part in command)
            command = ["/bin/sh", "-c", f"{line} {shell_prefix}"]
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", _MEASURE, report.name, *command], cwd=cwd, env=environment,
            stdin=stdin_file if stdin_file is not None else stdin,
            stdout=out if stdout is None else stdout, stderr=err,
            start_new_session=True,
            preexec_fn=None if limit_files is None else lambda: resource.setrlimit(
                resource.RLIMIT_NOFILE, (limit_files, limit_files)),
        )
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > seconds:
                os.killpg(child.pid, signal.SIGKILL)
                os.wait4(child.pid, 0)
                raise AssertionError(f"still running after {seconds} s: {args!r}"[:300])
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - start
        with open(report.name) as measured:
            peak_kb = int(measured.read() or 0)
        os.unlink(report.name)
        if stdin_file is not None:
            stdin_file.close()
        out.seek(0)
        err.seek(0)
        outcome = Outcome(child.returncode, out.read(), err.read().decode("utf-8", "replace"),
                          elapsed, peak_kb / 1024)
    assert outcome.peak_mb <= mb, f"peak memory {outcome.peak_mb:.0f} MB > {mb} MB"
    return outcome


def assert_contract(outcome: Outcome, *, codes: tuple[int, ...] = (0, 1, 2), lines: int = 1) -> None:
    """Exit 0, 1 or 2; at most one line on stderr (`lines`: a report that is not text on
    stdout also names each file that could not be read there, before its summary line);
    never a traceback."""
    assert outcome.code in codes, (outcome.code, outcome.stderr[-2000:])
    assert "Traceback" not in outcome.stderr, outcome.stderr[-2000:]
    assert len(outcome.stderr_lines) <= lines, outcome.stderr[-2000:]

"""Hostile output streams, signals and --jobs (issue 18): a full disk, closed streams, a
FIFO with no reader, a reader that goes away, SIGTERM to a parallel batch and absurd --jobs.
Each gives exit 0, 1 or 2 with at most one line on stderr, never a traceback or a hang.
Each case runs the command in a process of its own, within the bounds it states."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from bounded import ROOT, assert_contract, run_bounded
from conftest import SAMPLES, SEED

CONFLICT = SAMPLES / "consistency" / "c201-date-conflict.en.txt"


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_stdout_on_a_full_disk_is_one_line(fmt):
    with open("/dev/full", "wb") as full:
        outcome = run_bounded(SEED, "--format", fmt, stdout=full.fileno(), seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert "No space left on device" in outcome.stderr


@pytest.mark.parametrize("args", [["rules"], ["rule", "C201"]])
def test_the_documentation_on_a_full_disk_is_one_line(args):
    with open("/dev/full", "wb") as full:
        outcome = run_bounded(*args, stdout=full.fileno(), seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert "No space left on device" in outcome.stderr


def test_a_report_file_on_a_full_disk_is_one_line():
    outcome = run_bounded(SEED, "-o", "/dev/full", seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert "/dev/full: cannot write report: No space left on device" in outcome.stderr


def test_stdout_closed_is_one_line():
    outcome = run_bounded(SEED, shell_prefix=">&-", seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert "standard output is closed" in outcome.stderr


def test_stdout_closed_with_a_report_file_still_writes_it(tmp_path):
    outcome = run_bounded(SEED, "-o", tmp_path / "r.txt", shell_prefix=">&-", seconds=30, mb=300)
    assert_contract(outcome, codes=(0,))
    assert "R301" in (tmp_path / "r.txt").read_text("utf-8")


def test_stdin_closed_is_the_documents_error():
    outcome = run_bounded("-", shell_prefix="<&-", seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert b"<stdin>: error: standard input is closed" in outcome.stdout


@pytest.mark.parametrize("args, code", [
    (["missing.txt"], 2), ([CONFLICT], 1), ([SEED, "--format", "json"], 0),
])
def test_stderr_closed_keeps_the_exit_code(args, code):
    outcome = run_bounded(*args, shell_prefix="2>&-", seconds=30, mb=300)
    assert outcome.code == code and outcome.stderr == ""


def test_a_report_onto_a_fifo_with_no_reader_is_refused_at_once(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    outcome = run_bounded(SEED, "-o", fifo, seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert "a FIFO that no process reads" in outcome.stderr


@pytest.mark.parametrize("fmt, code", [("text", 0), ("json", 0), ("text", 1)])
def test_a_reader_that_goes_away_keeps_the_exit_code(tmp_path, fmt, code):
    """`briefcheck ... --fail-on never | head -c1`: the exit code is the report's (a broken
    pipe made it 1). A report longer than a pipe holds, so the writer does see the break."""
    brief = SEED if code == 0 else CONFLICT
    for i in range(40):
        shutil.copy(brief, tmp_path / f"b{i}.txt")
    fail_on = "never" if code == 0 else "error"
    command = (f"{sys.executable} -m checker {tmp_path} --format {fmt} --fail-on {fail_on}"
               " -j 1 | head -c 1 >/dev/null; echo ${PIPESTATUS[0]} >&2")
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    *rest, status = result.stderr.splitlines()
    assert int(status) == code and rest == [] or rest == [
        line for line in rest if line.startswith(("passed", "failed"))], result.stderr


def _children(pid: int) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as file:
            return {int(child) for child in file.read().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as file:
            return file.read().split(") ")[-1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")
def test_sigterm_to_a_parallel_batch_stops_its_workers(tmp_path):
    """SIGTERM to the main process of `-j 2` (a cancelled CI job): its workers end too (they
    stayed blocked writing to their result pipes)."""
    text = SEED.read_text("utf-8")
    for i in range(60):
        (tmp_path / f"b{i}.txt").write_text(text * 20, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "checker", str(tmp_path), "-j", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(child.pid)
        time.sleep(0.05)
    assert len(workers) == 2, "the batch never forked two workers"
    os.kill(child.pid, signal.SIGTERM)
    try:
        child.wait(timeout=30)
    finally:
        child.kill()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # not left running when the test fails (as they were before)
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "a worker outlived the main process"
    assert b"Traceback" not in child.stderr.read()
    assert child.returncode in (-signal.SIGTERM, 128 + signal.SIGTERM)


def test_jobs_are_capped_at_the_files(tmp_path):
    """`-j 500` on 3 files forks no more than 3 processes (it forked 500): counted by the
    process's peak memory staying that of a few processes, and by time."""
    for i in range(3):
        shutil.copy(SEED, tmp_path / f"b{i}.txt")
    from checker.batch import capped_jobs

    assert capped_jobs(500, 3) <= 3 and capped_jobs(500, 30) <= os.cpu_count()
    outcome = run_bounded(tmp_path, "-j", "500", "--format", "json", seconds=30, mb=300)
    assert_contract(outcome, codes=(0,))


@pytest.mark.parametrize("value", ["3000", "99999999999999999999", "1" + "0" * 5000])
def test_absurd_jobs_are_refused_in_one_line(value):
    outcome = run_bounded(SEED, "-j", value, seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert "more processes than briefcheck starts" in outcome.stderr
    assert len(outcome.stderr) < 300


def test_jobs_with_few_file_descriptors_is_one_line_or_works(tmp_path):
    """`-j 1024` with 20 open files allowed: the cap keeps it to the CPUs (it ended in a
    "Too many open files" traceback)."""
    for i in range(30):
        shutil.copy(SEED, tmp_path / f"b{i}.txt")
    outcome = run_bounded(tmp_path, "-j", "1024", shell_prefix="", seconds=60, mb=300,
                          env={}, limit_files=20)
    assert_contract(outcome, codes=(0, 2))

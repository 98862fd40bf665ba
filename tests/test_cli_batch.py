"""Batches and CI gating through the CLI: globs, --jobs, -o for every format, --report-dir,
per-file config discovery, severity overrides, the progress bar and the stderr summary."""

from __future__ import annotations

import io
import json
import os
import signal

import pytest

from checker import batch, discovery, forks
from checker.batch import PARALLEL_MIN_FILES, PROGRESS_MIN_FILES, default_jobs, progress_bar
from checker.config import Config
from checker.formats import FORMATS, render
from checker.report import DocumentReport, RunReport
from checker.run import check_file
from conftest import ROOT

C211 = "samples/consistency/c211-unsupported-key-fact.fr.txt"
SEED = "samples/paris-summit.fr.txt"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_default_jobs_are_one_per_cpu_for_a_large_batch_only(monkeypatch):
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert default_jobs(0) == default_jobs(PARALLEL_MIN_FILES - 1) == 1
    assert default_jobs(PARALLEL_MIN_FILES) == 1
    assert default_jobs(2 * PARALLEL_MIN_FILES) == 2
    assert default_jobs(1000) == 4
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert default_jobs(1000) == 1


def test_the_default_gives_the_bytes_of_one_job_and_runs_in_parallel(run_cli, monkeypatch):
    one = run_cli("samples", "--format", "json", "--jobs", "1")
    used = []
    real = batch.default_jobs
    monkeypatch.setattr(batch, "default_jobs", lambda files: used.append(max(2, real(files))) or used[-1])
    default = run_cli("samples", "--format", "json")
    assert used and used[0] >= 2
    assert default.stdout == one.stdout and default.exit_code == one.exit_code == 1


@pytest.mark.parametrize("files, processes", [(1000, 2), (25, 2), (7, 3), (1, 4), (0, 2)])
def test_chunks_keep_every_file_in_order_and_shrink_to_single_files(files, processes):
    cut = batch.chunks(list(range(files)), processes)
    assert [job for chunk in cut for job in chunk] == list(range(files))
    sizes = [len(chunk) for chunk in cut]
    assert sizes == sorted(sizes, reverse=True) and all(1 <= n <= batch.CHUNK_MAX for n in sizes)
    assert not cut or sizes[-1] == 1
    if files == 1000:
        assert sizes[0] == batch.CHUNK_MAX and len(cut) < files // 8  # few messages, not one a file


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_jobs_must_be_a_number_of_processes_or_auto(run_cli, value):
    result = run_cli(SEED, "--jobs", value)
    assert result.exit_code == 2 and "not a number of processes" in result.stderr


def test_jobs_give_the_same_bytes_as_one_job(run_cli):
    one = run_cli("samples", "--format", "json", "--jobs", "1")
    four = run_cli("samples", "--format", "json", "--jobs", "4")
    assert one.exit_code == four.exit_code == 1
    assert one.stdout == four.stdout
    assert len(json.loads(one.stdout)["documents"]) > 20
    html = [run_cli("samples", "--format", "html", "-j", n).stdout for n in ("1", "3")]
    assert html[0] == html[1] and html[0].count("<mark") > 10  # the brief text crossed processes


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_documents_rendered_in_the_workers_give_the_bytes_of_one_job(run_cli, fmt):
    """Text, GitHub and JSON runs render each document where it is checked; the output is
    the bytes of the report rendered whole, with a report made here (an empty glob) in
    place."""
    args = ("samples", "nowhere/*.md", "--format", fmt, "--fail-on", "warning")
    one, three = (run_cli(*args, "--jobs", n) for n in ("1", "3"))
    paths = discovery.expand(["samples", "nowhere/*.md"])
    whole = RunReport.build(
        [p if isinstance(p, DocumentReport) else check_file(p, Config(), fmt == "json")
         for p in paths], "warning")
    assert one.stdout == three.stdout == render(fmt, whole)
    assert one.exit_code == three.exit_code == 2 and "no briefs match" in one.stdout


def test_globs_are_expanded_sorted_and_an_empty_glob_is_reported(run_cli):
    result = run_cli("samples/consistency/c20*.txt", "nowhere/*.md", "--format", "json")
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    expected = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples/consistency").glob("c20*.txt"))
    assert len(expected) >= 5 and paths == expected + ["nowhere/*.md"]
    assert json.loads(result.stdout)["documents"][-1]["error"] == "no briefs match this pattern"
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_file_for_every_format_and_summary_on_stderr(run_cli, tmp_path, fmt):
    out = tmp_path / "deep" / f"report.{fmt}"
    result = run_cli(C211, "--format", fmt, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text("utf-8")
    # C211 (1) and the seed's repeated first sentence (R301, R302): 3 warnings.
    assert result.stderr == "passed: 0 errors, 3 warnings, 0 info in 1 document.\n"


def test_report_dir_writes_html_and_json_beside_stdout(run_cli, tmp_path):
    result = run_cli(SEED, "--report-dir", tmp_path / "out")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1].startswith("passed")
    assert json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))["summary"]["documents"] == 1
    assert (tmp_path / "out" / "report.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    # A text run writes its report folder with the evidence (facts, repeated sentences) all the same
    assert (tmp_path / "out" / "report.json").read_text("utf-8") == run_cli(SEED, "--format", "json").stdout


def test_report_dir_defaults_to_reports(run_cli, tmp_path, monkeypatch):
    (tmp_path / "b.txt").write_text((ROOT / SEED).read_text("utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli("b.txt", "--report-dir").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["report.html", "report.json"]


def _brief(directory, name="brief.txt"):
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text((ROOT / C211).read_text("utf-8"), encoding="utf-8")
    return path


def test_config_is_discovered_from_the_checked_files_directory(run_cli, tmp_path):
    strict = _brief(tmp_path / "strict" / "news")
    loose = _brief(tmp_path / "loose")
    (tmp_path / "strict" / "pyproject.toml").write_text(
        '[tool.briefcheck]\nignore = ["R3"]\nseverity = {C211 = "error"}\n', encoding="utf-8")
    (tmp_path / "loose" / ".briefcheck.toml").write_text('ignore = ["C2", "R3"]\n', encoding="utf-8")
    result = run_cli(strict, loose, "--format", "json")
    strict_doc, loose_doc = json.loads(result.stdout)["documents"]
    assert [(f["code"], f["severity"]) for f in strict_doc["findings"]] == [("C211", "error")]
    assert loose_doc["findings"] == []
    assert result.exit_code == 1


def test_explicit_config_wins_over_discovery(run_cli, tmp_path):
    brief = _brief(tmp_path / "a")
    (tmp_path / "a" / ".briefcheck.toml").write_text('ignore = ["C2"]\n', encoding="utf-8")
    explicit = tmp_path / "ci.toml"
    explicit.write_text('fail_on = "warning"\n', encoding="utf-8")
    result = run_cli(brief, "--config", explicit)
    assert result.exit_code == 1 and "C211 warning" in result.stdout


def test_invalid_discovered_config_is_exit_2_naming_key_and_reason(run_cli, tmp_path):
    brief = _brief(tmp_path / "a")
    (tmp_path / "a" / ".briefcheck.toml").write_text('severity = {C211 = "fatal"}\n', encoding="utf-8")
    result = run_cli(brief)
    assert result.exit_code == 2
    assert "invalid config key 'severity.C211'" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_for_a_large_batch_on_a_terminal():
    with progress_bar(PROGRESS_MIN_FILES, stream=io.StringIO()) as tick:
        assert tick is None
    with progress_bar(PROGRESS_MIN_FILES - 1, stream=_Terminal()) as tick:
        assert tick is None
    terminal = _Terminal()
    with progress_bar(PROGRESS_MIN_FILES, stream=terminal) as tick:
        tick(PROGRESS_MIN_FILES)
    assert "checking" in terminal.getvalue() and "100%" in terminal.getvalue()


def test_severity_override_gates_the_exit_code(run_cli, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('[severity]\nC211 = "error"\n', encoding="utf-8")
    assert run_cli(C211).exit_code == 0
    assert run_cli(C211, "--config", config).exit_code == 1


def test_rule_command_shows_every_rules_full_doc_with_bad_and_good_example(run_cli):
    from checker.rules import all_rules

    for code, rule in all_rules().items():
        result = run_cli("rule", code.lower())
        assert result.exit_code == 0
        assert result.stdout.startswith(f"{code} {rule.name} ({rule.category}, default severity")
        example = result.stdout.split("\nExample\n", 1)[1]
        assert "Bad" in example and "Good" in example, code
        assert "How to fix" in result.stdout and "How to silence or re-grade it" in example


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_discovered_config_with_a_missing_schema_is_exit_2(run_cli, tmp_path, jobs):
    briefs = [_brief(tmp_path / "a", f"{n}.txt") for n in range(2)]
    (tmp_path / "a" / ".briefcheck.toml").write_text('schema = "ours.json"\n', encoding="utf-8")
    result = run_cli(*briefs, "--jobs", jobs)
    assert result.exit_code == 2 and result.stdout == ""
    assert "ours.json: cannot use schema" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.skipif(not forks.available(), reason="forked workers are Linux only")
def test_the_files_of_a_worker_that_dies_are_reported_not_dropped(run_cli, monkeypatch):
    real = batch._check_chunk
    victim = "samples/consistency/c201-date-conflict.en.txt"

    def check_or_die(jobs):
        if any(path == victim for path, *_ in jobs):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
        return real(jobs)

    monkeypatch.setattr(batch, "_check_chunk", check_or_die)
    result = run_cli("samples", "--jobs", "2", "--format", "json")
    documents = {d["path"]: d for d in json.loads(result.stdout)["documents"]}
    assert documents[victim]["error"] == (
        "not checked: a worker process ended unexpectedly (killed by SIGKILL)")
    lost = [path for path, d in documents.items() if d["error"] and "worker" in d["error"]]
    assert victim in lost and len(lost) <= 8  # its chunk, not the batch
    assert sum(d["error"] is None for d in documents.values()) >= 20  # the others were checked
    assert result.exit_code == 2


def test_a_worker_that_dies_in_a_process_pool_is_reported_not_a_traceback(run_cli, monkeypatch):
    """Without forked workers (macOS, Windows), `concurrent.futures` stops the whole pool
    when one worker dies: the files it had not returned are reported as not checked."""
    real = batch.check_file
    victim = "samples/consistency/c201-date-conflict.en.txt"

    def check_or_die(path, *args, **kwargs):
        if path == victim:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(forks, "available", lambda: False)
    monkeypatch.setattr(batch, "check_file", check_or_die)
    result = run_cli("samples", "--jobs", "2", "--format", "json")
    documents = {d["path"]: d for d in json.loads(result.stdout)["documents"]}
    assert documents[victim]["error"] == (
        "not checked: a worker process ended unexpectedly (the process pool stopped with it)")
    assert all(d["error"] is None or d["error"].startswith("not checked: a worker")
               for d in documents.values())
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_a_program_with_threads_gets_spawned_workers_not_forked_ones(monkeypatch):
    """Forking while another thread holds a lock can leave the child stuck on it: with
    threads running, the batch runs in spawned processes, with the same results."""
    import threading

    from checker.config import ConfigResolver

    def no_fork(*args, **kwargs):
        raise AssertionError("forked with threads running")

    monkeypatch.setattr(forks, "map_chunks", no_fork)
    items = discovery.expand(["samples"])
    config_for = ConfigResolver(None)
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        spawned = batch.check_batch(items, config_for, jobs=2, evidence=False)
    finally:
        stop.set()
        waiting.join()
    assert spawned == batch.check_batch(items, config_for, jobs=1, evidence=False)
    assert len(spawned) == len(items) > 20


def test_without_forked_workers_the_batch_gives_the_same_bytes(run_cli, monkeypatch):
    one = run_cli("samples", "--format", "json", "--jobs", "1")
    monkeypatch.setattr(forks, "available", lambda: False)  # macOS, Windows: concurrent.futures
    pool = run_cli("samples", "--format", "json", "--jobs", "2")
    assert pool.stdout == one.stdout and pool.exit_code == one.exit_code

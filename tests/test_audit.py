"""`briefcheck audit`: archives checked in partitions into Parquet tables, on the process
pool and on a real Dask cluster (`distributed.LocalCluster`, two worker processes), with
broken files, a worker killed mid-run, and `--resume` after an interruption.

No Dask machinery runs in the test process itself: the cluster and every `--engine dask`
audit run in processes of their own, because distributed leaves threads behind, and a
process with threads checks batches in spawned workers instead of forked ones, which other
tests (tests/test_cli_batch.py) rely on.

Needs the audit extra (`pip install -e '.[test,audit]'`, as .ci/run does). Without it these
tests are skipped with that reason, except in CI (CI=true), where a missing extra is an
error: the audit must not go untested there.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT

MISSING = [name for name in ("pyarrow", "dask", "distributed")
           if importlib.util.find_spec(name) is None]
if MISSING and os.environ.get("CI"):
    raise ImportError(f"the audit extra is not installed ({', '.join(MISSING)}):"
                      " .ci/run must install '.[test,audit]'")
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"needs the audit extra ({', '.join(MISSING)}):"
                          " pip install -e '.[test,audit]'")

_spec = importlib.util.spec_from_file_location("audit_archive", ROOT / "benchmarks" / "archive.py")
archive = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(archive)

#: One brief in this many is broken in the test archives (empty, binary, truncated JSON,
#: mixed encodings, in turn).
BROKEN_EVERY = 23


def read(out: Path, table: str) -> list[dict]:
    from checker.audit.tables import read_table

    return read_table(out, table).to_pylist()


def comparable(finding: dict) -> dict:
    """A finding of the JSON report in the findings table's shape."""
    location = finding["location"]
    return {"code": finding["code"], "name": finding["name"], "severity": finding["severity"],
            "category": finding["category"], "fact": finding["fact"],
            "section": location["section"], "line": location["line"],
            "column": location["column"], "end_line": location["end_line"],
            "end_column": location["end_column"], "message": finding["message"],
            "related": finding["related"]}


def by_document(rows: list[dict]) -> dict[str, list[dict]]:
    """The table's findings per path, each without id and path, sorted."""
    found: dict[str, list[dict]] = {}
    for row in rows:
        rest = {k: v for k, v in row.items() if k not in ("id", "path")}
        found.setdefault(row["path"], []).append(rest)
    return {path: sorted(items, key=json.dumps) for path, items in found.items()}


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory) -> Path:
    """92 briefs in every format, fr and en, four of them broken."""
    return archive.write_directory(tmp_path_factory.mktemp("archive") / "briefs", 92,
                                   broken_every=BROKEN_EVERY)


_CLUSTER = """
import os, sys
from distributed import Client, LocalCluster
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                  dashboard_address=":0") as cluster, Client(cluster) as client:
    pids = client.run(os.getpid)
    print(cluster.scheduler_address, *pids.values(), flush=True)
    sys.stdin.read()  # until the test closes it
"""


@pytest.fixture(scope="module")
def cluster():
    """A real Dask cluster on this machine, in a process of its own: a scheduler and two
    worker processes of one thread each, each under a nanny that starts it again if it
    dies. (The scheduler's address, the workers' process ids.)"""
    process = subprocess.Popen([sys.executable, "-c", _CLUSTER], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    address, *pids = process.stdout.readline().split()
    yield address, [int(pid) for pid in pids]
    process.stdin.close()
    process.wait(timeout=60)


def audit(*args: object, timeout: float = 300) -> subprocess.CompletedProcess:
    """`briefcheck audit ARGS...` in a process of its own (never a traceback)."""
    done = subprocess.run([sys.executable, "-m", "checker", "audit", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"})
    assert "Traceback" not in done.stderr, done.stderr
    return done


def batch_report(run_cli, source: Path) -> dict:
    result = run_cli(source, "--format", "json", "--jobs", "2")
    assert result.exit_code == 2  # the broken files
    return json.loads(result.stdout)


# -- the public API the audit is built on ------------------------------------------------


def test_a_json_record_is_checked_with_its_id_and_its_findings_point_into_the_record():
    import checker

    brief = json.loads((ROOT / "samples" / "paris-summit.fr.json").read_text(encoding="utf-8"))
    record = json.dumps({"id": "paris-1", "date": "2026-01-06", **brief}, ensure_ascii=False)
    report = checker.check_brief(record)
    plain = checker.check_brief(json.dumps(brief, ensure_ascii=False))
    assert report.path == "paris-1"
    # the metadata is not reported as unknown keys, and nothing else changes
    assert [f.code for f in report.findings] == [f.code for f in plain.findings] == ["R302", "R301"]
    repeated = next(f for f in report.findings if f.code == "R301")
    start = repeated.location.column - 1
    assert record[start:].startswith(repeated.related[0].text[:20])  # the record as written
    rows = checker.finding_records(report)
    assert rows[0]["id"] == "paris-1" and rows[0]["related"][0]["text"] == "Points Clés"
    row = checker.document_record(report, date="2026-01-06")
    assert (row["verdict"], row["warning_count"], row["date"]) == ("pass", 2, "2026-01-06")
    assert {"kind", "value", "text", "section", "line", "column"} == set(row["facts"][0])


def test_a_brief_object_and_its_text_give_the_same_findings():
    import checker

    brief = json.loads((ROOT / "samples" / "paris-summit.fr.json").read_text(encoding="utf-8"))
    from_object = checker.check_brief({"id": 7, **brief})
    assert from_object.path == "7"
    assert [f.code for f in from_object.findings] == ["R302", "R301"]
    from_text = checker.check_brief((ROOT / "samples" / "paris-summit.fr.txt").read_text(), "seed")
    assert from_text.path == "seed" and from_text.lang == "fr"
    assert checker.document_record(from_text)["verdict"] == "pass"


# -- same findings from every engine -------------------------------------------------------


def test_the_local_engine_s_tables_equal_the_batch_json_report(small_archive, tmp_path, run_cli):
    from checker.audit import run_audit

    summary = run_audit(str(small_archive), tmp_path / "out", workers=2, partition_size=10)
    report = batch_report(run_cli, small_archive)
    expected = {d["path"]: sorted(map(comparable, d["findings"]), key=json.dumps)
                for d in report["documents"] if d["findings"]}
    assert by_document(read(tmp_path / "out", "findings")) == expected
    documents = {row["path"]: row for row in read(tmp_path / "out", "documents")}
    assert len(documents) == 92 and set(documents) == {d["path"] for d in report["documents"]}
    for d in report["documents"]:
        row = documents[d["path"]]
        assert (row["lang"], row["error"]) == (d["lang"], d["error"])
        assert row["error_count"] == sum(f["severity"] == "error" for f in d["findings"])
        assert len(row["facts"]) == len(d["facts"])
    assert summary["verdicts"]["error"] == 4 == sum(d["error"] is not None for d in report["documents"])
    assert summary["findings"] == {k: report["summary"][k] for k in ("error", "warning", "info")}


def test_on_a_local_cluster_the_tables_equal_the_batch_json_report(
        small_archive, tmp_path, run_cli, cluster):
    address, _ = cluster
    done = audit(small_archive, "--out", tmp_path / "out", "--engine", "dask",
                 "--scheduler", address, "--partition-size", 10)
    assert done.returncode == 1, done.stderr
    report = batch_report(run_cli, small_archive)
    expected = {d["path"]: sorted(map(comparable, d["findings"]), key=json.dumps)
                for d in report["documents"] if d["findings"]}
    assert by_document(read(tmp_path / "out", "findings")) == expected
    ids = [row["id"] for row in read(tmp_path / "out", "documents")]
    assert len(ids) == len(set(ids)) == 92


# -- end to end on the cluster ---------------------------------------------------------------


def test_the_cli_audits_an_archive_with_broken_files_on_a_local_cluster(tmp_path):
    """`--engine dask` with no scheduler starts its own LocalCluster of `-j` workers."""
    source = archive.write_directory(tmp_path / "briefs", 50, broken_every=BROKEN_EVERY)
    result = audit(source, "--out", tmp_path / "out", "--engine", "dask", "-j", "2",
                   "--partition-size", "8")
    assert result.returncode == 1, result.stderr  # two broken files: two documents in error
    assert "50 documents:" in result.stderr and "2 could not be checked" in result.stderr
    assert "Traceback" not in result.stderr
    documents = read(tmp_path / "out", "documents")
    assert sorted(row["id"] for row in documents) == sorted(
        p.relative_to(source).as_posix() for p in source.rglob("*.*"))
    errors = {row["id"].rsplit("/", 1)[1]: row["error"] for row in documents if row["error"]}
    assert errors == {"brief-000022.fr.txt": "file is empty",
                      "brief-000045.en.txt": "binary file (contains NUL bytes), not a text brief"}
    assert {row["format"] for row in documents if not row["error"]} == {"text", "markdown", "html", "json"}
    assert {row["lang"] for row in documents if not row["error"]} == {"fr", "en"}
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["documents"] == 50 and summary["run"]["engine"] == "dask"
    assert summary["run"]["partitions"] == 7
    page = (tmp_path / "out" / "summary.html").read_text()
    assert "Findings per rule" in page and "file is empty" in page


_QUIET_CLUSTER = """
import json
from distributed import Client
from checker.audit import engines
engines._has_dashboard = lambda: {dashboard}
with engines._local_cluster(2) as cluster, Client(cluster) as client:
    workers = client.run(lambda dask_worker: ["profile" in dask_worker.periodic_callbacks,
                                              dask_worker._tick_interval])
    print(json.dumps({{"workers": sorted(workers.values()),
                      "scheduler_tick": cluster.scheduler._tick_interval}}))
"""


@pytest.mark.parametrize("dashboard", [False, True])
def test_the_audit_s_own_cluster_does_no_background_work_that_no_dashboard_shows(dashboard):
    """Without bokeh there is no dashboard, so no profiler sampling the checking thread 100
    times a second and event loops timed 5 times a second rather than 50 (together about
    4% of a worker's CPU). With a dashboard, Dask's own settings (what it shows)."""
    program = _QUIET_CLUSTER.format(dashboard=dashboard)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    if dashboard:
        assert seen == {"workers": [[True, 0.02], [True, 0.02]], "scheduler_tick": 0.02}
    else:
        assert seen == {"workers": [[False, 0.2], [False, 0.2]], "scheduler_tick": 0.2}


def test_a_worker_killed_mid_run_loses_no_document_and_lists_none_twice(tmp_path, cluster):
    """The scheduler gives a dead worker's tasks to the other worker (and to the one its
    nanny starts again); a partition checked twice overwrites its own files."""
    address, pids = cluster
    source = archive.write_directory(tmp_path / "briefs", 160, broken_every=BROKEN_EVERY)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "audit", str(source), "--out", str(out),
         "--engine", "dask", "--scheduler", address, "--partition-size", "4"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(list((out / "done").glob("*.json")) if (out / "done").exists() else []) < 2:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.02)
    os.kill(pids[0], signal.SIGKILL)  # both workers are busy: 38 partitions are left
    left = 40 - len(list((out / "done").glob("*.json")))
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert left >= 10  # killed while partitions were left to check
    summary = json.loads((out / "summary.json").read_text())
    ids = [row["id"] for row in read(out, "documents")]
    assert len(ids) == 160 and len(set(ids)) == 160
    assert sorted(ids) == sorted(p.relative_to(source).as_posix() for p in source.rglob("*.*"))
    assert summary["documents"] == 160
    finding_ids = Counter(row["id"] for row in read(out, "findings"))
    documents = {row["id"]: row for row in read(out, "documents")}
    for id, count in finding_ids.items():  # each document's findings once, not twice
        row = documents[id]
        assert count == row["error_count"] + row["warning_count"] + row["info_count"]


# -- resume ----------------------------------------------------------------------------------


def _audit_process(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "checker", "audit", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_resume_after_an_interruption_checks_only_what_was_left(tmp_path, engine):
    source = archive.write_directory(tmp_path / "briefs", 120, broken_every=BROKEN_EVERY)
    out = tmp_path / "out"
    args = [str(source), "--out", str(out), "--engine", engine, "-j", "2", "--partition-size", "4"]
    first = _audit_process(*args)
    deadline = time.monotonic() + 120
    while len(list((out / "done").glob("*.json")) if (out / "done").exists() else []) < 3:
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.02)
    first.send_signal(signal.SIGINT)  # Ctrl-C
    _, stderr = first.communicate(timeout=60)
    assert first.returncode == 130 and "interrupted" in stderr
    earlier = {p.name: p.stat().st_mtime_ns for p in (out / "done").glob("*.json")}
    assert 3 <= len(earlier) < 30
    assert not (out / "summary.json").exists()

    again = _audit_process(*args)  # without --resume: refused, nothing touched
    _, stderr = again.communicate(timeout=60)
    assert again.returncode == 2 and "--resume" in stderr

    resumed = _audit_process(*args, "--resume")
    _, stderr = resumed.communicate(timeout=180)
    assert resumed.returncode == 1, stderr  # broken files and failing briefs
    assert "Traceback" not in stderr
    assert {p.name: p.stat().st_mtime_ns for p in (out / "done").glob("*.json")
            if p.name in earlier} == earlier  # not checked again
    summary = json.loads((out / "summary.json").read_text())
    assert summary["run"]["resumed"] == len(earlier) and summary["run"]["partitions"] == 30
    ids = [row["id"] for row in read(out, "documents")]
    assert len(ids) == len(set(ids)) == 120
    assert not list(out.rglob("*.tmp"))  # no half-written file left


# -- other sources ---------------------------------------------------------------------------


def test_a_json_lines_archive_gives_rows_that_point_at_its_lines(tmp_path, run_cli):
    source = archive.write_jsonl(tmp_path / "briefs.jsonl", 60, broken_every=BROKEN_EVERY)
    lines = source.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "")  # a blank line is no document
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("audit", source, "--out", tmp_path / "out", "-j", "2", "--partition-size", "7")
    assert result.exit_code == 1, result.output
    documents = read(tmp_path / "out", "documents")
    assert len(documents) == 60
    errors = {row["id"]: row["error"] for row in documents if row["error"]}
    assert errors == {f"{source}:24": 'the record has no "id" (a string or a number)',
                      f"{source}:47": "not JSON: Expecting value: line 1 column 37 (char 36)"}
    dated = [row for row in documents if not row["error"]]
    assert all(row["date"].startswith(("2024-", "2025-")) for row in dated)
    findings = read(tmp_path / "out", "findings")
    assert findings
    for row in findings:  # lines and columns of the file, not of the record
        text = lines[row["line"] - 1]
        assert json.loads(text)["id"] == row["id"]
        for related in row["related"]:
            assert related["line"] == row["line"]
            assert text[related["column"] - 1:].startswith(related["text"])
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["run"]["kind"] == "jsonl" and len(summary["trends"]) == 24


def test_a_parquet_dataset_is_read_by_its_named_columns(tmp_path, run_cli):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = archive.write_parquet(tmp_path / "parquet", 40, rows_per_file=16,
                                   broken_every=BROKEN_EVERY)
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for file in sorted(folder.glob("*.parquet")):
        table = pq.read_table(file)
        pq.write_table(table.rename_columns(["key", "published", "body"]), renamed / file.name,
                       row_group_size=5)
    result = run_cli("audit", renamed, "--out", tmp_path / "bad")
    assert result.exit_code == 2
    assert "no column 'id'" in result.stderr and "--id-column" in result.stderr
    result = run_cli("audit", renamed, "--out", tmp_path / "out", "--id-column", "key",
                     "--text-column", "body", "--date-column", "published", "--partition-size", "3")
    assert result.exit_code == 1, result.output
    documents = read(tmp_path / "out", "documents")
    assert sorted(row["id"] for row in documents) == [f"brief-{i:06d}" for i in range(40)]
    formats = Counter(row["format"] for row in documents)
    assert set(formats) >= {"text", "markdown", "html", "json"}
    assert documents[0]["date"] == "2024-01-01"
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["run"]["partitions"] == 17  # row groups 5+5+5+1, 5+5+5+1, 5+3 in threes
    nested = tmp_path / "nested.parquet"  # a JSON brief as a nested column
    brief = json.loads((ROOT / "samples" / "paris-summit.fr.json").read_text(encoding="utf-8"))
    pq.write_table(pa.table({"id": ["seed"], "text": [brief]}), nested)
    assert run_cli("audit", nested, "--out", tmp_path / "nested").exit_code == 0
    row = read(tmp_path / "nested", "documents")[0]
    assert (row["id"], row["format"], row["warning_count"]) == ("seed", "json", 2)


# -- what the user is told -------------------------------------------------------------------


def test_a_document_that_breaks_the_checker_is_a_row_with_its_error(tmp_path, monkeypatch):
    from checker import run
    from checker.audit import run_audit

    source = archive.write_directory(tmp_path / "briefs", 12, broken_every=100)
    real = run.check_file

    def check_file(path, *args, **kwargs):
        if path.endswith("brief-000005.en.html"):
            raise MemoryError("out of memory")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(run, "check_file", check_file)
    summary = run_audit(str(source), tmp_path / "out", workers=1, partition_size=5)
    errors = {row["id"]: row["error"] for row in read(tmp_path / "out", "documents") if row["error"]}
    assert errors == {"000/brief-000005.en.html": "internal error: MemoryError: out of memory"}
    assert summary["documents"] == 12 and summary["verdicts"]["error"] == 1


def test_bad_sources_and_folders_are_one_line_errors(tmp_path, run_cli):
    result = run_cli("audit", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert (result.exit_code, result.stderr) == (
        2, f"briefcheck: error: {tmp_path / 'nowhere'}: no such file or directory\n")
    (tmp_path / "notes.csv").write_text("a,b\n")
    assert "not a directory, a JSON Lines file" in run_cli(
        "audit", tmp_path / "notes.csv", "--out", tmp_path / "out").stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    result = run_cli("audit", ROOT / "samples" / "structure", "--out", tmp_path / "full")
    assert result.exit_code == 2 and "not empty and not an audit" in result.stderr
    result = run_cli("audit", ROOT / "samples", "--out", tmp_path / "o", "--scheduler", "tcp://x:1")
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr
    done = audit(ROOT / "samples", "--out", tmp_path / "o", "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9")  # nothing listens there
    assert done.returncode == 2 and "cannot reach the Dask scheduler" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_the_extra_the_audit_says_how_to_install_it(run_cli, tmp_path, monkeypatch):
    import checker.audit

    monkeypatch.setattr(checker.audit, "missing", lambda engine: ["dask", "distributed"])
    result = run_cli("audit", ROOT / "samples", "--out", tmp_path / "out", "--engine", "dask")
    assert result.exit_code == 2
    assert result.stderr == ("briefcheck: error: briefcheck audit needs dask, distributed (for"
                             " --engine dask): install briefcheck with its audit extra, e.g."
                             " pip install -e '.[audit]' in a clone\n")


def test_briefcheck_still_checks_a_file_named_like_nothing_special(run_cli):
    """The `audit` subcommand leaves `briefcheck FILE` as it was."""
    result = run_cli(ROOT / "samples" / "paris-summit.fr.txt")
    assert result.exit_code == 0


def test_the_summary_page_escapes_what_the_archive_holds(tmp_path, run_cli):
    brief = json.loads((ROOT / "samples" / "paris-summit.fr.json").read_text(encoding="utf-8"))
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps({"id": "<script>alert(1)</script>", "date": "2026-01-06",
                                  **brief}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("audit", source, "--out", tmp_path / "out").exit_code == 0
    page = (tmp_path / "out" / "summary.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "2026-01" in page  # the trend by the record's date


def test_the_readme_s_audit_commands_work_as_written(tmp_path):
    """The README's audit block, run line by line in a folder holding samples/ and
    benchmarks/ as a clone does (with 200 generated briefs instead of 2,000, for time)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("From a clone of this repository (the archive generator is in `benchmarks/`):")
    block = readme[readme.index("```sh\n", start) + 6: readme.index("```", readme.index("```sh\n", start) + 6)]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 6 and all(c.startswith(("briefcheck", "python")) for c in commands)
    for name in ("samples", "benchmarks"):
        (tmp_path / name).symlink_to(ROOT / name)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    outputs = []
    for command in commands:
        command = command.replace(" 2000 ", " 200 ")
        done = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode in (0, 1), f"{command}\n{done.stderr}"
        assert "Traceback" not in done.stderr
        outputs.append(done.stdout)
    for out in ("audit-samples", "audit-local", "audit-jsonl", "audit-parquet"):
        summary = json.loads((tmp_path / out / "summary.json").read_text())
        assert summary["documents"] == (200 if out != "audit-samples" else
                                        len(list((ROOT / "samples").rglob("*.*"))))
    assert "code: string" in outputs[-1] and "R301" in outputs[-1]


def test_the_local_engine_checks_again_the_partitions_of_a_worker_that_dies(tmp_path):
    """Run in a process of its own: the pool forks only in a program without threads (a
    Dask client of another test has some), and a forked worker runs the stand-in."""
    source = archive.write_directory(tmp_path / "briefs", 40, broken_every=100)
    marker = tmp_path / "killed-once"
    program = f"""
import os, signal
from pathlib import Path
from checker.audit import engines, run_audit
real, marker = engines.audit_partitions, Path({str(marker)!r})
def die_once(partitions, settings):
    if partitions[0].index == 3 and not marker.exists():
        marker.write_text("")
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return real(partitions, settings)
engines.audit_partitions = die_once
print(run_audit({str(source)!r}, {str(tmp_path / "out")!r}, workers=2, partition_size=4)["documents"])
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=300)
    assert (done.returncode, done.stdout) == (0, "40\n"), done.stderr
    assert marker.exists()
    assert "a worker process ended unexpectedly (killed by SIGKILL)" in done.stderr
    ids = [row["id"] for row in read(tmp_path / "out", "documents")]
    assert len(ids) == len(set(ids)) == 40


def test_an_output_folder_inside_the_source_is_not_audited(tmp_path, run_cli):
    source = archive.write_directory(tmp_path / "briefs", 10, broken_every=100)
    out = source / "audit"
    assert run_cli("audit", source, "--out", out, "-j", "1").exit_code == 0
    # a rerun lists the same briefs: not the audit's own summary.json and done/*.json
    result = run_cli("audit", source, "--out", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert json.loads((out / "summary.json").read_text())["documents"] == 10


def test_the_python_api_audits_on_a_client_of_the_caller_s(tmp_path, small_archive, cluster):
    """How Coiled, dask-kubernetes or dask-yarn clusters are used: their own client (with
    their security) is passed in, used, and left open for the caller."""
    address, _ = cluster
    program = f"""
from distributed import Client
from checker.audit import run_audit
with Client({address!r}) as client:
    summary = run_audit({str(small_archive)!r}, {str(tmp_path / "out")!r}, engine="dask",
                        client=client, partition_size=30)
    assert client.status == "running"  # still the caller's
    print(summary["documents"], summary["run"]["scheduler"], summary["run"]["partitions"])
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["92", address, "4"]


def test_rule_selection_applies_to_the_audit(tmp_path, run_cli):
    result = run_cli("audit", ROOT / "samples", "--out", tmp_path / "out", "--select", "S1",
                     "-j", "1")
    assert result.exit_code == 1, result.stderr
    codes = {row["code"] for row in read(tmp_path / "out", "findings")}
    assert codes and all(code.startswith("S1") for code in codes)
    result = run_cli("audit", ROOT / "samples", "--out", tmp_path / "o2", "--select", "X9")
    assert result.exit_code == 2 and "--select" in result.stderr

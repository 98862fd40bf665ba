"""The command line as a user types it: exit codes, stdin, options, rule documentation."""

from __future__ import annotations

import json

from conftest import SAMPLES, SEED


def test_clean_brief_exits_0_with_a_summary_line(run_cli):
    result = run_cli(SEED)
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1].startswith("passed: 0 errors")


def test_finding_exits_1_and_prints_path_line_column_code(run_cli):
    path = SAMPLES / "structure" / "s104-key-points-count.en.txt"
    result = run_cli(path)
    assert result.exit_code == 1
    assert f"{path}:1:1: S104 error Key Points has 2 bullets; at least 3" in result.stdout


def test_fail_on_never_exits_0_and_fail_on_warning_counts_warnings(run_cli):
    path = SAMPLES / "structure" / "s104-key-points-count.en.txt"
    assert run_cli("--fail-on", "never", path).exit_code == 0
    assert run_cli("--fail-on", "warning", path).exit_code == 1


def test_stdin_is_read_and_named(run_cli):
    result = run_cli("--format", "json", "-", input=SEED.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    document = json.loads(result.stdout)["documents"][0]
    assert document["path"] == "<stdin>"
    assert document["lang"] == "fr"
    assert [s["kind"] for s in document["sections"]] == [
        "key_points", "summary", "body", "body", "conclusion"
    ]


def test_missing_file_is_exit_2_and_the_rest_of_the_batch_is_checked(run_cli):
    result = run_cli(SEED, "does-not-exist.md", SAMPLES / "structure" / "s104-key-points-count.en.txt")
    assert result.exit_code == 2
    assert "does-not-exist.md: error: no such file" in result.stdout
    assert "S104" in result.stdout
    assert "Traceback" not in result.output


def test_directory_is_walked_recursively(run_cli):
    result = run_cli("--format", "json", "--fail-on", "never", SAMPLES)
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert str(SEED) in paths
    assert any("/structure/" in p for p in paths)
    assert paths == sorted(paths)


def test_directory_without_briefs_is_exit_2(run_cli, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    result = run_cli(tmp_path)
    assert result.exit_code == 2
    assert "no briefs found" in result.stdout


def test_bad_option_value_is_one_line_on_stderr_exit_2(run_cli):
    result = run_cli("--format", "xml", SEED)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("briefcheck: error: Invalid value for '--format'")


def test_unknown_rule_code_is_refused(run_cli):
    result = run_cli("--select", "X9", SEED)
    assert result.exit_code == 2
    assert "unknown rule code or prefix 'X9'" in result.stderr


def test_select_and_ignore_by_prefix(run_cli):
    path = SAMPLES / "structure" / "s105-bullet-length.en.txt"
    assert "S105" in run_cli(path).stdout
    assert run_cli("--ignore", "S105", path).exit_code == 0
    assert run_cli("--select", "S10", "--ignore", "S105", path).exit_code == 0
    assert run_cli("--select", "S105", path).exit_code == 1


def test_output_file_gets_the_report(run_cli, tmp_path):
    out = tmp_path / "report.json"
    result = run_cli("--format", "json", "-o", out, SEED)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["documents"] == 1


def test_rules_lists_every_structure_rule(run_cli):
    result = run_cli("rules")
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["CODE", "NAME", "CATEGORY", "SEVERITY", "SUMMARY"]
    codes = [line.split()[0] for line in rows]
    assert {"S100", "S101", "S104", "S113"} <= set(codes)
    assert codes == sorted(codes)


def test_rule_shows_documentation_by_code_or_name(run_cli):
    by_code = run_cli("rule", "s101")
    assert by_code.exit_code == 0
    assert by_code.stdout.startswith("S101 missing-section (structure, default severity error)")
    assert "\nExample\n" in by_code.stdout and "##" not in by_code.stdout
    assert run_cli("rule", "missing-section").stdout == by_code.stdout
    unknown = run_cli("rule", "Z999")
    assert unknown.exit_code == 2
    assert "no rule 'Z999'" in unknown.stderr


def test_lang_option_overrides_detection(run_cli):
    result = run_cli("--format", "json", "--lang", "en", SEED)
    assert json.loads(result.stdout)["documents"][0]["lang"] == "en"


def test_version(run_cli):
    from checker import __version__

    assert run_cli("--version").stdout.strip().endswith(__version__)


def test_collector_is_off_until_the_report_is_written_and_back_on_after(run_cli, monkeypatch):
    """The command keeps Python's cyclic collector off while it checks and renders (a large
    brief's report is a million objects it would walk for nothing), and restores it."""
    import gc

    import checker.formats

    seen = []

    def spy(name):
        real = getattr(checker.formats, name)

        def spying(*args, **kwargs):
            seen.append((name, gc.isenabled()))
            return real(*args, **kwargs)

        monkeypatch.setattr(checker.formats, name, spying)

    spy("render")
    spy("render_rendered")  # text: documents rendered as they are checked
    assert gc.isenabled()
    assert run_cli(SEED).exit_code == 0
    assert run_cli("--format", "sarif", SEED).exit_code == 0
    assert seen == [("render_rendered", False), ("render", False)] and gc.isenabled()
    assert run_cli("--format", "json", SAMPLES / "nope.txt").exit_code == 2
    assert gc.isenabled()


def test_the_command_never_runs_the_cyclic_collector():
    """The console script turns the collector off before it imports the command and never
    back on (its process ends with os._exit): no collection from then to exit, on a batch."""
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import gc, sys\n"
            "from checker.__main__ import main\n"
            "gc.callbacks.append(lambda phase, info: phase == 'start' and print('collection',"
            " file=sys.stderr))\n"
            "main()\n")
    run = subprocess.run([sys.executable, "-c", code, "samples/consistency"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and run.stdout.endswith("documents.\n")
    assert "collection" not in run.stderr


def test_the_command_leaves_with_its_exit_code_and_all_its_output(tmp_path):
    """`main` (the console script, `python -m checker`) ends the process without Python's
    teardown: the code and every line must still come out, through a pipe too."""
    import subprocess
    import sys

    from conftest import ROOT

    def command(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True,
                              text=True, cwd=ROOT)

    clean, failing = command("samples/paris-summit.fr.txt"), command("samples/consistency")
    assert clean.returncode == 0 and clean.stdout.endswith("in 1 document.\n")
    assert failing.returncode == 1 and failing.stdout.count("\n") > 20
    assert failing.stdout.endswith("documents.\n") and "failed:" in failing.stdout
    missing = command("nowhere.txt", "--format", "json")
    assert missing.returncode == 2 and missing.stdout.rstrip().endswith("}")
    assert "nowhere.txt: no such file" in missing.stderr
    usage = command("--jobs", "0", "samples")
    assert usage.returncode == 2 and usage.stderr.startswith("briefcheck: error:")


# --- one run, several reports ------------------------------------------------------------

C201 = SAMPLES / "consistency" / "c201-date-conflict.fr.txt"


def test_one_run_writes_every_format_asked_for(run_cli, tmp_path, monkeypatch):
    """`-o FORMAT:FILE` is repeatable: the Action's annotations, SARIF, HTML and JUnit come
    from one check (issue 17: the Action ran briefcheck twice)."""
    from checker import batch

    calls = []
    real = batch.check_batch
    monkeypatch.setattr(batch, "check_batch", lambda *a, **k: calls.append(1) or real(*a, **k))
    result = run_cli("--format", "github", C201, "-o", f"sarif:{tmp_path / 'b.sarif'}",
                     "-o", f"html:{tmp_path / 'r.html'}", "-o", f"junit:{tmp_path / 'j.xml'}")
    assert result.exit_code == 1 and calls == [1]
    assert result.stdout.startswith("::group::")  # --format's report still on stdout
    assert json.loads((tmp_path / "b.sarif").read_text("utf-8"))["version"] == "2.1.0"
    assert (tmp_path / "r.html").read_text("utf-8").lstrip().lower().startswith("<!doctype html")
    assert "<testsuites" in (tmp_path / "j.xml").read_text("utf-8")
    assert result.stderr.startswith("failed: 1 error, 3 warnings")


def test_plain_output_file_keeps_its_meaning_next_to_format_outputs(run_cli, tmp_path):
    result = run_cli("--format", "json", "-o", tmp_path / "r.json",
                     "-o", f"text:{tmp_path / 'r.txt'}", SEED)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["summary"]["documents"] == 1
    assert (tmp_path / "r.txt").read_text("utf-8").splitlines()[-1].startswith("passed:")
    assert run_cli("-o", "sarif:", SEED).exit_code == 2


# --- colour ------------------------------------------------------------------------------

def _colored(run_cli, monkeypatch, env: dict, *args: str) -> bool:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return "\x1b[" in run_cli(*args, C201).stdout


def test_color_follows_the_option_then_force_color_no_color_and_term(run_cli, monkeypatch):
    assert not _colored(run_cli, monkeypatch, {})  # not a terminal
    assert _colored(run_cli, monkeypatch, {}, "--color", "always")
    assert _colored(run_cli, monkeypatch, {"FORCE_COLOR": "1"})
    assert not _colored(run_cli, monkeypatch, {"FORCE_COLOR": "0"})
    assert not _colored(run_cli, monkeypatch, {"FORCE_COLOR": "1"}, "--color", "never")


def test_color_auto_on_a_terminal_unless_no_color_or_dumb(run_cli, monkeypatch):
    monkeypatch.setattr("checker.cli._is_terminal", lambda stream: True)
    assert _colored(run_cli, monkeypatch, {})
    assert not _colored(run_cli, monkeypatch, {"NO_COLOR": "1"})
    assert not _colored(run_cli, monkeypatch, {"TERM": "dumb"})
    assert _colored(run_cli, monkeypatch, {"TERM": "dumb", "FORCE_COLOR": "1"})
    assert not _colored(run_cli, monkeypatch, {}, "--color", "never")


# --- rules in a terminal -------------------------------------------------------------------

def test_rule_with_a_family_prefix_lists_the_family(run_cli):
    result = run_cli("rule", "C2")
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert codes and all(code.startswith("C2") for code in codes)
    assert {"C201", "C205", "C212"} <= set(codes)


def test_rules_shows_the_configs_severities_and_what_it_turns_off(run_cli, tmp_path,
                                                                     monkeypatch):
    (tmp_path / ".briefcheck.toml").write_text(
        'ignore = ["R303"]\n[severity]\nC211 = "error"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rows = {line.split()[0]: line.split()[3] for line in run_cli("rules").stdout.splitlines()
            if line[:1] in "SCR" and line[1:2].isdigit()}
    assert rows["C211"] == "error*" and rows["R303"] == "off*" and rows["C201"] == "error"
    assert ".briefcheck.toml" in run_cli("rules").stdout.splitlines()[-1]


def test_rule_doc_is_rendered_for_a_terminal_and_wrapped_to_its_width(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    out = run_cli("rule", "S101").stdout
    assert "##" not in out and "```" not in out
    assert "\nHow to fix\n" in out and "\nHow to silence or re-grade it\n" in out
    prose = [line for line in out.splitlines() if not line.startswith("    ")]
    assert max(len(line) for line in prose) <= 60
    assert "    - Leaders meet in Paris on January 6." in out  # examples kept as written


def test_top_level_help_shows_the_check_options(run_cli):
    out = run_cli("--help").stdout
    for option in ("--format", "--output", "--fail-on", "--select", "--jobs", "--color"):
        assert option in out, option


def test_progress_bar_is_cleared_when_the_run_ends(monkeypatch):
    """What stays on the terminal line once the batch is done is nothing, not a 100% bar
    above the report."""
    import io

    from checker.batch import progress_bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("TERM", "xterm")
    screen = Terminal()
    with progress_bar(25, stream=screen) as update:
        for _ in range(25):
            update(1)
    written = screen.getvalue()
    assert "checking" in written and "\n" not in written
    last_line = written.split("\r")[-2:]  # what the last carriage return left
    assert last_line[0].strip() == "" and last_line[1].replace("\x1b[?25h", "") == ""
    monkeypatch.setenv("TERM", "dumb")  # cannot redraw a line: no bar
    with progress_bar(25, stream=Terminal()) as update:
        assert update is None

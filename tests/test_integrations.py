"""The CI integrations shipped in the repository: the pre-commit hook and the GitHub Action.
Their command lines are run through the real CLI, so an option renamed in cli.py breaks here
and not in a newsroom's pipeline."""

from __future__ import annotations

import json
import re
import shlex
import tomllib

import pytest
import yaml

from conftest import ROOT


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


def _hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return hook


def _hook_selects(path: str) -> bool:
    """Whether pre-commit passes `path` to the hook (its `files` and `exclude`, searched)."""
    hook = _hook()
    return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)


def test_pre_commit_hook_selects_briefs_only():
    """By default the hook gets the briefs, not the READMEs and package files next to them
    (issue 17: README.md and package.json failed with S101/S100 and blocked commits)."""
    hook = _hook()
    assert hook["id"] == "briefcheck" and hook["language"] == "python"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert shlex.split(hook["entry"])[0] in scripts
    for brief in ("briefs/paris.fr.md", "briefs/2026/01/paris summit.fr.txt",
                  "content/briefs/a.html", "briefs/a.json", "briefs/x.markdown"):
        assert _hook_selects(brief), brief
    for other in ("README.md", "package.json", "docs/index.md", "briefs/README.md",
                  "CHANGELOG.md", "briefs/notes.rst", "cli.py", "pyproject.toml",
                  "debriefs/a.md"):
        assert not _hook_selects(other), other


def test_pre_commit_hook_pins_one_job_whatever_the_users_args():
    """pre-commit already runs one process per CPU: the entry (which a user's `args` does
    not replace) holds --jobs 1, and applies the config's excludes to the files it names."""
    hook = _hook()
    assert shlex.split(hook["entry"])[1:] == ["--jobs", "1", "--force-exclude"]
    assert "args" not in hook


def test_pre_commit_hook_entry_on_staged_files_gates(run_cli):
    args = shlex.split(_hook()["entry"])[1:]
    assert run_cli(*args, "samples/paris-summit.fr.txt", "samples/paris-summit.fr.md").exit_code == 0
    assert run_cli(*args, "samples/consistency/c201-date-conflict.fr.txt").exit_code == 1


def test_pre_commit_hook_entry_leaves_out_what_the_config_excludes(run_cli, tmp_path,
                                                                   monkeypatch):
    (tmp_path / "briefs").mkdir()
    bad = ROOT / "samples" / "consistency" / "c201-date-conflict.fr.txt"
    (tmp_path / "briefs" / "draft.fr.txt").write_text(bad.read_text("utf-8"), "utf-8")
    (tmp_path / ".briefcheck.toml").write_text('extend_exclude = ["draft.*"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(_hook()["entry"])[1:]
    assert run_cli("briefs/draft.fr.txt").exit_code == 1
    assert run_cli(*args, "briefs/draft.fr.txt").exit_code == 0


def _action():
    return yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def _steps():
    return _action()["runs"]["steps"]


def test_action_installs_runs_once_and_uploads_after_the_gate_is_recorded():
    action = _action()
    assert action["runs"]["using"] == "composite"
    steps = _steps()
    names = [step.get("uses", "").split("@")[0] or step.get("id") or step["name"] for step in steps]
    assert names[0] == "actions/setup-python"
    assert any("pip install" in step.get("run", "") for step in steps)
    check = names.index("check")
    upload = names.index("github/codeql-action/upload-sarif")
    assert check < upload < len(names) - 1 and steps[-1]["name"] == "Block on findings"
    runs = [s for s in steps if re.search(r"(^|\n)\s*briefcheck\s", s.get("run", ""))]
    assert runs == []  # the check step runs action/check.py, which runs briefcheck once
    script = (ROOT / "action" / "check.py").read_text("utf-8")
    assert script.count("subprocess.run(") == 1
    sarif = steps[upload]
    assert sarif["uses"] == "github/codeql-action/upload-sarif@v4"
    assert sarif["continue-on-error"] is True
    assert "always()" in sarif["if"] and "head.repo.full_name" in sarif["if"]
    assert sarif["with"] == {"sarif_file": "${{ inputs.sarif-file }}",
                             "category": "${{ inputs.category }}"}
    html = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert html["with"]["path"] == "${{ inputs.html-report }}" and "always()" in html["if"]
    assert {"category", "html-report", "upload-html"} <= set(action["inputs"])


def test_action_never_lets_the_shell_split_or_expand_inputs():
    """Inputs reach the shell only as environment variables, quoted: no `${{ }}` in a
    script, nothing evaluated; the end-to-end test below has spaces and `**` in its paths."""
    for step in _steps():
        assert "${{" not in step.get("run", ""), step.get("name")
    script = (ROOT / "action" / "check.py").read_text("utf-8")
    assert "shell=True" not in script and "os.system" not in script and "eval(" not in script


def _run_check_step(tree, paths: str, args: str = "", fail_on: str = "error"):
    """action.yml's check step as GitHub runs it: its `run:` in bash, with its `env:` (the
    inputs substituted) and the variables the runner sets."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    check = next(step for step in _steps() if step.get("id") == "check")
    inputs = {name: spec.get("default", "") for name, spec in _action()["inputs"].items()}
    inputs.update({"paths": paths, "args": args, "fail-on": fail_on,
                   "sarif-file": "reports out/briefcheck.sarif"})
    env = {**os.environ, "GITHUB_ACTION_PATH": str(ROOT),
           "GITHUB_OUTPUT": str(tree / ".output"), "GITHUB_STEP_SUMMARY": str(tree / ".summary"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for name, value in check["env"].items():
        env[name] = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: inputs[m.group(1)], value)
    done = subprocess.run(["bash", "-c", check["run"]], cwd=tree, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr  # the step records the code, never fails
    outputs = dict(line.split("=", 1) for line in (tree / ".output").read_text().splitlines())
    return done, int(outputs["exit-code"])


@pytest.fixture
def tree(tmp_path):
    """A repository as a newsroom has it: briefs at several depths, names with spaces, a
    .venv with Markdown in it, a README."""
    seed = (ROOT / "samples" / "paris-summit.fr.md").read_text("utf-8")
    conflict = (ROOT / "samples" / "consistency" / "c201-date-conflict.fr.txt").read_text("utf-8")
    for name, text in {"briefs/top.fr.md": seed, "briefs/2026/jan/deep one.fr.md": seed,
                       "briefs/2026/mid.fr.md": seed, "other briefs/a conflict.fr.txt": conflict,
                       ".venv/lib/site-packages/pkg/README.md": "# not a brief\n",
                       "README.md": "# Our briefs\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_action_check_step_end_to_end_globs_spaces_and_one_run(tree):
    done, code = _run_check_step(tree, "briefs/**/*.md\nother briefs/a conflict.fr.txt\n",
                                 args='--lang fr --ignore "R3"')
    assert code == 1  # the conflict, at the default fail-on
    sarif = json.loads((tree / "reports out" / "briefcheck.sarif").read_text("utf-8"))
    uris = [a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]]
    assert uris == ["briefs/2026/jan/deep%20one.fr.md", "briefs/2026/mid.fr.md",
                    "briefs/top.fr.md", "other%20briefs/a%20conflict.fr.txt"]  # all 3 by **
    assert sarif["runs"][0]["automationDetails"] == {"id": "briefcheck/"}
    assert not any(r["ruleId"].startswith("R3") for r in sarif["runs"][0]["results"])
    assert "::error file=other briefs/a conflict.fr.txt,line=10," in done.stdout
    assert (tree / "briefcheck-report.html").read_text("utf-8").count("deep one.fr.md") >= 1
    assert "## briefcheck failed" in (tree / ".summary").read_text("utf-8")


def test_action_check_step_records_usage_errors_and_passes(tree):
    assert _run_check_step(tree, "briefs/top.fr.md")[1] == 0
    assert _run_check_step(tree, "briefs/top.fr.md", args="--no-such-option")[1] == 2
    assert _run_check_step(tree, "briefs/top.fr.md", args='--lang "fr')[1] == 2  # unclosed quote


def test_action_default_paths_skip_virtual_environments(tree):
    done, code = _run_check_step(tree, ".")
    assert ".venv" not in done.stdout

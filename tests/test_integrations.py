"""The CI integrations shipped in the repository: the pre-commit hook and the GitHub Action.
Their command lines are run through the real CLI, so an option renamed in cli.py breaks here
and not in a newsroom's pipeline."""

from __future__ import annotations

import re
import shlex
import tomllib

import pytest
import yaml

from conftest import ROOT


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_pre_commit_hook_runs_briefcheck_on_brief_files():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "briefcheck" and hook["language"] == "python"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert hook["entry"] in scripts
    files = re.compile(hook["files"])
    samples = [p for p in (ROOT / "samples").rglob("*") if p.is_file() and p.suffix != ".toml"]
    assert samples and all(files.search(p.name) for p in samples)
    assert not any(files.search(name) for name in ("cli.py", "pyproject.toml", "notes.rst"))


def test_pre_commit_hook_entry_on_staged_files_gates(run_cli):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    args = shlex.split(hook["entry"])[1:] + hook.get("args", [])
    assert run_cli(*args, "samples/paris-summit.fr.txt", "samples/paris-summit.fr.md").exit_code == 0
    assert run_cli(*args, "samples/consistency/c201-date-conflict.fr.txt").exit_code == 1


def _action():
    return yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def test_action_is_composite_installs_runs_and_uploads_sarif():
    action = _action()
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert uses[0].startswith("actions/setup-python@")
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert any("pip install" in step.get("run", "") for step in steps)
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"


def test_action_command_lines_are_valid_and_gate(run_cli, tmp_path):
    action = _action()
    check = next(step for step in action["runs"]["steps"] if step.get("id") == "check")
    env = {
        "BRIEFCHECK_PATHS": "samples/consistency/c201-date-conflict.fr.txt",
        "BRIEFCHECK_FAIL_ON": action["inputs"]["fail-on"]["default"],
        "BRIEFCHECK_ARGS": "--lang fr",
        "BRIEFCHECK_SARIF": str(tmp_path / "briefcheck.sarif"),
    }
    commands = [line for line in check["run"].splitlines() if line.startswith("briefcheck ")]
    assert len(commands) == 2
    codes = []
    for command in commands:
        for name, value in env.items():
            command = command.replace(f'"${name}"', shlex.quote(value)).replace(f"${name}", value)
        codes.append(run_cli(*shlex.split(command)[1:]).exit_code)
    assert codes == [0, 1]  # SARIF is always written; the annotations run gates
    assert (tmp_path / "briefcheck.sarif").read_text("utf-8").startswith("{")

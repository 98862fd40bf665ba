"""Hostile configs (issue 18): a pull request controls every folder's `.briefcheck.toml` and
`pyproject.toml`. Whatever their shape, the run gives exit 2 and one line naming the file
and the key, never a traceback, and a folder's config can never switch the gate off silently.
Each case runs the command in a process of its own, within the bounds it states."""

from __future__ import annotations

import shutil

import pytest

from bounded import assert_contract, run_bounded
from conftest import SAMPLES

#: A brief with a C201 date conflict: exit 1 under the default config.
CONFLICT = SAMPLES / "consistency" / "c201-date-conflict.en.txt"


@pytest.fixture
def folder(tmp_path):
    """sub/brief.txt (a brief with an error) under tmp_path."""
    sub = tmp_path / "sub"
    sub.mkdir()
    shutil.copy(CONFLICT, sub / "brief.txt")
    return sub


def _refused(outcome, *parts: str) -> str:
    assert_contract(outcome, codes=(2,))
    (line,) = outcome.stderr_lines
    for part in parts:
        assert part in line, line
    return line


@pytest.mark.parametrize("name", [".briefcheck.toml", "pyproject.toml"])
@pytest.mark.parametrize("key, value, reason", [
    ("select", '["S9"]', "unknown rule code or prefix 'S9'"),
    ("ignore", '["Q1", "C2"]', "unknown rule code or prefix 'Q1'"),
    ("select", "[]", "nothing would be checked"),
    ("severity", '{ S9 = "error" }', "'S9' is not a rule code"),
    ("severity", '{ C2 = "info" }', "'C2' is not a rule code"),
])
def test_a_folder_config_cannot_switch_the_gate_off(folder, name, key, value, reason):
    table = "[tool.briefcheck]\n" if name == "pyproject.toml" else ""
    config = folder / name
    config.write_text(f"{table}{key} = {value}\n", encoding="utf-8")
    _refused(run_bounded(folder / "brief.txt", seconds=30, mb=300),
             str(config), f"'{key}'", reason)


def test_severity_codes_are_read_in_any_case(folder):
    """`c201 = "info"` is C201's severity (it was kept lower-case and never matched)."""
    (folder / ".briefcheck.toml").write_text('[severity]\nc201 = "info"\n', encoding="utf-8")
    outcome = run_bounded(folder / "brief.txt", seconds=30, mb=300)
    assert outcome.code == 0 and b"C201 info" in outcome.stdout


@pytest.mark.parametrize("option, value, reason", [
    ("--select", "S9", "unknown rule code or prefix 'S9'"),
    ("--select", ",", "nothing would be checked"),
    ("--ignore", "Q", "unknown rule code or prefix 'Q'"),
])
def test_the_command_line_refuses_the_same_codes(folder, option, value, reason):
    _refused(run_bounded(folder / "brief.txt", option, value, seconds=30, mb=300), option, reason)


@pytest.mark.parametrize("text, key", [
    ("tool = 1", "'tool'"),
    ('tool = "briefcheck"', "'tool'"),
    ('tool = ["briefcheck"]', "'tool'"),
    ("[tool]\nbriefcheck = 1", "'tool.briefcheck'"),
    ('[tool]\nbriefcheck = ["S1"]', "'tool.briefcheck'"),
    ("[tool.briefcheck]\nselect = 1", "'select'"),
    ("[tool.briefcheck]\nselect = [{a = 1}]", "'select'"),
    ("[tool.briefcheck]\nseverity = [1]", "'severity'"),
    ("[tool.briefcheck]\nredundancy = 1", "'redundancy'"),
    ("[tool.briefcheck]\nschema = []", "'schema'"),
    ("[tool.briefcheck.redundancy]\nexpected = 1", "'redundancy.expected'"),
    ("[tool.briefcheck.redundancy]\nexpected = { summary = [[1]] }", "'redundancy.expected"),
    ('[tool.briefcheck.redundancy]\nverbatim = "x"', "'redundancy.verbatim'"),
])
def test_a_config_of_the_wrong_shape_is_one_line(folder, text, key):
    config = folder / "pyproject.toml"
    config.write_text(text + "\n", encoding="utf-8")
    _refused(run_bounded(folder / "brief.txt", seconds=30, mb=300), str(config), key)


@pytest.mark.parametrize("text", [
    "a = " + "{b = " * 5_000 + "1" + "}" * 5_000,
    "a = " + "[" * 100_000 + "]" * 100_000,
], ids=["inline-tables-5000", "arrays-100000"])
def test_deeply_nested_toml_is_one_line(folder, text):
    config = folder / ".briefcheck.toml"
    config.write_text(text + "\n", encoding="utf-8")
    _refused(run_bounded(folder / "brief.txt", seconds=30, mb=300), str(config), "nested too deeply")


@pytest.mark.parametrize("kind", ["fifo", "large", "not-utf8", "directory"])
def test_a_config_that_is_not_a_small_text_file_is_one_line(folder, kind):
    import os

    config = folder / ".briefcheck.toml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "large":
        config.write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    elif kind == "not-utf8":
        config.write_bytes(b'lang = "\xe9"\n')
    else:
        config.mkdir()
    outcome = run_bounded(folder / "brief.txt", "--config", config, seconds=30, mb=300)
    _refused(outcome, str(config))

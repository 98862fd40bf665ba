"""Shared test helpers: paths of the shipped samples, a CLI runner, the line of a text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "paris-summit.fr.txt"


def line_of(text: str, part: str) -> int:
    """The 1-based line of `text` where `part` first appears (where a finding must point)."""
    return text.count("\n", 0, text.index(part)) + 1


@pytest.fixture
def run_cli():
    """Run `briefcheck ARGS...` as a user would; returns click's Result (exit_code, stdout, stderr)."""
    from checker.cli import cli

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return run

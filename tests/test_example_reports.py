"""The example reports in reports/ are what the current code produces for samples/.

When this fails, a rule, a sample or a renderer changed: run `python reports/regenerate.py`,
review the diff of reports/ and commit it.
"""

from __future__ import annotations

import runpy

import pytest

from conftest import ROOT

REGENERATE = runpy.run_path(str(ROOT / "reports" / "regenerate.py"))


@pytest.fixture(scope="module")
def fresh() -> dict[str, str]:
    return REGENERATE["build"]()


@pytest.mark.parametrize("name", sorted(REGENERATE["OUTPUTS"]))
def test_example_report_is_up_to_date(fresh, name, tmp_path):
    (tmp_path / name).write_text(fresh[name], encoding="utf-8")
    committed = ROOT / "reports" / name
    assert committed.is_file(), f"reports/{name} missing: run python reports/regenerate.py"
    assert committed.read_bytes() == (tmp_path / name).read_bytes(), (
        f"reports/{name} is stale: run python reports/regenerate.py and commit reports/"
    )


def test_example_reports_use_relative_paths(fresh):
    assert str(ROOT) not in "".join(fresh.values())

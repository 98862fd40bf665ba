"""Regenerate the example reports of samples/ kept in this folder:

    python reports/regenerate.py

Every sample is checked with the default config, paths relative to the repository root, in
each report format people open or upload (HTML, JSON, SARIF, JUnit). Outputs are
deterministic, so tests/test_example_reports.py can regenerate them and fail when the
committed copies are stale (after a rule or a renderer changed: run this and commit).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Output file name -> format.
OUTPUTS = {
    "report.html": "html",
    "report.json": "json",
    "report.sarif": "sarif",
    "report.junit.xml": "junit",
}


def build() -> dict[str, str]:
    """The example reports, by file name (checked from the repository root)."""
    sys.path.insert(0, str(ROOT))
    from checker.batch import check_batch
    from checker.discovery import expand
    from checker.config import Config
    from checker.formats import render
    from checker.report import RunReport

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        documents = check_batch(expand(["samples"]), lambda path: Config())
    finally:
        os.chdir(cwd)
    report = RunReport.build(documents, "error")
    return {name: render(fmt, report) for name, fmt in OUTPUTS.items()}


def main() -> None:
    for name, text in build().items():
        (ROOT / "reports" / name).write_text(text, encoding="utf-8")
        print(f"wrote reports/{name}")


if __name__ == "__main__":
    main()

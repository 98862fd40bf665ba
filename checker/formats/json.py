"""The JSON report (DESIGN.md section 6): the contract dashboards and scripts read.

The report records are dumped in declaration order; output is deterministic for the same
input (no timestamps, no absolute paths that were not given, stable ordering upstream).
"""

from __future__ import annotations

import json

from checker.report import RunReport, as_dict


def render(report: RunReport, *, color: bool = False) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"

"""The GitHub Action's check step (action.yml), in a file so that it runs the same anywhere:
tests/test_integrations.py runs it with the environment the Action gives it.

One briefcheck run writes the annotations (stdout), the step summary, the SARIF report and
the HTML report. Its exit code is recorded as the step's output `exit-code`, not returned:
the uploads run first, and the Action's last step fails the job with it, so the gate's result
is always reported.

Python, not a shell script: the inputs never pass through a shell (no word splitting, no glob
expansion, nothing evaluated), and it runs alike on Linux, macOS (bash 3.2, BSD tools) and
Windows runners. Environment: BRIEFCHECK_PATHS (one path, folder or glob a line; spaces kept;
briefcheck expands the globs, `**` included), BRIEFCHECK_FAIL_ON, BRIEFCHECK_ARGS (further
options, split as a shell would split them), BRIEFCHECK_SARIF, BRIEFCHECK_HTML (empty: no
HTML report), BRIEFCHECK_CATEGORY, GITHUB_OUTPUT.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys


def command(env: dict[str, str]) -> list[str]:
    """The briefcheck command line for the step's environment; ValueError for `args` that
    cannot be split (an unclosed quote)."""
    paths = [line.strip() for line in env.get("BRIEFCHECK_PATHS", "").splitlines() if line.strip()]
    extra = shlex.split(env.get("BRIEFCHECK_ARGS", ""))
    outputs = ["-o", f"sarif:{env.get('BRIEFCHECK_SARIF') or 'briefcheck.sarif'}"]
    if env.get("BRIEFCHECK_HTML"):
        outputs += ["-o", f"html:{env['BRIEFCHECK_HTML']}"]
    return [sys.executable, "-m", "checker", "--format", "github",
            "--fail-on", env.get("BRIEFCHECK_FAIL_ON") or "error",
            "--sarif-category", env.get("BRIEFCHECK_CATEGORY") or "briefcheck",
            *outputs, *extra, "--", *(paths or ["."])]


def main() -> int:
    try:
        argv = command(dict(os.environ))
    except ValueError as exc:
        print(f"::error title=briefcheck::the args input cannot be split like a command line:"
              f" {exc}", flush=True)
        code = 2
    else:
        code = subprocess.run(argv, check=False).returncode
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
        output.write(f"exit-code={code}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# The GitHub Action's check step (action.yml), in a file so that it runs the same anywhere:
# tests/test_integrations.py runs it with the environment the Action gives it.
#
# One briefcheck run writes the annotations (stdout), the step summary, the SARIF report and
# the HTML report. Its exit code is recorded as the step's output `exit-code`, not returned:
# the uploads run first, and the Action's last step fails the job with it, so the gate's
# result is always reported.
#
# Environment: BRIEFCHECK_PATHS (one path or glob a line; spaces kept; globs are expanded by
# briefcheck, `**` included, never by the shell), BRIEFCHECK_FAIL_ON, BRIEFCHECK_ARGS
# (further options, split like a shell would but never evaluated), BRIEFCHECK_SARIF,
# BRIEFCHECK_HTML (empty: no HTML report), BRIEFCHECK_CATEGORY, GITHUB_OUTPUT.
set -uo pipefail

paths=()
while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    line="${line#"${line%%[![:space:]]*}"}"   # trim leading white space
    line="${line%"${line##*[![:space:]]}"}"   # and trailing
    [ -n "$line" ] && paths+=("$line")
done <<< "${BRIEFCHECK_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)

extra=()
if [ -n "${BRIEFCHECK_ARGS:-}" ]; then
    if ! split="$(python -c 'import shlex, sys
print("\0".join(shlex.split(sys.argv[1])), end="")' "$BRIEFCHECK_ARGS" | base64 -w0)"; then
        echo "::error title=briefcheck::the args input cannot be split like a command line: ${BRIEFCHECK_ARGS}"
        echo "exit-code=2" >> "$GITHUB_OUTPUT"
        exit 0
    fi
    mapfile -d '' extra < <(printf '%s' "$split" | base64 -d)
fi

outputs=(-o "sarif:${BRIEFCHECK_SARIF:-briefcheck.sarif}")
[ -n "${BRIEFCHECK_HTML:-}" ] && outputs+=(-o "html:${BRIEFCHECK_HTML}")

briefcheck --format github --fail-on "${BRIEFCHECK_FAIL_ON:-error}" \
    --sarif-category "${BRIEFCHECK_CATEGORY:-briefcheck}" "${outputs[@]}" "${extra[@]}" \
    -- "${paths[@]}"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
exit 0

"""A rule's documentation as people read it: the rule's docstring (what it checks, why,
a bad and a good example, how to fix it) plus how to silence or re-grade it, which is the
same for every rule and so written here once, from the rule's code and severity.

`full_doc` is Markdown (SARIF's help, docs/rules.md); `terminal_text` is the same text
for a terminal: headings without `##`, examples indented instead of fenced, paragraphs
wrapped to the terminal's width.
"""

from __future__ import annotations

import re
import textwrap

SEVERITIES = ("error", "warning", "info")


def silencing(rule: type) -> str:
    """The "How to silence or re-grade it" section of a rule's documentation."""
    code, default = rule.code, rule.severity.value
    other = next(s for s in SEVERITIES if s != default)
    return f"""## How to silence or re-grade it
- One finding: put `<!-- briefcheck: ignore {code} -->` on the line before it, or at the
  end of its line (in a plain-text brief, `[briefcheck: ignore {code}]` on a line of its
  own works too).
- A whole brief: `<!-- briefcheck: ignore-file {code} -->` anywhere in it.
- Every brief: `ignore = ["{code}"]` in `.briefcheck.toml` (or `[tool.briefcheck]` in
  `pyproject.toml`), or `--ignore {code}` on the command line. JSON briefs have no
  comments: use the config.
- Keep it, with another severity (default `{default}`): `{code} = "{other}"` under
  `[severity]` in the config. `--fail-on` decides which severities fail the run."""


def full_doc(rule: type) -> str:
    """The rule's whole documentation in Markdown: summary, docstring parts, silencing."""
    return f"{rule.doc()}\n\n{silencing(rule)}"


_FENCE = re.compile(r"^```")
_BULLET = re.compile(r"^(\s*)([-*]|\d+[.)]) ")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def _inline(text: str) -> str:
    return _BOLD.sub(r"\1", _CODE.sub(r"\1", text))


def terminal_text(markdown: str, width: int | None = 80, heading=None) -> str:
    """`markdown` for a terminal: `## Heading` as the heading alone (`heading(text)` may
    style it), fenced examples indented by four spaces and never wrapped, paragraphs and
    bullets joined and wrapped to `width` (None: one line each, for SARIF's plain text)."""
    heading = heading or (lambda text: text)
    out: list[str] = []
    block: list[str] = []
    bullet: str | None = None  # the marker of the bullet being gathered

    def flush() -> None:
        nonlocal bullet
        if block:
            text = _inline(" ".join(part.strip() for part in block))
            if bullet is None:
                out.append(textwrap.fill(text, width) if width else text)
            else:
                lead = f"{bullet} "
                out.append(textwrap.fill(text, width, initial_indent=lead,
                                         subsequent_indent=" " * len(lead)) if width
                           else lead + text)
            block.clear()
        bullet = None

    lines = iter(markdown.splitlines())
    for line in lines:
        if _FENCE.match(line.strip()):
            flush()
            for code in lines:
                if _FENCE.match(code.strip()):
                    break
                out.append(f"    {code}" if code else "")
            continue
        if line.startswith("#"):
            flush()
            if out and out[-1] != "":
                out.append("")
            out.append(heading(line.lstrip("#").strip()))
            continue
        if not line.strip():
            flush()
            if out and out[-1] != "":
                out.append("")
            continue
        match = _BULLET.match(line)
        if match:
            flush()
            bullet = match.group(2)
            block.append(line[match.end():])
            continue
        if line.rstrip().endswith(":") and len(line) < 12 and not block:  # "Bad:", "Good:"
            out.append(line.strip())
            continue
        block.append(line)
    flush()
    return "\n".join(out).strip("\n") + "\n"


def rules_markdown() -> str:
    """docs/rules.md: every rule's full documentation under a heading `CODE name`, whose
    anchor (`#c201-date-conflict`) the SARIF report's helpUri points to."""
    from checker.rules import all_rules

    rules = list(all_rules().values())
    parts = [
        "# briefcheck rules\n",
        "Written from the rules themselves by `python -m checker.rules.docs > docs/rules.md`"
        " (a test fails when it is stale). `briefcheck rule CODE` shows the same text in a"
        " terminal.\n",
        "| code | name | category | default severity | summary |",
        "|---|---|---|---|---|",
        *(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.category} | "
          f"{r.severity.value} | {r.summary()} |" for r in rules),
    ]
    for rule in rules:
        body = re.sub(r"^## ", "### ", full_doc(rule), flags=re.MULTILINE)
        parts.append(f"\n## {rule.code} {rule.name}\n\n"
                     f"*{rule.category}, default severity {rule.severity.value}*\n\n{body}")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")

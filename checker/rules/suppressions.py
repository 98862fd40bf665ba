"""S190: inline suppressions that suppress nothing (see checker/suppression.py).

Its findings depend on the other rules' findings, so the run produces them after every
other rule has run (`findings_for`); `check` has nothing to look at on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.report import Finding, Severity
from checker.rules import Rule


class UnusedSuppression(Rule):
    """An inline suppression comment matches no finding.

    ## What it does
    Reports each code of a `<!-- briefcheck: ignore CODE -->` (or plain-text
    `[briefcheck: ignore CODE]`) directive that covered no finding, provided a rule with that
    code ran. The finding points at the directive.

    ## Why is this bad?
    A suppression outlives the problem it silenced: once the text is fixed it no longer
    does anything, but it would silence a new, real problem written on that line later.

    ## Example
    Bad (the date now appears in the body, so C211 no longer fires):
    ```markdown
    <!-- briefcheck: ignore C211 -->
    - Leaders meet in Paris on January 6.
    ```
    Good: remove the comment once the finding it silenced is gone:
    ```markdown
    - Leaders meet in Paris on January 6.
    ```

    ## How to fix
    Remove the suppression comment, or correct its code if it was meant for another rule
    (a suppression must name the rule of a finding on the line it covers).
    """

    code = "S190"
    name = "unused-suppression"
    category = "structure"
    severity = Severity.INFO

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        return iter(())

    def findings_for(self, unused: list) -> list[Finding]:
        """One finding per (directive, code) that suppressed nothing."""
        return [
            Finding(code=self.code, name=self.name, category=self.category,
                    severity=self.severity, location=directive.location,
                    message=f"suppression of {code} matched no finding")
            for directive, code in unused
        ]


RULES = [UnusedSuppression]

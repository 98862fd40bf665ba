"""The rule framework: what every rule is, and the registry that lists them all.

A rule is a small class: a stable `code`, a human `name`, its `category` and default
`severity`, a docstring that is its documentation (what it does, why, an example), and a
`check(analysis)` generator of findings. Rule modules are listed explicitly in
`RULE_MODULES`; `briefcheck rules` and the run read the registry, never the modules.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from checker.model import Span
from checker.report import Category, FactKind, Finding, Location, Related, Severity

if TYPE_CHECKING:
    from checker.analysis import Analysis

#: Modules that define rules, each with a module-level `RULES` list.
RULE_MODULES = (
    "checker.rules.structure",
    "checker.rules.consistency",
    "checker.rules.redundancy",
    "checker.rules.suppressions",
)


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    fact: ClassVar[FactKind | None] = None

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0]

    def finding(
        self,
        message: str,
        span: Span,
        section: str | None,
        related: tuple[Related, ...] = (),
        fact: FactKind | None = None,
    ) -> Finding:
        """A finding of this rule at `span` (its severity may be changed later by config)."""
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            fact=fact if fact is not None else self.fact,
            severity=self.severity,
            message=message,
            location=Location(
                section=section,
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
            ),
            related=tuple(related),
        )


def related(span: Span, section: str | None, text: str) -> Related:
    return Related(section=section, line=span.line, column=span.column, text=text)


_registry: dict[str, type[Rule]] | None = None


def all_rules() -> dict[str, type[Rule]]:
    """Every rule by code, in code order. Imports the rule modules on first use."""
    global _registry
    if _registry is None:
        found: dict[str, type[Rule]] = {}
        for module_name in RULE_MODULES:
            for rule in importlib.import_module(module_name).RULES:
                if rule.code in found:
                    raise RuntimeError(f"duplicate rule code {rule.code}")
                found[rule.code] = rule
        _registry = dict(sorted(found.items()))
    return _registry


def matches(code: str, patterns: list[str]) -> bool:
    """True when a rule code is selected by one of the codes or prefixes (`C2`, `S101`, `ALL`)."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)

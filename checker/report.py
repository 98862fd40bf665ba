"""What a run found: findings, one report per document, the run's report and its exit code.

These models are the JSON report contract (DESIGN.md section 6, `schemas/report.schema.json`):
every renderer reads them and nothing else.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker import __version__


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}

Category = Literal["structure", "consistency", "redundancy"]
FactKind = Literal["date", "place", "participant", "duration"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Location(_Frozen):
    """Where a finding is: a section id and a 1-based range in the file as written."""

    section: str | None
    line: int
    column: int
    end_line: int
    end_column: int


class Related(_Frozen):
    """The other place a finding concerns (the other side of a conflict, the earlier copy)."""

    section: str | None
    line: int
    column: int
    text: str


class Finding(_Frozen):
    code: str
    name: str
    category: Category
    fact: FactKind | None = None
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()


class SectionInfo(_Frozen):
    id: str
    kind: str
    heading: str | None
    line: int


class FactInfo(_Frozen):
    kind: FactKind
    value: str
    text: str
    section: str
    line: int
    column: int


class PairEnd(_Frozen):
    section: str
    line: int


class RedundancyPair(_Frozen):
    a: PairEnd
    b: PairEnd
    score: float


class Redundancy(_Frozen):
    pairs: tuple[RedundancyPair, ...] = ()
    #: Share of each section's words repeated from another: overlap[later][earlier].
    overlap: dict[str, dict[str, float]] = Field(default_factory=dict)


class DocumentReport(_Frozen):
    path: str
    lang: str | None
    format: str | None
    sections: tuple[SectionInfo, ...] = ()
    facts: tuple[FactInfo, ...] = ()
    findings: tuple[Finding, ...] = ()
    redundancy: Redundancy = Field(default_factory=Redundancy)
    #: Set when the document could not be checked at all (unreadable, not a brief): the message.
    error: str | None = None
    #: The text as checked, for renderers that show the brief itself (HTML). Not part of the
    #: JSON contract (excluded from dumps): the JSON report stays small and unchanged.
    source: str | None = Field(default=None, exclude=True, repr=False)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


class Tool(_Frozen):
    name: str = "briefcheck"
    version: str = __version__


class Summary(_Frozen):
    documents: int
    error: int
    warning: int
    info: int
    failed: bool
    #: Documents that could not be checked (see DocumentReport.error).
    unreadable: int = 0


class RunReport(_Frozen):
    tool: Tool = Field(default_factory=Tool)
    summary: Summary
    documents: tuple[DocumentReport, ...]

    @classmethod
    def build(cls, documents: list[DocumentReport], fail_on: str = "error") -> RunReport:
        findings = [f for d in documents for f in d.findings]
        threshold = None if fail_on == "never" else Severity(fail_on).rank
        failed = threshold is not None and any(f.severity.rank >= threshold for f in findings)
        summary = Summary(
            documents=len(documents),
            error=sum(f.severity == Severity.ERROR for f in findings),
            warning=sum(f.severity == Severity.WARNING for f in findings),
            info=sum(f.severity == Severity.INFO for f in findings),
            failed=failed,
            unreadable=sum(d.error is not None for d in documents),
        )
        return cls(summary=summary, documents=tuple(documents))

    @property
    def exit_code(self) -> int:
        """0 nothing at or above --fail-on; 1 something is; 2 a document could not be checked."""
        if self.summary.unreadable:
            return 2
        return 1 if self.summary.failed else 0

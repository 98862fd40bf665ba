"""What a run found: findings, one report per document, the run's report and its exit code.

These records are the JSON report contract (DESIGN.md section 6, `schemas/report.schema.json`):
every renderer reads them and nothing else; `as_dict` gives their JSON form, fields in
declaration order.

Why frozen dataclasses and not pydantic models (DESIGN.md section 7 asks for pydantic):
every value here is built by briefcheck itself from already typed values, so validation
checks nothing, and importing pydantic and building these models cost about 100 ms of a
0.3 s single-brief run (`python -X importtime`), a third of the command's time. The JSON
report is tested against `schemas/report.schema.json` instead. `model_dump` and
`model_copy` keep the pydantic spellings the public API (`check_path`) has always offered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import Field, field, fields, replace
from enum import Enum
from typing import Any, Literal

from checker import __version__
from checker.model import record


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

def _record(cls: type) -> type:
    """A record (`checker.model.record`, keyword-only) and the fields its JSON form holds
    (`as_dict`, the JSON renderer)."""
    cls = record(cls, kw_only=True)
    #: The fields of the record's JSON form, in declaration order (not `source`).
    cls._dumped = tuple(f for f in fields(cls) if f.metadata.get("dump", True))
    #: The fields left out of the JSON form while they are None (`DocumentReport.omitted`).
    cls._optional = frozenset(f.name for f in fields(cls) if f.metadata.get("optional"))
    return cls


def dumped_items(record: _Record) -> list[tuple[str, Any]]:
    """(name, value) of each field of a record's JSON form, optional ones only when set."""
    optional = record._optional
    return [(f.name, getattr(record, f.name)) for f in record._dumped
            if not (f.name in optional and getattr(record, f.name) is None)]


class _Record:
    """What every report record can do besides holding its fields."""

    __slots__ = ()
    _names: tuple[str, ...]
    _dumped: tuple[Field, ...]
    _optional: frozenset[str]

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """The record as a dict, nested records too; `mode="json"`: its JSON form (`as_dict`)."""
        return as_dict(self, json=mode == "json")

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with the fields of `update` replaced."""
        return replace(self, **(update or {}))


def as_dict(value: Any, *, json: bool = True) -> Any:
    """The JSON form of a record (nested records as dicts, tuples as lists, enums as their
    values), without the fields not dumped (`DocumentReport.source`). `json=False` keeps
    tuples and enums, as pydantic's `model_dump()` did."""
    if isinstance(value, _Record):
        return {name: as_dict(item, json=json) for name, item in dumped_items(value)}
    if isinstance(value, tuple):
        items = [as_dict(item, json=json) for item in value]
        return items if json else tuple(items)
    if isinstance(value, dict):
        return {key: as_dict(item, json=json) for key, item in value.items()}
    if json and isinstance(value, Enum):
        return value.value
    return value


@_record
class Location(_Record):
    """Where a finding is: a section id and a 1-based range in the file as written."""

    section: str | None
    line: int
    column: int
    end_line: int
    end_column: int


@_record
class Related(_Record):
    """The other place a finding concerns (the other side of a conflict, the earlier copy)."""

    section: str | None
    line: int
    column: int
    text: str


@_record
class Finding(_Record):
    """One problem a rule found, where it is, and where the other side is (`related`)."""

    code: str
    name: str
    category: Category
    fact: FactKind | None = None
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()


@_record
class SectionInfo(_Record):
    """A section of the checked brief as the report lists it."""

    id: str
    kind: str
    heading: str | None
    line: int


@_record
class FactInfo(_Record):
    """A fact of the checked brief as the report lists it."""

    kind: FactKind
    value: str
    text: str
    section: str
    line: int
    column: int


@_record
class PairEnd(_Record):
    """One sentence of a redundancy pair: its section and line."""

    section: str
    line: int


@_record
class RedundancyPair(_Record):
    """Two sentences that say the same thing, and how closely (`score`, 0 to 1)."""

    a: PairEnd
    b: PairEnd
    score: float


@_record
class Redundancy(_Record):
    """What the brief repeats: sentence pairs, and each section's share of words repeated."""

    pairs: tuple[RedundancyPair, ...] = ()
    #: Share of each section's words repeated from another: overlap[later][earlier].
    overlap: dict[str, dict[str, float]] = field(default_factory=dict)


#: The most of each list a document's report holds (`DocumentReport.capped`): a brief has a
#: few dozen of each, and a 10 MB document of 400,000 findings made a 990 MB SARIF log and a
#: 530 MB HTML page. What is left out is counted (`omitted`), and every format says so.
MAX_FINDINGS = 1_000
MAX_FACTS = 2_000
MAX_PAIRS = 2_000
MAX_SECTIONS = 1_000


@_record
class Position(_Record):
    """A 1-based place in the file as written."""

    line: int
    column: int


@_record
class Omitted(_Record):
    """What a document's report leaves out past its caps: how many of each (findings by
    severity; they still count in the summary and the exit code)."""

    sections: int = 0
    facts: int = 0
    pairs: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    #: Where the analysis of the document stopped, past the loader's caps
    #: (`checker.loaders.MAX_LINES`, `MAX_SENTENCES`): nothing from there on is checked.
    #: Absent from the JSON form when all of the document was analysed.
    unchecked_from: Position | None = field(default=None, metadata={"optional": True})

    @property
    def finding_count(self) -> int:
        return sum(self.findings.values())


@_record
class DocumentReport(_Record):
    """Everything found in one document, or why it could not be checked (`error`)."""

    path: str
    lang: str | None
    format: str | None
    sections: tuple[SectionInfo, ...] = ()
    facts: tuple[FactInfo, ...] = ()
    findings: tuple[Finding, ...] = ()
    redundancy: Redundancy = field(default_factory=Redundancy)
    #: Set when the document could not be checked at all (unreadable, not a brief): the message.
    error: str | None = None
    #: The text as checked, for renderers that show the brief itself (HTML). Not part of the
    #: JSON contract (left out of dumps): the JSON report stays small and unchanged.
    source: str | None = field(default=None, repr=False, metadata={"dump": False})
    #: The rule families (categories) that ran on it, for reports that tell a family that
    #: passed from one that did not run (JUnit's `skipped`); None when not known. Not part
    #: of the JSON contract.
    families: tuple[str, ...] | None = field(default=None, metadata={"dump": False})
    #: Seconds spent checking it, when the run measured it (the CLI does; example reports
    #: and tests do not, so they stay the same bytes). Not part of the JSON contract.
    seconds: float | None = field(default=None, metadata={"dump": False})
    #: What the report leaves out past its caps (MAX_FINDINGS...); absent from the JSON
    #: form when nothing is.
    omitted: Omitted | None = field(default=None, metadata={"optional": True})

    def count(self, severity: Severity) -> int:
        shown = sum(1 for f in self.findings if f.severity == severity)
        return shown + (self.omitted.findings.get(severity.value, 0) if self.omitted else 0)

    def unchecked_past(self, place: tuple[int, int] | None) -> DocumentReport:
        """This report saying that the document was analysed up to `place` (line, column)
        only (None: all of it was)."""
        if place is None:
            return self
        return replace(self, omitted=replace(self.omitted or Omitted(),
                                             unchecked_from=Position(line=place[0], column=place[1])))

    def capped(self) -> DocumentReport:
        """This report within the caps: the first sections, facts and pairs, and the most
        severe findings (errors first, then in document order), with what is left out
        counted in `omitted`."""
        pairs = self.redundancy.pairs
        if (len(self.findings) <= MAX_FINDINGS and len(self.facts) <= MAX_FACTS
                and len(pairs) <= MAX_PAIRS and len(self.sections) <= MAX_SECTIONS):
            return self
        findings = self.findings
        left_out: Counter[str] = Counter()
        if len(findings) > MAX_FINDINGS:
            order = sorted(range(len(findings)), key=lambda i: -findings[i].severity.rank)
            kept = set(order[:MAX_FINDINGS])
            left_out.update(findings[i].severity.value for i in order[MAX_FINDINGS:])
            findings = tuple(f for i, f in enumerate(findings) if i in kept)
        kept_sections = {s.id for s in self.sections[:MAX_SECTIONS]}
        overlap = self.redundancy.overlap
        if len(self.sections) > MAX_SECTIONS:
            overlap = {later: {earlier: share for earlier, share in row.items()
                               if earlier in kept_sections}
                       for later, row in overlap.items() if later in kept_sections}
        return replace(
            self,
            sections=self.sections[:MAX_SECTIONS],
            facts=self.facts[:MAX_FACTS],
            findings=findings,
            redundancy=Redundancy(pairs=pairs[:MAX_PAIRS], overlap=overlap),
            omitted=Omitted(
                sections=max(0, len(self.sections) - MAX_SECTIONS),
                facts=max(0, len(self.facts) - MAX_FACTS),
                pairs=max(0, len(pairs) - MAX_PAIRS),
                findings={s.value: left_out[s.value] for s in Severity if left_out[s.value]},
            ),
        )


@_record
class RenderedDocument(_Record):
    """A document's report as a format renders it on its own, with what the run's summary
    needs: what a batch's workers send back instead of the report when the run's format
    renders each document apart from the others (`checker.formats.document_renderer`);
    a report's many records cost more to send between processes than its text. Not part
    of the JSON contract."""

    path: str
    error: str | None
    #: Its findings by severity, in Severity's order (error, warning, info).
    counts: tuple[int, ...]
    text: str

    @classmethod
    def of(cls, document: DocumentReport, text: str) -> RenderedDocument:
        return cls(path=document.path, error=document.error, text=text,
                   counts=tuple(document.count(severity) for severity in Severity))


@_record
class Tool(_Record):
    """What wrote the report."""

    name: str = "briefcheck"
    version: str = __version__


@_record
class Summary(_Record):
    """A run's totals and whether it failed (`exit_code`)."""

    documents: int
    error: int
    warning: int
    info: int
    failed: bool
    #: Documents that could not be checked (see DocumentReport.error).
    unreadable: int = 0

    @classmethod
    def of(cls, counts: Counter[Severity], documents: int, unreadable: int,
           fail_on: str = "error") -> Summary:
        """The summary of a run that found `counts` findings of each severity."""
        return cls(
            documents=documents,
            error=counts[Severity.ERROR],
            warning=counts[Severity.WARNING],
            info=counts[Severity.INFO],
            failed=any(_fails(severity, fail_on) for severity, n in counts.items() if n),
            unreadable=unreadable,
        )

    @classmethod
    def of_rendered(cls, documents: list[RenderedDocument], fail_on: str = "error") -> Summary:
        """The summary of a run from its documents as rendered (`RenderedDocument.counts`)."""
        totals = [sum(column) for column in zip(*(d.counts for d in documents))] or [0] * 3
        return cls.of(Counter(dict(zip(Severity, totals))), len(documents),
                      sum(d.error is not None for d in documents), fail_on)

    @property
    def exit_code(self) -> int:
        """0 nothing at or above --fail-on; 1 something is; 2 a document could not be checked."""
        if self.unreadable:
            return 2
        return 1 if self.failed else 0


def _fails(severity: Severity, fail_on: str) -> bool:
    return fail_on != "never" and severity.rank >= Severity(fail_on).rank


@_record
class RunReport(_Record):
    """The report of a run: every document's, and their summary."""

    tool: Tool = field(default_factory=Tool)
    summary: Summary
    documents: tuple[DocumentReport, ...]
    #: The run's --fail-on, for renderers that mark what fails the run (JUnit). Not part of
    #: the JSON contract (the summary's `failed` says the outcome).
    fail_on: str = field(default="error", metadata={"dump": False})
    #: When the run started (ISO 8601, UTC), when the run measured it (JUnit's `timestamp`).
    #: Not part of the JSON contract, which stays the same bytes for the same input.
    started: str | None = field(default=None, metadata={"dump": False})

    @classmethod
    def build(cls, documents: list[DocumentReport], fail_on: str = "error",
              started: str | None = None) -> RunReport:
        counts = Counter({severity: sum(d.count(severity) for d in documents)
                          for severity in Severity})
        summary = Summary.of(counts, len(documents), sum(d.error is not None for d in documents),
                             fail_on)
        return cls(summary=summary, documents=tuple(documents), fail_on=fail_on, started=started)

    def fails(self, finding: Finding) -> bool:
        """Whether the finding is at or above --fail-on: one such finding fails the run."""
        return _fails(finding.severity, self.fail_on)

    @property
    def exit_code(self) -> int:
        return self.summary.exit_code

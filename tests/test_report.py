"""The report records: their JSON form, the pydantic spellings the public API keeps, and
that they survive the trip to and from a worker process (--jobs)."""

from __future__ import annotations

import pickle

from checker import check_path
from checker.report import DocumentReport, Finding, Location, Severity, as_dict
from conftest import SEED


def _finding(severity: Severity = Severity.WARNING) -> Finding:
    return Finding(code="C211", name="participant-conflict", category="consistency",
                   fact="participant", severity=severity, message="m",
                   location=Location(section="summary", line=3, column=1, end_line=3, end_column=9))


def test_json_form_has_values_not_enums_lists_not_tuples_and_no_source():
    document = DocumentReport(path="a.txt", lang="en", format="text", findings=(_finding(),),
                              source="the brief")
    data = as_dict(document)
    assert "source" not in data
    assert data["findings"][0]["severity"] == "warning"
    assert data["findings"][0]["related"] == []
    assert data["findings"][0]["location"] == {"section": "summary", "line": 3, "column": 1,
                                               "end_line": 3, "end_column": 9}
    assert list(data) == ["path", "lang", "format", "sections", "facts", "findings",
                          "redundancy", "error"]


def test_model_dump_and_model_copy_behave_as_the_pydantic_models_did():
    finding = _finding()
    assert finding.model_dump()["severity"] is Severity.WARNING
    assert finding.model_dump()["related"] == ()
    assert finding.model_dump(mode="json")["severity"] == "warning"
    raised = finding.model_copy(update={"severity": Severity.ERROR})
    assert (raised.severity, finding.severity) == (Severity.ERROR, Severity.WARNING)


def test_a_real_report_survives_pickling_unchanged():
    report = check_path(str(SEED))
    assert report.findings
    assert pickle.loads(pickle.dumps(report)) == report


def test_records_are_built_as_their_dataclasses_would_build_them():
    """`slot_init` is the records' `__init__` (speed): the same parameters,
    keyword-only for report records, defaults, a fresh default per record, frozen fields."""
    import dataclasses

    import pytest

    from checker.model import Paragraph, Span
    from checker.report import Redundancy

    finding = _finding()
    assert (finding.fact, finding.related) == ("participant", ())
    assert finding == dataclasses.replace(finding, message="m")
    with pytest.raises(TypeError):
        Location("summary", 3, 1, 3, 9)  # keyword-only
    with pytest.raises(TypeError, match="missing"):
        Location(section="summary", line=3)
    first, second = Redundancy(), Redundancy()
    assert first.overlap == {} and first.overlap is not second.overlap
    span = Span(0, 4, 1, 1, 1, 5)
    assert span == Span(start=0, end=4, line=1, column=1, end_line=1, end_column=5)
    assert Paragraph("text", span, ()).bullet is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.line = 2  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(finding)) == finding


def test_records_compare_hash_and_print_as_frozen_dataclasses_do():
    """`checker.model.record` shares these methods instead of generating them per class:
    same hash as a frozen dataclass (the tuple of values: sets iterate in the same order),
    equal only to a record of the same class, a repr without `repr=False` fields, no field
    deleted, and model records (spans, sentences) through pickle too."""
    import dataclasses

    import pytest

    from checker.model import Sentence, Span

    span = Span(0, 4, 1, 1, 1, 5)
    assert hash(span) == hash((0, 4, 1, 1, 1, 5)) == hash(Span(0, 4, 1, 1, 1, 5))
    assert span != Span(0, 4, 1, 1, 1, 6) and span != (0, 4, 1, 1, 1, 5)
    assert len({span, Span(0, 4, 1, 1, 1, 5), Span(1, 4, 1, 2, 1, 5)}) == 2
    assert repr(span) == "Span(start=0, end=4, line=1, column=1, end_line=1, end_column=5)"
    document = DocumentReport(path="a.txt", lang="en", format="text", source="the brief")
    assert "source" not in repr(document) and repr(document).startswith("DocumentReport(path=")
    with pytest.raises(dataclasses.FrozenInstanceError):
        del span.line
    sentence = Sentence("A sentence.", span, 0)
    assert pickle.loads(pickle.dumps(sentence)) == sentence
    assert pickle.loads(pickle.dumps(sentence)).span.end_column == 5

"""The loaded brief: sections, paragraphs and sentences, each tied to its place in the source.

Every loader returns a `Brief`; every later stage reads it and never changes it. These are
frozen, slotted dataclasses rather than pydantic models: they are built by our own loaders
(nothing to validate), a 5 MB brief has 50,000 sentences, and validating each one cost
more than the whole rest of loading. Positions
are kept as character offsets into `Brief.source` (the decoded text, newlines normalised to
"\\n"), with 1-based line and column computed once, so a finding can point at the exact place
the user wrote whatever the input format.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum


class SectionKind(str, Enum):
    """The part of a brief a section plays (DESIGN.md section 6)."""

    KEY_POINTS = "key_points"
    SUMMARY = "summary"
    BODY = "body"
    CONCLUSION = "conclusion"
    TITLE = "title"
    OTHER = "other"


#: Human names of section kinds, used in messages.
SECTION_LABELS = {
    SectionKind.KEY_POINTS: "Key Points",
    SectionKind.SUMMARY: "Summary",
    SectionKind.BODY: "body",
    SectionKind.CONCLUSION: "Conclusion",
    SectionKind.TITLE: "title",
    SectionKind.OTHER: "other",
}


_frozen = dataclass(frozen=True, slots=True)


@_frozen
class Span:
    """A stretch of the source: offsets [start, end) and its 1-based start/end line and column."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@_frozen
class Sentence:
    """One sentence; `index` is its position within the whole brief (0-based, reading order)."""

    text: str
    span: Span
    index: int


@_frozen
class Paragraph:
    """A paragraph or a bullet (`bullet=True`) with its sentences."""

    text: str
    span: Span
    sentences: tuple[Sentence, ...]
    bullet: bool = False


@_frozen
class Section:
    """A heading and what follows it up to the next heading of a brief section.

    `id` is stable and readable: `key_points`, `summary`, `body-1`, `body-2`, `conclusion`,
    `title`, `other-1`; a second section of the same kind gets a suffix (`summary-2`).
    """

    id: str
    kind: SectionKind
    heading: str | None
    heading_span: Span | None
    span: Span
    paragraphs: tuple[Paragraph, ...]

    @property
    def label(self) -> str:
        """How messages name the section: its heading, or its kind when it has none."""
        return self.heading or SECTION_LABELS[self.kind]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def bullets(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.bullet]


@_frozen
class Brief:
    """A whole document as loaded: where it came from, its language and its sections."""

    path: str
    format: str
    lang: str
    source: str
    sections: tuple[Section, ...]
    #: Problems the loader found in the document's shape (JSON input), as (message, span).
    shape_errors: tuple[tuple[str, Span], ...] = ()

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def sections_of(self, kind: SectionKind) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for sec in self.sections for s in sec.sentences]


class LineIndex:
    """Turns character offsets of a text into 1-based (line, column) in O(log n)."""

    def __init__(self, text: str):
        self.text = text
        self._starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The Span of [start, end): one search for its line, none for its end when it ends
        on that line (a sentence almost always does; a 5 MB brief has 50,000 of them)."""
        starts, size = self._starts, len(self.text)
        at = start if 0 <= start <= size else max(0, min(start, size))
        line = bisect_right(starts, at)
        line_start = starts[line - 1]
        stop = end if 0 <= end <= size else max(0, min(end, size))
        if line_start <= stop and (line == len(starts) or stop < starts[line]):
            return Span(start, end, line, at - line_start + 1, line, stop - line_start + 1)
        end_line = bisect_right(starts, stop)
        return Span(start, end, line, at - line_start + 1, end_line, stop - starts[end_line - 1] + 1)

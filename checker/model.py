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
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from enum import Enum
from operator import attrgetter
from typing import Any


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


def record(cls: type | None = None, *, kw_only: bool = False) -> Any:
    """A frozen, slotted dataclass whose methods are shared, not generated per class.

    Why: `dataclass(frozen=True)` compiles six methods for each class (`__init__`,
    `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`), about 0.7 ms a class:
    making briefcheck's dataclasses took 20 to 27 ms of every start, 12 to 14 since. These
    records get the dataclass's fields (`fields`, `replace` work) and one compiled method,
    `__init__` (`slot_init`); equality, hash (that of the tuple of values, as a dataclass's),
    repr, frozenness and pickling are functions of `_values`, shared by all of them."""
    if cls is None:
        return lambda cls: record(cls, kw_only=kw_only)
    cls = dataclass(slots=True, kw_only=kw_only, init=False, repr=False, eq=False)(cls)
    cls.__init__ = slot_init(cls)
    cls._names = tuple(f.name for f in fields(cls))
    cls._shown = tuple(f.name for f in fields(cls) if f.repr)
    #: Each field's slot setter, for unpickling (`_rebuild`): faster than setting by name.
    cls._setters = tuple(getattr(cls, name).__set__ for name in cls._names)
    cls._values = staticmethod(attrgetter(*cls._names)) if len(cls._names) > 1 else (
        staticmethod(lambda instance, name=cls._names[0]: (getattr(instance, name),))
    )
    for name, method in _SHARED.items():
        if name not in cls.__dict__:
            setattr(cls, name, method)
    return cls


def slot_init(cls: type) -> Any:
    """An `__init__` for a record (same parameters, defaults and default factories as the
    dataclass's) that sets each field through its slot: a frozen dataclass's `__init__`
    goes through `object.__setattr__` by name, and a 5 MB brief builds a million records
    (spans, sentences, findings, pairs) that way (Span: 1.0 -> 0.5 us)."""
    params, body = [], []
    namespace: dict[str, Any] = {"MISSING": MISSING}
    keywords = False
    for n, f in enumerate(fields(cls)):
        if f.kw_only and not keywords:
            params.append("*")
            keywords = True
        namespace[f"set{n}"] = getattr(cls, f.name).__set__
        if f.default is not MISSING:
            namespace[f"default{n}"] = f.default
            params.append(f"{f.name}=default{n}")
        elif f.default_factory is not MISSING:
            namespace[f"factory{n}"] = f.default_factory
            params.append(f"{f.name}=MISSING")
            body.append(f"    if {f.name} is MISSING:\n        {f.name} = factory{n}()")
        else:
            params.append(f.name)
        body.append(f"    set{n}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"])
    exec(source + "\n", namespace)  # noqa: S102 - our own field names, as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _rebuild(cls: type, values: tuple) -> Any:
    instance = object.__new__(cls)
    for set_field, value in zip(cls._setters, values):
        set_field(instance, value)
    return instance


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        return self._values(self) == other._values(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
    return f"{type(self).__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self: Any) -> tuple:
    """Pickled as its class and a tuple of values: reports of a --jobs run come back from
    the workers 40% faster than with the default reduction of slotted objects."""
    return _rebuild, (type(self), self._values(self))


_SHARED = {"__eq__": _eq, "__hash__": _hash, "__repr__": _repr, "__setattr__": _setattr,
           "__delattr__": _delattr, "__reduce__": _reduce}


@record
class Span:
    """A stretch of the source: offsets [start, end) and its 1-based start/end line and column."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@record
class Sentence:
    """One sentence; `index` is its position within the whole brief (0-based, reading order)."""

    text: str
    span: Span
    index: int


@record
class Paragraph:
    """A paragraph or a bullet (`bullet=True`) with its sentences."""

    text: str
    span: Span
    sentences: tuple[Sentence, ...]
    bullet: bool = False


@record
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


@record
class Brief:
    """A whole document as loaded: where it came from, its language and its sections."""

    path: str
    format: str
    lang: str
    source: str
    sections: tuple[Section, ...]
    #: Problems the loader found in the document's shape (JSON input), as (message, span).
    shape_errors: tuple[tuple[str, Span], ...] = ()
    #: Where the analysis stops, (line, column), when the document is longer than the
    #: loader's caps (`checker.loaders.MAX_LINES`, `MAX_SENTENCES`); None: all of it is analysed.
    unchecked_from: tuple[int, int] | None = None

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
        #: The offset of each line's start, line 1 first.
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The Span of [start, end): one search for its line, none for its end when it ends
        on that line (a sentence almost always does; a 5 MB brief has 50,000 of them)."""
        starts, size = self.starts, len(self.text)
        at = start if 0 <= start <= size else max(0, min(start, size))
        line = bisect_right(starts, at)
        line_start = starts[line - 1]
        stop = end if 0 <= end <= size else max(0, min(end, size))
        if line_start <= stop and (line == len(starts) or stop < starts[line]):
            return Span(start, end, line, at - line_start + 1, line, stop - line_start + 1)
        end_line = bisect_right(starts, stop)
        end_column = stop - starts[end_line - 1] + 1
        return Span(start, end, line, at - line_start + 1, end_line, end_column)

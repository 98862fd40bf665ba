"""The JSON report (DESIGN.md section 6): the contract dashboards and scripts read.

The report records are dumped in declaration order; output is deterministic for the same
input (no timestamps, no absolute paths that were not given, stable ordering upstream).

The text is exactly `json.dumps(as_dict(report), ensure_ascii=False, indent=2)`, written
by a small encoder of our own: with `indent`, the standard library encodes in pure Python
and gathers one string per token before joining them: on the 5 MB brief (84,000 findings,
185,000 pairs, a 157 MB report) the run peaked at 1.36 GB (0.34 GB for the text report)
and rendering took about 8 s of CPU. This one walks the records themselves (no dict tree),
writes containers piece by piece, encodes a record without containers as one string, and
a small record shared by several findings once: 0.55 GB and 3 s.
"""

from __future__ import annotations

import io
from enum import Enum
from json.encoder import encode_basestring

from checker.report import (
    DocumentReport, PairEnd, Related, RenderedDocument, RunReport, Summary, _Record,
)

_INF = float("inf")
#: Records whose text is at most this long are remembered (by identity): the small ones a
#: report shares (a sentence every copy points at) and not the findings that hold them.
_MEMO_CHARS = 400
#: The record types a report shares between findings and pairs (one per sentence): only
#: these are remembered. A location or a pair belongs to one finding: remembering the
#: 5 MB brief's 270,000 of them held 130 MB for nothing.
_SHARED = (Related, PairEnd)


#: A document's line break and indentation in the run's report: an item of `documents`.
_DOCUMENT = "\n    "


def render(report: RunReport, *, color: bool = False) -> str:
    return dumps(report) + "\n"


def dumps(value: object) -> str:
    """`value` (report records, dicts, lists, tuples, scalars) as `json.dumps(value,
    ensure_ascii=False, indent=2)` writes it, without the standard library's pure-Python
    indenting encoder (the SARIF log of a 400 KB brief: 2.7 s in it)."""
    out = io.StringIO()
    _Encoder(out.write).write(value, "\n")
    return out.getvalue()


def render_document(document: DocumentReport, *, color: bool = False) -> str:
    """One document's object, indented for its place in the run's report: what a batch's
    worker sends back instead of the document's records (a 5 MB brief's are a million)."""
    out = io.StringIO()
    _Encoder(out.write).write(document, _DOCUMENT)
    return out.getvalue()


def render_rendered(documents: list[RenderedDocument], summary: Summary, *,
                    color: bool = False) -> str:
    """The run's report from its documents as `render_document` rendered them: the text
    `render` gives, whose last field is `documents` (the JSON contract's order)."""
    empty = render(RunReport(summary=summary, documents=()))
    if not documents:
        return empty
    head = empty.removesuffix("[]\n}\n")
    return "".join([head, "[", _DOCUMENT, ("," + _DOCUMENT).join(d.text for d in documents),
                    "\n  ]\n}\n"])


class _Encoder:
    """JSON text of report records, dicts, tuples and scalars, indented two spaces a level.

    Containers are written piece by piece to `write`; a record without containers (a
    location, a related sentence, a pair) is encoded as one string, remembered by identity
    when it is small, since the report shares such records between findings."""

    def __init__(self, write) -> None:
        self._out = write
        self._memo: dict[tuple[int, str], str] = {}
        self._plans: dict[type, tuple[tuple[tuple[str, str], ...], bool]] = {}

    def write(self, value: object, newline: str) -> None:
        """Write `value` as JSON; `newline` is a line break and the indentation of its level."""
        out = self._out
        if isinstance(value, _Record):
            fields_, flat = self._plan(type(value))
            if flat:
                out(self._flat(value, newline))
            else:
                self._write_object(self._items(value, fields_), newline)
        elif isinstance(value, dict):
            self._write_object([(encode_basestring(k), v) for k, v in value.items()], newline)
        elif isinstance(value, (tuple, list)) and value:
            inner = newline + "  "
            out("[")
            for n, item in enumerate(value):
                out(inner if n == 0 else "," + inner)
                self.write(item, inner)
            out(newline + "]")
        else:
            out(self.encode(value, newline))

    @staticmethod
    def _items(record: _Record, fields_: tuple[tuple[str, str], ...]) -> list[tuple[str, object]]:
        """(encoded key, value) of a record's fields, optional ones only when set."""
        optional = record._optional
        return [(key, getattr(record, name)) for name, key in fields_
                if not (name in optional and getattr(record, name) is None)]

    def _write_object(self, items: list[tuple[str, object]], newline: str) -> None:
        """An object from (encoded key, value) items."""
        out = self._out
        if not items:
            out("{}")
            return
        inner = newline + "  "
        out("{")
        scalar = _SCALARS.get
        for n, (key, item) in enumerate(items):
            encode = scalar(type(item))
            if encode:  # written with its key: no call to `write` for a string or a number
                out(f"{inner if n == 0 else ',' + inner}{key}: {encode(item)}")
            else:
                out(f"{inner if n == 0 else ',' + inner}{key}: ")
                self.write(item, inner)
        out(newline + "}")

    def _plan(self, cls: type) -> tuple[tuple[tuple[str, str], ...], bool]:
        """A record type's dumped fields as (name, encoded key), and whether none of them
        can hold a container (its annotation names no tuple, list or dict)."""
        plan = self._plans.get(cls)
        if plan is None:
            dumped = cls._dumped
            flat = not any(word in str(f.type) for f in dumped for word in ("tuple", "list", "dict"))
            plan = self._plans[cls] = (tuple((f.name, encode_basestring(f.name)) for f in dumped), flat)
        return plan

    def _flat(self, record: _Record, newline: str) -> str:
        key = (id(record), newline)
        text = self._memo.get(key)
        if text is None:
            inner = newline + "  "
            fields_ = self._plan(type(record))[0]
            scalar = _SCALARS.get
            parts = []
            for name, encoded_name in fields_:
                value = getattr(record, name)
                encode = scalar(type(value))
                value = encode(value) if encode else self.encode(value, inner)
                parts.append(f"{encoded_name}: {value}")
            text = "{" + inner + ("," + inner).join(parts) + newline + "}" if fields_ else "{}"
            if len(text) <= _MEMO_CHARS and type(record) in _SHARED:
                self._memo[key] = text
        return text

    def encode(self, value: object, newline: str) -> str:
        """`value` as a JSON string."""
        encode = _SCALARS.get(type(value))
        if encode:
            return encode(value)
        if isinstance(value, str):
            return encode_basestring(value.value if isinstance(value, Enum) else value)
        if isinstance(value, _Record):
            fields_, flat = self._plan(type(value))
            if flat:
                return self._flat(value, newline)
            return self._object(self._items(value, fields_), newline)
        if isinstance(value, dict):
            return self._object([(encode_basestring(k), v) for k, v in value.items()], newline)
        if isinstance(value, (tuple, list)):
            if not value:
                return "[]"
            inner = newline + "  "
            return "[" + inner + ("," + inner).join(self.encode(v, inner) for v in value) + newline + "]"
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, Enum):
            return self.encode(value.value, newline)
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return _float(value)
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    def _object(self, items: list[tuple[str, object]], newline: str) -> str:
        """An object from (encoded key, value) items, as a string."""
        if not items:
            return "{}"
        inner = newline + "  "
        return "{" + inner + ("," + inner).join(
            f"{key}: {self.encode(item, inner)}" for key, item in items
        ) + newline + "}"


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (_INF, -_INF):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


#: Encoders of the scalar types a report holds, by exact type (subclasses such as enums and
#: bools go the long way): one lookup instead of a chain of isinstance tests per value.
_SCALARS = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    type(None): lambda value: "null",
}

"""JSON briefs: the brief's JSON form (DESIGN.md section 4), as a generation pipeline emits it.

    {"lang": "fr", "title": "…", "sections": [
        {"kind": "key_points", "heading": "Points Clés", "bullets": ["…"]},
        {"heading": "Résumé Rapide", "paragraphs": ["…"]}, …]}

`kind` is optional (the heading tells it) and wins when given. The derived form briefcheck
itself validates (items as {"text": …}, word counts, ids) is accepted too, its metrics
ignored. A document of the wrong shape is not refused: what fits is loaded and each misfit
becomes a shape error naming its JSON path at the place of the bad value. Only text that is
not JSON at all raises ValueError.

The standard json module validates and reports syntax errors; it gives no positions, so the
source is then tokenized once (strings, brackets, scalars in document order) into a tree of
nodes that know their offsets. A string without escapes is verbatim between its quotes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from checker.loaders import Parsed, RawBlock, RawSection

KINDS = ("key_points", "summary", "body", "conclusion", "title", "other")
_TOP_KEYS = {"lang", "title", "sections"}
_SECTION_KEYS = {"kind", "heading", "bullets", "paragraphs"}
#: Keys of the derived form (schema.brief_document), recomputed by briefcheck.
_DERIVED_TOP = {"$schema", "words", "outline", "body_headings"}
_DERIVED_SECTION = {"id", "words", "heading_words", "sentences"}
# A string as runs without escapes between escapes, each possessive: `(?:[^"\\]+|\\.)*`
# can split a run of letters in exponentially many ways, and one character per repetition
# (`(?:[^"\\]|\\.)*`) kept a backtracking state per character: 1.1 GB for a 10 MB string.
_TOKEN = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"|[\[\]{}]|[^\s,:\[\]{}"]+')


@dataclass
class _Node:
    """A JSON value and its place: [start, end) of its literal (a string's quotes included).
    Arrays hold a list of nodes, objects a list of (key node, value node) pairs."""

    value: Any
    start: int
    end: int
    kind: str = "scalar"  # scalar | array | object
    items: list = field(default_factory=list)


def _describe(node: _Node) -> str:
    if node.kind == "array":
        return "an array"
    if node.kind == "object":
        return "an object"
    value = node.value
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "null" if value is None else "a number"


def _tree(source: str) -> _Node:
    """The positioned tree of a source already known to be valid JSON (no recursion)."""
    root = None
    stack: list[list] = []  # [container node, pending key node or None]
    for match in _TOKEN.finditer(source):
        token = match.group()
        if token in ("]", "}"):
            stack.pop()[0].end = match.end()
            continue
        if token == "[" or token == "{":
            node = _Node(None, match.start(), match.end(), "array" if token == "[" else "object")
        else:
            node = _Node(json.loads(token), match.start(), match.end())
        if not stack:
            root = node
        elif stack[-1][0].kind == "array":
            stack[-1][0].items.append(node)
        elif stack[-1][1] is None:
            stack[-1][1] = node
            continue
        else:
            stack[-1][0].items.append((stack[-1][1], node))
            stack[-1][1] = None
        if node.kind != "scalar":
            stack.append([node, None])
    return root


def _lone_surrogate(value: object) -> bool:
    """Whether a string of the parsed document holds half of a character (`"\\ud800"`):
    valid JSON syntax that no UTF-8 report can carry (every format failed on it)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _decode(source: str) -> _Node:
    try:
        value = json.loads(source)
        if _SURROGATE_ESCAPE.search(source) and _lone_surrogate(value):
            raise ValueError("invalid JSON: a \\u escape names half of a character (a lone"
                             " surrogate), which no text can hold")
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" at")  # "Unterminated string starting at"
        where = f"line {exc.lineno} column {exc.colno}"
        raise ValueError(f"invalid JSON: {message} at {where}") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    return _tree(source)


#: A \u escape of a surrogate (what `_lone_surrogate` then looks for, pairs being fine).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Reader:
    """Walks the tree in the brief's expected shape, collecting sections and misfits."""

    def __init__(self, source: str):
        self.source = source
        self.errors: list[tuple[str, int, int]] = []

    def error(self, message: str, node: _Node) -> None:
        self.errors.append((message, node.start, node.end))

    def fields(self, node: _Node, path: str, known: set[str], derived: set[str]) -> dict:
        """An object's members by key (the last of duplicates), unknown keys reported."""
        members: dict[str, _Node] = {}
        for key, value in node.items:
            if key.value in members:
                self.error(f'{path} has "{key.value}" twice; the last one is used', key)
            elif key.value not in known | derived:
                self.error(f'{path} has an unknown key "{key.value}"', key)
            members[key.value] = value
        return members

    def string(self, node: _Node | None, path: str) -> _Node | None:
        if node is None or (node.kind == "scalar" and node.value is None):
            return None
        if node.kind == "scalar" and isinstance(node.value, str):
            return node
        self.error(f"{path} must be a string, not {_describe(node)}", node)
        return None

    def block(self, node: _Node, path: str, bullet: bool) -> RawBlock | None:
        if node.kind == "object":  # the derived form: {"text": "…", "words": …}
            members = self.fields(node, path, {"text"}, {"words", "sentences"})
            if "text" not in members:
                self.error(f'{path} must be a string or an object with "text"', node)
                return None
            return self.block(members["text"], f"{path}.text", bullet)
        if self.string(node, path) is None or not node.value.strip():
            return None
        start, end = node.start + 1, node.end - 1
        literal = self.source[start:end]
        if "\\" not in literal:
            return RawBlock(node.value, start, end, bullet, verbatim=True)
        return RawBlock(" ".join(node.value.split()), start, end, bullet)

    def section(self, node: _Node, path: str) -> RawSection | None:
        if node.kind != "object":
            self.error(f"{path} must be an object, not {_describe(node)}", node)
            return None
        members = self.fields(node, path, _SECTION_KEYS, _DERIVED_SECTION)
        raw = RawSection(heading=None, heading_start=node.start, heading_end=node.start)
        heading = self.string(members.get("heading"), f"{path}.heading")
        if heading is not None:
            raw.heading = " ".join(heading.value.split())
            raw.heading_start, raw.heading_end = heading.start + 1, heading.end - 1
        kind = self.string(members.get("kind"), f"{path}.kind")
        if kind is not None and kind.value in KINDS:
            raw.kind = kind.value
        elif kind is not None:
            self.error(f'{path}.kind "{kind.value}" is not one of {", ".join(KINDS)}', kind)
        blocks = []
        for name in ("bullets", "paragraphs"):
            items = members.get(name)
            if items is None or (items.kind == "scalar" and items.value is None):
                continue
            if items.kind != "array":
                self.error(f"{path}.{name} must be an array, not {_describe(items)}", items)
                continue
            for i, item in enumerate(items.items):
                block = self.block(item, f"{path}.{name}[{i}]", name == "bullets")
                if block is not None:
                    blocks.append(block)
        raw.blocks = sorted(blocks, key=lambda b: b.start)
        return raw

    def brief(self, root: _Node) -> Parsed:
        if root.kind != "object":
            self.error(f'top level must be an object with "sections", not {_describe(root)}', root)
            return Parsed(sections=[], shape_errors=self.errors)
        members = self.fields(root, "top level", _TOP_KEYS, _DERIVED_TOP)
        lang = self.string(members.get("lang"), "lang")
        sections = []
        title = self.string(members.get("title"), "title")
        if title is not None and title.value.strip():
            text = " ".join(title.value.split())
            sections.append(RawSection(text, title.start + 1, title.end - 1, 1, kind="title"))
        listed = members.get("sections")
        if listed is None:
            self.error('top level must have "sections"', root)
        elif listed.kind != "array":
            self.error(f"sections must be an array, not {_describe(listed)}", listed)
        else:
            for i, item in enumerate(listed.items):
                raw = self.section(item, f"sections[{i}]")
                if raw is not None:
                    sections.append(raw)
        hint = lang.value.strip() or None if lang is not None else None
        return Parsed(sections=sections, lang_hint=hint, shape_errors=self.errors)


def parse(source: str) -> Parsed:
    return _Reader(source).brief(_decode(source))

"""What of a brief's file the HTML report shows: the text an editor reads, not its markup.

A JSON or HTML brief shown raw is mostly keys, quotes and tags. Instead of re-rendering it
(which would lose the file's line numbers, the ones every finding gives), the report shows
the file line by line and hides its markup in place: `edits` lists stretches of the source
to show differently (a tag or a JSON key as nothing, an entity or an escape as the character
it stands for). Every span of a finding still points into the source as written.

Each scanner is linear: it finds each construct's end with one `str.find` or one regular
expression without backtracking, and an unterminated construct hides the rest of the file
(a brief of 200,000 `<!DOCTYPE a` without `>` must not be quadratic).
"""

from __future__ import annotations

import re
from html import unescape

#: (start, end, shown instead): sorted, not overlapping.
Edit = tuple[int, int, str]

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
#: Elements whose content is not text of the brief.
_HIDDEN_ELEMENTS = ("script", "style", "head", "template")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


def edits(source: str, fmt: str | None) -> list[Edit]:
    """How to show `source` of format `fmt`: nothing to change for text and Markdown."""
    if fmt == "html":
        return _html(source)
    if fmt == "json":
        return _json(source)
    return []


def _html(source: str) -> list[Edit]:
    """Tags and comments hidden (the content of script, style and head too), entities shown
    as their character; a block element's end that does not end its line breaks it."""
    out: list[Edit] = []
    find = source.find
    size = len(source)
    lower: str | None = None
    at = 0
    while at < size:
        lt = find("<", at)
        stop = size if lt < 0 else lt
        out.extend((m.start(), m.end(), unescape(m.group()))
                   for m in _ENTITY.finditer(source, at, stop))
        if lt < 0:
            break
        if lt + 1 < size and not (source[lt + 1].isalpha() or source[lt + 1] in "/!?"):
            at = lt + 1  # a "<" of the text
            continue
        if source.startswith("<!--", lt):
            end = find("-->", lt + 4)
            end = size if end < 0 else end + 3
        else:
            end = find(">", lt + 1)
            end = size if end < 0 else end + 1
        shown = ""
        name = _TAG_NAME.match(source, lt)
        if name:
            tag = name.group(1).lower()
            if tag in _HIDDEN_ELEMENTS and source[lt + 1] != "/":
                lower = lower if lower is not None else source.lower()
                close = lower.find(f"</{tag}", end)
                if close >= 0:
                    close_end = find(">", close)
                    end = size if close_end < 0 else close_end + 1
            elif (tag == "br" or source[lt + 1] == "/" and tag in _BLOCKS) and not (
                    end >= size or source[end] in "\r\n<"):
                shown = "\n"
        out.append((lt, end, shown))
        at = end
    return out


#: Elements whose end breaks the line when the source does not.
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "ul",
                     "ol", "header", "footer", "article", "main", "blockquote", "tr", "table"})


#: A JSON string (no backtracking: the two alternatives cannot match the same character).
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|.)', re.S)
#: Keys whose values are the brief's metadata, not its text.
_NOT_TEXT = frozenset({"lang", "id", "kind", "format", "$schema"})
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _json(source: str) -> list[Edit]:
    """Only the string values are shown (not keys, brackets, commas), escapes decoded."""
    out: list[Edit] = []
    at = 0
    size = len(source)
    key = ""
    for match in _STRING.finditer(source):
        start, end = match.span()
        after = end
        while after < size and source[after] in " \t\r\n":
            after += 1
        is_key = after < size and source[after] == ":"
        hidden = is_key or key in _NOT_TEXT
        out.extend(_hide_but_lines(source, at, start + (0 if hidden else 1)))
        if hidden:
            out.extend(_hide_but_lines(source, start, end))
            key = match.group()[1:-1] if is_key else ""
        else:
            for escape in _ESCAPE.finditer(source, start + 1, end - 1):
                code = escape.group(1)
                shown = chr(int(code[1:], 16)) if code[0] == "u" else _SIMPLE.get(code, code)
                out.append((escape.start(), escape.end(), " " if shown in "\n\r" else shown))
            out.append((end - 1, end, ""))
            key = ""
        at = end
    out.extend(_hide_but_lines(source, at, size))
    return out


def _hide_but_lines(source: str, start: int, end: int) -> list[Edit]:
    """Hide [start, end) but its line breaks: the lines keep their numbers."""
    out = []
    find = source.find
    while start < end:
        newline = find("\n", start, end)
        stop = end if newline < 0 else newline
        if stop > start:
            out.append((start, stop, ""))
        start = stop + 1
    return out

"""Plain-text briefs in the seed's layout.

Heading lines stand alone ("Points Clés", "Sommet de Paris Convoqué"); bullets start with
"- ", "• ", "* " or "1." / "1)"; a paragraph is one line, or, in documents that separate
paragraphs with blank lines, a run of lines (hard-wrapped prose). A line is a heading when
it names a brief section, starts with "#", or is short, has no closing punctuation and is
followed by a line that starts a sentence.
"""

from __future__ import annotations

import re

from checker.lang import section_kind_of
from checker.loaders import Outline, Parsed, RawBlock, RawSection
from checker.suppression import is_directive_line

_BULLET = re.compile(r"[ \t]*(?:[-•*–]|\d{1,3}[.)])[ \t]+(?=\S)")
_ATX = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_TERMINAL = tuple(".!?…:;,")
_CLOSERS = "»”\"’)] \t"
#: Longer lines are prose, not headings (S108 still flags headings of 13 to this many words).
MAX_HEADING_WORDS = 20


def _lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line, newline excluded."""
    spans, start = [], 0
    for line in source.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _ends_like_prose(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_TERMINAL)


def _starts_like_sentence(line: str) -> bool:
    stripped = line.lstrip(" \t«“\"‘([")
    return not stripped or stripped[0].isupper() or stripped[0].isdigit() or bool(
        _BULLET.match(line)
    )


def _is_heading(line: str, next_line: str | None) -> bool:
    text = line.strip()
    if not text or _BULLET.match(line):
        return False
    if _ATX.match(line):
        return True
    # Longer lines are prose even when they would fold to a section's name; and folding every
    # paragraph to compare it with the names cost more than the rest of finding headings.
    if len(text.split()) > MAX_HEADING_WORDS:
        return False
    if section_kind_of(text):
        return True
    if _ends_like_prose(text):
        return False
    return next_line is None or not next_line.strip() or _starts_like_sentence(next_line)


def _blank_separated(lines: list[str]) -> bool:
    """Whether the document separates paragraphs with blank lines (so lines join)."""
    for before, blank, after in zip(lines, lines[1:], lines[2:]):
        if not blank.strip() and _ends_like_prose(before.strip()) and after.strip():
            if not _BULLET.match(after):
                return True
    return False


def parse(source: str) -> Parsed:
    spans = _lines(source)
    # A line holding only an inline suppression directive reads as a blank line.
    texts = ["" if is_directive_line(source[a:b]) else source[a:b] for a, b in spans]
    joins = _blank_separated(texts)
    outline = Outline()
    block: RawBlock | None = None
    for i, (start, end) in enumerate(spans):
        line = texts[i]
        if not line.strip():
            block = None
            continue
        next_line = texts[i + 1] if i + 1 < len(texts) else None
        if block is None or not joins or _ends_like_prose(texts[i - 1].strip()):
            if _is_heading(line, next_line):
                atx = _ATX.match(line)
                level = len(atx.group(1)) if atx else 2
                h_start = start + (atx.end() if atx else len(line) - len(line.lstrip()))
                h_end = start + len(line.rstrip())
                heading = source[h_start:h_end].rstrip("#").strip()
                outline.open(RawSection(heading, h_start, h_end, level))
                block = None
                continue
        bullet = _BULLET.match(line)
        if bullet:
            block = RawBlock(line[bullet.end() :].rstrip(), start + bullet.end(), 0, True, True)
            block.end = block.start + len(block.text)
            outline.add(block)
            continue
        content_start = start + len(line) - len(line.lstrip())
        content_end = start + len(line.rstrip())
        continues = block is not None and (
            (joins and not block.bullet) or (block.bullet and line[:1] in " \t")
        )
        if continues:
            block.end = content_end
            block.text = source[block.start : block.end]
        else:
            block = RawBlock(source[content_start:content_end], content_start, content_end, False, True)
            outline.add(block)
    return Parsed(sections=outline.sections)

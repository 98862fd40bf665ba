"""Loading: one module per input format turns source text into raw sections; this module
turns raw sections into a `Brief` the same way for every format.

A format module exposes `parse(source) -> Parsed`: headings with the blocks (paragraphs
and bullets) under them, each with its region in the source, plus a language hint when the
format carries one (`<html lang>`, JSON `lang`). What is common — which section is Key
Points, section ids, language, sentence splitting, positions — happens once, in `build_brief`.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from checker.lang import SUPPORTED, detect_language, section_kind_of
from checker.model import Brief, LineIndex, Paragraph, Section, SectionKind, Sentence
from checker.sentences import split_sentences

FORMATS = ("text", "markdown", "html", "json")

#: File extensions of briefs, and the format each is read as.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


@dataclass
class RawBlock:
    """A paragraph or bullet: its plain text and the region [start, end) of the source it
    comes from. `verbatim` says the text is exactly source[start:end], so offsets inside it
    map one to one; otherwise sentence positions are found by searching the region."""

    text: str
    start: int
    end: int
    bullet: bool = False
    verbatim: bool = False


@dataclass
class RawSection:
    """A section as a format module finds it, before it is named and numbered."""

    heading: str | None
    heading_start: int = 0
    heading_end: int = 0
    level: int = 2
    blocks: list[RawBlock] = field(default_factory=list)
    #: The section's kind when the format states it (JSON `kind`); it wins over the heading.
    kind: str | None = None


class Outline:
    """The raw sections of a document as a format module finds them: a heading opens a
    section, and a block met before any heading goes to an untitled one."""

    def __init__(self) -> None:
        self.sections: list[RawSection] = []
        self.current: RawSection | None = None

    def open(self, section: RawSection) -> RawSection:
        self.current = section
        self.sections.append(section)
        return section

    def add(self, block: RawBlock) -> RawSection:
        """Append `block` to the current section; returns that section."""
        section = self.current or self.open(RawSection(heading=None))
        section.blocks.append(block)
        return section


@dataclass
class Parsed:
    """What a format module gives `build_brief`: the raw sections and what it noticed."""

    sections: list[RawSection]
    lang_hint: str | None = None
    #: Shape problems found while parsing (JSON input): (message, start offset, end offset).
    shape_errors: list[tuple[str, int, int]] = field(default_factory=list)


def format_for(path: str) -> str | None:
    """The format of a file by its extension, or None if it is not a brief's extension."""
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def sniff_format(source: str) -> str:
    """Guess the format of text without a file name (stdin)."""
    head = source.lstrip()[:2000]
    if head[:1] in "{[":
        return "json"
    lowered = head.lower()
    if lowered.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in lowered for tag in ("<h1", "<h2", "<p>", "<p ", "<ul", "<body")
    ):
        return "html"
    if any(line.lstrip().startswith("#") for line in head.splitlines()):
        return "markdown"
    return "text"


def load(source: str, path: str, format: str | None = None, lang: str = "auto") -> Brief:
    """Parse `source` in `format` (by extension or sniffed when None) into a Brief."""
    format = format or format_for(path) or sniff_format(source)
    module = importlib.import_module(f"checker.loaders.{format}")
    return build_brief(module.parse(source), source, path, format, lang)


def _choose_language(forced: str, hint: str | None, source: str, headings: list[str]) -> str:
    if forced != "auto":
        return forced
    if hint:
        primary = hint.strip().lower().replace("_", "-").split("-")[0]
        if primary:
            return primary
    return detect_language(source, headings) or "und"


def _classify(raws: list[RawSection]) -> list[SectionKind]:
    """Which brief section each raw section is: as stated by the format, else by heading
    alias, else title/body/other."""
    kinds = []
    for i, raw in enumerate(raws):
        alias = section_kind_of(raw.heading) if raw.heading else None
        if raw.kind:
            kinds.append(SectionKind(raw.kind))
        elif alias:
            kinds.append(SectionKind(alias[0]))
        elif raw.heading is None:
            kinds.append(SectionKind.OTHER)
        elif i == 0 and (raw.level == 1 or not raw.blocks) and len(raws) > 1:
            kinds.append(SectionKind.TITLE)
        else:
            kinds.append(SectionKind.BODY)
    return kinds


def _section_ids(kinds: list[SectionKind]) -> list[str]:
    ids, seen = [], {}
    for kind in kinds:
        seen[kind] = seen.get(kind, 0) + 1
        n = seen[kind]
        if kind in (SectionKind.BODY, SectionKind.OTHER):
            ids.append(f"{kind.value}-{n}")
        else:
            ids.append(kind.value if n == 1 else f"{kind.value}-{n}")
    return ids


_WORD_CORE = re.compile(r"[^\W_](?:.*[^\W_])?", re.S)


def _find_word(source: str, word: str, start: int, end: int) -> tuple[int, int] | None:
    """(offset, length) of `word` in source[start:end]; else of its letters and digits alone,
    for markup that sits between a word and its punctuation (`*Paris*.`); None if absent."""
    at = source.find(word, start, end)
    if at != -1:
        return at, len(word)
    core = _WORD_CORE.search(word)
    if core and core.group() != word:
        at = source.find(core.group(), start, end)
        if at != -1:
            return at, len(core.group())
    return None


#: How far a sentence's words are sought in the source: markup and escapes make a word
#: longer (`\u00e9` is 6 characters for 1, `&eacute;` 8), and tags sit between words.
_REACH = 16
_SLACK = 2048


def _locate(source: str, text: str, start: int, end: int, cursor: int) -> tuple[int, int]:
    """Where a sentence of a non-verbatim block is in the source region [start, end):
    found by its first and last words, searching from `cursor` (where it starts when its
    first word cannot be found as written, e.g. `&eacute;t&eacute;`).
    Markup only adds characters to a reader's text, so the last word is sought no earlier
    than the sentence's length after the first (not in an earlier repeat of it)."""
    words = text.split()
    if not words:
        return cursor, cursor
    # A word is sought within what markup and escapes can make of the sentence, not to the
    # block's end: a word written with an escape is never found as written, and 160,000
    # sentences each searching the rest of a 2 MB paragraph took minutes.
    reach = _REACH * len(text) + _SLACK
    first = _find_word(source, words[0], cursor, min(end, cursor + reach))
    if first is None:  # a word written with entities or escapes: it starts here
        begin = cursor
        while begin < end and source[begin].isspace():
            begin += 1
        first = (begin, 0)
    stop = first[0] + first[1]
    if len(words) > 1:
        floor = first[0] + first[1] - len(words[0]) + len(text.strip()) - len(words[-1])
        last = _find_word(source, words[-1], max(stop, floor), min(end, max(stop, floor) + reach))
        stop = last[0] + last[1] if last else stop
        if last and last[1] != len(words[-1]):  # found by its letters: take its punctuation
            while stop < end and not source[stop].isspace():
                stop += 1
    return first[0], stop


def _paragraph(
    block: RawBlock, source: str, lines: LineIndex, lang: str, counter: list[int]
) -> Paragraph:
    sentences = []
    cursor = block.start
    for s, e in split_sentences(block.text, lang):
        if block.verbatim:
            a, b = block.start + s, block.start + e
        else:
            a, b = _locate(source, block.text[s:e], block.start, block.end, cursor)
            cursor = max(cursor, b)
        sentences.append(Sentence(text=block.text[s:e], span=lines.span(a, b), index=counter[0]))
        counter[0] += 1
    return Paragraph(
        text=block.text,
        span=lines.span(block.start, block.end),
        sentences=tuple(sentences),
        bullet=block.bullet,
    )


def build_brief(parsed: Parsed, source: str, path: str, format: str, lang: str) -> Brief:
    """The Brief of a parsed document: kinds, ids, language, sentences and spans."""
    raws = parsed.sections
    headings = [raw.heading for raw in raws if raw.heading]
    language = _choose_language(lang, parsed.lang_hint, source, headings)
    split_lang = language if language in SUPPORTED else "und"
    lines = LineIndex(source)
    kinds = _classify(raws)
    counter = [0]
    sections = []
    for raw, kind, section_id in zip(raws, kinds, _section_ids(kinds)):
        paragraphs = tuple(_paragraph(b, source, lines, split_lang, counter) for b in raw.blocks)
        start = raw.heading_start if raw.heading is not None else (
            raw.blocks[0].start if raw.blocks else 0
        )
        end = max([raw.heading_end] + [b.end for b in raw.blocks])
        sections.append(
            Section(
                id=section_id,
                kind=kind,
                heading=raw.heading,
                heading_span=lines.span(raw.heading_start, raw.heading_end)
                if raw.heading is not None
                else None,
                span=lines.span(start, end),
                paragraphs=paragraphs,
            )
        )
    shape_errors = tuple((message, lines.span(a, b)) for message, a, b in parsed.shape_errors)
    return Brief(
        path=path,
        format=format,
        lang=language,
        source=source,
        sections=tuple(sections),
        shape_errors=shape_errors,
    )

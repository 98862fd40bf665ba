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
from dataclasses import dataclass, field, replace
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


#: The most of one document that is analysed: its first MAX_LINES lines and MAX_SENTENCES
#: sentences. Why: loading and analysing cost a few KB a paragraph, so a 10 MB document of
#: two million one-line paragraphs or headings needed several GB and minutes; the largest
#: real briefs measured (5 MB of news, `benchmarks/news.py`, `corpus.py`) have 32,000 lines
#: and 53,000 sentences. The rest is left out and the report says where (`Omitted.unchecked_from`).
MAX_LINES = 100_000
MAX_SENTENCES = 100_000
#: The most of one line analysed in text and Markdown (characters): the rest of a longer
#: line, and all after it, is left out. Why: markdown-it tokenizes a whole paragraph before
#: the sentence cap applies (a 10 MB line of entities: 600 MB); real briefs' lines have at
#: most about a thousand. Not HTML or JSON, which are often written on one line.
MAX_LINE_CHARS = 1_000_000


def load(source: str, path: str, format: str | None = None, lang: str = "auto") -> Brief:
    """Parse `source` in `format` (by extension or sniffed when None) into a Brief, up to
    the caps (`_cut`; JSON, which cannot be cut, is capped by its sentences)."""
    format = format or format_for(path) or sniff_format(source)
    module = importlib.import_module(f"checker.loaders.{format}")
    cut = _cut(source, format)
    parsed = module.parse(source if cut is None else source[:cut[0]])
    brief = build_brief(parsed, source, path, format, lang)
    if cut is not None and brief.unchecked_from is None:
        brief = replace(brief, unchecked_from=cut[1])
    return brief


def _cut(source: str, format: str) -> tuple[int, tuple[int, int]] | None:
    """Where reading stops: (offset, (line, column)) past MAX_LINES lines or, in text and
    Markdown, MAX_LINE_CHARS characters into a line (at a space if there is one near);
    None to read all of it."""
    if format == "json":
        return None
    if format not in ("text", "markdown") or len(source) <= MAX_LINE_CHARS:
        cut = _line_cut(source, MAX_LINES)
        return None if cut is None else (cut, (MAX_LINES + 1, 1))
    start = 0
    for line in range(1, MAX_LINES + 1):
        end = source.find("\n", start)
        stop = len(source) if end == -1 else end
        if stop - start > MAX_LINE_CHARS:
            space = source.rfind(" ", start + MAX_LINE_CHARS // 2, start + MAX_LINE_CHARS)
            at = space if space != -1 else start + MAX_LINE_CHARS
            return at, (line, at - start + 1)
        if end == -1:
            return None
        start = end + 1
    return (start, (MAX_LINES + 1, 1)) if start < len(source) else None


def _line_cut(source: str, lines: int) -> int | None:
    """The offset where line `lines` + 1 starts, or None when the source has no more lines
    than that (a final line without a newline counts)."""
    if source.count("\n", 0, len(source) - 1) < lines:
        return None
    pos = -1
    for _ in range(lines):
        pos = source.find("\n", pos + 1)
    return pos + 1


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
    """The paragraph of a block, its sentences numbered from `counter`; a block that would
    take the brief past MAX_SENTENCES keeps the sentences that fit and its text up to them."""
    sentences = []
    cursor = block.start
    text, end = block.text, block.end
    room = MAX_SENTENCES - counter[0]
    pieces = split_sentences(block.text, lang, limit=room)
    if len(pieces) > room:
        pieces = pieces[:max(room, 0)]
        text = block.text[:pieces[-1][1]] if pieces else ""
    for s, e in pieces:
        if block.verbatim:
            a, b = block.start + s, block.start + e
        else:
            a, b = _locate(source, block.text[s:e], block.start, block.end, cursor)
            cursor = max(cursor, b)
        sentences.append(Sentence(text=block.text[s:e], span=lines.span(a, b), index=counter[0]))
        counter[0] += 1
    if text is not block.text:
        end = sentences[-1].span.end if sentences else block.start
    return Paragraph(
        text=text,
        span=lines.span(block.start, end),
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
    unchecked_from = None  # offset where the analysis stops, past MAX_SENTENCES
    for raw, kind, section_id in zip(raws, kinds, _section_ids(kinds)):
        blocks = raw.blocks
        if counter[0] >= MAX_SENTENCES or len(sections) >= MAX_LINES:  # a section: a line or more
            unchecked_from = blocks[0].start if raw.heading is None and blocks else raw.heading_start
            break
        paragraphs = []
        for i, block in enumerate(blocks):
            if counter[0] >= MAX_SENTENCES:
                unchecked_from, blocks = block.start, blocks[:i]
                break
            paragraph = _paragraph(block, source, lines, split_lang, counter)
            paragraphs.append(paragraph)
            if paragraph.text is not block.text:  # cut inside: the rest is not analysed
                unchecked_from, blocks = paragraph.span.end, blocks[:i + 1]
                break
        paragraphs = tuple(paragraphs)
        start = raw.heading_start if raw.heading is not None else (
            blocks[0].start if blocks else 0
        )
        end = max([raw.heading_end] + [p.span.end for p in paragraphs])
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
        if unchecked_from is not None:
            break
    shape_errors = tuple((message, lines.span(a, b)) for message, a, b in parsed.shape_errors)
    return Brief(
        path=path,
        format=format,
        lang=language,
        source=source,
        sections=tuple(sections),
        shape_errors=shape_errors,
        unchecked_from=None if unchecked_from is None else lines.position(unchecked_from),
    )

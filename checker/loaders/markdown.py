"""Markdown briefs, read with markdown-it-py (CommonMark), not with regexes.

Headings (ATX and setext, any level) open sections; each list item, at any depth, is one
bullet; paragraphs, including those in block quotes, are paragraphs. Code blocks, HTML
blocks and rules are not prose and are left out. A block's text is what a reader sees:
markup dropped, links reduced to their text, entities decoded, line breaks made spaces.
Its region is the stretch of source its inline content covers, so sentence positions are
found in the file as written.
"""

from __future__ import annotations

from functools import cache

from checker.loaders import Outline, Parsed, RawBlock, RawSection

#: Inline tokens whose content is text a reader sees; line breaks read as a space.
_TEXT_TOKENS = {"text", "text_special", "code_inline"}
_BREAKS = {"softbreak", "hardbreak"}


@cache
def _parser():
    """One CommonMark parser per process: building it compiles its rules."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _plain(inline) -> str:
    """The text a reader sees in an inline token, whitespace collapsed; inline HTML is
    dropped, except that `<br>` still separates words."""
    parts = []
    for child in inline.children or ():
        if child.type in _TEXT_TOKENS:
            parts.append(child.content)
        elif child.type in _BREAKS or (
            child.type == "html_inline" and child.content[:3].lower() == "<br"
        ):
            parts.append(" ")
    return " ".join("".join(parts).split())


class _Lines:
    """Offsets of the source's lines, to turn markdown-it's line maps into offsets."""

    def __init__(self, source: str):
        self.source = source
        self.starts = [0]
        pos = source.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = source.find("\n", pos + 1)

    def start(self, line: int) -> int:
        """Start of line `line` (0-based)."""
        return self.starts[line] if line < len(self.starts) else len(self.source)

    def end(self, line: int) -> int:
        """End of line `line` (0-based), newline excluded."""
        if line + 1 < len(self.starts):
            return self.starts[line + 1] - 1
        return len(self.source)


def _region(inline, lines: _Lines) -> tuple[int, int]:
    """[start, end) of an inline token's content in the source: from its first line's text
    to its last line's text, markers (`#`, `>`, `- `, indentation) left outside."""
    source = lines.source
    first_line, last_line = inline.map[0], max(inline.map[0], inline.map[1] - 1)
    content = inline.content.split("\n")
    head, tail = content[0].strip(), content[-1].strip()
    a, a_end = lines.start(first_line), lines.end(first_line)
    start = source.find(head, a, a_end) if head else -1
    if start == -1:
        start = a + len(source[a:a_end]) - len(source[a:a_end].lstrip(" \t>"))
    # Setext headings' maps include the underline: the text ends on the line before it.
    last_line = min(last_line, first_line + len(content) - 1)
    b, b_end = max(lines.start(last_line), start), lines.end(last_line)
    stop = source.rfind(tail, b, b_end) if tail else -1
    end = stop + len(tail) if stop != -1 else b + len(source[b:b_end].rstrip())
    return start, max(start, end)


def _block(text: str, start: int, end: int, source: str, bullet: bool) -> RawBlock:
    return RawBlock(text, start, end, bullet, verbatim=source[start:end] == text)


def parse(source: str) -> Parsed:
    tokens = _parser().parse(source)
    lines = _Lines(source)
    outline = Outline()
    #: Open list items, innermost last: [block placeholder index, texts, start, end].
    items: list[list] = []

    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            start, end = _region(inline, lines)
            outline.open(RawSection(_plain(inline), start, end, int(token.tag[1])))
        elif token.type == "list_item_open":
            owner = outline.add(None)  # keeps document order; filled when the item closes
            items.append([owner, len(owner.blocks) - 1, [], None, None])
        elif token.type == "list_item_close":
            owner, index, texts, start, end = items.pop()
            text = " ".join(t for t in texts if t)
            owner.blocks[index] = _block(text, start, end, source, True) if text else None
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            text = _plain(token)
            start, end = _region(token, lines)
            if items:
                item = items[-1]
                item[2].append(text)
                item[3] = start if item[3] is None else item[3]
                item[4] = end
            elif text:
                outline.add(_block(text, start, end, source, False))
    for raw in outline.sections:
        raw.blocks = [b for b in raw.blocks if b is not None]
    return Parsed(sections=outline.sections)

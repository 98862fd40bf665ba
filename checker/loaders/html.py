"""HTML briefs, read with lxml's forgiving HTML parser under safe settings.

The parser never touches the network and, being an HTML parser, never expands entities a
DOCTYPE declares (billion laughs) nor reads SYSTEM entities (local files); broken markup
is recovered rather than refused. `<h1>`–`<h6>` open sections, each `<li>` is a bullet,
`<p>` and `<pre>` are paragraphs, and text standing loose in a container (a `<div>` with
no `<p>`, text after a heading) is a paragraph too. Scripts, styles, templates and page
chrome (`<nav>`, `<footer>`, `<aside>`, forms) are not the brief and are left out.

lxml tells only the line an element starts on, so each element's place is found by
scanning the source for its start tag from that of the element before (comments, scripts
and the DOCTYPE are masked so a tag written inside them is never taken for a real one).
A block's region runs from the end of its start tag to its close tag or the next block.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from checker.loaders import _REACH, _SLACK, Outline, Parsed, RawBlock, RawSection

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_PARAGRAPHS = {"p", "pre"}
_LISTS = {"ul", "ol"}
_CONTAINERS = {
    "html", "body", "div", "section", "article", "main", "header", "hgroup", "blockquote",
    "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "figure", "figcaption", "details", "summary", "center", "fieldset",
    "address", "hr",
}
#: Elements that read as separate words from what surrounds them.
_SPACED = _CONTAINERS | _PARAGRAPHS | _HEADINGS | {"li"}
_SKIP = {
    "head", "title", "script", "style", "template", "noscript", "nav", "footer", "aside",
    "form", "button", "select", "textarea", "svg", "math", "iframe", "object", "canvas",
    "audio", "video",
}
#: Stretches where a "<tag" is not markup, then start and end tags. Each stretch that is
#: not closed runs to the end of the source, as its comment or CDATA does: a DOCTYPE without
#: its ">" was sought again from each "<!DOCTYPE" (100,000 of them: minutes).
_SCAN = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![dD][oO][cC][tT][yY][pP][eE][^\[>]*+"
    r"(?:\[.*?(?:\]\s*>|\Z)|>|\Z)|<(script|style|textarea|template)\b.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)",
    re.S | re.I,
)
_START_TAG_END = re.compile(r"""(?:"[^"]*"|'[^']*'|[^'">])*>""")


@cache
def _parser():
    """One safe parser per process."""
    from lxml import html

    return html.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8"
    )


class _Tags:
    """Where each start and end tag of the source is, by tag name, in source order."""

    def __init__(self, source: str):
        self.source = source
        self.starts: dict[str, list[int]] = {}
        self.ends: dict[str, list[int]] = {}
        for match in _SCAN.finditer(source):
            if match.group(3):
                table = self.ends if match.group(2) else self.starts
                table.setdefault(match.group(3).lower(), []).append(match.start())
        self.lines = [0] + [m.end() for m in re.finditer("\n", source)]

    def _next(self, table: dict[str, list[int]], tag: str, at: int) -> int | None:
        positions = table.get(tag, ())
        i = bisect_left(positions, at)
        return positions[i] if i < len(positions) else None

    def line_end(self, line: int) -> int:
        """Offset of the end of 1-based `line` (the source's end past its last line)."""
        return self.lines[line] - 1 if line < len(self.lines) else len(self.source)

    def line_start(self, line: int) -> int:
        return self.lines[min(max(line, 1), len(self.lines)) - 1]

    def start_tag(self, tag: str, cursor: int, line: int | None) -> tuple[int, int] | None:
        """(tag start, content start) of the next `<tag` from `cursor` if it lies no later
        than the element's line; None when the parser implied the element (no tag)."""
        pos = self._next(self.starts, tag, cursor)
        if pos is None or (line is not None and pos > self.line_end(line)):
            return None
        close = _START_TAG_END.match(self.source, pos)
        return pos, close.end() if close else pos

    def end_tag(self, tag: str, at: int) -> int | None:
        return self._next(self.ends, tag, at)


def _tag(element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _text(element, exclude: frozenset[str] = frozenset()) -> str:
    """What a reader sees of an element: its text, entities decoded, `<br>` and blocks
    read as a space, skipped and `exclude`d subtrees (a bullet's sub-list) left out."""
    from lxml import etree

    parts = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        tag = _tag(node)
        if event == "start":
            if node is not element and (tag in _SKIP or tag in exclude or not tag):
                walker.skip_subtree()
                continue
            if tag == "br" or tag in _SPACED:
                parts.append(" ")
            parts.append(node.text or "")
        elif node is not element:
            if tag in _SPACED:
                parts.append(" ")
            parts.append(node.tail or "")
    return " ".join("".join(parts).split())


def _trim(source: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without surrounding whitespace nor the tags it ends with."""
    while True:
        while end > start and source[end - 1].isspace():
            end -= 1
        opening = source.rfind("<", start, end) if source[end - 1 : end] == ">" else -1
        if opening == -1:
            break
        end = opening
    while start < end and source[start].isspace():
        start += 1
    return start, end


class _Builder:
    """Sections and blocks in document order, each given its region in the source."""

    def __init__(self, source: str):
        self.source = source
        self.tags = _Tags(source)
        self.outline = Outline()
        self.cursor = 0  # start tags are sought from here: the last item's content start
        self.after = 0  # loose text is sought from here: past the last item's text
        #: Located items in order: (the RawSection or RawBlock, start, close or None).
        self.items: list[tuple[object, int, int | None]] = []

    def _place(self, element, text: str) -> tuple[int, int | None]:
        """(content start, close tag or None) of an item. The close tag found may belong to
        a later element when this one was left unclosed; `finish` bounds it by the next."""
        tag = _tag(element)
        found = self.tags.start_tag(tag, self.cursor, element.sourceline)
        if found is None:  # implied by the parser: its text starts on its line
            start = max(self.cursor, self.tags.line_start(element.sourceline or 1))
            close = None
        else:
            start = found[1]
            close = self.tags.end_tag(tag, start)
        self.cursor = start
        # Markup only adds characters, so the text's last word is no earlier than this.
        words = text.split()
        if words:
            floor = start + len(text) - len(words[-1])
            # Sought within what markup can make of the text (`checker.loaders._locate`): a
            # last word written with an entity is never found, and searching every element's
            # to the source's end was quadratic.
            last = self.source.find(words[-1], floor, floor + _REACH * len(text) + _SLACK)
            self.after = last + len(words[-1]) if last != -1 else start
        return start, close

    def heading(self, element) -> None:
        text = _text(element)
        start, close = self._place(element, text)
        section = self.outline.open(RawSection(text, start, start, int(_tag(element)[1])))
        self.items.append((section, start, close))

    def block(self, element, bullet: bool) -> None:
        text = _text(element, frozenset(_LISTS) if bullet else frozenset())
        start, close = self._place(element, text)
        if text:
            self._add(RawBlock(text, start, start, bullet), start, close)

    def run(self, text: str) -> None:
        """Loose text of a container: placed by its first word, after the item before."""
        text = " ".join(text.split())
        if not any(c.isalnum() for c in text):
            return  # stray punctuation, such as what remains of a DOCTYPE's subset
        origin = max(self.cursor, self.after)
        start = self.source.find(text.split()[0], origin, origin + _REACH * len(text) + _SLACK)
        start = origin if start == -1 else start
        self.cursor = start
        self._add(RawBlock(text, start, start, False), start, None)

    def _add(self, block: RawBlock, start: int, close: int | None) -> None:
        self.outline.add(block)
        self.items.append((block, start, close))

    def finish(self) -> list[RawSection]:
        """Ends regions at their close tag or the next item, whichever comes first, and
        trims whitespace and trailing tags so text without markup is verbatim."""
        source = self.source
        for i, (item, start, close) in enumerate(self.items):
            bound = self.items[i + 1][1] if i + 1 < len(self.items) else len(source)
            end = max(start, min(close if close is not None else bound, bound))
            start, end = _trim(source, start, end)
            if isinstance(item, RawSection):
                item.heading_start, item.heading_end = start, end
            else:
                item.start, item.end = start, end
                item.verbatim = source[start:end] == item.text
        return self.outline.sections


def _walk(root, builder: _Builder) -> None:
    from lxml import etree

    run: list[str] = []
    in_bullet = 0  # inside an <li>: only the <li> of its sub-lists are blocks

    def flush() -> None:
        if run and not in_bullet:
            builder.run("".join(run))
        run.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        if event == "start":
            if tag in _SKIP or not tag:
                walker.skip_subtree()
            elif tag == "li":
                flush()
                builder.block(element, bullet=True)
                in_bullet += 1
            elif in_bullet:
                pass
            elif tag in _HEADINGS:
                flush()
                builder.heading(element)
                walker.skip_subtree()
            elif tag in _PARAGRAPHS:
                flush()
                builder.block(element, bullet=False)
                walker.skip_subtree()
            elif tag in _CONTAINERS:
                flush()
                run.append(element.text or "")
            else:
                run.append(" " if tag == "br" else element.text or "")
        else:
            if tag == "li":
                in_bullet -= 1
            if tag in _SPACED:
                flush()
            if element is not root and not in_bullet:
                run.append(element.tail or "")
    flush()


def parse(source: str) -> Parsed:
    from lxml import etree

    if not source.strip():
        return Parsed(sections=[])
    try:
        root = etree.fromstring(source.encode("utf-8"), _parser())
    except etree.LxmlError as exc:
        raise ValueError(f"unreadable HTML: {exc}") from None
    if root is None:
        return Parsed(sections=[])
    builder = _Builder(source)
    _walk(root, builder)
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return Parsed(sections=builder.finish(), lang_hint=lang.strip() or None if lang else None)

"""The HTML report an editor opens: one self-contained file, readable offline and without JS.

Who reads it: an editor deciding in under a minute whether a brief can go out, and what to
fix. Per document: a verdict banner; the brief with its file's line numbers, every finding's
span highlighted (errors strongest) and its message shown on hover or focus; the conflicts
(C2xx) with both sides; the repetitions (R3xx); the fact matrix (the two sides of a conflict
in one row); the redundancy map (expected overlap told apart from reported overlap); the
findings, each linked to its rule's documentation at the end of the page. A batch gets a
summary table first, failing documents first, each document collapsible.

Bounded: every part shows at most a fixed number of rows, lines or marks and says how many
it left out ("and 399,900 more"), so that a document's HTML stays under
`MAX_DOCUMENT_BYTES` whatever the brief (a brief of 9,600 sections and 9,600 dates made a
1.7 GB fact matrix). The JSON report is the one that lists everything.

Every piece of document text, file names included, goes through `_e`: a brief containing
`<script>` shows it as text, and a control character as `\\x1b`. The page has no script:
the severity filters are checkboxes that CSS reads (`:has`); without them all is shown.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape

from checker.formats.html_source import edits
from checker.model import LineIndex
from checker.report import DocumentReport, Finding, RunReport, Severity

#: What one document's part of the page may hold at most, in bytes, whatever the brief. Each
#: part is capped below, which keeps an everyday brief far under it (samples/: 5-120 KB); a
#: page that would still pass it (text that escaping multiplies) is shown in short, then as
#: its banner alone: a bound, not an estimate, and tests hold it.
MAX_DOCUMENT_BYTES = 1_500_000
#: Lines of the brief shown, and characters of them.
MAX_LINES = 1_000
MAX_CHARS = 120_000
#: Findings whose spans are highlighted in the brief, and facts underlined.
MAX_MARKS = 400
MAX_UNDERLINES = 400
#: Rows of each table (findings, conflicts, repetitions, fact matrix rows).
MAX_ROWS = 200
#: Mentions of a fact in one matrix cell; redundancy pairs per pair of sections; groups.
MAX_IN_CELL = 4
MAX_PAIRS_PER_GROUP = 8
MAX_GROUPS = 40
#: Characters of a quoted sentence or message.
MAX_QUOTE = 300
#: The most sections shown as a grid (section x section) in the redundancy map and as the
#: fact matrix's columns; beyond, a grid is wider than any screen and grows as the square of
#: the brief (a 2.5 MB brief's 2,664 sections made 7 million cells): a list then.
MAP_MAX_SECTIONS = 40
#: In a batch, the documents (failing first) shown in full; the others show their findings
#: only, each quoting its span: 2,000 briefs in full were 23 MB.
MAX_FULL_DOCUMENTS = 100

_CSS = """
:root{--err:#b3001b;--warn:#8a5300;--info:#1d4ed8;--pass:#1b5e20}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1b1b}
h1{font-size:1.4rem}h3{font-size:1.05rem;margin-top:1.6rem}
.document{margin-top:1.5rem;border-top:3px solid #ccc;padding-top:.5rem}
.document>summary{cursor:pointer;font-size:1.15rem;font-weight:600;overflow-wrap:anywhere}
.banner{padding:.6rem 1rem;border-radius:6px;font-weight:600;margin:.6rem 0}
.banner.pass{background:#e3f4e3;border:1px solid var(--pass);color:var(--pass)}
.banner.fail{background:var(--err);border:1px solid var(--err);color:#fff}
.banner.warn{background:#fff4d6;border:1px solid var(--warn);color:#5c3800}
.verdict{font-weight:700;padding:0 .4rem;border-radius:4px;white-space:nowrap}
.verdict.pass{color:var(--pass);background:#e3f4e3}.verdict.fail{color:#fff;background:var(--err)}
.verdict.warn{color:#5c3800;background:#fff4d6}
.scroll{overflow-x:auto;max-width:100%}
.brief{border:1px solid #ddd;background:#fafafa;font:14px/1.6 ui-monospace,monospace;padding:.4rem 0}
.l{display:flex}.l.h .t{font-weight:700}
.n{flex:none;width:3.2em;padding-right:.7em;text-align:right;color:#6b6b6b;user-select:none}
.n:target,.l:target .n{background:#ffe08a}
.t{flex:1;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere}
mark{color:inherit;background:none}mark a{color:inherit;text-decoration:none}
mark.info{border-bottom:2px dotted var(--info)}
mark.warning{background:#fff0b8;border-bottom:2px solid #c98a00}
mark.error{background:var(--err);color:#fff;font-weight:700;outline:2px solid var(--err);border-radius:2px}
mark a[data-msg]{position:relative}
mark a[data-msg]:hover::after,mark a[data-msg]:focus::after{content:attr(data-msg);position:absolute;
 left:0;top:1.5em;z-index:3;width:max-content;max-width:min(30rem,80vw);white-space:pre-wrap;
 background:#1b1b1b;color:#fff;font:500 13px/1.4 system-ui,sans-serif;padding:.35rem .55rem;border-radius:4px}
.fact{text-decoration:underline dotted #555 2px;text-underline-offset:3px}
.legend{font-size:13px;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.3rem 0}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
td.conflict,tr.conflict>th{background:#fde0e0;color:#7a0012;font-weight:600}
td.possible,tr.possible>th{background:#fff4d6;color:#5c3800;font-weight:600}
.sev{font-weight:700}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
.muted{color:#595959}.more{color:#595959;font-style:italic}
.filters{border:1px solid #ddd;padding:.2rem .6rem;margin:.5rem 0}.filters label{margin-right:1rem}
.document:has(.filters input.error:not(:checked)) tr.finding.error,
.document:has(.filters input.warning:not(:checked)) tr.finding.warning,
.document:has(.filters input.info:not(:checked)) tr.finding.info{display:none}
.h0{background:#fff}.h1{background:#fde3e3}.h2{background:#f7b4b4}.h3{background:#e57373}
.h4{background:#a31515;color:#fff}.expected{background:repeating-linear-gradient(45deg,#eee 0 6px,#f8f8f8 6px 12px);color:#333}
.swatch{display:inline-block;min-width:2.4em;text-align:center;border:1px solid #ccc;padding:0 .3em}
.top{font-size:13px;text-align:right;margin:.3rem 0}
.rule pre,.brief-code{background:#f4f4f4;padding:.5rem;overflow-x:auto}
q{quotes:"\\201C" "\\201D"}
"""


def _e(text: object) -> str:
    return escape(_CONTROL.sub(_visible, str(text)), quote=True)


#: Control characters other than tabs and line breaks: HTML may not carry them, and a
#: terminal that prints the report would run them (ANSI escapes).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    """A control character as the text format shows it (`\\x1b`)."""
    return repr(match.group())[1:-1]


def _short(text: str, limit: int = MAX_QUOTE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plural(n: int, word: str) -> str:
    """'1 error', '2 errors', '3 info' ('info' has no plural), with thousands separators."""
    if word == "info" or n == 1:
        return f"{n:,} {word}"
    return f"{n:,} {word}s"


def _more(left: int, what: str) -> str:
    """The line saying what a capped part left out."""
    if left <= 0:
        return ""
    return (f'<p class="more">… and {left:,} more {what}, not shown here '
            f"(the JSON report, <code>--format json</code>, lists them all).</p>")


def _counts(document: DocumentReport) -> str:
    return ", ".join(_plural(document.count(s), s.value) for s in Severity)


def _state(document: DocumentReport) -> str:
    """fail (an error, or not checked), warn (warnings or info only) or pass (nothing)."""
    if document.error or document.count(Severity.ERROR):
        return "fail"
    return "warn" if document.findings else "pass"


_VERDICT = {"fail": "FAIL", "warn": "PASS with remarks", "pass": "PASS"}


def _banner(document: DocumentReport) -> str:
    state = _state(document)
    text = f"not checked: {document.error}" if document.error else _counts(document)
    if document.omitted is not None:  # the report's caps (checker.report.MAX_FINDINGS)
        from checker.formats import omission_note

        text += f" ({omission_note(document)})"
    return f'<p class="banner {state}">{_VERDICT[state]} — {_e(text)}</p>'


def _offsets(source: str) -> list[int]:
    """Offset of the start of each 1-based line (index 0 unused). Made once per document
    and handed to every part that places a span (counting lines per conflict snippet
    walked a 200 KB brief's text 815 times: 18 of the report's 22 s)."""
    return [0, *LineIndex(source).starts]


def _at(starts: list[int], line: int, column: int, size: int) -> int:
    if line >= len(starts):
        return size
    return min(starts[line] + column - 1, size)


def _messages(document: DocumentReport, numbers: list[int]) -> str:
    """What a highlight says on hover or focus: the messages of the findings it marks."""
    shown = sorted(numbers, key=lambda n: (-document.findings[n].severity.rank, n))[:3]
    lines = [f"{document.findings[n].code} {document.findings[n].severity.value}: "
             f"{_short(document.findings[n].message, 200)}" for n in shown]
    if len(numbers) > 3:
        lines.append(f"and {len(numbers) - 3} more")
    return "\n".join(lines)


def _brief(document: DocumentReport, number: int, ids: list[str], starts: list[int],
           facts_shown: bool) -> str:
    """The brief, line by line with its file's line numbers, markup hidden (JSON, HTML),
    each finding's span marked by its worst severity and each fact underlined."""
    source = document.source or ""
    last_line = min(len(starts) - 1, MAX_LINES)
    while last_line > 1 and starts[last_line] > MAX_CHARS:
        last_line -= 1
    size = starts[last_line + 1] if last_line + 1 < len(starts) else len(source)
    cut = max(0, size - starts[last_line] - MAX_CHARS)  # a line longer than MAX_CHARS is cut
    size -= cut
    ranges: list[tuple[int, int, int]] = []  # (start, end, finding number, or -1 - fact number)
    marked = sorted(range(len(document.findings)),
                    key=lambda n: (-document.findings[n].severity.rank, n))[:MAX_MARKS]
    for n in marked:
        loc = document.findings[n].location
        start = _at(starts, loc.line, loc.column, size)
        if start >= size:
            continue
        ranges.append((start, max(_at(starts, loc.end_line, loc.end_column, size), start + 1), n))
        for other in document.findings[n].related:
            at = _at(starts, other.line, other.column, size)
            if at < size:
                ranges.append((at, min(at + max(len(other.text), 1), size), n))
    if facts_shown:
        for n, fact in enumerate(document.facts[:MAX_UNDERLINES]):
            at = _at(starts, fact.line, fact.column, size)
            if at < size:
                ranges.append((at, min(at + max(len(fact.text), 1), size), -1 - n))
    shown_as = _unless_marked(edits(source[:size], document.format),
                              [(start, end) for start, end, n in ranges if n >= 0])
    replaced = {start: (end, text) for start, end, text in shown_as}
    headings = {s.line for s in document.sections if s.heading is not None}
    cuts = sorted({0, size, *starts[1:last_line + 1], *(r[0] for r in ranges),
                   *(r[1] for r in ranges), *(e[0] for e in shown_as), *(e[1] for e in shown_as)})
    # What covers each stretch between two cuts, kept up to date from cut to cut (a sweep:
    # asking every range at every cut was quadratic, 4 s of a 200 KB brief's report).
    opening, closing = defaultdict(list), defaultdict(list)
    for k, (start, end, _) in enumerate(ranges):
        opening[start].append(k)
        closing[end].append(k)
    line_of = {starts[n]: n for n in range(1, last_line + 1)}
    markup = document.format in ("html", "json")
    active: set[int] = set()
    rows: list[str] = []
    line, parts, seen_text = 0, [], False
    hidden_until = -1
    # Stretches of a line that the same findings cover are one highlight (one <mark>, one
    # message), the facts inside it spans of their own: a message per stretch repeated it
    # for every fact of a sentence (30 KB a document).
    run: list[str] = []
    run_findings: tuple[int, ...] = ()

    def close_run() -> None:
        nonlocal run
        if not run:
            return
        inner = "".join(run)
        if run_findings:
            worst = max(run_findings, key=lambda n: (document.findings[n].severity.rank, -n))
            described = (f' aria-describedby="{ids[worst]}"'
                         if not ids[worst].endswith("-findings") else "")
            inner = (f'<mark class="{document.findings[worst].severity.value}">'
                     f'<a href="#{ids[worst]}"{described} '
                     f'data-msg="{_e(_messages(document, list(run_findings)))}">{inner}</a></mark>')
        parts.append(inner)
        run = []

    def close_row() -> None:
        close_run()
        if line and (seen_text or not markup):
            cls = "l h" if line in headings else "l"
            rows.append(f'<div class="{cls}" id="d{number}-l{line}">'
                        f'<span class="n">{line}</span><span class="t">{"".join(parts)}</span></div>')

    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        if a in line_of:
            close_row()
            line, parts, seen_text = line_of[a], [], False
        if a in replaced:
            end, text = replaced[a]
            hidden_until = end
            raw = text
        elif a < hidden_until:
            continue
        else:
            raw = source[a:b]
        raw = raw.rstrip("\r\n") if b in line_of or b == size else raw
        if markup and not seen_text:
            raw = raw.lstrip()  # the markup's indentation
        if not raw:
            continue
        seen_text = seen_text or not raw.isspace()
        text = _e(raw)
        covering = [ranges[k][2] for k in sorted(active)]
        findings = tuple(sorted({n for n in covering if n >= 0}))
        if findings != run_findings:
            close_run()
            run_findings = findings
        facts = [document.facts[-1 - n] for n in covering if n < 0]
        if facts:
            label = "; ".join(f"{f.kind}: {f.text}" for f in facts)
            text = f'<span class="fact" title="{_e(label)}">{text}</span>'
        run.append(text)
    close_row()
    left = len(starts) - 1 - last_line - (1 if source.endswith("\n") else 0)
    legend = ('<p class="legend"><span><mark class="error">error</mark> an error\'s span</span>'
              '<span><mark class="warning">warning</mark> a warning\'s</span>'
              '<span><mark class="info">info</mark> a remark\'s</span>'
              + ('<span><span class="fact">dotted</span> a fact (date, place, participant, '
                 "duration)</span>" if facts_shown else "")
              + "<span><b>bold</b> a section heading</span>"
              "<span>hover or focus a highlight for its message; click it for the finding</span></p>")
    note = "" if not markup else (
        f'<p class="muted">The brief\'s text as read from its {_e(document.format.upper())} '
        "markup; line numbers are the file's.</p>")
    return (legend + note + f'<div class="brief scroll" lang="{_e(document.lang or "")}">'
            + "".join(rows) + "</div>"
            + _more(cut, f"characters of line {last_line}") + _more(left, "lines of the brief"))


def _unless_marked(shown_as: list, marked: list[tuple[int, int]]) -> list:
    """The markup edits that touch no finding's span: a finding in the markup itself (a JSON
    value of the wrong type, an unknown `kind`) shows the markup it is about, highlighted."""
    if not marked:
        return shown_as
    from bisect import bisect_right

    merged: list[list[int]] = []
    for start, end in sorted(marked):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [m[0] for m in merged]
    kept = []
    for edit in shown_as:
        k = bisect_right(starts, edit[1] - 1) - 1  # the last marked range starting inside or before
        if k >= 0 and merged[k][1] > edit[0]:
            continue
        kept.append(edit)
    return kept


def _where(names: dict[str, str], section: str | None, line: int, number: int) -> str:
    return (f'{_e(names.get(section or "", section or ""))}, '
            f'<a href="#d{number}-l{line}">line {line}</a>')


def _snippet(document: DocumentReport, finding: Finding, starts: list[int]) -> str:
    if not document.source:
        return ""
    loc = finding.location
    size = len(document.source)
    start = _at(starts, loc.line, loc.column, size)
    return document.source[start:min(_at(starts, loc.end_line, loc.end_column, size),
                                      start + MAX_QUOTE)]


def _conflicts(document: DocumentReport, ids: list[str], names: dict[str, str],
               starts: list[int], number: int) -> str:
    """Consistency findings (C2xx) that have another side: each row, both sides."""
    found = [n for n, f in enumerate(document.findings)
             if f.category == "consistency" and f.related]
    if not found:
        return '<p class="muted">No conflicts.</p>'
    rows = "".join(
        f'<tr class="finding {f.severity.value}"><td class="sev {f.severity.value}">'
        f'<a href="#{ids[n]}">{_e(f.code)}</a></td>'
        f"<td>{_where(names, f.location.section, f.location.line, number)}: "
        f"<q>{_e(_snippet(document, f, starts))}</q></td><td>"
        + "<br>".join(f"{_where(names, o.section, o.line, number)}: <q>{_e(_short(o.text))}</q>"
                      for o in f.related[:MAX_IN_CELL])
        + "</td></tr>"
        for f, n in ((document.findings[n], n) for n in found[:MAX_ROWS])
    )
    return ('<div class="scroll"><table class="conflicts"><tr><th>rule</th><th>this side</th>'
            f"<th>other side</th></tr>{rows}</table></div>" + _more(len(found) - MAX_ROWS, "conflicts"))


def _repetitions(document: DocumentReport, ids: list[str], names: dict[str, str],
                 number: int) -> str:
    """Redundancy findings (R3xx): what repeats what, and how (the message). Findings of
    one rule, section and message are one row listing their lines: a brief that pastes one
    sentence a hundred times has one row, not a hundred."""
    found = [n for n, f in enumerate(document.findings) if f.category == "redundancy"]
    if not found:
        return '<p class="muted">No repetition reported.</p>'
    groups = _group(document, found, by_section=True)
    rows = []
    for members in groups[:MAX_ROWS]:
        f = document.findings[members[0]]
        where = _lines(members, document, number)
        rows.append(
            f'<tr class="finding {f.severity.value}"><td class="sev {f.severity.value}">'
            f'<a href="#{ids[members[0]]}">{_e(f.code)}</a></td>'
            f"<td>{_e(names.get(f.location.section or '', f.location.section or ''))}, {where}</td>"
            f"<td>{_e(_short(f.message))}<br>"
            + "<br>".join(f'<span class="muted">{_where(names, o.section, o.line, number)}: '
                          f"<q>{_e(_short(o.text, 160))}</q></span>" for o in f.related[:MAX_IN_CELL])
            + "</td></tr>")
    return ('<div class="scroll"><table class="repetitions"><tr><th>rule</th><th>where</th>'
            f"<th>what it repeats</th></tr>{''.join(rows)}</table></div>"
            + _more(len(groups) - MAX_ROWS, "groups of repetitions"))


def _group(document: DocumentReport, numbers: list[int], *, by_section: bool = False) -> list[list[int]]:
    """Findings with the same rule and message (and section) together, worst first."""
    groups: dict[tuple, list[int]] = {}
    for n in numbers:
        f = document.findings[n]
        key = (f.code, f.message, f.location.section if by_section else None)
        groups.setdefault(key, []).append(n)
    return sorted(groups.values(),
                  key=lambda members: (-document.findings[members[0]].severity.rank, members[0]))


def _lines(members: list[int], document: DocumentReport, number: int, *, link: bool = True) -> str:
    """Where the findings of a group are, as links to their lines (when the brief is
    shown), bounded."""
    shown = []
    for n in members[:MAX_PAIRS_PER_GROUP]:
        loc = document.findings[n].location
        where = f'{"line " if not shown else ""}{loc.line}:{loc.column}'
        shown.append(f'<a href="#d{number}-l{loc.line}">{where}</a>' if link else where)
    more = len(members) - MAX_PAIRS_PER_GROUP
    return ", ".join(shown) + (f' <span class="more">and {more:,} more</span>' if more > 0 else "")


def _label(facts: list) -> str:
    """A fact value as an editor writes it: its most frequent wording in the brief
    ("6 janvier", not the value `--01-06`), shortest first on a tie."""
    counts: dict[str, int] = {}
    for fact in facts:
        counts[fact.text.strip()] = counts.get(fact.text.strip(), 0) + 1
    return min(counts, key=lambda text: (-counts[text], len(text), text))


def _fact_matrix(document: DocumentReport, names: dict[str, str], number: int) -> str:
    if any(f.code == "S120" for f in document.findings):
        return ('<p class="muted">No fact matrix: the brief\'s language is not supported '
                "(S120), so its dates, places and names are not read.</p>")
    if not document.facts:
        return '<p class="muted">No facts found.</p>'
    by_position = {(f.line, f.column): f for f in document.facts}
    values: dict[tuple[str, str], list] = {}
    for fact in document.facts:
        values.setdefault((fact.kind, fact.value), []).append(fact)
    # The values a conflict sets against each other are one row: union-find over values.
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(key):
        top = key
        while parent.get(top, top) != top:
            top = parent[top]
        while key != top:  # path compression: a chain of 9,600 conflicts stays flat
            parent[key], key = top, parent[key]
        return top

    conflicting: dict[tuple[str, str], int] = {}  # value -> worst severity rank setting it against another
    for finding in document.findings:
        if finding.category != "consistency" or not finding.related:
            continue
        sides = [by_position.get((finding.location.line, finding.location.column))]
        sides += [by_position.get((o.line, o.column)) for o in finding.related]
        keys = [(f.kind, f.value) for f in sides if f is not None]
        for key in keys:
            conflicting[key] = max(conflicting.get(key, 0), finding.severity.rank)
        for key in keys[1:]:
            parent[root(key)] = root(keys[0])
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in sorted(values):
        groups.setdefault(root(key) if key in conflicting else key, []).append(key)
    ordered = sorted(groups.values(), key=lambda keys: (keys[0] not in conflicting, keys))
    shown = ordered[:MAX_ROWS]
    columns = [s.id for s in document.sections]
    grid = len(columns) <= MAP_MAX_SECTIONS
    body = []
    for keys in shown:
        worst = max((conflicting.get(key, 0) for key in keys), default=0)
        bad = worst >= Severity.ERROR.rank
        possible = 0 < worst < Severity.ERROR.rank
        mark = "conflict" if bad else "possible" if possible else ""
        facts = [f for key in keys for f in values[key]]
        kind = keys[0][0]
        label = " ≠ ".join(_e(_label(values[key])) for key in keys[:MAX_IN_CELL])
        if len(keys) > MAX_IN_CELL:
            label += f' <span class="more">and {len(keys) - MAX_IN_CELL:,} more values</span>'

        badge = (' <span class="sev error">conflict</span>' if bad
                 else ' <span class="sev warning">possible conflict</span>' if possible else "")
        head = f"<th>{_e(kind)}: {label}{badge}</th>"
        if grid:
            cells: dict[str, list] = {}
            for fact in facts:
                cells.setdefault(fact.section, []).append(fact)
            tds = "".join(_cell(cells.get(c, []), mark, number) for c in columns)
        else:
            tds = _cell(facts, mark, number, names)
        body.append(f'<tr class="{mark or "value"}">{head}{tds}</tr>')
    if grid:
        top = "".join(f"<th>{_e(names.get(c, c))}</th>" for c in columns)
    else:
        top = "<th>where the brief states it</th>"
    legend = ('<p class="legend"><span>One row per fact value, in the wording the brief uses; '
              'the values a conflict sets against each other share a row, marked '
              '<span class="sev error">conflict</span> (every cell stating one is red) or '
              '<span class="sev warning">possible conflict</span>.</span></p>')
    return (legend + f'<div class="scroll"><table class="facts"><tr><th>fact</th>{top}</tr>'
            + "".join(body) + "</table></div>" + _more(len(ordered) - len(shown), "fact values"))


def _cell(facts: list, mark: str, number: int, names: dict[str, str] | None = None) -> str:
    if not facts:
        return "<td></td>"
    shown = "<br>".join(
        (f"{_e(names.get(f.section, f.section))}: " if names is not None else "")
        + f'{_e(f.text)} <a class="muted" href="#d{number}-l{f.line}">l.{f.line}</a>'
        for f in facts[:MAX_IN_CELL])
    if len(facts) > MAX_IN_CELL:
        shown += f'<br><span class="more">and {len(facts) - MAX_IN_CELL:,} more</span>'
    return f'<td class="{mark}">{shown}</td>'


#: Heat classes of the redundancy map: (lowest share, class). Colours chosen so that the
#: text on each keeps a contrast of 4.5:1 or more (WCAG AA); tests measure it.
_HEAT = ((0.6, "h4"), (0.4, "h3"), (0.2, "h2"), (0.0001, "h1"), (0.0, "h0"))


def _heat(value: float) -> str:
    return next(cls for low, cls in _HEAT if value >= low)


def _reported(document: DocumentReport) -> set[tuple[str, str]]:
    """The (later, earlier) section pairs whose repetition raised a finding (R301, R302):
    the others in the overlap table are repetition the config expects (or silenced)."""
    found = set()
    for f in document.findings:
        if f.code in ("R301", "R302"):
            found.update((f.location.section or "", o.section or "") for o in f.related)
    return found


def _redundancy_map(document: DocumentReport, names: dict[str, str], number: int) -> str:
    overlap = document.redundancy.overlap
    pairs = document.redundancy.pairs
    if not overlap and not pairs:
        return '<p class="muted">No repeated text between sections.</p>'
    ids = [s.id for s in document.sections]
    reported = _reported(document)
    legend = ('<p class="legend"><span>Share of each section\'s words (row) in sentences '
              "repeating an earlier section (column); R302 reports a section from "
              "<code>[redundancy] section_overlap</code> on (20% by default).</span>"
              + "".join(f'<span><span class="swatch {cls}" style="display:inline-block">'
                        f"{low:.0%}+</span></span>" for low, cls in _HEAT[:4])
              + '<span><span class="swatch expected">n%</span> expected (the Summary restating '
              "the Key Points, <code>[redundancy] expected</code>): no finding</span></p>")
    if not overlap:
        table = '<p class="muted">No repeated text between sections.</p>'
    elif len(ids) <= MAP_MAX_SECTIONS:
        table = _overlap_grid(ids, overlap, names, reported)
    else:
        table = _overlap_list(ids, overlap, names, reported)
    return legend + table + _pair_groups(pairs, names, number)


def _heat_cell(value: float, expected: bool) -> str:
    if expected:
        return f'<td class="expected" title="expected repetition">{value:.0%} expected</td>'
    return f'<td class="{_heat(value)}">{value:.0%}</td>'


def _overlap_grid(ids: list[str], overlap: dict[str, dict[str, float]],
                  names: dict[str, str], reported: set[tuple[str, str]]) -> str:
    head = "".join(f"<th>{_e(names.get(c, c))}</th>" for c in ids)
    body = []
    for later in ids:
        cells = []
        for earlier in ids:
            value = overlap.get(later, {}).get(earlier)
            cells.append("<td></td>" if value is None
                         else _heat_cell(value, (later, earlier) not in reported))
        body.append(f"<tr><th>{_e(names.get(later, later))}</th>{''.join(cells)}</tr>")
    return (f'<div class="scroll"><table class="redundancy"><tr><th>share of ↓ repeated from →</th>'
            f'{head}</tr>{"".join(body)}</table></div>')


def _overlap_list(ids: list[str], overlap: dict[str, dict[str, float]],
                  names: dict[str, str], reported: set[tuple[str, str]]) -> str:
    """The grid's filled cells only, row by row: each section that repeats earlier ones."""
    later_ids = [later for later in ids if overlap.get(later)]
    rows = "".join(
        f"<tr><th>{_e(names.get(later, later))}</th><td>"
        + ", ".join(f'<span class="swatch {"expected" if (later, e) not in reported else _heat(v)}">'
                    f"{_e(names.get(e, e))} {v:.0%}</span>"
                    for e, v in list(overlap[later].items())[:MAX_IN_CELL * 3])
        + "</td></tr>"
        for later in later_ids[:MAX_ROWS]
    )
    return (f'<p class="muted">{len(ids):,} sections: too many for a grid. Each section that '
            f"repeats earlier ones, with the share of its words repeated from each:</p>"
            f'<div class="scroll"><table class="redundancy"><tr><th>section</th><th>repeats</th></tr>'
            f"{rows}</table></div>" + _more(len(later_ids) - MAX_ROWS, "sections that repeat"))


def _pair_groups(pairs, names: dict[str, str], number: int) -> str:
    """The repeated sentence pairs, one line per pair of sections, bounded: a 30-line brief
    that pastes one line over and over listed it hundreds of times (a 75,000 px page)."""
    if not pairs:
        return ""
    groups: dict[tuple[str, str], list] = {}
    for p in pairs:
        groups.setdefault((p.a.section, p.b.section), []).append(p)
    items = []
    for (a, b), found in list(groups.items())[:MAX_GROUPS]:
        links = ", ".join(
            f'<a href="#d{number}-l{p.b.line}">l.{p.b.line}</a> ≈ '
            f'<a href="#d{number}-l{p.a.line}">l.{p.a.line}</a> ({p.score:.2f})'
            for p in found[:MAX_PAIRS_PER_GROUP])
        if len(found) > MAX_PAIRS_PER_GROUP:
            links += f' <span class="more">and {len(found) - MAX_PAIRS_PER_GROUP:,} more</span>'
        where = (f"within {_e(names.get(a, a))}" if a == b
                 else f"{_e(names.get(b, b))} repeats {_e(names.get(a, a))}")
        items.append(f"<li>{where}: {_plural(len(found), 'sentence pair')}: {links}</li>")
    return (f"<p>Repeated sentences ({_plural(len(pairs), 'pair')}, score 0 to 1):</p>"
            f"<ul class=\"pairs\">{''.join(items)}</ul>"
            + _more(len(groups) - MAX_GROUPS, "pairs of sections"))


def _findings(document: DocumentReport, ids: list[str], number: int,
              groups: list[list[int]]) -> str:
    """Every finding, worst first; those of one rule with one message are one row
    (`groups`, from `_group`)."""
    if not document.findings:
        return '<p class="muted">No findings.</p>'
    rows = []
    for members in groups[:MAX_ROWS]:
        f = document.findings[members[0]]
        related = "".join(
            f'<br><span class="muted">related: <a href="#d{number}-l{o.line}">line '
            f"{o.line}:{o.column}</a> <q>{_e(_short(o.text, 160))}</q></span>"
            for o in f.related[:MAX_IN_CELL])
        times = f' <span class="muted">(×{len(members):,})</span>' if len(members) > 1 else ""
        rows.append(
            f'<tr class="finding {f.severity.value}" id="{ids[members[0]]}">'
            f'<td class="sev {f.severity.value}">{f.severity.value}</td>'
            f'<td><a href="#rule-{_e(f.code)}" title="the rule\'s documentation">{_e(f.code)}</a> '
            f"{_e(f.name)}{times}</td><td>{_lines(members, document, number)}</td>"
            f"<td>{_e(_short(f.message, 600))}{related if len(members) == 1 else ''}</td></tr>")
    boxes = "".join(f'<label><input type="checkbox" class="{s.value}" checked> '
                    f"{_plural(document.count(s), s.value)}</label>" for s in Severity)
    return (f'<fieldset class="filters"><legend>show</legend>{boxes}</fieldset>'
            '<div class="scroll"><table class="findings"><tr><th>severity</th>'
            f"<th>rule</th><th>where</th><th>message</th></tr>{''.join(rows)}</table></div>"
            + _more(len(groups) - MAX_ROWS, "groups of findings"))


def _anchors(document: DocumentReport, number: int, groups: list[list[int]]) -> list[str]:
    """The anchor each finding's highlight links to: its row of the findings table (the
    first finding of its group), or the table itself when its row is past the cap."""
    ids = [f"d{number}-findings"] * len(document.findings)
    for members in groups[:MAX_ROWS]:
        for n in members:
            ids[n] = f"d{number}-f{members[0]}"
    return ids


def _document(number: int, document: DocumentReport, *, full: bool, open_: bool) -> str:
    state = _state(document)
    head = (f'<details class="document" id="doc-{number}"{" open" if open_ else ""}>'
            f'<summary>{_e(document.path)} <span class="verdict {state}">{_VERDICT[state]}</span>'
            f"</summary>{_banner(document)}")
    top = '<p class="top"><a href="#top">↑ back to top</a></p></details>'
    if document.error:
        return head + top
    groups = _group(document, list(range(len(document.findings))))
    ids = _anchors(document, number, groups)
    findings_only = _compact_findings(document, ids, number, groups)
    short = (head + '<p class="muted">Shown in short (findings only): check this file alone '
             "for its full page.</p>" + findings_only + top)
    if not full:
        return _within_bound(short, head, top)
    names = {s.id: s.heading or s.id for s in document.sections}
    starts = _offsets(document.source or "")
    facts_shown = not any(f.code == "S120" for f in document.findings)
    brief = _brief(document, number, ids, starts, facts_shown) if document.source else ""
    page = (head
            + f"<h3>Brief</h3>{brief}"
            + f"<h3>Conflicts</h3>{_conflicts(document, ids, names, starts, number)}"
            + f"<h3>Repetition</h3>{_repetitions(document, ids, names, number)}"
            + f"<h3>Fact matrix</h3>{_fact_matrix(document, names, number)}"
            + f"<h3>Redundancy map</h3>{_redundancy_map(document, names, number)}"
            + f'<h3 id="d{number}-findings">Findings</h3>{_findings(document, ids, number, groups)}'
            + top)
    if _size(page) <= MAX_DOCUMENT_BYTES:
        return page
    return _within_bound(
        head + f'<p class="more">Shown in short (findings only): its full page would pass '
        f"{MAX_DOCUMENT_BYTES:,} bytes of HTML.</p>" + findings_only + top, head, top)


def _size(html: str) -> int:
    """Bytes of `html` in UTF-8 (counted only when the characters alone could pass the bound)."""
    return len(html) if len(html) * 4 <= MAX_DOCUMENT_BYTES else len(html.encode("utf-8", "surrogatepass"))


def _within_bound(short: str, head: str, top: str) -> str:
    """The document in short, or its banner alone if even that passes MAX_DOCUMENT_BYTES
    (the caps make it all but impossible: a last guard, so that the bound is a bound)."""
    if _size(short) <= MAX_DOCUMENT_BYTES:
        return short
    return (head + f'<p class="more">This document\'s findings would pass {MAX_DOCUMENT_BYTES:,} '
            "bytes of HTML: the JSON report (<code>--format json</code>) lists them.</p>" + top)


def _compact_findings(document: DocumentReport, ids: list[str], number: int,
                      groups: list[list[int]]) -> str:
    """A document shown in short: its findings, grouped, each group quoting its first span."""
    if not document.findings:
        return '<p class="muted">No findings.</p>'
    starts = _offsets(document.source or "")
    rows = []
    for members in groups[:MAX_ROWS]:
        f = document.findings[members[0]]
        quote = _short(_snippet(document, f, starts), 160)
        rows.append(
            f'<tr class="finding {f.severity.value}" id="{ids[members[0]]}">'
            f'<td class="sev {f.severity.value}">{f.severity.value}</td>'
            f'<td><a href="#rule-{_e(f.code)}">{_e(f.code)}</a></td>'
            f"<td>{_lines(members, document, number, link=False)}</td><td>{_e(_short(f.message, 400))}"
            + (f"<br><q>{_e(quote)}</q>" if quote else "") + "</td></tr>")
    return (f'<div class="scroll"><table class="findings"><tr><th>severity</th><th>rule</th>'
            f"<th>where</th><th>message</th></tr>{''.join(rows)}</table></div>"
            + _more(len(groups) - MAX_ROWS, "groups of findings"))


def _index(report: RunReport, order: list[int]) -> str:
    rows = []
    for number in order:
        document = report.documents[number]
        state = _state(document)
        counts = f"not checked: {document.error}" if document.error else _counts(document)
        rows.append(f'<tr><td><a href="#doc-{number}">{_e(document.path)}</a></td>'
                    f'<td><span class="verdict {state}">{_VERDICT[state]}</span></td>'
                    f"<td>{_e(_short(counts))}</td></tr>")
    states = [_state(report.documents[n]) for n in order]
    tally = " ".join(f'<span class="verdict {state}">{states.count(state):,} {_VERDICT[state]}</span>'
                      for state in ("fail", "warn", "pass"))
    return (f'<h2>Documents, worst first</h2><p>{tally}</p><div class="scroll"><table class="index">'
            "<tr><th>document</th><th>verdict</th><th>findings</th></tr>"
            + "".join(rows) + "</table></div>")


def _rule_docs(report: RunReport) -> str:
    """The documentation of each rule the report cites, for the findings to link to."""
    codes = sorted({f.code for d in report.documents for f in d.findings})
    if not codes:
        return ""
    from checker.rules import all_rules
    from checker.rules.docs import full_doc

    rules = all_rules()
    parts = []
    for code in codes:
        rule = rules.get(code)
        doc = _doc_html(full_doc(rule)) if rule else '<p class="muted">No documentation.</p>'
        name = f" {rule.name}" if rule else ""
        parts.append(f'<section class="rule" id="rule-{_e(code)}"><h3>{_e(code)}{_e(name)}</h3>'
                     f"{doc}</section>")
    return ('<h2 id="rules" lang="en">Rules cited in this report</h2><div lang="en">'
            + "".join(parts) + "</div>")


def _doc_html(doc: str) -> str:
    """A rule's documentation (Markdown: `##` headings, fenced code, `- ` bullets,
    paragraphs) as HTML."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    code: list[str] | None = None

    def flush() -> None:
        if paragraph:
            if items:
                items.append(" ".join(paragraph))
            else:
                out.append(f"<p>{_code(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items and not paragraph:
            out.append("<ul>" + "".join(f"<li>{_code(i)}</li>" for i in items[1:]) + "</ul>")
            items.clear()

    for line in doc.splitlines():
        if code is not None:
            if line.startswith("```"):
                out.append(f"<pre>{_e(chr(10).join(code))}</pre>")
                code = None
            else:
                code.append(line)
        elif line.startswith("```"):
            flush()
            code = []
        elif line.startswith("## "):
            flush()
            out.append(f"<h4>{_e(line[3:])}</h4>")
        elif not line.strip():
            flush()
        elif line.startswith("- "):
            if paragraph and items:
                items.append(" ".join(paragraph))
                paragraph.clear()
            elif paragraph:
                flush()
            items[:] = items or [""]  # items[0] marks a list as open
            paragraph.append(line[2:].strip())
        else:
            paragraph.append(line.strip())
    flush()
    if code:
        out.append(f"<pre>{_e(chr(10).join(code))}</pre>")
    return "".join(out)


def _code(text: str) -> str:
    """Escaped text whose `backquoted` pieces are code and **starred** ones bold."""
    pieces = _e(text).split("`")
    if len(pieces) % 2 == 0:  # an odd backquote: leave it as written
        pieces = [_e(text)]
    return "".join(f"<code>{p}</code>" if k % 2 else _BOLD.sub(r"<b>\1</b>", p)
                   for k, p in enumerate(pieces))


_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def _lang(report: RunReport) -> str:
    """The page's language: the briefs' when they share one, else English (the UI's)."""
    langs = {d.lang for d in report.documents if d.lang}
    lang = langs.pop() if len(langs) == 1 else "en"
    return lang if re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", lang) else "en"


def _order(report: RunReport) -> list[int]:
    """Failing documents first (not checked, then errors), then remarks, then passing; in
    each, the most errors, then warnings, then info first: what to fix first, on top."""
    rank = {"fail": 0, "warn": 1, "pass": 2}

    def worst_first(n: int) -> tuple:
        document = report.documents[n]
        return (rank[_state(document)], not document.error,
                *(-document.count(s) for s in Severity), n)

    return sorted(range(len(report.documents)), key=worst_first)


def render(report: RunReport, *, color: bool = False) -> str:
    s = report.summary
    failed = s.failed or bool(s.unreadable)
    title = f"briefcheck report — {'failed' if failed else 'passed'}"
    state = "fail" if failed else ("warn" if s.warning or s.info else "pass")
    summary = (f'<p class="banner {state}" id="run-verdict">'
               f"{'FAIL' if failed else 'PASS'} — {_plural(s.documents, 'document')}: "
               f"{_plural(s.error, 'error')}, {_plural(s.warning, 'warning')}, "
               f"{_plural(s.info, 'info')}"
               + (f", {s.unreadable:,} not checked" if s.unreadable else "") + "</p>")
    order = _order(report)
    batch = len(report.documents) > 1
    index = _index(report, order) if batch else ""
    full = set(order[:MAX_FULL_DOCUMENTS])
    documents = "".join(
        _document(n, report.documents[n], full=n in full,
                  open_=not batch or _state(report.documents[n]) == "fail" and n in full)
        for n in order)
    short = len(report.documents) - len(full)
    note = (f'<p class="muted">{short:,} of the {len(report.documents):,} documents are shown in '
            f"short (findings only; the first {MAX_FULL_DOCUMENTS}, failing first, in full), so "
            "that the page opens quickly.</p>" if short > 0 else "")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{_lang(report)}"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<style>{_CSS}</style></head><body><h1 id="top" lang="en">{_e(title)}</h1>'
            f"<p class=\"muted\">{_e(report.tool.name)} {_e(report.tool.version)}</p>"
            f"{summary}{note}{index}{documents}{_rule_docs(report)}</body></html>\n")

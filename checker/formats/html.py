"""The HTML report an editor opens: one self-contained file, readable offline and without JS.

Per document: a verdict banner, the brief itself with every finding's span highlighted and
linked to its message, the conflicts with both sides, the fact matrix (which section states
which fact; conflicting ones in red), the redundancy map (section x section overlap, a
list past MAP_MAX_SECTIONS sections) and the findings list. A batch gets an index first.
Every piece of document text, file names included, goes through `escape`: a brief
containing `<script>` shows it as text, and a control character (a terminal escape) as
`\\x1b`. The only script filters the findings by severity; without it everything is shown.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from html import escape

from checker.model import LineIndex
from checker.report import DocumentReport, Finding, RunReport, Severity

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:2px solid #ccc;padding-top:1rem}
h3{font-size:1rem;margin-top:1.5rem}
.banner{padding:.6rem 1rem;border-radius:6px;font-weight:600}
.banner.pass{background:#dcf5dc;border:1px solid #2e7d32}.banner.fail{background:#fde0e0;border:1px solid #c62828}
pre.brief{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:.8rem;font:14px/1.6 ui-monospace,monospace}
mark{padding:0 1px;border-bottom:2px solid}mark a{color:inherit;text-decoration:none}
mark.error{background:#ffd6d6;border-color:#c62828}mark.warning{background:#fff1c2;border-color:#b26a00}
mark.info{background:#dbeafe;border-color:#1d4ed8}
.fact{text-decoration:underline dotted #555 2px;text-underline-offset:3px}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
td.conflict,tr.conflict th{background:#ffd6d6;color:#8b0000;font-weight:600}
.sev{font-weight:700}.sev.error{color:#c62828}.sev.warning{color:#b26a00}.sev.info{color:#1d4ed8}
.muted{color:#666}.filters label{margin-right:1rem}
"""

_JS = """
document.querySelectorAll('.filters input').forEach(function(box){
  box.addEventListener('change', function(){
    document.querySelectorAll('tr.finding.' + box.value).forEach(function(row){
      row.hidden = !box.checked;});});});
"""


def _e(text: object) -> str:
    return escape(_CONTROL.sub(_visible, str(text)), quote=True)


#: Control characters other than tabs and line breaks: HTML may not carry them, and a
#: terminal that prints the report would run them (ANSI escapes).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    """A control character as the text format shows it (`\\x1b`)."""
    return repr(match.group())[1:-1]


def _verdict(document: DocumentReport) -> tuple[bool, str]:
    if document.error:
        return False, f"not checked: {document.error}"
    counts = ", ".join(f"{document.count(s)} {s.value}" for s in Severity)
    if document.omitted is not None:  # the report's caps (checker.report.MAX_FINDINGS)
        from checker.formats import omission_note

        counts += f" ({omission_note(document)})"
    return document.count(Severity.ERROR) == 0, counts


def _offsets(source: str) -> list[int]:
    """Offset of the start of each 1-based line (index 0 unused). Made once per document
    and handed to every part that places a span (counting lines per conflict snippet
    walked a 200 KB brief's text 815 times: 18 of the report's 22 s)."""
    return [0, *LineIndex(source).starts]


def _at(starts: list[int], line: int, column: int, size: int) -> int:
    if line >= len(starts):
        return size
    return min(starts[line] + column - 1, size)


def _highlighted(document: DocumentReport, ids: list[str], starts: list[int]) -> str:
    """The brief's text with each finding's span (and related spans) marked and linked to
    its message, and each fact underlined (facts are what the matrix below tabulates)."""
    source = document.source or ""
    size = len(source)
    ranges: list[tuple[int, int, int]] = []  # (start, end, finding number, or -1 - fact number)
    for n, finding in enumerate(document.findings):
        loc = finding.location
        start = _at(starts, loc.line, loc.column, size)
        ranges.append((start, max(_at(starts, loc.end_line, loc.end_column, size), start + 1), n))
        for other in finding.related:
            at = _at(starts, other.line, other.column, size)
            ranges.append((at, at + max(len(other.text), 1), n))
    for n, fact in enumerate(document.facts):
        at = _at(starts, fact.line, fact.column, size)
        ranges.append((at, at + max(len(fact.text), 1), -1 - n))
    headings = []  # heading lines, shown bold so the brief's sections stand out
    for section in document.sections:
        if section.heading is not None and section.line < len(starts):
            start = starts[section.line]
            end = source.find("\n", start)
            headings.append((start, size if end < 0 else end))
    cuts = sorted({0, size, *(r[0] for r in ranges), *(min(r[1], size) for r in ranges),
                   *(h for pair in headings for h in pair)})
    # What covers each stretch between two cuts, kept up to date from cut to cut (a sweep:
    # asking every range at every cut was quadratic, 4 s of a 200 KB brief's report).
    opening, closing = defaultdict(list), defaultdict(list)
    for k, (start, end, _) in enumerate(ranges):
        opening[start].append(k)
        closing[min(end, size)].append(k)
    bold = Counter(start for start, _ in headings)
    bold.subtract(end for _, end in headings)
    active: set[int] = set()  # indexes into `ranges`
    in_heading = 0
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        in_heading += bold.get(a, 0)
        text = _e(source[a:b])
        covering = [ranges[k][2] for k in sorted(active)]
        findings = [n for n in covering if n >= 0]
        if findings:
            worst = max(findings, key=lambda n: (document.findings[n].severity.rank, -n))
            codes = " ".join(sorted({document.findings[n].code for n in findings}))
            text = (f'<mark class="{document.findings[worst].severity.value}" title="{_e(codes)}">'
                    f'<a href="#{ids[worst]}">{text}</a></mark>')
        facts = [document.facts[-1 - n] for n in covering if n < 0]
        if facts:
            label = "; ".join(f"{f.kind}: {f.value}" for f in facts)
            text = f'<span class="fact" title="{_e(label)}">{text}</span>'
        if in_heading > 0:
            text = f"<b>{text}</b>"
        parts.append(text)
    return f'<pre class="brief">{"".join(parts)}</pre>'


def _snippet(document: DocumentReport, finding: Finding, starts: list[int]) -> str:
    if not document.source:
        return ""
    loc = finding.location
    size = len(document.source)
    return document.source[_at(starts, loc.line, loc.column, size):
                           _at(starts, loc.end_line, loc.end_column, size)]


def _conflicts(document: DocumentReport, ids: list[str], names: dict[str, str],
               starts: list[int]) -> str:
    rows = [
        f'<tr><td><a href="#{ids[n]}">{_e(f.code)}</a></td>'
        f"<td>{_e(names.get(f.location.section or '', f.location.section or ''))}, "
        f"line {f.location.line}: <q>{_e(_snippet(document, f, starts))}</q></td>"
        f"<td>{'<br>'.join(_e(names.get(o.section or '', o.section or '')) + f', line {o.line}: <q>' + _e(o.text) + '</q>' for o in f.related)}</td></tr>"
        for n, f in enumerate(document.findings)
        if f.related
    ]
    if not rows:
        return '<p class="muted">No conflicts.</p>'
    return ("<table class=\"conflicts\"><tr><th>rule</th><th>this side</th><th>other side</th></tr>"
            + "".join(rows) + "</table>")


def _fact_matrix(document: DocumentReport, names: dict[str, str]) -> str:
    if not document.facts:
        return '<p class="muted">No facts found.</p>'
    conflicted = set()
    for f in document.findings:
        if f.category == "consistency" and f.related:
            conflicted.add((f.location.line, f.location.column))
            conflicted.update((o.line, o.column) for o in f.related)
    rows: dict[tuple[str, str], dict[str, list]] = {}
    for fact in document.facts:
        rows.setdefault((fact.kind, fact.value), {}).setdefault(fact.section, []).append(fact)
    columns = [s.id for s in document.sections]
    head = "".join(f"<th>{_e(names.get(c, c))}</th>" for c in columns)
    body = []
    for (kind, value), cells in sorted(rows.items()):
        row_conflict = any((f.line, f.column) in conflicted for fs in cells.values() for f in fs)
        tds = []
        for column in columns:
            facts = cells.get(column, [])
            bad = any((f.line, f.column) in conflicted for f in facts)
            text = "<br>".join(f"{_e(f.text)} <span class=\"muted\">l.{f.line}</span>" for f in facts)
            tds.append(f'<td class="{"conflict" if bad else ""}">{text}</td>')
        body.append(f'<tr class="{"conflict" if row_conflict else ""}">'
                    f"<th>{_e(kind)}: {_e(value)}</th>{''.join(tds)}</tr>")
    return (f'<table class="facts"><tr><th>fact</th>{head}</tr>{"".join(body)}</table>')


def _heat(value: float) -> str:
    alpha = max(0.0, min(1.0, value))
    return f"background:rgba(198,40,40,{alpha:.2f})"


#: The most sections shown as a grid (section x section) in the redundancy map; beyond, a
#: grid is wider than any screen and grows as the square of the brief (a 2.5 MB brief's
#: 2,664 sections made 7 million cells, 101 MB of its 135 MB report): a list then.
MAP_MAX_SECTIONS = 40


def _redundancy_map(document: DocumentReport, names: dict[str, str]) -> str:
    overlap = document.redundancy.overlap
    pairs = document.redundancy.pairs
    if not overlap and not pairs:
        return '<p class="muted">No repeated text between sections.</p>'
    ids = [s.id for s in document.sections]
    if len(ids) <= MAP_MAX_SECTIONS:
        table = _overlap_grid(ids, overlap, names)
    else:
        table = _overlap_list(ids, overlap, names)
    listed = "".join(
        f"<li>{_e(names.get(p.a.section, p.a.section))} line {p.a.line} ≈ "
        f"{_e(names.get(p.b.section, p.b.section))} line {p.b.line} (score {p.score:.2f})</li>"
        for p in pairs
    )
    return table + (f"<ul>{listed}</ul>" if listed else "")


def _overlap_grid(ids: list[str], overlap: dict[str, dict[str, float]],
                  names: dict[str, str]) -> str:
    head = "".join(f"<th>{_e(names.get(c, c))}</th>" for c in ids)
    body = []
    for later in ids:
        cells = []
        for earlier in ids:
            value = overlap.get(later, {}).get(earlier)
            cells.append(f'<td style="{_heat(value)}">{value:.0%}</td>' if value is not None
                         else "<td></td>")
        body.append(f"<tr><th>{_e(names.get(later, later))}</th>{''.join(cells)}</tr>")
    return (f'<table class="redundancy"><tr><th>share of ↓ repeated from →</th>{head}</tr>'
            f'{"".join(body)}</table>')


def _overlap_list(ids: list[str], overlap: dict[str, dict[str, float]],
                  names: dict[str, str]) -> str:
    """The grid's filled cells only, row by row: each section that repeats earlier ones."""
    rows = "".join(
        f"<tr><th>{_e(names.get(later, later))}</th><td>"
        + ", ".join(f'<span style="{_heat(value)}">{_e(names.get(earlier, earlier))} '
                    f"{value:.0%}</span>" for earlier, value in overlap[later].items())
        + "</td></tr>"
        for later in ids if overlap.get(later)
    )
    return (f'<p class="muted">{len(ids):,} sections: too many for a grid. Each section that '
            f"repeats earlier ones, with the share of its words repeated from each:</p>"
            f'<table class="redundancy"><tr><th>section</th><th>repeats</th></tr>{rows}</table>')


def _findings(document: DocumentReport, ids: list[str]) -> str:
    if not document.findings:
        return '<p class="muted">No findings.</p>'
    rows = "".join(
        f'<tr class="finding {f.severity.value}" id="{ids[n]}"><td class="sev {f.severity.value}">'
        f"{f.severity.value}</td><td>{_e(f.code)} {_e(f.name)}</td>"
        f"<td>{f.location.line}:{f.location.column}</td><td>{_e(f.message)}"
        + "".join(f"<br><span class=\"muted\">related: line {o.line}:{o.column} "
                  f"<q>{_e(o.text)}</q></span>" for o in f.related)
        + "</td></tr>"
        for n, f in enumerate(document.findings)
    )
    boxes = "".join(f'<label><input type="checkbox" value="{s.value}" checked> {s.value}</label>'
                    for s in Severity)
    return (f'<p class="filters">{boxes}</p><table class="findings"><tr><th>severity</th>'
            f"<th>rule</th><th>where</th><th>message</th></tr>{rows}</table>")


def _document(number: int, document: DocumentReport) -> str:
    ok, counts = _verdict(document)
    banner = (f'<p class="banner {"pass" if ok else "fail"}">{"PASS" if ok else "FAIL"} — '
              f"{_e(counts)}</p>")
    head = f'<section class="document" id="doc-{number}"><h2>{_e(document.path)}</h2>{banner}'
    if document.error:
        return head + "</section>"
    ids = [f"d{number}-f{n}" for n in range(len(document.findings))]
    names = {s.id: s.heading or s.id for s in document.sections}
    starts = _offsets(document.source or "")
    brief = _highlighted(document, ids, starts) if document.source else ""
    return (head
            + f"<h3>Brief</h3>{brief}"
            + f"<h3>Conflicts</h3>{_conflicts(document, ids, names, starts)}"
            + f"<h3>Fact matrix</h3>{_fact_matrix(document, names)}"
            + f"<h3>Redundancy map</h3>{_redundancy_map(document, names)}"
            + f"<h3>Findings</h3>{_findings(document, ids)}</section>")


def _index(report: RunReport) -> str:
    rows = []
    for number, document in enumerate(report.documents):
        ok, counts = _verdict(document)
        rows.append(f'<tr><td><a href="#doc-{number}">{_e(document.path)}</a></td>'
                    f'<td class="sev {"info" if ok else "error"}">{"pass" if ok else "fail"}</td>'
                    f"<td>{_e(counts)}</td></tr>")
    return ('<table class="index"><tr><th>document</th><th>verdict</th><th>findings</th></tr>'
            + "".join(rows) + "</table>")


def render(report: RunReport, *, color: bool = False) -> str:
    s = report.summary
    failed = s.failed or bool(s.unreadable)
    title = f"briefcheck report — {'failed' if failed else 'passed'}"
    summary = (f'<p class="banner {"fail" if failed else "pass"}" id="run-verdict">'
               f"{'FAIL' if failed else 'PASS'} — {s.documents} document(s): {s.error} error, "
               f"{s.warning} warning, {s.info} info"
               + (f", {s.unreadable} not checked" if s.unreadable else "") + "</p>")
    index = _index(report) if len(report.documents) > 1 else ""
    documents = "".join(_document(n, d) for n, d in enumerate(report.documents))
    return ("<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{_CSS}</style></head><body><h1>{_e(title)}</h1>"
            f"<p class=\"muted\">{_e(report.tool.name)} {_e(report.tool.version)}</p>"
            f"{summary}{index}{documents}<script>{_JS}</script></body></html>\n")

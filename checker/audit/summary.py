"""The audit's summary, from the counts of its partitions: `summary.json` (totals, rules,
worst documents, rule trends by month) and `summary.html`, the same for a reader (one
offline file, no JavaScript)."""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

from checker import __version__
from checker.audit.partition import worst
from checker.report import Severity

#: Worst documents shown in the summaries.
SHOWN_WORST = 10


def merge(partitions: list[dict[str, Any]]) -> dict[str, Any]:
    """The counts of the whole audit from its partitions' (any order)."""
    verdicts: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    rule_documents: Counter[str] = Counter()
    dated: Counter[str] = Counter()
    months: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    entries: list = []
    unreadable: list = []
    for part in partitions:
        verdicts.update(part["verdicts"])
        severities.update(part["severities"])
        rules.update(part["rules"])
        rule_documents.update(part["rule_documents"])
        dated.update(part["dated"])
        names.update(part["names"])
        for month, codes in part["months"].items():
            months.setdefault(month, Counter()).update(codes)
        entries = worst(entries + [tuple(w) for w in part["worst"]])
        unreadable = sorted(unreadable + [tuple(u) for u in part["unreadable"]])[:SHOWN_WORST]
    documents = sum(part["documents"] for part in partitions)
    return {
        "documents": documents,
        "verdicts": {v: verdicts[v] for v in ("pass", "fail", "error")},
        "findings": {s.value: severities[s.value] for s in Severity},
        "rules": [{"code": code, "name": names.get(code, ""), "findings": rules[code],
                   "documents": rule_documents[code]} for code in sorted(rules)],
        "worst": [{"id": w[3], "path": w[4], "error": w[0], "warning": w[1], "info": w[2]}
                  for w in entries[:SHOWN_WORST]],
        "unreadable": [{"id": u[0], "path": u[1], "error": u[2]} for u in unreadable],
        "trends": {month: {"documents": dated[month], "findings": dict(sorted(months[month].items()))}
                   for month in sorted(months)},
    }


def write(out: Path, summary: dict[str, Any]) -> None:
    (out / "summary.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "summary.html").write_text(render_html(summary), encoding="utf-8")


def summary_line(summary: dict[str, Any]) -> str:
    """One line for the terminal: documents, verdicts, findings, speed."""
    v, f = summary["verdicts"], summary["findings"]
    rate = summary["run"]["documents_per_second"]
    return (f"{summary['documents']} documents: {v['pass']} pass, {v['fail']} fail,"
            f" {v['error']} could not be checked; {f['error']} errors, {f['warning']} warnings,"
            f" {f['info']} infos" + (f" ({rate:.0f} documents/s)" if rate else ""))


_STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.bar{background:#c33;height:.8em;display:inline-block}
.error{color:#b00}.muted{color:#666}code{font-size:90%}"""


def render_html(summary: dict[str, Any]) -> str:
    """The summary as one HTML page: totals, counts per rule, worst documents, trends."""
    e = html.escape
    v, f, run = summary["verdicts"], summary["findings"], summary["run"]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>briefcheck audit of {e(run['source'])}</title><style>{_STYLE}</style></head><body>",
        f"<h1>briefcheck audit</h1><p>Source <code>{e(run['source'])}</code> ({e(run['kind'])}),"
        f" engine {e(run['engine'])}, briefcheck {e(run['version'])}.</p>",
        "<table><tr><th>documents</th><th>pass</th><th>fail</th><th>could not be checked</th>"
        "<th>errors</th><th>warnings</th><th>infos</th></tr>",
        f"<tr><td class=n>{summary['documents']}</td><td class=n>{v['pass']}</td>"
        f"<td class=n>{v['fail']}</td><td class=n>{v['error']}</td><td class=n>{f['error']}</td>"
        f"<td class=n>{f['warning']}</td><td class=n>{f['info']}</td></tr></table>",
        "<h2>Findings per rule</h2>",
    ]
    rules = sorted(summary["rules"], key=lambda r: (-r["findings"], r["code"]))
    if rules:
        top = max(r["findings"] for r in rules)
        parts.append("<table><tr><th>rule</th><th>name</th><th class=n>findings</th>"
                     "<th class=n>documents</th><th></th></tr>")
        for r in rules:
            width = max(1, round(200 * r["findings"] / top))
            parts.append(f"<tr><td><code>{e(r['code'])}</code></td><td>{e(r['name'])}</td>"
                         f"<td class=n>{r['findings']}</td><td class=n>{r['documents']}</td>"
                         f'<td><span class=bar style="width:{width}px"></span></td></tr>')
        parts.append("</table>")
    else:
        parts.append("<p>No findings.</p>")
    parts.append("<h2>Worst documents</h2>")
    if summary["worst"]:
        parts.append("<table><tr><th>id</th><th>path</th><th class=n>errors</th>"
                     "<th class=n>warnings</th><th class=n>infos</th></tr>")
        for w in summary["worst"]:
            parts.append(f"<tr><td>{e(w['id'])}</td><td><code>{e(w['path'])}</code></td>"
                         f"<td class=n>{w['error']}</td><td class=n>{w['warning']}</td>"
                         f"<td class=n>{w['info']}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>None: no document has a finding.</p>")
    if summary["unreadable"]:
        shown = len(summary["unreadable"])
        parts.append(f"<h2>Documents that could not be checked</h2><p>{v['error']} in all"
                     + (f"; the first {shown} by id" if shown < v["error"] else "") + ".</p>"
                     "<table><tr><th>id</th><th>path</th><th>why</th></tr>")
        for u in summary["unreadable"]:
            parts.append(f"<tr><td>{e(u['id'])}</td><td><code>{e(u['path'])}</code></td>"
                         f"<td class=error>{e(u['error'])}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>Rule trends by the brief's date</h2>")
    trends = summary["trends"]
    if trends:
        codes = [r["code"] for r in rules[:12]]
        parts.append("<p class=muted>Findings per 100 briefs of each month (the record's"
                     " date, else the first dated fact of the brief); the 12 most frequent"
                     " rules.</p><table><tr><th>month</th><th class=n>briefs</th>"
                     + "".join(f"<th class=n><code>{e(c)}</code></th>" for c in codes) + "</tr>")
        for month, row in trends.items():
            cells = "".join(
                f"<td class=n>{100 * row['findings'].get(c, 0) / row['documents']:.1f}</td>"
                for c in codes)
            parts.append(f"<tr><td>{e(month)}</td><td class=n>{row['documents']}</td>{cells}</tr>")
        parts.append("</table>")
    else:
        parts.append("<p>No brief has a known date.</p>")
    parts.append(f"<p class=muted>{run['partitions']} partitions ({run['resumed']} from an"
                 f" earlier run), {run['seconds']:.1f} s. Tables: <code>findings/</code>,"
                 " <code>documents/</code> (Parquet).</p></body></html>\n")
    return "\n".join(parts)


def finish(merged: dict[str, Any], run: dict[str, Any]) -> dict[str, Any]:
    """The summary: the merged counts with what the run was."""
    return {"tool": {"name": "briefcheck", "version": __version__}, **merged,
            "run": {"version": __version__, **run}}

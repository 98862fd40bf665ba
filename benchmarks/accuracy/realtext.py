"""Accuracy of the consistency rules (C2xx) on real news nobody on this project wrote.

The briefs come from `../shared/realtext/` (read-only development data; more of the same
sources is held back to judge the rules): real French and English articles made into briefs
that are consistent by construction, one-fact mutants of them, and model-written summaries
of real articles that people judged consistent or not (FRANK, SummEdits). This script builds
them once into `--data` (the shared generators, Python standard library only), checks every
brief in this process with the public API (`checker.check_path`, C2 rules only) and prints,
per source and language:

- **consistent briefs** (every sentence is the journalist's, so every C2xx error is false):
  the share with a C2xx error anywhere (`FE any`) and on a Key Points line (`FE KP`), the
  share with a consistency warning on a Key Points line (`warn KP`, C211 included) and with
  a C205 possible-conflict warning anywhere (`C205`);
- **one-fact mutants**, per fact kind: `recall` (a C2xx error on the mutated line, as its
  location or its related side), `typed` (with the kind's code), `located` (typed, and also
  pointing at a Summary or body line that states the original), `loc/det` (how many of
  the detected errors point at both ends) and `C205 only` (a C205 warning on the line, no
  error);
- **human-judged summaries** (Key Points = a model's summary, the rest = the article), per
  source and error type: `detect` (inconsistent briefs with a C2xx error on a Key Points
  line) and `false` (consistent ones with one).

The definitions are those of `../shared/realtext/score_mutants.py` and `score_external.py`,
which score the `briefcheck` command instead; the figures agree. Run:

    python benchmarks/accuracy/realtext.py [--data DIR] [--rebuild [--per-source 0]] [-v]
                                           [--only real|human]

`-v` lists every false error and every missed mutant, with the finding's message.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
KINDS = ("date", "place", "participant", "duration")
CODE_OF = {"date": "C201", "place": "C202", "participant": "C203", "duration": "C204"}
#: Error types of the human-judged data that a fact check can be expected to see: entity
#: (EntE, entity_modification) and circumstance (CircE: time, place, duration) errors.
FACT_TYPES = ("EntE", "CircE", "entity_modification")


def build(data: Path, shared: Path, per_source: int = 300) -> None:
    """Write the development briefs with the shared generators (about 20 s)."""
    realtext, external = shared / "realtext", shared / "external"
    subprocess.run([sys.executable, str(realtext / "make_realtext.py"), str(data / "real"),
                    "--orangesum", str(external / "orangesum_valid.jsonl"),
                    "--frank", str(external / "frank.jsonl"), "--per-source", str(per_source)],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(realtext / "make_external.py"), str(data / "human")],
                   check=True, stdout=subprocess.DEVNULL)


def _findings(path: str) -> list[dict]:
    from checker.config import Config
    from checker.run import check_file

    report = check_file(path, Config(select=("C2",)), evidence=False)
    if report.error:
        return [{"crash": report.error}]
    return [
        {"code": f.code, "severity": f.severity.value, "message": f.message,
         "lines": [(f.location.line, f.location.end_line or f.location.line)]
         + [(r.line, r.line) for r in f.related]}
        for f in report.findings if f.category == "consistency"
    ]


def check_all(paths: list[Path], jobs: int) -> dict[str, list[dict]]:
    with ProcessPoolExecutor(jobs) as pool:
        return dict(zip(map(str, paths), pool.map(_findings, map(str, paths), chunksize=16)))


def touches(finding: dict, lines) -> bool:
    return any(a <= x <= b for a, b in finding.get("lines", ()) for x in lines)


def is_error(f: dict) -> bool:
    return f.get("severity") == "error"


def bounded(s: str) -> re.Pattern:
    """A value as a whole word; after an elided article or preposition too (« d'Emmanuel
    Macron », « l'Italie », « qu'Alexandre »), not inside a word (« aujourd'hui »)."""
    return re.compile(r"(?:(?<![\w'’-])|(?<=\b[dlDL]['’])|(?<=\b[qQ]u['’]))"
                      + re.escape(s) + r"(?![\w-])")


def rate(a: int, n: int) -> str:
    return f"{a / n:.2f}" if n else "n/a"


def score_real(root: Path, found: dict[str, list[dict]], verbose: bool) -> dict:
    entries = json.loads((root / "expected.json").read_text(encoding="utf-8"))["files"]
    lang = {"orangesum_fr": "fr", "wikinews_fr": "fr", "frank_articles_en": "en"}
    consistent: dict[str, Counter] = defaultdict(Counter)
    mutants: dict[tuple[str, str], Counter] = defaultdict(Counter)
    codes: Counter = Counter()
    for e in sorted(entries, key=lambda e: e["file"]):
        fs = found[str(root / e["file"])]
        src = e["source"]
        kp = set(e.get("key_points_lines") or [])
        if any("crash" in f for f in fs):
            consistent[src]["crash"] += 1
            print(f"crash {e['file']}: {fs[0]['crash']}")
            continue
        errors = [f for f in fs if is_error(f)]
        if e["label"] == "consistent":
            c = consistent[src]
            c["n"] += 1
            c["fe_any"] += bool(errors)
            kp_errors = [f for f in errors if touches(f, kp)]
            c["fe_kp"] += bool(kp_errors)
            c["warn_kp"] += any(touches(f, kp) for f in fs if not is_error(f))
            c["c205"] += any(f["code"] == "C205" for f in fs)
            for f in errors:
                codes[f["code"]] += 1
                if verbose:
                    print(f"false error {e['file']}: {f['code']} {f['message']}")
            continue
        kind = e["fact_kind"]
        line = e["error_lines"][0]
        lines = (root / e["file"]).read_text(encoding="utf-8").split("\n")
        pat = bounded(e["original"])
        fact_lines = {i for i, x in enumerate(lines, 1) if i > max(kp) and pat.search(x)}
        on = [f for f in errors if touches(f, [line])]
        warned = any(f["code"] == "C205" and touches(f, [line]) for f in fs)
        typed = [f for f in on if f["code"] == CODE_OF[kind]]
        located = [f for f in typed if touches(f, fact_lines)]
        for key in ((src, kind), (src, "all kinds"), ("all", kind), ("all", "all kinds")):
            m = mutants[key]
            m["n"] += 1
            m["recall"] += bool(on)
            m["typed"] += bool(typed)
            m["located"] += bool(located)
            m["warned"] += bool(warned and not on)
            m[e.get("evidence", "")] += 1
            m[e.get("evidence", "") + " hit"] += bool(typed)
        if verbose and not typed:
            print(f"missed {kind} {e['file']} ({e.get('evidence')}): {e['original']!r} -> "
                  f"{e['replacement']!r}; on the line: "
                  + ("; ".join(f"{f['code']} {f['message']}" for f in on) or "nothing"))
    print("Consistent-by-construction briefs (every C2xx error is false)")
    print(f"  {'source':<18} {'lang':<4} {'n':>5} {'FE any':>7} {'FE KP':>7} {'warn KP':>8} "
          f"{'C205':>6}")
    for src, c in sorted(consistent.items()):
        print(f"  {src:<18} {lang.get(src, '?'):<4} {c['n']:>5} {rate(c['fe_any'], c['n']):>7} "
              f"{rate(c['fe_kp'], c['n']):>7} {rate(c['warn_kp'], c['n']):>8} "
              f"{rate(c['c205'], c['n']):>6}   ({c['fe_any']} with a false error)"
              + (f"   crashes {c['crash']}" if c["crash"] else ""))
    print(f"  codes of the false errors: {dict(sorted(codes.items())) or 'none'}")
    print()
    print("One-fact mutants (an error on the mutated Key Point)")
    print(f"  {'source':<18} {'kind':<12} {'n':>4} {'recall':>7} {'typed':>6} {'located':>8} "
          f"{'loc/det':>8} {'C205 only':>9} {'same-sentence':>14} {'same-string':>12}")
    for (src, kind), m in sorted(mutants.items(), key=lambda kv: (kv[0][0] == "all", kv[0])):
        print(f"  {src:<18} {kind:<12} {m['n']:>4} {rate(m['recall'], m['n']):>7} "
              f"{rate(m['typed'], m['n']):>6} {rate(m['located'], m['n']):>8} "
              f"{rate(m['located'], m['typed']):>8} {rate(m['warned'], m['n']):>9} "
              f"{m['same-sentence hit']:>5}/{m['same-sentence']:<8} "
              f"{m['same-string hit']:>4}/{m['same-string']:<7}")
    print()
    return {"consistent": consistent, "mutants": mutants}


def score_human(root: Path, found: dict[str, list[dict]], verbose: bool) -> dict:
    entries = json.loads((root / "expected.json").read_text(encoding="utf-8"))["files"]
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in sorted(entries, key=lambda e: e["file"]):
        fs = found[str(root / e["file"])]
        kp = set(e.get("key_points_lines") or [])
        hit = any(is_error(f) and touches(f, kp) for f in fs if "crash" not in f)
        src = e["source"]
        if e["label"] == "consistent":
            for key in ((src, "consistent"), ("all", "consistent")):
                table[key]["n"] += 1
                table[key]["hit"] += hit
            if verbose and hit:
                for f in fs:
                    if is_error(f) and touches(f, kp):
                        print(f"false error {e['file']}: {f['code']} {f['message']}")
            continue
        types = e.get("error_types") or ["(no type)"]
        fact = any(t in FACT_TYPES for t in types)
        for t in [*types, "any type"] + (["entity/circumstance"] if fact else []):
            for key in ((src, t), ("all", t)):
                table[key]["n"] += 1
                table[key]["hit"] += hit
    print("Human-judged summaries (a C2xx error on a Key Points line)")
    print(f"  {'source':<16} {'judged':<28} {'n':>5} {'rate':>6}")
    for (src, t), c in sorted(table.items(), key=lambda kv: (kv[0][0] == "all", kv[0][0],
                                                             kv[0][1] != "consistent", kv[0][1])):
        what = "false (consistent)" if t == "consistent" else f"detect {t}"
        print(f"  {src:<16} {what:<28} {c['n']:>5} {rate(c['hit'], c['n']):>6}")
    print()
    return {"human": table}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=Path("/tmp/briefcheck-realtext"))
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder")
    ap.add_argument("--rebuild", action="store_true", help="write the briefs again")
    ap.add_argument("--per-source", type=int, default=300,
                    help="consistent briefs and mutants per source when the briefs are written "
                         "(0: every usable article of the development data: 1,416 French and "
                         "147 English consistent briefs, 1,141 mutants) [default: 300]")
    ap.add_argument("--only", choices=("real", "human"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.rebuild or not (args.data / "human" / "expected.json").is_file():
        if not (args.shared / "realtext").is_dir():
            print(f"realtext: no {args.shared / 'realtext'}: pass --shared", file=sys.stderr)
            return 2
        build(args.data, args.shared, args.per_source)
    parts = ["real", "human"] if args.only is None else [args.only]
    for part in parts:
        root = args.data / part
        entries = json.loads((root / "expected.json").read_text(encoding="utf-8"))["files"]
        found = check_all([root / e["file"] for e in entries], args.jobs)
        (score_real if part == "real" else score_human)(root, found, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the CPU time of checking a brief goes, stage by stage, in ms per brief.

    python benchmarks/stages.py [--runs 5] [--corpus benchmarks/out/batch]
                                [--tree PATH --tree PATH ...]

To know which stage to work on, and what a change saved there. Each run is a fresh process
that checks each of the 1,000 generated briefs (`benchmarks/corpus.py`; written here if
missing) stage by stage, with the cyclic garbage collector off as the command has it, after
a warm-up pass over the first 50 (imports, memo caches). Each stage is timed with
`time.process_time` summed over all briefs: CPU time of that process, not wall time, so
another busy process on the machine inflates it less. Stages: read, load, the analysis's
cached properties (schema, facts, statements, repetition), the rules by code prefix (the
cached properties already computed, so a rule's time is its own), findings (suppressions,
configured severities, sort), and evidence (sections, facts and repeated sentences of the
report, and the report itself).

The stages mirror `_check_source` in checker/run.py with the default Config() and
evidence=True, as `check_source` runs it: when the pipeline changes, change `_check` here.
The warm-up pass compares the reports built here with `check_source`'s and says so if they
differ.

`--tree PATH` (repeatable) measures another checkout of briefcheck, imported with
PYTHONPATH=PATH; by default the checkout this script is in. With two trees or more, runs
alternate tree by tree (A, B, A, B, ...), so that the machine's drift (about 10% over
minutes here) hits all alike; the table then shows the change of the last over the first.
Prints medians of `--runs` processes per tree (total: the median of each run's sum). Each
tree's modules are compiled to bytecode first, as in run.py.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "out" / "batch"
WARM_UP = 50
STAGES = ("read", "load", "schema", "facts", "conflicts", "repetition",
          "S1xx", "C2xx", "R3xx", "findings", "evidence")


#: Stage -> the cached property of checker.analysis.Analysis it computes, in pipeline order.
_PROPERTIES = (("schema", "schema_violations"), ("facts", "facts"),
               ("conflicts", "conflicts"), ("repetition", "redundancy"))


def _check(path: str, config, rules, groups, times: dict[str, float]):
    """One brief through the pipeline of checker/run.py (`check_file`, then `_check_source`
    with evidence=True), each stage's CPU seconds added to `times`; its report."""
    from checker.analysis import Analysis
    from checker.loaders import load
    from checker.report import DocumentReport, SectionInfo
    from checker.run import (_fact_infos, _redundancy, _suppressed, _with_config_severity,
                             read_path)

    clock = time.process_time
    t0 = clock()
    source, encoding = read_path(path)
    t1 = clock()
    times["read"] += t1 - t0
    brief = load(source, path, None, config.lang)
    t0 = clock()
    times["load"] += t0 - t1
    analysis = Analysis(brief, config, encoding)
    for stage, computed in _PROPERTIES:  # each cached property, computed here once
        getattr(analysis, computed)
        t1 = clock()
        times[stage] += t1 - t0
        t0 = t1
    findings = []
    for group, members in groups:
        findings.extend(finding for rule in members for finding in rule.check(analysis))
        t1 = clock()
        times[group] += t1 - t0
        t0 = t1
    findings = _suppressed(findings, source, brief.format, rules)
    findings = [_with_config_severity(finding, config) for finding in findings]
    findings.sort(key=lambda f: (f.location.line, f.location.column, f.code, f.message))
    t1 = clock()
    times["findings"] += t1 - t0
    report = DocumentReport(
        path=path,
        lang=brief.lang,
        format=brief.format,
        sections=tuple(
            SectionInfo(id=s.id, kind=s.kind.value, heading=s.heading,
                        line=(s.heading_span or s.span).line)
            for s in brief.sections
        ),
        facts=_fact_infos(analysis, rules),
        findings=tuple(findings),
        redundancy=_redundancy(analysis, rules),
        source=source,
        families=tuple(sorted({rule.category for rule in rules})),
    ).capped().unchecked_past(brief.unchecked_from)
    times["evidence"] += clock() - t1
    return report


def worker(corpus: Path) -> None:
    """One measurement, in this process: prints ms per brief of each stage as JSON."""
    import gc

    gc.disable()
    import checker
    from checker.config import Config
    from checker.discovery import briefs_in
    from checker.run import _active_rules, check_source, read_path

    config = Config()
    rules = _active_rules(config.select, config.ignore)
    by_prefix: dict[str, list] = {}
    for rule in rules:
        by_prefix.setdefault(rule.code[:2] + "xx", []).append(rule)
    groups = [(group, by_prefix.pop(group, [])) for group in STAGES if group.endswith("xx")]
    if by_prefix:
        sys.exit(f"rules of no stage: {', '.join(by_prefix)}: add them to STAGES")
    paths = briefs_in(str(corpus))
    differ = 0
    for path in paths[:WARM_UP]:
        report = _check(path, config, rules, groups, dict.fromkeys(STAGES, 0.0))
        source, encoding = read_path(path)
        differ += report != check_source(source, path, None, config, encoding)
    times = dict.fromkeys(STAGES, 0.0)
    for path in paths:
        _check(path, config, rules, groups, times)
    print(json.dumps({
        "checker": checker.__file__,
        "briefs": len(paths),
        "differ": differ,
        "ms": {stage: seconds * 1000 / len(paths) for stage, seconds in times.items()},
    }))


def label(tree: Path) -> str:
    """The tree's short commit, with "+" if it has changes not committed; else its path."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(tree), *args], capture_output=True,
                              text=True, check=True).stdout.strip()
    try:
        return git("rev-parse", "--short", "HEAD") + ("+" if git("status", "--porcelain") else "")
    except (OSError, subprocess.CalledProcessError):
        return str(tree)


def measure(tree: Path, corpus: Path, cwd: str) -> dict:
    """One fresh process checking the corpus with the briefcheck of `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", "--corpus", str(corpus)],
        capture_output=True, text=True, env=env, cwd=cwd,
    )
    if out.returncode:
        sys.exit(f"worker for {tree} failed:\n{out.stderr}")
    result = json.loads(out.stdout)
    if not Path(result["checker"]).resolve().is_relative_to(tree):
        sys.exit(f"worker for {tree} imported {result['checker']} (an installed briefcheck "
                 "first on the path?)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per tree")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of briefs [default: benchmarks/out/batch]")
    parser.add_argument("--tree", type=Path, action="append",
                        help="a checkout of briefcheck to measure (repeatable) "
                             "[default: this script's]")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.corpus)
        return

    corpus = args.corpus.resolve()
    if corpus == CORPUS and (not corpus.is_dir() or len(list(corpus.iterdir())) != 1000):
        sys.path.insert(0, str(HERE))
        from corpus import write_batch

        print(f"writing the 1,000 briefs into {corpus}", file=sys.stderr)
        write_batch(corpus, 1000)
    elif not corpus.is_dir():
        sys.exit(f"{corpus}: no such folder; `python benchmarks/corpus.py OUTDIR` writes "
                 "1,000 briefs into OUTDIR/batch")
    trees = [tree.resolve() for tree in args.tree or [HERE.parent]]
    labels = [label(tree) for tree in trees]
    if len(set(labels)) < len(labels):
        labels = [f"{name} ({tree})" for name, tree in zip(labels, trees)]
    for tree in trees:
        if not (tree / "checker" / "run.py").is_file():
            sys.exit(f"{tree}: not a checkout of briefcheck (no checker/run.py)")
        compileall.compile_dir(tree / "checker", quiet=1)

    load_before = os.getloadavg()[0]
    results: list[list[dict]] = [[] for _ in trees]
    with tempfile.TemporaryDirectory() as cwd:  # outside any checkout
        for _ in range(args.runs):
            for n, tree in enumerate(trees):
                results[n].append(measure(tree, corpus, cwd))
    load_after = os.getloadavg()[0]

    columns = []
    for runs in results:
        column = {stage: statistics.median(r["ms"][stage] for r in runs) for stage in STAGES}
        column["total"] = statistics.median(sum(r["ms"].values()) for r in runs)
        columns.append(column)
    briefs = results[0][0]["briefs"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; {briefs:,} briefs ({corpus}); runs per tree: {args.runs}, "
          f"medians of CPU ms per brief; load average before {load_before:.2f}, after "
          f"{load_after:.2f} (1 minute)")
    change = len(trees) > 1
    print("| stage | " + " | ".join(labels) + " |" + (" change |" if change else ""))
    print("|---|" + "---:|" * (len(trees) + change))
    for stage in (*STAGES, "total"):
        cells = [f"{column[stage]:.3f}" for column in columns]
        if change:
            first, last = columns[0][stage], columns[-1][stage]
            cells.append(f"{(last - first) / first * 100:+.1f}%" if first else "")
        print(f"| {stage} | " + " | ".join(cells) + " |")
    for name, runs in zip(labels, results):
        if differ := max(r["differ"] for r in runs):
            print(f"\n{name}: {differ} of the first {WARM_UP} reports differ from "
                  "check_source's: update `_check` in this script to the pipeline")


if __name__ == "__main__":
    main()

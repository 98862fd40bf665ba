"""Fuzz target: bytes through the real read, load, check and render path, every format.

Why: a publication gate is only trusted if no input makes it fall over. The only accepted
outcomes for one input are a report, or a `DocumentError` (the read stage's one-line
refusal) / a document `error` from the loader. Anything else — an exception escaping, an
"internal error" caught by the run's guard, a finding outside the document, JSON output
that does not parse — is a crash.

Two engines, same target (`check_one`):

    # coverage-guided, stops at the first crash unless told otherwise (libFuzzer flags)
    python benchmarks/fuzz/fuzz_check.py --atheris -max_total_time=600
    # mutation loop from the samples; records every crash and keeps going
    python benchmarks/fuzz/fuzz_check.py --seconds 600 [--seed 1]

The first byte of an input picks the format (text, markdown, html, json); the rest is the
file's bytes. `check_setup` (issue 18) fuzzes what a pull request controls besides briefs:
its first byte picks a config (TOML), a schema (JSON) or a file name, and the seed brief is
checked under it; the accepted outcomes are a ConfigError or SchemaError (the run's one-line
refusal) or reports that render, in every format, as valid UTF-8 (JSON that parses). The
mutation loop alternates the two targets. Crashing inputs are written to benchmarks/fuzz/crashes/, the atheris seed
corpus (the samples) to benchmarks/fuzz/corpus/ (neither is committed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checker.formats import render  # noqa: E402
from checker.loaders import FORMATS  # noqa: E402
from checker.report import RunReport  # noqa: E402
from checker.run import DocumentError, check_source, decode  # noqa: E402

CRASH_DIR = Path(__file__).parent / "crashes"
TOKENS = [b"\r\n", b"\r", b"\x00", b"\xff", b"\xe9", b"\xef\xbb\xbf", b"\n## ", b"\n# ",
          b"\n- ", b"\n* ", b"<h2>", b"</p>", b"<p>", b"<li>", b"<!DOCTYPE x [<!ENTITY a \"b\">]>",
          b"&a;", b"&amp;", b"<!--", b"-->", b"{", b"}", b"[", b"]", b"\"", b":", b",",
          b"\"sections\"", b"\"heading\"", b"\"paragraphs\"", b"\"bullets\"", b"\xc2\xab ", b" \xc2\xbb",
          b"Key Points", b"Summary", b"Conclusion", b"Points Cl\xc3\xa9s", b"le 6 janvier",
          b"6 January 2026", b"quatre ans", b"4 years", b"Paris", b"Volodymyr Zelensky", b"M. ",
          b"...", b" " * 50, b"." * 50, b"A" * 40, b"9" * 30, b"\t", b"\u2028".decode("unicode_escape").encode(),
          b"<!-- briefcheck: ignore C201 -->", b"[briefcheck: ignore S1]", b"{0}", b"%s", b"\x1b[31m"]


class Crash(Exception):
    """The checker did something it must never do on this input."""


def check_one(data: bytes) -> None:
    """Run one input; raise Crash (or let an unexpected exception through) on misbehaviour."""
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    try:
        text = decode(data[1:])
    except DocumentError:
        return
    report = check_source(text, f"fuzz.{fmt}", fmt)
    if report.error and report.error.startswith("internal error"):
        raise Crash(report.error)
    lines = text.split("\n")
    for finding in report.findings:
        loc = finding.location
        if not (1 <= loc.line <= loc.end_line <= len(lines) and loc.column >= 1):
            raise Crash(f"{finding.code} location outside the document: {loc}")
    run = RunReport.build([report])
    json.loads(render("json", run))
    render("text", run)
    render("html", run)


SETUP_KINDS = ("config", "schema", "name")
CONFIG_SEEDS = [
    b'select = ["ALL"]\nignore = ["S112"]\nfail_on = "error"\nlang = "auto"\n',
    b'[severity]\nC211 = "error"\nS190 = "warning"\n',
    b'[redundancy]\nverbatim = 0.9\nparaphrase = 0.65\nexpected = { summary = ["key_points"] }\n',
    b'schema = "schema.json"\n', b'[tool.briefcheck]\nselect = ["C2"]\n', b"tool = 1\n",
]
SETUP_TOKENS = [b"[", b"]", b"{", b"}", b'"', b"=", b",", b"\n", b"select", b"ignore",
                b"severity", b"ALL", b"S1", b"C201", b"S9", b"$ref", b"#/$defs/a", b"pattern",
                b"^(a+)+$", b"(?=a)", b"x-messages", b"{value:99}", b"{label}", b"allOf",
                b"http://127.0.0.1:9/x", b"file:///etc/hostname", b"\xe9", b"\x00", b"/",
                b"\\", b"." * 3, b"a" * 300]


def _setup_seeds() -> list[bytes]:
    schema = (ROOT / "schemas" / "brief.schema.json").read_bytes()
    return ([bytes([0]) + seed for seed in CONFIG_SEEDS] + [bytes([1]) + schema]
            + [bytes([2]) + name for name in (b"brief.txt", b"caf\xe9.md", b"a b.html",
                                              b"x" * 250 + b".json", b"\\x41.txt")])


def check_setup(data: bytes) -> None:
    """One config, schema or file name from a pull request, with the seed brief under it."""
    import os
    import shutil
    import tempfile

    from checker import schema as schema_module
    from checker.batch import check_batch, expand
    from checker.config import ConfigError, ConfigResolver
    from checker.schema import SchemaError, load_schema

    if not data:
        return
    kind = SETUP_KINDS[data[0] % len(SETUP_KINDS)]
    body = data[1:]
    seed = (ROOT / "samples" / "paris-summit.fr.txt").read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        brief = os.path.join(folder, "brief.txt")
        if kind == "name":
            name = body.replace(b"/", b"_").replace(b"\x00", b"_")[:250] or b"_"
            if name in (b".", b".."):
                return
            brief = os.path.join(os.fsencode(folder), name)
        elif kind == "config":
            Path(folder, ".briefcheck.toml").write_bytes(body)
        else:
            Path(folder, ".briefcheck.toml").write_text('schema = "schema.json"\n')
            Path(folder, "schema.json").write_bytes(body)
        Path(os.fsdecode(brief)).write_bytes(seed)
        try:
            resolver = ConfigResolver(None)
            items = expand([os.fsdecode(folder)])
            for item in items:
                if isinstance(item, str):
                    load_schema(resolver(item).schema_path)
            documents = check_batch(items, resolver, jobs=1)
        except (ConfigError, SchemaError):
            return
        finally:
            schema_module._schema.cache_clear()
            schema_module._validator.cache_clear()
            schema_module._quick_validator.cache_clear()
            schema_module._resolved.cache_clear()
            shutil.rmtree(folder, ignore_errors=True)
    for document in documents:
        if document.error and document.error.startswith("internal error"):
            raise Crash(document.error)
    run = RunReport.build(documents)
    for fmt in ("json", "text", "html", "sarif", "junit", "github"):
        out = render(fmt, run)
        text = out if isinstance(out, str) else out.decode("utf-8")
        text.encode("utf-8")  # strict: a lone surrogate (a name not UTF-8) is a crash
        if fmt in ("json", "sarif"):
            json.loads(text)


def _seeds() -> list[bytes]:
    files = sorted(p for d in ("samples", "tests/hostile") for p in (ROOT / d).rglob("*")
                   if p.is_file() and p.stat().st_size < 100_000)
    seeds = []
    for path in files:
        raw = path.read_bytes()
        fmt = {".md": 1, ".html": 2, ".json": 3}.get(path.suffix, 0)
        seeds.append(bytes([fmt]) + raw)
    return seeds or [b"\x00Key Points\n- a b c d e.\n"]


def mutate(data: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    """A few random edits: byte flips, token insertions, deletions, splices, format switch."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(TOKENS) * rng.choice((1, 1, 1, 3, 200))
        elif op == 2 and buf:
            del buf[pos:pos + rng.randint(1, 200)]
        elif op == 3:
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            buf[pos:pos] = other[start:start + rng.randint(1, 500)]
        elif op == 4 and buf:
            buf[0] = rng.randrange(len(FORMATS))
        elif op == 5 and len(buf) > 2:
            cut = rng.randint(1, len(buf))
            buf = buf[:cut]
    return bytes(buf)


def mutate_setup(data: bytes, rng: random.Random) -> bytes:
    """A few edits of a config, schema or name: flips, tokens, deletions, repeats."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(4)
        pos = rng.randint(1, max(1, len(buf)))
        if op == 0 and len(buf) > 1:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(SETUP_TOKENS) * rng.choice((1, 1, 2, 50))
        elif op == 2 and len(buf) > 1:
            del buf[pos:pos + rng.randint(1, 50)]
        else:
            buf[pos:pos] = bytes(buf[pos:pos + rng.randint(1, 100)])
    return bytes(buf)


def loop(seconds: float, seed: int) -> int:
    """Mutation loop: every crash is saved and counted, and the loop goes on. Briefs and
    setups (configs, schemas, file names) alternate."""
    rng = random.Random(seed)
    seeds = _seeds()
    setup_seeds = _setup_seeds()
    runs = crashes = 0
    counts = {"brief": 0, **{kind: 0 for kind in SETUP_KINDS}}
    kinds: dict[str, int] = {}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        setup = runs % 2 == 1
        if setup:
            kind = rng.randrange(len(SETUP_KINDS))  # each kind as often, whatever its seeds
            data = mutate_setup(rng.choice([s for s in setup_seeds if s[0] == kind]), rng)
            counts[SETUP_KINDS[data[0] % len(SETUP_KINDS)]] += 1 if data else 0
        else:
            data = mutate(rng.choice(seeds), rng, seeds)
            counts["brief"] += 1
        runs += 1
        try:
            (check_setup if setup else check_one)(data)
        except Exception as exc:  # noqa: BLE001 - a fuzzer records every failure
            crashes += 1
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{type(exc).__name__} at {tb[-1].filename.split('/')[-1]}:{tb[-1].lineno}" if tb else type(exc).__name__
            if where not in kinds:
                CRASH_DIR.mkdir(exist_ok=True)
                prefix = "setup-" if setup else ""
                name = CRASH_DIR / f"{prefix}crash-{hashlib.sha1(data).hexdigest()[:12]}"
                name.write_bytes(data)
                print(f"CRASH {where}: {str(exc)[:200]} -> {name}", flush=True)
                traceback.print_exc()
            kinds[where] = kinds.get(where, 0) + 1
        if runs % 1000 == 0:
            print(f"runs={runs} crashes={crashes} distinct={len(kinds)}", flush=True)
    print(f"DONE runs={runs} crashes={crashes} distinct={len(kinds)} seconds={seconds:.0f}")
    print("  inputs: " + ", ".join(f"{kind} {count}" for kind, count in counts.items()))
    for where, count in sorted(kinds.items()):
        print(f"  {count:6d}  {where}")
    return 1 if crashes else 0


def main() -> int:
    if "--atheris" in sys.argv:
        import atheris

        argv = [a for a in sys.argv if a != "--atheris"]
        corpus = Path(__file__).parent / "corpus"
        if not any(a for a in argv[1:] if not a.startswith("-")):
            corpus.mkdir(exist_ok=True)
            for data in _seeds():
                (corpus / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
            argv.append(str(corpus))
        atheris.instrument_all()
        atheris.Setup(argv, check_one)
        atheris.Fuzz()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    return loop(args.seconds, args.seed)


if __name__ == "__main__":
    sys.exit(main())

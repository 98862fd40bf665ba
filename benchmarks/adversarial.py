"""Adversarial lines against the regular expressions: seconds to check each one.

Why: a regex that backtracks catastrophically turns one hostile line into a hung gate.
Every case is one long line (of spaces, dots, capitals, digits, "a." repeats, French
quotes, unclosed tags and strings, words without a full stop) placed in a brief, checked
through `check_text` in the formats where the line means something. Times should grow
linearly with the size:

    python benchmarks/adversarial.py            # 1 MB lines
    python benchmarks/adversarial.py --kb 100   # smaller, to compare growth

The size cases of issue 18 (documents up to the 10 MB limit, a batch of 20,000 files) run
the `briefcheck` command in a process of its own each, and print its seconds, peak
resident memory (`resource`: the child's own) and report size:

    python benchmarks/adversarial.py --sizes                 # every size case
    python benchmarks/adversarial.py --sizes --only headings
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker import check_text  # noqa: E402

HEAD = "Key Points\n- Leaders meet in Paris on January 6 for talks.\nSummary\n"


def _run_on(size: int) -> str:
    """Words without a full stop (a pasted transcript), a capitalised one in five: names to
    the fact extractors, all in what would be one sentence."""
    rng = random.Random(5)
    syllables = ["ba", "ko", "ri", "ten", "mar", "lo", "vi", "sen", "tra", "pol", "der", "mi"]
    words: list[str] = []
    length = 0
    while length < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
        words.append(word.capitalize() if rng.random() < 0.2 else word)
        length += len(word) + 1
    return " ".join(words)


def cases(size: int) -> dict[str, tuple[str, str]]:
    """name -> (format, document) with an adversarial line of about `size` characters."""
    def line(unit: str) -> str:
        return unit * (size // len(unit))

    text = {
        "spaces": line(" ") + "x",
        "dots": line("."),
        "dots-spaced": line(". "),
        "capitals": line("A"),
        "capital-words": line("Aa "),
        "digits": line("9"),
        "digit-words": line("1 "),
        "a-dot": line("a."),
        "guillemets": line("« "),
        "hyphens": line("a-"),
        "apostrophes": line("l'"),
        "bullets": line("- "),
        "hashes": line("#"),
        "exclaims-quotes": line("!”"),
        "number-words": line("deux "),
        "directive": "<!-- briefcheck: ignore " + line("S1 ,"),
        "run-on": _run_on(size),
    }
    result = {f"text:{name}": ("text", HEAD + body + "\n") for name, body in text.items()}
    result["markdown:hashes"] = ("markdown", "## " + line("#") + "\n")
    result["markdown:emphasis"] = ("markdown", "## Summary\n" + line("*_") + "\n")
    result["html:open-tags"] = ("html", "<p>" + line("<a "))
    result["html:quotes"] = ("html", "<p>" + line("<a x='"))
    result["html:comments"] = ("html", "<p>" + line("<!--"))
    result["json:string"] = ("json", '{"title": "' + line("a") + '"}')
    result["json:escapes"] = ("json", '{"title": "' + line("\\\"") + '"}')
    result["json:unclosed"] = ("json", '{"title": "' + line("a"))
    return result


MB = 1024 * 1024
LIMIT = 10 * MB - 4096  # under the 10 MB limit, with room for a heading


def _fill(unit: str, size: int, head: str = "") -> str:
    return head + unit * ((size - len(head)) // len(unit))


def _dated(size: int) -> str:
    """Sentences stating a date, two sections each saying the other day: a conflict each."""
    days = ["le 6 janvier", "le 7 janvier"]
    parts, length, n = [], 0, 0
    while length < size:
        part = f"## Section {n}\n\nLe sommet de Paris a lieu {days[n % 2]}.\n\n"
        parts.append(part)
        length += len(part)
        n += 1
    return "## Points Clés\n\n- Le sommet de Paris a lieu le 6 janvier.\n\n" + "".join(parts)


def size_cases() -> dict[str, tuple[str, Callable[[], str | None], list[str]]]:
    """name -> (file name, what writes its content (None: a batch, written by
    `_write_case`), options). Contents are made one case at a time: made all at once, the
    benchmark process held 170 MB of them, and each child's peak counted its forked image."""
    json_escapes = json.dumps({"sections": [{"kind": "summary", "heading": "Summary"}]})[:-3]
    cases = {
        "repeated-sentence-10mb": ("r.txt", lambda: _fill("In Paris.\n", LIMIT, "Key Points\n"), []),
        "conflicts-10mb": ("c.md", lambda: _dated(LIMIT), []),
        "headings-2mb": ("h.md", lambda: _fill("## H\n", 2 * MB), []),
        "headings-10mb": ("h.md", lambda: _fill("## H\n", LIMIT), []),
        "headings-10mb-sarif": ("h.md", lambda: _fill("## H\n", LIMIT), ["--format", "sarif"]),
        "headings-10mb-junit": ("h.md", lambda: _fill("## H\n", LIMIT), ["--format", "junit"]),
        "headings-10mb-github": ("h.md", lambda: _fill("## H\n", LIMIT), ["--format", "github"]),
        "headings-10mb-json": ("h.md", lambda: _fill("## H\n", LIMIT), ["--format", "json"]),
        "matrix-0.5mb-html": ("m.md", lambda: "".join(
            f"## S{i}\n\nLe {1 + i % 28} janvier {1900 + i}.\n\n" for i in range(9_600)),
            ["--format", "html"]),
        "directive-lines-10mb": ("d.md", lambda: _fill("<!-- briefcheck: ignore C211 -->\n", LIMIT), []),
        "directive-open-10mb": ("d.md", lambda: _fill(" ", LIMIT, "<!-- briefcheck: ignore C"), []),
        "entities-md-10mb": ("e.md", lambda: _fill("&#65;bc def. ", LIMIT, "## Summary\n\n"), []),
        "entities-html-10mb": ("e.html", lambda: _fill("&#65;bc def. ", LIMIT, "<h2>Summary</h2><p>"), []),
        "escapes-json-10mb": ("e.json", lambda: json_escapes + ', "paragraphs": ["' + _fill(
            "\\u0041bc def. ", LIMIT - 200) + '"]}]}', []),
        "doctype-10mb": ("d.html", lambda: _fill("<!DOCTYPE [", LIMIT, "<h2>Summary</h2><p>Text.</p>"), []),
        "batch-20000-json": ("batch", None, ["--format", "json"]),
        "batch-20000-html": ("batch", None, ["--format", "html"]),
    }
    return cases


def _write_case(folder: Path, name: str, make: Callable[[], str] | None) -> Path:
    if make is not None:
        content = make()
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return path
    batch = folder / "batch"
    batch.mkdir(exist_ok=True)
    seed = (Path(__file__).resolve().parents[1] / "samples" / "paris-summit.fr.txt").read_text()
    for i in range(20_000):
        (batch / f"b{i:05d}.txt").write_text(seed, encoding="utf-8")
    return batch


def run_sizes(only: str | None, timeout: float, skip: str | None = None) -> int:
    """Each size case through the command in a child: seconds, peak memory, report size."""
    import os
    import subprocess
    import tempfile

    root = Path(__file__).resolve().parents[1]
    print("| case | input MB | exit | seconds | peak MB | report MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (file_name, content, options) in size_cases().items():
        if (only and only not in name) or (skip and any(part in name for part in skip.split(","))):
            continue
        with tempfile.TemporaryDirectory() as folder:
            path = _write_case(Path(folder), file_name, content)
            size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()))
            out = Path(folder) / "report"
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "checker", str(path), *options, "-o", str(out)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": str(root)})
            status = None
            while status is None:
                pid, waited, usage = os.wait4(child.pid, os.WNOHANG)
                if pid:
                    status = os.waitstatus_to_exitcode(waited)
                elif time.perf_counter() - start > timeout:
                    child.kill()
                    _, waited, usage = os.wait4(child.pid, 0)
                    status = "killed"
                else:
                    time.sleep(0.05)
            elapsed = time.perf_counter() - start
            report = out.stat().st_size / MB if out.exists() else 0
            print(f"| {name} | {size / MB:.1f} | {status} | {elapsed:.1f} | "
                  f"{usage.ru_maxrss / 1024:.0f} | {report:.1f} |", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=1024, help="line size in KB (default 1024)")
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--sizes", action="store_true", help="the size cases (issue 18)")
    parser.add_argument("--skip", help="size cases: leave out those whose name contains one of these (comma separated)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a size case"
                        " is killed (default 300)")
    args = parser.parse_args()
    if args.sizes:
        return run_sizes(args.only, args.timeout, args.skip)
    print(f"{'case':<24} {'seconds':>8}  outcome")
    for name, (fmt, document) in cases(args.kb * 1024).items():
        if args.only and args.only not in name:
            continue
        start = time.perf_counter()
        report = check_text(document, f"adversarial.{fmt}", fmt)
        elapsed = time.perf_counter() - start
        outcome = report.error or f"{len(report.findings)} findings"
        print(f"{name:<24} {elapsed:8.2f}  {outcome[:60]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Adversarial lines against the regular expressions: seconds to check each one.

Why: a regex that backtracks catastrophically turns one hostile line into a hung gate.
Every case is one long line (of spaces, dots, capitals, digits, "a." repeats, French
quotes, unclosed tags and strings, words without a full stop) placed in a brief, checked
through `check_text` in the formats where the line means something. Times should grow
linearly with the size:

    python benchmarks/adversarial.py            # 1 MB lines
    python benchmarks/adversarial.py --kb 100   # smaller, to compare growth
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=1024, help="line size in KB (default 1024)")
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
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

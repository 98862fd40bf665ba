"""Each report format on briefs of growing size: seconds and linearity, format by format.

    python benchmarks/formats.py [--runs 3] [--sizes 100,200,400] [--out benchmarks/out]

Why: `run.py` times the text report only. A renderer that is quadratic in the size of a
brief goes unnoticed on everyday briefs and takes an hour on a large one (the HTML report
did: 22 s on a 200 KB brief). Each run is a fresh `briefcheck --format F -o FILE` process on
a generated English brief of each size in KB (`corpus.write_large`, deterministic), timed
as `run.py` times its runs (`measure`, briefcheck's modules compiled first); prints the
median seconds and time(largest) / time(smallest) against the ratio of the sizes. A format
whose ratio is well above the sizes' ratio is not linear: profile it.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_large  # noqa: E402
from run import briefcheck_command, measure  # noqa: E402

FORMATS = ("text", "json", "html", "sarif", "junit", "github")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="100,200,400", help="brief sizes in KB")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    sizes = [int(kb) for kb in args.sizes.split(",")]
    briefs = {kb: args.out / f"formats-{kb}k.en.txt" for kb in sizes}
    for kb, path in briefs.items():
        if not path.exists():
            write_large(path, kb * 1024)
    compileall.compile_dir(HERE.parent / "checker", quiet=1)  # as run.py, for the same reason
    ours = briefcheck_command()
    times: dict[tuple[str, int], list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.runs):  # formats and sizes alternate, run after run
            for fmt in FORMATS:
                for kb, path in briefs.items():
                    command = [*ours, "--format", fmt, "-o", f"{folder}/report", str(path)]
                    times.setdefault((fmt, kb), []).append(measure(command)["seconds"])
    print(f"{args.runs} runs each, medians, seconds; linearity: time({sizes[-1]} KB) / "
          f"time({sizes[0]} KB), the sizes' ratio being {sizes[-1] / sizes[0]:.1f}")
    print("| format | " + " | ".join(f"{kb} KB" for kb in sizes) + " | linearity |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for fmt in FORMATS:
        medians = [statistics.median(times[fmt, kb]) for kb in sizes]
        print(f"| {fmt} | " + " | ".join(f"{m:.3f}" for m in medians)
              + f" | {medians[-1] / medians[0]:.2f} |")


if __name__ == "__main__":
    main()

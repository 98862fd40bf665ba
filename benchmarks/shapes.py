"""Large briefs of several shapes, each at two sizes: seconds, peak memory and linearity.

    python benchmarks/shapes.py [--sizes 1,2] [--runs 1] [--only NAME]

Why: `run.py`'s large briefs repeat a few dozen templated sentences, which the rules score
once; its varied ones are all made-up words in ordinary sentences. A rule that is not
linear in some other shape of text goes unnoticed there and takes minutes on a real file:
a text without full stops did (1 MB: 66 s and 4.6 GB), and so did a long chronology of
meetings (1 MB: 35 s). Each shape is written at each size in MB (deterministic, from
`corpus.py`) to a temporary folder and checked by a fresh `briefcheck` process, timed as
`run.py` times its runs; prints time(largest) / time(smallest) against the sizes' ratio.

Shapes: `varied` (distinct sentences, planted copies: `corpus.varied_brief`), `no-stops`
(the same sentences without their full stops, one paragraph), `one-paragraph` (the same
sentences on one line), `key-points` (the same sentences as thousands of bullets),
`markdown` and `html` (the varied brief in those formats), `meetings` (every sentence states
two people, a city and a date: `corpus.meetings_brief`).
"""

from __future__ import annotations

import argparse
import compileall
import html
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import REVIEW_HEAD, REVIEW_TAIL, meetings_brief, varied_brief  # noqa: E402
from run import briefcheck_command, measure  # noqa: E402

#: Bytes of a varied sentence and of a meeting sentence, about: sizes become sentence counts.
_VARIED_BYTES = 105
_MEETING_BYTES = 117
_HEAD = "".join(line + "\n" for line in REVIEW_HEAD)
_TAIL = "".join(line + "\n" for line in REVIEW_TAIL)


def _body(size: int) -> list[str]:
    return varied_brief(size // _VARIED_BYTES)[1]


def _markdown(size: int) -> str:
    lines = varied_brief(size // _VARIED_BYTES)[0].splitlines()
    return "\n".join(f"## {line}" if not line.startswith("- ") and len(line.split()) <= 2
                     else line for line in lines) + "\n"


def _html(size: int) -> str:
    parts = []
    for line in _markdown(size).splitlines():
        if line.startswith("## "):
            parts.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("- "):
            parts.append(f"<li>{html.escape(line[2:])}</li>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>\n"


#: name -> (file extension, the brief of about `size` bytes)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "varied": ("txt", lambda size: varied_brief(size // _VARIED_BYTES)[0]),
    "no-stops": ("txt", lambda size: _HEAD + "Body\n"
                 + " ".join(s.rstrip(".") for s in _body(size)) + "\n" + _TAIL),
    "one-paragraph": ("txt", lambda size: _HEAD + "Body\n" + " ".join(_body(size)) + "\n" + _TAIL),
    "key-points": ("txt", lambda size: "Key Points\n" + "".join(f"- {s}\n" for s in _body(size))
                   + "Summary\nDelegates meet in Geneva on March 3.\nBody\nThe review goes on.\n"
                   + _TAIL),
    "markdown": ("md", _markdown),
    "html": ("html", _html),
    "meetings": ("txt", lambda size: meetings_brief(size // _MEETING_BYTES)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2", help="sizes in MB, comma separated")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", help="the shapes whose name contains this")
    args = parser.parse_args()
    sizes = [float(mb) for mb in args.sizes.split(",")]
    shapes = {name: shape for name, shape in SHAPES.items()
              if not args.only or args.only in name}
    compileall.compile_dir(HERE.parent / "checker", quiet=1)  # as run.py, for the same reason
    ours = briefcheck_command()
    print(f"{args.runs} run(s) each, medians; linearity: time({sizes[-1]:g} MB) / "
          f"time({sizes[0]:g} MB), the sizes' ratio being {sizes[-1] / sizes[0]:.1f}")
    print("| shape | " + " | ".join(f"{mb:g} MB s | peak MB" for mb in sizes) + " | linearity |")
    print("|---|" + "---:|---:|" * len(sizes) + "---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, (extension, make) in shapes.items():
            cells, seconds = [], []
            for mb in sizes:
                path = Path(folder) / f"{name}-{mb:g}mb.en.{extension}"
                path.write_text(make(int(mb * 1024 * 1024)), encoding="utf-8")
                runs = [measure([*ours, str(path)]) for _ in range(args.runs)]
                seconds.append(statistics.median(r["seconds"] for r in runs))
                peak = max(r["rss_kib"] for r in runs) / 1024
                cells.append(f"{seconds[-1]:.2f} | {peak:.0f}")
            print(f"| {name} | " + " | ".join(cells) + f" | {seconds[-1] / seconds[0]:.2f} |",
                  flush=True)


if __name__ == "__main__":
    main()

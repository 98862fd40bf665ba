"""The HTML report of a large batch: its size, its largest document, and how long Chromium
takes to open it.

    python benchmarks/html_report.py [--briefs 2000] [--out benchmarks/out]

Why: issue 17 found the report of 2,000 briefs at 23 MB, a page a browser takes tens of
seconds to open. The report now bounds each document (`checker.formats.html`,
MAX_DOCUMENT_BYTES) and shows the first MAX_FULL_DOCUMENTS in full; this prints what that
gives on `corpus.write_batch` briefs (deterministic), in one fresh `briefcheck` process.
The load time needs Playwright and Debian's chromium; without them it is left out.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_batch  # noqa: E402


def load_seconds(html: Path) -> tuple[float, int] | None:
    """Seconds until Chromium has laid the page out, and its element count."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium).exists():
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium,
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(html.as_uri(), timeout=300_000)
        page.evaluate("document.body.offsetHeight")
        seconds = time.perf_counter() - start
        elements = page.evaluate("document.getElementsByTagName('*').length")
        browser.close()
    return seconds, elements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--briefs", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    folder = args.out / f"html-batch-{args.briefs}"
    if not folder.exists():
        write_batch(folder, args.briefs)
    html = args.out / f"html-batch-{args.briefs}.html"
    briefcheck = Path(sys.executable).with_name("briefcheck")
    start = time.perf_counter()
    subprocess.run([str(briefcheck), str(folder), "--format", "html", "-o", str(html), "-j", "1",
                    "--fail-on", "never"], check=True, capture_output=True)
    render = time.perf_counter() - start
    text = html.read_text("utf-8")
    documents = re.split(r'(?=<details class="document")', text)[1:]
    sizes = sorted(len(d.encode()) for d in documents)
    print(f"briefs: {args.briefs:,}; report: {len(text.encode()) / 1e6:.1f} MB "
          f"(check and render: {render:.1f} s)")
    print(f"per document: median {sizes[len(sizes) // 2] / 1e3:.1f} KB, "
          f"largest {sizes[-1] / 1e3:.1f} KB")
    loaded = load_seconds(html)
    if loaded:
        print(f"Chromium: {loaded[0]:.1f} s to open, {loaded[1]:,} elements")


if __name__ == "__main__":
    main()

"""The HTML report of the seed in a real browser: headless Chromium (Debian's `chromium`)
driven by Playwright's Python client. Skipped, with the reason, only where Chromium or the
client is not installed (.ci/run installs both)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.config import Config
from checker.formats import render
from checker.report import RunReport
from checker.run import check_paths
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def page():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 900})
        finally:
            browser.close()


def _open(page, tmp_path: Path, *samples: str) -> Path:
    report = RunReport.build(check_paths([str(ROOT / s) for s in samples], Config()), "error")
    html = tmp_path / "report.html"
    html.write_text(render("html", report), encoding="utf-8")
    page.goto(html.as_uri())
    return html


def test_seed_report_shows_banner_matrix_and_a_highlighted_span(page, tmp_path):
    _open(page, tmp_path, "samples/paris-summit.fr.txt")
    banner = page.locator("section.document .banner").first
    assert banner.is_visible() and banner.inner_text().startswith("PASS")
    matrix = page.locator("table.facts")
    assert matrix.is_visible()
    assert matrix.locator("tr").count() > 3
    fact = page.locator("pre.brief span.fact").first
    assert fact.is_visible()
    assert fact.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
    shot = tmp_path / "seed-report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_conflict_is_red_and_script_in_a_brief_stays_text(page, tmp_path):
    brief = tmp_path / "evil.txt"
    brief.write_text((ROOT / "samples/consistency/c201-date-conflict.fr.txt").read_text("utf-8")
                     .replace("Résumé Rapide\n", "Résumé Rapide\n<script>document.title='pwned'</script>\n"),
                     encoding="utf-8")
    report = RunReport.build(check_paths([str(brief)], Config()), "error")
    html = tmp_path / "report.html"
    html.write_text(render("html", report), encoding="utf-8")
    page.goto(html.as_uri())
    assert "pwned" not in page.title()
    assert "<script>document.title='pwned'</script>" in page.locator("pre.brief").inner_text()
    mark = page.locator("pre.brief mark.error").first
    assert mark.is_visible()
    mark.locator("a").click()  # the span links to its finding
    assert page.evaluate("location.hash").startswith("#d0-f")
    cell = page.locator("table.facts td.conflict").first
    assert cell.is_visible()
    assert cell.evaluate("td => getComputedStyle(td).backgroundColor") == "rgb(255, 214, 214)"
    page.screenshot(path=str(tmp_path / "conflict-report.png"), full_page=True)
    errors = page.locator("tr.finding.error")
    page.locator(".filters input[value=error]").first.uncheck()
    assert not errors.first.is_visible()

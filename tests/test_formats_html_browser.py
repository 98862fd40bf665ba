"""The HTML report in a real browser: headless Chromium (Debian's `chromium`) driven by
Playwright's Python client. Skipped, with the reason, only where Chromium or the client is
not installed (.ci/run installs both).

What an editor sees is checked as seen: computed styles, element sizes, and screenshots
(decoded here, `_pixels`) for the things issue 17 names: the error highlight's colour
differs from the warning's, the page is no wider than a 400 px viewport, and a filter only
affects its own document."""

from __future__ import annotations

import shutil
import struct
import zlib
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

C201 = "samples/consistency/c201-date-conflict.fr.txt"
SEED = "samples/paris-summit.fr.txt"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def _write(tmp_path: Path, *samples: str) -> Path:
    report = RunReport.build(check_paths([str(ROOT / s) for s in samples], Config()), "error")
    html = tmp_path / "report.html"
    html.write_text(render("html", report), encoding="utf-8")
    return html


def _open(page, tmp_path: Path, *samples: str) -> Path:
    html = _write(tmp_path, *samples)
    page.goto(html.as_uri())
    return html


def _pixels(png: bytes) -> list[tuple[int, int, int]]:
    """The RGB pixels of a PNG as Chromium writes screenshots (8-bit RGB or RGBA, not
    interlaced): enough to read colours without an imaging library."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, data, width, height, channels = 8, b"", 0, 0, 0
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        body = png[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += body
        at += 12 + length
    raw, stride, out, previous = zlib.decompress(data), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        out.extend(tuple(line[i:i + 3]) for i in range(0, stride, channels))
        previous = line
    return out


def _dominant(png: bytes) -> tuple[int, int, int]:
    pixels = _pixels(png)
    return max(set(pixels), key=pixels.count)


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(css: str) -> tuple[int, ...]:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0)' -> (1, 2, 3[, alpha*255])."""
    parts = css[css.index("(") + 1:-1].split(",")
    values = [int(float(p)) for p in parts[:3]]
    if len(parts) == 4:
        values.append(int(float(parts[3]) * 255))
    return tuple(values)


SHOTS = ROOT / "reports" / "screenshots"


def _keep(page_or_locator, name: str, tmp_path: Path, **options) -> bytes:
    """A screenshot, kept in tmp_path (and in reports/screenshots/ when BRIEFCHECK_SHOTS is
    set: the ones the closing note shows)."""
    import os

    png = page_or_locator.screenshot(path=str(tmp_path / name), **options)
    if os.environ.get("BRIEFCHECK_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / name).write_bytes(png)
    return png


# --- what the seed's page holds ----------------------------------------------------------

def test_seed_report_shows_banner_matrix_and_a_highlighted_span(page, tmp_path):
    _open(page, tmp_path, SEED)
    banner = page.locator(".document .banner").first
    assert banner.is_visible() and banner.inner_text().startswith("PASS")
    matrix = page.locator("table.facts")
    assert matrix.is_visible()
    assert matrix.locator("tr").count() > 3
    fact = page.locator(".brief span.fact").first
    assert fact.is_visible()
    assert fact.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
    shot = _keep(page, "seed-report.png", tmp_path)
    assert len(shot) > 10_000


def test_conflicts_lists_only_conflicts_and_repetition_has_its_own_section(page, tmp_path):
    """The passing seed has no conflict: its R301/R302 were listed as "conflicts", an R302
    row quoting a heading as "this side"."""
    _open(page, tmp_path, SEED)
    conflicts = page.locator("h3:text-is('Conflicts') + *")
    assert conflicts.inner_text() == "No conflicts."
    repetition = page.locator("table.repetitions")
    assert repetition.is_visible()
    assert sorted(repetition.locator("td.sev").all_inner_texts()) == ["R301", "R302"]


def test_conflict_is_red_and_script_in_a_brief_stays_text(page, tmp_path):
    brief = tmp_path / "evil.txt"
    brief.write_text((ROOT / C201).read_text("utf-8")
                     .replace("Résumé Rapide\n", "Résumé Rapide\n<script>document.title='pwned'</script>\n"),
                     encoding="utf-8")
    report = RunReport.build(check_paths([str(brief)], Config()), "error")
    html = tmp_path / "report.html"
    html.write_text(render("html", report), encoding="utf-8")
    page.goto(html.as_uri())
    assert "pwned" not in page.title()
    assert "<script>document.title='pwned'</script>" in page.locator(".brief").inner_text()
    mark = page.locator(".brief mark.error").first
    assert mark.is_visible()
    mark.locator("a").click()  # the span links to its finding
    assert page.evaluate("location.hash").startswith("#d0-f")
    assert page.locator(page.evaluate("location.hash")).locator("td.sev").inner_text() == "error"
    cell = page.locator("table.facts td.conflict").first
    assert cell.is_visible()
    assert cell.evaluate("td => getComputedStyle(td).backgroundColor") == "rgb(253, 224, 224)"


# --- the error stands out ------------------------------------------------------------------

def test_the_error_highlight_is_the_most_visible_and_differs_from_the_warning(page, tmp_path):
    """c201: the wrong "7 janvier" was a small pink patch inside a yellow repeated-sentence
    highlight. Screenshots of the two highlights: their colours differ, and the error's is
    the one that stands out from the page (the stronger contrast with the white page)."""
    _open(page, tmp_path, C201)
    error = page.locator(".brief mark.error", has_text="7 janvier")
    warning = page.locator(".brief mark.warning").first
    error_colour = _dominant(_keep(error, "c201-error-highlight.png", tmp_path))
    warning_colour = _dominant(_keep(warning, "c201-warning-highlight.png", tmp_path))
    assert sum(abs(a - b) for a, b in zip(error_colour, warning_colour)) > 150
    white = (255, 255, 255)
    assert _contrast(error_colour, white) > 4.5 > _contrast(warning_colour, white)
    # its text stays readable on it
    text = _rgb(error.evaluate("e => getComputedStyle(e).color"))
    assert _contrast(text, error_colour) >= 4.5
    # a legend says what each highlight means
    legend = page.locator(".legend").first.inner_text()
    assert "error" in legend and "warning" in legend and "fact" in legend


def test_hovering_or_focusing_a_highlight_shows_its_message(page, tmp_path):
    _open(page, tmp_path, C201)
    link = page.locator(".brief mark.error a", has_text="7 janvier")

    def tooltip() -> str:
        return link.evaluate("a => getComputedStyle(a, '::after').content")

    assert tooltip() == "none"
    link.focus()
    assert "C201 error: date '7 janvier' (7 January) in Sommet de Paris Convoqué contradicts" in tooltip()
    _keep(page, "c201-focused-highlight.png", tmp_path,
          clip={**link.bounding_box(), "height": 120, "width": 520})
    page.locator("h1").focus()
    link.hover()
    assert "C201 error" in tooltip()
    # a screen reader gets it too: the highlight is described by its finding's row
    described = link.evaluate("a => document.getElementById(a.getAttribute('aria-describedby')).innerText")
    assert "C201" in described and "contradicts '6 janvier'" in described


# --- the brief pane ------------------------------------------------------------------------

def test_brief_pane_has_the_line_numbers_the_tables_give(page, tmp_path):
    _open(page, tmp_path, C201)
    row = page.locator("#d0-l10")
    assert row.locator(".n").inner_text() == "10"
    assert row.locator("mark.error").inner_text() == "7 janvier"
    where = page.locator("table.findings tr.finding.error td").nth(2).locator("a")
    assert where.inner_text() == "line 10:130" and where.get_attribute("href") == "#d0-l10"
    assert page.locator(".brief .l").count() == len((ROOT / C201).read_text("utf-8").splitlines())


@pytest.mark.parametrize(("sample", "markup"), [
    ("samples/paris-summit.fr.json", ['"text"', "{", '"kind"']),
    ("samples/paris-summit.fr.html", ["<li>", "<h2", "</p>"]),
])
def test_json_and_html_briefs_are_shown_as_their_text_with_their_lines(page, tmp_path, sample, markup):
    _open(page, tmp_path, sample)
    text = page.locator(".brief").inner_text()
    assert not [m for m in markup if m in text]
    report = check_paths([str(ROOT / sample)], Config())[0]
    lines = (ROOT / sample).read_text("utf-8").splitlines()
    for section in report.sections:  # each heading is on its file's line, numbered so
        row = page.locator(f"#d0-l{section.line}")
        assert section.heading in row.inner_text() and section.heading in lines[section.line - 1]
        assert row.locator(".n").inner_text() == str(section.line)


def test_a_finding_in_a_json_briefs_markup_shows_that_markup(page, tmp_path):
    """s100: a paragraph that is the number 42 and an unknown `kind` are errors in the
    JSON's markup, which the text view hides: their markup is shown, highlighted."""
    _open(page, tmp_path, "samples/structure/s100-schema-violation.json")
    marks = page.locator(".brief mark.error").all_inner_texts()
    assert marks == ['"intro"', "42"]
    assert page.locator("#d0-l14 mark.error").inner_text() == "42"


# --- fact matrix and redundancy map --------------------------------------------------------

def test_fact_matrix_uses_the_briefs_words_and_puts_a_conflict_in_one_row(page, tmp_path):
    _open(page, tmp_path, C201)
    matrix = page.locator("table.facts")
    assert "--01-0" not in matrix.inner_text()
    row = matrix.locator("tr.conflict")
    assert row.count() == 1
    assert row.locator("th").inner_text().startswith("date: 6 janvier ≠ 7 janvier")
    filled = [td for td in row.locator("td").all() if td.inner_text().strip()]
    assert len(filled) == 4  # Key Points, Summary, the body and the Conclusion
    assert all("conflict" in td.get_attribute("class") for td in filled)
    assert "6 janvier l.16" in row.inner_text()  # the Conclusion's 6 janvier is marked too


def test_redundancy_map_has_a_legend_the_threshold_expected_cells_and_aa_contrast(page, tmp_path):
    _open(page, tmp_path, SEED)
    legend = page.locator("h3:text-is('Redundancy map') + .legend").inner_text()
    assert "20%" in legend and "expected" in legend
    grid = page.locator("table.redundancy")
    summary_row = grid.locator("tr", has=page.locator("th", has_text="Résumé Rapide")).last
    expected = summary_row.locator("td").first
    assert "expected" in expected.get_attribute("class") and "expected" in expected.inner_text()
    body = grid.locator("tr", has=page.locator("th", has_text="Sommet de Paris Convoqué")).last
    reported = body.locator("td").first
    # the expected overlap (21%) is not drawn darker than the reported one (22%)
    assert _dominant(expected.screenshot()) != _dominant(reported.screenshot())
    for cell in [*grid.locator("td").all(), *page.locator(".swatch").all()]:
        if not cell.inner_text().strip():
            continue
        colour = _rgb(cell.evaluate("e => getComputedStyle(e).color"))
        background = _dominant(cell.screenshot())
        assert _contrast(colour, background) >= 4.5, (cell.inner_text(), colour, background)


def test_a_brief_pasting_one_line_gives_a_short_page(page, tmp_path):
    """s112 (30 lines, one sentence pasted over and over) gave a 75,000 px page."""
    _open(page, tmp_path, "samples/structure/s112-brief-length.en.txt")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 15_000, height
    items = page.locator("ul.pairs li").all_inner_texts()
    assert len(items) == len(set(items)) <= 40


def test_unsupported_language_gets_no_fact_matrix(page, tmp_path):
    _open(page, tmp_path, "samples/structure/s120-unsupported-language.de.html")
    assert page.locator("table.facts").count() == 0
    assert page.locator(".brief span.fact").count() == 0
    assert "not supported" in page.locator("h3:text-is('Fact matrix') + *").inner_text()


# --- a batch ---------------------------------------------------------------------------

def test_batch_is_failing_first_with_a_summary_table_collapsible_documents_and_links(page, tmp_path):
    samples = [SEED, C201, "samples/structure/s101-missing-section.en.txt", "samples/nato-summit.en.txt"]
    _open(page, tmp_path, *samples)
    verdicts = page.locator("table.index .verdict").all_inner_texts()
    rank = {"FAIL": 0, "PASS with remarks": 1, "PASS": 2}
    assert [rank[v] for v in verdicts] == sorted(rank[v] for v in verdicts) and verdicts[0] == "FAIL"
    links = page.locator("table.index a")
    assert links.count() == len(samples)
    documents = page.locator("details.document")
    assert [d.get_attribute("id") for d in documents.all()] == [
        a.get_attribute("href")[1:] for a in links.all()]  # in the table's order
    assert page.locator("details.document .top a[href='#top']").count() == len(samples)
    first = documents.first
    first.locator("summary").click()
    assert first.evaluate("d => d.open") is False and not first.locator(".banner").is_visible()
    passing = page.locator("table.index .verdict", has_text="PASS").first
    assert _rgb(passing.evaluate("e => getComputedStyle(e).color")) != _rgb(
        page.locator("table.index .verdict", has_text="FAIL").first.evaluate(
            "e => getComputedStyle(e).color"))
    assert _keep(page, "batch-top.png", tmp_path)


def test_a_filter_only_affects_its_own_document(page, tmp_path):
    """Unticking "warning" in one document hid warnings in all documents while the other
    checkboxes stayed ticked. Screenshot check: the other document's findings do not move."""
    _open(page, tmp_path, C201, "samples/redundancy/r301-repeated-sentence.en.txt")
    for document in page.locator("details.document").all():
        document.evaluate("d => d.open = true")
    first, second = page.locator("details.document").all()
    other_table = second.locator("table.findings")
    before = other_table.screenshot()
    first.locator(".filters input.warning").uncheck()
    assert first.locator("tr.finding.warning").first.is_hidden()
    assert first.locator("tr.finding.error").first.is_visible()
    assert second.locator(".filters input.warning").is_checked()
    assert second.locator("tr.finding.warning").first.is_visible()
    assert other_table.screenshot() == before
    _keep(first.locator("table.findings"), "filter-unticked-document.png", tmp_path)
    _keep(other_table, "filter-other-document.png", tmp_path)


def test_the_page_reads_fully_without_javascript(browser, tmp_path):
    html = _write(tmp_path, C201)
    assert "<script" not in html.read_text("utf-8")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(html.as_uri())
        rows = page.locator("tr.finding")
        assert rows.count() > 3 and all(row.is_visible() for row in rows.all())
        assert page.locator(".brief mark.error").first.is_visible()
        page.locator(".filters input.warning").uncheck()  # CSS alone applies the filter
        assert page.locator("table.findings tr.finding.warning").first.is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("samples", [
    (C201,), ("samples/structure/s112-brief-length.en.txt",), ("samples/paris-summit.fr.json",),
    (SEED, C201, "samples/structure/s120-unsupported-language.de.html"),
])
def test_nothing_is_clipped_at_400_px(browser, tmp_path, samples):
    """At 400 px the page is no wider than the viewport: tables scroll in their own box.
    Screenshot check: a full-page screenshot is 400 px wide."""
    html = _write(tmp_path, *samples)
    context = browser.new_context(viewport={"width": 400, "height": 800})
    try:
        page = context.new_page()
        page.goto(html.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 400
        png = page.screenshot(path=str(tmp_path / "narrow.png"), full_page=True)
        assert struct.unpack(">I", png[16:20])[0] == 400  # the PNG's width
        for table in page.locator("table").all():
            box = table.locator("xpath=..").bounding_box()
            assert box is None or box["x"] + box["width"] <= 400.5
    finally:
        context.close()


def test_lang_plurals_and_the_rule_documentation_in_the_page(page, tmp_path):
    _open(page, tmp_path, C201)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "1 document: 1 error, 3 warnings, 0 info" in page.locator("#run-verdict").inner_text()
    page.locator("table.findings a[href='#rule-C201']").click()
    rule = page.locator("#rule-C201")
    assert page.evaluate("location.hash") == "#rule-C201"
    assert rule.is_visible() and rule.locator("h3").inner_text() == "C201 date-conflict"
    assert "What it does" in rule.inner_text() and "Example" in rule.inner_text()
    assert "How to silence or re-grade it" in rule.inner_text()
    assert rule.locator("li code", has_text="--ignore C201").count() == 1

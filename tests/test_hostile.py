"""Hostile and broken input through the CLI: every input gives a report (exit 0/1) or a
one-line error naming the file (exit 2), never a traceback; a batch loses no document; and
nothing a brief contains is expanded, fetched or executed."""

from __future__ import annotations

import json
import os
import re

import pytest

from conftest import ROOT, SAMPLES

HOSTILE = ROOT / "tests" / "hostile"


def _json(run_cli, *args):
    result = run_cli(*args, "--format", "json", "--fail-on", "never")
    assert "Traceback" not in result.stderr + result.stdout
    return result, json.loads(result.stdout)


def _refused(run_cli, path, reason):
    """The file is reported with a one-line error naming it; exit 2; no traceback."""
    result = run_cli(path)
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout + result.stderr
    line = f"{path}: error: {reason}"
    assert [entry for entry in result.stdout.splitlines() if entry.startswith(line)], result.stdout
    return result


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "file is empty"),
        ("whitespace.txt", "file has only white space"),
        ("binary.txt", "binary file"),
        ("nul-bytes.md", "binary file"),
        ("invalid-utf8.txt", "not valid UTF-8 (byte 0x81 at offset 13) and not recognisably"),
        ("mixed-utf8.txt", "not valid UTF-8 (byte 0xe9 at offset 50) and mixes UTF-8"),
        ("truncated.json", "invalid JSON: Unterminated string"),
    ],
)
def test_unusable_files_are_refused_with_one_line(run_cli, name, reason):
    _refused(run_cli, HOSTILE / name, reason)


@pytest.mark.parametrize(
    "name, code",
    [
        ("broken.html", "S111"),
        ("billion-laughs.html", "S104"),
        ("external-entities.html", "S104"),
        ("wrong-shape.json", "S100"),
        ("headings-only.md", "S111"),
        ("no-headings.txt", "S101"),
        ("format-strings.txt", "S111"),
    ],
)
def test_broken_but_readable_briefs_get_a_report(run_cli, name, code):
    result, report = _json(run_cli, HOSTILE / name)
    assert result.exit_code == 0
    (document,) = report["documents"]
    assert document["error"] is None
    assert code in [f["code"] for f in document["findings"]]


@pytest.mark.parametrize("name", ["billion-laughs.html", "external-entities.html"])
def test_doctype_entities_are_never_expanded_or_fetched(run_cli, name):
    result, report = _json(run_cli, HOSTILE / name)
    text = json.dumps(report)
    assert "lollol" not in text and "root:" not in text
    assert len(result.stdout) < 20_000


def test_a_legacy_encoding_is_read_and_named(run_cli):
    result, report = _json(run_cli, HOSTILE / "cp1252.fr.txt")
    (document,) = report["documents"]
    assert document["error"] is None and document["lang"] == "fr"
    (note,) = [f for f in document["findings"] if f["code"] == "S121"]
    assert "read as cp1252" in note["message"] and note["severity"] == "info"
    assert document["sections"][0]["heading"] == "Points Clés"


@pytest.mark.parametrize("name", ["bom.en.txt", "crlf.en.txt", "cr.en.txt"])
def test_bom_and_line_ends_keep_positions(run_cli, name):
    _, plain = _json(run_cli, SAMPLES / "nato-summit.en.txt")
    _, other = _json(run_cli, HOSTILE / name)
    where = [(f["code"], f["location"]) for f in plain["documents"][0]["findings"]]
    assert where and [(f["code"], f["location"]) for f in other["documents"][0]["findings"]] == where
    assert any(loc["line"] > 2 and loc["column"] > 40 for _, loc in where)


def test_a_200000_character_line_is_checked(run_cli, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Key Points\n- " + "word " * 40_000 + ".\n", encoding="utf-8")
    result, report = _json(run_cli, path)
    assert report["documents"][0]["error"] is None
    assert "S105" in [f["code"] for f in report["documents"][0]["findings"]]


def test_a_20_mb_file_is_refused_by_the_size_limit(run_cli, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Key Points\n" + b"- a sentence of words.\n" * (20 * 1024 * 1024 // 23))
    _refused(run_cli, path, "file is larger than the 10 MB limit")


def test_json_nested_100000_levels_is_refused(run_cli, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = _refused(run_cli, path, "")
    assert "deep" in result.stdout


def test_unsupported_language_is_said_and_structure_still_checked(run_cli):
    result, report = _json(run_cli, HOSTILE / "german.de.txt")
    codes = [f["code"] for f in report["documents"][0]["findings"]]
    assert "S120" in codes and "S101" in codes


def test_html_lang_of_another_language_is_unsupported(run_cli, tmp_path):
    path = tmp_path / "de.html"
    path.write_text('<html lang="de"><body><h2>Key Points</h2><ul><li>Ein Punkt hier.</li></ul>',
                    encoding="utf-8")
    _, report = _json(run_cli, path)
    (s120,) = [f for f in report["documents"][0]["findings"] if f["code"] == "S120"]
    assert "'de' is not supported" in s120["message"]


def test_a_fifo_is_refused_without_blocking(run_cli, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _refused(run_cli, fifo, "not a regular file")


def test_an_unreadable_file_is_reported_and_the_batch_goes_on(run_cli, tmp_path, monkeypatch):
    real_open = os.open

    def denying_open(path, *args, **kwargs):  # as a file without read permission (tests run as root)
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denying_open)
    secret = tmp_path / "secret.txt"
    secret.write_text("Key Points\n", encoding="utf-8")
    result = run_cli(secret, SAMPLES / "nato-summit.en.txt")
    assert result.exit_code == 2
    assert f"{secret}: error: cannot read: Permission denied" in result.stdout
    assert "nato-summit.en.txt:" in result.stdout and "in 2 documents" in result.stdout


def test_a_directory_with_a_dangling_symlink_and_a_loop(run_cli, tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "good.en.txt").write_bytes((SAMPLES / "nato-summit.en.txt").read_bytes())
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop").symlink_to(folder)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    result, report = _json(run_cli, folder)
    assert result.exit_code == 2
    errors = {os.path.basename(d["path"]): d["error"] for d in report["documents"]}
    assert errors["good.en.txt"] is None
    assert errors["gone.txt"] == "broken symbolic link"
    assert errors["self.txt"].startswith("cannot read: Too many levels of symbolic links")
    assert len(errors) == 3


def test_a_batch_with_every_hostile_file_checks_all_of_them(run_cli):
    files = sorted(HOSTILE.iterdir())
    result, report = _json(run_cli, *files)
    assert result.exit_code == 2
    assert [d["path"] for d in report["documents"]] == [str(f) for f in files]
    refused = [d for d in report["documents"] if d["error"]]
    assert report["summary"]["unreadable"] == len(refused) == 7
    for document in refused:
        assert f"briefcheck: {document['path']}: {document['error']}" in result.stderr


def test_an_internal_error_loses_one_document_not_the_batch(run_cli, monkeypatch):
    from checker.rules.structure import KeyPointsCount

    def broken(self, analysis):
        if "nato" in analysis.brief.path:
            raise ValueError("boom\nsecond line")
        return iter(())

    monkeypatch.setattr(KeyPointsCount, "check", broken)
    nato, seed = SAMPLES / "nato-summit.en.txt", SAMPLES / "paris-summit.fr.txt"
    result, report = _json(run_cli, nato, seed)
    assert result.exit_code == 2
    first, second = report["documents"]
    assert first["error"] == "internal error: ValueError: boom second line — please report this"
    assert second["error"] is None and second["findings"]
    text = run_cli(nato)
    assert text.exit_code == 2 and "Traceback" not in text.stdout + text.stderr
    assert f"{nato}: error: internal error: ValueError" in text.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "html", "sarif", "junit", "github"])
def test_terminal_escapes_reach_no_report_and_stdout_is_the_output_files_bytes(
        run_cli, tmp_path, fmt):
    """A brief and a file name with terminal escapes: no report carries a raw control
    character (each shows or encodes it), so the report on stdout is byte for byte the
    one written with -o (click used to strip escapes from stdout only)."""
    name = tmp_path / "evil\x1b[2J.txt"
    name.write_text("Key Points\n- Bad \x1b[31mred\x1b[0m news from Paris on 6 January.\n\n"
                    "Summary\nThe meeting in Paris went on.\n", encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    stdout = run_cli(name, "--format", fmt, "--fail-on", "never").stdout
    assert run_cli(name, "--format", fmt, "--fail-on", "never", "-o", out).exit_code == 0
    # (JUnit says how long each run took and when: the two runs differ there only)
    timeless = re.compile(r' (?:time|timestamp)="[^"]*"')
    assert timeless.sub("", stdout) == timeless.sub("", out.read_text("utf-8"))
    assert "\x1b" not in stdout and "2J" in stdout  # the name, shown or encoded


def test_document_text_and_names_are_never_executed_in_any_report(run_cli, tmp_path):
    """Format strings stay literal, terminal escapes are escaped, markup is HTML-escaped —
    in the document text and in the file name."""
    name = tmp_path / "<img src=x onerror=alert(1)>\x1b[2J.txt"
    name.write_bytes((HOSTILE / "format-strings.txt").read_bytes())
    text = run_cli(name, "--fail-on", "never")
    assert "\x1b" not in text.stdout and "\\x1b[2J.txt" in text.stdout
    html = run_cli(name, "--format", "html", "--fail-on", "never").stdout
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'section "%n%n {__class__}" is empty' in text.stdout
    _, report = _json(run_cli, name)
    assert report["documents"][0]["path"] == str(name)


def test_hostile_json_is_byte_identical_across_runs_and_jobs(run_cli):
    files = sorted(HOSTILE.iterdir())
    outputs = {run_cli(*files, "--format", "json", "--jobs", jobs).stdout
               for jobs in ("1", "1", "3")}
    assert len(outputs) == 1


@pytest.mark.parametrize("unit, size", [(".", 1_000_000), ("Aa ", 256_000), ("a.", 1_000_000)])
def test_long_adversarial_lines_finish_in_seconds(unit, size):
    """Lines that were quadratic before (a 20 KB line of dots or of 'Aa ' took 21 s): at
    these sizes a quadratic pass would take hours, a linear one a few seconds."""
    import time

    from checker import check_text

    start = time.perf_counter()
    report = check_text("Key Points\n- Leaders meet.\nSummary\n" + unit * (size // len(unit)),
                        "long.txt", "text")
    assert report.error is None
    assert time.perf_counter() - start < 30


def test_a_folder_lists_its_briefs_once_and_nothing_else(tmp_path):
    """A walk lists nested briefs (any case of extension) and links to nothing (so the
    report says so); not hidden files, a FIFO, another extension, a linked folder (no
    loops), nor a second name of a file already listed (a link to it); the same for every
    spelling of the folder."""
    from checker.discovery import briefs_in

    root = tmp_path / "briefs"
    (root / "a" / "b").mkdir(parents=True)
    for name in ("one.txt", "a/two.MD", "a/b/three.html", "a/.hidden.json", "a/notes.csv"):
        (root / name).write_text("x", encoding="utf-8")
    (root / "a" / "link.txt").symlink_to(root / "one.txt")
    (root / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (root / "loop").symlink_to(root)
    (root / "self.txt").symlink_to(root / "self.txt")
    os.mkfifo(root / "pipe.txt")

    listed = [f"{root}/{name}" for name in ("a/b/three.html", "a/two.MD", "gone.md", "one.txt",
                                            "self.txt")]
    for directory in (str(root), f"{root}/", f"{root}//a/..", str(root / "a" / ".." / "a" / "..")):
        assert briefs_in(directory) == listed

"""Hostile trees (issue 18): symbolic links out of the checked folder, symlink loops under
globs and walks. A pull request controls the file names and links of the tree CI checks:
nothing outside the folder checked is read, every input ends in bounded time, each real
file is reported once."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

BRIEF = (SAMPLES / "nato-summit.en.txt").read_bytes()
SECRET = "s3cret-line-of-a-private-file"


def _json(run_cli, *args):
    result = run_cli(*args, "--format", "json", "--fail-on", "never")
    assert "Traceback" not in result.stdout + result.stderr
    return result, json.loads(result.stdout)


@pytest.fixture
def briefs(tmp_path, monkeypatch):
    """work/briefs/ with one brief, the current folder work/, and a private file outside
    it."""
    work = tmp_path / "work"
    (work / "briefs").mkdir(parents=True)
    monkeypatch.chdir(work)
    (work / "briefs" / "ok.txt").write_bytes(BRIEF)
    (tmp_path / "private.txt").write_text(f"Key Points\n- {SECRET}\n", encoding="utf-8")
    return work / "briefs"


@pytest.mark.parametrize("target", ["../../private.txt", "/etc/passwd", "/proc/self/status"])
@pytest.mark.parametrize("how", [["briefs"], ["briefs/*.txt"], ["briefs/**"], ["**/*.txt"]])
def test_a_link_out_of_the_checked_folder_is_refused_never_read(run_cli, briefs, target, how):
    if not os.path.exists(os.path.join(briefs, target)):
        pytest.skip(f"{target} does not exist here")
    (briefs / "n.txt").symlink_to(target)
    result, report = _json(run_cli, *how, "--report-dir", "rep")
    errors = {d["path"]: d["error"] for d in report["documents"]}
    assert errors["briefs/ok.txt"] is None
    assert errors["briefs/n.txt"].startswith("symbolic link to a file outside the folder checked")
    assert result.exit_code == 2
    html = (briefs.parent / "rep" / "report.html").read_text("utf-8", errors="replace")
    assert SECRET not in result.stdout + html and "root:" not in result.stdout + html


def test_a_link_out_is_read_when_allowed(run_cli, briefs):
    (briefs / "n.txt").symlink_to("../../private.txt")
    result, report = _json(run_cli, "briefs", "--follow-external-symlinks")
    assert [d["error"] for d in report["documents"]] == [None, None]


def test_a_link_inside_the_folder_is_read_once_under_its_real_name(run_cli, briefs):
    (briefs / "a-link.txt").symlink_to("ok.txt")
    (briefs / "sub").mkdir()
    (briefs / "sub" / "up.txt").symlink_to("../ok.txt")
    result, report = _json(run_cli, "briefs")
    assert [d["path"] for d in report["documents"]] == ["briefs/ok.txt"]


def test_a_named_link_is_read_as_named(run_cli, briefs):
    """The command line is the workflow author's, not the pull request's."""
    (briefs / "n.txt").symlink_to("../../private.txt")
    result, report = _json(run_cli, "briefs/n.txt")
    assert report["documents"][0]["error"] is None


def _loops(root, links):
    """A folder with a brief, a subfolder with another, and `links` links back up."""
    (root / "loop" / "sub").mkdir(parents=True)
    (root / "loop" / "a.txt").write_bytes(BRIEF)
    (root / "loop" / "sub" / "b.txt").write_bytes(BRIEF)
    for n in range(links):
        (root / "loop" / f"self{n}").symlink_to(".")
        (root / "loop" / "sub" / f"up{n}").symlink_to("..")


@pytest.mark.parametrize("links", [1, 2, 8])
@pytest.mark.parametrize("how", [["loop/**/*.txt"], ["loop"], ["loop/**"],
                                 ["loop", "loop/sub", "loop/**/*.txt", "loop/a.txt"]])
def test_symlink_loops_give_each_real_file_once(run_cli, tmp_path, monkeypatch, links, how):
    """One link to itself gave the same file 41 times; two, exponential time."""
    monkeypatch.chdir(tmp_path)
    _loops(tmp_path, links)
    result, report = _json(run_cli, *how)
    assert [d["path"] for d in report["documents"]] == ["loop/a.txt", "loop/sub/b.txt"]
    assert result.exit_code == 0


def test_symlink_loops_followed_when_allowed_still_end(tmp_path):
    """Links out of the folder followed on request: a loop through them ends, each real
    folder walked once (a subprocess with a time bound, so a hang fails the test)."""
    (tmp_path / "outside" / "deep").mkdir(parents=True)
    (tmp_path / "outside" / "deep" / "c.txt").write_bytes(BRIEF)
    (tmp_path / "outside" / "deep" / "back").symlink_to(tmp_path / "outside")
    _loops(tmp_path, 4)
    (tmp_path / "loop" / "out").symlink_to(tmp_path / "outside")
    (tmp_path / "loop" / "out2").symlink_to(tmp_path / "outside" / "deep")
    result = subprocess.run(
        [sys.executable, "-m", "checker", "loop", "loop/**/*.txt", "--follow-external-symlinks",
         "--format", "json", "--fail-on", "never"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert sorted(paths) == ["loop/a.txt", "loop/out/deep/c.txt", "loop/sub/b.txt"]
    assert result.returncode == 0 and result.stderr.count("\n") <= 1


@pytest.mark.parametrize("where", [".briefcheck.toml", ".gitignore"])
def test_a_pull_request_cannot_stall_a_walk_with_patterns(run_cli, tmp_path, monkeypatch, where):
    """20,000 patterns took 4 s to compile, 100,000 (a 1 MB .gitignore) minutes: refused
    in one line naming the file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "ok.txt").write_bytes(BRIEF)
    names = [f"x{n}*" for n in range(20_000)]
    text = ("extend_exclude = [" + ",".join(f'"{n}"' for n in names) + "]\n"
            if where == ".briefcheck.toml" else "\n".join(names))
    (tmp_path / "briefs" / where).write_text(text, encoding="utf-8")
    result = run_cli("briefs")
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert f"briefs/{where}" in result.stderr and "more than 10,000 patterns" in result.stderr

"""Which files a run checks, through the CLI as a user types it: globs expanded by
briefcheck, default excludes, .gitignore, the config's include/exclude patterns, named
files, --force-exclude, and the run's own output."""

from __future__ import annotations

import json

import pytest

from checker.discovery import expand
from conftest import ROOT, SAMPLES

BRIEF = (SAMPLES / "nato-summit.en.txt").read_bytes()


def _tree(root, *names):
    """Files holding a real brief under `root` (folders made as needed)."""
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(BRIEF)
    return root


def _paths(run_cli, *args):
    result = run_cli(*args, "--format", "json", "--fail-on", "never")
    assert "Traceback" not in result.stdout + result.stderr
    return result, [d["path"] for d in json.loads(result.stdout)["documents"]]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository as a newsroom has it: briefs beside a README, a package.json, a venv,
    node_modules, a build folder, hidden folders, a git-ignored folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("scratch/\n*.draft.md\n", encoding="utf-8")
    _tree(tmp_path, "briefs/a.md", "briefs/2024/06/b.md", "briefs/my brief.txt",
          "briefs/c.draft.md", "scratch/d.md", "README.md", "docs/readme.txt", "LICENSE-MIT.txt",
          "CHANGELOG.md", "package.json", ".venv/lib/site-packages/pkg/README.md",
          ".venv/lib/site-packages/pkg/notes.md", "venv/x.md", "node_modules/pkg/index.html",
          "build/out.html", "dist/x.json", ".github/ISSUE_TEMPLATE/bug.md",
          "briefs/security-council.md")
    (tmp_path / "package.json").write_text('{"name": "site"}', encoding="utf-8")
    return tmp_path


BRIEFS = ["briefs/2024/06/b.md", "briefs/a.md", "briefs/my brief.txt", "briefs/security-council.md"]


def test_a_walk_of_a_repository_takes_its_briefs_only(run_cli, repo):
    result, paths = _paths(run_cli, ".")
    assert paths == BRIEFS  # and no "./" in front of them
    assert result.exit_code == 0


@pytest.mark.parametrize("pattern, expected", [
    ("briefs/**/*.md", ["briefs/2024/06/b.md", "briefs/a.md", "briefs/security-council.md"]),
    ("**/*.md", ["briefs/2024/06/b.md", "briefs/a.md", "briefs/security-council.md"]),
    ("briefs/*.md", ["briefs/a.md", "briefs/security-council.md"]),
    ("briefs/*/*/*.md", ["briefs/2024/06/b.md"]),
    ("briefs/**", BRIEFS),
    ("briefs/my brief.*", ["briefs/my brief.txt"]),
    ("briefs/[ab].md", ["briefs/a.md"]),
    ("b?iefs/**/?.md", ["briefs/2024/06/b.md", "briefs/a.md"]),
])
def test_globs_are_expanded_by_briefcheck_with_double_stars(run_cli, repo, pattern, expected):
    """What the GitHub Action passes quoted: `**` is any number of folders (the shell's
    globstar-less `**` took one level only), names with spaces stay one path, and the
    excludes apply to what the wildcards reach."""
    result, paths = _paths(run_cli, pattern)
    assert paths == expected
    assert result.exit_code == 0


def test_a_glob_that_matches_nothing_is_reported_in_one_line(run_cli, repo):
    result = run_cli("briefs/**/*.json", "nowhere/*.md")
    assert result.exit_code == 2
    assert "briefs/**/*.json: error: no briefs match this pattern" in result.stdout
    assert "nowhere/*.md: error: no briefs match this pattern" in result.stdout


def test_a_folder_whose_files_are_all_excluded_says_so(run_cli, repo):
    _tree(repo, "drafts/x.draft.md")
    result = run_cli("drafts")  # named, so walked; its one file is git-ignored
    assert result.exit_code == 2
    assert "drafts: error: no briefs found" in result.stdout
    assert "1 excluded (exclude patterns, .gitignore)" in result.stdout


def test_named_files_are_checked_even_when_excluded(run_cli, repo):
    """As before the excludes: what the user names is what they want checked."""
    result, paths = _paths(run_cli, "README.md", "briefs/c.draft.md", "build")
    assert paths == ["README.md", "briefs/c.draft.md", "build/out.html"]


def test_force_exclude_applies_the_excludes_to_named_files(run_cli, repo):
    """pre-commit names every staged file: with --force-exclude README.md, package.json
    and git-ignored files are left out, briefs are checked."""
    result, paths = _paths(run_cli, "--force-exclude", "README.md", "package.json",
                           "briefs/c.draft.md", "briefs/a.md", "build")
    assert paths == ["briefs/a.md"]
    result, paths = _paths(run_cli, "--force-exclude", "README.md")
    assert paths == [] and result.exit_code == 0
    # a file in an excluded or git-ignored folder is left out as a walk leaves it out
    _, paths = _paths(run_cli, "--force-exclude", "scratch/d.md", "node_modules/pkg/index.html",
                      ".venv/lib/site-packages/pkg/notes.md", "briefs/2024/06/b.md")
    assert paths == ["briefs/2024/06/b.md"]


def test_force_exclude_ignores_folders_above_the_current_one(run_cli, repo, monkeypatch):
    """A checkout inside a folder named like an excluded one (`build/`, `.cache/`) is not
    excluded whole."""
    _tree(repo, "build/.ci/checkout/briefs/a.md")
    monkeypatch.chdir(repo / "build" / ".ci" / "checkout")
    _, paths = _paths(run_cli, "--force-exclude", "briefs/a.md", "briefs")
    assert paths == ["briefs/a.md"]


def test_gitignore_is_read_only_in_a_git_work_tree(run_cli, repo):
    (repo / ".git").rmdir()
    _, paths = _paths(run_cli, "briefs")
    assert "briefs/c.draft.md" in paths


def test_nested_gitignore_and_negation(run_cli, repo):
    (repo / "briefs" / ".gitignore").write_text("2024/\n!c.draft.md\n", encoding="utf-8")
    _, paths = _paths(run_cli, ".")
    assert paths == ["briefs/a.md", "briefs/c.draft.md", "briefs/my brief.txt",
                     "briefs/security-council.md"]


def test_config_include_exclude_and_extend_exclude(run_cli, repo):
    (repo / ".briefcheck.toml").write_text(
        'extend_exclude = ["briefs/2024/", "security-*"]\n', encoding="utf-8")
    _, paths = _paths(run_cli, ".")
    assert paths == ["briefs/a.md", "briefs/my brief.txt"]
    # exclude replaces the defaults: README.md is a brief to this newsroom
    (repo / ".briefcheck.toml").write_text('exclude = ["briefs/"]\ninclude = ["*.md"]\n',
                                           encoding="utf-8")
    _, paths = _paths(run_cli, ".")
    assert "README.md" in paths and "CHANGELOG.md" in paths
    assert not [p for p in paths if p.startswith("briefs/") or not p.endswith(".md")]


def test_a_folder_config_applies_to_its_own_folder(run_cli, repo):
    (repo / "briefs" / ".briefcheck.toml").write_text('extend_exclude = ["a.md"]\n',
                                                      encoding="utf-8")
    _tree(repo, "other/a.md")
    _, paths = _paths(run_cli, ".")
    assert "briefs/a.md" not in paths and "other/a.md" in paths


def test_exclude_and_extend_exclude_on_the_command_line(run_cli, repo):
    _, paths = _paths(run_cli, ".", "--extend-exclude", "2024,my brief.txt")
    assert paths == ["briefs/a.md", "briefs/security-council.md"]
    # --exclude replaces the defaults (and the config's exclude), not .gitignore
    _, paths = _paths(run_cli, ".", "--exclude", "security-*,.git/")
    assert "README.md" in paths and ".github/ISSUE_TEMPLATE/bug.md" in paths
    assert "briefs/security-council.md" not in paths and "briefs/c.draft.md" not in paths
    # ... and each is relative to the current folder
    _, paths = _paths(run_cli, "briefs", "--extend-exclude", "/briefs/2024")
    assert paths == ["briefs/a.md", "briefs/my brief.txt", "briefs/security-council.md"]


@pytest.mark.parametrize("toml, key", [
    ('exclude = "build"', "exclude"),
    ("include = [1]", "include"),
    ("extend_exclude = {a = 1}", "extend_exclude"),
    ('extend_exclude = ["!"]', "extend_exclude"),
    ("respect_gitignore = 3", "respect_gitignore"),
])
def test_a_pattern_key_of_the_wrong_type_is_one_line_naming_file_and_key(run_cli, repo, toml, key):
    (repo / ".briefcheck.toml").write_text(toml + "\n", encoding="utf-8")
    result = run_cli(".")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"briefcheck: error: {repo / '.briefcheck.toml'}: invalid"
                                    f" config key '{key}")
    assert len(result.stderr.splitlines()) == 1
    assert "unknown key" not in result.stderr  # the key exists; its value is wrong


def test_a_ruff_spelling_of_a_key_gets_a_hint(run_cli, repo):
    (repo / ".briefcheck.toml").write_text('extend-exclude = ["x"]\n', encoding="utf-8")
    result = run_cli(".")
    assert result.exit_code == 2
    assert "unknown key (did you mean 'extend_exclude'?)" in result.stderr


def test_report_dir_output_is_never_checked_on_the_next_run(run_cli, repo):
    first = run_cli(".", "--report-dir", "--fail-on", "never")
    second = run_cli(".", "--report-dir", "--fail-on", "never")
    assert (repo / "reports" / "report.json").is_file()
    assert first.stdout.splitlines()[-1] == second.stdout.splitlines()[-1]
    assert "in 4 documents" in second.stdout.splitlines()[-1]


def test_output_onto_a_named_brief_is_refused_before_writing(run_cli, repo):
    before = (repo / "briefs" / "a.md").read_bytes()
    result = run_cli("briefs/a.md", "-o", "briefs/a.md")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "briefs/a.md: is where the report is to be written" in result.stderr
    assert (repo / "briefs" / "a.md").read_bytes() == before
    result = run_cli("briefs", "--format", "json", "-o", "briefs/a.md")
    assert result.exit_code == 2 and "refusing to write over it" in result.stderr
    assert (repo / "briefs" / "a.md").read_bytes() == before


@pytest.mark.parametrize("fmt, name", [("json", "out.json"), ("text", "out.txt"),
                                       ("html", "out.html"), ("sarif", "out.json")])
def test_output_of_an_earlier_run_in_the_walk_is_skipped_and_rewritten(run_cli, repo, fmt, name):
    for _ in range(2):
        result = run_cli(".", "--format", fmt, "-o", name, "--fail-on", "never")
        assert result.exit_code == 0, result.stderr
        assert "in 4 documents" in result.stderr
    assert (repo / name).stat().st_size > 100


def test_a_file_reached_twice_is_checked_once(run_cli, repo):
    _, paths = _paths(run_cli, "briefs/a.md", "briefs", "briefs/**/*.md", "./briefs/a.md",
                      "briefs/2024")
    assert paths == ["briefs/a.md", "briefs/2024/06/b.md", "briefs/my brief.txt",
                     "briefs/security-council.md"]


def test_patterns_match_a_path_itself_not_its_folders():
    """A folder named on the command line is walked even when a pattern excludes it: a
    pattern matches each path itself (an excluded folder is simply not entered)."""
    from checker.discovery import Patterns

    patterns = Patterns([".*", "build/", "/top.md", "*.draft.md", "!keep.draft.md"], "/r")
    assert patterns.verdict(".github/") and patterns.verdict("a/.venv/")
    assert patterns.verdict(".github/briefs/a.md") is None
    assert patterns.verdict("build/") and patterns.verdict("build") is None  # a file
    assert patterns.verdict("top.md") and patterns.verdict("a/top.md") is None
    assert patterns.verdict("x/y.draft.md") and patterns.verdict("keep.draft.md") is False
    assert patterns.relative("/r/a/b.md", "b.md") == "a/b.md"
    assert patterns.relative("/rr/a.md", "a.md") == "a.md"


def test_a_walk_of_this_repository_takes_no_readme_venv_or_schema(monkeypatch):
    monkeypatch.chdir(ROOT)
    paths = [p for p in expand(["."]) if isinstance(p, str)]
    assert "samples/paris-summit.fr.txt" in paths
    assert not [p for p in paths if p.startswith((".venv", ".git", "briefcheck.egg-info"))
                or p.endswith(("README.md", ".schema.json"))]


def test_a_run_on_one_file_does_not_import_pathspec():
    from test_import_cost import modules_after

    from conftest import SEED

    loaded = modules_after(
        "from checker.cli import cli\n"
        "try:\n"
        f"    cli.main(['--format', 'json', '-o', '/dev/null', {str(SEED)!r}])\n"
        "except SystemExit:\n"
        "    pass")
    assert "checker.facts" in loaded and "pathspec" not in loaded

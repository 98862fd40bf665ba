"""Where a checked file is, as code-scanning and CI annotations need it: relative to the
repository root, in one spelling, whatever the working directory or the path form given.

Why: GitHub matches a SARIF result or an annotation to a file by its path from the root of
the repository. `cd samples && briefcheck consistency/x.txt`, `./samples/consistency/x.txt`,
`samples/a/../consistency/x.txt` and `/abs/…/samples/consistency/x.txt` are one file and
must give one URI, or the same finding becomes a new alert on every other upload.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path, PurePosixPath

#: The name a report gives to standard input (`checker.run.STDIN_NAME`).
STDIN_NAME = "<stdin>"


@cache
def repository_root(start: str) -> Path:
    """The nearest folder from `start` upwards that holds `.git` (a folder, or a file in a
    worktree or submodule); `start` itself when there is none, so a tree that is not a git
    checkout is reported relative to where briefcheck ran."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def repository_path(path: str, root: Path | None = None) -> str | None:
    """`path` relative to the repository root (`/` separators, no `./`, no `..`), or None
    when it is outside the repository (or standard input)."""
    if path == STDIN_NAME:
        return None
    root = root or repository_root(os.getcwd())
    absolute = Path(os.path.abspath(path))  # normalises `a/../x` and `./x`, keeps links
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        try:  # the root was resolved: compare with symbolic links resolved too
            relative = absolute.resolve().relative_to(root)
        except (ValueError, OSError):
            return None
    return PurePosixPath(*relative.parts).as_posix()


def display_path(path: str) -> str:
    """The path for an annotation: from the repository root when the file is in it, else
    normalised as given (no `./`)."""
    found = repository_path(path)
    if found is not None:
        return found
    if path == STDIN_NAME:
        return path
    return os.path.normpath(path).replace(os.sep, "/")

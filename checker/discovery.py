"""Which files a run checks: the paths given, directories walked, globs expanded.

Its own module because what a run reads is a question of its own (which files are briefs,
what a walk leaves out, where symbolic links may lead), asked before any brief is read.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from checker.loaders import EXTENSIONS
from checker.report import DocumentReport
from checker.run import STDIN

_GLOB_CHARS = frozenset("*?[")


def expand(paths: Iterable[str]) -> list[str | DocumentReport]:
    """The files to check, in the order given (directories and globs sorted), or a report
    with `error` for a directory or glob that holds no brief."""
    items: list[str | DocumentReport] = []
    for path in paths:
        if path != STDIN and Path(path).is_dir():
            files = briefs_in(path)
            missing = f"no briefs found (looked for {', '.join(EXTENSIONS)})"
        elif _GLOB_CHARS & set(path) and not Path(path).exists():
            files = sorted(p for p in glob.glob(path, recursive=True)
                           if Path(p).is_file() and Path(p).suffix.lower() in EXTENSIONS)
            missing = "no briefs match this pattern"
        else:
            items.append(path)
            continue
        items.extend(files or [DocumentReport(path=path, lang=None, format=None, error=missing)])
    return items


def briefs_in(directory: str) -> list[str]:
    """The brief files under a directory, recursively, by extension, sorted: regular files
    and symlinks to nothing (listed, so the report says so instead of skipping them).
    Directory symlinks are not followed (no loops); unreadable folders are skipped.

    Why `os.scandir`: its entries know their type without a `stat` per file (1,000 briefs:
    1.7 ms instead of 8.9 with `Path.rglob` and `is_file`)."""
    found, folders = [], [str(Path(directory))]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    elif os.path.splitext(entry.name)[1].lower() in EXTENSIONS and (
                            _is_file(entry) or _dangling(entry.path)):
                        found.append(entry.path)
        except OSError:
            continue
    return sorted(found)


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:  # a link to itself (too many levels of links): listed if dangling
        return False


def _dangling(path: str) -> bool:
    return os.path.islink(path) and not os.path.exists(path)

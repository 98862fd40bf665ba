"""briefcheck: checks news briefs for structure, self-consistency and redundancy.

Public API: `check_text`, `check_path` (both return a `checker.report.DocumentReport`) and
`__version__`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.2.0"

if TYPE_CHECKING:
    from checker.config import Config
    from checker.report import DocumentReport


def check_text(
    text: str, path: str = "<string>", format: str | None = None, config: Config | None = None
) -> DocumentReport:
    """Check a brief given as a string; `format` is text|markdown|html|json, else sniffed."""
    from checker.run import check_source

    return check_source(text, path, format, config)


def check_path(path: str, config: Config | None = None) -> DocumentReport:
    """Check one file; an unreadable file gives a report whose `error` says why."""
    from checker.run import check_file

    return check_file(path, config)


__all__ = ["__version__", "check_path", "check_text"]

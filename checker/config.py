"""The one validated settings object of a run, and where it comes from.

Defaults live here and only here. A config file (`--config FILE`, else the nearest
`.briefcheck.toml`, else `[tool.briefcheck]` of the nearest `pyproject.toml`, looked for
from each checked file's directory upwards, like ruff: `ConfigResolver`) is validated with `extra="forbid"`, so a misspelt key is
an error naming the key; command-line options then override file values.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

from checker.report import Severity

FailOn = Literal["error", "warning", "info", "never"]
Lang = Literal["auto", "fr", "en"]


#: What directory walks and globs leave out (gitignore syntax): hidden files and folders,
#: tool and build folders (ruff's default `exclude`, less its hidden names), and the files
#: of a repository that are not briefs. A config's `exclude` replaces this list;
#: `extend_exclude` adds to it. Names that are about a repository, not news ("README",
#: "LICENSE") are matched in any case, on the name before its extension, or with any suffix
#: in upper case ("README-dev.md", "LICENSE-MIT.txt"); "security-council.md" is a brief.
_REPOSITORY_FILES = (
    "README", "CHANGELOG", "CHANGES", "HISTORY", "LICENSE", "LICENCE", "COPYING", "NOTICE",
    "AUTHORS", "CONTRIBUTORS", "CONTRIBUTING", "CODE_OF_CONDUCT", "SECURITY", "SUPPORT",
    "GOVERNANCE", "MAINTAINERS", "CITATION", "FUNDING",
)


def _any_case(name: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in name)


DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".*",
    "__pycache__", "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules",
    "site-packages", "venv", "*.egg-info", "htmlcov", "_site",
    *(f"{name}*" for name in _REPOSITORY_FILES),
    *(f"{_any_case(name)}{suffix}" for name in _REPOSITORY_FILES for suffix in ("", ".*")),
    "package.json", "package-lock.json", "npm-shrinkwrap.json", "composer.json",
    "bower.json", "deno.json", "lerna.json", "renovate.json", "tsconfig*.json",
    "jsconfig.json", "*.schema.json", "requirements*.txt", "constraints*.txt",
    "CMakeLists.txt", "robots.txt",
)


class ConfigError(Exception):
    """A config that cannot be used: the message names the file, the key and the reason."""


SectionKindName = Literal["key_points", "summary", "body", "conclusion", "title", "other"]


class _OutOfRange(ValueError):
    """A share outside [0, 1]; carries the key, so the error can name it."""

    def __init__(self, key: str, value: float):
        super().__init__(f"Input should be between 0 and 1, not {value}")
        self.key = key


@dataclass(frozen=True)
class RedundancyConfig:
    """Thresholds of the redundancy rules (R3xx) and the repetition a brief is meant to have.

    Scores are `checker.align.similarity` (1.0 = same content words). The defaults were
    calibrated on the seed and benchmarks/accuracy/corpus (RESULTS-redundancy.md): unrelated
    sentences of one brief score at most 0.59, a copy with two words changed 0.80 or more in
    95% of cases (0.67 when they are two of six content words, the shortest still counted).
    """

    __pydantic_config__ = {"extra": "forbid"}

    #: At or above: the sentence is a (near-)verbatim copy.
    verbatim: float = 0.9
    #: At or above (and below `verbatim`): a close paraphrase. Below: unrelated.
    paraphrase: float = 0.65
    #: R302 fires when at least this share of a section's words is in sentences repeating
    #: earlier sections. A brief's sections are three to five sentences: one copied sentence
    #: of five is already a fifth (the seed's first body section: 22%).
    section_overlap: float = 0.2
    #: Repetition that is the brief's nature, not a fault: later section kind -> earlier
    #: kinds it may repeat. The Summary restates the Key Points by design; the body and the
    #: Conclusion should say something new (the clean corpus never copies into them).
    expected: dict[SectionKindName, tuple[SectionKindName, ...]] = field(
        default_factory=lambda: {"summary": ("key_points",)}
    )

    def __post_init__(self) -> None:
        for key in ("verbatim", "paraphrase", "section_overlap"):
            if not 0.0 <= getattr(self, key) <= 1.0:
                raise _OutOfRange(key, getattr(self, key))


@dataclass(frozen=True)
class Config:
    """A run's settings. A frozen dataclass, not the pydantic model STYLE.md suggests: a run
    without a config file then never imports pydantic (about 60 ms of a 0.3 s run). Config
    files are still validated by pydantic, against these same fields (`load_config`)."""

    __pydantic_config__ = {"extra": "forbid"}

    #: Rule codes or prefixes to run ("ALL" for every rule).
    select: tuple[str, ...] = ("ALL",)
    #: Rule codes or prefixes not to run; wins over select.
    ignore: tuple[str, ...] = ()
    #: Per-rule severity overrides, e.g. {"C211": "error"}.
    severity: dict[str, Severity] = field(default_factory=dict)
    #: Which findings make the run fail (exit 1).
    fail_on: FailOn = "error"
    #: Document language: auto-detected, or forced.
    lang: Lang = "auto"
    #: Another editorial schema than the shipped one (a path, relative to the config file).
    schema: Path | None = None
    #: Redundancy thresholds and expected overlaps ([redundancy] table).
    redundancy: RedundancyConfig = field(default_factory=RedundancyConfig)
    #: Which files directory walks and globs take (gitignore syntax, relative to the config
    #: file's folder); empty: the brief extensions, in any case (checker.loaders.EXTENSIONS).
    include: tuple[str, ...] = ()
    #: What walks and globs leave out (gitignore syntax); replaces the defaults.
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    #: Left out as well as `exclude`: the way to add to the defaults.
    extend_exclude: tuple[str, ...] = ()
    #: Whether walks and globs leave out what .gitignore files ignore (in a git work tree).
    respect_gitignore: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "select", _codes(self.select))
        object.__setattr__(self, "ignore", _codes(self.ignore))
        object.__setattr__(self, "severity",
                           {str(k).upper(): Severity(v) for k, v in self.severity.items()})
        for key in _PATTERN_KEYS:
            object.__setattr__(self, key, tuple(getattr(self, key)))
        if self.fail_on not in get_args(FailOn):
            raise ValueError(f"fail_on: unknown value {self.fail_on!r}")
        if self.lang not in get_args(Lang):
            raise ValueError(f"lang: unknown value {self.lang!r}")
        if self.schema is not None and not isinstance(self.schema, Path):
            object.__setattr__(self, "schema", Path(self.schema))

    @property
    def schema_path(self) -> Path | None:
        return self.schema

    def with_overrides(self, **overrides: object) -> Config:
        """A copy with command-line values (those not None) replacing file values."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **changes) if changes else self


#: Keys holding gitignore-style patterns: checked as patterns when a config file sets them.
_PATTERN_KEYS = ("include", "exclude", "extend_exclude")


def code_problem(key: str, codes: tuple[str, ...]) -> str | None:
    """What is wrong with the codes of `select`, `ignore` or `severity`, else None.

    Why: a code that matches no rule would silently check nothing (a folder's config with
    `select = ["S9"]` turned the gate off), and an empty `select` checks nothing at all."""
    from checker.rules import all_rules

    if key == "select" and not codes:
        return "no rule selected, so nothing would be checked (\"ALL\" selects every rule)"
    known = list(all_rules())
    for code in codes:
        if key == "severity" and code not in known:
            return f"'{code}' is not a rule code (see 'briefcheck rules')"
        if code != "ALL" and not any(k.startswith(code) for k in known):
            return f"unknown rule code or prefix '{code}' (see 'briefcheck rules')"
    return None


def _codes(value: object) -> object:
    """("S1", "C2") from "S1, c2" or ["S1", " c2"]."""
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, (list, tuple)):
        return tuple(str(part).strip().upper() for part in value if str(part).strip())
    return value


@cache
def _validator() -> Any:
    """pydantic's validator of Config, built on first use: only runs with a config file pay
    for importing pydantic."""
    from pydantic import TypeAdapter

    return TypeAdapter(Config)


#: A config is a few hundred bytes; a larger file is not one (and would cost memory to parse).
MAX_CONFIG_BYTES = 1024 * 1024


def _read_toml(path: Path) -> dict:
    """The TOML table of a config file: a regular file of at most MAX_CONFIG_BYTES, as
    briefs are read (`checker.files`); nesting too deep for the parser is refused."""
    from checker.files import UnreadableFile, read_regular_file

    try:
        data = read_regular_file(path, MAX_CONFIG_BYTES)
        if len(data) > MAX_CONFIG_BYTES:
            raise UnreadableFile(f"larger than the {MAX_CONFIG_BYTES // 1024} KB limit of a config")
        return tomllib.loads(data.decode("utf-8"))
    except UnreadableFile as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read config: not UTF-8 ({exc.reason} at byte"
                          f" {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def _briefcheck_table(path: Path, data: dict) -> dict | None:
    """The [tool.briefcheck] table of a pyproject.toml's data, None when it has none.
    Raises ConfigError when `tool` or `tool.briefcheck` is not a table."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: invalid config key 'tool': should be a table")
    if "briefcheck" not in tool:
        return None
    if not isinstance(tool["briefcheck"], dict):
        raise ConfigError(f"{path}: invalid config key 'tool.briefcheck': should be a table")
    return tool["briefcheck"]


def discover(start: Path) -> Path | None:
    """The config file that applies to `start`: nearest .briefcheck.toml or pyproject.toml
    with a [tool.briefcheck] table, walking up the directories."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / ".briefcheck.toml"
        if os.path.isfile(candidate):  # False, not OSError, for a name too long
            return candidate
        pyproject = directory / "pyproject.toml"
        if os.path.isfile(pyproject) and _has_briefcheck_table(pyproject):
            return pyproject
    return None


#: pyproject.toml (path, mtime, size) -> whether it has a [tool.briefcheck] table: a walk
#: asks from each of its folders, and parsing the same file each time cost 1 ms a folder.
_TABLES: dict[tuple[str, int, int], bool] = {}


def _has_briefcheck_table(pyproject: Path) -> bool:
    try:
        info = pyproject.stat()
    except OSError:
        return False
    key = (str(pyproject), info.st_mtime_ns, info.st_size)
    if key not in _TABLES:
        _TABLES[key] = _briefcheck_table(pyproject, _read_toml(pyproject)) is not None
    return _TABLES[key]


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The config of `path`, else of the file discovered from `start`, else the defaults."""
    if path is None:
        path = discover(start or Path.cwd())
        if path is None:
            return Config()
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = _briefcheck_table(path, data) or {}
    return _validated(data, path)


def _validated(data: dict, path: Path) -> Config:
    """The Config of a file's table; errors name the file, the key and the reason."""
    from pydantic import ValidationError

    data = {k: _codes(v) if k in ("select", "ignore") else v for k, v in data.items()}
    try:
        config = _validator().validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(part) for part in first["loc"]]
        reason = first["msg"]
        error = first.get("ctx", {}).get("error")
        if isinstance(error, _OutOfRange):
            loc.append(error.key)
            reason = str(error)
        if first["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            reason = "unknown key"
            if loc and loc[-1].replace("-", "_") in _FIELDS:
                reason += f" (did you mean '{loc[-1].replace('-', '_')}'?)"
        elif loc and loc[0] in _PATTERN_KEYS:
            reason = "should be a list of strings (gitignore-style patterns)"
        key = ".".join(loc) or "(top level)"
        raise ConfigError(f"{path}: invalid config key '{key}': {reason}") from None
    for key in ("select", "ignore", "severity"):
        if key in data:
            problem = code_problem(key, tuple(getattr(config, key)))
            if problem:
                raise ConfigError(f"{path}: invalid config key '{key}': {problem}")
    if config.schema is not None and not config.schema.is_absolute():
        config = replace(config, schema=path.parent / config.schema)
    for key in _PATTERN_KEYS:
        if key in data:
            from checker.discovery import PatternError, Patterns

            try:
                Patterns(getattr(config, key), str(path.parent))
            except PatternError as exc:
                raise ConfigError(f"{path}: invalid config key '{key}': {exc}") from None
    return config


_FIELDS = frozenset(Config.__dataclass_fields__)


class ConfigResolver:
    """The config of each checked file, like ruff: `--config FILE` for every file when given,
    else the file discovered from the file's own directory upwards (stdin: from the current
    directory), each with the command-line overrides applied. Loaded once per config file."""

    def __init__(self, explicit: Path | None = None, **overrides: object):
        self.explicit = explicit
        self.overrides = overrides
        #: The config of stdin and of files under the current directory's config.
        self.default = load_config(explicit).with_overrides(**overrides)
        self._loaded: dict[Path | None, Config] = {}
        #: Directory -> the config file found from it: a batch's files share a few folders,
        #: and discovery reads and parses every pyproject.toml up to the root (1 ms a file).
        self._found: dict[str, Path | None] = {}

    def __call__(self, path: str) -> Config:
        """The config for the brief at `path` ("-" is stdin). Raises ConfigError."""
        if self.explicit is not None or path == "-":
            return self.default
        return self.for_folder(os.path.dirname(path))[0]

    def for_folder(self, directory: str) -> tuple[Config, Path | None]:
        """The config of the files in `directory`, and the file it comes from (None: the
        defaults): a walk reads its include/exclude patterns, relative to that file's
        folder, from it. Raises ConfigError."""
        if self.explicit is not None:
            return self.default, self.explicit
        if directory not in self._found:
            self._found[directory] = discover(Path(directory))
        found = self._found[directory]
        if found not in self._loaded:
            base = load_config(found) if found is not None else Config()
            self._loaded[found] = base.with_overrides(**self.overrides)
        return self._loaded[found], found

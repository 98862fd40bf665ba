"""Which files a run checks: the paths given, directories walked, globs expanded.

Its own module because what a run reads is a question of its own, asked before any brief
is read: which files are briefs, what a walk leaves out, where symbolic links may lead.

- **Named files are always checked** (like ruff), unless `force_exclude` (pre-commit and
  editors name every file): then include, exclude and .gitignore apply to them too.
- **Walks and globs** take the files of `Config.include` (default: the brief extensions)
  and leave out `Config.exclude` (default: `checker.config.DEFAULT_EXCLUDE`) plus
  `extend_exclude`, the command line's patterns and what .gitignore files ignore, each
  pattern in gitignore syntax, matched against each file or folder itself (an excluded
  folder is not entered; a folder named on the command line is walked all the same).
- **Globs are expanded here**, the same on every platform: `*`, `?`, `[...]` within a name
  (not matching a leading dot), `**` for any number of folders. A glob is a walk from its
  first folder with a wildcard, keeping the files the pattern matches.
- **Symbolic links**: a link to a file outside the folder walked (or the glob's base) is
  refused, never read, unless `follow_external_symlinks`: in CI a pull request controls
  the tree, and `briefs/n.txt -> /etc/shadow` would put that file into the report. Links to
  folders are not followed (as git, ruff and ripgrep do; their targets inside the tree are
  walked where they are), except outside links when allowed: then each real folder once.
- **Each real file once**, however many arguments or links reach it; a walk names it by
  its path that is not a link when it has one.
- **The run's own output** (`-o`, --report-dir's files) is never checked: walks and globs
  skip it when it holds a briefcheck report (an earlier run's), and refuse to write over
  anything else they find there, or over a file named to be checked, before anything is
  written.

Patterns that are a name ("node_modules", "README*", every default) are matched by name
here; the others (with a folder, `**`, an escape, or in a list with negations) are
translated by pathspec, gitignore's syntax as git reads it (the library black, mypy and
yamllint use for the same), imported only then: about 10 ms (python -X importtime), against
a syntax of negations, anchors, `**` and escapes easy to get subtly wrong by hand.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from checker.config import Config
from checker.files import report_name
from checker.loaders import EXTENSIONS, format_for
from checker.report import DocumentReport
from checker.run import STDIN

_GLOB_CHARS = frozenset("*?[")
_DEFAULT = Config()
#: (st_dev, st_ino): what makes two paths the same file or folder.
Identity = tuple[int, int]


class PatternError(ValueError):
    """A pattern that is not valid gitignore syntax: the message names it."""


class DiscoveryError(Exception):
    """The run's files cannot be listed safely (a report would be written over a brief, a
    .gitignore too large to read): the message names the file and the problem; exit 2."""


#: At most this many patterns in one list or .gitignore file: their regular expression
#: takes about 0.2 ms a pattern to build (20,000 in a pull request's folder config: 4 s).
MAX_PATTERNS = 10_000


@dataclass(frozen=True)
class Options:
    """How to find the files of a run, besides each folder's config.

    `config_for(directory)` gives the folder's Config and the config file it comes from
    (`checker.config.ConfigResolver.for_folder`); `exclude`/`extend_exclude` come from the
    command line (relative to the current folder; `exclude` replaces each config's
    `exclude`); `outputs` are the files the run will write."""

    config_for: Callable[[str], tuple[Config, Path | None]] | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    follow_external_symlinks: bool = False
    outputs: tuple[str, ...] = ()


class Patterns:
    """Gitignore-syntax patterns relative to the folder `anchor`, each matched against a
    path itself (a folder's path ends with "/"); the last pattern that matches decides.

    Most patterns name a file or folder at any depth ("node_modules", "README*"): without
    negations those are looked up by name (a set, one regex over the name), the others
    (pathspec's translation) in one regex over the path; a few us a path instead of 20
    for pathspec's regex of each pattern in turn (2,000 briefs: 40 ms)."""

    def __init__(self, lines: Iterable[str], anchor: str):
        self.anchor = anchor
        lines = list(lines)
        for line in lines:
            if not isinstance(line, str):
                raise PatternError(f"{line!r} is not a pattern (a string)")
        if len(lines) > MAX_PATTERNS:
            raise PatternError(f"more than {MAX_PATTERNS:,} patterns")
        negations = any(line.startswith("!") for line in lines)
        names: dict[bool, set[str]] = {False: set(), True: set()}  # folder only?
        wild: dict[bool, list[str]] = {False: [], True: []}
        paths: list[tuple[str, bool]] = []
        self._count = 0
        for line in lines:
            text = line.rstrip(" ")
            if not text or text.startswith("#"):
                continue
            self._count += 1
            folder = text.endswith("/")
            name = text.rstrip("/")
            if negations or not name or "/" in name or "\\" in name or "**" in name:
                paths.append(_gitignore_regex(line))
            elif _GLOB_CHARS & set(name):
                wild[folder].append(fnmatch.translate(name))
            else:
                names[folder].add(name)
        self._ordered: list[tuple[re.Pattern[str], bool]] | None = None
        if negations:
            self._ordered = [(re.compile(regex), include) for regex, include in paths[::-1]
                             if include is not None]
            return
        self._names = names
        self._wild = {folder: re.compile("|".join(regexes)) if regexes else None
                      for folder, regexes in wild.items()}
        paths = [regex for regex, include in paths if include is not None]
        self._paths = re.compile("|".join(f"(?:{r})" for r in paths)) if paths else None

    def __bool__(self) -> bool:
        return self._count > 0

    def verdict(self, relative: str) -> bool | None:
        """True if a pattern matches `relative` (a folder's ends with "/"; last pattern
        wins; False: a negation), None if none does."""
        folder = relative.endswith("/")
        name = relative[relative.rfind("/", 0, len(relative) - 1) + 1:].rstrip("/")
        return self.matches(name, relative, folder)

    def matches(self, name: str, relative: str, folder: bool) -> bool | None:
        """`verdict` of `relative` when its last name is known."""
        if self._ordered is not None:
            for regex, include in self._ordered:
                if regex.fullmatch(relative):
                    return include
            return None
        for folder_only in ((False, True) if folder else (False,)):
            wild = self._wild[folder_only]
            if name in self._names[folder_only] or (wild is not None and wild.match(name)):
                return True
        if self._paths is not None and self._paths.fullmatch(relative):
            return True
        return None

    def prefix(self, folder: str, fallback: str) -> str:
        """What comes before a name in the folder `folder` (absolute) to make its path
        relative to the anchor ("" at the anchor); outside it, `fallback`'s."""
        inside = self.relative(folder, fallback)
        return f"{inside}/" if inside else ""

    def relative(self, absolute: str, fallback: str) -> str:
        """`absolute` relative to the anchor, "/"-separated; `fallback` if outside it."""
        anchor = self.anchor
        if absolute.startswith(anchor) and absolute[len(anchor):len(anchor) + 1] in (os.sep, ""):
            absolute = absolute[len(anchor) + 1:]
        else:
            absolute = fallback
        return absolute.replace(os.sep, "/") if os.sep != "/" else absolute


@dataclass
class _Filter:
    """What one config lets a walk take: its include and exclude patterns."""

    include: Patterns | None  # None: the brief extensions
    exclude: list[Patterns]
    gitignore: bool


class _Here:
    """The patterns that apply in one folder of a walk, each with the folder's path relative
    to its anchor, so that each name in it costs a string and a lookup."""

    def __init__(self, rules: _Filter, chain: list[Patterns], folder: str, inside: str):
        self.include = rules.include and (rules.include, rules.include.prefix(folder, inside))
        self.exclude = [(p, p.prefix(folder, inside)) for p in rules.exclude]
        self.chain = [(p, p.prefix(folder, "")) for p in chain]

    def takes(self, name: str) -> bool:
        if not self.include:
            return os.path.splitext(name)[1].lower() in EXTENSIONS
        patterns, prefix = self.include
        return patterns.matches(name, prefix + name, False) is True

    def excludes(self, name: str, folder: bool) -> bool:
        """Whether an exclude pattern or .gitignore leaves `name` out."""
        end = "/" if folder else ""
        for patterns, prefix in self.exclude:
            if patterns.matches(name, prefix + name + end, folder):
                return True
        for patterns, prefix in self.chain:  # deepest first; the first to say decides
            verdict = patterns.matches(name, prefix + name + end, folder)
            if verdict is not None:
                return verdict
        return False


@dataclass
class _Found:
    """What one argument's walk or glob found."""

    files: list[tuple[str, Identity | None, bool]] = field(default_factory=list)
    refused: list[DocumentReport] = field(default_factory=list)
    excluded: int = 0


class _Discovery:
    """One run's expansion: the folders and files already reached, the caches."""

    def __init__(self, options: Options):
        self.options = options
        self.cwd = os.getcwd()
        self.seen: set[Identity] = set()
        self._filters: dict[Path | None, _Filter] = {}
        #: Folder -> whether it is in a git work tree, and the .gitignore patterns there.
        self._gitignores: dict[str, tuple[bool, list[Patterns]]] = {}

    @cached_property
    def outputs(self) -> set[Identity]:
        """The files this run will write that exist already."""
        return {identity for output in self.options.outputs
                if (identity := _identity(output)) is not None}

    # -- config -----------------------------------------------------------------------------

    def filter_for(self, directory: str) -> _Filter:
        """The include/exclude patterns that apply in `directory` (its config's)."""
        if self.options.config_for is None:
            config, source = _DEFAULT, None
        else:
            config, source = self.options.config_for(directory)
        if source not in self._filters:
            anchor = str(source.parent.absolute()) if source is not None else self.cwd
            options = self.options
            base = (config.exclude if options.exclude is None else ())
            exclude = [Patterns(base + config.extend_exclude, anchor),
                       Patterns((options.exclude or ()) + options.extend_exclude, self.cwd)]
            include = Patterns(config.include, anchor) if config.include else None
            self._filters[source] = _Filter(include, [p for p in exclude if p],
                                            config.respect_gitignore)
        return self._filters[source]

    # -- .gitignore -------------------------------------------------------------------------

    def gitignores(self, directory: str) -> list[Patterns]:
        """The .gitignore patterns that apply in the absolute `directory`, deepest first:
        its own .gitignore and its parents' up to the root of its git work tree, and that
        tree's .git/info/exclude. None outside a work tree (as git: a stray .gitignore in a
        home folder says nothing about briefs)."""
        pending, current = [], directory
        while current not in self._gitignores:  # up to a folder known, or the top
            pending.append(current)
            if os.path.lexists(os.path.join(current, ".git")):
                break
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        for folder in reversed(pending):  # then down, each from its parent's
            if os.path.lexists(os.path.join(folder, ".git")):  # a work tree's root
                state = (True, _read_ignore(os.path.join(folder, ".gitignore"), folder)
                         + _read_ignore(os.path.join(folder, ".git", "info", "exclude"), folder))
            else:
                parent = os.path.dirname(folder)
                in_tree, above = self._gitignores.get(parent, (False, []))
                own = _read_ignore(os.path.join(folder, ".gitignore"), folder) if in_tree else []
                state = (in_tree, own + above)
            self._gitignores[folder] = state
        return self._gitignores[directory][1]

    def here(self, folder: str, inside: str) -> _Here:
        rules = self.filter_for(folder)
        return _Here(rules, self.gitignores(folder) if rules.gitignore else [], folder, inside)

    def left_out(self, path: str) -> bool:
        """Whether --force-exclude leaves out `path`, named on the command line: as a walk
        from the current folder would, by its own name or a folder's on the way to it
        (`drafts/d.md` with `drafts/` git-ignored); folders above the current one do not
        count (a checkout in `/home/ci/build/repo` is not in a build folder)."""
        absolute = os.path.abspath(path)
        folder = os.path.isdir(path)
        here = self.here(os.path.dirname(absolute), "")
        if not folder and not here.takes(os.path.basename(absolute)):
            return True
        top = self.cwd.rstrip(os.sep) + os.sep
        current = absolute
        while True:
            if here.excludes(os.path.basename(current), folder):
                return True
            current, folder = os.path.dirname(current), True
            if not current.startswith(top):
                return False
            here = self.here(os.path.dirname(current), "")

    # -- walking ----------------------------------------------------------------------------

    def walk(self, root: str, glob: _Glob | None = None) -> _Found:
        """The files under the folder `root` (a glob's: those it matches), and the refused."""
        found = _Found()
        visited: set[Identity] = set()  # real folders: a loop of links ends
        root = os.path.normpath(root)
        tree = os.path.realpath(root)
        start = glob.start if glob else None
        folders = [(root, os.path.abspath(root), "", start)]
        follow = self.options.follow_external_symlinks
        while folders:
            shown, absolute, inside, states = folders.pop()
            try:
                info = os.stat(absolute)
            except OSError:
                continue
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            here = self.here(absolute, inside)
            try:
                with os.scandir(absolute) as scan:
                    entries = list(scan)
            except OSError:
                continue
            for entry in entries:
                name = entry.name
                path = name if shown == os.curdir else f"{shown}{os.sep}{name}"
                full = entry.path
                link = entry.is_symlink()
                if _is_dir(entry):
                    if link and (not follow or _inside(os.path.realpath(full), tree)):
                        continue  # a folder link inside: its target is walked where it is
                    if here.excludes(name, True):
                        continue
                    inner = glob.enter(states, name) if glob else None
                    if glob and not inner:
                        continue
                    folders.append((path, full, f"{inside}/{name}" if inside else name, inner))
                    continue
                if glob and not glob.matches(states, name):
                    continue
                if not here.takes(name):
                    continue
                if here.excludes(name, False):
                    found.excluded += 1
                    continue
                if link:
                    identity = _identity(full)  # None: a link to nothing, reported broken
                    if (identity is not None and not follow
                            and not _inside(os.path.realpath(full), tree)):
                        found.refused.append(DocumentReport(
                            path=report_name(path), lang=None, format=format_for(path),
                            error=f"symbolic link to a file outside the folder checked ({root});"
                                  " not read (--follow-external-symlinks allows it)"))
                        continue
                    found.files.append((path, identity, True))
                elif _is_file(entry):
                    inode = entry.inode()  # 0: a file system without inode numbers
                    found.files.append((path, (info.st_dev, inode) if inode else None, False))
        return found

    def take(self, found: _Found) -> list[str | DocumentReport]:
        """The files of a walk not reached before, and its refused links, sorted by path:
        one path per real file (not a link when it has one); never this run's output."""
        files = sorted(found.files, key=lambda file: file[0])
        chosen: dict[Identity, tuple[str, bool]] = {}
        for path, identity, link in files:
            if identity is not None and (identity not in chosen or chosen[identity][1] and not link):
                chosen[identity] = (path, link)
        items: list[tuple[str, str | DocumentReport]] = []
        for path, identity, _ in files:
            if identity is None:
                items.append((path, path))
            elif chosen.get(identity, ("",))[0] == path:
                if identity in self.outputs:
                    if _is_report(path):
                        continue  # this run's output, written by an earlier run
                    raise DiscoveryError(
                        f"{path}: is checked as a brief, and is where the report is to be"
                        " written (-o or --report-dir); refusing to write over it")
                if identity in self.seen:
                    continue
                self.seen.add(identity)
                items.append((path, path))
        items.extend((report.path, report) for report in found.refused)
        return [item for _, item in sorted(items, key=lambda pair: pair[0])]

    def named(self, path: str) -> list[str | DocumentReport]:
        """A file named on the command line: checked once, never the run's output."""
        if self.options.force_exclude and self.left_out(path):
            return []
        identity = _identity(path)
        if identity is None:
            return [path]  # reported as it is (missing, a broken link…)
        if identity in self.outputs:
            raise DiscoveryError(
                f"{path}: is where the report is to be written (-o or --report-dir); refusing"
                " to write a report over a file being checked")
        if identity in self.seen:
            return []
        self.seen.add(identity)
        return [path]


class _Glob:
    """A glob pattern's components after its base folder, matched folder by folder: a state
    is the index of the next component to match; `**` matches any number of folders."""

    STARS = "**"

    def __init__(self, parts: list[str]):
        self.parts = parts
        self.regexes = [None if part == self.STARS else re.compile(fnmatch.translate(part))
                        for part in parts]
        self.start = self._closure({0})

    def _closure(self, states: set[int]) -> frozenset[int]:
        more = set(states)
        for index in sorted(states):
            while index < len(self.parts) and self.parts[index] == self.STARS:
                index += 1
                more.add(index)
        return frozenset(more)

    def _match(self, index: int, name: str) -> bool:
        part = self.parts[index]
        if name.startswith(".") and not part.startswith("."):
            return False  # as shells do: a wildcard does not match a leading dot
        regex = self.regexes[index]
        return regex is None or regex.match(name) is not None

    def enter(self, states: frozenset[int], name: str) -> frozenset[int]:
        """The states inside the folder `name` (empty: nothing in it can match)."""
        inner = set()
        last = len(self.parts) - 1
        for index in states:
            if index > last:
                continue
            if self.parts[index] == self.STARS:
                if self._match(index, name):
                    inner.add(index)
            elif index < last and self._match(index, name):
                inner.add(index + 1)
        return self._closure(inner)

    def matches(self, states: frozenset[int], name: str) -> bool:
        last = len(self.parts) - 1
        return any(index == last and self._match(index, name) for index in states)


def _split_glob(pattern: str) -> tuple[str, _Glob | None]:
    """The folder a glob starts from (its components without wildcards) and the rest."""
    if os.sep != "/":
        pattern = pattern.replace(os.sep, "/")
    parts = pattern.split("/")
    for index, part in enumerate(parts):
        if _GLOB_CHARS & set(part):
            base = "/".join(parts[:index]) or ("/" if pattern.startswith("/") else os.curdir)
            rest = [part for part in parts[index:] if part]
            return base, _Glob(rest)
    return pattern, None


def expand(paths: Iterable[str], options: Options | None = None) -> list[str | DocumentReport]:
    """The files to check, in the order given (directories and globs sorted), or a report
    with `error` for a directory or glob that holds no brief, or for a link refused.
    Raises DiscoveryError (before anything is written) and ConfigError."""
    run = _Discovery(options or Options())
    items: list[str | DocumentReport] = []
    for path in paths:
        if path == STDIN:
            items.append(path)
            continue
        if os.path.isdir(path):
            if run.options.force_exclude and run.left_out(path):
                continue
            found = run.walk(path)
            missing = f"no briefs found (looked for {', '.join(EXTENSIONS)})"
        elif _GLOB_CHARS & set(path) and not os.path.lexists(path):
            base, glob = _split_glob(path)
            found = run.walk(base, glob) if glob and os.path.isdir(base) else _Found()
            missing = "no briefs match this pattern"
        else:
            items.extend(run.named(path))
            continue
        taken = run.take(found)
        if not taken and not found.files:
            if found.excluded:
                missing += f"; {found.excluded} excluded (exclude patterns, .gitignore)"
            taken = [DocumentReport(path=report_name(path), lang=None, format=None,
                                    error=missing)]
        items.extend(taken)
    return items


def briefs_in(directory: str) -> list[str]:
    """The brief files a walk of `directory` takes, with the default config, sorted."""
    return [item for item in expand([directory]) if isinstance(item, str)]


#: The last line of a text report (`checker.formats.text.summary_line`).
_SUMMARY_LINE = re.compile(r"(?:passed|failed): [^\n]{0,200} in \d+ documents?[^\n]{0,200}\.")


def _is_report(path: str) -> bool:
    """Whether the file looks like a briefcheck report: JSON, HTML, SARIF and JUnit name
    briefcheck near their start, a text report ends with its summary line. A report
    path that holds anything else (a brief) is not written over."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - 512))
            tail = handle.read(512)
    except OSError:
        return False
    last = tail.rstrip().rsplit(b"\n", 1)[-1].decode("utf-8", "replace")
    return b"briefcheck" in head or _SUMMARY_LINE.fullmatch(last) is not None


def _gitignore_regex(line: str) -> tuple[str, bool | None]:
    """pathspec's regular expression of a gitignore pattern and whether it includes (None:
    a comment). Only patterns with a folder in them, `**` or escapes, or a list with
    negations, need it: names are matched without importing it."""
    from pathspec.patterns.gitignore import GitIgnorePatternError
    from pathspec.patterns.gitignore.basic import GitIgnoreBasicPattern

    try:
        return GitIgnoreBasicPattern.pattern_to_regex(line)
    except (GitIgnorePatternError, ValueError, re.error) as exc:
        raise PatternError(f"invalid pattern {line!r}: {exc}") from None


def _identity(path: str) -> Identity | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if info.st_ino else None  # 0: no inode numbers


def _inside(real: str, tree: str) -> bool:
    return real == tree or real.startswith(tree.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    """A regular file (FIFOs and devices are not briefs to find)."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _read_ignore(path: str, anchor: str) -> list[Patterns]:
    """The patterns of a .gitignore file (none if missing; an unreadable one is skipped,
    as git does)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read(1_000_000).splitlines()
    except OSError:
        return []
    lines = [line for line in lines if line.strip() and not line.startswith("#")]
    if len(lines) > MAX_PATTERNS:
        raise DiscoveryError(f"{path}: more than {MAX_PATTERNS:,} patterns; not read")
    kept = []
    for line in lines:
        try:
            Patterns([line], anchor)
        except PatternError:
            continue  # git ignores a line it cannot read
        kept.append(line)
    try:
        patterns = Patterns(kept, anchor)
    except PatternError as exc:
        raise DiscoveryError(f"{path}: {exc}; not read") from None
    return [patterns] if patterns else []

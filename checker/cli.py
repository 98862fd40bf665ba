"""The `briefcheck` command: options -> Config -> run -> render -> exit code. No logic here.

`briefcheck PATH...` checks briefs; `briefcheck rules` and `briefcheck rule CODE` document
the rules. Exit codes (DESIGN.md section 5): 0 nothing at or above --fail-on, 1 something
is, 2 the run could not be done — always with a one-line message, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker import __version__
from checker.formats import FORMATS, SHOWS_EVIDENCE

if TYPE_CHECKING:
    from checker.config import ConfigResolver
    from checker.report import DocumentReport

EXIT_USAGE = 2


class RunError(click.ClickException):
    """The run cannot be done (bad config or schema, unwritable output): exit 2."""

    exit_code = EXIT_USAGE


class _BriefcheckGroup(click.Group):
    """Runs `check` when the first argument is not a subcommand, and turns every usage
    error into one line on stderr with exit code 2."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, **extra):  # noqa: ANN001 - click's signature
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name or "briefcheck", standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(EXIT_USAGE)
        except click.UsageError as exc:
            click.echo(f"briefcheck: error: {exc.format_message()}", err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as exc:
            click.echo(f"briefcheck: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("briefcheck: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _discard_stdout()
            sys.exit(1)
        except OSError as exc:  # stdout on a full disk (`briefcheck rules > /dev/full`)
            _discard_stdout()
            click.echo(f"briefcheck: error: cannot write: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
        sys.exit(code if isinstance(code, int) else 0)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """`briefcheck --help` shows the options of a check, the command people run, before
        the group's own options and the commands."""
        check_command = self.commands["check"]
        check_ctx = click.Context(check_command, info_name="briefcheck", parent=ctx)
        records = [record for param in check_command.get_params(check_ctx)
                   if isinstance(param, click.Option) and "--help" not in param.opts
                   and (record := param.get_help_record(check_ctx))]
        with formatter.section("Check options (briefcheck PATH... [OPTIONS])"):
            formatter.write_dl(records)
        super().format_options(ctx, formatter)


@click.group(cls=_BriefcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefcheck")
def cli() -> None:
    """Check news briefs: structure, self-consistency and redundancy.

    \b
    briefcheck PATH...        check files, directories (recursive), or - for stdin
    briefcheck rules          list every rule
    briefcheck rule CODE      one rule's documentation
    briefcheck audit SOURCE --out DIR   audit an archive into Parquet tables
    """


#: The most processes --jobs may ask for: more is a mistake, not a machine.
MAX_JOBS = 1024


class _Jobs(click.ParamType):
    """--jobs: a number of processes (1 or more), or "auto" (None: decided per batch)."""

    name = "N|auto"

    def convert(self, value, param, ctx):  # noqa: ANN001 - click's signature
        if value is None or value == "auto":
            return None
        text = str(value).strip()
        try:
            number = MAX_JOBS + 1 if text.isdigit() and len(text) > 9 else int(text)
        except (TypeError, ValueError):
            number = 0
        if number < 1:
            self.fail(f"{text[:30]!r} is not a number of processes (1 or more) or 'auto'",
                      param, ctx)
        if number > MAX_JOBS:
            self.fail(f"{text[:30]!r} is more processes than briefcheck starts (at most"
                      f" {MAX_JOBS}; a batch uses no more than its files and CPUs)", param, ctx)
        return number


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def _patterns(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", "outputs", multiple=True, metavar="[FORMAT:]FILE",
              help="Write the report to FILE instead of stdout; FORMAT:FILE writes that format"
                   " there as well (repeatable: one run, every report a job needs, e.g."
                   " -o sarif:briefcheck.sarif -o html:report.html).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              default=None, help="Lowest severity that makes the exit code 1 [default: error].")
@click.option("--lang", type=click.Choice(["auto", "fr", "en"]), default=None,
              help="Language of the briefs [default: auto].")
@click.option("--select", help="Rule codes or prefixes to run, comma separated (e.g. S1,C201).")
@click.option("--ignore", help="Rule codes or prefixes not to run, comma separated.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file [default: .briefcheck.toml or pyproject.toml [tool.briefcheck]"
                   " found from each checked file's directory upwards].")
@click.option("-j", "--jobs", type=_Jobs(), default="auto", show_default=True, metavar="N|auto",
              help="Check files in this many processes (same output as one); auto: one per"
                   " CPU for a batch of 20 files or more.")
@click.option("--report-dir", type=click.Path(file_okay=False, path_type=Path), is_flag=False,
              flag_value="reports", default=None,
              help="Also write report.html and report.json into this folder [default: reports].")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour the terminal report; auto: on a terminal, unless NO_COLOR is set or"
                   " TERM=dumb (FORCE_COLOR forces it).")
@click.option("--sarif-category", default="briefcheck", show_default=True, metavar="NAME",
              help="The SARIF run's category (automationDetails): one per set of alerts that"
                   " replace each other in code scanning.")
@click.option("--exclude", multiple=True, metavar="PATTERNS",
              help="Leave these out of folder walks and globs (gitignore syntax, comma"
                   " separated), instead of the config's exclude and the defaults.")
@click.option("--extend-exclude", multiple=True, metavar="PATTERNS",
              help="Leave these out as well as the config's exclude and the defaults.")
@click.option("--force-exclude", is_flag=True,
              help="Apply include, exclude and .gitignore to paths named on the command line"
                   " too (for pre-commit and editors, which name every file).")
@click.option("--follow-external-symlinks", is_flag=True,
              help="Read files and walk folders that symbolic links lead to outside the folder"
                   " being checked (refused by default).")
def check(
    paths: tuple[str, ...],
    output_format: str,
    outputs: tuple[str, ...],
    fail_on: str | None,
    lang: str | None,
    select: str | None,
    ignore: str | None,
    config_path: Path | None,
    jobs: int | None,
    report_dir: Path | None,
    color: str,
    sarif_category: str,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    force_exclude: bool,
    follow_external_symlinks: bool,
) -> int:
    """Check briefs and report what is wrong with them."""
    from checker.discovery import DiscoveryError, Options, expand
    from checker.config import ConfigError, ConfigResolver
    from checker.run import collector_paused
    from checker.schema import SchemaError, load_schema

    _check_codes(_codes(select), _codes(ignore))
    try:
        config_for = ConfigResolver(config_path, fail_on=fail_on, lang=lang,
                                    select=_codes(select), ignore=_codes(ignore))
        config = config_for.default
        load_schema(config.schema_path)
    except (ConfigError, SchemaError) as exc:
        raise RunError(str(exc)) from None
    except ValueError as exc:  # an override that does not validate
        raise click.UsageError(str(exc).splitlines()[0]) from None
    targets = _targets(outputs, output_format)
    reports = (report_dir / "report.html", report_dir / "report.json") if report_dir else ()
    written = tuple(str(path) for _, path in targets if path) + tuple(map(str, reports))
    options = Options(config_for.for_folder, _patterns(exclude) if exclude else None,
                      _patterns(extend_exclude), force_exclude, follow_external_symlinks,
                      written)
    try:
        items = expand(paths, options)
    except (ConfigError, DiscoveryError) as exc:
        raise RunError(str(exc)) from None
    # The collector stays off until the report is written and freed: a 5 MB brief's report
    # holds a million objects that it walked three times for nothing (0.26 s), once when
    # the check was done, once while rendering, once at exit. (The console script has it
    # off from the start and for good: `checker.__main__`.)
    with collector_paused():
        return _check_and_report(items, config_for, jobs, targets, report_dir,
                                 _use_color(color, output_format, targets),
                                 {"sarif": {"category": sarif_category}})


#: Where a report goes: (format, file), the file None for stdout.
Target = tuple[str, "Path | None"]


def _targets(outputs: tuple[str, ...], output_format: str) -> list[Target]:
    """The reports to write: `-o FILE` is the --format report (instead of stdout),
    `-o FORMAT:FILE` that format's; the --format report goes to stdout unless a plain
    `-o FILE` took it. (A file whose name starts with a format and a colon: `-o ./json:x`.)"""
    targets: list[Target] = []
    plain = False
    for value in outputs:
        name, colon, rest = value.partition(":")
        if colon and name.lower() in FORMATS:
            if not rest:
                raise click.UsageError(f"-o {value}: no file after '{name}:'")
            targets.append((name.lower(), Path(rest)))
        else:
            targets.append((output_format, Path(value)))
            plain = True
    if not plain:
        targets.insert(0, (output_format, None))
    return targets


def _use_color(choice: str, output_format: str, targets: list[Target]) -> bool:
    """Whether the text report on stdout is coloured: --color always/never, else (auto) on a
    terminal, unless NO_COLOR is set or TERM is dumb; FORCE_COLOR (set, not empty, not 0 or
    false as Node reads it) forces it as `always` does, an explicit request that wins over
    both (no-color.org, force-color.org). Reports written to files never are."""
    if (output_format, None) not in targets or output_format != "text" or choice == "never":
        return False
    if choice == "always" or os.environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(sys.stdout)


def _is_terminal(stream) -> bool:  # noqa: ANN001 - any file object
    return stream is not None and stream.isatty()  # (None: started with stdout closed)


def _check_and_report(
    items: list[str | DocumentReport],
    config_for: ConfigResolver,
    jobs: int | None,
    targets: list[Target],
    report_dir: Path | None,
    color: bool,
    options: dict[str, dict[str, object]],
) -> int:
    """The run's part of `check` after the options: check, render, write; the exit code.

    With one report in a format that renders each document apart (text, JSON) and no
    report folder, each document is rendered where it is checked, in the batch's workers,
    and only its text and counts come back (`checker.formats.document_renderer`): the same
    bytes as rendering the run's report here (1,000 briefs with --jobs 2: text about 40 ms
    sooner, JSON 1.25 -> 1.13 s). Several reports are rendered from one run's report."""
    from datetime import datetime, timezone

    from checker.batch import check_batch, progress_bar
    from checker.config import ConfigError
    from checker.formats import document_renderer, render, render_rendered
    from checker.report import RunReport, Summary
    from checker.schema import SchemaError

    names = {name for name, _ in targets} | ({"html", "json"} if report_dir is not None else set())
    evidence = bool(names & SHOWS_EVIDENCE)
    single = targets[0][0] if len(targets) == 1 and report_dir is None else None
    render_document = document_renderer(single, color=color) if single else None
    timed = "junit" in names
    started = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") if timed else None
    fail_on = config_for.default.fail_on
    try:
        with progress_bar(len(items)) as progress:
            documents = check_batch(items, config_for, jobs, progress, evidence, render_document,
                                    timed=timed)
    except (ConfigError, SchemaError) as exc:
        raise RunError(str(exc)) from None
    texts: list[tuple[Target, str]] = []
    if render_document:
        summary = Summary.of_rendered(documents, fail_on)
        texts.append((targets[0], render_rendered(single, documents, summary, color=color)))
    else:
        report = RunReport.build(documents, fail_on, started)
        summary = report.summary
        for target in targets:
            name = target[0]
            texts.append((target, render(name, report, color=color and target[1] is None,
                                         **options.get(name, {}))))
    unreadable = [(document.path, document.error) for document in documents if document.error]
    del documents  # rendered documents' texts are in `text` now: not held while it is written
    for (name, path), text in texts:
        if path is not None:
            _write(path, text)
        else:
            # Never stripped of terminal escapes (click strips them when not coloring): every
            # format escapes the control characters of a brief, and stdout must be -o's bytes.
            _emit(text)
    del texts
    if report_dir is not None:
        for name in ("html", "json"):
            _write(report_dir / f"report.{name}", render(name, report))
    if "github" in names and os.environ.get("GITHUB_STEP_SUMMARY"):
        from checker.formats import step_summary

        _append_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]),
                             step_summary.render(report))
    if targets[0] != ("text", None):  # the report is not the text on stdout: say it
        from checker.formats.text import summary_line

        for path, error in unreadable:
            click.echo(f"briefcheck: {path}: {error}", err=True)
        click.echo(summary_line(summary), err=True)
    return summary.exit_code


def _append_step_summary(path: Path, text: str) -> None:
    """Adds the run's Markdown summary to the GitHub step's summary file (other steps' and
    commands' text in it is kept)."""
    try:
        with path.open("a", encoding="utf-8") as file:
            file.write(text)
    except OSError as exc:
        raise RunError(f"{path}: cannot write the step summary: {exc.strerror}") from None


def _emit(text: str) -> None:
    """The report on stdout. A reader that has gone (`briefcheck ... | head`) is no failure
    of the run: the exit code stays the report's. A stream that cannot be written (a full
    disk, a closed stdout) is one line, exit 2."""
    if sys.stdout is None:  # started with stdout closed (`>&-`): `main` holds fd 1 open
        raise RunError("cannot write report: standard output is closed (use -o FILE)")
    try:
        click.echo(text, nl=False, color=True)
    except BrokenPipeError:
        _discard_stdout()
    except OSError as exc:
        _discard_stdout()
        raise RunError(f"cannot write report to standard output: {exc.strerror or exc}") from None


def _discard_stdout() -> None:
    """Whatever is still buffered for stdout goes nowhere (the exit's flush would fail again)."""
    if sys.stdout is None:
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # not a stream with a file descriptor (a test's)
        pass
    finally:
        os.close(null)


def _write(path: Path, text: str | bytes) -> None:
    """Write a report file. Opened without blocking: a FIFO that no process reads is refused
    at once (it would block for ever), then written as any file."""
    import errno

    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NONBLOCK, 0o666)
    except OSError as exc:
        reason = "a FIFO that no process reads" if exc.errno == errno.ENXIO else exc.strerror
        raise RunError(f"{path}: cannot write report: {reason or exc}") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise RunError(f"{path}: cannot write report: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _check_codes(select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> None:
    """Refuse selectors that match no rule: a typo would silently check nothing."""
    from checker.config import code_problem

    for option, codes in (("--select", select), ("--ignore", ignore)):
        problem = code_problem(option[2:], codes) if codes is not None else None
        if problem:
            raise click.UsageError(f"{option}: {problem}")


@cli.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Config whose severities and selection to show [default: the one found from"
                   " the current directory].")
def list_rules(config_path: Path | None) -> int:
    """List every rule: code, name, category, severity (as the config sets it), summary."""
    from checker.config import ConfigError, discover, load_config
    from checker.rules import all_rules, matches

    try:
        source = config_path or discover(Path.cwd())
        config = load_config(source)
    except ConfigError as exc:
        raise RunError(str(exc)) from None
    rules = list(all_rules().values())
    rows, changed = [], False
    for rule in rules:
        severity = rule.severity.value
        if not matches(rule.code, list(config.select)) or matches(rule.code, list(config.ignore)):
            severity, changed = "off*", True
        elif rule.code in config.severity and config.severity[rule.code] != rule.severity:
            severity, changed = f"{config.severity[rule.code].value}*", True
        rows.append((rule.code, rule.name, rule.category, severity, rule.summary()))
    header = ("CODE", "NAME", "CATEGORY", "SEVERITY", "SUMMARY")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])
    if changed:
        click.echo(f"\n* set by {source} (default severities: briefcheck rule CODE)")
    return 0


@cli.command("rule")
@click.argument("code")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Bold headings on a terminal (NO_COLOR, FORCE_COLOR and"
                                      " TERM=dumb honoured).")
def show_rule(code: str, color: str) -> int:
    """Show a rule's documentation (CODE or name), or list a family (C2, S10, R)."""
    import shutil

    from checker.rules import all_rules
    from checker.rules.docs import full_doc, terminal_text

    rules = all_rules()
    rule = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if rule is None:
        family = [r for c, r in rules.items() if c.startswith(code.upper())]
        if not family:
            raise click.UsageError(f"no rule '{code}' (see 'briefcheck rules')")
        width = max(len(r.name) for r in family)
        for member in family:
            click.echo(f"{member.code}  {member.name:<{width}}  {member.severity.value:<7}  "
                       f"{member.summary()}")
        return 0
    styled = _use_color(color, "text", [("text", None)])
    width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 1
    bold = (lambda text: click.style(text, bold=True)) if styled else None
    title = f"{rule.code} {rule.name} ({rule.category}, default severity {rule.severity.value})"
    click.echo((bold or str)(title) + "\n", color=styled)
    click.echo(terminal_text(full_doc(rule), width, heading=bold), nl=False, color=styled)
    return 0


@cli.command("audit")
@click.argument("source", metavar="SOURCE")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the audit: Parquet tables, summary.json, summary.html.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler to run on (tcp://host:8786) [default: a local cluster].")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes of the local pool or local cluster [default: one per CPU].")
@click.option("--resume", is_flag=True,
              help="Go on with the audit in --out: partitions already written are skipped.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None, metavar="N",
              help="Documents per partition, the unit of work, retry and resume [default:"
                   " 1000; with --resume, the audit's own].")
@click.option("--id-column", default="id", show_default=True, help="Parquet source: the id column.")
@click.option("--text-column", default="text", show_default=True,
              help="Parquet source: the brief's text (any format) or JSON-brief column.")
@click.option("--date-column", default=None,
              help="Parquet source: the brief's date [default: 'date' when there is one].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              default=None, help="Lowest severity that makes a document fail [default: error].")
@click.option("--lang", type=click.Choice(["auto", "fr", "en"]), default=None,
              help="Language of the briefs [default: auto].")
@click.option("--select", help="Rule codes or prefixes to run, comma separated.")
@click.option("--ignore", help="Rule codes or prefixes not to run, comma separated.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file [default: .briefcheck.toml or pyproject.toml found from the"
                   " current directory upwards]; one config for the whole archive.")
def audit(source: str, out: Path, engine: str, scheduler: str | None, workers: int | None,
          resume: bool, partition_size: int, id_column: str, text_column: str,
          date_column: str | None, fail_on: str | None, lang: str | None, select: str | None,
          ignore: str | None, config_path: Path | None) -> int:
    """Audit an archive (a folder of briefs, a JSON Lines file of brief records, a Parquet
    dataset) into Parquet tables of findings and documents, and a summary.

    Exit code 0: every document passes; 1: some document fails or could not be checked
    (each is a row of the tables); 2: the audit could not be done.
    """
    from checker.audit import NEEDED, missing

    if lacking := missing(engine):
        raise RunError(f"briefcheck audit needs {', '.join(lacking)} (for"
                       f" {', '.join(sorted({NEEDED[name] for name in lacking}))}):"
                       " install briefcheck with its audit extra, e.g."
                       " pip install -e '.[audit]' in a clone")
    from checker.audit.run import AuditError, run_audit
    from checker.audit.sources import SourceOptions
    from checker.audit.summary import summary_line
    from checker.config import ConfigError, ConfigResolver
    from checker.schema import SchemaError, load_schema

    _check_codes(_codes(select), _codes(ignore))
    try:
        config = ConfigResolver(config_path, fail_on=fail_on, lang=lang, select=_codes(select),
                                ignore=_codes(ignore)).default
        load_schema(config.schema_path)
    except (ConfigError, SchemaError) as exc:
        raise RunError(str(exc)) from None
    except ValueError as exc:
        raise click.UsageError(str(exc).splitlines()[0]) from None
    options = SourceOptions(id_column=id_column, text_column=text_column, date_column=date_column)
    bar = _AuditProgress()
    try:
        summary = run_audit(source, out, engine=engine, scheduler=scheduler, workers=workers,
                            resume=resume, partition_size=partition_size, config=config,
                            options=options, progress=bar.update, total=bar.start,
                            announce=lambda link: click.echo(f"briefcheck: Dask dashboard: {link}",
                                                             err=True))
    except AuditError as exc:
        raise RunError(str(exc)) from None
    finally:
        bar.close()
    click.echo(f"briefcheck: {summary_line(summary)}", err=True)
    click.echo(f"briefcheck: wrote {out / 'summary.html'}, {out / 'summary.json'},"
               f" {out / 'findings'}/, {out / 'documents'}/", err=True)
    verdicts = summary["verdicts"]
    return 1 if verdicts["fail"] or verdicts["error"] else 0


class _AuditProgress:
    """The audit's progress bar on stderr, when stderr is a terminal."""

    def __init__(self) -> None:
        self.bar = None

    def start(self, total: int) -> None:
        if sys.stderr.isatty() and os.environ.get("TERM") != "dumb":  # no redrawing there
            self.bar = click.progressbar(length=total, label="auditing", file=sys.stderr,
                                         show_pos=True, show_eta=True)
            self.bar.__enter__()

    def update(self, documents: int) -> None:
        if self.bar is not None:
            self.bar.update(documents)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def main() -> None:
    """The `briefcheck` command (the console script and `python -m checker`, through
    `checker.__main__`): `cli`, then out of the process at once with its exit code, once
    stdout and stderr are flushed.

    Why: Python's own exit frees every object and module one by one, about 15 ms after
    a batch of 1,000 briefs, for a process that is ending anyway (mypy exits so too). Tests
    call `cli` itself, which exits normally."""
    _hold_closed_streams()
    try:
        cli.main()
    except SystemExit as exc:
        code = exc.code
        if code is None:
            code = 0
        elif not isinstance(code, int):  # as Python does: the message on stderr, status 1
            print(code, file=sys.stderr)
            code = 1
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except OSError:  # the reader has gone, or the disk is full: nothing more to say
                if stream is sys.stdout and code == 0 and not isinstance(
                        sys.exc_info()[1], BrokenPipeError):
                    code = EXIT_USAGE
        os._exit(code)


def _hold_closed_streams() -> None:
    """A process started with stdin, stdout or stderr closed (`<&-`, `>&-`, `2>&-`): the
    closed descriptor is held open on /dev/null, so that no file the run opens takes its
    number. stderr then goes nowhere (the exit code still says what happened); stdout and
    stdin stay None, and a run that needs them says so (`_emit`, `checker.run.read_path`)."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if name == "stderr":
            sys.stderr = open(fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False)

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
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


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


class _Jobs(click.ParamType):
    """--jobs: a number of processes (1 or more), or "auto" (None: decided per batch)."""

    name = "N|auto"

    def convert(self, value, param, ctx):  # noqa: ANN001 - click's signature
        if value is None or value == "auto":
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if number < 1:
            self.fail(f"{value!r} is not a number of processes (1 or more) or 'auto'", param, ctx)
        return number


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of stdout.")
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
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    fail_on: str | None,
    lang: str | None,
    select: str | None,
    ignore: str | None,
    config_path: Path | None,
    jobs: int | None,
    report_dir: Path | None,
) -> int:
    """Check briefs and report what is wrong with them."""
    from checker.batch import expand
    from checker.config import ConfigError, ConfigResolver
    from checker.run import collector_paused
    from checker.schema import SchemaError, load_schema

    try:
        config_for = ConfigResolver(config_path, fail_on=fail_on, lang=lang,
                                    select=_codes(select), ignore=_codes(ignore))
        config = config_for.default
        load_schema(config.schema_path)
    except (ConfigError, SchemaError) as exc:
        raise RunError(str(exc)) from None
    except ValueError as exc:  # an override that does not validate
        raise click.UsageError(str(exc).splitlines()[0]) from None
    _check_codes(config.select + config.ignore + tuple(config.severity))
    items = expand(paths)
    # The collector stays off until the report is written and freed: a 5 MB brief's report
    # holds a million objects that it walked three times for nothing (0.26 s), once when
    # the check was done, once while rendering, once at exit. (The console script has it
    # off from the start and for good: `checker.__main__`.)
    with collector_paused():
        return _check_and_report(items, config_for, jobs, output, output_format, report_dir)


def _check_and_report(
    items: list[str | DocumentReport],
    config_for: ConfigResolver,
    jobs: int | None,
    output: str | None,
    output_format: str,
    report_dir: Path | None,
) -> int:
    """The run's part of `check` after the options: check, render, write; the exit code.

    In a format that renders each document apart (text, GitHub, JSON) and with no report
    folder, each document is rendered where it is checked, in the batch's workers, and only
    its text and counts come back (`checker.formats.document_renderer`): the same bytes as
    rendering the run's report here (1,000 briefs with --jobs 2: text about 40 ms sooner,
    JSON 1.25 -> 1.13 s)."""
    from checker.batch import check_batch, progress_bar
    from checker.config import ConfigError
    from checker.formats import document_renderer, render, render_rendered
    from checker.report import RunReport, Summary
    from checker.schema import SchemaError

    evidence = output_format in SHOWS_EVIDENCE or report_dir is not None
    color = output_format == "text" and not output and sys.stdout.isatty()
    render_document = document_renderer(output_format, color=color) if report_dir is None else None
    fail_on = config_for.default.fail_on
    try:
        with progress_bar(len(items)) as progress:
            documents = check_batch(items, config_for, jobs, progress, evidence, render_document)
    except (ConfigError, SchemaError) as exc:
        raise RunError(str(exc)) from None
    if render_document:
        summary = Summary.of_rendered(documents, fail_on)
        text = render_rendered(output_format, documents, summary, color=color)
    else:
        report = RunReport.build(documents, fail_on)
        summary, text = report.summary, render(output_format, report, color=color)
    unreadable = [(document.path, document.error) for document in documents if document.error]
    del documents  # rendered documents' texts are in `text` now: not held while it is written
    if output:
        _write(Path(output), text)
    else:
        # Never stripped of terminal escapes (click strips them when not coloring): every
        # format escapes the control characters of a brief, and stdout must be -o's bytes.
        click.echo(text, nl=False, color=True)
    if report_dir is not None:
        for name in ("html", "json"):
            _write(report_dir / f"report.{name}", render(name, report))
    if output or output_format != "text":  # the report is not the text on stdout: say it
        from checker.formats.text import summary_line

        for path, error in unreadable:
            click.echo(f"briefcheck: {path}: {error}", err=True)
        click.echo(summary_line(summary), err=True)
    return summary.exit_code


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise RunError(f"{path}: cannot write report: {exc.strerror}") from None


def _check_codes(codes: tuple[str, ...]) -> None:
    """Refuse selectors that match no rule: a typo would silently check nothing."""
    from checker.rules import all_rules

    known = list(all_rules())
    for code in codes:
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise click.UsageError(f"unknown rule code or prefix '{code}' (see 'briefcheck rules')")


@cli.command("rules")
def list_rules() -> int:
    """List every rule: code, name, category, severity, summary."""
    from checker.rules import all_rules

    rules = all_rules().values()
    width = max(len(rule.name) for rule in rules)
    for rule in rules:
        click.echo(
            f"{rule.code}  {rule.name:<{width}}  {rule.category:<11}  "
            f"{rule.severity.value:<7}  {rule.summary()}"
        )
    return 0


@cli.command("rule")
@click.argument("code")
def show_rule(code: str) -> int:
    """Show one rule's documentation."""
    from checker.rules import all_rules

    rules = all_rules()
    rule = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if rule is None:
        raise click.UsageError(f"no rule '{code}' (see 'briefcheck rules')")
    click.echo(f"{rule.code} {rule.name} ({rule.category}, default severity {rule.severity.value})\n")
    click.echo(rule.doc())
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
                       " pip install 'briefcheck[audit]'")
    from checker.audit.run import AuditError, run_audit
    from checker.audit.sources import SourceOptions
    from checker.audit.summary import summary_line
    from checker.config import ConfigError, ConfigResolver
    from checker.schema import SchemaError, load_schema

    try:
        config = ConfigResolver(config_path, fail_on=fail_on, lang=lang, select=_codes(select),
                                ignore=_codes(ignore)).default
        load_schema(config.schema_path)
    except (ConfigError, SchemaError) as exc:
        raise RunError(str(exc)) from None
    except ValueError as exc:
        raise click.UsageError(str(exc).splitlines()[0]) from None
    _check_codes(config.select + config.ignore + tuple(config.severity))
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
        if sys.stderr.isatty():
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
    try:
        cli.main()
    except SystemExit as exc:
        code = exc.code
        if code is None:
            code = 0
        elif not isinstance(code, int):  # as Python does: the message on stderr, status 1
            print(code, file=sys.stderr)
            code = 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:  # the reader has gone: nothing more can be said
            code = code or 1
        os._exit(code)

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


@click.group(cls=_BriefcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefcheck")
def cli() -> None:
    """Check news briefs: structure, self-consistency and redundancy.

    \b
    briefcheck PATH...        check files, directories (recursive), or - for stdin
    briefcheck rules          list every rule
    briefcheck rule CODE      one rule's documentation
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
    color = output_format == "text" and not output and sys.stdout is not None and sys.stdout.isatty()
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
        _emit(text)
    if report_dir is not None:
        for name in ("html", "json"):
            _write(report_dir / f"report.{name}", render(name, report))
    if output or output_format != "text":  # the report is not the text on stdout: say it
        from checker.formats.text import summary_line

        for path, error in unreadable:
            click.echo(f"briefcheck: {path}: {error}", err=True)
        click.echo(summary_line(summary), err=True)
    return summary.exit_code


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

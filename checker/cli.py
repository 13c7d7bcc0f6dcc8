"""The ``checker`` command: a thin typer layer over :mod:`checker.engine`.

Heavy modules are imported inside the commands so that ``checker --help`` starts
fast.  Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage,
configuration or input errors.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer

from checker.cli_app import command_group, fail, load_config_or_exit
from checker.paths import is_within, printable, shown

if TYPE_CHECKING:
    from checker.config import Config
    from checker.output.records import Renderer
    from checker.pipeline import Cluster
    from checker.selection import Selection
    from checker.summary import RunSummary

app = command_group(
    "checker", "Check health articles for reading grade, plain language and translation problems."
)


def _add_subcommands() -> None:
    from checker.cli_i18n import app as i18n_app

    app.add_typer(i18n_app, name="i18n")


_add_subcommands()


# Options that 'check' and 'report' share, declared once.
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Files or folders to check (default: the configured content folder)."),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option("--select", help="Rules to run: code, prefix (RDG), name or ALL. Repeatable."),
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option("--ignore", help="Rules not to run. Repeatable.")
]
FailOnOption = Annotated[
    str | None,
    typer.Option("--fail-on", help="Exit 1 on findings at or above: error, warning or info."),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Configuration file (default: nearest).")
]


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Processes to check with (default: the number of cores)."
    ),
]


class ExecutorName(enum.StrEnum):
    local = "local"
    dask = "dask"


ExecutorOption = Annotated[
    ExecutorName,
    typer.Option(
        "--executor",
        help="Where files are checked: local (processes on this machine, see --jobs) or dask "
        "(the workers of a Dask cluster, see --scheduler; pip install '.[dask]').",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="The Dask scheduler's address for --executor dask, such as tcp://10.0.0.5:8786 "
        "(default: DASK_SCHEDULER_ADDRESS).",
    ),
]


def _connect(
    stack: ExitStack,
    executor: ExecutorName,
    scheduler: str | None,
    jobs: int | None,
    config: Config,
) -> Cluster | None:
    """The Dask cluster to check on (kept open until ``stack`` closes), or None to run here."""
    if executor is ExecutorName.local:
        if scheduler is not None:
            raise fail("--scheduler is for --executor dask")
        return None
    if jobs is not None:
        raise fail("--jobs is for --executor local: a Dask cluster checks with all its workers")
    from checker.dask_executor import DaskCluster, DaskError, scheduler_address

    try:
        return stack.enter_context(DaskCluster(scheduler_address(scheduler), config.root))
    except DaskError as exc:
        raise fail(str(exc)) from None


def _prepare(
    paths: list[Path] | None,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    config_file: Path | None,
    translations: bool | None,
) -> tuple[Config, Selection, list[Path], bool]:
    """The configuration with the command line applied, the rules, the targets, catalogs or not.

    Shared by ``check`` and ``report`` so that both see exactly the same results.
    """
    import dataclasses

    from checker.model import Severity
    from checker.pipeline import start_method
    from checker.selection import Selection

    config = load_config_or_exit(config_file)
    overrides: dict[str, Any] = {}
    if select:
        overrides["select"] = tuple(select)
    if ignore:
        overrides["ignore"] = tuple(config.ignore) + tuple(ignore)
    if fail_on:
        try:
            overrides["fail_on"] = Severity.parse(fail_on)
        except ValueError as exc:
            raise fail(f"--fail-on: {exc}") from None
    config = dataclasses.replace(config, **overrides)
    try:
        selection = Selection.build(config.select, config.ignore)
    except ValueError as exc:
        raise fail(str(exc)) from None
    try:
        start_method()  # a bad CHECKER_START_METHOD is a usage error, before any work
    except ValueError as exc:
        raise fail(str(exc)) from None
    targets = list(paths) if paths else [config.root / p for p in config.paths]
    with_catalogs = translations if translations is not None else not paths
    return config, selection, targets, with_catalogs


def _progress_bar(stack: ExitStack, tasks: int) -> Callable[[], None] | None:
    """A progress bar on standard error for runs of more than 20 files, else None."""
    if tasks <= 20:
        return None
    bar = stack.enter_context(typer.progressbar(length=tasks, label="Checking", file=sys.stderr))
    return lambda: bar.update(1)


def _warn(message: str) -> None:
    typer.echo(f"checker: warning: {printable(message)}", err=True)


@app.command()
def check(
    paths: PathsArgument = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: text; github when run in GitHub Actions).",
        ),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    config_file: ConfigOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to a file.")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Hide info findings in text output.")
    ] = False,
    colour: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour text output (default: on a terminal)."),
    ] = None,
    translations: Annotated[
        bool | None,
        typer.Option(
            "--translations/--no-translations",
            help="Check the gettext catalogs and the translations they build "
            "(default: when no paths are given and catalogs exist).",
        ),
    ] = None,
    jobs: JobsOption = None,
    executor: ExecutorOption = ExecutorName.local,
    scheduler: SchedulerOption = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Analyse every file again, without reading or writing the cache."
        ),
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir", help="Where results are kept between runs (default: .checker-cache)."
        ),
    ] = None,
) -> None:
    """Check articles (.md, .html, .txt) and report findings.

    Each article gets its reading grade in its own language, the sentences that make it
    hard, and findings for long sentences and paragraphs, passive voice and anything the
    loader had to repair.  Configure in [tool.checker] of pyproject.toml.
    """
    if output_format is None:
        import os

        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = OutputFormat.github if in_actions else OutputFormat.text
    config, selection, targets, with_catalogs = _prepare(
        paths, select, ignore, fail_on, config_file, translations
    )
    if cache_dir is not None:
        import dataclasses

        config = dataclasses.replace(config, cache_dir=str(cache_dir.absolute()))
    if output_format is OutputFormat.sarif:
        _warn_outside_project(config, targets)
    use_colour = colour if colour is not None else (output is None and sys.stdout.isatty())
    renderer = _renderer(output_format, colour=use_colour, show_info=not quiet, root=config.root)
    show_progress = output_format is OutputFormat.text and sys.stderr.isatty()
    try:
        with ExitStack() as stack:
            cluster = _connect(stack, executor, scheduler, jobs, config)
            stream = stack.enter_context(_report_stream(output))
            summary = _stream_check(
                config,
                selection,
                targets,
                with_catalogs,
                renderer,
                stream,
                jobs=jobs,
                use_cache=not no_cache,
                progress=show_progress,
                cluster=cluster,
            )
    except BrokenPipeError:
        _reader_gone()
    except OSError as exc:
        where = shown(output) if output is not None else "the output"
        raise fail(f"cannot write {where}: {exc.strerror or exc}") from None
    except _dask_error() as exc:  # a cluster that failed during the run
        raise fail(str(exc)) from None
    raise typer.Exit(summary.exit_code)


def _dask_error() -> type[Exception]:
    """The executor's error class, imported only when an exception is being handled."""
    from checker.dask_executor import DaskError

    return DaskError


#: The exit code of a run whose reader went away, as a shell reports a process ended by
#: SIGPIPE (128 + 13).
EXIT_READER_GONE = 141


def _reader_gone() -> NoReturn:
    """The reader of standard output closed it (``checker check | head``): stop quietly,
    with nothing more written to the closed pipe and no traceback."""
    import os

    with suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(EXIT_READER_GONE)


def _warn_outside_project(config: Config, targets: list[Path]) -> None:
    """GitHub code scanning refuses a SARIF file with a location outside the checkout."""
    for target in targets:
        if not is_within(target, config.root):
            _warn(
                f"{shown(target)} is outside the project folder: its results get absolute "
                "file: URIs, and GitHub code scanning refuses a SARIF file with locations "
                "outside the repository"
            )


def _renderer(
    output_format: OutputFormat, *, colour: bool, show_info: bool, root: Path
) -> Renderer:
    if output_format is OutputFormat.json:
        from checker.output.json_format import JsonRenderer

        return JsonRenderer()
    if output_format is OutputFormat.sarif:
        from checker.output.sarif_format import SarifRenderer

        return SarifRenderer(root)
    if output_format is OutputFormat.github:
        from checker.output.github_format import GithubRenderer

        return GithubRenderer()
    from checker.output.text_format import TextRenderer

    return TextRenderer(colour=colour, show_info=show_info)


@contextmanager
def _report_stream(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file that appears whole when the check is done."""
    if output is None:
        yield sys.stdout
        return
    import os
    import tempfile

    from checker.files import replace_file

    output.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(temporary, 0o644)
        replace_file(temporary, output)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _stream_check(
    config: Config,
    selection: Selection,
    targets: list[Path],
    with_catalogs: bool,
    renderer: Renderer,
    stream: TextIO,
    *,
    jobs: int | None,
    use_cache: bool,
    progress: bool,
    cluster: Cluster | None = None,
) -> RunSummary:
    """Check, writing each article's output as soon as it is ready, in order."""
    from checker.engine import grammar_checker
    from checker.pipeline import CheckRun, default_jobs
    from checker.result_cache import ResultCache
    from checker.summary import RunSummary

    cache = ResultCache(config.cache_folder, warn=_warn) if use_cache else None
    summary = RunSummary(config.fail_on)
    with ExitStack() as stack:
        run = CheckRun(
            config,
            selection,
            jobs=jobs or default_jobs(),
            cache=cache,
            grammar=grammar_checker(config, selection),
            renderer=renderer,
            warn=_warn,
            cluster=cluster,
        )
        plan = run.plan(targets, with_catalogs)
        run.progress = _progress_bar(stack, plan.tasks) if progress else None
        stream.write(renderer.start())
        for outcome in run.outcomes(plan):
            summary.errors.extend(outcome.errors)
            summary.add_counts(outcome.articles, outcome.counts)
            stream.write(renderer.emit(outcome.piece))
    if cache is not None:
        cache.close()
    summary.grammar = run.grammar_run
    stream.write(renderer.finish(summary))
    return summary


@app.command()
def report(
    paths: PathsArgument = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder to write the report to (default: reports/)."),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    config_file: ConfigOption = None,
    translations: Annotated[
        bool | None,
        typer.Option(
            "--translations/--no-translations",
            help="Include the gettext catalogs, side by side with their source "
            "(default: when no paths are given and catalogs exist).",
        ),
    ] = None,
    jobs: JobsOption = None,
    executor: ExecutorOption = ExecutorName.local,
    scheduler: SchedulerOption = None,
) -> None:
    """Check articles and write an HTML report that opens offline from the file system.

    index.html shows every article and translation; each article has a page with its
    findings highlighted in the text, and each catalog a page with source and
    translation side by side.  report.json holds the same results as
    'checker check --format json'.  Exits like 'checker check'.
    """
    from checker.engine import grammar_checker
    from checker.pipeline import check_paths, default_jobs
    from checker.report.site import write_report

    config, selection, targets, with_catalogs = _prepare(
        paths, select, ignore, fail_on, config_file, translations
    )
    with ExitStack() as stack:
        cluster = _connect(stack, executor, scheduler, jobs, config)
        try:
            result = check_paths(
                targets,
                config,
                selection,
                translations=with_catalogs,
                jobs=jobs or default_jobs(),
                grammar=grammar_checker(config, selection),
                progress=(
                    (lambda tasks: _progress_bar(stack, tasks)) if sys.stderr.isatty() else None
                ),
                cluster=cluster,
            )
        except _dask_error() as exc:
            raise fail(str(exc)) from None
    folder = out if out is not None else config.root / "reports"
    try:
        written = write_report(result, folder, config.source_language)
    except OSError as exc:
        raise fail(f"cannot write the report to {shown(folder)}: {exc.strerror or exc}") from None
    for error in result.errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        typer.echo(printable(f"{where}: error: {error.message}"), err=True)
    size = (
        f"{written.bytes / 1_000_000:.1f} MB"
        if written.bytes >= 100_000
        else (f"{written.bytes / 1000:.0f} kB")
    )
    typer.echo(f"Report written to {_from_cwd(written.index)} ({written.pages} pages, {size})")
    typer.echo(written.summary)
    raise typer.Exit(result.summary().exit_code)


def _from_cwd(path: Path) -> str:
    """A path relative to the working folder when it is under it."""
    try:
        return shown(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return shown(path)


@app.command()
def rules(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.text,
) -> None:
    """List every rule with its code, name, default severity and what it flags."""
    from checker.engine import rules_table

    table = rules_table()
    if output_format is OutputFormat.json:
        import json

        typer.echo(json.dumps(table, indent=2))
        return
    for row in table:
        typer.echo(f"{row['code']:<8} {row['name']:<24} {row['severity']:<8} {row['summary']}")


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code (RDG003) or name (long-sentence).")],
) -> None:
    """Show a rule's documentation, with a before/after example."""
    from checker.options import options_of
    from checker.rules import lookup

    found = lookup(code)
    if found is None:
        raise fail(f"unknown rule {code!r} (see 'checker rules')")
    typer.echo(f"{found.code} {found.name} (default severity: {found.severity.label})\n")
    typer.echo(found.summary + "\n")
    typer.echo(found.doc)
    options = options_of(found.code)
    if options:
        typer.echo("\nOptions:")
        for line in options:
            typer.echo(f"  {line}")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but 127.0.0.1 shares your editor.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8765,
    browser: Annotated[
        bool, typer.Option(help="Open the editor in the browser (only when run in a terminal).")
    ] = True,
    config_file: ConfigOption = None,
) -> None:
    """Start the live editor in your browser: findings highlighted as you type."""
    import socket
    import sys

    config = load_config_or_exit(config_file)
    import ipaddress

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        typer.echo(
            f"warning: listening on {host}: anyone who can reach this machine can use the "
            "editor and see what is typed in it",
            err=True,
        )
    try:  # a port already taken is a plain message, not a server traceback
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    import uvicorn

    from checker.serve import create_app

    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    typer.echo(f"The live editor is at {url} (Ctrl+C to stop)")
    if browser and sys.stdout.isatty():
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    if loopback:
        allowed: tuple[str, ...] = ()
    elif host in ("0.0.0.0", "::"):
        allowed = ("*",)  # every address of the machine: any name it is reached by
    else:
        allowed = (f"[{host}]" if ":" in host else host,)
    application = create_app(config, allowed_hosts=allowed)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def lsp() -> None:
    """Serve diagnostics to a code editor over stdin/stdout (the Language Server Protocol).

    Editors start it themselves: see the README for VS Code, Neovim and Helix."""
    from checker.lsp import main as serve

    serve()


def main() -> None:
    """Entry point of the ``checker`` console script."""
    app()

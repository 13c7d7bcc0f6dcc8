"""``checker i18n``: the gettext round trip from article to catalog and back.

A thin typer layer over :mod:`checker.i18n`; exit codes as for ``checker check``:
0 done, 1 a ``--check`` found work to do (or ``i18n check`` found problems), 2 a
usage, configuration or catalog error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli_app import command_group, load_config_or_exit

if TYPE_CHECKING:
    from checker.config import Config
    from checker.i18n.stats import CatalogStats
    from checker.i18n.workflow import StepResult

app = command_group(
    "i18n",
    "Keep translations in step: extract, init, update, compile, stats, build, check, "
    "export and import.",
)

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Configuration file (default: nearest).")
]
LocaleOption = Annotated[
    list[str] | None,
    typer.Option("--locale", "-l", help="Locale (es, fr, pt_BR). Repeatable; default: all."),
]
ArticleOption = Annotated[
    list[str] | None,
    typer.Option("--article", "-a", help="Article id (methotrexate). Repeatable; default: all."),
]


def _config(config_file: Path | None) -> Config:
    return load_config_or_exit(config_file)


def _report(outcomes: Iterable[StepResult], work_to_do: str = "") -> int:
    """Print one line per outcome; 2 when any was an error, else 1 when any has the status
    ``work_to_do`` (a catalog out of date, a build refused), else 0."""
    code = 0
    for outcome in outcomes:
        detail = f": {outcome.detail}" if outcome.detail else ""
        line = f"{outcome.path}: {outcome.status}{detail}"
        if outcome.status == "error":
            typer.echo(f"checker: error: {outcome.path}: {outcome.detail}", err=True)
            code = 2
        else:
            typer.echo(line)
            if code == 0 and work_to_do and outcome.status == work_to_do:
                code = 1
    return code


@app.command()
def extract(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Articles or folders (default: configured).")
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Write a translation template (.pot) per source-language article."""
    from checker.i18n.workflow import extract as run

    raise typer.Exit(_report(run(_config(config_file), paths)))


MemoryOption = Annotated[
    bool,
    typer.Option(
        "--memory/--no-memory",
        help="Fill untranslated units from the locale's other catalogs and memory files.",
    ),
]


@app.command()
def init(
    locale: Annotated[str, typer.Option("--locale", "-l", help="The new locale (es, fr, de).")],
    articles: ArticleOption = None,
    memory: MemoryOption = True,
    config_file: ConfigOption = None,
) -> None:
    """Create a catalog (.po) of LOCALE for every template that has none, filling what
    other catalogs of LOCALE (and the configured memory files) already translate."""
    from checker.i18n.catalog import CatalogError
    from checker.i18n.workflow import init as run

    try:
        outcomes = run(_config(config_file), locale, articles, memory=memory)
    except CatalogError as exc:
        typer.echo(f"checker: error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(_report(outcomes))


@app.command()
def update(
    locales: LocaleOption = None,
    articles: ArticleOption = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 when a catalog is out of date.")
    ] = False,
    memory: MemoryOption = True,
    config_file: ConfigOption = None,
) -> None:
    """Merge each template into its catalogs (fuzzy matches, previous msgids, obsolete
    units), then fill untranslated units from the translation memory."""
    from checker.i18n.workflow import update as run

    outcomes = run(_config(config_file), locales, articles, check=check, memory=memory)
    raise typer.Exit(_report(outcomes, work_to_do="out-of-date"))


@app.command(name="export")
def export_command(
    locale: Annotated[str, typer.Option("--locale", "-l", help="The locale to export.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The folder to write to.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="The exchange format: xliff.")
    ] = "xliff",
    xliff_version: Annotated[
        str, typer.Option("--xliff-version", help="1.2 (every CAT tool) or 2.0.")
    ] = "1.2",
    articles: ArticleOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace XLIFF files already in the folder.")
    ] = False,
    config_file: ConfigOption = None,
) -> None:
    """Write one XLIFF file per article of LOCALE for a translation agency's CAT tool."""
    from checker.i18n.exchange import export
    from checker.i18n.xliff import VERSIONS

    if output_format != "xliff":
        typer.echo("checker: error: --format must be xliff", err=True)
        raise typer.Exit(2)
    if xliff_version not in VERSIONS:
        typer.echo(f"checker: error: --xliff-version must be {' or '.join(VERSIONS)}", err=True)
        raise typer.Exit(2)
    config = _config(config_file)
    folder = out if out.is_absolute() else Path.cwd() / out
    outcomes = export(config, locale, folder, xliff_version, articles, force=force)
    raise typer.Exit(_report(outcomes))


@app.command(name="import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="XLIFF files from `checker i18n export`.")],
    config_file: ConfigOption = None,
) -> None:
    """Bring translations back from XLIFF files into the catalogs they were exported from."""
    from checker.i18n.exchange import import_files

    outcomes = import_files(_config(config_file), files)
    code = _report(outcomes)
    # units left out (their source changed, or msgfmt would refuse them): exit 1
    raise typer.Exit(code or int(any(o.error for o in outcomes)))


@app.command(name="compile")
def compile_command(
    locales: LocaleOption = None,
    use_fuzzy: Annotated[
        bool, typer.Option("--use-fuzzy", help="Include fuzzy translations.")
    ] = False,
    config_file: ConfigOption = None,
) -> None:
    """Compile every catalog to a .mo file (fuzzy entries left out by default)."""
    from checker.i18n.workflow import compile_catalogs

    raise typer.Exit(_report(compile_catalogs(_config(config_file), locales, use_fuzzy=use_fuzzy)))


@app.command()
def build(
    locale: Annotated[str, typer.Option("--locale", "-l", help="The locale to build.")],
    articles: ArticleOption = None,
    min_translated: Annotated[
        float | None,
        typer.Option(
            "--min-translated",
            help="Refuse below this percentage of translated units (default: 80, configurable).",
        ),
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Rebuild each translated article of LOCALE in its source format (content/LOCALE/)."""
    from checker.i18n.build import build as run

    outcomes = run(_config(config_file), locale, articles, min_translated)
    raise typer.Exit(_report(outcomes, work_to_do="refused"))


@app.command(name="check")
def check_command(
    locales: LocaleOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="error, warning or info.")
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Check every catalog (TRN rules) and the translations they build (every rule)."""
    import dataclasses
    import sys

    from checker.model import Severity
    from checker.pipeline import check_paths
    from checker.selection import Selection

    config = _config(config_file)
    if fail_on:
        try:
            config = dataclasses.replace(config, fail_on=Severity.parse(fail_on))
        except ValueError as exc:
            typer.echo(f"checker: error: --fail-on: {exc}", err=True)
            raise typer.Exit(2) from None
    # LanguageTool is left to `checker check`: this command answers from the catalogs alone
    selection = Selection.build(config.select, (*config.ignore, "GRM"))
    result = check_paths([], config, selection, translations=True, locales=locales)
    if output_format == "json":
        from checker.output.json_format import render as render_json

        sys.stdout.write(render_json(result))
    else:
        from checker.output.text_format import render as render_text

        sys.stdout.write(render_text(result, colour=sys.stdout.isatty()))
    raise typer.Exit(result.summary().exit_code)


@app.command()
def stats(
    locales: LocaleOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    config_file: ConfigOption = None,
) -> None:
    """Translated, fuzzy, untranslated and obsolete units and words, per article and locale,
    and the units filled from the translation memory."""
    from checker.i18n.catalog import CatalogError, read_catalog
    from checker.i18n.layout import Layout
    from checker.i18n.stats import catalog_stats

    if output_format not in ("text", "json"):
        typer.echo("checker: error: --format must be text or json", err=True)
        raise typer.Exit(2)
    config = _config(config_file)
    layout = Layout.of(config)
    rows: list[CatalogStats] = []
    errors: list[str] = []
    for locale in locales or layout.locales(config.i18n.locales):
        for article_id, path in layout.catalogs(locale):
            try:
                catalog = read_catalog(path)
            except CatalogError as exc:
                errors.append(str(exc))
                continue
            rows.append(catalog_stats(catalog, article_id, locale, config.relative(path)))
    for error in errors:
        typer.echo(f"checker: error: {error}", err=True)
    if output_format == "json":
        typer.echo(
            json.dumps({"catalogs": [r.to_json() for r in rows], "errors": errors}, indent=2)
        )
    else:
        _print_stats(rows)
    raise typer.Exit(2 if errors else 0)


def _print_stats(rows: list[CatalogStats]) -> None:
    typer.echo(
        f"{'article':<34} {'locale':<7} {'translated':>16} {'fuzzy':>12} "
        f"{'untranslated':>14} {'obsolete':>9} {'words':>13} {'memory':>7}"
    )
    for r in rows:
        translated = f"{r.translated}/{r.units} {r.translated_percent:5.1f}%"
        fuzzy = f"{r.fuzzy} {r.percent(r.fuzzy):5.1f}%"
        untranslated = f"{r.untranslated} {r.percent(r.untranslated):5.1f}%"
        words = f"{r.translated_words}/{r.words}"
        typer.echo(
            f"{r.article:<34} {r.locale:<7} {translated:>16} {fuzzy:>12} {untranslated:>14} "
            f"{r.obsolete:>9} {words:>13} {r.from_memory:>7}"
        )
    if not rows:
        typer.echo(
            "no catalogs yet: run `checker i18n extract`, then `checker i18n init --locale xx`"
        )

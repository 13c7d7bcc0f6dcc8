"""The settings every ``checker`` command group shares, so they cannot drift apart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from checker.paths import printable

if TYPE_CHECKING:
    from checker.config import Config


def command_group(name: str, help: str) -> typer.Typer:
    """A typer app with plain help, ``-h``, no shell completion and no rich tracebacks."""
    return typer.Typer(
        name=name,
        help=help,
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def fail(message: str) -> typer.Exit:
    """Print a usage or configuration error; the command exits with status 2."""
    typer.echo(f"checker: error: {printable(message)}", err=True)
    return typer.Exit(2)


def load_config_or_exit(config_file: Path | None) -> Config:
    """The configuration (``--config``, else the nearest file), every rule selector in it
    checked; a problem ends the command with status 2 and the file and key named."""
    from checker.config import ConfigError, load_config
    from checker.selection import check_selectors

    try:
        return check_selectors(load_config(config_file))
    except ConfigError as exc:
        raise fail(str(exc)) from None

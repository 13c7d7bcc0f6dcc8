"""The settings every ``checker`` command group shares, so they cannot drift apart."""

from __future__ import annotations

import typer


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

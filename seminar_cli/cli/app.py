"""The `seminar` typer app: the version, the help, and the command groups registered on it.

Each group lives in its own module (`show`, `talks`, `series`, `lint`) and adds its
commands here; every command is a thin shell over `seminar_cli.api`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .helptext import Group

app = typer.Typer(
    name="seminar",
    help=(
        "Keep a seminar series' markdown page in order: show it, edit its talks in the page's own "
        "style (add, reschedule, cancel, rotate, fill in), lint it, and work around it (calendar, "
        "announcements, links, next season). Every command takes the path of a Jekyll markdown page; "
        "edits take --dry-run and --check. Run `seminar COMMAND --help` for examples."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    cls=Group,
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"seminar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.", metavar=""),
    ] = False,
) -> None:
    """Keep a seminar series' markdown page in order."""


def _register() -> None:
    from . import lint, series, show, talks

    for group in (show, talks, lint, series):
        group.register(app)


_register()


def main() -> None:
    """Run the `seminar` app (the console script goes through `cli.entry.main` for the lean lint route)."""
    app()

"""The `seminar` typer app: the version, the help, and the command groups registered on it.

Each group lives in its own module (`show`, `talks`, `series`, `lint`) and adds its
commands here; every command is a thin shell over `seminar_cli.api`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .helptext import Group

_HELP = (
    "Keep a seminar series' markdown page in order: show it, edit its talks in the page's own "
    "style (add, reschedule, cancel, rotate, fill in), lint it, and work around it (calendar, "
    "announcements, links, next season). Every command takes the path of a Jekyll markdown page; "
    "edits take --dry-run and --check. Run `seminar COMMAND --help` for examples."
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"seminar {__version__}")
        raise typer.Exit()


def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.", metavar=""),
    ] = False,
) -> None:
    """Keep a seminar series' markdown page in order."""


def _new_app() -> typer.Typer:
    made = typer.Typer(
        name="seminar",
        help=_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        cls=Group,
    )
    made.callback()(_main)
    from . import lint, series, show, talks

    for group in (show, talks, lint, series):
        group.register(made)
    return made


app = _new_app()


def app_for(args: list[str]) -> typer.Typer:
    """The app to run `args` with: one holding only the command they name, when they start with one.

    typer turns every registered command into a click command before it reads the command line;
    for a known command only that one is built (its help and errors are the same: it is the same
    command in the same group). Anything else — no command, `--help`, a mistyped name — gets the whole app.
    """
    named = [info for info in app.registered_commands if args and info.name == args[0]]
    if not named:
        return app
    single = _new_app()
    single.registered_commands = named
    return single


def main() -> None:
    """Run the `seminar` app (the console script goes through `cli.entry.main` for the lean lint route)."""
    app()

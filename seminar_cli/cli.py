"""The `seminar` command line: thin typer commands over `seminar_cli.api`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from .errors import SeminarError

app = typer.Typer(
    name="seminar",
    help=(
        "Keep a seminar series' markdown page in order: read it, show it, and (soon) edit it "
        "in the page's own style. Every command takes the path of a Jekyll markdown page."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"seminar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Keep a seminar series' markdown page in order."""


def _run(action: Callable[[], T]) -> T:
    """Turn a `SeminarError` into one line on stderr and its exit code; never a traceback."""
    from .output import print_error

    try:
        return action()
    except SeminarError as error:
        print_error(str(error))
        raise typer.Exit(error.exit_code) from None


@app.command()
def show(
    page: Annotated[str, typer.Argument(help="The markdown page to read.", metavar="PAGE")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the page model as JSON (dates in ISO 8601).")
    ] = False,
) -> None:
    """Show the series and its talks: next, upcoming, past and the schedule.

    Tables on a terminal, plain aligned text when piped, or the whole model with --json.

    Example: seminar show examples/ml-seminar-2026.md
    """
    from . import api, output, views

    parsed = _run(lambda: api.read_page(page))
    if json_output:
        import json

        sys.stdout.write(json.dumps(views.page_data(parsed), indent=2, ensure_ascii=False) + "\n")
    else:
        output.print_listings(views.headline(parsed), views.listings(parsed))


def main() -> None:
    """Entry point of the `seminar` console script."""
    app()

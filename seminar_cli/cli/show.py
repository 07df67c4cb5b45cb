"""The commands that read a page and print what it holds: show, export, announce."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from . import helptext
from .boundary import run
from .options import FLAG, Output, ReadPath, Selector, Timezone
from .values import now, read_text_option

if TYPE_CHECKING:
    pass


class ExportFormat(StrEnum):
    """Formats of `seminar export`."""

    ics = "ics"
    json = "json"
    csv = "csv"


class AnnounceFormat(StrEnum):
    """Formats of `seminar announce`."""

    text = "text"
    markdown = "markdown"
    html = "html"


def register(app: typer.Typer) -> None:
    """Add the reading commands to the `seminar` app."""
    for name, function in (("show", show), ("export", export), ("announce", announce)):
        helptext.command(app, name, function)


def show(
    page: ReadPath,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the page model as JSON (dates in ISO 8601).", metavar=FLAG)
    ] = False,
) -> None:
    """Show the series and its talks: next, upcoming, past and the schedule.

    Tables on a terminal, plain aligned text when piped, or the whole model with --json.

    Example: seminar show examples/ml-seminar-2026.md
    """
    from .runs import show_page

    show_page(page, json_output)


def export(
    page: ReadPath,
    output_format: Annotated[ExportFormat, typer.Option("--format", help="Calendar format.")] = ExportFormat.ics,
    output: Output = None,
    previous: Annotated[
        str | None,
        typer.Option(
            help="An earlier .ics export: events that moved get their SEQUENCE raised. Default: the -o file.",
            metavar="FILE",
        ),
    ] = None,
    timezone: Timezone = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the -o file when it exists.", metavar=FLAG)] = False,
) -> None:
    """Export the talks as a calendar: one event per dated talk.

    iCalendar events carry the series' time zone (a VTIMEZONE), the talk's hours (the
    series' usual hours for a row with only a date), "Speaker: Title", the place, the
    abstract and links, STATUS:CANCELLED for cancelled talks, and a UID that stays the
    same when a talk is rescheduled. JSON and CSV give the same events as data.

    An existing -o file is replaced only with --force; `-o -` is standard output.

    Example: seminar export seminar.md -o seminar.ics --force
    """
    from .runs import export_page

    export_page(page, output_format.value, output, previous, timezone, force)


def announce(
    page: ReadPath,
    talk: Selector = None,
    template: Annotated[
        str | None,
        typer.Option(help="Your own template ($title, $speakers, $when, ...; see the README).", metavar="FILE"),
    ] = None,
    output_format: Annotated[
        AnnounceFormat | None, typer.Option("--format", help="Output format (default: the template's, else text).")
    ] = None,
    today: Annotated[
        str | None, typer.Option(help="Announce the next talk on or after this date.", metavar="DATE")
    ] = None,
    timezone: Timezone = None,
) -> None:
    """Print the announcement (email or chat post) of the next talk, or of the one --talk names.

    The default templates ship with the tool (text, markdown, html); --template FILE
    uses your own, with $placeholders. Lines whose placeholders are all empty are left out.

    Example: seminar announce seminar.md --format markdown
    """
    from .. import api

    fmt = output_format.value if output_format else None
    given = run(lambda: read_text_option(template, "--template"))
    text = run(
        lambda: api.announce(
            page, selector=talk, template=(given, template) if given is not None else None, fmt=fmt,
            today=today, timezone=timezone, now=now(),
        ),
        page,
    )  # fmt: skip
    sys.stdout.write(text)

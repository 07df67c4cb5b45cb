"""The commands that read a page and print what it holds: show, export, announce."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import UsageError
from . import helptext
from .boundary import run
from .options import FLAG, Output, ReadPath, Selector, Timezone
from .values import now, read_text_option

if TYPE_CHECKING:
    from ..model import Entry, Page
    from ..model import Listing as ReadListing
    from .terminal import Listing as TerminalListing


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
    from .. import api
    from . import terminal

    parsed = run(lambda: api.read_page(page))
    if json_output:
        import json

        from ..outputs.data import page_data

        sys.stdout.write(json.dumps(page_data(parsed), indent=2, ensure_ascii=False) + "\n")
    else:
        terminal.print_listings(headline(parsed), listings(parsed), notes=notes(parsed))


def headline(page: Page) -> str:
    """The series' title, season and file, for the top of `show`."""
    title = page.front_matter.title if page.front_matter and page.front_matter.title else "Seminar page"
    season = f" (season {page.season_year})" if page.season_year else ""
    return f"{title}{season}" + (f" - {page.path}" if page.path else "")


_KINDS = {"next": "Next", "upcoming": "Upcoming", "past": "Past", "recorded": "Recorded", "schedule": "Schedule"}
_COLUMNS = ("date", "time", "title", "speakers", "location", "status", "line")


def listings(page: Page) -> list[TerminalListing]:
    """The tables `show` prints: one per talk listing of the page, in page order."""
    from ..read.listings import listings as read
    from .terminal import Listing as TerminalListing

    found = read(page)
    captions = [_caption(listing) for listing in found]
    tables = []
    for listing, caption in zip(found, captions, strict=True):
        if captions.count(caption) > 1:
            caption = f"{caption} (line {listing.line})"
        tables.append(TerminalListing(caption, _COLUMNS, [_row(entry) for entry in listing.entries]))
    return tables


def _caption(listing: ReadListing) -> str:
    if listing.shape == "blocks" or not listing.heading:
        return _KINDS.get(listing.section, listing.section.capitalize())
    return listing.heading


def _row(entry: Entry) -> tuple[str, ...]:
    if entry.date is not None:
        day = entry.date.isoformat()
    elif entry.readings:
        day = " or ".join(reading.isoformat() for reading in entry.readings) + "?"
    else:
        day = entry.date_text or "TBD"
    hours = ""
    if entry.start is not None:
        hours = entry.start.strftime("%H:%M") + (f"-{entry.end.strftime('%H:%M')}" if entry.end else "")
    names = ", ".join(speaker.name for speaker in entry.speakers)
    status = "" if entry.status == "held" else entry.status
    return (day, hours, entry.title or "", names, entry.location or "", status, str(entry.line))


def notes(page: Page) -> list[str]:
    """What `show` says under its tables: dates the page never settles, and lines no listing reads."""
    from ..read.listings import listings as read
    from ..read.listings import unread_lines
    from ..text.render import render_page

    found = read(page)
    lines = []
    for listing in found:
        for entry in listing.entries:
            if entry.readings:
                readings = " or ".join(day.isoformat() for day in entry.readings)
                lines.append(f"line {entry.line}: {entry.date_text!r} can be read as {readings}; the page does not say "
                             "whether it writes the day or the month first")  # fmt: skip
    for item in unread_lines(page, render_page(page), found):
        lines.append(f"line {item.line}: looks like a talk, but no listing reads it: {item.text[:80]}")
    return lines


def write_output(output: str | None, text: str, what: str, *, force: bool) -> None:
    """The result on standard output (no -o, or `-o -`), or written atomically to the `output` file."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from .. import files

    run(lambda: files.write_output(output, text, force=force))
    typer.echo(f"{output}: {what}")


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
    from .. import api

    target = None if output == "-" else output
    known = run(lambda: _previous(page, previous, target, force), page)
    stamp = now().replace(microsecond=0)
    text, count = run(
        lambda: api.export(page, output_format.value, timezone=timezone, stamp=stamp, previous=known), page
    )  # fmt: skip
    write_output(target, text, f"{count} events", force=force)


def _previous(page: str, previous: str | None, output: str | None, force: bool) -> tuple[str, str, str] | None:
    """The earlier export to compare with: --previous, else the -o file when it exists (never the page itself)."""
    from ..files import check_output

    if output is not None and os.path.exists(output) and os.path.realpath(output) == os.path.realpath(page):
        raise UsageError("-o names the page itself", path=output, expected="a calendar file such as seminar.ics")
    if output is not None:
        check_output(output, force=force)  # before anything is read: a device, a folder, a file without --force
    if previous is not None:
        return read_text_option(previous, "--previous") or "", "--previous", previous
    if output is not None and os.path.isfile(output):
        return read_text_option(output, "-o") or "", "-o", output
    return None


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

"""Commands around the page: export, announce, add-link, new-season, organizers, plan.

Thin typer commands over `commands_more` and the operations; edits go through the
shared edit flow of `cli._edit` (--dry-run, --check, checked atomic writes).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from .cli import Check, DryRun, PagePath, Selector, _ask, _edit, _run

Timezone = Annotated[
    str | None,
    typer.Option(
        "--timezone", help="The series' time zone (IANA name or ET, CT, ...). Default: configuration, else the page."
    ),
]
Output = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")]


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


class OrganizersAction(StrEnum):
    """What `seminar organizers` does."""

    list = "list"
    add = "add"
    remove = "remove"


def register(app: typer.Typer) -> None:
    """Add the commands around the page to the `seminar` app."""
    app.command("export")(export)
    app.command("announce")(announce)
    app.command("add-link")(add_link)
    app.command("new-season")(new_season)
    app.command("organizers")(organizers)
    app.command("plan")(plan)


def _write(output: str | None, text: str, what: str) -> None:
    """The result on standard output, or written atomically to `output` (with a line saying so)."""
    if output is None:
        sys.stdout.write(text)
        return
    from .files import write_atomic

    _run(lambda: write_atomic(output, text))
    typer.echo(f"{output}: {what}")


def export(
    page: Annotated[str, typer.Argument(help="The markdown page to read.", metavar="PAGE")],
    output_format: Annotated[ExportFormat, typer.Option("--format", help="Calendar format.")] = ExportFormat.ics,
    output: Output = None,
    previous: Annotated[
        str | None,
        typer.Option(help="An earlier .ics export: events that moved get their SEQUENCE raised. Default: the -o file."),
    ] = None,
    timezone: Timezone = None,
) -> None:
    """Export the talks as a calendar: one event per dated talk.

    iCalendar events carry the series' time zone (a VTIMEZONE), the talk's hours (the
    series' usual hours for a row with only a date), "Speaker: Title", the place, the
    abstract and links, STATUS:CANCELLED for cancelled talks, and a UID that stays the
    same when a talk is rescheduled. JSON and CSV give the same events as data.

    Example: seminar export seminar.md -o seminar.ics
    """
    from . import commands_more

    text, count = _run(
        lambda: commands_more.export(
            page, output_format.value, previous=previous, output=output, timezone=timezone
        )
    )  # fmt: skip
    _write(output, text, f"{count} events")


def announce(
    page: Annotated[str, typer.Argument(help="The markdown page to read.", metavar="PAGE")],
    talk: Selector = None,
    template: Annotated[
        str | None, typer.Option(help="Your own template ($title, $speakers, $when, ...; see the README).")
    ] = None,
    output_format: Annotated[
        AnnounceFormat | None, typer.Option("--format", help="Output format (default: the template's, else text).")
    ] = None,
    today: Annotated[str | None, typer.Option(help="Announce the next talk on or after this date.")] = None,
    timezone: Timezone = None,
) -> None:
    """Print the announcement (email or chat post) of the next talk, or of the one --talk names.

    The default templates ship with the tool (text, markdown, html); --template FILE
    uses your own, with $placeholders. Lines whose placeholders are all empty are left out.

    Example: seminar announce seminar.md --format markdown
    """
    from . import commands_more

    fmt = output_format.value if output_format else None
    text = _run(
        lambda: commands_more.announce(
            page, selector=talk, template=template, fmt=fmt, today=today, timezone=timezone
        )
    )  # fmt: skip
    sys.stdout.write(text)


def add_link(
    page: PagePath,
    talk: Selector = None,
    slides: Annotated[str | None, typer.Option(help="The slides' URL.")] = None,
    recording: Annotated[str | None, typer.Option(help="The recording's URL.")] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Add slides or recording links to a talk, the way the page already shows them.

    A `> [slides](…)` line in the talk's block on pages that write such lines; the
    schedule row's title linked to the recording on pages that link titles.

    Example: seminar add-link seminar.md --talk Okafor --slides https://example.org/okafor.pdf
    """
    from . import commands_more

    selector = _ask(talk, "--talk", "Which talk (date, speaker or title words)")
    operation = _run(lambda: commands_more.add_link(selector, slides=slides, recording=recording))
    _edit(page, operation, dry_run=dry_run, check=check)


def new_season(
    page: PagePath,
    year: Annotated[int, typer.Option("--year", help="The new season's year, e.g. 2027.")],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write the new page here (default: edit PAGE in place).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the -o file when it exists.")] = False,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Start next season's page from this one.

    Front matter years and permalink move to the new year; About and Organization stay;
    Next, Upcoming and Past lose their talks and the schedule its rows (headings,
    placeholders, back-to-top links and separators stay). Lines that still name the old
    year are listed as notes.

    Example: seminar new-season events/seminar-2026.md --year 2027 -o events/seminar-2027.md
    """
    from . import commands_more

    if output is None:
        _edit(page, _run(lambda: commands_more.new_season(year)), dry_run=dry_run, check=check)
        return
    from . import output as show

    result = _run(lambda: commands_more.new_season_file(page, year, output, force=force))
    for note in result.notes:
        show.print_error(f"note: {note}")
    if dry_run or check:
        if dry_run:
            show.print_diff(show.unified_diff(result.before, result.after, output))
        typer.echo(f"{output}: would write: {result.summary}")
        raise typer.Exit(1 if check else 0)
    _write(output, result.after, result.summary)


def organizers(
    page: PagePath,
    action: Annotated[OrganizersAction, typer.Argument(help="list, add or remove.")] = OrganizersAction.list,
    name: Annotated[str | None, typer.Option(help="The organizer's name (words of it for remove).")] = None,
    role: Annotated[
        list[str] | None, typer.Option("--role", help="A caption line under the name (repeat: title, group, ...).")
    ] = None,
    photo: Annotated[str | None, typer.Option(help="Photo URL (add).")] = None,
    url: Annotated[str | None, typer.Option(help="Link of the photo, e.g. a profile page (add).")] = None,
    position: Annotated[
        int | None, typer.Option(help="Column of the new organizer, 1 = first (default: last).")
    ] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """List, add or remove organizers: columns of the organization table (photo row, caption row).

    Every row of the table gets (or loses) the same cell, in the markup of its neighbours.

    Example: seminar organizers seminar.md add --name "Ann Lee" --role "Research Scientist" --photo https://… --url https://…
    """
    from . import commands_more

    if action is OrganizersAction.list:
        _list_organizers(page)
        return
    who = _ask(name, "--name", "Organizer's name")
    if action is OrganizersAction.add:
        operation = _run(lambda: commands_more.organizers_add(who, role or [], photo, url, position))
    else:
        operation = commands_more.organizers_remove(who)
    _edit(page, operation, dry_run=dry_run, check=check)


def _list_organizers(page: str) -> None:
    from . import api, output, views
    from .organizers import listing

    parsed = _run(lambda: api.read_page(page))
    people = _run(lambda: listing(parsed))
    rows: list[tuple[str, ...]] = [
        (person.name, "; ".join(line.rstrip(" ,;") for line in person.caption[1:]), person.url or "")
        for person in people
    ]
    output.print_listings(views.headline(parsed), [output.Listing("Organizers", ("name", "role", "link"), rows)])


def plan(
    page: PagePath,
    every: Annotated[str, typer.Option(help="The rule: 'thursday', 'other thursday', 'first monday of the month'.")],
    start: Annotated[str, typer.Option("--from", help="First day to plan (ISO or the page's format).")],
    until: Annotated[str, typer.Option("--until", help="Last day to plan.")],
    skip: Annotated[list[str] | None, typer.Option("--skip", help="A day without a meeting (repeat).")] = None,
    add: Annotated[bool, typer.Option("--add", help="Insert the open slots as TBD rows in the schedule.")] = False,
    timezone: Timezone = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """List the open slots of a recurring series (or insert them as TBD rows with --add).

    Slots are computed with dateutil's rrule on local clock times at the series' usual
    hours; a slot is open when no talk of the page is on that day.

    Example: seminar plan seminar.md --every "other thursday" --from 2026-09-03 --until 2026-12-17 --skip 2026-11-26
    """
    from . import api, commands_more, output
    from .plan import slot_line

    days = skip or []
    if add:
        operation = _run(
            lambda: commands_more.plan_add(page, every, start=start, until=until, skip=days, timezone=timezone)
        )
        _edit(page, operation, dry_run=dry_run, check=check)
        return
    parsed = _run(lambda: api.read_page(page))
    slots, notes = _run(
        lambda: commands_more.plan(page, every, start=start, until=until, skip=days, timezone=timezone)(parsed)
    )
    for note in notes + (() if slots else (f"no open dates from {start} to {until}",)):
        output.print_error(f"note: {note}")
    sys.stdout.write("".join(slot_line(slot) + "\n" for slot in slots))

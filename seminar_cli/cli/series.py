"""The commands around a series' season: new-season, organizers, plan."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from . import helptext
from .boundary import run
from .edit_flow import edit
from .options import FLAG, Check, DryRun, PagePath, Timezone
from .runs import headline, write_output
from .values import ask


class OrganizersAction(StrEnum):
    """What `seminar organizers` does."""

    list = "list"
    add = "add"
    remove = "remove"


def register(app: typer.Typer) -> None:
    """Add the season commands to the `seminar` app."""
    for name, function in (("new-season", new_season), ("organizers", organizers), ("plan", plan)):
        helptext.command(app, name, function)


def new_season(
    page: PagePath,
    year: Annotated[int, typer.Option("--year", help="The new season's year, e.g. 2027.", metavar="YEAR")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the new page here (default: edit PAGE in place).", metavar="FILE"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the -o file when it exists.", metavar=FLAG)] = False,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Start next season's page from this one.

    Front matter years and permalink move to the new year; About and Organization stay;
    Next, Upcoming and Past lose their talks and the schedule its rows (headings,
    placeholders, back-to-top links and separators stay). Lines that still name the old
    year are listed as notes.

    An existing -o file is replaced only with --force; `-o -` is standard output.

    Example: seminar new-season events/seminar-2026.md --year 2027 -o events/seminar-2027.md
    """
    from .. import api
    from ..edit import requests
    from . import terminal

    if output is None:
        edit(page, run(lambda: requests.new_season(year), page), dry_run=dry_run, check=check)
        return
    target = None if output == "-" else output
    result = run(lambda: api.new_season_file(page, year, target, force=force), page)
    for note in result.notes:
        terminal.print_error(f"note: {note}")
    if dry_run or check:
        if dry_run:
            terminal.print_diff(terminal.unified_diff(result.before, result.after, output))
        typer.echo(f"{output}: would write: {result.summary}")
        raise typer.Exit(1 if check else 0)
    write_output(target, result.after, result.summary, force=force)


def organizers(
    page: PagePath,
    action: Annotated[OrganizersAction, typer.Argument(help="list, add or remove.")] = OrganizersAction.list,
    name: Annotated[
        str | None, typer.Option(help="The organizer's name (words of it for remove).", metavar="NAME")
    ] = None,
    role: Annotated[
        list[str] | None,
        typer.Option("--role", help="A caption line under the name (repeat: title, group, ...).", metavar="TEXT"),
    ] = None,
    photo: Annotated[str | None, typer.Option(help="Photo URL (add).", metavar="URL")] = None,
    url: Annotated[
        str | None, typer.Option(help="Link of the photo, e.g. a profile page (add).", metavar="URL")
    ] = None,
    position: Annotated[
        int | None, typer.Option(help="Column of the new organizer, 1 = first (default: last).", metavar="N")
    ] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """List, add or remove organizers: columns of the organization table (photo row, caption row).

    Every row of the table gets (or loses) the same cell, in the markup of its neighbours.

    Example: seminar organizers seminar.md add --name "Ann Lee" --role "Research Scientist" --photo https://… --url https://…
    """
    from ..edit import requests

    if action is OrganizersAction.list:
        _list_organizers(page)
        return
    who = run(lambda: ask(name, "--name", "Organizer's name"), page)
    if action is OrganizersAction.add:
        operation = run(lambda: requests.organizers_add(who, role or [], photo, url, position), page)
    else:
        operation = requests.organizers_remove(who)
    edit(page, operation, dry_run=dry_run, check=check)


def _list_organizers(page: str) -> None:
    from .. import api
    from ..edit.organizers import listing
    from . import terminal

    parsed = run(lambda: api.read_page(page))
    people = run(lambda: listing(parsed), page)
    rows: list[tuple[str, ...]] = [
        (person.name, "; ".join(line.rstrip(" ,;") for line in person.caption[1:]), person.url or "")
        for person in people
    ]
    terminal.print_listings(headline(parsed), [terminal.Listing("Organizers", ("name", "role", "link"), rows)])


def plan(
    page: PagePath,
    every: Annotated[
        str,
        typer.Option(help="The rule: 'thursday', 'other thursday', 'first monday of the month'.", metavar="RULE"),
    ],
    start: Annotated[str, typer.Option("--from", help="First day to plan (ISO or the page's format).", metavar="DATE")],
    until: Annotated[str, typer.Option("--until", help="Last day to plan.", metavar="DATE")],
    skip: Annotated[
        list[str] | None, typer.Option("--skip", help="A day without a meeting (repeat).", metavar="DATE")
    ] = None,
    add: Annotated[
        bool, typer.Option("--add", help="Insert the open slots as TBD rows in the schedule.", metavar=FLAG)
    ] = False,
    timezone: Timezone = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """List the open slots of a recurring series (or insert them as TBD rows with --add).

    Slots are computed with dateutil's rrule on local clock times at the series' usual
    hours; a slot is open when no talk of the page is on that day.

    Example: seminar plan seminar.md --every "other thursday" --from 2026-09-03 --until 2026-12-17 --skip 2026-11-26
    """
    from .. import api
    from ..config import find_config
    from ..edit import requests
    from ..edit.plan import slot_line
    from . import terminal

    config = run(lambda: find_config(page), page)
    request = requests.PlanRequest(every, start, until, tuple(skip or ()), timezone or config.timezone, config.hours)
    if add:
        edit(page, run(lambda: requests.plan_add(request), page), dry_run=dry_run, check=check)
        return
    slots, notes = run(lambda: api.open_slots(page, request), page)
    for note in notes + (() if slots else (f"no open dates from {start} to {until}",)):
        terminal.print_error(f"note: {note}")
    sys.stdout.write("".join(slot_line(slot) + "\n" for slot in slots))

"""What the reading commands and rotate do, free of typer: the typer commands and the lean route both call these.

`seminar show`, `export` and `rotate --dry-run` are run by scripts and hooks as often as
`lint`: when their command line is plain, the lean route (`cli.lean`) reads it without
loading typer and calls the same function the typer command calls. An error is its line
on stderr and a `SystemExit` with its code (`boundary.run`), on both routes.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from typing import TYPE_CHECKING

from ..errors import UsageError
from .boundary import run
from .edit_flow import edit_code
from .values import now, read_text_option

if TYPE_CHECKING:
    from ..model import Entry, Page
    from ..model import Listing as ReadListing
    from .terminal import Listing as TerminalListing


def show_page(page: str, json_output: bool) -> None:
    """`seminar show`: the page's listings as tables (plain text when piped), or its model as JSON."""
    from .. import api
    from . import terminal

    parsed = run(lambda: api.read_page(page))
    if json_output:
        import json

        from ..outputs.data import page_data

        sys.stdout.write(json.dumps(page_data(parsed), indent=2, ensure_ascii=False) + "\n")
    else:
        terminal.print_listings(headline(parsed), listings(parsed), notes=notes(parsed))


def export_page(
    page: str, output_format: str, output: str | None, previous: str | None, timezone: str | None, force: bool
) -> None:
    """`seminar export`: the calendar of the page's talks on standard output or in the -o file."""
    from .. import api

    target = None if output == "-" else output
    known = run(lambda: _previous(page, previous, target, force), page)
    stamp = now().replace(microsecond=0)
    text, count = run(lambda: api.export(page, output_format, timezone=timezone, stamp=stamp, previous=known), page)
    write_output(target, text, f"{count} events", force=force)


def rotate_pages(
    pages: list[str], today: str | None, moment: str | None, past_talks: str | None, *, dry_run: bool, check: bool
) -> None:
    """`seminar rotate`: move ended talks into Past on each page; exits with the highest page's code."""
    from ..config import find_config
    from ..edit import requests

    current = now()
    run(lambda: requests.rotate(today=today, given_now=moment, now=current))  # refused before any page is read
    codes = []
    for page in pages:
        config = run(partial(find_config, page), page)
        wanted = past_talks or config.past_talks or "blocks"
        operation = requests.rotate(today=today, given_now=moment, now=current, keep_blocks=wanted == "blocks")
        codes.append(edit_code(page, operation, dry_run=dry_run, check=check, skip_other=True))
    if max(codes):
        raise SystemExit(max(codes))


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
    print(f"{output}: {what}")


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

"""Command-line values of the commands around the page turned into results and operations.

The series' time zone and usual hours come from `--timezone`, else the configuration
(`[tool.seminar]` in pyproject.toml or .seminar.toml: `timezone`, `hours`), else the page.
Files and the clock are read here, never in the operations.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import api
from .commands import parse_day, read_text_option
from .errors import UsageError
from .export import Previous
from .model import Page
from .ops import Edit
from .select import select
from .series import Hours, Slot
from .style import PageStyle

Operation = Callable[[Page, PageStyle], Edit]


def settings(path: str, page: Page, timezone: str | None) -> tuple[ZoneInfo, Hours | None]:
    """The series' time zone and usual hours: options, then configuration, then the page."""
    from .config import find_config
    from .series import usual_hours
    from .zones import series_zone

    config = find_config(Path(path))
    return series_zone(page, timezone or config.timezone), usual_hours(page, config.hours)


def today_in(tz: ZoneInfo, page: Page, text: str | None) -> date:
    """`--today`, else today's date in the series' zone."""
    if text is None:
        return datetime.now(tz).date()
    day = parse_day(text, page, "--today")
    if day is None:
        raise UsageError("--today cannot be TBD", expected="a date such as 2026-01-23")
    return day


def export(path: str, fmt: str, *, previous: str | None, output: str | None, timezone: str | None) -> tuple[str, int]:
    """The page's calendar in `fmt`, and how many events it holds."""
    from . import export as calendar

    if output is not None and os.path.exists(output) and os.path.realpath(output) == os.path.realpath(path):
        raise UsageError("-o names the page itself", path=output, expected="a calendar file such as seminar.ics")
    page = api.read_page(path)
    tz, hours = settings(path, page, timezone)
    events = calendar.talk_events(page, tz, hours)
    if fmt == "json":
        return calendar.to_json(events, tz), len(events)
    if fmt == "csv":
        return calendar.to_csv(events), len(events)
    known = None
    if previous is not None:
        known = _previous(previous, "--previous")
    elif output is not None and os.path.isfile(output):
        known = _previous(output, "-o")
    stamp = datetime.now(UTC).replace(microsecond=0)
    return calendar.to_ics(page, events, tz, stamp=stamp, previous=known), len(events)


def _previous(path: str, option: str) -> dict[str, Previous]:
    """The events of an earlier export (the -o file is one when it exists)."""
    from .export import read_previous

    text = read_text_option(path, option) or ""
    try:
        if "BEGIN:VCALENDAR" in text:
            return read_previous(text)
    except ValueError:
        pass
    raise UsageError(
        f"{option} {path} is not an iCalendar file",
        path=path,
        expected="an earlier `seminar export` .ics" + (" (or another -o path)" if option == "-o" else ""),
    )


def announce(
    path: str, *, selector: str | None, template: str | None, fmt: str | None, today: str | None, timezone: str | None
) -> str:
    """The announcement of the chosen talk, or of the next one."""
    from . import announce as mail
    from .style import infer_style

    kind = mail.format_of(template, fmt)
    text = read_text_option(template, "--template") if template else mail.default_template(kind)
    page = api.read_page(path)
    tz, hours = settings(path, page, timezone)
    ref = select(page, selector) if selector else mail.next_talk(page, today_in(tz, page, today))
    known = mail.values(page, infer_style(page), ref, kind, tz, hours)
    return mail.fill(text or "", known, template)


def add_link(selector: str, *, slides: str | None, recording: str | None) -> Operation:
    """The `add-link` operation: slides, recording, or both."""
    from .links import LinkKind, add_link, clean_url

    wanted: list[tuple[LinkKind, str]] = []
    if slides is not None:
        wanted.append(("slides", clean_url(slides, "--slides")))
    if recording is not None:
        wanted.append(("recording", clean_url(recording, "--recording")))
    if not wanted:
        raise UsageError("nothing to add", expected="--slides URL or --recording URL")

    def operation(page: Page, style: PageStyle) -> Edit:
        summaries: list[str] = []
        notes: list[str] = []
        for kind, url in wanted:
            edit = add_link(page, style, select(page, selector), kind, url)
            page = edit.page
            summaries.append(edit.summary)
            notes.extend(edit.notes)
        return Edit(page, "; ".join(summaries), tuple(notes))

    return operation


def new_season(year: int) -> Operation:
    """The `new-season` operation."""
    from .season import new_season as start

    if not 1950 <= year <= 2099:
        raise UsageError(f"--year {year} is not a season's year", expected="a year such as 2027")
    return lambda page, style: start(page, style, year)


def new_season_file(path: str, year: int, output: str, *, force: bool) -> api.EditResult:
    """Next season's page as it would be written to `output` (checked to read back as intended)."""
    from .files import read_text

    if os.path.exists(output) and not force:
        raise UsageError(f"{output} exists", path=output, expected="another -o path, or --force to replace it")
    if os.path.realpath(output) == os.path.realpath(path):
        raise UsageError("-o names the page itself", path=output, expected="no -o to edit the page in place")
    result = api.edit_text(read_text(path), new_season(year), path)
    api.parse_page(result.after, output)  # reads back, joining back to the exact text
    return result


def organizers_add(name: str, roles: list[str], photo: str | None, url: str | None, position: int | None) -> Operation:
    """The `organizers add` operation."""
    from .compose import one_line
    from .organizers import NewOrganizer, add

    if photo is None:
        raise UsageError("a new organizer needs a photo", expected="--photo URL")
    lines = tuple(one_line(role, "--role") for role in roles if role.strip())
    person = NewOrganizer(
        one_line(name, "--name"), lines, one_line(photo, "--photo"), one_line(url, "--url") if url else None
    )
    return lambda page, style: add(page, style, person, position)


def organizers_remove(name: str) -> Operation:
    """The `organizers remove` operation."""
    from .organizers import remove

    return lambda page, style: remove(page, style, name)


def plan(
    path: str,
    every: str,
    *,
    start: str,
    until: str,
    skip: list[str],
    timezone: str | None,
) -> Callable[[Page], tuple[list[Slot], tuple[str, ...]]]:
    """The open slots of the plan on a page (dates read in the page's own formats)."""
    from .plan import open_slots, parse_every

    rule = parse_every(every)

    def slots(page: Page) -> tuple[list[Slot], tuple[str, ...]]:
        tz, hours = settings(path, page, timezone)
        first, last = _day(start, page, "--from"), _day(until, page, "--until")
        skipped = tuple(_day(day, page, "--skip") for day in skip)
        return open_slots(page, rule, start=first, until=last, skip=skipped, tz=tz, hours=hours)

    return slots


def _day(text: str, page: Page, option: str) -> date:
    day = parse_day(text, page, option)
    if day is None:
        raise UsageError(f"{option} cannot be TBD", expected="a date such as 2026-09-03")
    return day


def plan_add(path: str, every: str, *, start: str, until: str, skip: list[str], timezone: str | None) -> Operation:
    """The `plan --add` operation: the open slots as TBD rows."""
    from .plan import add_slots

    slots = plan(path, every, start=start, until=until, skip=skip, timezone=timezone)

    def operation(page: Page, style: PageStyle) -> Edit:
        found, notes = slots(page)
        return add_slots(page, style, found, notes)

    return operation

"""Pure edits of a page: add a talk, reschedule, cancel, rotate.

Each takes the page, its style and every target as parameters (`today`, `now`),
decides what changes, and returns the new page: no clock, files or printing here.
How new text looks is decided in `compose` and `blocks` from the page's style.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ..errors import UsageError
from ..model import Page, Row, Schedule, ScheduleEntry, Section, Talk
from ..read.refs import TalkRef, is_next, next_talk
from ..read.tables import schedule_entry
from ..read.talks import field_of
from ..read.zones import talk_end
from . import compose, layout, targets
from .result import Edit
from .style import PageStyle
from .talk_block import TalkDetails, new_talk, with_field_text


class Keep:
    """The `--date` of a reschedule that does not change the date."""


KEEP = Keep()


def _cell_name(details: TalkDetails, template_cell: str) -> str:
    return compose.escape_cell(compose.speakers_text(details.speakers, template_cell))


def new_entry(page: Page, schedule: Schedule, style: PageStyle, details: TalkDetails) -> ScheduleEntry:
    """A schedule row for a new talk, copied from the row an organizer would copy."""
    template = style.row_template or _row_from_header(schedule, style.newline)
    columns = dict(schedule.columns)
    values: dict[int, str] = {}
    wanted = {
        "date": compose.schedule_date(details.day, style, page.season_year),
        "location": compose.cell_text(details.location) if details.location else style.placeholder,
        "name": _cell_name(details, template.cells[columns["name"]]) if "name" in columns else "",
        "affiliation": compose.cell_text(details.affiliation) if details.affiliation else "",
        "title": compose.cell_title(details.title) if details.title else style.placeholder,
    }
    for key, index in columns.items():
        if index < len(template.cells):
            values[index] = wanted[key]
    row = compose.row(template, values, style.aligned_widths, blank_others=True, newline=style.newline)
    return schedule_entry(row, schedule.columns, page.season_year)


def _row_from_header(schedule: Schedule, newline: str) -> Row:
    header = schedule.table.header
    return Row(header.lead, tuple(" " for _ in header.cells), True, newline, 0)


def add_talk(page: Page, style: PageStyle, details: TalkDetails, *, today: date, block: bool, force_next: bool) -> Edit:
    """Add a talk's row at its place in the schedule and, with `block`, its block in Next or Upcoming."""
    if not details.speakers:
        raise UsageError("a talk needs a speaker", expected="--speaker NAME")
    schedule = targets.schedule(page)
    entry = new_entry(page, schedule, style, details)
    page = layout.replace_schedule(page, schedule, layout.insert_entry(schedule, entry, style.newline))
    summary = f"added {entry.name or details.speakers[0].name} on {entry.date_text.strip()} to the schedule"
    if not block:
        return Edit(page, summary)
    talk = new_talk(style, details, page.season_year)
    target = _block_section(page, details.day, today, force_next)
    section = targets.section(page, target, heading=target.capitalize())
    order = layout.talk_order(section, details.day, newest_first=False)
    page = layout.replace_section(page, section, layout.insert_talk(section, talk, order, style))
    return Edit(page, f"{summary} and its block to {target.capitalize()}")


def _block_section(page: Page, day: date | None, today: date, force_next: bool) -> str:
    """Next when the talk is the earliest one still to come (or `--next`), else Upcoming."""
    if force_next or is_next(page, day, today):
        return "next"
    if page.sections_of("upcoming"):
        return "upcoming"
    first = next_talk(page, today)
    before = first.date.isoformat() if first and first.date else "another talk"
    raise UsageError(
        f"the talk is not the next one ({before} comes first) and the page has no Upcoming section for its block",
        expected="--next to put it under Next, or no --title/--abstract/--bio to add only its schedule row",
    )


def reschedule(
    page: Page,
    style: PageStyle,
    ref: TalkRef,
    *,
    day: date | Keep | None = KEEP,
    start: time | None = None,
    end: time | None = None,
    location: str | None = None,
) -> Edit:
    """Move a talk: its row (date, place, chronological position) and its block's time and place lines."""
    year = page.season_year
    changes = []
    if ref.entry is not None:
        schedule = targets.schedule(page)
        page = layout.replace_schedule(
            page, schedule, _rescheduled_row(page, schedule, style, ref.entry, day, location)
        )
    if ref.talk is not None and ref.section is not None:
        talk = ref.talk
        time_field = field_of(talk, "time")
        if time_field is not None and (not isinstance(day, Keep) or start is not None):
            new_day = (talk.when.date if talk.when else None) if isinstance(day, Keep) else day
            text = compose.time_text(time_field.text, new_day, start, end, style.placeholder)
            talk = with_field_text(talk, "time", text, year)
        if location is not None:
            if field_of(talk, "location") is None:
                changes.append("the talk block has no place line; only its schedule row names the new place")
            talk = with_field_text(talk, "location", compose.escape_inline(location), year)
        section = layout.section_of(page, ref.talk)
        page = layout.replace_section(page, section, layout.replace_item(section, ref.talk, talk))
    what = "to TBD" if day is None else (f"to {day.isoformat()}" if isinstance(day, date) else "")
    return Edit(page, f"rescheduled {ref.describe()} {what}".rstrip(), tuple(changes))


def _rescheduled_row(
    page: Page,
    schedule: Schedule,
    style: PageStyle,
    entry: ScheduleEntry,
    day: date | Keep | None,
    location: str | None,
) -> Schedule:
    columns = dict(schedule.columns)
    values: dict[int, str] = {}
    if not isinstance(day, Keep) and "date" in columns:
        values[columns["date"]] = compose.schedule_date(day, style, page.season_year)
    if location is not None and "location" in columns:
        values[columns["location"]] = compose.cell_text(location)
    row = compose.row(entry.row, values, style.aligned_widths, blank_others=False)
    new = replace(schedule_entry(row, schedule.columns, page.season_year), line=entry.line)
    if isinstance(day, Keep) or new.date == entry.date:
        return replace(schedule, items=tuple(new if item is entry else item for item in schedule.items))
    return layout.insert_entry(layout.remove_entry(schedule, entry), new, style.newline)


def cancel(page: Page, style: PageStyle, ref: TalkRef, *, remove: bool) -> Edit:
    """Mark a talk cancelled in its row and block (the page's own way), or remove both."""
    year = page.season_year
    if ref.entry is not None:
        schedule = targets.schedule(page)
        if remove:
            new_schedule = layout.remove_entry(schedule, ref.entry)
        else:
            new_schedule = replace(
                schedule,
                items=tuple(
                    _cancelled_row(item, schedule, style, year) if item is ref.entry else item
                    for item in schedule.items
                ),
            )
        page = layout.replace_schedule(page, schedule, new_schedule)
    if ref.talk is not None:
        section = layout.section_of(page, ref.talk)
        if remove:
            page = layout.replace_section(page, section, layout.remove_talk(section, ref.talk))
        elif not ref.talk.cancelled:
            title = field_of(ref.talk, "title")
            text = (title.text.rstrip() if title else "") + style.cancel_mark
            talk = replace(with_field_text(ref.talk, "title", text, year), line=ref.talk.line)
            page = layout.replace_section(page, section, layout.replace_item(section, ref.talk, talk))
    return Edit(page, f"{'removed' if remove else 'cancelled'} {ref.describe()}")


def _cancelled_row(entry: ScheduleEntry, schedule: Schedule, style: PageStyle, year: int | None) -> ScheduleEntry:
    if entry.cancelled or entry.struck:
        return entry
    cells = list(entry.row.cells)
    if style.strikes_cancelled_rows:
        cells = [compose.cell(cell, f"~~{cell.strip()}~~") if cell.strip() else cell for cell in cells]
    else:
        index = schedule.column("title")
        if index is None or index >= len(cells):
            index = schedule.column("name")
        if index is not None and index < len(cells):
            cells[index] = compose.cell(cells[index], cells[index].strip() + style.cancel_mark)
    row = replace(entry.row, cells=tuple(cells))
    return replace(schedule_entry(row, schedule.columns, year), line=entry.line)


def rotate(page: Page, style: PageStyle, *, now: datetime, tz: ZoneInfo) -> Edit:
    """Move every talk of Next and Upcoming that has ended into Past; the next talk with a block takes Next."""
    moved: list[Talk] = []
    for kind in ("next", "upcoming"):
        for section in page.sections_of(kind):
            current = section
            for talk in section.talks:
                ended = talk_end(talk, tz)
                if ended is not None and ended <= now:
                    current = layout.remove_talk(current, talk)
                    moved.append(talk)
            page = layout.replace_section(page, section, current)
    if not moved:
        return Edit(page, "nothing to rotate: no talk under Next or Upcoming has ended")
    notes: list[str] = []
    pasts = page.sections_of("past")
    if pasts:
        past = pasts[0]
        for talk in sorted(moved, key=lambda talk: talk.when.date if talk.when and talk.when.date else date.min):
            day = talk.when.date if talk.when else None
            order = layout.talk_order(past, day, style.past_newest_first)
            past_new = layout.insert_talk(past, talk, order, style)
            page = layout.replace_section(page, past, past_new)
            past = past_new
    else:
        notes.append("the page has no Past section: the talks stay on the schedule only")
    page = _promote_upcoming(page, style)
    names = ", ".join(
        f"{talk.when.date.isoformat() if talk.when and talk.when.date else '?'} {talk.title}" for talk in moved
    )
    return Edit(page, f"rotated into Past: {names}", tuple(notes))


def _promote_upcoming(page: Page, style: PageStyle) -> Page:
    """When Next is empty, the earliest talk block under Upcoming moves up into it (a cancelled talk is never next)."""
    nexts, upcomings = page.sections_of("next"), page.sections_of("upcoming")
    held = [talk for talk in upcomings[0].talks if not talk.cancelled] if upcomings else []
    if not nexts or nexts[0].talks or not held:
        return page
    upcoming: Section = upcomings[0]
    talk = min(held, key=lambda talk: talk.when.date if talk.when and talk.when.date else date.max)
    page = layout.replace_section(page, upcoming, layout.remove_talk(upcoming, talk))
    target = page.sections_of("next")[0]
    return layout.replace_section(page, target, layout.insert_talk(target, talk, 0, style))

"""Schedule rows for new and changed talks: each value in the column whose header means it.

Which header means what is read once, in `read.tables.column_map`; here values are
written into those columns in the page's own style, and a value the page has no
place for is refused with the reason rather than dropped.
"""

from __future__ import annotations

from datetime import time

from ..errors import UsageError
from ..model import Page, Row, Schedule, ScheduleEntry
from ..read.tables import schedule_entry
from ..text.lines import body
from . import compose
from .style import PageStyle
from .talk_block import TalkDetails

# What each column kind is called in messages, and the option that gives its value.
_WHAT = {
    "time": ("a time", "--time"),
    "location": ("a place", "--location"),
    "name": ("a speaker", "--speaker"),
    "affiliation": ("an affiliation", "--affiliation"),
    "title": ("a title", "--title"),
}


def new_entry(page: Page, schedule: Schedule, style: PageStyle, details: TalkDetails) -> ScheduleEntry:
    """A schedule row for a new talk, copied from the row an organizer would copy."""
    template = style.row_template or _row_from_header(schedule, style.newline)
    columns = dict(schedule.columns)
    wanted = {
        "date": compose.schedule_date(details.day, style, page.season_year),
        "time": time_cell(schedule, details.start, details.end) if details.start else "",
        "location": compose.cell_text(details.location) if details.location else style.placeholder,
        "name": _cell_name(schedule, details, template.cells[columns["name"]]) if "name" in columns else "",
        "affiliation": compose.cell_text(details.affiliation) if details.affiliation else "",
        "title": compose.cell_title(details.title) if details.title else style.placeholder,
    }
    values = {index: wanted.get(key, "") for key, index in columns.items() if index < len(template.cells)}
    row = compose.row(template, values, style.aligned_widths, blank_others=True, newline=style.newline)
    return schedule_entry(row, schedule.columns, page.season_year)


def _cell_name(schedule: Schedule, details: TalkDetails, template_cell: str) -> str:
    """The speakers' cell, names joined the way the page's own cells with several names join them."""
    if len(details.speakers) > 1:
        index = dict(schedule.columns)["name"]
        several = [entry.row.cells[index] for entry in schedule.entries if len(entry.speakers) > 1]
        template_cell = several[-1] if several else template_cell
    return compose.escape_cell(compose.speakers_text(details.speakers, template_cell))


def _row_from_header(schedule: Schedule, newline: str) -> Row:
    header = schedule.table.header
    return Row(header.lead, tuple(" " for _ in header.cells), True, newline)


def time_cell(schedule: Schedule, start: time, end: time | None) -> str:
    """Hours for the schedule's time column, written like the latest row that writes hours (else `10:00-11:00`)."""
    index = schedule.column("time")
    for entry in reversed(schedule.entries):
        if index is not None and entry.start is not None and index < len(entry.row.cells):
            return compose.escape_cell(compose.range_text(entry.row.values[index], start, end))
    return f"{start:%H:%M}" + (f"-{end:%H:%M}" if end else "")


def refuse_unplaced(schedule: Schedule, given: dict[str, bool], elsewhere: str) -> None:
    """A usage error for a value given (`given[kind]`) that the schedule has no column for and nothing else holds."""
    columns = dict(schedule.columns)
    for kind, wanted in given.items():
        if wanted and kind not in columns:
            what, option = _WHAT[kind]
            header = body(schedule.table.header.text).strip()
            raise UsageError(
                f"{option} has no place: the schedule has no column for {what} and {elsewhere}",
                line=schedule.line,
                column=1,
                found=repr(header),
                expected=f"a column for {what} in the schedule, a talk block to hold it, or no {option}",
            )

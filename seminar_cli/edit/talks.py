"""Pure edits of a page: add a talk, reschedule, cancel (rotate has its own module).

Each takes the page, its style and every target as parameters (`today`, `now`),
decides what changes, and returns the new page: no clock, files or printing here.
How new text looks is decided in `compose` and `blocks` from the page's style.
"""

from __future__ import annotations

from datetime import date, time

from ..errors import UsageError
from ..model import Frozen, Page, Schedule, ScheduleEntry, Talk, frozen, replace
from ..read.refs import TalkRef, next_talk
from ..read.series import Hours, new_talk_hours
from ..read.tables import schedule_entry
from ..read.talks import field_of
from . import compose, layout, listed, listed_changes, rows, targets
from .result import Edit
from .slots import SlotKind
from .style import PageStyle
from .talk_block import TalkDetails, new_talk, with_field_text


class Keep:
    """The `--date` of a reschedule that does not change the date."""


KEEP = Keep()


def add_talk(
    page: Page,
    style: PageStyle,
    details: TalkDetails,
    *,
    today: date,
    block: bool,
    force_next: bool,
    hours: Hours | None = None,
) -> Edit:
    """Add a talk's row at its place in the schedule and, with `block`, its block in Next or Upcoming.

    Without `--time` the talk gets the series' hours (`hours`, else read off the page: `new_talk_hours`).
    """
    if not block and listed.other_shape(page):
        return listed.add(page, details, today=today)
    if not details.speakers:
        raise UsageError("a talk needs a speaker", expected="--speaker NAME")
    schedule = targets.schedule(page)
    _refuse_unplaced(schedule, details, block)
    if details.start is None:
        usual = new_talk_hours(page, hours)
        details = replace(details, start=usual[0], end=usual[1]) if usual else details
    entry = rows.new_entry(page, schedule, style, details)
    page = layout.replace_schedule(page, schedule, layout.insert_entry(schedule, entry, style.newline))
    summary = f"added {entry.name or details.speakers[0].name} on {entry.date_text.strip()} to the schedule"
    if not block:
        return Edit(page, summary)
    notes: list[str] = []
    talk = new_talk(style, details, page.season_year, notes)
    target = _block_section(page, details.day, today, force_next)
    section = targets.section(page, target, heading=target.capitalize())
    clear = layout.without_placeholders(section)
    order = layout.talk_order(clear, details.day, newest_first=False)
    page = layout.replace_section(page, section, layout.insert_talk(clear, talk, order, style))
    return Edit(page, f"{summary} and its block to {target.capitalize()}", tuple(notes))


def _refuse_unplaced(schedule: Schedule, details: TalkDetails, block: bool) -> None:
    """Values only a block holds need a block; values for the row alone need their column."""
    if not block:
        for option, value in (
            ("--photo", details.photo),
            ("--abstract-file", details.abstract),
            ("--bio-file", details.bio),
        ):
            if value is not None:
                raise UsageError(
                    f"{option} has no place: only the talk's schedule row is added",
                    expected="--title with --abstract-file or --bio-file (or --next) to write the talk's block",
                )
        given = {
            "time": details.start is not None,
            "location": bool(details.location),
            "affiliation": bool(details.affiliation),
            "title": bool(details.title),
            "name": True,
        }
        rows.refuse_unplaced(schedule, given, "only the talk's row is added (no block)")


def _block_section(page: Page, day: date | None, today: date, force_next: bool) -> str:
    """Next when the talk is the earliest one still to come (or `--next`), else Upcoming; else a usage error."""
    kind = layout.block_section(page, day, today, force_next)
    if kind is not None:
        return kind
    first = next_talk(page, today)
    before = first.date.isoformat() if first and first.date else "another talk"
    raise UsageError(
        f"the talk is not the next one ({before} comes first) and the page has no Upcoming section for its block",
        expected="--next to put it under Next, or no --title/--abstract/--bio to add only its schedule row",
    )


@frozen
class Move(Frozen):
    """What a reschedule changes: the date (`KEEP` for none), the hours, the place (None for no change)."""

    day: date | Keep | None
    start: time | None
    end: time | None
    location: str | None


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
    """Move a talk: its row (date, hours, place, chronological position) and its block's time and place lines."""
    if listed_changes.applies(page, ref):
        return _rescheduled_listed(page, ref, Move(day, start, end, location))
    targets.editable(page, ref)
    move = Move(day, start, end, location)
    if start is not None:
        _refuse_lost_hours(page, ref)
    notes: list[str] = []
    if ref.entry is not None:
        schedule = targets.schedule(page)
        page = layout.replace_schedule(page, schedule, _rescheduled_row(page, schedule, style, ref.entry, move))
    if ref.talk is not None and ref.section is not None:
        talk = _rescheduled_block(ref.talk, style, move, page.season_year, notes)
        section = layout.section_of(page, ref.talk)
        page = layout.replace_section(page, section, layout.replace_item(section, ref.talk, talk))
    what = "to TBD" if day is None else (f"to {day.isoformat()}" if isinstance(day, date) else "")
    return Edit(page, f"rescheduled {ref.describe()} {what}".rstrip(), tuple(notes))


def _rescheduled_listed(page: Page, ref: TalkRef, move: Move) -> Edit:
    """A listed talk moved: its date (and place in its listing), hours and place in its own text."""
    assert ref.listed is not None
    if move.day is None:
        raise UsageError("a talk of this listing needs a date", path=page.path, expected="--date YYYY-MM-DD")
    day = None if isinstance(move.day, Keep) else move.day
    values: dict[SlotKind, str] = {"location": move.location} if move.location is not None else {}
    change = listed_changes.Change(day=day, start=move.start, end=move.end, values=values)
    what = f"to {day.isoformat()}" if day else ""
    return listed_changes.change(page, ref.listed, change, f"rescheduled {ref.describe()} {what}".rstrip())


def _refuse_lost_hours(page: Page, ref: TalkRef) -> None:
    """New hours need a place: the block's time line, or a time column of the schedule."""
    if ref.talk is not None and field_of(ref.talk, "time") is not None:
        return
    elsewhere = "the talk's block has no time line" if ref.talk else "the talk has only its schedule row"
    if ref.entry is None or page.schedule is None:
        raise UsageError(f"--time has no place: {elsewhere}", path=page.path, expected="no --time")
    rows.refuse_unplaced(targets.schedule(page), {"time": True}, elsewhere)


def _rescheduled_block(talk: Talk, style: PageStyle, move: Move, year: int | None, notes: list[str]) -> Talk:
    """The block with its time line and place line following the move."""
    time_field = field_of(talk, "time")
    if time_field is not None and (not isinstance(move.day, Keep) or move.start is not None):
        new_day = (talk.when.date if talk.when else None) if isinstance(move.day, Keep) else move.day
        text = compose.time_text(time_field.text, new_day, move.start, move.end, style.placeholder)
        talk = with_field_text(talk, "time", text, year)
    if move.location is not None:
        if field_of(talk, "location") is None:
            notes.append("the talk block has no place line; only its schedule row names the new place")
        talk = with_field_text(talk, "location", compose.escape_inline(move.location), year)
    return talk


def _rescheduled_row(page: Page, schedule: Schedule, style: PageStyle, entry: ScheduleEntry, move: Move) -> Schedule:
    wanted = {
        "date": None if isinstance(move.day, Keep) else compose.schedule_date(move.day, style, page.season_year),
        "time": rows.time_cell(schedule, move.start, move.end) if move.start is not None else None,
        "location": compose.cell_text(move.location) if move.location is not None else None,
    }
    values = {index: value for key, index in schedule.columns if (value := wanted.get(key)) is not None}
    row = compose.row(entry.row, values, style.aligned_widths, blank_others=False)
    new = replace(schedule_entry(row, schedule.columns, page.season_year), line=entry.line)
    if isinstance(move.day, Keep) or new.date == entry.date:
        return replace(schedule, items=tuple(new if item is entry else item for item in schedule.items))
    return layout.insert_entry(layout.remove_entry(schedule, entry), new, style.newline)


def cancel(page: Page, style: PageStyle, ref: TalkRef, *, remove: bool) -> Edit:
    """Mark a talk cancelled in its row and block (the page's own way), or remove both."""
    if listed_changes.applies(page, ref):
        assert ref.listed is not None
        if remove:
            return listed_changes.removed(page, ref)
        if ref.listed.status == "cancelled":
            return Edit(page, f"{ref.describe()} is already marked cancelled")
        return listed_changes.change(
            page, ref.listed, listed_changes.Change(cancel=True), f"cancelled {ref.describe()}"
        )
    targets.editable(page, ref)
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

"""Talks as table rows: each cell read by what its column's header means, the date in any column.

A header cell may stack several columns with `<br>` (`Speaker<br>Affiliation<br>Date`):
each row's cell is split the same way. A notes or format cell that names the speaker
(`Speaker: X`, `Discussion led by X`) gives the speakers when no column does.
"""

from __future__ import annotations

from ..model import EntryStatus, Row, Schedule, ScheduleEntry, Speaker
from ..patterns import IGNORECASE, compiled
from . import inline
from .date_tokens import DateToken, date_tokens
from .entries import Draft, hours
from .people import blank, read_free, read_people, status_of
from .tables import kind_of_header

_STACKED = compiled(r"<br\s*/?>", IGNORECASE)  # the parts are stripped: no `\s*` around


def schedule_drafts(schedule: Schedule) -> list[Draft]:
    """One draft per row of a schedule table."""
    columns = dict(schedule.columns)
    stacked = _stack(schedule.table.header, columns.get("date"))
    return [_draft(entry, columns, stacked) for entry in schedule.entries]


def _stack(header: Row, column: int | None) -> tuple[str, ...]:
    """The kinds a stacked date header cell holds, in order (empty when the date column stands alone)."""
    if column is None or column >= len(header.cells):
        return ()
    parts = [part.strip() for part in _STACKED.split(header.cells[column]) if part.strip()]
    return tuple(kind_of_header(part) or "" for part in parts) if len(parts) > 1 else ()


def _cell(row: Row, columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    return row.cells[index].strip() if index is not None and index < len(row.cells) else ""


def _draft(entry: ScheduleEntry, columns: dict[str, int], stacked: tuple[str, ...]) -> Draft:
    row = entry.row
    date_cell = _cell(row, columns, "date")
    parts = _parts(date_cell, stacked) if stacked else {"date": date_cell}
    token = _token(parts.get("date", ""))
    speakers, affiliation = _speakers(entry, columns, parts)
    title_cell = _cell(row, columns, "title")
    # The hours from their own column, else from the date cell (`Sep 5, 2025, 4:00 PM` under `Date & Time`).
    timed = _cell(row, columns, "time") if "time" in columns else inline.strip_markup(parts.get("date", ""))
    start, end = hours(timed, None if "time" in columns else token)
    status: EntryStatus | None = "cancelled" if entry.struck or entry.cancelled else None
    return Draft(
        line=entry.line,
        end_line=entry.line,
        token=token,
        status=status or status_of(title_cell, _cell(row, columns, "name"), speakers=speakers),
        title=entry.title or None,
        speakers=speakers,
        affiliation=affiliation,
        location=entry.location or None,
        start=start,
        end=end,
    )


def _parts(cell: str, stacked: tuple[str, ...]) -> dict[str, str]:
    """A stacked cell's parts by kind: positionally when it has as many parts as its header, else by content."""
    parts = [part.strip() for part in _STACKED.split(cell) if part.strip()]
    if len(parts) == len(stacked):
        return {kind: part for kind, part in zip(stacked, parts, strict=True) if kind}
    found: dict[str, str] = {}
    dated = next((part for part in reversed(parts) if _token(part)), None)
    if dated is not None:
        found["date"] = dated
        parts.remove(dated)
    if parts:
        found["name"] = parts[0]
    if len(parts) > 1:
        found["affiliation"] = " ".join(parts[1:])
    return found


def _token(cell: str) -> DateToken | None:
    """The first date a cell holds (markup and strike-through aside)."""
    found = date_tokens(inline.strip_markup(cell)) if cell else []
    return found[0] if found else None


def _speakers(
    entry: ScheduleEntry, columns: dict[str, int], parts: dict[str, str]
) -> tuple[tuple[Speaker, ...], str | None]:
    """The row's speakers: its name column (or stacked part), else what a notes cell says of them."""
    affiliation = entry.affiliation or (inline.strip_markup(parts["affiliation"]) if "affiliation" in parts else None)
    named = parts.get("name")
    if named is not None:
        speakers, inside = read_people(named)
    elif "name" in columns:
        speakers, inside = read_people(_cell(entry.row, columns, "name"))
    else:
        described = read_free(_cell(entry.row, columns, "links"))
        speakers, inside = described.speakers, described.affiliation
    kept = tuple(speaker for speaker in speakers if not blank(speaker.name))
    # Most rows name the speakers their schedule entry has read already: the page holds them once.
    return (entry.speakers if kept == entry.speakers else kept), affiliation or inside

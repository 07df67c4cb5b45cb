"""Rules on dates and times of talk blocks: weekday, dates that do not exist, time ranges, zones."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

from ..patterns import compiled
from ..read.dates import WEEKDAYS, weekday_index, weekday_name
from ..read.series import range_problem
from ..read.zones import GENERIC, expected_label, zone_of_label
from .context import Context, TimeField, cell_of
from .finding import Fix, Hit, TextEdit
from .registry import rule

_NUMBERS = compiled(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?")
_FAR_HOURS = 3


@rule(
    "SEM001",
    "weekday-mismatch",
    "error",
    summary="A talk's weekday does not match its date.",
    example="Time: 10-11 a.m. ET, Monday, 12/03/2026  (12/03/2026 is a Thursday)",
    fixable=True,
)
def weekday_mismatch(ctx: Context) -> Iterator[Hit]:
    """The weekday written next to a date is the weekday of that date."""
    for item in ctx.time_fields:
        slot, span = item.scan.slot, item.scan.weekday_span
        written = slot.weekday
        if slot.date is None or written is None or span is None:
            continue
        index = weekday_index(written)
        if index is None or index == slot.date.weekday():
            continue
        yield _weekday_hit(ctx, item, written, index)


def _weekday_hit(ctx: Context, item: TimeField, written: str, index: int) -> Hit:
    day = item.scan.slot.date
    assert day is not None
    right = weekday_name(day, written)
    message = (
        f"{written!r} does not match {item.scan.slot.date_text}, which is a {WEEKDAYS[day.weekday()].capitalize()}"
    )
    if ctx.meeting_day == index:
        near = next(
            day + timedelta(days=shift) for shift in range(-3, 4) if (day + timedelta(days=shift)).weekday() == index
        )
        message += (
            f"; the series meets on {WEEKDAYS[index].capitalize()}s, so check the date "
            f"(the nearest {WEEKDAYS[index].capitalize()} is {near.isoformat()}) or write {right!r}"
        )
        return Hit(item.line, item.column_of(item.scan.weekday_span), message)
    fix = Fix(f"write {right!r}", (TextEdit(item.line, item.column_of(item.scan.weekday_span), written, right),))
    return Hit(item.line, item.column_of(item.scan.weekday_span), message + f"; expected {right!r}", fix)


@rule(
    "SEM002",
    "invalid-date",
    "error",
    summary="A date that does not exist, in a talk block or a schedule row.",
    example="Time: 10-11 a.m. ET, Thursday, 02/30/2026",
)
def invalid_date(ctx: Context) -> Iterator[Hit]:
    """Every date written is a day of the calendar."""
    for item in ctx.time_fields:
        error = item.scan.slot.date_error
        if error and "exist" in error:
            text = item.text_of(item.scan.date_span)
            yield Hit(item.line, item.column_of(item.scan.date_span), _why_not(text))
    columns = dict(ctx.page.schedule.columns) if ctx.page.schedule else {}
    day_first = _day_first_lines(ctx)
    for entry in ctx.entries:
        cell = cell_of(entry, columns, "date")
        if entry.date_error and "exist" in entry.date_error and cell:
            yield Hit(entry.line, cell[0], "schedule row: " + _why_not(entry.date_text, entry.line in day_first))


def _day_first_lines(ctx: Context) -> set[int]:
    """The lines of entries whose listing writes the day first."""
    return {entry.line for listing in ctx.listings if listing.dates.order == "day-first" for entry in listing.entries}


def _why_not(text: str, day_first: bool = False) -> str:
    numbers = _NUMBERS.search(text)
    if numbers is None:
        return f"{text!r} is not a date that exists"
    month, day = int(numbers.group(1)), int(numbers.group(2))
    if day_first:  # the listing writes the day first (`31/02/2026`)
        month, day = day, month
    if not 1 <= month <= 12:
        written = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
        return f"{text!r} is not a date: there is no month {month}; expected {written}"
    year_text = numbers.group(3)
    year = (int(year_text) if len(year_text) == 4 else 2000 + int(year_text)) if year_text else 2000
    import calendar  # only for a date that does not exist

    days = calendar.monthrange(year, month)[1]
    return (
        f"{text!r} is not a date: {calendar.month_name[month]} has {days} days"
        + (f" in {year}" if year_text and month == 2 else "")
        + f", not {day}"
    )


@rule(
    "SEM003",
    "bad-time-range",
    "error",
    summary="A talk's time range ends before it starts, or lasts longer than 8 hours.",
    example="Time: 10:00 a.m. - 11 p.m. ET, Thursday, 12/03/2026",
)
def bad_time_range(ctx: Context) -> Iterator[Hit]:
    """A talk ends after it starts, and on the same day, within a few hours."""
    for item in ctx.time_fields:
        start, end = item.scan.slot.start, item.scan.slot.end
        problem = range_problem(start, end) if start is not None and end is not None else None
        if problem and problem.startswith("runs"):
            problem += "; expected a talk of a few hours (check a.m./p.m.)"
        if problem:
            yield Hit(
                item.line, item.column_of(item.scan.range_span), f"{item.text_of(item.scan.range_span)!r} {problem}"
            )


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


@rule(
    "SEM004",
    "unusual-hours",
    "warning",
    summary="A talk far (3 hours or more) from the series' usual hours, or at night.",
    example="Time: 10-11 p.m. ET, Thursday, 12/03/2026  (the series meets 10-11 am ET)",
)
def unusual_hours(ctx: Context) -> Iterator[Hit]:
    """A talk starts near the series' usual hours, or at least in the daytime."""
    usual = ctx.hours
    for item in ctx.time_fields:
        start, end = item.scan.slot.start, item.scan.slot.end
        elsewhere = zone_of_label(item.scan.slot.tz)
        if start is None or (elsewhere and ctx.series_zone and elsewhere != ctx.series_zone):
            continue  # a talk given from another time zone, labelled so
        written = item.text_of(item.scan.range_span)
        column = item.column_of(item.scan.range_span)
        if usual is not None:
            distance = abs(_minutes(start) - _minutes(usual[0]))
            if distance >= _FAR_HOURS * 60:
                yield Hit(
                    item.line,
                    column,
                    f"{written!r} starts at {start:%H:%M}, {distance // 60} hours from the series' usual start "
                    f"at {usual[0]:%H:%M}; check the time (or a.m./p.m.)",
                )
        elif _minutes(start) < 7 * 60 or (end is not None and _minutes(end) > 22 * 60 and end > start):
            yield Hit(item.line, column, f"{written!r} is at night ({start:%H:%M}); check a.m./p.m.")


@rule(
    "SEM005",
    "timezone-mismatch",
    "error",
    summary="A standard-time label in summer or a daylight-time label in winter (EST in July).",
    example="Time: 10-11 a.m. EST, Thursday, 07/09/2026  (New York is on EDT in July)",
)
def timezone_mismatch(ctx: Context) -> Iterator[Hit]:
    """EST/EDT, CST/CDT, PST/PDT... is the one in use on the talk's date."""
    for item in ctx.time_fields:
        slot = item.scan.slot
        if slot.tz is None or slot.date is None:
            continue
        expected = expected_label(slot.tz, ctx.config.timezone, slot.date, slot.start)
        if expected is None or expected[1] == slot.tz:
            continue
        name, label = expected
        generic = f" or {GENERIC[name]}" if name in GENERIC else ""
        place = name.split("/")[-1].replace("_", " ")
        yield Hit(
            item.line,
            item.column_of(item.scan.tz_span) + (1 if item.text_of(item.scan.tz_span).startswith("(") else 0),
            f"{slot.tz} on {_day(slot.date)}: {place} is on {label} then; expected {label}{generic}",
        )


def _day(value: date) -> str:
    return value.isoformat()

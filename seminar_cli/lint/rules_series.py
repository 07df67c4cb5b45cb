"""Rules that hold the front matter's description to the talks: the usual hours, and the months and year.

The description is what visitors read first (`10–11 am ET`, `Every Other Thursday,
March-October, 2024`); when the talks say otherwise, one of the two is wrong. When most
talks disagree the description is what is stale, and it gets one finding; else each
talk that disagrees gets its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

from ..model import FrontMatter, Frozen, frozen
from ..patterns import IGNORECASE, compiled
from ..read.date_tokens import MONTH_WORDS
from ..read.dates import scan_time
from ..read.frontmatter import season_values
from ..read.series import described_hours
from ..read.zones import zone_of_label
from ..text.lines import body, split_lines
from .context import Context, TimeField
from .finding import Hit
from .registry import rule

_FAR_MINUTES = 3 * 60  # SEM004 speaks of talks this far from the usual hours
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # fmt: skip
_YEAR = r"((?:19|20)\d\d)"
_TO = r"\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b)\s*"
# `March-October, 2024`, `August – December 2025`, `September 2025 - May 2026`
_MONTHS = compiled(rf"(?<![^\W\d_]){_MONTH}(?:\s+{_YEAR})?{_TO}{_MONTH},?\s+{_YEAR}(?!\d)", IGNORECASE)
_SHOWN = 4


@frozen
class Written(Frozen):
    """Something the description states, where it stands in the page."""

    text: str
    line: int
    column: int


@frozen
class Spoken(Frozen):
    """A talk's hours as the page writes them."""

    start: time
    text: str
    line: int
    column: int


@rule(
    "SEM007",
    "front-matter-hours",
    "warning",
    summary="A talk at other hours than the front matter's description gives for the series.",
    example="Time: 11:00 a.m. - 12 p.m. ET, Thursday, 03/21/2024  (the description says 10–11 am ET)",
)
def front_matter_hours(ctx: Context) -> Iterator[Hit]:
    """Talks start at the hours the description states."""
    hours = described_hours(ctx.page)
    written = _hours_line(ctx.page.front_matter) if hours else None
    if hours is None or written is None:
        return
    talks = list(_block_hours(ctx)) + list(_listed_hours(ctx))
    other = [talk for talk in talks if talk.start != hours[0] and _distance(talk.start, hours[0]) < _FAR_MINUTES]
    usual = f"{hours[0]:%H:%M}-{hours[1]:%H:%M}"
    if len(talks) >= 2 and len(other) * 2 > len(talks):
        yield _stale_hours(written, usual, other, len(talks))
        return
    for talk in other:
        yield Hit(
            talk.line,
            talk.column,
            f"{talk.text!r} starts at {talk.start:%H:%M}, but the description says the series meets {usual} "
            f"(line {written.line}); check the time, or the description",
        )


def _stale_hours(written: Written, usual: str, other: list[Spoken], count: int) -> Hit:
    """Most talks start at other hours than the description's: the description is what is stale."""
    starts = sorted({f"{talk.start:%H:%M}" for talk in other})
    return Hit(
        written.line,
        written.column,
        f"the description says the series meets {usual} ({written.text!r}), but {len(other)} of its {count} "
        f"talks start at {' or '.join(starts)} (line {other[0].line}); update the description",
    )


def _hours_line(front: FrontMatter | None) -> Written | None:
    """Where the description states the series' hours."""
    if front is None:
        return None
    lines = split_lines(front.text)
    for value in season_values(front):
        text = body(lines[value.line_index])[: value.end]
        scan = scan_time(text[value.start :], None)
        if value.key == "description" and scan.range_span and scan.slot.end and not scan.slot.date:
            begin, end = (value.start + spot for spot in scan.range_span)
            return Written(text[begin:end].strip(), front.line + value.line_index, begin + 1)
    return None


def _block_hours(ctx: Context) -> Iterator[Spoken]:
    """The start of every talk block that gives its hours in the series' zone (last season's talks aside)."""
    for item in ctx.time_fields:
        start = item.scan.slot.start
        if start is not None and ctx.talk_time(item.talk) is item and _counts(ctx, item):
            yield Spoken(start, item.text_of(item.scan.range_span), item.line, item.column_of(item.scan.range_span))


def _counts(ctx: Context, item: TimeField) -> bool:
    """True for a talk held in the series' own zone this season: its hours are the series' hours."""
    slot = item.scan.slot
    elsewhere = zone_of_label(slot.tz)
    if item.talk.cancelled or (elsewhere and ctx.series_zone and elsewhere != ctx.series_zone):
        return False
    return not (ctx.season and slot.date and slot.date.year < ctx.season.first)


def _listed_hours(ctx: Context) -> Iterator[Spoken]:
    """The start of every talk that a table, a list or a heading gives hours (talk blocks aside)."""
    for listing in ctx.listings:
        if listing.shape != "blocks":
            for entry in listing.entries:
                if entry.start is not None and entry.status == "held":
                    yield Spoken(entry.start, f"{entry.start:%H:%M}", entry.line, 1)


def _distance(one: time, two: time) -> int:
    return abs((one.hour * 60 + one.minute) - (two.hour * 60 + two.minute))


@rule(
    "SEM042",
    "front-matter-months",
    "warning",
    summary="Talks outside the months and year the front matter's description gives for the season.",
    example="description: Every Other Thursday, March-October, 2024  with talks on 11-07-2024 and 12-05-2024",
)
def front_matter_months(ctx: Context) -> Iterator[Hit]:
    """The talks fall in the months the description names."""
    found = _months_line(ctx.page.front_matter)
    if found is None:
        return
    written, first, last = found
    if ctx.season and first.year < ctx.season.first:
        return  # the description names last season's year: SEM041
    season_start = ctx.season.first if ctx.season else first.year
    outside = _outside(ctx, first, last, season_start)
    if not outside:
        return
    shown = ", ".join(f"{day.isoformat()} (line {line})" for day, line in outside[:_SHOWN])
    more = f" and {len(outside) - _SHOWN} more" if len(outside) > _SHOWN else ""
    yield Hit(
        written.line,
        written.column,
        f"the description says {written.text!r}, but talks fall outside it: {shown}{more}; "
        "update the months (or check those dates)",
    )


def _outside(ctx: Context, first: date, last: date, season_start: int) -> list[tuple[date, int]]:
    """Each day of a talk or slot outside `first`..`last`, with its first line; last season's talks aside (SEM040)."""
    found: dict[date, int] = {}
    for listing in ctx.listings:
        for entry in listing.entries:
            day = entry.date
            if day is None or entry.status not in ("held", "placeholder") or day.year < season_start:
                continue
            if not first <= day <= last:
                found[day] = min(found.get(day, entry.line), entry.line)
    return sorted(found.items())


def _months_line(front: FrontMatter | None) -> tuple[Written, date, date] | None:
    """Where the description names the season's months, and the first and last day they cover."""
    if front is None:
        return None
    lines = split_lines(front.text)
    for value in season_values(front):
        text = body(lines[value.line_index])[: value.end]
        match = _MONTHS.search(text, value.start) if value.key == "description" else None
        if match is None:
            continue
        last_year = int(match.group(4))
        first_year = int(match.group(2)) if match.group(2) else last_year
        start, end = MONTH_WORDS[match.group(1).lower()], MONTH_WORDS[match.group(3).lower()]
        if not match.group(2) and start > end:
            first_year -= 1  # `September-May, 2026`
        first = date(first_year, start, 1)
        last = date(last_year + end // 12, end % 12 + 1, 1) - timedelta(days=1)
        if first <= last:
            return Written(match.group(0), front.line + value.line_index, match.start() + 1), first, last
    return None

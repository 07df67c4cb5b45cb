"""Rules on the dates of every listing, whatever its shape: an order the page never settles, entries out of order.

The schedule table has its own order rule (SEM030) and the past talk blocks theirs
(SEM031); these read the other listings: lists, headings, dated lines, HTML rows, a
term's table, with the dates as each listing settled them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from ..model import Entry, Listing
from ..read.date_tokens import date_tokens
from .context import Context
from .finding import Hit
from .registry import rule
from .rules_order import Dated, direction, out_of_order

_SHOWN_LINES = 3


@rule(
    "SEM006",
    "unsettled-date-order",
    "warning",
    summary="A listing whose dates read both day first and month first, and the page never says which.",
    example="| 03/04/2026 | … |  with no date on the page that settles 2026-03-04 or 2026-04-03",
)
def unsettled_date_order(ctx: Context) -> Iterator[Hit]:
    """Every listing's dates can be read one way only."""
    for listing in ctx.listings:
        unsettled = _first_per_line(entry for entry in listing.entries if len(entry.readings) == 2)
        if not unsettled:
            continue
        first = unsettled[0]
        readings = " or ".join(day.isoformat() for day in first.readings)
        shown = ", ".join(str(entry.line) for entry in unsettled[:_SHOWN_LINES])
        lines = f"line {shown}" if len(unsettled) == 1 else f"lines {shown}"
        more = f" and {len(unsettled) - _SHOWN_LINES} more" if len(unsettled) > _SHOWN_LINES else ""
        yield Hit(
            first.line,
            ctx.column_in(first.line, first.date_text),
            f"{first.date_text!r} is {readings}: the page never says whether its dates are written day first or "
            f"month first ({lines}{more}); write one date with its weekday or a day above 12, "
            f"or write the dates as ISO dates ({first.readings[0].isoformat()})",
        )


def _first_per_line(entries: Iterator[Entry] | Sequence[Entry]) -> list[Entry]:
    """One entry per source line: a talk over several days (`April 25-26`) counts once."""
    seen: set[int] = set()
    found = []
    for entry in entries:
        if entry.line not in seen:
            seen.add(entry.line)
            found.append(entry)
    return found


@rule(
    "SEM033",
    "listing-order",
    "warning",
    summary="A talk out of the order the rest of its listing keeps (a list, headings, dated lines, a term's table).",
    example="### 20/12/2020: …  between  ### 17/1/2020: …  and  ### 6/12/2019: …  in a newest-first list",
)
def listing_order(ctx: Context) -> Iterator[Hit]:
    """The dated entries of each listing run in one direction of time."""
    schedule = {entry.line for entry in ctx.entries}  # SEM030 checks the schedule table
    for listing in ctx.listings:
        if listing.shape != "blocks" and not any(entry.line in schedule for entry in listing.entries):
            yield from _listing_order(ctx, listing)


def _listing_order(ctx: Context, listing: Listing) -> Iterator[Hit]:
    items = [
        Dated(entry.date, entry.date_text or entry.date.isoformat(), entry.line, 1)
        for entry in _first_per_line(listing.entries)
        if entry.date is not None
    ]
    ascending = direction(items)
    if ascending is None or _two_runs([item.day for item in items]):
        return
    positions = {id(item): index for index, item in enumerate(items)}
    for item, other, before in out_of_order(items, ascending):
        if not _another_year_fits(items, positions[id(item)], ascending):
            yield _order_hit(ctx, listing, item, other, before, ascending)


def _order_hit(ctx: Context, listing: Listing, item: Dated, other: Dated, before: bool, ascending: bool) -> Hit:
    under = f" under {listing.heading!r}" if listing.heading else ""
    order = "oldest first" if ascending else "newest first"
    return Hit(
        item.line,
        ctx.column_in(item.line, item.text),
        f"the talk of {item.text} is out of order: the listing{under} (line {listing.line}) runs {order}, and it "
        f"comes {'after' if before else 'before'} the talk of {other.text} (line {other.line}); check its date",
    )


def _two_runs(days: Sequence[date]) -> bool:
    """True for a listing made of two runs that each start next to the other in time and run away from it.

    Coming talks oldest first above past talks newest first (or past talks newest first
    above coming ones oldest first) is a convention, not a talk out of order.
    """
    count = len(days)
    forward, back = _runs(days)
    ends_forward, ends_back = _runs(days[::-1])
    tail_back, tail_forward = ends_forward[::-1], ends_back[::-1]  # whether days[i:] run back, or forward
    later_low, later_high = list(days), list(days)
    for index in range(count - 2, -1, -1):
        later_low[index] = min(days[index], later_low[index + 1])
        later_high[index] = max(days[index], later_high[index + 1])
    low = high = days[0]
    for split in range(1, count - 1):
        low, high = min(low, days[split - 1]), max(high, days[split - 1])
        coming_then_past = forward[split - 1] and tail_back[split] and later_high[split] < low
        past_then_coming = back[split - 1] and tail_forward[split] and later_low[split] > high
        if split >= 2 and (coming_then_past or past_then_coming):  # two talks at least on each side
            return True
    return False


def _runs(days: Sequence[date]) -> tuple[list[bool], list[bool]]:
    """For each position, whether the days up to it run forward in time, and whether they run back."""
    forward, back = [True], [True]
    for index in range(1, len(days)):
        forward.append(forward[-1] and days[index - 1] <= days[index])
        back.append(back[-1] and days[index - 1] >= days[index])
    return forward, back


def _another_year_fits(items: Sequence[Dated], index: int, ascending: bool) -> bool:
    """True when a date written without its year would be in order in the year before or after.

    The year of `Dec 14` in a listing that runs into January is read, not written: the
    order then says more about that reading than about the page.
    """
    item = items[index]
    tokens = date_tokens(item.text)
    if not tokens or tokens[0].year is not None:
        return False
    before = items[index - 1].day if index > 0 else None
    after = items[index + 1].day if index + 1 < len(items) else None
    return any(_fits(before, moved, after, ascending) for moved in _other_years(item.day))


def _other_years(day: date) -> Iterator[date]:
    for year in (day.year - 1, day.year + 1):
        try:
            yield day.replace(year=year)
        except ValueError:  # the 29th of February
            continue


def _fits(before: date | None, day: date, after: date | None, ascending: bool) -> bool:
    """True when `day` sits between its neighbours in the listing's direction."""
    low, high = (before, after) if ascending else (after, before)
    return (low is None or low <= day) and (high is None or day <= high)

"""Rules on order and repetition: schedule rows by date, past talks in the page's order, duplicates."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import date

from ..model import Frozen, frozen
from ..read.matching import repeated_rows, repeats
from .context import PAST_KINDS, Context, cell_of
from .finding import Hit
from .registry import rule
from .rules_schedule import short


@frozen
class Dated(Frozen):
    """Something with a date at a line and column: a row or a talk."""

    day: date
    text: str
    line: int
    column: int


def out_of_order(items: Sequence[Dated], ascending: bool) -> list[tuple[Dated, Dated, bool]]:
    """The items outside the longest run in the given order, each with a kept item it conflicts with.

    The bool says whether the conflicting item comes before it on the page.
    """
    kept = _longest_run(items, ascending)
    # The kept items are in order, so the nearest kept item on each side is the one to compare with:
    # if it does not conflict, none further away does (linear, not items times kept items).
    previous = _nearest_kept(len(items), set(kept))
    following = _nearest_kept(len(items), set(kept), backwards=True)
    found = []
    for index, item in enumerate(items):
        before, after = previous[index], following[index]
        if before == index:
            continue
        if before is not None and _wrong(items[before], item, ascending):
            found.append((item, items[before], True))
        elif after is not None and _wrong(item, items[after], ascending):
            found.append((item, items[after], False))
    return found


def _nearest_kept(size: int, kept: set[int], backwards: bool = False) -> list[int | None]:
    """For each index, the nearest kept index at or before it (at or after it, `backwards`)."""
    nearest: list[int | None] = [None] * size
    last: int | None = None
    for index in range(size - 1, -1, -1) if backwards else range(size):
        if index in kept:
            last = index
        nearest[index] = last
    return nearest


def _wrong(first: Dated, second: Dated, ascending: bool) -> bool:
    return first.day > second.day if ascending else first.day < second.day


def _longest_run(items: Sequence[Dated], ascending: bool) -> list[int]:
    """Indexes of a longest subsequence already in order (ties keep the earliest items), in n log n."""
    if not items:
        return []
    keys = [item.day.toordinal() * (1 if ascending else -1) for item in items]
    tails: list[int] = []  # the smallest last key of an ordered run of each length
    ends: list[int] = []  # the index where that run ends
    length = [0] * len(items)
    previous = [-1] * len(items)
    for index, key in enumerate(keys):
        size = bisect_right(tails, key)
        previous[index] = ends[size - 1] if size else -1
        length[index] = size + 1
        if size == len(tails):
            tails.append(key)
            ends.append(index)
        else:
            tails[size], ends[size] = key, index
    index = length.index(max(length))
    run = []
    while index != -1:
        run.append(index)
        index = previous[index]
    return run[::-1]


def direction(items: Sequence[Dated]) -> bool | None:
    """True for oldest first, False for newest first, None when the items do not tell."""
    up, down = len(_longest_run(items, True)), len(_longest_run(items, False))
    return None if up == down else up > down


@rule(
    "SEM030",
    "schedule-order",
    "warning",
    summary="Schedule rows out of chronological order (TBD dates aside).",
    example="| 11-05-2026 | … |  above  | 10-08-2026 | … |  in an oldest-first schedule",
)
def schedule_order(ctx: Context) -> Iterator[Hit]:
    """The schedule's dated rows run in one direction of time."""
    columns = dict(ctx.page.schedule.columns) if ctx.page.schedule else {}
    items = []
    for entry in ctx.entries:
        cell = cell_of(entry, columns, "date")
        if entry.date and cell:
            items.append(Dated(entry.date, entry.date_text, entry.line, cell[0]))
    ascending = direction(items) is not False
    order = "oldest first" if ascending else "newest first"
    for item, other, before in out_of_order(items, ascending):
        where = "after" if before else "before"
        yield Hit(
            item.line,
            item.column,
            f"the row of {item.text} is out of order: the schedule runs {order}, and it comes {where} "
            f"the row of {other.text} (line {other.line})",
        )


@rule(
    "SEM031",
    "past-order",
    "warning",
    summary="Past talks out of the page's own order (newest first or oldest first).",
    example="Past: 11/05/2026, 09/10/2026, 10/08/2026  on a newest-first page",
)
def past_order(ctx: Context) -> Iterator[Hit]:
    """The talks under Past run in the order the page keeps (or `past-order` says)."""
    for section in ctx.page.sections:
        if section.kind not in PAST_KINDS:
            continue
        items = []
        for talk in section.talks:
            found = ctx.talk_time(talk)
            if found and found.scan.slot.date:
                text = found.scan.slot.date_text or found.scan.slot.date.isoformat()
                items.append(Dated(found.scan.slot.date, text, found.line, found.column_of(found.scan.date_span)))
        configured = ctx.config.past_order
        ascending = direction(items) if configured is None else configured == "oldest-first"
        if ascending is None:
            continue
        order = "oldest first" if ascending else "newest first"
        for item, other, before in out_of_order(items, ascending):
            yield Hit(
                item.line,
                item.column,
                f"the past talk of {item.text} is out of order: past talks on this page run {order}, and it "
                f"comes {'after' if before else 'before'} the talk of {other.text} (line {other.line})",
            )


@rule(
    "SEM032",
    "duplicate-talk",
    "error",
    summary="The same talk (date and title or speaker) twice: two blocks, or two schedule rows.",
    example="the 12/03/2026 talk both under Next and under Past",
)
def duplicate_talk(ctx: Context) -> Iterator[Hit]:
    """Each talk has one block and one schedule row."""
    pairs = ctx.page.talks()
    talks = [talk for _, talk in pairs]
    for later, earlier in sorted(repeats(talks).items()):
        first_section = pairs[earlier][0].heading
        under = f" under {first_section.title!r}" if first_section else ""
        yield Hit(
            talks[later].line,
            1,
            f"the talk {short(talks[later].title)} appears twice: "
            f"its block is also at line {talks[earlier].line}{under}",
        )
    rows = [entry for entry in ctx.entries if not entry.struck]
    for later, earlier in sorted(repeated_rows(rows).items()):
        entry = rows[later]
        yield Hit(entry.line, 1, f"the schedule row of {entry.date_text} repeats the row at line {rows[earlier].line}")

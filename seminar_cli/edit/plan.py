"""The open slots of a recurring series, from dateutil's rrule on local clock times.

`--every` reads like an organizer says it: "thursday", "every other thursday",
"every 3rd thursday", "every 2 weeks on tuesday", "tuesday and thursday",
"first monday of the month", "last friday of the month". Occurrences are computed as
naive local clock times and only then put in the series' zone, so a 10:00 talk stays
at 10:00 across a daylight-saving change. A rule that skips weeks keeps the page's own
rhythm: it counts from the page's last talk on its weekday before `--from`. A slot
is open when no talk of the page (block or row) is on that date and it is not skipped.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..errors import UsageError
from ..model import Frozen, Page, Speaker, frozen
from ..patterns import compiled
from ..read.dates import WEEKDAYS, weekday_index
from ..read.refs import talk_refs
from ..read.series import Hours, Slot
from . import layout, targets
from .result import Edit
from .rows import new_entry
from .style import PageStyle
from .talk_block import TalkDetails

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "other": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# A weekday is one word (`thursday`, `thurs`, `thursdays`), taken whole: a lazy one could end anywhere
# inside `mondayandmonday...`, and the ways to cut such a word grow exponentially.
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*+"
_AND = r"\s*,\s*and\s+|\s*[,&]\s*|\s+and\s+"
_WEEKLY = compiled(
    rf"^(?:every\s+)?(?:(?P<nth>other|second|2nd|third|3rd|fourth|4th)\s+|(?P<weeks>\d+)\s+weeks?\s+on\s+)?"
    rf"(?P<days>{_DAY}(?:(?:{_AND}){_DAY})*)$"
)
_MONTHLY = compiled(
    rf"^(?:every\s+|the\s+)?(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?P<days>{_DAY})"
    r"\s+(?:of\s+)?(?:the|each|every)?\s*month$"
)
EXAMPLES = (
    "'thursday', 'other thursday', 'every 2 weeks on tuesday', 'tuesday and thursday', 'first monday of the month'"
)


@frozen
class Recurrence(Frozen):
    """A meeting rule: weekly every `interval` weeks on `weekdays`, or monthly on the `nth` weekday."""

    weekdays: tuple[int, ...]
    interval: int = 1
    nth: int | None = None

    @property
    def monthly(self) -> bool:
        """True for a rule such as "first monday of the month"."""
        return self.nth is not None


def parse_every(text: str) -> Recurrence:
    """The rule an organizer writes with --every."""
    words = " ".join(text.casefold().replace("-", " ").split())
    monthly = _MONTHLY.match(words)
    if monthly:
        nth = -1 if monthly.group("nth") == "last" else _ORDINALS[monthly.group("nth")]
        return Recurrence((_weekday(monthly.group("days"), text),), 1, nth)
    weekly = _WEEKLY.match(words)
    if weekly is None:
        raise UsageError(f"--every {text!r} is not a rule this tool reads", expected=EXAMPLES)
    interval = int(weekly.group("weeks")) if weekly.group("weeks") else _ORDINALS.get(weekly.group("nth") or "", 1)
    days = tuple(_weekday(day, text) for day in re.split(_AND, weekly.group("days")))
    if interval < 1:
        raise UsageError(f"--every {text!r}: a rule repeats every week or more", expected=EXAMPLES)
    return Recurrence(tuple(sorted(set(days))), interval)


def _weekday(word: str, text: str) -> int:
    index = weekday_index(word) if len(word) >= 3 else None
    if index is None or not WEEKDAYS[index].startswith(word.rstrip("s")):
        raise UsageError(f"--every {text!r}: {word!r} is not a weekday", expected=EXAMPLES)
    return index


def occurrences(page: Page, rule: Recurrence, start: date, until: date, at: time) -> list[datetime]:
    """The rule's meetings from `start` to `until` (both included), as naive local clock times."""
    from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekdays  # type: ignore[import-untyped]

    if until < start:
        raise UsageError(f"--until {until.isoformat()} is before --from {start.isoformat()}")
    days = [weekdays[day] for day in rule.weekdays]
    if rule.monthly:
        days = [weekdays[rule.weekdays[0]](rule.nth)]
        found = rrule(MONTHLY, dtstart=datetime.combine(start, at), until=datetime.combine(until, at), byweekday=days)
    else:
        anchor = _anchor(page, rule, start)
        found = rrule(
            WEEKLY,
            interval=rule.interval,
            dtstart=datetime.combine(anchor, at),
            until=datetime.combine(until, at),
            byweekday=days,
            wkst=rule.weekdays[0],
        )
    return [moment for moment in found if moment.date() >= start]


def _anchor(page: Page, rule: Recurrence, start: date) -> date:
    """Where a rule that skips weeks counts from: the page's last talk on its weekday before `start` (its rhythm)."""
    if rule.interval == 1:
        return start
    dates = sorted(ref.date for ref in talk_refs(page) if ref.date is not None and ref.date.weekday() in rule.weekdays)
    before = [day for day in dates if day <= start]
    anchor = before[-1] if before else (dates[0] if dates else start)
    step = timedelta(weeks=rule.interval)
    while anchor > start:
        anchor -= step
    return anchor


def open_slots(
    page: Page,
    rule: Recurrence,
    *,
    start: date,
    until: date,
    skip: tuple[date, ...],
    tz: ZoneInfo,
    hours: Hours | None,
) -> tuple[list[Slot], tuple[str, ...]]:
    """The meetings no talk of the page takes and that are not skipped, with notes on skips that match none."""
    first, last = hours if hours else (time(0), None)
    meetings = occurrences(page, rule, start, until, first)
    taken = {ref.date for ref in talk_refs(page) if ref.date is not None}
    slots = []
    for moment in meetings:
        day = moment.date()
        if day in taken or day in skip:
            continue
        if hours is None or last is None:
            slots.append(Slot(day, None, None))
            continue
        end = datetime.combine(day + timedelta(days=1) if last <= first else day, last, tz)
        slots.append(Slot(day, moment.replace(tzinfo=tz), end))
    days = {moment.date() for moment in meetings}
    notes = tuple(f"--skip {day.isoformat()} is not one of the meetings planned" for day in skip if day not in days)
    return slots, notes


def slot_line(slot: Slot) -> str:
    """`2026-10-29  Thursday  10:00-11:00 EDT` (no hours for an all-day slot)."""
    text = f"{slot.day.isoformat()}  {WEEKDAYS[slot.day.weekday()].capitalize():<9}"
    if slot.start is not None and slot.end is not None:
        text += f"  {slot.start:%H:%M}-{slot.end:%H:%M} {slot.start.tzname()}"
    return text.rstrip()


def add_slots(page: Page, style: PageStyle, slots: list[Slot], notes: tuple[str, ...] = ()) -> Edit:
    """Each open slot as a schedule row with the date and the page's placeholder (TBD) elsewhere."""
    if not slots:
        return Edit(page, "no open slots to add", notes)
    schedule = targets.schedule(page)
    placeholder = style.placeholder
    for slot in slots:
        hours = (slot.start.time(), slot.end.time() if slot.end else None) if slot.start else (None, None)
        details = TalkDetails(day=slot.day, speakers=(Speaker(placeholder),), start=hours[0], end=hours[1])
        entry = new_entry(page, schedule, style, details)
        updated = layout.insert_entry(schedule, entry, style.newline)
        page = layout.replace_schedule(page, schedule, updated)
        schedule = updated
    days = ", ".join(slot.day.isoformat() for slot in slots)
    return Edit(page, f"added {len(slots)} open slots as {placeholder} rows: {days}", notes)

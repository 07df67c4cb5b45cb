"""What a series does as a rule: its usual hours, and when each talk starts and ends in its time zone.

Pure: the zone and configured hours are parameters. A talk's own time line wins; a
talk with only a date (a schedule row) gets the series' usual hours; without those
it is an all-day talk.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

from .dates import scan_time
from .model import Page
from .select import TalkRef

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

Hours = tuple[time, time]
_CLOCK_WORDS = re.compile(r"\d\s*[ap]\.?m\b|\bnoon\b|\d:\d\d|\b[ECMP]T\b", re.I)


class Slot(NamedTuple):
    """When a talk takes place: its day and, unless it is all-day, its start and end in the series' zone."""

    day: date
    start: datetime | None
    end: datetime | None

    @property
    def all_day(self) -> bool:
        """True when the page gives no hours for the talk."""
        return self.start is None


def usual_hours(page: Page, configured: Hours | None = None) -> Hours | None:
    """The series' hours: configured, else the most common of its talk blocks, else its description's."""
    if configured is not None:
        return configured
    pairs = Counter[Hours]()
    for _, talk in page.talks():
        when = talk.when
        if when is not None and when.start is not None and when.end is not None:
            pairs[(when.start, when.end)] += 1
    described = described_hours(page)
    if pairs:  # on a tie, the hours the description states, else the first written
        return max(pairs.items(), key=lambda item: (item[1], item[0] == described))[0]
    return described


def described_hours(page: Page) -> Hours | None:
    """The hours the front matter's description states (`10am - 11am ET`, `10–11 am ET`), if it does."""
    for line in page.front_matter.description if page.front_matter else ():
        if not _CLOCK_WORDS.search(line):
            continue
        slot = scan_time(line, None).slot
        if slot.start is not None and slot.end is not None and slot.date is None:
            return slot.start, slot.end
    return None


def talk_slot(ref: TalkRef, tz: ZoneInfo, hours: Hours | None) -> Slot | None:
    """When a talk takes place (None when it has no date)."""
    day = ref.date
    if day is None:
        return None
    when = ref.talk.when if ref.talk else None
    if when is not None and when.start is not None:
        start, end = when.start, when.end
    elif hours is not None:
        start, end = hours
    else:
        return Slot(day, None, None)
    begin = datetime.combine(day, start, tz)
    if end is None:
        return Slot(day, begin, begin + timedelta(hours=1))
    finish = datetime.combine(day, end, tz)
    if end <= start:  # past midnight
        finish = datetime.combine(day + timedelta(days=1), end, tz)
    return Slot(day, begin, finish)


def zone_label(label: str | None, moment: datetime) -> str:
    """The label to print for a time: a generic one as the page writes it (ET), else the zone's own (EDT)."""
    if label and not re.fullmatch(r"[A-Z]{1,2}[SD]T", label):
        return label
    return moment.tzname() or ""

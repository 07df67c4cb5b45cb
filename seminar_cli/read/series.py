"""What a series does as a rule: its season, usual hours and meeting day, and when each talk takes place.

Pure: the zone and configured hours are parameters. A talk's own time line wins; a
talk with only a date (a schedule row) gets the series' usual hours; without those
it is an all-day talk. The season comes from the front matter (the permalink first),
never from the talks alone: a page whose front matter names no year gets no season checks.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from ..model import FrontMatter, Frozen, Page, frozen
from ..patterns import IGNORECASE, compiled
from ..text.lines import body, split_lines
from .dates import WEEKDAYS, scan_time
from .frontmatter import SEASON_KEYS, YEAR, season_values
from .refs import TalkRef

TYPE_CHECKING = False
if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

Hours = tuple[time, time]
_SEASONAL_LABEL = compiled(r"[A-Z]{1,2}[SD]T")
_CLOCK_WORDS = compiled(r"\d\s*[ap]\.?m\b|\bnoon\b|\d:\d\d|\b[ECMP]T\b", IGNORECASE)
_SHORT_END = compiled(r"\s*[-–—/]\s*(\d{2})(?!\d)")
_DAY = compiled(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", IGNORECASE)


@frozen
class Slot(Frozen):
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


LONGEST_TALK_MINUTES = 8 * 60


def range_problem(start: time, end: time) -> str | None:
    """Why hours cannot be a talk's (they end before they start, or run longer than 8 hours), else None."""
    length = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if length <= 0:
        return f"ends at {end:%H:%M}, not after it starts at {start:%H:%M}"
    if length > LONGEST_TALK_MINUTES:
        return f"runs {start:%H:%M} to {end:%H:%M}, {length // 60} hours"
    return None


def new_talk_hours(page: Page, configured: Hours | None = None) -> Hours | None:
    """The hours a new talk gets when none are given: configured, else the description's, else the usual ones.

    The description states the series' rule (`10am - 11am ET`); the talks of the page are evidence
    of it, and may hold a special session or last season's leftover.
    """
    return configured or described_hours(page) or usual_hours(page)


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
    """When a talk takes place (None when it has no date): its block's hours, its row's, else the usual ones."""
    day = ref.date
    if day is None:
        return None
    when = ref.talk.when if ref.talk else None
    listed = ref.listed
    if when is not None and when.start is not None:
        start, end = when.start, when.end
    elif ref.entry is not None and ref.entry.start is not None:  # the hours a schedule row's time column gives
        start, end = ref.entry.start, ref.entry.end
    elif listed is not None and listed.start is not None:
        start, end = listed.start, listed.end
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
    if label and not _SEASONAL_LABEL.fullmatch(label):
        return label
    return moment.tzname() or ""


@frozen
class YearMention(Frozen):
    """A year written in the front matter's title, description or permalink."""

    year: int
    field: str
    line: int
    column: int


@frozen
class Season(Frozen):
    """The season a page declares: its year, the years its talks may fall in, and who says so."""

    year: int
    first: int
    last: int
    source: str
    stale: YearMention | None = None


def front_matter_years(front: FrontMatter | None) -> list[YearMention]:
    """Every year in the title, description and permalink of the front matter, with its position."""
    if front is None:
        return []
    found: list[YearMention] = []
    lines = split_lines(front.text)
    for value in season_values(front):
        text = body(lines[value.line_index])[: value.end]
        number = front.line + value.line_index
        for year in YEAR.finditer(text, value.start):
            found.append(YearMention(int(year.group(1)), value.key, number, year.start() + 1))
            short = _SHORT_END.match(text, year.end())
            if short and int(short.group(1)) == (int(year.group(1)) + 1) % 100:  # `2025–26`
                found.append(YearMention(int(year.group(1)) + 1, value.key, number, short.start(1) + 1))
    return found


def season_of(page: Page, dates: list[date]) -> Season | None:
    """The season the front matter declares, or None when it names no year."""
    mentions = front_matter_years(page.front_matter)
    if not mentions or page.season_year is None:
        return None
    year, source, stale = page.season_year, "the front matter", None
    links = [mention for mention in mentions if mention.field == "permalink"]
    others = {mention.year for mention in mentions if mention.field != "permalink"}
    if links:
        source = "the permalink"
        linked = links[0].year
        if _majority_year(dates) == linked + 1 and linked + 1 in others and linked not in others:
            year, source, stale = linked + 1, "the front matter", links[0]
    first = last = year
    for field in SEASON_KEYS:
        years = {mention.year for mention in mentions if mention.field == field}
        if {year - 1, year} <= years:
            first = year - 1
        if {year, year + 1} <= years:
            last = year + 1
    return Season(year, first, last, source, stale)


def _majority_year(dates: list[date]) -> int | None:
    if len(dates) < 2:
        return None
    year, count = Counter(day.year for day in dates).most_common(1)[0]
    return year if count * 2 > len(dates) else None


def declared_labels(front: FrontMatter | None) -> list[str]:
    """Time-zone labels the description uses (`ET`)."""
    labels = []
    for line in front.description if front else ():
        slot = scan_time(line, None).slot
        if slot.tz:
            labels.append(slot.tz)
    return labels


def declared_weekday(front: FrontMatter | None) -> int | None:
    """The weekday the description names (`Every Other Thursday`), when it names exactly one."""
    days = {match.group(1).lower() for line in (front.description if front else ()) for match in _DAY.finditer(line)}
    return WEEKDAYS.index(days.pop()) if len(days) == 1 else None


def usual_weekday(dates: list[date]) -> int | None:
    """The weekday most of the page's dates fall on, when at least three do and they are most."""
    if len(dates) < 3:
        return None
    day, count = Counter(value.weekday() for value in dates).most_common(1)[0]
    return day if count * 5 >= len(dates) * 3 else None

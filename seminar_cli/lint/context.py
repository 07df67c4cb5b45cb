"""One lint run's view of a page: the page, today, the configuration, and facts worked out once.

Rules read positions from here: the column of a field's value is computed by walking the
talk's parts, whose texts join back to the page exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from functools import cached_property

from ..model import Config, Field, Frozen, Listing, Page, ScheduleEntry, Section, Talk, TalkPart, frozen
from ..read import inline
from ..read.dates import TimeScan, find_date, scan_time
from ..read.listings import listings
from ..read.matching import Matching, match
from ..read.refs import TalkRef, next_talk
from ..read.series import Season, declared_labels, declared_weekday, described_hours, season_of, usual_weekday
from ..read.zones import zone_of_labels
from ..text.blocks import Layout, layout
from ..text.lines import LineView
from ..text.render import render_page, render_part
from ..text.tables import cell_column

PAST_KINDS = frozenset({"past", "recorded"})
AHEAD_KINDS = frozenset({"next", "upcoming"})


@frozen
class TimeField(Frozen):
    """A talk's time line, read with the positions of its tokens."""

    section: Section
    talk: Talk
    field: Field
    line: int
    column: int
    scan: TimeScan

    def column_of(self, span: tuple[int, int] | None) -> int:
        """The page column of a span of the value."""
        return self.column + (span[0] if span else 0)

    def text_of(self, span: tuple[int, int] | None) -> str:
        """The text of a span of the value."""
        return (self.field.text or "")[span[0] : span[1]] if span else ""


class Context:
    """A page and what every rule needs to know about it."""

    def __init__(self, page: Page, today: date, config: Config | None = None, source: str | None = None) -> None:
        self.page = page
        self.today = today
        self.config = config or Config()
        self.source = render_page(page) if source is None else source

    @cached_property
    def layout(self) -> Layout:
        """Where the page's raw blocks are (front matter, headings, paragraphs, HTML, tables...), and their kinds."""
        return layout(self.source)

    @cached_property
    def lines(self) -> LineView:
        """The page's lines without their endings (line N is `lines[N - 1]`), each cut when read."""
        return self.layout.lines()

    @cached_property
    def matching(self) -> Matching:
        """Schedule rows paired with talk blocks."""
        return match(self.page)

    @cached_property
    def dates(self) -> list[date]:
        """Every date the page's talk blocks and schedule rows give."""
        found = [talk.when.date for _, talk in self.page.talks() if talk.when and talk.when.date]
        found.extend(entry.date for entry in self.entries if entry.date)
        return found

    @cached_property
    def listings(self) -> tuple[Listing, ...]:
        """Every talk listing of the page, whatever its shape, its dates settled (`read.listings`)."""
        return listings(self.page)

    @cached_property
    def next_talk(self) -> TalkRef | None:
        """The next talk as of today, as `read.refs.next_talk` says (the one home of "which talk is next")."""
        return next_talk(self.page, self.today)

    def column_in(self, line: int, text: str | None) -> int:
        """The 1-based column where `text` starts in page line `line` (1 when it is not there)."""
        found = self.lines[line - 1].find(text) if text and 1 <= line <= len(self.lines) else -1
        return found + 1 if found >= 0 else 1

    @cached_property
    def entries(self) -> tuple[ScheduleEntry, ...]:
        """The schedule rows (none when the page has no schedule)."""
        return self.page.schedule.entries if self.page.schedule else ()

    @cached_property
    def date_pattern(self) -> str | None:
        """How the schedule writes its dates (`%m-%d-%Y`), read off its first dated row that shows a pattern.

        Read once, not for each row that needs it: many rows may come before the first dated one.
        """
        for entry in self.entries:
            found = find_date(inline.strip_markup(entry.date_text), None) if entry.date else None
            if found and found[0].pattern:
                return found[0].pattern
        return None

    @cached_property
    def linked_columns(self) -> frozenset[int]:
        """The schedule columns in which some row holds a link."""
        return frozenset(
            index
            for entry in self.entries
            for index, cell in enumerate(entry.row.cells)
            if "](" in cell or "<a" in cell
        )

    @cached_property
    def season(self) -> Season | None:
        """The season the front matter declares."""
        return season_of(self.page, self.dates)

    @cached_property
    def meeting_day(self) -> int | None:
        """The series' weekday: configured, named in the description, or most of its dates."""
        if self.config.meeting_day is not None:
            return self.config.meeting_day
        front = self.page.front_matter
        return declared_weekday(front) if declared_weekday(front) is not None else usual_weekday(self.dates)

    @cached_property
    def hours(self) -> tuple[time, time] | None:
        """The series' usual hours: configured or stated in the description."""
        return self.config.hours or described_hours(self.page)

    @cached_property
    def series_zone(self) -> str | None:
        """The series' time zone: configured, else the one its labels (`ET`) name."""
        labels = [talk.when.tz for _, talk in self.page.talks() if talk.when and talk.when.tz]
        return self.config.timezone or zone_of_labels(declared_labels(self.page.front_matter) + labels)

    @cached_property
    def archived(self) -> bool:
        """True for a page of a finished season: its year is over and every date is past."""
        last = self.season.last if self.season else self.page.season_year
        if last is None or self.today.year <= last:
            return False
        return all(day < self.today for day in self.dates)

    @cached_property
    def time_fields(self) -> list[TimeField]:
        """Every time line of every talk block."""
        found = []
        for section, talk in self.page.talks():
            for part in talk.parts:
                if isinstance(part, Field) and part.kind == "time" and part.text:
                    line, column = self.value_at(talk, part)
                    found.append(
                        TimeField(section, talk, part, line, column, scan_time(part.text, self.page.season_year))
                    )
        return found

    def talk_time(self, talk: Talk) -> TimeField | None:
        """The first time line of a talk."""
        return self._first_times.get(id(talk))

    @cached_property
    def _first_times(self) -> dict[int, TimeField]:
        found: dict[int, TimeField] = {}
        for item in self.time_fields:
            found.setdefault(id(item.talk), item)
        return found

    def value_at(self, talk: Talk, part: TalkPart) -> tuple[int, int]:
        """Line and column where a part's value starts (after a field's prefix and label)."""
        for item, (line, column) in zip(talk.parts, _starts(talk), strict=True):  # walked up to the part: not kept
            if item is part:
                if isinstance(part, Field):
                    return line, column + len(part.prefix) + len(part.label)
                return line, column
        return talk.line, 1


def _starts(talk: Talk) -> Iterator[tuple[int, int]]:
    line, column = talk.line, 1
    for part in talk.parts:
        yield line, column
        text = render_part(part)
        if "\n" in text:
            line += text.count("\n")
            column = len(text) - text.rindex("\n")
        else:
            column += len(text)


def cell_of(entry: ScheduleEntry, columns: dict[str, int], key: str) -> tuple[int, str] | None:
    """The column and raw value of a row's cell (`date`, `title`...), when the row has it."""
    index = columns.get(key)
    if entry.row is None or index is None or index >= len(entry.row.cells):
        return None
    return cell_column(entry.row, index), entry.row.cells[index].strip()

"""The page model: frozen, slotted dataclasses that keep every byte of the source.

Every node keeps its exact text beside what it says: rendering a page is the
concatenation of those texts. An edit builds new nodes whose text is composed in
the page's own style (`compose`) and whose values are what the edit intended, so
re-reading the rendered text can be checked against them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from typing import Literal

Day = date  # the type, for fields declared after a field named `date`

SectionKind = Literal[
    "preamble",
    "about",
    "next",
    "upcoming",
    "schedule",
    "past",
    "recorded",
    "organization",
    "unknown",
]
TALK_SECTIONS: frozenset[str] = frozenset({"next", "upcoming", "past", "recorded"})
FieldKind = Literal["title", "time", "location", "speaker", "affiliation", "link", "note"]
TextKind = Literal["abstract", "bio"]
EntryStatus = Literal["held", "cancelled", "no-meeting", "placeholder"]
ListingShape = Literal["table", "html-table", "list", "headings", "paragraphs", "blocks", "fields"]
DateOrder = Literal["month-first", "day-first"]
PastOrder = Literal["newest-first", "oldest-first"]
PastTalks = Literal["blocks", "rows"]


@dataclass(frozen=True, slots=True)
class RawBlock:
    """Text kept as written: blank lines, separators, comments, HTML, prose."""

    kind: str
    text: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: `lead|cell|cell|tail`; cells keep their padding (`opened`: the row starts with a pipe)."""

    lead: str
    cells: tuple[str, ...]
    closed: bool
    tail: str
    line: int = 0
    opened: bool = True

    @property
    def text(self) -> str:
        """The row's exact source text."""
        inner = "|".join(self.cells)
        return f"{self.lead}{'|' if self.opened else ''}{inner}{'|' if self.closed else ''}{self.tail}"

    @property
    def values(self) -> tuple[str, ...]:
        """The cells without their padding."""
        return tuple(cell.strip() for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Table:
    """A markdown table read line by line (never trusting a table plugin with rows)."""

    header: Row
    delimiter: Row
    body: tuple[Row | RawBlock, ...]
    line: int = 0

    @property
    def rows(self) -> tuple[Row, ...]:
        """The body rows, without comment lines."""
        return tuple(item for item in self.body if isinstance(item, Row))


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as the page names them, with their link when there is one."""

    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link, e.g. slides or a recording."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class TimeSlot:
    """What a talk's time line says; `*_text` keep the words as written."""

    date: date | None
    start: time | None
    end: time | None
    tz: str | None
    weekday: str | None
    date_text: str | None
    date_error: str | None = None


@dataclass(frozen=True, slots=True)
class Field:
    """One `<br>`-separated piece of a talk block: `prefix label text suffix`.

    `prefix` holds the `<br>` and spacing before the label, `suffix` the spacing
    and line ending after the value; only `text` changes when the value changes.
    """

    kind: FieldKind
    prefix: str
    label: str
    text: str
    suffix: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class PhotoColumn:
    """One photo of a talk's photo table: image, link and caption lines."""

    image: str | None
    link: str | None
    size: str | None
    caption: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhotoTable:
    """The photo table of a talk block."""

    table: Table
    columns: tuple[PhotoColumn, ...]
    line: int = 0


@dataclass(frozen=True, slots=True)
class TextPart:
    """A labelled text of a talk, e.g. `**Abstract**` and its paragraphs."""

    kind: TextKind
    label: str
    gap: str
    body: str | None
    line: int = 0


TalkPart = Field | PhotoTable | TextPart | RawBlock


@dataclass(frozen=True, slots=True)
class Talk:
    """A talk block: its parts in page order, and what they say."""

    parts: tuple[TalkPart, ...]
    title: str
    cancelled: bool
    speakers: tuple[Speaker, ...]
    affiliation: str | None
    location: str | None
    when: TimeSlot | None
    photo: tuple[PhotoColumn, ...]
    abstract: str | None
    bio: str | None
    bio_label: str | None
    links: tuple[Link, ...]
    line: int = 0


@dataclass(frozen=True, slots=True)
class ScheduleEntry:
    """One schedule row and what it says (`start` and `end` from a time column, when it has one)."""

    row: Row
    date_text: str
    date: date | None
    tbd: bool
    struck: bool
    cancelled: bool
    location: str | None
    name: str | None
    speakers: tuple[Speaker, ...]
    affiliation: str | None
    title: str | None
    title_url: str | None
    date_error: str | None = None
    line: int = 0
    start: time | None = None
    end: time | None = None


@dataclass(frozen=True, slots=True)
class Schedule:
    """The schedule table: header, alignment row, entries (and comment lines)."""

    table: Table
    columns: tuple[tuple[str, int], ...]
    items: tuple[ScheduleEntry | RawBlock, ...]
    line: int = 0

    @property
    def entries(self) -> tuple[ScheduleEntry, ...]:
        """The entries without comment lines."""
        return tuple(item for item in self.items if isinstance(item, ScheduleEntry))

    def column(self, name: str) -> int | None:
        """Index of the column holding `name` (date, time, location, name, affiliation, title)."""
        for key, index in self.columns:
            if key == name:
                return index
        return None


@dataclass(frozen=True, slots=True)
class Organizer:
    """One organizer: a column of the organization table."""

    name: str
    url: str | None
    image: str | None
    caption: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organization:
    """The organization table: a photo row and a caption row, one column each."""

    table: Table
    organizers: tuple[Organizer, ...]
    line: int = 0


Item = Talk | Schedule | Organization | RawBlock


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading line as written."""

    text: str
    level: int
    title: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the page from its heading to the next section heading."""

    kind: SectionKind
    heading: Heading | None
    items: tuple[Item, ...]
    line: int = 0

    @property
    def talks(self) -> tuple[Talk, ...]:
        """The talk blocks of this section, in page order."""
        return tuple(item for item in self.items if isinstance(item, Talk))


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The YAML front matter, kept as raw text, with the fields people use."""

    text: str
    title: str | None
    description: tuple[str, ...]
    permalink: str | None
    line: int = 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One talk (or a slot without one) as a listing holds it: a row, an item, a heading, a paragraph, a block.

    `line` and `end_line` bound its source lines. `readings` holds both dates when the
    page never settles whether the date is written day or month first (then `date` is None).
    """

    line: int
    end_line: int
    date_text: str | None
    date: date | None
    status: EntryStatus
    title: str | None = None
    speakers: tuple[Speaker, ...] = ()
    affiliation: str | None = None
    location: str | None = None
    start: time | None = None
    end: time | None = None
    readings: tuple[Day, ...] = ()
    date_error: str | None = None


@dataclass(frozen=True, slots=True)
class DateSettling:
    """How a listing's dates were read: the day/month order and the year, each with what settled it."""

    order: DateOrder | None
    order_evidence: str | None
    year: int | None
    year_evidence: str | None
    unsettled: tuple[int, ...] = ()  # lines whose date could be read both ways


@dataclass(frozen=True, slots=True)
class Listing:
    """A run of entries that hold one talk each, of one shape, under one heading."""

    shape: ListingShape
    section: SectionKind
    heading: str | None
    line: int
    entries: tuple[Entry, ...]
    dates: DateSettling


@dataclass(frozen=True, slots=True)
class Unread:
    """A line that looks like a talk (a date leads it) that no listing could read."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Page:
    """A whole seminar page."""

    bom: str
    front_matter: FrontMatter | None
    sections: tuple[Section, ...]
    newline: str
    season_year: int | None
    path: str | None = None

    def sections_of(self, kind: str) -> tuple[Section, ...]:
        """The sections of one kind, in page order."""
        return tuple(section for section in self.sections if section.kind == kind)

    @property
    def schedules(self) -> tuple[Schedule, ...]:
        """Every schedule table of the page (one per term or year on some pages), in page order."""
        return tuple(item for section in self.sections for item in section.items if isinstance(item, Schedule))

    @property
    def schedule(self) -> Schedule | None:
        """The first schedule table of the page, if any."""
        for section in self.sections_of("schedule"):
            for item in section.items:
                if isinstance(item, Schedule):
                    return item
        return None

    @property
    def organization(self) -> Organization | None:
        """The organization table of the page, if any."""
        for section in self.sections_of("organization"):
            for item in section.items:
                if isinstance(item, Organization):
                    return item
        return None

    def talks(self) -> list[tuple[Section, Talk]]:
        """Every talk block with its section, in page order."""
        return [(section, talk) for section in self.sections for talk in section.talks]


PAGE_SIZE_LIMIT = 64 * 1024 * 1024  # bytes: a bigger file is refused, not read into memory


@dataclass(frozen=True, slots=True)
class Config:
    """What the configuration (`[tool.seminar]`, `.seminar.toml`) says about a series; every field is optional."""

    timezone: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    meeting_day: int | None = None
    hours: tuple[time, time] | None = None
    past_order: PastOrder | None = None
    past_talks: PastTalks | None = None
    pages: tuple[str, ...] = ()
    max_page_size: int = PAGE_SIZE_LIMIT
    path: str | None = None
    details_days: int = 7  # how many days before the next talk Next shows it, with its abstract and bio

    def with_options(self, select: list[str], ignore: list[str]) -> Config:
        """Command-line `--select` replaces the configured list; `--ignore` adds to it."""
        return replace(self, select=tuple(select) or self.select, ignore=self.ignore + tuple(ignore))

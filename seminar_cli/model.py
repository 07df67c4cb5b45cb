"""The page model: frozen, slotted dataclasses that keep every byte of the source.

Every node keeps its exact text beside what it says: rendering a page is the
concatenation of those texts. An edit builds new nodes whose text is composed in
the page's own style (`compose`) and whose values are what the edit intended, so
re-reading the rendered text can be checked against them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from operator import attrgetter

from .patterns import compiled_code

# `typing` is read by the type checker only: loading it costs `seminar lint` more than a page (see `frozen`).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Literal, TypeVar, dataclass_transform

    _V = TypeVar("_V", bound="Frozen")
else:

    def dataclass_transform(**_: object) -> Callable[[type], type]:
        """What `typing.dataclass_transform` does at run time: nothing."""
        return lambda made: made


class FrozenError(AttributeError):
    """A field of a frozen model value was assigned or deleted."""


class Frozen:
    """Field-by-field construction, equality, hash and repr of the model's frozen values (`@frozen`).

    `@dataclass` writes and compiles half a dozen methods for each class, and loads `inspect`
    to do it, which cost more at start-up than everything else the model does: `@frozen`
    compiles only each class's `__init__`, and the rest is written here once.
    """

    __slots__ = ()
    __fields__: ClassVar[tuple[str, ...]] = ()
    _values: ClassVar[Callable[[Any], Any]]  # the fields of an instance as one value

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = self.__class__._values
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash(self.__class__._values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__fields__)
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenError(f"cannot assign to field {name!r} of a frozen {self.__class__.__qualname__}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r} of a frozen {self.__class__.__qualname__}")

    def __copy__(self: _V) -> _V:
        return self

    def __deepcopy__(self: _V, memo: object) -> _V:
        return self

    def __reduce__(self) -> tuple[type[Frozen], tuple[Any, ...]]:
        return self.__class__, tuple(getattr(self, name) for name in self.__fields__)


_NO_DEFAULT = object()


@dataclass_transform(frozen_default=True, eq_default=False)
def frozen(kind: type[_V]) -> type[_V]:
    """A frozen, slotted class of the fields its annotations name (in order), defaults as written."""
    annotations = kind.__dict__.get("__annotations__", {})  # noqa: RUF063 - `inspect` is what we avoid loading
    names = tuple(
        name for name, hint in annotations.items() if not str(hint).startswith(("ClassVar", "typing.ClassVar"))
    )
    namespace = {
        key: value
        for key, value in kind.__dict__.items()
        if key not in names and key not in ("__dict__", "__weakref__")
    }
    defaults = {name: kind.__dict__.get(name, _NO_DEFAULT) for name in names}
    namespace.update(__slots__=names, __fields__=names, __match_args__=names)
    made: Any = type(kind.__name__, kind.__bases__, namespace)
    made.__qualname__ = kind.__qualname__
    made.__init__ = _init(made, names, defaults)
    made._values = attrgetter(*names) if names else (lambda value: ())
    result: type[_V] = made
    return result


def _init(kind: type, names: tuple[str, ...], defaults: dict[str, object]) -> Callable[..., None]:
    """`__init__(self, a, b=…)`, setting each slot through its descriptor (the class refuses assignment)."""
    scope: dict[str, object] = {}
    parameters, lines = ["self"], []
    for name in names:
        default = defaults[name]
        if default is _NO_DEFAULT:
            parameters.append(name)
        else:
            scope[f"_default_{name}"] = default
            parameters.append(f"{name}=_default_{name}")
        scope[f"_set_{name}"] = kind.__dict__[name].__set__
        lines.append(f"    _set_{name}(self, {name})")
    source = f"def __init__({', '.join(parameters)}) -> None:\n" + ("\n".join(lines) or "    pass") + "\n"
    exec(compiled_code(source, f"<frozen {kind.__qualname__}>"), scope)
    init = scope["__init__"]
    init.__qualname__ = f"{kind.__qualname__}.__init__"  # type: ignore[attr-defined]
    return init  # type: ignore[return-value]


def replace(value: _V, /, **changes: Any) -> _V:
    """A copy of `value` with the fields named in `changes` changed (`dataclasses.replace`)."""
    unknown = set(changes).difference(value.__fields__)
    if unknown:
        raise TypeError(f"{value.__class__.__qualname__} has no field {sorted(unknown)[0]!r}")
    return value.__class__(**{name: changes.get(name, getattr(value, name)) for name in value.__fields__})


Day = date  # the type, for fields declared after a field named `date`

if TYPE_CHECKING:
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
    FieldKind = Literal["title", "time", "location", "speaker", "affiliation", "link", "note"]
    TextKind = Literal["abstract", "bio"]
    EntryStatus = Literal["held", "cancelled", "no-meeting", "placeholder"]
    ListingShape = Literal["table", "html-table", "list", "headings", "paragraphs", "blocks", "fields"]
    DateOrder = Literal["month-first", "day-first"]
    PastOrder = Literal["newest-first", "oldest-first"]
    PastTalks = Literal["blocks", "rows"]
else:  # at run time annotations are not evaluated: the names only have to exist
    SectionKind = FieldKind = TextKind = EntryStatus = ListingShape = DateOrder = PastOrder = PastTalks = str
TALK_SECTIONS: frozenset[str] = frozenset({"next", "upcoming", "past", "recorded"})


@frozen
class RawBlock(Frozen):
    """Text kept as written: blank lines, separators, comments, HTML, prose."""

    kind: str
    text: str
    line: int = 0


@frozen
class Row(Frozen):
    """One table row: `lead|cell|cell|tail`; cells keep their padding (`opened`: the row starts with a pipe).

    A row is one line of its table, and its line is where it stands in it (`Table.line_of`):
    a row holds no line number of its own, so equal rows (the header and alignment rows of
    every photo table) can be one object, and a table that moves keeps its rows.
    """

    lead: str
    cells: tuple[str, ...]
    closed: bool
    tail: str
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


@frozen
class Table(Frozen):
    """A markdown table read line by line (never trusting a table plugin with rows)."""

    header: Row
    delimiter: Row
    body: tuple[Row | RawBlock, ...]  # one line each
    line: int = 0

    @property
    def rows(self) -> tuple[Row, ...]:
        """The body rows, without comment lines."""
        return tuple(item for item in self.body if isinstance(item, Row))

    def line_of(self, index: int) -> int:
        """The line of body item `index` (the header is on the table's line, the alignment row on the next)."""
        return self.line + 2 + index

    def numbered(self) -> list[tuple[int, Row]]:
        """The body rows with their lines."""
        first = self.line + 2
        return [(first + index, item) for index, item in enumerate(self.body) if isinstance(item, Row)]


@frozen
class Speaker(Frozen):
    """A speaker as the page names them, with their link when there is one."""

    name: str
    url: str | None = None


@frozen
class Link(Frozen):
    """A labelled link, e.g. slides or a recording."""

    label: str
    url: str


@frozen
class TimeSlot(Frozen):
    """What a talk's time line says; `*_text` keep the words as written."""

    date: date | None
    start: time | None
    end: time | None
    tz: str | None
    weekday: str | None
    date_text: str | None
    date_error: str | None = None


@frozen
class Field(Frozen):
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


@frozen
class PhotoColumn(Frozen):
    """One photo of a talk's photo table: image, link and caption lines."""

    image: str | None
    link: str | None
    size: str | None
    caption: tuple[str, ...]


@frozen
class PhotoTable(Frozen):
    """The photo table of a talk block."""

    table: Table
    columns: tuple[PhotoColumn, ...]
    line: int = 0


@frozen
class TextPart(Frozen):
    """A labelled text of a talk, e.g. `**Abstract**` and its paragraphs."""

    kind: TextKind
    label: str
    gap: str
    body: str | None
    line: int = 0


TalkPart = Field | PhotoTable | TextPart | RawBlock


@frozen
class Talk(Frozen):
    """A talk block: its parts in page order, and what they say.

    The abstract and the bio are read off their parts when asked for: a copy of each kept
    beside the part would hold every talk's longest texts twice.
    """

    parts: tuple[TalkPart, ...]
    title: str
    cancelled: bool
    speakers: tuple[Speaker, ...]
    affiliation: str | None
    location: str | None
    when: TimeSlot | None
    photo: tuple[PhotoColumn, ...]
    bio_label: str | None
    links: tuple[Link, ...]
    line: int = 0

    @property
    def abstract(self) -> str | None:
        """The abstract's text without the spacing around it (None when there is none, or it is empty)."""
        return self.text_of("abstract")

    @property
    def bio(self) -> str | None:
        """The bio's text without the spacing around it (None when there is none, or it is empty)."""
        return self.text_of("bio")

    def text_of(self, kind: TextKind) -> str | None:
        """The text of the first labelled part of a kind, stripped; None when there is none or it is empty."""
        for part in self.parts:
            if isinstance(part, TextPart) and part.kind == kind:
                return (part.body.strip() or None) if part.body is not None else None
        return None


@frozen
class ScheduleEntry(Frozen):
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


@frozen
class Schedule(Frozen):
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


@frozen
class Organizer(Frozen):
    """One organizer: a column of the organization table."""

    name: str
    url: str | None
    image: str | None
    caption: tuple[str, ...]


@frozen
class Organization(Frozen):
    """The organization table: a photo row and a caption row, one column each."""

    table: Table
    organizers: tuple[Organizer, ...]
    line: int = 0


Item = Talk | Schedule | Organization | RawBlock


@frozen
class Heading(Frozen):
    """A section heading line as written."""

    text: str
    level: int
    title: str
    line: int = 0


@frozen
class Section(Frozen):
    """A section of the page from its heading to the next section heading."""

    kind: SectionKind
    heading: Heading | None
    items: tuple[Item, ...]
    line: int = 0

    @property
    def talks(self) -> tuple[Talk, ...]:
        """The talk blocks of this section, in page order."""
        return tuple(item for item in self.items if isinstance(item, Talk))


@frozen
class FrontMatter(Frozen):
    """The YAML front matter, kept as raw text, with the fields people use."""

    text: str
    title: str | None
    description: tuple[str, ...]
    permalink: str | None
    line: int = 1


@frozen
class Entry(Frozen):
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


@frozen
class DateSettling(Frozen):
    """How a listing's dates were read: the day/month order and the year, each with what settled it."""

    order: DateOrder | None
    order_evidence: str | None
    year: int | None
    year_evidence: str | None
    unsettled: tuple[int, ...] = ()  # lines whose date could be read both ways


@frozen
class Listing(Frozen):
    """A run of entries that hold one talk each, of one shape, under one heading."""

    shape: ListingShape
    section: SectionKind
    heading: str | None
    line: int
    entries: tuple[Entry, ...]
    dates: DateSettling


@frozen
class Unread(Frozen):
    """A line that looks like a talk (a date leads it) that no listing could read."""

    line: int
    text: str
    reason: str


@frozen
class Page(Frozen):
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


@frozen
class Config(Frozen):
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

"""Rules that compare the schedule table with the talk blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from ..edit.compose import cell_text
from ..model import Field, ScheduleEntry, Talk
from ..patterns import IGNORECASE, compiled
from ..read import inline
from ..read.compare import is_known, is_placeholder, known_names, places_contradict, same_title, share_someone
from ..read.dates import format_date
from ..read.matching import Pair, repeats
from ..read.talks import field_of
from .context import PAST_KINDS, Context, cell_of
from .finding import Fix, Hit, TextEdit
from .registry import rule

_CANCELLED = compiled(r"cancel+ed|postponed", IGNORECASE)


def short(text: str, limit: int = 60) -> str:
    """A value quoted for a message, cut at `limit` characters."""
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _columns(ctx: Context) -> dict[str, int]:
    return dict(ctx.page.schedule.columns) if ctx.page.schedule else {}


def _line_of(ctx: Context, talk: Talk, kind: str) -> int:
    field = field_of(talk, kind)
    return field.line if field else talk.line


@rule(
    "SEM010",
    "row-block-mismatch",
    "error",
    summary="A schedule row and its talk block disagree on the date, title, speaker or place.",
    example="| 12-02-2026 | … |  for the talk block of Thursday, 12/03/2026",
)
def row_block_mismatch(ctx: Context) -> Iterator[Hit]:
    """A talk's schedule row says what its block says."""
    columns = _columns(ctx)
    for pair in ctx.matching.pairs:
        for key, what, kind, differs in _COMPARED:
            cell = cell_of(pair.entry, columns, key)
            found = differs(pair.talk, pair.entry) if cell else None
            if cell and found:
                yield _differs(ctx, pair.entry, cell[0], what, found[0], found[1], pair.talk, kind)


Difference = tuple[str, str] | None  # what the row says, what the block says


def _other_date(talk: Talk, entry: ScheduleEntry) -> Difference:
    day = talk.when.date if talk.when else None
    if not (day and entry.date and day != entry.date):
        return None
    said = talk.when.date_text if talk.when else None
    return entry.date_text, said or day.isoformat()


def _other_title(talk: Talk, entry: ScheduleEntry) -> Difference:
    if is_known(entry.title) and is_known(talk.title) and not same_title(entry.title or "", talk.title):
        return entry.title or "", talk.title
    return None


def _other_speaker(talk: Talk, entry: ScheduleEntry) -> Difference:
    row_names, block_names = known_names(entry.speakers), known_names(talk.speakers)
    if row_names and block_names and not share_someone(row_names, block_names):
        return entry.name or "", ", ".join(block_names)
    return None


def _other_place(talk: Talk, entry: ScheduleEntry) -> Difference:
    if places_contradict(entry.location, talk.location):
        return entry.location or "", talk.location or ""
    return None


# (row column, what it is called, the block field it is read from, how the two can disagree)
_COMPARED: tuple[tuple[str, str, str, Callable[[Talk, ScheduleEntry], Difference]], ...] = (
    ("date", "date", "time", _other_date),
    ("title", "title", "title", _other_title),
    ("name", "speaker", "speaker", _other_speaker),
    ("location", "place", "location", _other_place),
)


def _differs(
    ctx: Context, entry: ScheduleEntry, column: int, what: str, row: str, block: str, talk: Talk, kind: str
) -> Hit:
    line = _line_of(ctx, talk, kind)
    return Hit(
        entry.line,
        column,
        f"the schedule row's {what} {short(row)} does not match its talk block's {short(block)} (line {line})",
    )


@rule(
    "SEM011",
    "tbd-row",
    "error",
    summary="A schedule row still says TBD/TBA where its talk block has the value.",
    example="| 12-03-2026 | On Site | Elena Marchetti | … | TBD |  while the block has the title",
    fixable=True,
)
def tbd_row(ctx: Context) -> Iterator[Hit]:
    """A row is filled in once its talk block says the date, title, speaker or place."""
    columns = _columns(ctx)
    for pair in ctx.matching.pairs:
        for key, value, fill in _known_values(ctx, pair, columns):
            cell = cell_of(pair.entry, columns, key)
            if cell is None or not is_placeholder(inline.strip_markup(cell[1])):
                continue
            name = {"name": "speaker", "location": "place"}.get(key, key)
            message = (
                f"the schedule row still says {cell[1]!r} for the {name}; "
                f"its talk block (line {pair.talk.line}) says {short(value)}"
            )
            fix = Fix(f"fill in {fill!r}", (TextEdit(pair.entry.line, cell[0], cell[1], fill),)) if fill else None
            yield Hit(pair.entry.line, cell[0], message, fix)


def _known_values(ctx: Context, pair: Pair, columns: dict[str, int]) -> Iterator[tuple[str, str, str | None]]:
    """(column, what the block says, the cell text to fill in or None) for each value the block has."""
    talk = pair.talk
    if is_known(talk.title):
        yield "title", talk.title, cell_text(talk.title)
    if talk.when and talk.when.date:
        pattern = ctx.date_pattern
        written = format_date(talk.when.date, pattern) if pattern else talk.when.date_text
        yield "date", talk.when.date_text or talk.when.date.isoformat(), written
    names = known_names(talk.speakers)
    if names:
        plain = len(names) == 1 and not _column_has_links(ctx, columns.get("name"))
        yield "name", ", ".join(names), cell_text(names[0]) if plain else None
    if is_known(talk.location):
        yield "location", talk.location or "", None


def _column_has_links(ctx: Context, index: int | None) -> bool:
    return index is None or index in ctx.linked_columns


@rule(
    "SEM012",
    "talk-without-row",
    "warning",
    summary="A talk block has no row in the schedule table.",
    example="**A talk** … Time: …, 12/03/2026  with no schedule row for 12/03/2026",
)
def talk_without_row(ctx: Context) -> Iterator[Hit]:
    """Every talk block has its schedule row (when the page has a schedule)."""
    schedule = ctx.page.schedule
    if schedule is None or not ctx.entries:
        return
    talks = [talk for _, talk in ctx.page.talks()]
    repeated = {id(talks[index]) for index in repeats(talks)}
    # A schedule that lists no past talk at all is a list of what is coming: past blocks need no row.
    keeps_past = any(pair.section.kind in PAST_KINDS for pair in ctx.matching.pairs)
    for section, talk in ctx.matching.lonely_talks:
        day = talk.when.date if talk.when else None
        if talk.cancelled or id(talk) in repeated or (day and ctx.season and day.year < ctx.season.first):
            continue
        if section.kind in PAST_KINDS and not keeps_past:
            continue
        when = f" of {talk.when.date_text}" if talk.when and talk.when.date_text else ""
        yield Hit(
            talk.line,
            1,
            f"the talk {short(talk.title)}{when} has no row in the schedule (line {schedule.line}); "
            "expected a row with its date, speaker and title",
        )


@rule(
    "SEM013",
    "past-row-without-block",
    "warning",
    summary="A schedule row of a past talk has no talk block, on a page that keeps past talks' blocks.",
    example="| 10-08-2026 | … |  after 10/08/2026, with no block under Past Presentations",
)
def past_row_without_block(ctx: Context) -> Iterator[Hit]:
    """A talk that was given keeps its block under Past, when the page keeps past blocks.

    The page keeps them from its earliest talk under Past on: rows before it are the talks of a
    time the page kept past talks as rows only (a Past section that `rotate` started, say).
    """
    # Only a page that keeps talk blocks under Past expects one for each past row.
    past = [section for section in ctx.page.sections if section.kind in PAST_KINDS and section.talks]
    if not past or ctx.archived:
        return
    heading = past[0].heading.title if past[0].heading else "Past"
    held = [talk.when.date for section in past for talk in section.talks if talk.when and talk.when.date]
    since = min(held, default=date.min)
    for entry in ctx.matching.lonely_rows:
        if not _wants_block(ctx, entry, since):
            continue
        who = f" ({entry.name})" if is_known(entry.name) else ""
        yield Hit(
            entry.line,
            1,
            f"the schedule row of {entry.date_text}{who} is a past talk with no talk block; this page keeps "
            f"past talks under {heading!r} (line {past[0].line}): add its block, "
            "or strike the row if it did not happen",
        )


def _wants_block(ctx: Context, entry: ScheduleEntry, since: date) -> bool:
    """True for a row of this season's talk given on or after `since`, neither struck nor cancelled."""
    if entry.date is None or not since <= entry.date < ctx.today or entry.struck or _says_cancelled(entry):
        return False
    return not (ctx.season and entry.date.year < ctx.season.first)


def _says_cancelled(entry: ScheduleEntry) -> bool:
    """True for a row marked cancelled (or postponed) in any of its cells."""
    return entry.cancelled or bool(_CANCELLED.search(entry.row.text))


@rule(
    "SEM014",
    "cancelled-row",
    "warning",
    summary="A talk block is marked cancelled but its schedule row is not.",
    example="**Title (canceled)** …  while its schedule row is not struck through",
)
def cancelled_row(ctx: Context) -> Iterator[Hit]:
    """A cancelled talk's row is struck through or says so."""
    for pair in ctx.matching.pairs:
        if pair.talk.cancelled and not pair.entry.struck and not _says_cancelled(pair.entry):
            title = next((part for part in pair.talk.parts if isinstance(part, Field) and part.kind == "title"), None)
            yield Hit(
                pair.entry.line,
                1,
                f"the talk block (line {title.line if title else pair.talk.line}) is marked cancelled but its "
                "schedule row is not; strike the row through (~~…~~) or mark it cancelled",
            )

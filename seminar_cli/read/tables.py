"""What tables say: the schedule's columns and rows, a talk's photo table, the organizers.

Rows and cells come from `text.tables`; mistune reads what is inside a cell.
"""

from __future__ import annotations

from datetime import time
from sys import intern

from ..model import (
    Organization,
    Organizer,
    PhotoColumn,
    PhotoTable,
    RawBlock,
    Row,
    Schedule,
    ScheduleEntry,
    Speaker,
    Table,
)
from ..patterns import DOTALL, IGNORECASE, compiled
from . import inline
from .dates import parse_date, scan_time
from .people import read_people

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

_STRUCK = compiled(r"^~~(.*)~~$", DOTALL)
# Header words by what the column holds, the one table of them: the first kind whose words a header uses wins
# (`Speaker's Institute` is an affiliation).
_COLUMN_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # English words, and the few that pages in German, French and Spanish head their columns with.
    ("date", compiled(r"\b(dates?|when|days?|weeks?|datum|fecha)\b", IGNORECASE)),
    ("time", compiled(r"\b(time|hours?|zeit|heure|horario)\b", IGNORECASE)),
    ("location", compiled(r"\b(location|room|place|venue|where|raum|ort|salle|lieu|lugar)\b", IGNORECASE)),
    ("affiliation", compiled(r"\b(affil\w*|institut\w*|organi[sz]ation|university)\b", IGNORECASE)),
    (
        "name",
        compiled(
            r"\b(names?|speakers?|presenters?|lead|leading|leaders?|moderators?|lecturers?|instructors?|hosts?|who|"
            r"persons?|people|vortragende[rn]?|referent(in|en)?|orat(eur|rice)s?|intervenant(e|s|es)?|ponentes?)(\(s\))?\b",
            IGNORECASE,
        ),
    ),
    (
        "title",
        compiled(
            r"\b(talks?|titles?|topics?|tutorials?|subject|presentations?|papers?|readings?|description|events?|"
            r"sessions?|activity|activities|what|courses?|titel|titre|t[ií]tulo|thema|sujet)(\(s\))?\b",
            IGNORECASE,
        ),
    ),
    ("links", compiled(r"\b(links?|slides|videos?|recordings?|notes|format|materials?)\b", IGNORECASE)),
)
_DATE_WORD = compiled(r"\b(dates?|when|datum|fecha)\b", IGNORECASE)
COLUMN_KINDS: tuple[str, ...] = tuple(key for key, _ in _COLUMN_WORDS)


def kind_of_header(text: str) -> str | None:
    """What a header cell's words say its column holds: date, time, location, affiliation, name, title, links."""
    value = inline.strip_markup(text)
    return next((key for key, pattern in _COLUMN_WORDS if pattern.search(value)), None)


def column_map(header: Row) -> tuple[tuple[str, int], ...]:
    """Which column holds the date, time, location, name (the speakers), affiliation and title."""
    found: dict[str, int] = {}
    for index, value in enumerate(header.values):
        for key, pattern in _COLUMN_WORDS:
            if key not in found and pattern.search(value):
                found[key] = index
                break
    # `| Week | Date | ...`, `| Day | Date | ...`: the column that says `Date` holds the dates.
    dated = next((index for index, value in enumerate(header.values) if _DATE_WORD.search(value)), None)
    if "date" in found and dated is not None and not _DATE_WORD.search(header.values[found["date"]]):
        found = {key: index for key, index in found.items() if index != dated} | {"date": dated}
    return tuple(found.items())


def is_schedule_header(header: Row) -> bool:
    """A schedule table has a date column and a name or title column."""
    keys = dict(column_map(header))
    return "date" in keys and ("name" in keys or "title" in keys)


def parse_schedule(table: Table, year: int | None) -> Schedule:
    """The schedule table with one entry per row."""
    columns = column_map(table.header)
    items: list[ScheduleEntry | RawBlock] = []
    for index, item in enumerate(table.body):
        items.append(schedule_entry(item, columns, year, table.line_of(index)) if isinstance(item, Row) else item)
    return Schedule(table, columns, tuple(items), table.line)


def schedule_entry(row: Row, columns: tuple[tuple[str, int], ...], year: int | None, line: int = 0) -> ScheduleEntry:
    """What one schedule row says (the row on `line`)."""
    values = row.values
    index = dict(columns)
    cells = {key: values[position] if position < len(values) else "" for key, position in index.items()}
    struck = bool(values) and all(_STRUCK.match(value) for value in values if value)
    cells = {key: _unstrike(value) for key, value in cells.items()}
    date_text = intern(cells.get("date", ""))  # the listing's entry of the row holds the same
    parsed = parse_date(inline.strip_markup(date_text), year)
    title_cell, cancelled = inline.split_cancelled(cells.get("title", ""))
    title_links = inline.links(title_cell)
    name_cell = cells.get("name", "")
    start, end = _hours(cells.get("time", ""))
    return ScheduleEntry(
        row=row,
        date_text=date_text,
        date=parsed.date,
        tbd=parsed.tbd,
        struck=struck,
        cancelled=cancelled,
        location=inline.strip_markup(cells["location"]) if "location" in cells else None,
        name=inline.strip_markup(name_cell) if "name" in cells else None,
        speakers=speakers_of(name_cell),
        affiliation=inline.strip_markup(cells["affiliation"]) if "affiliation" in cells else None,
        title=inline.strip_markup(title_cell) if "title" in cells else None,
        title_url=title_links[0].url if len(title_links) == 1 else None,
        date_error=parsed.error,
        line=line,
        start=start,
        end=end,
    )


def _hours(cell: str) -> tuple[time | None, time | None]:
    """The hours a time cell gives (`14:00-15:30`, `2-3 pm`), or none."""
    if not cell.strip():
        return None, None
    slot = scan_time(inline.strip_markup(cell), None).slot
    return slot.start, slot.end


def _unstrike(value: str) -> str:
    match = _STRUCK.match(value)
    return match.group(1).strip() if match else value


def speakers_of(text: str) -> tuple[Speaker, ...]:
    """The speakers a cell or value names: its links, else names split at `and`, `&`, commas, `<br>`."""
    return read_people(text)[0]


def parse_photo_table(table: Table) -> PhotoTable | None:
    """A talk's photo table: images in one row, captions in the same cell or the next row."""
    rows = table.rows
    for position, row in enumerate(rows):
        if any(inline.images(cell) for cell in row.cells):
            captions = rows[position + 1] if position + 1 < len(rows) else None
            columns = tuple(
                _photo_column(cell, captions.cells[index] if captions and index < len(captions.cells) else "")
                for index, cell in enumerate(row.cells)
                if cell.strip()
            )
            return PhotoTable(table, columns, table.line)
    return None


def _photo_column(cell: str, caption_cell: str) -> PhotoColumn:
    images = inline.images(cell)
    image = images[0] if images else None
    links = inline.links(cell)
    # Captions sit in the row under the photo, or under the image in the same cell.
    source = caption_cell if caption_cell.strip() else cell
    pieces = (inline.strip_markup(piece) for piece in inline.split_br(source))
    caption = tuple(piece for piece in pieces if piece)
    return PhotoColumn(
        image=image.src if image else None,
        link=links[0].url if links else None,
        size=intern(image.size) if image and image.size is not None else None,
        caption=caption,
    )


def parse_organization(table: Table) -> Organization | None:
    """The organizer table: a row of photos and a row of captions, one organizer a column."""
    rows = table.rows
    for position, row in enumerate(rows):
        if any(inline.images(cell) for cell in row.cells):
            captions = rows[position + 1] if position + 1 < len(rows) else None
            organizers = []
            for index, cell in enumerate(row.cells):
                caption_cell = captions.cells[index] if captions and index < len(captions.cells) else ""
                if not cell.strip() and not caption_cell.strip():
                    continue
                photo = _photo_column(cell, caption_cell)
                name = photo.caption[0] if photo.caption else _alt_name(cell)
                organizers.append(Organizer(name, photo.link, photo.image, photo.caption))
            return Organization(table, tuple(organizers), table.line)
    return None


def _alt_name(cell: str) -> str:
    images = inline.images(cell)
    return images[0].alt if images else inline.strip_markup(cell)

"""Talks in HTML tables: a row per talk under a header row, or one talk as a table of labels and values.

A row that spans the table (`<td colspan="4">No meeting</td>`) beside a date is a slot
without a talk. Cells are read by what their header (or label) means, as in pipe tables.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import RawBlock
from .date_tokens import DateToken, date_tokens
from .entries import Draft, Found, Node, hours
from .items import FIELD_KINDS
from .people import blank, read_people, status_of
from .tables import kind_of_header

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .html_text import Cell


def read_html_table(nodes: Sequence[Node], index: int) -> Found | None:
    """The talks of an HTML table at `nodes[index]`: its rows under a header, or its labels and values."""
    item = nodes[index].item
    if not isinstance(item, RawBlock) or item.kind != "html" or "<table" not in item.text.lower():
        return None
    from .html_text import table_rows  # the HTML parser loads only for a page that holds a table

    rows = table_rows(item.text, item.line)
    drafts = _fields(rows, item) or _rows(rows)
    if not drafts or not any(draft.token for draft in drafts):
        return None
    return Found("fields" if len(drafts) == 1 and _is_fields(rows) else "html-table", drafts, index + 1)


def _label(cell: Cell) -> str | None:
    text = cell.text.strip(" :*").lower().replace("&", " and ")
    for word in (text, text.split(" and ")[0]):
        if word in FIELD_KINDS:
            return FIELD_KINDS[word]
    return kind_of_header(cell.text)


def _is_fields(rows: list[list[Cell]]) -> bool:
    """A table of labels and values: rows of two cells whose first cell names a field."""
    pairs = [row for row in rows if len(row) == 2]
    return len(pairs) >= 2 and len(pairs) == len(rows) and sum(1 for row in pairs if _label(row[0])) * 2 >= len(rows)


def _fields(rows: list[list[Cell]], item: RawBlock) -> list[Draft]:
    if not _is_fields(rows):
        return []
    values: dict[str, str] = {}
    for label, value in rows:
        kind = _label(label)
        if kind is not None:
            values.setdefault(kind, value.text)
    token = _token(values.get("date", ""))
    speakers, affiliation = read_people(values.get("name", values.get("speaker", "")))
    start, end = hours(values.get("date", ""), token)
    return [
        Draft(
            line=rows[0][0].line,
            end_line=rows[-1][-1].line,
            token=token,
            status=status_of(values.get("title"), values.get("name"), speakers=speakers),
            title=values.get("title") or None,
            speakers=tuple(speaker for speaker in speakers if not blank(speaker.name)),
            affiliation=values.get("affiliation") or affiliation,
            location=values.get("location") or None,
            start=start,
            end=end,
        )
    ]


def _token(text: str) -> DateToken | None:
    found = date_tokens(text)
    return found[0] if found else None


def _rows(rows: list[list[Cell]]) -> list[Draft]:
    """A row per talk, under the first row whose cells name a date column."""
    for position, row in enumerate(rows):
        columns = {kind: index for index, cell in reversed(list(enumerate(row))) if (kind := kind_of_header(cell.text))}
        if "date" in columns and len(columns) >= 2:
            return [_row(cells, columns) for cells in rows[position + 1 :]]
    return []


def _row(cells: list[Cell], columns: dict[str, int]) -> Draft:
    """One row's talk; a row that spans the table (`No meeting`) says what its slot is, in no column of its own."""
    if not cells:
        return Draft(0, 0, None, "placeholder")
    if any(cell.span > 1 for cell in cells):
        return _spanning(cells, columns)

    def value(kind: str) -> str:
        index = columns.get(kind)
        return cells[index].text if index is not None and index < len(cells) else ""

    speakers, affiliation = read_people(value("name"))
    start, end = hours(value("time"), None)
    return Draft(
        line=cells[0].line,
        end_line=cells[-1].line,
        token=_token(value("date")),
        status=status_of(value("title"), value("name"), speakers=speakers),
        title=value("title") or None,
        speakers=tuple(speaker for speaker in speakers if not blank(speaker.name)),
        affiliation=value("affiliation") or affiliation,
        location=value("location") or None,
        start=start,
        end=end,
    )


def _spanning(cells: list[Cell], columns: dict[str, int]) -> Draft:
    index = columns.get("date", 0)
    token = _token(cells[index].text if index < len(cells) else cells[0].text)
    rest = " ".join(cell.text for cell in cells if cell.span > 1)
    return Draft(cells[0].line, cells[-1].line, token, status_of(rest), title=rest or None)

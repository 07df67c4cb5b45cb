"""Tables read line by line: rows and cells with their padding, every byte kept.

mistune's table plugin drops rows with too many or too few cells and stops at a
comment line, so rows are split here; what a cell means is read in `read.tables`.
"""

from __future__ import annotations

from sys import intern

from ..model import RawBlock, Row, Table
from ..patterns import compiled
from .lines import body, eol, split_lines

_DELIMITER = compiled(r"^\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")  # possessive: linear
_UNESCAPED_PIPE = compiled(r"(?<!\\)\|")


def parse_row(line: str) -> Row:
    """Split one table line into cells, keeping every byte (a row may leave out its outer pipes)."""
    content, ending = body(line), eol(line)
    lead = content[: len(content) - len(content.lstrip())]
    opened = content[len(lead) : len(lead) + 1] == "|"
    pieces = [intern(piece) for piece in _UNESCAPED_PIPE.split(content[len(lead) + opened :])]  # cells repeat
    if len(pieces) > 1 and not pieces[-1].strip():
        return _shared(Row(lead, tuple(pieces[:-1]), True, intern(pieces[-1] + ending), opened))
    return _shared(Row(lead, tuple(pieces), False, ending, opened))


_BARE = compiled(r"[\s:|-]*+")  # a row of blank or dashed cells: the header and delimiter of a photo table
_BARE_ROWS: dict[Row, Row] = {}


def _shared(row: Row) -> Row:
    """The row; rows of only blank or dashed cells (each photo table repeats them) are one object each."""
    if len(_BARE_ROWS) < 4096 and len(row.cells) < 16 and all(_BARE.fullmatch(cell) for cell in row.cells):
        return _BARE_ROWS.setdefault(row, row)
    return row


def is_row(line: str, opened: bool) -> bool:
    """True for a line of a table: it starts with a pipe, or (in a table without outer pipes) holds one."""
    text = body(line).lstrip()
    return text.startswith("|") if opened else bool(text) and _UNESCAPED_PIPE.search(text) is not None


def parse_table(block: RawBlock) -> Table | None:
    """A table block as header, delimiter and body rows; None when it is not a table."""
    lines = split_lines(block.text)
    if len(lines) < 2 or not _DELIMITER.match(body(lines[1])) or "-" not in lines[1]:
        return None
    header, delimiter = parse_row(lines[0]), parse_row(lines[1])  # on the table's line and the next
    items: list[Row | RawBlock] = []
    for index, line in enumerate(lines[2:], start=2):
        items.append(parse_row(line) if is_row(line, header.opened) else RawBlock("comment", line, block.line + index))
    return Table(header, delimiter, tuple(items), block.line)


def cell_column(row: Row, index: int) -> int:
    """The 1-based column where the value of cell `index` starts in its line (after its padding)."""
    column = len(row.lead) + 2
    for cell in row.cells[:index]:
        column += len(cell) + 1
    if index < len(row.cells):
        cell = row.cells[index]
        column += len(cell) - len(cell.lstrip())
    return column


def render_table(table: Table) -> str:
    """The exact text of a table."""
    parts = [table.header.text, table.delimiter.text]
    parts.extend(item.text for item in table.body)
    return "".join(parts)

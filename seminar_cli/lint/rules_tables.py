"""Rules on how tables hold together: a table broken by a comment or a blank line.

GitHub Pages reads a page with kramdown: a comment line inside a table, or right above
or below it without a blank line between, makes it show the whole table as plain text;
a blank line ends the table, and the rows below it show as a second table without the
header.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import RawBlock, Table
from ..text.blocks import Layout
from ..text.lines import split_lines
from ..text.tables import is_row, parse_row, parse_table
from .context import Context
from .finding import Hit
from .registry import rule


@rule(
    "SEM056",
    "broken-table",
    "error",
    summary="A table broken in its middle by a comment or a blank line: the rows below it are cut off.",
    example="| 10-08-2026 | … |\n<!-- moved -->\n| 11-05-2026 | … |",
)
def broken_table(ctx: Context) -> Iterator[Hit]:
    """A table's rows follow each other, with nothing between them and no comment touching them."""
    blocks = ctx.layout
    for index, kind in enumerate(blocks.kinds):
        table = parse_table(blocks.block(index)) if kind == "table" and _may_break(blocks, index) else None
        if table is None:
            continue
        touching = _touching_comment(blocks, index, table)
        if touching is not None:
            yield Hit(
                touching,
                1,
                f"the comment at line {touching} touches the table of line {table.line}: on GitHub Pages "
                "(kramdown) the whole table then shows as plain text; move the comment out of the table, "
                "with a blank line between",
            )
        found = _cut_off(blocks, index + 1, table)
        if found is not None:
            gap, rows = found
            yield Hit(
                gap,
                1,
                f"a blank line at line {gap} breaks the table of line {table.line}: the {_rows(rows)} below it "
                "show as a second table without the header; remove the blank line",
            )


def _may_break(blocks: Layout, index: int) -> bool:
    """A cheap look first: a comment in or beside the table, or a blank line with more rows after it."""
    beside = [blocks.kinds[spot] for spot in (index - 1, index + 1) if 0 <= spot < len(blocks.kinds)]
    return "<!--" in blocks.text_of(index) or "comment" in beside or _rows_after_gap(blocks, index)


def _rows_after_gap(blocks: Layout, index: int) -> bool:
    kinds = blocks.kinds
    after = index + 1
    while after < len(kinds) and kinds[after] in ("blank", "comment"):
        after += 1
    if after == index + 1 or after >= len(kinds):
        return False
    following = kinds[after]
    return following == "table" or (following == "paragraph" and "|" in blocks.text_of(after).split("\n", 1)[0])


def _touching_comment(blocks: Layout, index: int, table: Table) -> int | None:
    """The line of a comment inside the table, or right above or below it with no blank line between."""
    inside = next((item.line for item in table.body if isinstance(item, RawBlock)), None)
    if inside is not None:
        return inside
    for spot in (index - 1, index + 1):
        if 0 <= spot < len(blocks.kinds) and blocks.kinds[spot] == "comment":
            return blocks.line(spot)
    return None


def _cut_off(blocks: Layout, start: int, table: Table) -> tuple[int, list[int]] | None:
    """The blank line right after the table, and the lines of the table rows that follow it."""
    kinds = blocks.kinds
    index = start
    while index < len(kinds) and kinds[index] in ("blank", "comment"):
        index += 1
    if start >= len(kinds) or kinds[start] != "blank" or index >= len(kinds):
        return None
    rows = _rows_like(blocks.block(index), table) if kinds[index] in ("table", "paragraph") else []
    return (blocks.line(start), rows) if rows else None


def _rows_like(block: RawBlock, table: Table) -> list[int]:
    """The lines of a block that are rows of `table` (as many cells, the same outer pipes), and no header of its own."""
    if parse_table(block) is not None:
        return []
    width = len(table.header.cells)
    lines = split_lines(block.text)
    if not all(is_row(line, table.header.opened) for line in lines):
        return []
    rows = [parse_row(line) for line in lines]
    if not all(len(row.cells) == width and row.opened == table.header.opened for row in rows):
        return []
    return [block.line + spot for spot in range(len(rows))]


def _rows(lines: list[int]) -> str:
    """`row (line 12)`, `3 rows (lines 12-14)`."""
    if len(lines) == 1:
        return f"row (line {lines[0]})"
    return f"{len(lines)} rows (lines {lines[0]}-{lines[-1]})"

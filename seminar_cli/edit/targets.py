"""What an operation needs from a page, or a `PageSyntaxError` saying where and why it is missing."""

from __future__ import annotations

from ..errors import PageSyntaxError
from ..model import Page, RawBlock, Schedule, Section
from ..read.refs import TalkRef
from ..text.lines import body, split_lines
from ..text.tables import cell_column


def section(page: Page, kind: str, *, heading: str) -> Section:
    """The one section of `kind`; an error when it is missing or written twice."""
    found = page.sections_of(kind)
    if not found:
        raise PageSyntaxError(
            f"the page has no {heading} section", path=page.path, expected=f"a heading such as '# {heading}'"
        )
    if len(found) > 1:
        second = found[1]
        raise PageSyntaxError(
            f"the page has {len(found)} {heading} sections",
            path=page.path,
            line=second.line,
            column=1,
            found=f"a second one at line {second.line} (first at line {found[0].line})",
            expected=f"one '# {heading}' section",
        )
    return found[0]


def schedule(page: Page) -> Schedule:
    """The schedule table, every row of it readable; else an error naming the line that is not."""
    part = section(page, "schedule", heading="Schedule")
    for item in part.items:
        if isinstance(item, Schedule):
            _check_rows(page, item)
            return item
    table = next((item for item in part.items if isinstance(item, RawBlock) and item.kind == "table"), None)
    if table is None:
        raise PageSyntaxError(
            "the Schedule section has no table",
            path=page.path,
            line=part.line,
            column=1,
            expected="a table with a header row such as '| Date | Name | Talk |'",
        )
    lines = split_lines(table.text)
    raise PageSyntaxError(
        "the schedule table cannot be read",
        path=page.path,
        line=table.line + (1 if len(lines) > 1 else 0),
        column=1,
        found=repr(body(lines[1]) if len(lines) > 1 else body(lines[0])),
        expected="a header row with a Date column followed by an alignment row like '| --- | --- |'",
    )


def _check_rows(page: Page, table: Schedule) -> None:
    """Refuse a schedule whose rows do not line up with the header or hold a date that cannot be read."""
    width = len(table.table.header.cells)
    date_column = table.column("date")
    for entry in table.entries:
        row = entry.row
        if len(row.cells) != width:
            raise PageSyntaxError(
                f"this schedule row has {len(row.cells)} cells but the header has {width}",
                path=page.path,
                line=entry.line,
                column=cell_column(row, width) if len(row.cells) > width else len(body(row.text).rstrip()) + 1,
                found=repr(body(row.text).strip()),
                expected=f"{width} cells, one under each header column",
            )
        if entry.date_error and date_column is not None:
            raise PageSyntaxError(
                "this schedule row's date cannot be read",
                path=page.path,
                line=entry.line,
                column=cell_column(row, date_column),
                found=repr(entry.date_text.strip()),
                expected="a date that exists, such as 01-22-2026 or 01/22/2026, or TBD",
            )


def editable(page: Page, ref: TalkRef) -> TalkRef:
    """The talk, when it is a schedule row or a talk block; an error naming its line when another shape holds it."""
    if ref.entry is None and ref.talk is None:
        raise PageSyntaxError(
            f"the talk {ref.describe()} is held by a list item, a heading or an HTML row, which edits do not change",
            path=page.path,
            line=ref.line,
            column=1,
            expected="a talk in a schedule table or a talk block",
        )
    return ref

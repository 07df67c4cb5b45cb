"""What an operation needs from a page, or a `PageSyntaxError` saying where and why it is missing."""

from __future__ import annotations

from .errors import PageSyntaxError
from .model import Page, RawBlock, Schedule, Section
from .source import body, split_lines


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
    """The schedule table; an error naming the line when the section holds no readable table."""
    part = section(page, "schedule", heading="Schedule")
    for item in part.items:
        if isinstance(item, Schedule):
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

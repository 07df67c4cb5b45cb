"""Page -> text: one join over the exact texts of the nodes."""

from __future__ import annotations

from ..model import (
    Field,
    Item,
    Organization,
    Page,
    PhotoTable,
    RawBlock,
    Schedule,
    ScheduleEntry,
    Section,
    Talk,
    TalkPart,
    TextPart,
)
from .tables import render_table


def render_page(page: Page) -> str:
    """The page's text: one join over its nodes."""
    out: list[str] = [page.bom]
    if page.front_matter is not None:
        out.append(page.front_matter.text)
    for section in page.sections:
        _section(section, out)
    return "".join(out)


def joins_back(page: Page, text: str) -> bool:
    """True when the page renders as `text`, checked piece by piece: no copy of the page's text is made.

    The pieces of one item at a time are rendered: a section of thousands of talks is never held whole.
    """
    out: list[str] = [page.bom]
    if page.front_matter is not None:
        out.append(page.front_matter.text)
    at = _joined(out, text, 0)
    for section in page.sections:
        if section.heading is not None:
            out.append(section.heading.text)
            at = _joined(out, text, at)
        for item in section.items:
            _item(item, out)
            at = _joined(out, text, at)
        if at < 0:
            return False
    return at == len(text)


def _joined(out: list[str], text: str, at: int) -> int:
    """Where `text` goes on after the pieces of `out` that it holds from `at` (-1 when it does not), `out` emptied."""
    for piece in out:
        if at < 0 or not text.startswith(piece, at):
            at = -1
            break
        at += len(piece)
    out.clear()
    return at


def _section(section: Section, out: list[str]) -> None:
    if section.heading is not None:
        out.append(section.heading.text)
    for item in section.items:
        _item(item, out)


def _item(item: Item, out: list[str]) -> None:
    if isinstance(item, Talk):
        for part in item.parts:
            out.append(render_part(part))
    elif isinstance(item, Schedule):
        out.append(item.table.header.text)
        out.append(item.table.delimiter.text)
        for entry in item.items:
            out.append(render_entry(entry))
    elif isinstance(item, Organization):
        out.append(render_table(item.table))
    else:
        out.append(item.text)


def render_part(part: TalkPart) -> str:
    """One part of a talk block."""
    if isinstance(part, Field):
        return part.prefix + part.label + part.text + part.suffix
    if isinstance(part, TextPart):
        if part.body is None:
            return part.label + part.gap
        return part.label + part.gap + part.body
    if isinstance(part, PhotoTable):
        return render_table(part.table)
    return part.text


def render_entry(entry: ScheduleEntry | RawBlock) -> str:
    """One schedule row (or a comment line between rows)."""
    if isinstance(entry, RawBlock):
        return entry.text
    return entry.row.text

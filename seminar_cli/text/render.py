"""Page -> text: one join over the exact texts of the nodes."""

from __future__ import annotations

from ..model import (
    Field,
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
    """True when the page renders as `text`, checked piece by piece: no copy of the page's text is made."""
    out: list[str] = [page.bom]
    if page.front_matter is not None:
        out.append(page.front_matter.text)
    at = 0
    for section in (None, *page.sections):
        if section is not None:
            _section(section, out)
        for piece in out:
            if not text.startswith(piece, at):
                return False
            at += len(piece)
        out.clear()
    return at == len(text)


def _section(section: Section, out: list[str]) -> None:
    if section.heading is not None:
        out.append(section.heading.text)
    for item in section.items:
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

"""Where things go: talks into and out of sections with the page's separators, rows into the schedule.

Moving a talk keeps its block's text; only the blocks around it (blank lines,
`---`, back-to-top links) are added or dropped the way the section already does.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Item, Page, RawBlock, Schedule, ScheduleEntry, Section, Talk, replace
from ..patterns import compiled
from ..read.refs import is_next
from .style import PageStyle, section_parts

_TRAILER = frozenset({"blank", "separator", "back_to_top"})
PLACEHOLDER = compiled(
    r"^\W*(tbd|tba|to be (announced|determined|confirmed)|stay tuned|coming soon|more soon)\W*$", re.I
)


def block_section(page: Page, day: date | None, today: date, force_next: bool) -> str | None:
    """Where a new talk block goes: Next when it is the next talk (or `--next`), else Upcoming when the page has one."""
    if force_next or is_next(page, day, today):
        return "next"
    return "upcoming" if page.sections_of("upcoming") else None


def placeholders(section: Section) -> list[RawBlock]:
    """The placeholder paragraphs of a section ("TBD", "To be announced"), which a talk block replaces."""
    return [
        item
        for item in section.items
        if isinstance(item, RawBlock) and item.kind == "paragraph" and PLACEHOLDER.match(item.text.strip())
    ]


def without_placeholders(section: Section) -> Section:
    """The section without its placeholder paragraphs, each with one blank line after it."""
    items = list(section.items)
    for placeholder in placeholders(section):
        position = next(index for index, item in enumerate(items) if item is placeholder)
        end = position + 1
        if end < len(items) and _is_blank(items[end]):
            end += 1
        del items[position:end]
    return replace(section, items=tuple(items))


def replace_section(page: Page, old: Section, new: Section) -> Page:
    """The page with section `old` replaced."""
    return replace(page, sections=tuple(new if section is old else section for section in page.sections))


def section_of(page: Page, item: Item) -> Section:
    """The section that holds `item` (by identity): the one home of "which section holds this talk"."""
    return next(section for section in page.sections if any(held is item for held in section.items))


def replace_item(section: Section, old: Item, new: Item) -> Section:
    """The section with item `old` (by identity) replaced."""
    return replace(section, items=tuple(new if item is old else item for item in section.items))


def remove_talk(section: Section, talk: Talk) -> Section:
    """The section without `talk` and without the separator that went with it."""
    items = list(section.items)
    indexes, _, _ = section_parts(section)
    position = next(index for index, item in enumerate(items) if item is talk)
    order = indexes.index(position)
    if order + 1 < len(indexes):  # drop the talk and the separator after it
        del items[position : indexes[order + 1]]
    elif order > 0:  # the last talk: drop the separator before it
        del items[indexes[order - 1] + 1 : position + 1]
    else:  # the only talk: drop it, and the blank line before it when one follows it too
        end = position + 1
        start = position
        before_blank = position > 0 and _is_blank(items[position - 1])
        if before_blank and end < len(items) and _is_blank(items[end]):
            start -= 1
        del items[start:end]
    return replace(section, items=tuple(items))


def _is_blank(item: Item) -> bool:
    return isinstance(item, RawBlock) and item.kind == "blank"


def insert_talk(section: Section, talk: Talk, order: int, style: PageStyle) -> Section:
    """The section with `talk` as its `order`-th talk, separated the way the section separates talks."""
    items = list(section.items)
    indexes, _, _ = section_parts(section)
    separator = list(style.separators.get(section.kind, (RawBlock("blank", style.newline),)))
    if not indexes:
        return replace(section, items=tuple(_into_empty(items, talk, style.newline)))
    if order < len(indexes):
        at = indexes[order]
        items[at:at] = [talk, *separator]
    else:
        at = indexes[-1] + 1
        items[at:at] = [*separator, talk]
    return replace(section, items=tuple(items))


def with_paragraph(section: Section, text: str, newline: str) -> Section:
    """A section without talks with a paragraph (a placeholder) after its intro, before its trailing links."""
    return replace(section, items=tuple(_into_empty(list(section.items), RawBlock("paragraph", text), newline)))


def _into_empty(items: list[Item], talk: Item, newline: str) -> list[Item]:
    """A talk (or a paragraph) into a section without talks: after its intro, before its trailing links and rules."""
    split = len(items)
    while split > 0 and isinstance(items[split - 1], RawBlock) and items[split - 1].kind in _TRAILER:  # type: ignore[union-attr]
        split -= 1
    head, tail = items[:split], items[split:]
    blank = RawBlock("blank", newline)
    if head and not _is_blank(head[-1]):
        head.append(blank)
    if tail and _is_blank(tail[0]):
        return [*head, tail[0], talk, blank, *tail[1:]] if not head else [*head, talk, *tail]
    if not head:
        head.append(blank)
    return [*head, talk, blank, *tail]


def talk_order(section: Section, day: date | None, newest_first: bool) -> int:
    """Where a talk on `day` goes among the section's talks, in the section's order."""
    talks = section.talks
    if day is None:
        return len(talks)
    for order, talk in enumerate(talks):
        other = talk.when.date if talk.when else None
        if other is None:
            continue
        if (newest_first and other < day) or (not newest_first and other > day):
            return order
    return len(talks)


def insert_entry(schedule: Schedule, entry: ScheduleEntry, newline: str) -> Schedule:
    """The schedule with `entry` at its chronological place (TBD rows last)."""
    items = list(schedule.items)
    at = _entry_position(items, entry.date)
    if at > 0:
        previous = items[at - 1]
        text = previous.row.text if isinstance(previous, ScheduleEntry) else previous.text
        if not text.endswith("\n"):  # the last line of a file without a final newline
            items[at - 1] = _with_newline(previous, newline)
            entry = replace(entry, row=replace(entry.row, tail=entry.row.tail.rstrip("\r\n")))
    items.insert(at, entry)
    return replace(schedule, items=tuple(items))


def _entry_position(items: list[ScheduleEntry | RawBlock], day: date | None) -> int:
    if day is None:
        return len(items)
    before = [
        index
        for index, item in enumerate(items)
        if isinstance(item, ScheduleEntry) and item.date is not None and item.date <= day
    ]
    if before:
        return before[-1] + 1
    first = next((index for index, item in enumerate(items) if isinstance(item, ScheduleEntry)), len(items))
    return first


def _with_newline(item: ScheduleEntry | RawBlock, newline: str) -> ScheduleEntry | RawBlock:
    if isinstance(item, ScheduleEntry):
        return replace(item, row=replace(item.row, tail=item.row.tail + newline))
    return replace(item, text=item.text + newline)


def remove_entry(schedule: Schedule, entry: ScheduleEntry) -> Schedule:
    """The schedule without `entry` (by identity)."""
    items = [item for item in schedule.items if item is not entry]
    if items and schedule.items[-1] is entry and not entry.row.text.endswith("\n"):
        last = items[-1]
        text = last.row.text if isinstance(last, ScheduleEntry) else last.text
        if text.endswith("\n"):  # keep the file's missing final newline missing
            items[-1] = _strip_newline(last)
    return replace(schedule, items=tuple(items))


def _strip_newline(item: ScheduleEntry | RawBlock) -> ScheduleEntry | RawBlock:
    if isinstance(item, ScheduleEntry):
        return replace(item, row=replace(item.row, tail=item.row.tail.rstrip("\r\n")))
    return replace(item, text=item.text.rstrip("\r\n"))


def replace_schedule(page: Page, old: Schedule, new: Schedule) -> Page:
    """The page with its schedule table replaced."""
    section = section_of(page, old)
    return replace_section(page, section, replace_item(section, old, new))

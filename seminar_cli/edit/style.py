"""The page's own conventions, read once from the original page.

New text copies what the organizer already wrote: the row to copy for a new
schedule row, the talk block to copy for a new block, the separator between
talks, the schedule's date format and placeholder word, the order of past talks.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ..model import (
    TALK_SECTIONS,
    Field,
    Frozen,
    Page,
    PhotoTable,
    RawBlock,
    Row,
    Schedule,
    ScheduleEntry,
    Section,
    Talk,
    frozen,
)
from ..patterns import compiled
from ..read.dates import parse_date
from ..read.inline import strip_markup
from ..text.lines import split_lines
from .sentences import is_one_sentence

Separator = tuple[RawBlock, ...]


@frozen
class PageStyle(Frozen):
    """What new text must look like to read as if the organizer wrote it."""

    newline: str
    date_pattern: str
    placeholder: str
    row_template: Row | None
    aligned_widths: tuple[int, ...] | None
    talk_template: Talk | None
    photo_template: PhotoTable | None
    separators: dict[str, Separator]
    past_newest_first: bool
    cancel_mark: str
    strikes_cancelled_rows: bool
    sentence_per_line: bool
    affiliation_separator: str = ", "


def infer_style(page: Page) -> PageStyle:
    """Read the page's conventions once; every new node is composed from them."""
    schedule = page.schedule
    entries = schedule.entries if schedule else ()
    template = _talk_template(page)
    return PageStyle(
        newline=page.newline,
        date_pattern=_date_pattern(entries),
        placeholder=_placeholder(page, entries),
        row_template=_row_template(entries),
        aligned_widths=_aligned_widths(schedule) if schedule else None,
        talk_template=template,
        photo_template=_photo_template(page, template),
        separators=_separators(page),
        past_newest_first=_past_newest_first(page),
        cancel_mark=_cancel_mark(page),
        strikes_cancelled_rows=any(entry.struck for entry in entries),
        sentence_per_line=_sentence_per_line(page),
        affiliation_separator=_affiliation_separator(page),
    )


def _date_pattern(entries: tuple[ScheduleEntry, ...]) -> str:
    patterns = Counter(
        parse_date(strip_markup(entry.date_text), 2000).pattern for entry in entries if entry.date is not None
    )
    patterns.pop(None, None)
    return str(patterns.most_common(1)[0][0]) if patterns else "%m/%d/%Y"


def _placeholder(page: Page, entries: tuple[ScheduleEntry, ...]) -> str:
    """TBD or TBA, as the page writes a value not known yet: in its schedule rows, else in its talk sections."""
    in_rows = [value for entry in entries for value in (entry.date_text, entry.title or "")]
    for values in (in_rows, _talk_section_values(page)):
        words = Counter(value.strip().upper() for value in values if value.strip().upper() in ("TBD", "TBA"))
        if words:
            return words.most_common(1)[0][0]
    return "TBD"


def _talk_section_values(page: Page) -> list[str]:
    """The values of the talk blocks' fields and the paragraphs of the talk sections."""
    values = [part.text for _, talk in page.talks() for part in talk.parts if isinstance(part, Field)]
    for section in page.sections:
        if section.kind in TALK_SECTIONS:
            values += [item.text for item in section.items if isinstance(item, RawBlock) and item.kind == "paragraph"]
    return values


def _row_template(entries: tuple[ScheduleEntry, ...]) -> Row | None:
    """The last well-formed dated row: organizers copy the row above the one they add."""
    for entry in reversed(entries):
        if entry.date is not None and entry.row.closed and not entry.struck:
            return entry.row
    return entries[-1].row if entries else None


def _aligned_widths(schedule: Schedule) -> tuple[int, ...] | None:
    """Column widths when every row is padded to them (an aligned table), else None."""
    rows = [schedule.table.header, schedule.table.delimiter, *schedule.table.rows]
    widths = tuple(len(cell) for cell in schedule.table.header.cells)
    if len(rows) < 3:
        return None
    if all(tuple(len(cell) for cell in row.cells) == widths for row in rows):
        return widths
    return None


def _talk_template(page: Page) -> Talk | None:
    """The block an organizer would copy: the one in Next, else the newest one on the page."""
    for kind in ("next", "upcoming"):
        for section in page.sections_of(kind):
            if section.talks:
                return section.talks[0]
    talks = [talk for _, talk in page.talks()]
    dated = [(talk.when.date, index, talk) for index, talk in enumerate(talks) if talk.when and talk.when.date]
    if dated:
        return max(dated, key=lambda item: (item[0], -item[1]))[2]
    return talks[0] if talks else None


def _photo_template(page: Page, template: Talk | None) -> PhotoTable | None:
    """The photo table to copy: the template talk's, else the first one on the page."""
    talks = ([template] if template else []) + [talk for _, talk in page.talks()]
    for talk in talks:
        for part in talk.parts:
            if isinstance(part, PhotoTable):
                return part
    return None


def section_parts(section: Section) -> tuple[list[int], list[Separator], Separator]:
    """Indexes of the talks, the blocks between consecutive talks, and the blocks after the last."""
    indexes = [index for index, item in enumerate(section.items) if isinstance(item, Talk)]
    between = [_blocks(section.items[start + 1 : end]) for start, end in itertools.pairwise(indexes)]
    after = _blocks(section.items[indexes[-1] + 1 :]) if indexes else ()
    return indexes, between, after


def _blocks(items: tuple[object, ...]) -> Separator:
    """Raw blocks with their line numbers dropped, so equal texts compare equal."""
    return tuple(RawBlock(item.kind, item.text) for item in items if isinstance(item, RawBlock))


def _separators(page: Page) -> dict[str, Separator]:
    """For each talk section, what stands between two talks (copied from the page)."""
    seen: dict[str, Separator] = {}
    for section in page.sections:
        if section.kind in TALK_SECTIONS:
            _, between, _ = section_parts(section)
            if between:
                seen.setdefault(section.kind, Counter(between).most_common(1)[0][0])
    page_wide = Counter(seen.values()).most_common(1)[0][0] if seen else None
    found: dict[str, Separator] = {}
    for section in page.sections:
        if section.kind not in TALK_SECTIONS:
            continue
        if section.kind in seen:
            found[section.kind] = seen[section.kind]
            continue
        _, _, after = section_parts(section)
        from_tail = _separator_from_tail(after)
        found[section.kind] = from_tail or page_wide or _blank_line(page.newline)
    return found


def _separator_from_tail(after: Separator) -> Separator | None:
    """`---` with the blank lines around it, when the last talk of a section is followed by one.

    Only the rule and its blank lines: a back-to-top link before it closes the section, not each talk.
    """
    for index, block in enumerate(after):
        if block.kind == "separator":
            start = index - 1 if index > 0 and after[index - 1].kind == "blank" else index
            end = index + 2 if index + 1 < len(after) and after[index + 1].kind == "blank" else index + 1
            return after[start:end]
    return None


def _blank_line(newline: str) -> Separator:
    return (RawBlock("blank", newline),)


def _past_newest_first(page: Page) -> bool:
    dates = [
        talk.when.date for section in page.sections_of("past") for talk in section.talks if talk.when and talk.when.date
    ]
    if len(dates) < 2:
        return True
    pairs = list(itertools.pairwise(dates))
    return sum(a > b for a, b in pairs) >= sum(a < b for a, b in pairs)


def _cancel_mark(page: Page) -> str:
    for _, talk in page.talks():
        title = next((part for part in talk.parts if getattr(part, "kind", None) == "title"), None)
        text = getattr(title, "text", "")
        for mark in ("(canceled)", "(cancelled)", "(Canceled)", "(Cancelled)", "(CANCELED)", "(CANCELLED)"):
            if text.rstrip().endswith(mark):
                return " " + mark
    return " (Cancelled)"


def _sentence_per_line(page: Page) -> bool:
    """True when most lines of the page's abstracts and bios hold one sentence each.

    The lines are counted first and read until the vote is settled: on a long page of
    one-sentence lines, half of them decide it.
    """
    lines = [
        line
        for _, talk in page.talks()
        for text in (talk.abstract, talk.bio)
        if text
        for line in split_lines(text)
        if line.strip()
    ]
    ayes = noes = 0
    for index, line in enumerate(lines):
        left = len(lines) - index
        if ayes > noes + left or noes >= ayes + left:
            break  # the lines left cannot change the outcome
        if is_one_sentence(line):
            ayes += 1
        else:
            noes += 1
    return ayes > noes


_AFTER_LINK = compiled(r"(?:\)|</a>)(?P<separator>[\s,;–-]+)[^\s,;–-]", re.I)


def _affiliation_separator(page: Page) -> str:
    """What stands between a linked speaker and the affiliation on the page's own speaker lines (`, `)."""
    found = Counter[str]()
    for _, talk in page.talks():
        for part in talk.parts:
            if isinstance(part, Field) and part.kind == "speaker":
                match = _AFTER_LINK.search(part.text)
                if match:
                    found[match.group("separator")] += 1
    return found.most_common(1)[0][0] if found else ", "

"""Rotate: talks that have ended move from Next and Upcoming into Past; the next talk takes Next.

Nothing is dropped unless asked: a page without a Past section gets one, in the page's
heading style, after its Schedule (or its last Next or Upcoming section). Only with
`keep_blocks=False` (`--past-talks rows`, or `past-talks = "rows"` in the configuration)
do the blocks of given talks go, their schedule rows staying. When no talk is left to
take Next, it gets the page's own placeholder (`TBD`, or the sentence the page uses).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..errors import UsageError
from ..model import Heading, Item, Page, RawBlock, Section, Talk, replace
from ..patterns import compiled
from ..read.matching import match
from ..read.sections import classify_heading
from ..read.zones import talk_end
from ..text.blocks import heading_of
from ..text.lines import eol
from . import layout
from .result import Edit
from .style import PageStyle, section_parts

_NEXT_WORD = compiled(r"\b(next|upcoming|coming|future)\b", re.I)


def rotate(page: Page, style: PageStyle, *, now: datetime, tz: ZoneInfo, keep_blocks: bool = True) -> Edit:
    """Move every talk of Next and Upcoming that has ended into Past; the next talk with a block takes Next."""
    original = page
    page, moved = _take_ended(page, now, tz)
    if not moved:
        return Edit(page, "nothing to rotate: no talk under Next or Upcoming has ended")
    names = ", ".join(f"{_day(talk).isoformat() if _day(talk) != date.min else '?'} {talk.title}" for talk in moved)
    if page.sections_of("past"):
        summary = f"rotated into Past: {names}"
        page = _into_past(page, page.sections_of("past")[0], moved, style)
    elif keep_blocks:
        page, heading = _new_past(page, original, moved[0], style)
        summary = f"rotated into Past: {names} (in a new section '{heading}')"
        page = _into_past(page, page.sections_of("past")[0], moved[1:], style)
    else:
        _refuse_losing(original, moved)
        summary = f"removed the blocks of {names}: the page keeps past talks as schedule rows only"
    page = _promote_upcoming(page, style)
    page, filled = _placeholder_in_next(page, original, style)
    return Edit(page, summary + (f"; Next now says {filled!r}" if filled else ""))


def _refuse_losing(page: Page, moved: list[Talk]) -> None:
    """Keeping past talks as rows only must not lose a talk that has no row."""
    paired = {id(pair.talk) for pair in match(page).pairs}
    lonely = [talk for talk in moved if id(talk) not in paired]
    if lonely:
        raise UsageError(
            f"the talk {lonely[0].title!r} (line {lonely[0].line}) has no schedule row, so keeping past talks as "
            "rows only would lose it",
            path=page.path,
            expected="its row in the schedule first, or --past-talks blocks to start a Past section",
        )


def _day(talk: Talk) -> date:
    return talk.when.date if talk.when and talk.when.date else date.min


def _take_ended(page: Page, now: datetime, tz: ZoneInfo) -> tuple[Page, list[Talk]]:
    """The page without the talks of Next and Upcoming that have ended, and those talks."""
    moved: list[Talk] = []
    for kind in ("next", "upcoming"):
        for section in page.sections_of(kind):
            current = section
            for talk in section.talks:
                ended = talk_end(talk, tz)
                if ended is not None and ended <= now:
                    current = layout.remove_talk(current, talk)
                    moved.append(talk)
            page = layout.replace_section(page, section, current)
    return page, moved


def _into_past(page: Page, past: Section, talks: list[Talk], style: PageStyle) -> Page:
    """The talks into Past, each at its place in the page's own order."""
    for talk in sorted(talks, key=_day):
        order = layout.talk_order(past, talk.when.date if talk.when else None, style.past_newest_first)
        updated = layout.insert_talk(past, talk, order, style)
        page = layout.replace_section(page, past, updated)
        past = updated
    return page


def past_heading(heading: Heading, newline: str) -> str:
    """The heading of a new Past section, written like the Next one: `# Next Presentation` -> `# Past Presentation`."""
    text = heading.text
    word = _NEXT_WORD.search(text)
    if word is None or classify_heading(_NEXT_WORD.sub("Past", heading.title, count=1)) != "past":
        return "#" * heading.level + " Past Presentations" + (eol(text) or newline)
    found = word.group(0)
    past = "PAST" if found.isupper() else "Past" if found[0].isupper() else "past"
    return text[: word.start()] + past + text[word.end() :]


def _new_past(page: Page, original: Page, first: Talk, style: PageStyle) -> tuple[Page, str]:
    """The page with a Past section holding `first`, after the Schedule (else after the last Next or Upcoming).

    The section is shaped like the one the talk leaves: its heading with `Past` for `Next`, and what
    followed its last talk (a back-to-top link, a rule).
    """
    source = next(section for section in original.sections if any(talk is first for talk in section.talks))
    section = _past_like(source, first, style.newline)
    blank = RawBlock("blank", style.newline)
    items = list(section.items)
    kinds = [section.kind for section in page.sections]
    after = max(index for index, kind in enumerate(kinds) if kind in ("next", "upcoming", "schedule"))
    sections = list(page.sections)
    if not _ends_line(sections[after]):  # the end of a file without its final newline: it stays without one
        sections[after] = replace(sections[after], items=(*sections[after].items, blank))
        items = _without_final_newline(items) if after == len(sections) - 1 else items
    sections.insert(after + 1, replace(section, items=tuple(items)))
    return replace(page, sections=tuple(sections)), section.heading.title if section.heading else ""


def _past_like(source: Section, first: Talk, newline: str) -> Section:
    """A Past section holding `first`, headed and closed like the section it leaves."""
    assert source.heading is not None  # talk sections start at their heading
    text = past_heading(source.heading, newline)
    title = (heading_of(text) or (source.heading.level, "Past Presentations"))[1]
    _, _, trailer = section_parts(source)
    blank = RawBlock("blank", newline)
    return Section("past", Heading(text, source.heading.level, title), (blank, first, *(trailer or (blank,))))


def _without_final_newline(items: list[Item]) -> list[Item]:
    last = items[-1]
    assert isinstance(last, RawBlock)  # a section ends with blank lines, links or rules
    return [*items[:-1], replace(last, text=last.text.rstrip("\r\n"))]


def _ends_line(section: Section) -> bool:
    """True when the section's text ends with a line ending."""
    last = section.items[-1] if section.items else None
    if last is None:
        return section.heading is None or section.heading.text.endswith("\n")
    if isinstance(last, RawBlock):
        return last.text.endswith("\n")
    return True


def _promote_upcoming(page: Page, style: PageStyle) -> Page:
    """When Next is empty, the earliest talk block under Upcoming moves up into it (a cancelled talk is never next)."""
    nexts, upcomings = page.sections_of("next"), page.sections_of("upcoming")
    held = [talk for talk in upcomings[0].talks if not talk.cancelled] if upcomings else []
    if not nexts or nexts[0].talks or not held:
        return page
    upcoming: Section = upcomings[0]
    talk = min(held, key=lambda talk: talk.when.date if talk.when and talk.when.date else date.max)
    page = layout.replace_section(page, upcoming, layout.remove_talk(upcoming, talk))
    target = page.sections_of("next")[0]
    return layout.replace_section(page, target, layout.insert_talk(target, talk, 0, style))


def _placeholder_in_next(page: Page, original: Page, style: PageStyle) -> tuple[Page, str | None]:
    """A Next section emptied by the rotation gets the page's own placeholder, else its placeholder word."""
    nexts, before = page.sections_of("next"), original.sections_of("next")
    if not nexts or nexts[0].talks or not before or not before[0].talks or layout.placeholders(nexts[0]):
        return page, None
    own = [
        block.text for kind in ("next", "upcoming") for section in original.sections_of(kind)
        for block in layout.placeholders(section)
    ]  # fmt: skip
    text = own[0] if own else style.placeholder + style.newline
    return layout.replace_section(page, nexts[0], layout.with_paragraph(nexts[0], text, style.newline)), text.strip()

"""Fill in a scheduled talk: its title, place, speaker, photo, abstract and bio, in row and block together.

The most frequent edit of a seminar page. Values not given stay as they are; a talk
with only a row gets its block under Next (in the page's own shape) once it is next.
"""

from __future__ import annotations

from datetime import date

from ..model import (
    Field,
    FieldKind,
    Page,
    PhotoTable,
    RawBlock,
    Schedule,
    ScheduleEntry,
    Speaker,
    Talk,
    TalkPart,
    TextPart,
    replace,
)
from ..read.dates import is_tbd
from ..read.refs import TalkRef
from ..read.series import Hours, new_talk_hours
from ..read.tables import schedule_entry
from ..read.talks import field_of, talk_from_parts
from . import compose, layout, listed_changes, rows, targets
from .result import Edit
from .style import PageStyle
from .talk_block import TalkDetails, add_text, new_talk, photo_table, speaker_text, text_part

_DETAILS: tuple[FieldKind, ...] = ("title", "location", "time", "speaker", "affiliation")


def update_talk(
    page: Page,
    style: PageStyle,
    ref: TalkRef,
    details: TalkDetails,
    *,
    speaker_urls: tuple[str, ...] = (),
    today: date,
    force_next: bool = False,
    hours: Hours | None = None,
) -> Edit:
    """Update what `details` gives in the talk's row and block; write the block when the talk is next.

    A new block without `--time` gets the row's hours, else the series' (`hours` configured, else the page's).
    """
    if listed_changes.applies(page, ref):
        return listed_changes.changed(page, ref, details)
    targets.editable(page, ref)
    notes: list[str] = []
    speakers = _speakers(ref, details, speaker_urls)
    details = replace(details, speakers=speakers)
    if ref.entry is not None:
        schedule = targets.schedule(page)
        new = _updated_row(page, schedule, style, ref, details)
        items = tuple(new if item is ref.entry else item for item in schedule.items)
        page = layout.replace_schedule(page, schedule, replace(schedule, items=items))
    if ref.talk is not None:
        section = layout.section_of(page, ref.talk)
        talk = _updated_block(ref.talk, details, style, page.season_year, notes)
        page = layout.replace_section(page, section, layout.replace_item(section, ref.talk, talk))
    else:
        page = _first_block(page, style, ref, _with_hours(page, ref, details, hours), today, force_next, notes)
    day = ref.date.isoformat() if ref.date else "TBD"
    names = ", ".join(person.name for person in speakers) or "?"
    title = details.title or ref.title or "(no title yet)"
    return Edit(page, f"updated {day} {names}: {title}", tuple(notes))


def _with_hours(page: Page, ref: TalkRef, details: TalkDetails, hours: Hours | None) -> TalkDetails:
    """Hours for a new block given none: the row's (a Time column), else the series' (`new_talk_hours`)."""
    if details.start is not None:
        return details
    given = (ref.entry.start, ref.entry.end) if ref.entry and ref.entry.start else new_talk_hours(page, hours)
    return replace(details, start=given[0], end=given[1]) if given else details


def _speakers(ref: TalkRef, details: TalkDetails, urls: tuple[str, ...]) -> tuple[Speaker, ...]:
    """The speakers given, else the talk's own; `--speaker-url` values attach to them in order."""
    people = details.speakers or ref.speakers
    if not urls:
        return tuple(people)
    return tuple(
        Speaker(person.name, urls[index] if index < len(urls) else person.url) for index, person in enumerate(people)
    )


def _updated_row(page: Page, schedule: Schedule, style: PageStyle, ref: TalkRef, details: TalkDetails) -> ScheduleEntry:
    entry = ref.entry
    assert entry is not None
    wanted = {
        "title": compose.cell_title(details.title) if details.title else None,
        "time": rows.time_cell(schedule, details.start, details.end) if details.start else None,
        "affiliation": compose.cell_text(details.affiliation) if details.affiliation else None,
        "name": _name_cell(schedule, entry, details),
        "location": _place_cell(ref, entry, details),
    }
    values = {
        index: value
        for key, index in schedule.columns
        if (value := wanted.get(key)) is not None and index < len(entry.row.cells)
    }
    if not values:
        return entry
    row = compose.row(entry.row, values, style.aligned_widths, blank_others=False)
    return replace(schedule_entry(row, schedule.columns, page.season_year), line=entry.line)


def _name_cell(schedule: Schedule, entry: ScheduleEntry, details: TalkDetails) -> str | None:
    """The row's speakers when they changed (or gain links the cell shows)."""
    index = schedule.column("name")
    if not details.speakers or details.speakers == entry.speakers or index is None or index >= len(entry.row.cells):
        return None
    cell = entry.row.cells[index]
    if [person.name for person in details.speakers] == [person.name for person in entry.speakers] and "[" not in cell:
        return None
    return compose.escape_cell(compose.speakers_text(details.speakers, cell))


def _place_cell(ref: TalkRef, entry: ScheduleEntry, details: TalkDetails) -> str | None:
    """The row's place, which follows the block's only when it said nothing yet (TBD) or said the same.

    A row's place is often a short form ("On Site", "Virtual") of the block's.
    """
    old_place = entry.location or ""
    if details.location and (not old_place or is_tbd(old_place) or (ref.talk and ref.talk.location == old_place)):
        return compose.cell_text(details.location)
    return None


def _updated_block(talk: Talk, details: TalkDetails, style: PageStyle, year: int | None, notes: list[str]) -> Talk:
    parts = list(talk.parts)
    for index, part in enumerate(parts):
        if isinstance(part, Field):
            parts[index] = _updated_field(part, talk, details, style)
        elif isinstance(part, PhotoTable) and (details.photo or details.caption):
            existing = part.columns[0] if part.columns else None
            photo = details.photo or (existing.image if existing else None)
            caption = details.caption or (existing.caption if existing else None)
            parts[index] = photo_table(part, replace(details, photo=photo, caption=caption))
        elif isinstance(part, TextPart):
            value = details.abstract if part.kind == "abstract" else details.bio
            if value is not None:
                parts[index] = replace(part, body=compose.body_text(value, style.newline, style.sentence_per_line))
    parts = _added_parts(parts, details, style, notes)
    return replace(talk_from_parts(tuple(parts), year), line=talk.line)


def _updated_field(field: Field, talk: Talk, details: TalkDetails, style: PageStyle) -> Field:
    if field.kind == "title" and details.title:
        mark = style.cancel_mark if talk.cancelled else ""
        return replace(field, text=compose.title_text(details.title) + mark)
    if field.kind == "location" and details.location:
        return replace(field, text=compose.escape_inline(details.location))
    if field.kind == "time" and details.start is not None:
        day = talk.when.date if talk.when else None
        return replace(field, text=compose.time_text(field.text, day, details.start, details.end, style.placeholder))
    if field.kind == "speaker" and (details.speakers != talk.speakers or details.affiliation):
        return replace(field, text=speaker_text(field.text, details.speakers, details.affiliation or talk.affiliation))
    if field.kind == "affiliation" and details.affiliation:
        return replace(field, text=compose.escape_inline(details.affiliation))
    return field


def _added_parts(parts: list[TalkPart], details: TalkDetails, style: PageStyle, notes: list[str]) -> list[TalkPart]:
    """Parts the block did not have yet, shaped like the page's template block."""
    template = style.talk_template
    have = {part.kind for part in parts if isinstance(part, (Field, TextPart))}
    for kind, value in (("location", details.location), ("affiliation", details.affiliation)):
        source = field_of(template, kind) if template else None
        if value and kind not in have and source is not None:
            parts.insert(_after_details(parts), replace(source, text=compose.escape_inline(value), line=0))
    if (details.photo or details.caption) and not any(isinstance(part, PhotoTable) for part in parts):
        if style.photo_template is None:
            notes.append("the page shows no speaker photos, so no photo table was added")
        elif details.photo:
            at = _after_details(parts)
            parts[at:at] = [RawBlock("blank", style.newline), photo_table(style.photo_template, details)]
    for kind, value in (("abstract", details.abstract), ("bio", details.bio)):
        if value is not None and kind not in have:
            add_text(parts, text_part(kind, value, style), style.newline)
    return parts


def _after_details(parts: list[TalkPart]) -> int:
    """The position right after the talk's last detail line."""
    return 1 + max(index for index, part in enumerate(parts) if isinstance(part, Field) and part.kind in _DETAILS)


def _first_block(
    page: Page, style: PageStyle, ref: TalkRef, details: TalkDetails, today: date, force_next: bool, notes: list[str]
) -> Page:
    """The block of a talk that had only its row: under Next when it is next (or `--next`), else under Upcoming."""
    entry = ref.entry
    assert entry is not None
    kind = layout.block_section(page, ref.date, today, force_next)
    if kind is None:
        notes.append(
            "the talk is not the next one and the page has no Upcoming section, so only its schedule row was "
            "updated (use --next to write its block under Next)"
        )
        return page
    merged = replace(
        details,
        day=ref.date,
        title=details.title or (entry.title if entry.title and not is_tbd(entry.title) else None),
        affiliation=details.affiliation or entry.affiliation or None,
        location=details.location or entry.location or None,
    )
    section = targets.section(page, kind, heading="Next Presentation" if kind == "next" else "Upcoming Presentations")
    target = layout.without_placeholders(section)
    talk = new_talk(style, merged, page.season_year, notes)
    order = layout.talk_order(target, ref.date, newest_first=False)
    return layout.replace_section(page, section, layout.insert_talk(target, talk, order, style))

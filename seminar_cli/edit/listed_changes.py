"""Changing, cancelling and moving talks that rows, items, headings or dated lines hold.

A change replaces the values in the entry's own text (its links and markup kept); a new date
moves the entry to its place in its listing's order; `rotate` moves the talks that are over
from a page's upcoming listing into its past one. Each result is read again and refused
unless it reads as intended and every other talk as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, time

from ..errors import UsageError, WriteRefusedError
from ..model import Entry, Frozen, Listing, Page, frozen, replace
from ..patterns import compiled
from ..read.date_tokens import date_tokens
from ..read.page import parse_page
from ..read.refs import TalkRef
from ..text.render import render_page
from . import compose
from .listed import day_first, escape_for, gap, insert, key, listed, other_shape, position, remove_unit, unit_text
from .restyle import months_in_full, padded_numbers, restyle
from .result import Edit
from .slots import Slot, SlotKind, find_slots
from .talk_block import TalkDetails

_MARK = compiled(r"\s*(?:\[|\(|\*\*|_)?(?:cancel+ed|postponed|called off)(?:\]|\)|\*\*|_)?", re.I)


_LEAD_MARK = compiled(r"(?:^|[|>*])[ \t]*(cancel+ed|postponed)([ \t]*(?:--|[-–—:])[ \t]*)(?=\S)", re.I | re.M)


@frozen
class Change(Frozen):
    """What changes in one entry: a new date (None: the date stays), hours, values by slot, a cancel mark."""

    day: date | None = None
    start: time | None = None
    end: time | None = None
    values: dict[SlotKind, str] | None = None
    cancel: bool = False


def find_entry(page: Page, wanted: Entry) -> tuple[Listing, Entry]:
    """The listing holding the entry (by its line) and the entry."""
    for listing in listed(page):
        for entry in listing.entries:
            if entry.line == wanted.line:
                return listing, entry
    raise UsageError(f"the talk at line {wanted.line} is not in a listing that edits change", path=page.path)


def change(page: Page, wanted: Entry, what: Change, summary: str) -> Edit:
    """The page with the entry's values changed in place, and moved to its new date's place."""
    listing, entry = find_entry(page, wanted)
    lines = render_page(page).splitlines(keepends=True)
    text = unit_text(lines, entry)
    slots = find_slots(text, entry, table=listing.shape == "table")
    new_text = _changed_text(page, lines, listing, entry, text, slots, what)
    if new_text == text:
        return Edit(page, f"nothing to change: {summary}")
    first, last = entry.line - 1, entry.end_line
    lines = [*lines[:first], *new_text.splitlines(keepends=True), *lines[last:]]
    if what.day is not None and what.day != entry.date:
        lines = _moved(lines, listing, entry, what.day)
    return Edit(_checked(page, "".join(lines), entry, what), summary)


def _changed_text(
    page: Page, lines: list[str], listing: Listing, entry: Entry, text: str, slots: list[Slot], what: Change
) -> str:
    markup = escape_for(listing, text)
    edits: dict[SlotKind, str] = {kind: markup(value) for kind, value in (what.values or {}).items()}
    by_kind = {slot.kind: slot for slot in slots}
    if what.day is not None:
        edits["date"] = _new_date(listing, by_kind, text, what.day, page)
    if what.start is not None:
        edits["time"] = (
            compose.range_text(text[slice(*_span(by_kind["time"]))], what.start, what.end)
            if ("time" in by_kind)
            else ""
        )
    missing = next((kind for kind in edits if kind not in by_kind), None)
    if missing is not None:
        option = {"speakers": "--speaker", "title": "--title"}.get(missing, f"--{missing}")
        raise _no_place(page, entry, option, missing)
    if what.cancel and entry.status == "placeholder":
        raise UsageError(
            f"the slot at line {entry.line} has no talk to cancel",
            path=page.path,
            line=entry.line,
            column=1,
            expected="--remove to take the slot off the page",
        )
    if what.cancel:
        target = next((by_kind[kind] for kind in ("title", "speakers", "date") if kind in by_kind), None)
        if target is None:
            raise _no_place(page, entry, "cancel", "a title")
        value = text[target.start : target.end]
        edits[target.kind] = _cancelled(page, lines, value)
    out = text
    for slot in sorted(slots, key=lambda found: found.start, reverse=True):
        if slot.kind in edits:
            out = out[: slot.start] + edits[slot.kind] + out[slot.end :]
    return out


def _span(slot: Slot) -> tuple[int, int]:
    return slot.start, slot.end


def _new_date(listing: Listing, by_kind: dict[SlotKind, Slot], text: str, day: date, page: Page) -> str:
    slot = by_kind.get("date")
    if slot is None:
        raise UsageError("the talk's date cannot be found in its text", path=page.path)
    token = date_tokens(text[slot.start : slot.end])[0]
    texts = [e.date_text for e in listing.entries if e.date_text]
    return restyle(
        token,
        day,
        day_first=day_first(token, listing, day),
        padded=padded_numbers(texts),
        full_months=months_in_full(texts),
    )


def _cancelled(page: Page, lines: list[str], value: str) -> str:
    """The value marked cancelled the way the page marks its cancelled talks.

    Struck through (`~~…~~`); a mark after the title (`Tides [Postponed]`, `Tides (Cancelled)`); or,
    where the page writes the mark first (`Cancelled -- Spring Break`), the mark, the page's
    separator and the title. A page with no cancelled talk gets `(Cancelled)` after the title.
    """
    cancelled = [entry for listing in listed(page) for entry in listing.entries if entry.status == "cancelled"]
    texts = [unit_text(lines, entry) for entry in cancelled]
    if any("~~" in text for text in texts):
        return f"~~{value}~~"
    for text in texts:
        lead = _LEAD_MARK.search(text)
        if lead is not None:
            return lead.group(1) + lead.group(2) + value
    for text in texts:
        found = _MARK.search(text)
        if found is not None and found.group(0).strip()[:1] in "[(*_":
            return value + " " + found.group(0).strip()
    words = [found.group(0).strip() for text in texts if (found := _MARK.search(text))]
    return f"{value} ({words[0].strip('[]()*_').capitalize() if words else 'Cancelled'})"


def _no_place(page: Page, entry: Entry, option: str, what: str) -> UsageError:
    return UsageError(
        f"{option} has no place: the talk at line {entry.line} writes no {what} where the reader finds it",
        path=page.path,
        line=entry.line,
        column=1,
        expected=f"no {option}",
    )


def _moved(lines: list[str], listing: Listing, entry: Entry, day: date) -> list[str]:
    """The entry (already changed in `lines`) moved to its new date's place in its listing."""
    others = [other for other in listing.entries if other is not entry]
    if not others:
        return lines
    count = entry.end_line - entry.line + 1
    moved = lines[entry.line - 1 : entry.line - 1 + count]
    gaps = gap(lines, listing.entries)
    lines, removed = remove_unit(lines, listing.entries, entry)
    shifted = [_shifted(other, entry, removed) for other in others]
    return insert(lines, shifted, position(shifted, day), "".join(moved), gaps)


def _shifted(other: Entry, gone: Entry, removed: int) -> Entry:
    if other.line > gone.line:
        return replace(other, line=other.line - removed, end_line=other.end_line - removed)
    return other


def _checked(page: Page, text: str, entry: Entry, what: Change) -> Page:
    new_page = parse_page(text, page.path, known=page)
    before = Counter(key(other) for listing in listed(page) for other in listing.entries if other is not entry)
    after = Counter(key(other) for listing in listed(new_page) for other in listing.entries)
    added = list((after - before).elements())
    ok = not (before - after) and len(added) == 1
    if ok and what.day is not None:
        ok = added[0][0] == what.day
    if ok and what.cancel:
        ok = added[0][3] == "cancelled"
    if not ok:
        raise WriteRefusedError(
            "the changed talk would not read back as intended; nothing was written",
            path=page.path,
            line=entry.line,
            found=repr(added[0] if added else None),
            expected=repr((what.day or entry.date, "cancelled" if what.cancel else entry.status)),
        )
    return new_page


def rotate(page: Page, today: date) -> Edit:
    """Move each talk that is over from the upcoming listing into the past one (pages that keep both)."""
    found = listed(page)
    upcoming = [item for item in found if item.section == "upcoming"]
    past = [item for item in found if item.section == "past"]
    if not upcoming or not past:
        return Edit(page, "nothing to rotate: the page keeps its talks in one list")
    over = [
        entry
        for entry in upcoming[0].entries
        if entry.date is not None and entry.date < today and entry.status in ("held", "cancelled")
    ]
    if not over:
        return Edit(page, "nothing to rotate: no talk in the upcoming list is over")
    current = page
    for entry in sorted(over, key=lambda item: item.date or date.min):
        current = _into_past(current, entry)
    names = ", ".join(f"{entry.date.isoformat() if entry.date else '?'} {entry.title or ''}".strip() for entry in over)
    return Edit(current, f"moved into past talks: {names}")


def _into_past(page: Page, wanted: Entry) -> Page:
    found = listed(page)
    source = next(item for item in found if item.section == "upcoming")
    entry = next(item for item in source.entries if key(item) == key(wanted))
    lines = render_page(page).splitlines(keepends=True)
    moved = unit_text(lines, entry)
    lines, removed = remove_unit(lines, source.entries, entry)
    target = next(item for item in found if item.section == "past")
    shifted = [_shifted(other, entry, removed) for other in target.entries]
    assert entry.date is not None
    lines = insert(lines, shifted, position(shifted, entry.date), moved, gap(lines, shifted))
    new_page = parse_page("".join(lines), page.path, known=page)
    before = Counter(key(one) for item in found for one in item.entries)
    after = Counter(key(one) for item in listed(new_page) for one in item.entries)
    moved_in = [one for item in listed(new_page) if item.section == "past" for one in item.entries]
    if before != after or key(entry) not in {key(item) for item in moved_in}:
        raise WriteRefusedError(
            f"moving the talk at line {entry.line} into the past talks would not read back; nothing was written",
            path=page.path,
            line=entry.line,
        )
    return new_page


def applies(page: Page, ref: TalkRef) -> bool:
    """True when the talk is a listing's entry on a page that lists its talks otherwise than in one schedule table."""
    return ref.listed is not None and ((ref.entry is None and ref.talk is None) or other_shape(page))


def changed(page: Page, ref: TalkRef, details: TalkDetails) -> Edit:
    """`update-talk` on a listed talk: its title, speakers, affiliation, place and hours where its text writes them."""
    assert ref.listed is not None
    for option, value in (("--photo", details.photo), ("--abstract-file", details.abstract),
                          ("--bio-file", details.bio), ("--caption", details.caption)):  # fmt: skip
        if value is not None:
            raise UsageError(
                f"{option} has no place: the talk is a line of a listing, which holds no photo, abstract or bio",
                path=page.path,
                line=ref.listed.line,
                column=1,
                expected=f"no {option}",
            )
    values: dict[SlotKind, str] = {}
    if details.title:
        values["title"] = details.title
    if details.speakers:
        values["speakers"] = " and ".join(speaker.name for speaker in details.speakers)
    if details.affiliation:
        values["affiliation"] = details.affiliation
    if details.location:
        values["location"] = details.location
    what = Change(start=details.start, end=details.end, values=values)
    return change(page, ref.listed, what, f"updated {ref.describe()}")


def removed(page: Page, ref: TalkRef) -> Edit:
    """`cancel --remove` on a listed talk: its text and the gap beside it go."""
    assert ref.listed is not None
    listing, entry = find_entry(page, ref.listed)
    lines, _ = remove_unit(render_page(page).splitlines(keepends=True), listing.entries, entry)
    new_page = parse_page("".join(lines), page.path, known=page)
    before = Counter(key(other) for item in listed(page) for other in item.entries if other is not entry)
    after = Counter(key(other) for item in listed(new_page) for other in item.entries)
    if before != after:
        raise WriteRefusedError(
            "removing the talk would change how other talks read; nothing was written", path=page.path, line=entry.line
        )
    return Edit(new_page, f"removed {ref.describe()}")

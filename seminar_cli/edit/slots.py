"""Where a listed talk's values stand in its text: its date, speakers, affiliation, title, place and hours.

The reader says what a row, item, heading or line means; here those values are found again
in the text, so that a new entry can be written by replacing them in a neighbour's text and
an entry can be changed by replacing them in its own.
"""

from __future__ import annotations

import re
from typing import Literal

from ..model import Entry, Frozen, frozen
from ..patterns import compiled
from ..read.dates import scan_time

SlotKind = Literal["date", "speakers", "affiliation", "title", "location", "time"]


@frozen
class Slot(Frozen):
    """A value's place in a text: `text[start:end]` holds it."""

    kind: SlotKind
    start: int
    end: int


_MD_LINK = compiled(r"\[([^\[\]\n]{0,500})\]\(([^()\s]{0,2000})\)")
_HTML_LINK = compiled(r"<a\s[^<>]{0,2000}>([^<>]{0,500})</a>", re.I)
_JOINERS = (",", "and", "&", ";", "<br>", "<br/>", "<br />")


def unlinked(text: str, entry: Entry) -> str:
    """`text` with each link whose label holds one of the talk's values replaced by its label.

    A new talk has no page for its title or speakers yet, so the copy keeps the words and drops the address.
    """
    values = [value for value in (entry.title, entry.affiliation, *(s.name for s in entry.speakers)) if value]

    def label(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        held = any(value in inner or (len(inner) > 3 and inner in value) for value in values)
        return inner if inner and held else match.group(0)

    return _HTML_LINK.sub(label, _MD_LINK.sub(label, text))


def find_slots(text: str, entry: Entry, *, table: bool = False) -> list[Slot]:
    """The places of the entry's values in `text`, left to right, none inside another.

    In a table row (`table`) a value written twice is taken from the cell it most nearly fills
    (`Speaker: Ada Park` rather than the authors' cell `Ada Park and Bo Li`).
    """
    taken: list[Slot] = []
    cells = _cells(text) if table else None
    if entry.date_text:
        _put(taken, "date", _find(text, entry.date_text, taken, cells=cells))
    _put(taken, "speakers", _speakers_span(text, entry, taken, cells))
    after = max((slot.end for slot in taken if slot.kind == "speakers"), default=0)
    if entry.affiliation:
        found = _find(text, entry.affiliation, taken, after, cells=cells) or _find(text, entry.affiliation, taken)
        _put(taken, "affiliation", found)
    if entry.title:
        _put(taken, "title", _find(text, entry.title, taken, cells=cells))
    if entry.location:
        _put(taken, "location", _find(text, entry.location, taken, cells=cells))
    if entry.start is not None:
        _put(taken, "time", _hours_span(text, entry, taken))
    return sorted(taken, key=lambda slot: slot.start)


def _put(taken: list[Slot], kind: SlotKind, span: tuple[int, int] | None) -> None:
    if span is not None:
        taken.append(Slot(kind, *span))


def _find(
    text: str, value: str, taken: list[Slot], start: int = 0, *, cells: list[tuple[int, int]] | None = None
) -> tuple[int, int] | None:
    """The first place of `value` in `text` from `start` that overlaps no slot found before.

    With `cells`, the place in the cell the value most nearly fills.
    """
    value = value.strip()
    if not value:
        return None
    found: list[tuple[int, int]] = []
    index = text.find(value, start)
    while index >= 0 and len(found) < 50:
        end = index + len(value)
        if not any(slot.start < end and index < slot.end for slot in taken):
            if cells is None:
                return index, end
            found.append((index, end))
        index = text.find(value, index + 1)
    if not found or cells is None:
        return None
    return min(found, key=lambda span: _room(span, cells))


def _room(span: tuple[int, int], cells: list[tuple[int, int]]) -> int:
    """How much more than `span` its cell holds."""
    for start, end in cells:
        if start <= span[0] and span[1] <= end:
            return (end - start) - (span[1] - span[0])
    return len(cells) and 10**9


def _cells(text: str) -> list[tuple[int, int]]:
    """The spans of a table row's cells (between pipes that are not escaped), their padding left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index, char in enumerate(text):
        if char == "|" and (index == 0 or text[index - 1] != "\\"):
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        cell = text[begin:end]
        lead = len(cell) - len(cell.lstrip())
        out.append((begin + lead, begin + len(cell.rstrip())))
    return out


def _speakers_span(
    text: str, entry: Entry, taken: list[Slot], cells: list[tuple[int, int]] | None
) -> tuple[int, int] | None:
    """From the first speaker's name to the last one's, when only joiners (`, `, ` and `, `<br>`) stand between."""
    spans: list[tuple[int, int]] = []
    for speaker in entry.speakers:
        found = _find(text, speaker.name, taken, spans[-1][1] if spans else 0, cells=None if spans else cells)
        if found is None:
            break
        if spans and text[spans[-1][1] : found[0]].strip().lower() not in _JOINERS:
            break
        spans.append(found)
    return (spans[0][0], spans[-1][1]) if spans else None


def _hours_span(text: str, entry: Entry, taken: list[Slot]) -> tuple[int, int] | None:
    """Where the entry's hours are written (`4:00 PM`, `12pm-1pm`), outside its other values."""
    masked = text
    for slot in taken:
        masked = masked[: slot.start] + " " * (slot.end - slot.start) + masked[slot.end :]
    scan = scan_time(masked, None)
    if scan.range_span is None or scan.slot.start != entry.start:
        return None
    return scan.range_span

"""What every shape of listing hands over: entries read so far (their date still a token), and their context.

A shape reader (rows, items, headings, paragraphs, HTML tables) reads what each of its
entries says; the listing then settles all their dates at once (`settle`) and only
then builds the `Entry` records.
"""

from __future__ import annotations

from datetime import time
from sys import intern

from ..model import Entry, EntryStatus, Frozen, Heading, Item, ListingShape, RawBlock, Section, Speaker, frozen
from ..text.lines import body, split_lines
from . import inline
from .date_tokens import DateToken
from .dates import scan_time
from .settle import Settled


@frozen
class Draft(Frozen):
    """One entry as its shape reads it, before its date is settled."""

    line: int
    end_line: int
    token: DateToken | None
    status: EntryStatus
    title: str | None = None
    speakers: tuple[Speaker, ...] = ()
    affiliation: str | None = None
    location: str | None = None
    start: time | None = None
    end: time | None = None
    label: str | None = None  # what stands for the date when a talk has none (`Week 3`)


@frozen
class Node(Frozen):
    """A heading or an item of the page, with the section that holds it: what shape readers walk over."""

    item: Item | Heading
    section: Section


@frozen
class Found(Frozen):
    """What a shape reader took: its entries and the index of the first node it did not take."""

    shape: ListingShape
    drafts: list[Draft]
    end: int = 0
    caption: tuple[str, int] | None = None  # the line just above the entries, when the reader found one


def hours(text: str, token: DateToken | None) -> tuple[time | None, time | None]:
    """The hours written in `text` beside its date (`4:00 PM`, `12pm-1pm`, `10-11 am`)."""
    masked = text if token is None else text[: token.start] + " " * (token.end - token.start) + text[token.end :]
    slot = scan_time(masked, None).slot
    return slot.start, slot.end


def entry(draft: Draft, settled: Settled) -> Entry:
    """The entry, with its settled date."""
    return Entry(
        line=draft.line,
        end_line=draft.end_line,
        date_text=intern(draft.token.text) if draft.token else draft.label,  # the talk's or row's own
        date=settled.date,
        status=draft.status,
        title=draft.title,
        speakers=draft.speakers,
        affiliation=draft.affiliation,
        location=draft.location,
        start=draft.start,
        end=draft.end,
        readings=settled.readings,
        date_error=settled.error,
    )


def caption_of(block: RawBlock) -> tuple[str, int] | None:
    """A short line that names what follows (`Upcoming events:`, `Michaelmas term`, `##Schedule (2015)`)."""
    lines = [body(line).strip() for line in split_lines(block.text)]
    return caption_line(lines[-1], block.line + len(lines) - 1) if len(lines) <= 2 else None


def caption_line(text: str, line: int) -> tuple[str, int] | None:
    """The words of a line when it is a caption: six words at most, or a short line ending with a colon."""
    words = inline.strip_markup(text).strip("#* ").rstrip()
    if not words or len(words) > 60 or (len(words.split()) > 6 and not words.endswith(":")):
        return None
    return words.rstrip(":").strip(), line

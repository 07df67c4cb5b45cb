"""Talks as an organizer names them: a schedule row and its block joined, the next talk, the one a selector names."""

from __future__ import annotations

from datetime import date

from ..errors import SelectorError
from ..model import Entry, EntryStatus, Frozen, Page, ScheduleEntry, Section, Speaker, Talk, frozen
from ..patterns import IGNORECASE, UNICODE, compiled
from .dates import is_tbd, parse_date
from .listings import listings
from .matching import match

_NUMERIC_DATE = compiled(r"\s*\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*")
_HONORIFIC = compiled(r"\b(dr|mr|mrs|ms|prof|professor)\b\.?", IGNORECASE)
_WORD = compiled(r"[^\W\d_]{3,}", UNICODE)


@frozen
class TalkRef(Frozen):
    """One talk of the page: its schedule row, its block and the block's section, its listing entry (each optional).

    A talk that only a list item, a heading or an HTML row holds has its `listed` entry alone.
    """

    entry: ScheduleEntry | None
    section: Section | None
    talk: Talk | None
    listed: Entry | None = None

    @property
    def date(self) -> date | None:
        """The talk's date, from its block when it has one."""
        if self.talk and self.talk.when and self.talk.when.date:
            return self.talk.when.date
        if self.entry is not None:
            return self.entry.date
        return self.listed.date if self.listed else None

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """The talk's speakers, from its block when it has one."""
        if self.talk and self.talk.speakers:
            return self.talk.speakers
        if self.entry is not None:
            return self.entry.speakers
        return self.listed.speakers if self.listed else ()

    @property
    def title(self) -> str:
        """The talk's title, from its block when it has one."""
        if self.talk:
            return self.talk.title
        if self.entry is not None:
            return self.entry.title or ""
        return self.listed.title or "" if self.listed else ""

    @property
    def cancelled(self) -> bool:
        """True when the block or the row marks the talk cancelled (or the row is struck through)."""
        return bool(
            (self.talk and self.talk.cancelled)
            or (self.entry and (self.entry.cancelled or self.entry.struck))
            or (self.listed and self.listed.status == "cancelled")
        )

    @property
    def status(self) -> EntryStatus:
        """Held, cancelled, no meeting that day, or a placeholder slot."""
        if self.cancelled:
            return "cancelled"
        return self.listed.status if self.listed else "held"

    @property
    def line(self) -> int:
        """Where the talk is on the page (its row, else its block, else its entry)."""
        if self.entry is not None:
            return self.entry.line
        if self.talk is not None:
            return self.talk.line
        return self.listed.line if self.listed else 0

    def describe(self) -> str:
        """`2026-01-22 Ann Lee: Title (line 56)`."""
        day = self.date.isoformat() if self.date else "TBD"
        names = ", ".join(speaker.name for speaker in self.speakers) or "?"
        title = self.title if self.title and not is_tbd(self.title) else "(no title yet)"
        return f"{day} {names}: {title} (line {self.line})"


def name_words(speakers: tuple[Speaker, ...]) -> set[str]:
    """The words of the speakers' names, without honorifics, lower case."""
    words: set[str] = set()
    for speaker in speakers:
        words.update(word.casefold() for word in _WORD.findall(_HONORIFIC.sub(" ", speaker.name)))
    return words


def talk_refs(page: Page) -> list[TalkRef]:
    """Every talk of the page: blocks joined to their rows (see `matching`), rows without a block, then the
    entries of the page's other listings (list items, headings, HTML rows, lines)."""
    found = match(page)
    rows = {id(pair.talk): pair.entry for pair in found.pairs}
    shown = {entry.line: entry for listing in listings(page) for entry in listing.entries}
    refs = [
        TalkRef(rows.get(id(talk)), section, talk, shown.get(row.line if (row := rows.get(id(talk))) else talk.line))
        for section, talk in page.talks()
    ]
    refs.extend(TalkRef(entry, None, None, shown.get(entry.line)) for entry in found.lonely_rows)
    refs.extend(
        TalkRef(None, None, None, entry)
        for listing in listings(page)
        if listing.shape not in ("table", "blocks")
        for entry in listing.entries
    )
    return refs


def find_talk(page: Page, selector: str) -> TalkRef:
    """The one talk `selector` names: a date, `next`, or words of a speaker's name or the title."""
    refs = talk_refs(page)
    wanted = selector.strip()
    if not wanted:
        raise SelectorError("the talk selector is empty", expected="a date, a speaker's name or words of the title")
    if wanted.casefold() == "next":
        found = [ref for ref in refs if ref.section is not None and ref.section.kind == "next"]
    else:
        day = parse_date(wanted, page.season_year).date
        if day is not None:
            found = [ref for ref in refs if ref.date == day]
            swapped = _day_first_reading(wanted, day)
            if not found and swapped is not None:  # `05/03/2024` on a page that writes the day first
                found = [ref for ref in refs if ref.date == swapped]
        else:
            words = wanted.casefold().split()
            found = [ref for ref in refs if all(word in _haystack(ref) for word in words)]
    if len(found) == 1:
        return found[0]
    listing = "\n".join(f"  {ref.describe()}" for ref in (found or refs))
    if not found:
        raise SelectorError(f"no talk matches {wanted!r}; the talks on the page are:\n{listing}", path=page.path)
    raise SelectorError(
        f"{wanted!r} matches {len(found)} talks; name one by its date or more words:\n{listing}", path=page.path
    )


def _day_first_reading(text: str, day: date) -> date | None:
    """The other reading of a numeric date such as `05/03/2024` (day and month swapped), if it exists."""
    if not _NUMERIC_DATE.fullmatch(text) or day.day > 12:
        return None
    return day.replace(month=day.day, day=day.month)


def _haystack(ref: TalkRef) -> str:
    names = " ".join(speaker.name for speaker in ref.speakers)
    entry_text = f"{ref.entry.name or ''} {ref.entry.title or ''}" if ref.entry else ""
    return f"{names} {ref.title} {entry_text}".casefold()


def next_talk(page: Page, today: date) -> TalkRef | None:
    """The next talk: the earliest on or after `today` that is not cancelled (one with a block on a tie).

    The one rule for "which talk is next": a cancelled talk, or a day without a meeting, is never next.
    """
    ahead = [
        ref
        for ref in talk_refs(page)
        if ref.date is not None and ref.date >= today and ref.status not in ("cancelled", "no-meeting")
    ]
    return min(ahead, key=lambda ref: (ref.date or date.max, ref.talk is None), default=None)


def is_next(page: Page, day: date | None, today: date) -> bool:
    """True when a talk on `day` (on the page) is the next talk, or shares its day."""
    found = next_talk(page, today)
    return day is not None and found is not None and found.date == day

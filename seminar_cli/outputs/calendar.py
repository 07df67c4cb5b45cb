"""The page's talks as calendar events: iCalendar (with its time zone), JSON or CSV.

One event per dated talk (a block, a schedule row, or both joined). Pure: the zone,
the series' hours, the time stamp and the previous export are parameters.

UIDs name the talk, not its date, so a rescheduled talk stays the same event: a
hash of the series (its permalink, else its title) and the speakers' names (without
honorifics, case or order). The title joins the key only when the same speakers give
two talks on the page (a title is often TBD when a talk is first exported, and filling
it in must not make a new event); a talk with neither speaker nor title is named by
its date. With a previous export, an event whose start, end, place or status changed
gets its SEQUENCE raised; an event that did not change at all keeps its DTSTAMP, so
exporting an unchanged page gives the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ..model import Link, Page, Speaker
from ..read.compare import name_tokens
from ..read.dates import is_tbd
from ..read.refs import TalkRef, talk_refs
from ..read.series import Hours, Slot, talk_slot
from .plain import plain_paragraphs

if TYPE_CHECKING:
    from icalendar import Calendar, Event

PRODID = "-//seminar-cli//seminar export//EN"
_MOVES = ("DTSTART", "DTEND", "LOCATION", "STATUS")


@dataclass(frozen=True, slots=True)
class TalkEvent:
    """One dated talk as a calendar event."""

    uid: str
    title: str
    speakers: tuple[Speaker, ...]
    affiliation: str | None
    slot: Slot
    location: str | None
    description: str
    cancelled: bool
    line: int

    @property
    def summary(self) -> str:
        """`Speaker: Title` (the speakers alone while the title is TBD)."""
        names = " and ".join(speaker.name for speaker in self.speakers)
        if names and self.title and not is_tbd(self.title):
            return f"{names}: {self.title}"
        return names or self.title or "TBD"


@dataclass(frozen=True, slots=True)
class Previous:
    """What an earlier export said about one event."""

    sequence: int
    stamp: datetime | None
    content: tuple[tuple[str, bytes], ...]


def talk_events(page: Page, tz: ZoneInfo, hours: Hours | None) -> list[TalkEvent]:
    """The page's dated talks as events, in date order (page order on the same day); a week without one is none."""
    refs = [
        (ref, slot)
        for ref in talk_refs(page)
        if ref.status != "no-meeting" and (slot := talk_slot(ref, tz, hours)) is not None
    ]
    keys = _keys(page, [ref for ref, _ in refs])
    found = [_event(ref, slot, keys[index]) for index, (ref, slot) in enumerate(refs)]
    return sorted(found, key=lambda event: (event.slot.day, event.line))


def _keys(page: Page, refs: list[TalkRef]) -> list[str]:
    """Each talk's identity: series and speakers; the title, then the date, only to tell twins apart."""
    front = page.front_matter
    series = (front.permalink or front.title or "") if front else ""
    titles = ["" if is_tbd(ref.title or "TBD") else " ".join(ref.title.casefold().split()) for ref in refs]
    keys = []
    for ref, title in zip(refs, titles, strict=True):
        people = _speaker_key(ref.speakers)
        keys.append(people or (f"title:{title}" if title else f"date:{ref.date}"))
    for extra in (titles, [f"date:{ref.date}" for ref in refs]):
        counts = Counter(keys)
        keys = [f"{key}|{extra[index]}" if counts[key] > 1 else key for index, key in enumerate(keys)]
    return [f"{series}|{key}" for key in keys]


def _speaker_key(speakers: tuple[Speaker, ...]) -> str:
    """The speakers' names without titles, case or accents, in any order (`Dr. Ann Lee` = `ann lee`)."""
    names = [" ".join(name_tokens(speaker.name)) for speaker in speakers if not is_tbd(speaker.name)]
    return ";".join(sorted(name for name in names if name))


def _event(ref: TalkRef, slot: Slot, key: str) -> TalkEvent:
    talk, entry = ref.talk, ref.entry
    speakers = tuple(speaker for speaker in ref.speakers if not is_tbd(speaker.name))
    location = (talk.location if talk else None) or (entry.location if entry else None)
    affiliation = (talk.affiliation if talk else None) or (entry.affiliation if entry else None)
    return TalkEvent(
        uid=hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@seminar-cli",
        title=ref.title,
        speakers=speakers,
        affiliation=affiliation or None,
        slot=slot,
        location=None if location is None or is_tbd(location) else location,
        description=_description(ref, speakers, affiliation),
        cancelled=ref.cancelled,
        line=ref.line,
    )


def _description(ref: TalkRef, speakers: tuple[Speaker, ...], affiliation: str | None) -> str:
    """Speakers with their links, the abstract as plain text, then the talk's links (slides, recording)."""
    parts = []
    if speakers:
        names = ", ".join(f"{speaker.name} ({speaker.url})" if speaker.url else speaker.name for speaker in speakers)
        parts.append(f"Speaker: {names}" + (f", {affiliation}" if affiliation else ""))
    talk = ref.talk
    if talk and talk.abstract and not is_tbd(talk.abstract):
        parts.append("\n\n".join(plain_paragraphs(talk.abstract)))
    links = list(talk.links) if talk else []
    if ref.entry and ref.entry.title_url:
        links.append(Link("Recording", ref.entry.title_url))
    if links:
        parts.append("\n".join(f"{link.label[:1].upper()}{link.label[1:]}: {link.url}" for link in links))
    return "\n\n".join(parts)


def to_ics(
    page: Page,
    events: list[TalkEvent],
    tz: ZoneInfo,
    *,
    stamp: datetime,
    previous: dict[str, Previous] | None = None,
) -> str:
    """An iCalendar file with a VTIMEZONE for `tz`; SEQUENCE raised for events that moved since `previous`."""
    from icalendar import Calendar, Timezone

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    front = page.front_matter
    if front and front.title:
        calendar.add("x-wr-calname", front.title)
    calendar.add("x-wr-timezone", tz.key)
    timed = [event.slot.day for event in events if not event.slot.all_day]
    if timed and tz.key != "UTC":
        first, last = date(min(timed).year, 1, 1), date(max(timed).year + 1, 1, 1)
        calendar.add_component(Timezone.from_tzinfo(tz, tzid=tz.key, first_date=first, last_date=last))
    for event in events:
        calendar.add_component(_vevent(event, stamp, (previous or {}).get(event.uid)))
    return str(calendar.to_ical().decode("utf-8"))


def _vevent(event: TalkEvent, stamp: datetime, previous: Previous | None) -> Event:
    from icalendar import Event

    item = Event()
    item.add("uid", event.uid)
    slot = event.slot
    if slot.start is not None and slot.end is not None:
        item.add("dtstart", slot.start)
        item.add("dtend", slot.end)
    else:
        item.add("dtstart", slot.day)
        item.add("dtend", slot.day + timedelta(days=1))
    item.add("summary", event.summary)
    if event.location:
        item.add("location", event.location)
    if event.description:
        item.add("description", event.description)
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    sequence, kept = 0, None
    if previous is not None:
        now = content_of(item)
        moved = [pair for pair in now if pair[0] in _MOVES] != [pair for pair in previous.content if pair[0] in _MOVES]
        sequence = previous.sequence + (1 if moved else 0)
        kept = previous.stamp if now == previous.content else None
    item.add("sequence", sequence)
    item.add("dtstamp", kept or stamp)
    return item


def content_of(item: Any) -> tuple[tuple[str, bytes], ...]:
    """An event's properties and parameters as bytes, without DTSTAMP and SEQUENCE, for comparing exports."""
    found = []
    for name, value in item.property_items(recursive=False):
        if name in ("BEGIN", "END", "DTSTAMP", "SEQUENCE"):
            continue
        params = getattr(value, "params", {})
        found.append(
            (name, b";".join(f"{key}={params[key]}".encode() for key in sorted(params)) + b":" + value.to_ical())
        )
    return tuple(sorted(found))


def read_previous(text: str) -> dict[str, Previous]:
    """The events of an earlier export, by UID."""
    from icalendar import Calendar

    calendar: Calendar = Calendar.from_ical(text)
    found: dict[str, Previous] = {}
    for item in calendar.walk("VEVENT"):
        stamp = item.decoded("dtstamp") if "DTSTAMP" in item else None
        sequence = int(item.get("sequence", 0))
        found[str(item.get("uid"))] = Previous(
            sequence, stamp if isinstance(stamp, datetime) else None, content_of(item)
        )
    return found


def _row(event: TalkEvent) -> dict[str, Any]:
    slot = event.slot
    return {
        "uid": event.uid,
        "date": slot.day.isoformat(),
        "start": slot.start.isoformat() if slot.start else None,
        "end": slot.end.isoformat() if slot.end else None,
        "all_day": slot.all_day,
        "summary": event.summary,
        "title": event.title,
        "speakers": [{"name": speaker.name, "url": speaker.url} for speaker in event.speakers],
        "affiliation": event.affiliation,
        "location": event.location,
        "status": "cancelled" if event.cancelled else "confirmed",
        "description": event.description,
        "line": event.line,
    }


def to_json(events: list[TalkEvent], tz: ZoneInfo) -> str:
    """The events as a JSON document (times in ISO 8601 with their offset)."""
    data = {"timezone": tz.key, "events": [_row(event) for event in events]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS = (
    "uid",
    "date",
    "start",
    "end",
    "all_day",
    "title",
    "speakers",
    "affiliation",
    "location",
    "status",
    "line",
)


def to_csv(events: list[TalkEvent]) -> str:
    """The events as CSV, one row each (speakers joined with `; `), no cell read as a spreadsheet formula."""
    stream = io.StringIO()
    writer = csv.DictWriter(stream, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for event in events:
        row = _row(event)
        row["speakers"] = "; ".join(speaker["name"] for speaker in row["speakers"])
        writer.writerow({key: _as_text(value) if isinstance(value, str) else value for key, value in row.items()})
    return stream.getvalue()


def _as_text(value: str) -> str:
    """A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or CR first), with an apostrophe first."""
    # Spreadsheets take a leading apostrophe as the mark of a text cell and do not show it.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value

"""The page model as plain data (JSON), for `show --json` and for comparing an edited page with the intended one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Entry, Listing, Organization, Page, ScheduleEntry, Section, Speaker, Talk
from ..read.listings import listings, unread_lines
from ..text.render import render_page
from .plain import plain_text


def page_data(page: Page, *, lines: bool = True, plain: bool = True) -> dict[str, Any]:
    """Everything a page says, as JSON-ready data; `lines=False` leaves out line numbers, `plain=False` plain texts."""
    front = page.front_matter
    schedule = page.schedule
    organization = page.organization
    return {
        "path": page.path,
        "title": front.title if front else None,
        "description": list(front.description) if front else [],
        "permalink": front.permalink if front else None,
        "season_year": page.season_year,
        "sections": [_section_data(section, lines) for section in page.sections if section.heading],
        "talks": [talk_data(section, talk, lines=lines, plain=plain) for section, talk in page.talks()],
        "schedule": [entry_data(entry, lines=lines) for entry in schedule.entries] if schedule else [],
        "organizers": _organizers(organization),
        "listings": [listing_data(listing, lines=lines) for listing in listings(page)],
        **({"unread": _unread(page)} if lines else {}),
    }


def listing_data(listing: Listing, *, lines: bool = True) -> dict[str, Any]:
    """One talk listing as data: its shape, where it stands, how its dates were read, and its entries."""
    dates = listing.dates
    data: dict[str, Any] = {
        "shape": listing.shape,
        "section": listing.section,
        "heading": listing.heading,
        "dates": {
            "order": dates.order,
            "year": dates.year,
            **(
                {
                    "order_evidence": dates.order_evidence,
                    "year_evidence": dates.year_evidence,
                    "unsettled_lines": list(dates.unsettled),
                }
                if lines  # the evidence names lines, which an edit moves
                else {}
            ),
        },
        "entries": [entry_listed(entry, lines=lines) for entry in listing.entries],
    }
    if lines:
        data["line"] = listing.line
    return data


def entry_listed(entry: Entry, *, lines: bool = True) -> dict[str, Any]:
    """One entry of a listing as data: date (ISO), time, speakers, title, status."""
    data: dict[str, Any] = {
        "date": entry.date.isoformat() if entry.date else None,
        "date_text": entry.date_text,
        "readings": [day.isoformat() for day in entry.readings],
        "date_error": entry.date_error,
        "start": entry.start.isoformat("minutes") if entry.start else None,
        "end": entry.end.isoformat("minutes") if entry.end else None,
        "status": entry.status,
        "title": entry.title,
        "speakers": _speakers(entry.speakers),
        "affiliation": entry.affiliation,
        "location": entry.location,
    }
    if lines:
        data["line"] = entry.line
    return data


def _unread(page: Page) -> list[dict[str, Any]]:
    found = unread_lines(page, render_page(page), listings(page))
    return [{"line": item.line, "text": item.text, "reason": item.reason} for item in found]


def _section_data(section: Section, lines: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": section.kind,
        "heading": section.heading.title if section.heading else None,
        "talks": len(section.talks),
    }
    if lines:
        data["line"] = section.line
    return data


def _speakers(speakers: tuple[Speaker, ...]) -> list[dict[str, Any]]:
    return [{"name": speaker.name, "url": speaker.url} for speaker in speakers]


def talk_data(section: Section, talk: Talk, *, lines: bool = True, plain: bool = True) -> dict[str, Any]:
    """One talk block as data: the abstract and bio as the page's markdown, and (`plain`) as plain text."""
    when = talk.when
    data: dict[str, Any] = {
        "section": section.kind,
        "title": talk.title,
        "cancelled": talk.cancelled,
        "speakers": _speakers(talk.speakers),
        "affiliation": talk.affiliation,
        "location": talk.location,
        "date": when.date.isoformat() if when and when.date else None,
        "start": when.start.isoformat("minutes") if when and when.start else None,
        "end": when.end.isoformat("minutes") if when and when.end else None,
        "timezone": when.tz if when else None,
        "weekday": when.weekday if when else None,
        "photos": [
            {"image": column.image, "link": column.link, "caption": list(column.caption)} for column in talk.photo
        ],
        "abstract": talk.abstract,
        "bio": talk.bio,
        "bio_label": talk.bio_label,
        "links": [{"label": link.label, "url": link.url} for link in talk.links],
    }
    if plain:
        data["abstract_text"] = plain_text(talk.abstract)
        data["bio_text"] = plain_text(talk.bio)
    if lines:
        data["line"] = talk.line
    return data


def entry_data(entry: ScheduleEntry, *, lines: bool = True) -> dict[str, Any]:
    """One schedule row as data."""
    data: dict[str, Any] = {
        "date": entry.date.isoformat() if entry.date else None,
        "date_text": entry.date_text,
        "start": entry.start.isoformat("minutes") if entry.start else None,
        "end": entry.end.isoformat("minutes") if entry.end else None,
        "tbd": entry.tbd,
        "struck": entry.struck,
        "cancelled": entry.cancelled,
        "location": entry.location,
        "name": entry.name,
        "speakers": _speakers(entry.speakers),
        "affiliation": entry.affiliation,
        "title": entry.title,
        "title_url": entry.title_url,
    }
    if lines:
        data["line"] = entry.line
    return data


def _organizers(organization: Organization | None) -> list[dict[str, Any]]:
    if organization is None:
        return []
    return [
        {"name": person.name, "url": person.url, "image": person.image, "caption": list(person.caption)}
        for person in organization.organizers
    ]


def difference(wanted: dict[str, Any], got: dict[str, Any]) -> tuple[str, str, str]:
    """Where two pages' data first differ, in the organizer's words, and what each says there."""
    where, expected, found = _first_difference(wanted, got)
    return _what(where, wanted), _said(found), _said(expected)


Where = tuple[str | int, ...]  # keys and indexes into the page's data, e.g. ("talks", 2, "speakers")


def _first_difference(wanted: object, got: object, where: Where = ()) -> tuple[Where, object, object]:
    if isinstance(wanted, dict) and isinstance(got, dict):
        for key in wanted:
            if wanted.get(key) != got.get(key):
                return _first_difference(wanted[key], got.get(key), (*where, key))
    if isinstance(wanted, list) and isinstance(got, list) and len(wanted) == len(got):
        for index, (one, other) in enumerate(zip(wanted, got, strict=True)):
            if one != other:
                return _first_difference(one, other, (*where, index))
    return where, wanted, got


_ITEMS = {"talks": "the talk", "schedule": "the schedule row", "organizers": "the organizer", "sections": "the section"}


def _what(where: Where, data: dict[str, object]) -> str:
    """A difference's place in the organizer's words: `the speakers of the talk 'Graphs'`."""
    if not where:
        return "the page"
    group = str(where[0])
    if len(where) == 1:
        return f"the page's {group}" if group not in _ITEMS else f"the list of {group}"
    items = data.get(group)
    item = items[where[1]] if isinstance(items, list) and isinstance(where[1], int) and where[1] < len(items) else {}
    name = _item_name(item)
    field = " ".join(str(key).replace("_", " ") for key in where[2:3])
    whose = f"{_ITEMS.get(group, group)} {name}".strip()
    if field == "talks":
        return f"the number of talks of {whose}"
    return f"the {field} of {whose}" if field else whose


def _item_name(item: object) -> str:
    if not isinstance(item, dict):
        return ""
    for key in ("title", "heading", "date_text", "name"):
        if item.get(key):
            return f"'{item[key]}'"
    return ""


def _said(value: object) -> str:
    """A value of the page's data as an organizer would say it."""
    if isinstance(value, dict):
        return _said(next((value[key] for key in ("name", "title", "label", "caption") if key in value), "something"))
    if isinstance(value, list) and value:
        return " and ".join(_said(item) for item in value)
    if value is None or value in ([], ""):
        return "nothing"
    return _SCALARS.get(type(value), str)(value)


_SCALARS: dict[type, Callable[[Any], str]] = {
    bool: lambda value: "yes" if value else "no",
    str: lambda value: f"'{value}'",
}

"""Generated listings of every shape, with dates in every format, read back as they were written.

A page is drawn with one listing: a pipe table (with or without outer pipes), an HTML table,
a bullet list in one of the patterns people use, a heading per talk, or a line per talk;
its dates in ISO, month-first or day-first numbers, dotted numbers, or month names (with
a weekday, an ordinal, or a year-less date under a term heading). The reader must find
the listing's shape, every date, every speaker and every title.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from seminar_cli.api import parse_page, render_page
from seminar_cli.read.listings import listings

FIRST = ("Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lena")
LAST = ("Alvarez", "Berg", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gallo", "Haddad", "Ivanova", "Jensen")
WORDS = ("Graphs", "Learning", "Tides", "Proofs", "Networks", "Fluids", "Models", "Spectra", "Kernels", "Storms")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _ordinal(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# How each format writes a date, and whether it needs the page to settle day/month order.
FORMATS = {
    "iso": lambda day: day.isoformat(),
    "month-first": lambda day: f"{day.month}/{day.day}/{day.year}",
    "day-first": lambda day: f"{day.day:02d}/{day.month:02d}/{day.year}",
    "dotted": lambda day: f"{day.day:02d}.{day.month:02d}.{day.year}",
    "month-name": lambda day: f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
    "ordinal": lambda day: f"{MONTHS[day.month - 1][:3]} {day.day}{_ordinal(day.day)} {day.year}",
    "weekday": lambda day: f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1][:3]} {day.year}",
    "year-less": lambda day: f"{MONTHS[day.month - 1][:3]} {day.day}",
}


@dataclass(frozen=True)
class Talk:
    day: date
    speakers: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class Spec:
    text: str
    shape: str
    talks: tuple[Talk, ...]


name = st.builds(lambda first, last: f"{first} {last}", st.sampled_from(FIRST), st.sampled_from(LAST))
title = st.lists(st.sampled_from(WORDS), min_size=2, max_size=4, unique=True).map(" ".join)


@st.composite
def talks(draw: st.DrawFn, year: int, fmt: str, least: int) -> tuple[Talk, ...]:
    offsets = draw(st.lists(st.integers(0, 330), min_size=least, max_size=6, unique=True))
    days = [date(year, 1, 1) + timedelta(days=offset) for offset in offsets]
    if fmt in ("month-first", "day-first", "dotted") and all(day.day <= 12 for day in days):
        days.append(date(year, 12, 20))  # a day above 12: the page settles which number is the day
    days.sort(reverse=draw(st.booleans()))
    people = st.lists(name, min_size=1, max_size=2, unique=True).map(tuple)
    return tuple(Talk(day, draw(people), draw(title)) for day in days)


def _names(talk: Talk) -> str:
    return " and ".join(talk.speakers)


def _table(items: tuple[Talk, ...], write: object, outer: bool) -> list[str]:
    rows = [["Date", "Speaker", "Title"], ["---", "---", "---"]]
    rows += [[write(talk.day), _names(talk), talk.title] for talk in items]  # type: ignore[operator]
    return [("| " + " | ".join(row) + " |") if outer else " | ".join(row) for row in rows]


def _html(items: tuple[Talk, ...], write: object) -> list[str]:
    lines = ["<table>", "  <tr><th>Date</th><th>Speaker</th><th>Title</th></tr>"]
    for talk in items:
        lines.append(f"  <tr><td>{write(talk.day)}</td><td>{_names(talk)}</td><td>{talk.title}</td></tr>")  # type: ignore[operator]
    return [*lines, "</table>"]


ITEM_PATTERNS = (
    lambda day, talk: f"- **{day}**: {talk.title} ({_names(talk)})",
    lambda day, talk: f"- {day}: [{talk.title}](https://talks.example.org/{len(talk.title)}) by {_names(talk)}",
    lambda day, talk: f"* {day} - *{talk.title}* - {_names(talk)}",
)


def _list(items: tuple[Talk, ...], write: object, pattern: int) -> list[str]:
    return [ITEM_PATTERNS[pattern](write(talk.day), talk) for talk in items]  # type: ignore[operator]


def _headings(items: tuple[Talk, ...], write: object) -> list[str]:
    lines: list[str] = []
    for talk in items:
        lines += [f"## {write(talk.day)}", "", f"**Speaker:** {_names(talk)}", "", f"**Title:** {talk.title}", ""]  # type: ignore[operator]
    return lines


def _lines(items: tuple[Talk, ...], write: object) -> list[str]:
    lines: list[str] = []
    for talk in items:
        lines += [f"{write(talk.day)} - {talk.title} - {_names(talk)}", ""]  # type: ignore[operator]
    return lines


@st.composite
def pages(draw: st.DrawFn) -> Spec:
    year = draw(st.integers(2015, 2030))
    fmt = draw(st.sampled_from(sorted(FORMATS)))
    shape = draw(st.sampled_from(["table", "bare-table", "html-table", "list", "headings", "paragraphs"]))
    items = draw(talks(year, fmt, 2 if shape == "paragraphs" else 1))  # one dated line alone is not a listing
    write = FORMATS[fmt]
    body = {
        "table": lambda: _table(items, write, outer=True),
        "bare-table": lambda: _table(items, write, outer=False),
        "html-table": lambda: _html(items, write),
        "list": lambda: _list(items, write, draw(st.integers(0, len(ITEM_PATTERNS) - 1))),
        "headings": lambda: _headings(items, write),
        "paragraphs": lambda: _lines(items, write),
    }[shape]()
    term = f"Talks of {year}" if fmt == "year-less" else "Talks"
    heading = "#" if shape == "headings" else "##"
    text = "\n".join(["# Example Series", "", "We meet weekly.", "", f"{heading} {term}", "", *body, ""])
    return Spec(text, {"bare-table": "table"}.get(shape, shape), items)


@given(pages())
def test_every_shape_and_date_format_reads_back(spec: Spec) -> None:
    page = parse_page(spec.text)
    assert render_page(page) == spec.text
    (listing,) = listings(page)
    assert listing.shape == spec.shape
    read = [(entry.date, tuple(speaker.name for speaker in entry.speakers), entry.title) for entry in listing.entries]
    assert read == [(talk.day, talk.speakers, talk.title) for talk in spec.talks]

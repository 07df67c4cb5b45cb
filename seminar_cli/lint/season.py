"""What the page says about its series: the season's years, usual hours and meeting day.

The season comes from the front matter (the permalink first), never from the talks alone:
a page whose front matter names no year gets no season checks.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import NamedTuple

from ..dates import WEEKDAYS, scan_time
from ..frontmatter import SEASON_KEYS, YEAR, season_values
from ..model import FrontMatter, Page
from ..source import body, split_lines

_SHORT_END = re.compile(r"\s*[-–—/]\s*(\d{2})(?!\d)")
_DAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.I)


class YearMention(NamedTuple):
    """A year written in the front matter's title, description or permalink."""

    year: int
    field: str
    line: int
    column: int


class Season(NamedTuple):
    """The season a page declares: its year, the years its talks may fall in, and who says so."""

    year: int
    first: int
    last: int
    source: str
    stale: YearMention | None = None


def front_matter_years(front: FrontMatter | None) -> list[YearMention]:
    """Every year in the title, description and permalink of the front matter, with its position."""
    if front is None:
        return []
    found: list[YearMention] = []
    lines = split_lines(front.text)
    for value in season_values(front):
        text = body(lines[value.line_index])[: value.end]
        number = front.line + value.line_index
        for year in YEAR.finditer(text, value.start):
            found.append(YearMention(int(year.group(1)), value.key, number, year.start() + 1))
            short = _SHORT_END.match(text, year.end())
            if short and int(short.group(1)) == (int(year.group(1)) + 1) % 100:  # `2025–26`
                found.append(YearMention(int(year.group(1)) + 1, value.key, number, short.start(1) + 1))
    return found


def season_of(page: Page, dates: list[date]) -> Season | None:
    """The season the front matter declares, or None when it names no year."""
    mentions = front_matter_years(page.front_matter)
    if not mentions or page.season_year is None:
        return None
    year, source, stale = page.season_year, "the front matter", None
    links = [mention for mention in mentions if mention.field == "permalink"]
    others = {mention.year for mention in mentions if mention.field != "permalink"}
    if links:
        source = "the permalink"
        linked = links[0].year
        if _majority_year(dates) == linked + 1 and linked + 1 in others and linked not in others:
            year, source, stale = linked + 1, "the front matter", links[0]
    first = last = year
    for field in SEASON_KEYS:
        years = {mention.year for mention in mentions if mention.field == field}
        if {year - 1, year} <= years:
            first = year - 1
        if {year, year + 1} <= years:
            last = year + 1
    return Season(year, first, last, source, stale)


def _majority_year(dates: list[date]) -> int | None:
    if len(dates) < 2:
        return None
    year, count = Counter(day.year for day in dates).most_common(1)[0]
    return year if count * 2 > len(dates) else None


def declared_labels(front: FrontMatter | None) -> list[str]:
    """Time-zone labels the description uses (`ET`)."""
    labels = []
    for line in front.description if front else ():
        slot = scan_time(line, None).slot
        if slot.tz:
            labels.append(slot.tz)
    return labels


def declared_weekday(front: FrontMatter | None) -> int | None:
    """The weekday the description names (`Every Other Thursday`), when it names exactly one."""
    days = {match.group(1).lower() for line in (front.description if front else ()) for match in _DAY.finditer(line)}
    return WEEKDAYS.index(days.pop()) if len(days) == 1 else None


def usual_weekday(dates: list[date]) -> int | None:
    """The weekday most of the page's dates fall on, when at least three do and they are most."""
    if len(dates) < 3:
        return None
    day, count = Counter(value.weekday() for value in dates).most_common(1)[0]
    return day if count * 5 >= len(dates) * 3 else None

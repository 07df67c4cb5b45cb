"""The series' time zone: from configuration, else from the labels its talks use (ET, CT, ...)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import UsageError
from .model import Page, Talk

LABEL_ZONES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "UTC": "UTC", "GMT": "UTC", "BST": "Europe/London", "CET": "Europe/Berlin", "CEST": "Europe/Berlin",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "IST": "Asia/Kolkata", "AoE": "Etc/GMT+12",
}  # fmt: skip


def zone(name: str) -> ZoneInfo:
    """A time zone by IANA name or by a label such as ET; a usage error when unknown."""
    try:
        return ZoneInfo(LABEL_ZONES.get(name, name))
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown time zone {name!r}", expected="an IANA name such as America/New_York") from None


def series_zone(page: Page, configured: str | None = None) -> ZoneInfo:
    """The zone the series' times are in: configured, else its most used label, else New York."""
    if configured:
        return zone(configured)
    labels = Counter(talk.when.tz for _, talk in page.talks() if talk.when and talk.when.tz)
    for label, _ in labels.most_common():
        if label in LABEL_ZONES:
            return ZoneInfo(LABEL_ZONES[label])
    return ZoneInfo("America/New_York")


def talk_end(talk: Talk, tz: ZoneInfo) -> datetime | None:
    """When a talk ends: its end time, else an hour after its start, else the end of its day."""
    when = talk.when
    if when is None or when.date is None:
        return None
    if when.end is not None:
        end = datetime.combine(when.date, when.end, tz)
        if when.start is not None and when.end <= when.start:
            end += timedelta(days=1)
        return end
    if when.start is not None:
        return datetime.combine(when.date, when.start, tz) + timedelta(hours=1)
    return datetime.combine(when.date + timedelta(days=1), time(0), tz)


def start_of(day: date, tz: ZoneInfo) -> datetime:
    """Midnight at the start of `day` in the series' zone."""
    return datetime.combine(day, time(0), tz)

"""Time zones: the series' zone (configured, else from the labels its talks use: ET, CT, ...),
the zone a label names, and the label a zone uses on a date (EST in winter, EDT in summer)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from ..errors import UsageError
from ..model import Page, Talk

TYPE_CHECKING = False
if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

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
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # when a zone is needed, not at start-up

    try:
        return ZoneInfo(LABEL_ZONES.get(name, name))
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        raise UsageError(f"unknown time zone {name!r}", expected="an IANA name such as America/New_York") from None


def series_zone(page: Page, configured: str | None = None) -> ZoneInfo:
    """The zone the series' times are in: configured, else its most used label, else New York."""
    if configured:
        return zone(configured)
    from zoneinfo import ZoneInfo

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


# Labels that name standard or daylight time, and the zone that uses them when none is configured.
SEASONAL = {
    "EST": "America/New_York", "EDT": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "BST": "Europe/London",
    "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "EET": "Europe/Helsinki", "EEST": "Europe/Helsinki",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
}  # fmt: skip
GENERIC = {"America/New_York": "ET", "America/Chicago": "CT", "America/Denver": "MT", "America/Los_Angeles": "PT"}


@lru_cache(maxsize=64)
def find_zone(name: str) -> tzinfo | None:
    """The zone of an IANA name, or None when this system has no time-zone data for it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        return None


def zone_of_labels(labels: list[str]) -> str | None:
    """The zone most of a page's labels (`ET`, `EDT`) point to."""
    names = [LABEL_ZONES[label] for label in labels if label in LABEL_ZONES]
    return Counter(names).most_common(1)[0][0] if names else None


def zone_of_label(label: str | None) -> str | None:
    """The zone a label such as `ET`, `EST` or `PDT` names, when it names one."""
    return LABEL_ZONES.get(label or "") or SEASONAL.get(label or "")


def label_on(name: str, day: date, at: time | None) -> str | None:
    """The abbreviation zone `name` uses at that date and time (`EDT`)."""
    found = find_zone(name)
    if found is None:
        return None
    return datetime.combine(day, at or time(12), tzinfo=found).tzname()


def labels_of(name: str, year: int) -> set[str]:
    """The abbreviations a zone uses in winter and in summer of a year."""
    return {label for day in (date(year, 1, 15), date(year, 7, 15)) if (label := label_on(name, day, None))}


def expected_label(written: str, configured: str | None, day: date, at: time | None) -> tuple[str, str] | None:
    """(zone, the label it uses then) when `written` is a seasonal label of a known zone."""
    if written not in SEASONAL:
        return None
    name = configured if configured and written in labels_of(configured, day.year) else SEASONAL[written]
    label = label_on(name, day, at)
    return (name, label) if label else None

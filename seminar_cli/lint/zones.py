"""Time-zone labels: which zone a label belongs to and which label a zone uses on a date."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, tzinfo
from functools import lru_cache

from .config import LABEL_ZONES

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
def zone(name: str) -> tzinfo | None:
    """The zone of an IANA name, or None when this system has no time-zone data for it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
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
    found = zone(name)
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

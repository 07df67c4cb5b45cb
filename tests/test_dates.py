"""Dates and talk times as people write them."""

from __future__ import annotations

from datetime import date, time

import pytest

from seminar_cli.read.dates import format_date, parse_date, scan_time, weekday_name


@pytest.mark.parametrize(
    ("text", "expected", "pattern"),
    [
        ("01-22-2026", date(2026, 1, 22), "%m-%d-%Y"),
        ("03/28/2024", date(2024, 3, 28), "%m/%d/%Y"),
        ("10/19", date(2023, 10, 19), "%m/%d"),
        ("2026-01-22", date(2026, 1, 22), "%Y-%m-%d"),
        ("1/5/2026", date(2026, 1, 5), "%-m/%-d/%Y"),
        ("Jan 22, 2026", date(2026, 1, 22), "%b %d, %Y"),
        ("September 3", date(2023, 9, 3), "%B %-d"),
    ],
)
def test_parse_date_keeps_the_pattern(text: str, expected: date, pattern: str) -> None:
    parsed = parse_date(text, 2023)
    assert (parsed.date, parsed.pattern) == (expected, pattern)
    assert format_date(expected, pattern) == text


@pytest.mark.parametrize("text", ["TBD", "TBA", "tbd", "To be announced", "?"])
def test_tbd(text: str) -> None:
    parsed = parse_date(text, 2026)
    assert parsed.tbd and parsed.date is None and parsed.error is None


def test_impossible_and_unknown_dates_say_why() -> None:
    assert parse_date("02/30/2026", 2026).error == "'02/30/2026' is not a date that exists"
    assert parse_date("02/30/2026", 2026).date is None
    assert "not a date in a known format" in str(parse_date("next week", 2026).error)
    assert "no year" in str(parse_date("10/19", None).error)


@pytest.mark.parametrize(
    ("text", "day", "start", "end", "tz", "weekday"),
    [
        ("10-11 am ET, Thursday, 10/19/2023", date(2023, 10, 19), time(10), time(11), "ET", "Thursday"),
        ("11:00 a.m. - 12 p.m. ET, Thursday, 03/21/2024", date(2024, 3, 21), time(11), time(12), "ET", "Thursday"),
        ("10-11 a.m. ET, Monday, 04/25/2024", date(2024, 4, 25), time(10), time(11), "ET", "Monday"),
        ("03/28/2024, 2:00 PM - 4:00 PM (ET)", date(2024, 3, 28), time(14), time(16), "ET", None),
        ("06/28/2024, 9:00 AM - 12:00 PM (ET)", date(2024, 6, 28), time(9), time(12), "ET", None),
        ("11am - noon ET, Thursday, 01/09/2025", date(2025, 1, 9), time(11), time(12), "ET", "Thursday"),
        ("11-1 pm ET, Tue, 01/06/2026", date(2026, 1, 6), time(11), time(13), "ET", "Tue"),
        ("10:00 a.m. - 11 p.m. ET, Thursday, 01/22/2026", date(2026, 1, 22), time(10), time(23), "ET", "Thursday"),
        ("3–4 pm EDT, Tuesday, 09/09/2025", date(2025, 9, 9), time(15), time(16), "EDT", "Tuesday"),
    ],
)
def test_scan_time(text: str, day: date, start: time, end: time, tz: str, weekday: str | None) -> None:
    slot = scan_time(text, None).slot
    assert (slot.date, slot.start, slot.end, slot.tz, slot.weekday) == (day, start, end, tz, weekday)


def test_scan_time_spans_point_at_the_tokens() -> None:
    text = "10:00 a.m. - 11 a.m. ET, Thursday, 01/22/2026"
    scan = scan_time(text, None)
    assert scan.date_span and text[slice(*scan.date_span)] == "01/22/2026"
    assert scan.weekday_span and text[slice(*scan.weekday_span)] == "Thursday"
    assert scan.range_span and text[slice(*scan.range_span)] == "10:00 a.m. - 11 a.m."
    assert scan.date_pattern == "%m/%d/%Y"


def test_weekday_name_follows_the_written_form() -> None:
    assert weekday_name(date(2026, 1, 22)) == "Thursday"
    assert weekday_name(date(2026, 1, 22), "Mon") == "Thu"
    assert weekday_name(date(2026, 1, 22), "MONDAY") == "THURSDAY"
    assert weekday_name(date(2026, 1, 22), "Tue.") == "Thu."

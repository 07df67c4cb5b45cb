"""Dates and talk times as people write them."""

from __future__ import annotations

from datetime import date, time

import pytest

from seminar_cli.model import TimeSlot
from seminar_cli.read.dates import (
    DateText,
    find_date,
    format_date,
    is_tbd,
    parse_date,
    scan_time,
    weekday_index,
    weekday_name,
)


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


@pytest.mark.parametrize(
    ("text", "expected", "pattern"),
    [
        ("1/5/26", date(2026, 1, 5), "%-m/%-d/%y"),
        ("12/31/05", date(2005, 12, 31), "%m/%d/%y"),
        ("01.05.2026", date(2026, 1, 5), "%m.%d.%Y"),
        ("Mar 3 2026", date(2026, 3, 3), "%b %-d %Y"),
        ("Jan. 5", date(2026, 1, 5), "%b. %-d"),
        ("May 5", date(2026, 5, 5), "%B %-d"),
        ("Dec 25, 2026", date(2026, 12, 25), "%b %d, %Y"),
        ("June 5, 2026", date(2026, 6, 5), "%B %-d, %Y"),
        ("2026-1-22", date(2026, 1, 22), "%Y-%-m-%d"),
        ("2026-01-5", date(2026, 1, 5), "%Y-%m-%-d"),
    ],
)
def test_two_digit_years_dotted_dates_and_month_names_read_and_write_back(
    text: str, expected: date, pattern: str
) -> None:
    parsed = parse_date(text, 2026)
    assert (parsed.date, parsed.pattern) == (expected, pattern)
    assert format_date(expected, pattern) == text


def test_a_date_is_the_whole_value_once_trimmed() -> None:
    assert parse_date(" 01/05/2026 ", None).date == date(2026, 1, 5)
    assert parse_date("March 3rd, 2026", None).date == date(2026, 3, 3)
    assert parse_date("01/05/2026 at noon", None).error == "'01/05/2026 at noon' is not a date in a known format"
    assert parse_date("13/13/13", None).error == "'13/13/13' is not a date that exists"


def test_the_first_date_of_a_line_is_found_and_a_time_range_is_not_one() -> None:
    assert find_date("on 10-11 am, 01/22/2026", None) == (DateText(date(2026, 1, 22), "%m/%d/%Y"), (13, 23))
    assert find_date("Jan 5, 2026 (01/06/2026)", None) == (DateText(date(2026, 1, 5), "%b %-d, %Y"), (0, 11))
    assert find_date("01/06/2026 or Jan 5, 2026", None) == (DateText(date(2026, 1, 6), "%m/%d/%Y"), (0, 10))
    assert find_date("10/19 (2026-10-20)", 2023) == (DateText(date(2023, 10, 19), "%m/%d"), (0, 5))
    assert find_date("10-11 am", 2026) is None
    impossible = DateText(None, "%m/%d/%Y", error="'02/30/2026' is not a date that exists")
    assert find_date("Mon, 02/30/2026", None) == (impossible, (5, 15))
    assert find_date("10/19", None) == (
        DateText(None, "%m/%d", error="the date has no year and the page gives none"),
        (0, 5),
    )


@pytest.mark.parametrize(("text", "tbd"), [("TBC", True), ("to be confirmed", True), ("N/A.", True), ("---", True),
                                           (" tbd ", True), ("TBD soon", False), ("", False)])  # fmt: skip
def test_tbd_and_its_spellings(text: str, tbd: bool) -> None:
    assert is_tbd(text) is tbd


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12 a.m. - 1 a.m.", time(0), time(1)),
        ("12 p.m.", time(12), None),
        ("12 a.m.", time(0), None),
        ("2 pm", time(14), None),
        ("9 pm", time(21), None),
        ("1-2 am", time(1), time(2)),
        ("9-10 pm", time(21), time(22)),
        ("9 pm - 10", time(21), time(22)),
        ("11 pm - 12", time(23), time(0)),
        ("10:30-11 am", time(10, 30), time(11)),
        ("10:30 am - 11", time(10, 30), time(11)),
        ("2:15-2:45 pm", time(14, 15), time(14, 45)),
        ("10 - midnight", time(22), time(0)),
        ("midnight-1 am", time(0), time(1)),
        ("noon-1", time(12), time(13)),
        ("2-2 pm", time(14), time(14)),
        ("2 pm - 2", time(14), time(14)),
        ("11 am - 1", time(11), time(13)),
        ("11 pm - 1", time(23), time(1)),
        ("1-2", time(13), time(14)),
        ("8-9", time(8), time(9)),
        ("12-1", time(12), time(13)),
        ("11:30 a.m. to 12:30 p.m.", time(11, 30), time(12, 30)),
        ("10.30-11.30 am", time(10, 30), time(11, 30)),
        ("23:59-0:00", time(23, 59), time(0)),
        ("10:75 am", None, None),
        ("10:60 am", None, None),
        ("24:00-25:00", None, None),
    ],
)
def test_times_at_the_edges_of_the_clock(text: str, start: time | None, end: time | None) -> None:
    slot = scan_time(text, None).slot
    assert (slot.start, slot.end) == (start, end)


def test_a_line_without_a_date_weekday_time_or_zone_reads_as_empty() -> None:
    scan = scan_time("nothing yet", 2026)
    assert scan.slot == TimeSlot(None, None, None, None, None, None)
    assert (scan.date_span, scan.date_pattern, scan.weekday_span, scan.range_span, scan.tz_span) == (None,) * 5


def test_a_time_line_with_a_dashed_date_a_yearless_one_or_one_that_does_not_exist() -> None:
    slot = scan_time("01-22-2026, 2 pm", None).slot  # the date's dashes are no time range
    assert (slot.date, slot.start, slot.end) == (date(2026, 1, 22), time(14), None)
    assert scan_time("10-11 am, 01/22", 2026).slot.date == date(2026, 1, 22)
    slot = scan_time("10-11 am, 02/30/2026", None).slot
    assert (slot.date, slot.date_text, slot.date_error) == (
        None,
        "02/30/2026",
        "'02/30/2026' is not a date that exists",
    )


def test_the_zone_is_read_outside_the_date_and_the_time() -> None:
    scan = scan_time("Fri., 10.30-11.30 am (UTC) 01/09/2026", None)
    assert (scan.slot.tz, scan.slot.weekday, scan.slot.date_text) == ("UTC", "Fri.", "01/09/2026")
    assert (scan.weekday_span, scan.range_span, scan.tz_span) == ((0, 4), (6, 20), (21, 26))


def test_weekday_names_follow_the_written_case_and_length() -> None:
    assert weekday_name(date(2026, 1, 22), "thu") == "thu"
    assert weekday_name(date(2026, 1, 22), "Tues") == "Thur"
    assert weekday_name(date(2026, 1, 22), "friday") == "thursday"
    assert weekday_name(date(2026, 1, 22), "Sunday.") == "Thursday."
    assert weekday_name(date(2026, 1, 25), "MON") == "SUN"


@pytest.mark.parametrize(
    ("written", "index"), [("Mon", 0), ("Thurs.", 3), ("Th.", 3), ("Weds", 2), ("tue", 1), ("Sunday", 6), ("xyz", None)]
)
def test_weekday_index(written: str, index: int | None) -> None:
    assert weekday_index(written) == index


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("7-8", time(19), time(20)),  # a start read as afternoon takes its end with it
        ("6:30 - 7:45", time(18, 30), time(19, 45)),
        ("11-1", time(11), time(13)),
        ("10-11", time(10), time(11)),
        ("9-12", time(9), time(12)),
        ("12 - midnight", time(12), time(0)),  # noon to midnight, not midnight to midnight
        ("9 - midnight", time(21), time(0)),
        ("10 pm - midnight", time(22), time(0)),
        ("11 - noon", time(11), time(12)),
    ],
)
def test_hours_without_am_or_pm_never_end_before_they_start(text: str, start: time, end: time) -> None:
    slot = scan_time(f"{text}, 01/22/2026", None).slot
    assert (slot.start, slot.end) == (start, end)

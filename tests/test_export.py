"""Calendar export: the .ics of every page parses back, one event per dated talk, in the series' zone."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import EXAMPLES, read, shared_page, shared_pages
from typer.testing import CliRunner

from seminar_cli import api
from seminar_cli.cli.app import app
from seminar_cli.edit import talks
from seminar_cli.edit.result import Edit
from seminar_cli.edit.talk_block import TalkDetails
from seminar_cli.edit.update_talk import update_talk
from seminar_cli.model import Page
from seminar_cli.outputs.calendar import read_previous, talk_events, to_csv, to_ics, to_json
from seminar_cli.read.refs import find_talk, talk_refs
from seminar_cli.read.series import usual_hours
from seminar_cli.read.zones import series_zone

NEW_YORK = ZoneInfo("America/New_York")
STAMP = datetime(2026, 1, 1, 12, tzinfo=UTC)
# Our pages of the long talk blocks (their talks keep hours in New York), and the real pages of that shape.
BLOCK_PAGES = [EXAMPLES / name for name in ("ml-seminar-2026.md", "reading-group-2025.md", "tutorial-series-2025.md")]
PAGES = [*BLOCK_PAGES, *shared_pages()]
OTHER_SHAPES = sorted(set(EXAMPLES.glob("*.md")) - set(BLOCK_PAGES))


def ics_of(page: Page, *, stamp: datetime = STAMP, previous: str | None = None) -> str:
    tz = series_zone(page)
    events = talk_events(page, tz, usual_hours(page))
    return to_ics(page, events, tz, stamp=stamp, previous=read_previous(previous) if previous else None)


def vevents(text: str) -> list[icalendar.Event]:
    return [item for item in icalendar.Calendar.from_ical(text).walk("VEVENT") if isinstance(item, icalendar.Event)]


@pytest.mark.parametrize("path", OTHER_SHAPES, ids=lambda path: path.name)
def test_pages_of_every_shape_export_one_event_per_dated_talk(path: Path) -> None:
    """Lists, headings, HTML and term tables export their talks too; a week without a meeting is no event."""
    page = api.parse_page(read(path), str(path))
    events = vevents(ics_of(page))
    dated = [ref for ref in talk_refs(page) if ref.date is not None and ref.status != "no-meeting"]
    assert len(events) == len(dated) > 0
    assert sorted(event.decoded("dtstart").isoformat()[:10] for event in events) == sorted(
        ref.date.isoformat() for ref in dated if ref.date
    )
    statuses = {str(event["STATUS"]) for event in events}
    assert statuses <= {"CONFIRMED", "CANCELLED"}
    assert ("CANCELLED" in statuses) == any(ref.cancelled for ref in dated)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_every_page_exports_one_event_per_dated_talk_that_parses_back(path: Path) -> None:
    page = api.parse_page(read(path), str(path))
    text = ics_of(page)
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    dated = [ref for ref in talk_refs(page) if ref.date is not None]
    assert len(events) == len(dated) > 0
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    for event in events:
        start = event.decoded("dtstart")
        assert isinstance(start, datetime)
        assert start.tzinfo is not None and str(event["DTSTART"].params["TZID"]) == "America/New_York"
        assert event.decoded("dtend") > start
        assert event["STATUS"] in ("CONFIRMED", "CANCELLED")
        assert ": " in str(event["SUMMARY"]) or str(event["SUMMARY"])
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    hours = usual_hours(page)
    for event, talk in zip(events, talk_events(page, NEW_YORK, hours), strict=True):
        start = event.decoded("dtstart")
        assert start == talk.slot.start and start.date() == talk.slot.day
        ref = next(ref for ref in dated if ref.line == talk.line)
        wanted = (
            ref.talk.when.start if ref.talk and ref.talk.when and ref.talk.when.start else hours[0] if hours else None
        )
        assert start.time() == wanted  # the page's own time, else the series' usual hours


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_uids_are_the_same_across_two_exports(path: Path) -> None:
    page = api.parse_page(read(path), str(path))
    first = [str(event["UID"]) for event in vevents(ics_of(page, stamp=STAMP))]
    again = api.parse_page(read(path), "elsewhere/copy.md")
    second = [str(event["UID"]) for event in vevents(ics_of(again, stamp=STAMP + timedelta(days=40)))]
    assert first == second


# (page, talk date, hour and minute the page gives, UTC offset in hours): winter and summer both right.
TIMES = [
    ("examples/ml-seminar-2026.md", date(2026, 9, 10), (10, 0), -4),
    ("examples/ml-seminar-2026.md", date(2026, 12, 3), (10, 0), -5),
    ("examples/ml-seminar-2026.md", date(2026, 12, 17), (10, 0), -5),  # a row without a block: usual hours
    ("examples/reading-group-2025.md", date(2025, 9, 9), (15, 0), -4),  # MM/DD rows, hours from the description
    ("examples/reading-group-2025.md", date(2025, 11, 18), (15, 0), -5),
    ("examples/tutorial-series-2025.md", date(2025, 8, 21), (13, 0), -4),
    ("shared/ai-seminar-2023.md", date(2023, 8, 3), (10, 0), -4),
    ("shared/ai-seminar-2024.md", date(2024, 7, 11), (10, 0), -4),
    ("shared/ai-seminar-2024.md", date(2024, 8, 22), (11, 0), -4),
    ("shared/ai-seminar-2024.md", date(2024, 12, 5), (10, 0), -5),
    ("shared/ai-tutorial-2024.md", date(2024, 3, 28), (14, 0), -4),
    ("shared/ai-tutorial-2024.md", date(2024, 12, 13), (9, 0), -5),
    ("shared/ai-seminar-2025-feb.md", date(2025, 2, 27), (11, 0), -5),
    ("shared/ai-seminar-2026-jan27.md", date(2026, 1, 22), (10, 0), -5),
]


@pytest.mark.parametrize(("name", "day", "clock", "offset"), TIMES, ids=lambda value: str(value))
def test_dtstart_is_in_the_named_zone_at_the_time_the_page_gives(
    name: str, day: date, clock: tuple[int, int], offset: int
) -> None:
    kind, _, file = name.partition("/")
    path = shared_page(file) if kind == "shared" else EXAMPLES / file
    page = api.parse_page(read(path), str(path))
    starts = [event.decoded("dtstart") for event in vevents(ics_of(page))]
    start = next(moment for moment in starts if moment.date() == day)
    assert (start.hour, start.minute) == clock
    assert start.utcoffset() == timedelta(hours=offset)
    assert getattr(start.tzinfo, "key", str(start.tzinfo)) == "America/New_York"


def edited(page: Page, operation: object) -> Page:
    result = api.edit_text(api.render_page(page), operation, page.path)  # type: ignore[arg-type]
    return api.parse_page(result.after, page.path)


def example(name: str = "ml-seminar-2026.md") -> Page:
    return api.parse_page(read(EXAMPLES / name), name)


def test_a_moved_talk_keeps_its_uid_and_gets_its_sequence_raised() -> None:
    page = example()
    before = ics_of(page)
    moved = edited(page, lambda p, s: talks.reschedule(p, s, find_talk(p, "Marchetti"), day=date(2026, 12, 10)))
    after = ics_of(moved, stamp=STAMP + timedelta(days=3), previous=before)
    old = {str(event["UID"]): event for event in vevents(before)}
    new = {str(event["UID"]): event for event in vevents(after)}
    assert old.keys() == new.keys()
    changed = [uid for uid in new if new[uid]["SEQUENCE"] != old[uid]["SEQUENCE"]]
    assert len(changed) == 1
    event = new[changed[0]]
    assert event["SEQUENCE"] == 1 and event.decoded("dtstart").date() == date(2026, 12, 10)
    assert event.decoded("dtstamp") == STAMP + timedelta(days=3)
    for uid in new.keys() - {changed[0]}:  # unchanged events keep their DTSTAMP and SEQUENCE
        assert new[uid].decoded("dtstamp") == STAMP and new[uid]["SEQUENCE"] == 0
    again = ics_of(moved, stamp=STAMP + timedelta(days=9), previous=after)
    assert again == after  # exporting an unchanged page again gives the same bytes


def test_filling_in_a_title_keeps_the_uid_and_the_sequence() -> None:
    page = example()
    before = ics_of(page)
    details = TalkDetails(title="Anomaly Detection for Beamlines")

    def fill(p: Page, s: object) -> Edit:
        return update_talk(p, s, find_talk(p, "Ashworth"), details, today=date(2026, 11, 1))  # type: ignore[arg-type]

    after = ics_of(edited(page, fill), previous=before)
    old = {str(event["UID"]): event for event in vevents(before)}
    new = {str(event["UID"]): event for event in vevents(after)}
    assert old.keys() == new.keys()
    renamed = [uid for uid in new if new[uid]["SUMMARY"] != old[uid]["SUMMARY"]]
    assert [str(new[uid]["SUMMARY"]) for uid in renamed] == ["Daniel Ashworth: Anomaly Detection for Beamlines"]
    assert new[renamed[0]]["SEQUENCE"] == 0  # the title is not a move


def test_a_cancelled_talk_is_status_cancelled() -> None:
    page = edited(example(), lambda p, s: talks.cancel(p, s, find_talk(p, "Marchetti"), remove=False))
    statuses = {str(event["SUMMARY"]).split(":")[0]: event["STATUS"] for event in vevents(ics_of(page))}
    assert statuses["Elena Marchetti"] == "CANCELLED"
    assert statuses["Hannah Okafor"] == "CONFIRMED"


def test_the_real_pages_cancelled_talk_is_cancelled() -> None:
    path = shared_page("ai-seminar-2024.md")
    events = vevents(ics_of(api.parse_page(read(path), str(path))))
    cancelled = [event for event in events if event["STATUS"] == "CANCELLED"]
    assert [event.decoded("dtstart").date() for event in cancelled] == [date(2024, 6, 20)]


def test_summary_location_and_description() -> None:
    event = next(event for event in vevents(ics_of(example())) if "Okafor" in str(event["SUMMARY"]))
    assert str(event["SUMMARY"]) == (
        "Hannah Okafor: Closing the Loop: Active Learning for Autonomous Electron Microscopy"
    )
    assert str(event["LOCATION"]) == "Building 12, Room 204 and Zoom"
    description = str(event["DESCRIPTION"])
    assert description.startswith("Speaker: Hannah Okafor (https://people.example.org/hokafor), Westbrook College\n\n")
    assert "Electron microscopes produce" in description


def test_links_and_recordings_go_into_the_description() -> None:
    slides = next(
        event for event in vevents(ics_of(example("tutorial-series-2025.md"))) if "Lindgren" in str(event["SUMMARY"])
    )
    assert "Slides: https://files.example.org/dsi-tutorials/2025-08-21-jax-intro.pdf" in str(slides["DESCRIPTION"])
    recorded = next(
        event for event in vevents(ics_of(example("reading-group-2025.md"))) if "Lund" in str(event["SUMMARY"])
    )
    assert "Recording: https://video.example.org/sciml-rg/2025-10-07" in str(recorded["DESCRIPTION"])


SMALL = """---
title: Harbor Reading Circle
permalink: /events/circle-2026/
---

# Schedule

| Date | Name | Talk |
| --- | --- | --- |
| 03/05/2026 | Ann Lee | Sparse Models |
| 03/19/2026 | TBD | TBD |
| TBD | Bo Chen | Kernels |
"""


def test_a_page_without_hours_gives_all_day_events_and_skips_undated_talks() -> None:
    page = api.parse_page(SMALL, "circle.md")
    events = vevents(ics_of(page))
    assert [event.decoded("dtstart") for event in events] == [date(2026, 3, 5), date(2026, 3, 19)]
    assert [event.decoded("dtend") for event in events] == [date(2026, 3, 6), date(2026, 3, 20)]
    assert [str(event["SUMMARY"]) for event in events] == ["Ann Lee: Sparse Models", "TBD"]
    assert "BEGIN:VTIMEZONE" not in ics_of(page)


def test_twins_get_different_uids() -> None:
    text = SMALL.replace("| 03/19/2026 | TBD | TBD |", "| 03/19/2026 | Ann Lee | Dense Models |")
    text = text.replace("| TBD | Bo Chen | Kernels |", "| 04/02/2026 | TBD | TBD |\n| 04/16/2026 | TBD | TBD |")
    uids = [str(event["UID"]) for event in vevents(ics_of(api.parse_page(text, "circle.md")))]
    assert len(uids) == 4 == len(set(uids))


def test_json_and_csv_give_the_same_events() -> None:
    page = example()
    events = talk_events(page, NEW_YORK, usual_hours(page))
    data = json.loads(to_json(events, NEW_YORK))
    rows = list(csv.DictReader(io.StringIO(to_csv(events))))
    assert [item["uid"] for item in data["events"]] == [row["uid"] for row in rows] == [event.uid for event in events]
    assert data["events"][0]["start"] == "2026-09-10T10:00:00-04:00"
    assert rows[-1]["speakers"] == "Daniel Ashworth"


runner = CliRunner()


def test_the_command_writes_an_ics_file_that_imports(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    out = tmp_path / "seminar.ics"
    result = runner.invoke(app, ["export", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{out}: 5 events" in result.stdout
    first = out.read_text()
    assert len(vevents(first)) == 5
    again = runner.invoke(app, ["export", str(page), "-o", str(out)])
    assert again.exit_code == 2 and "exists" in again.stderr and "--force" in again.stderr
    assert runner.invoke(app, ["export", str(page), "-o", str(out), "--force"]).exit_code == 0
    assert out.read_text() == first  # the -o file is the previous export: nothing changed, same bytes


def test_the_zone_comes_from_the_configuration_or_the_option(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    (tmp_path / ".seminar.toml").write_text('timezone = "America/Chicago"\n')
    result = runner.invoke(app, ["export", str(page)])
    assert result.exit_code == 0, result.output
    assert "DTSTART;TZID=America/Chicago:20260910T100000" in result.stdout
    result = runner.invoke(app, ["export", str(page), "--timezone", "UTC"])
    assert "DTSTART:20260910T100000Z" in result.stdout and "BEGIN:VTIMEZONE" not in result.stdout


def test_a_previous_file_that_is_not_a_calendar_is_a_usage_error(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    result = runner.invoke(app, ["export", str(page), "--previous", str(page)])
    assert result.exit_code == 2
    assert "is not an iCalendar file" in result.stderr


def test_an_output_that_is_not_a_calendar_or_is_the_page_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    notes = tmp_path / "notes.txt"
    notes.write_text("BEGIN:VCALENDAR\nnot really\n")
    result = runner.invoke(app, ["export", str(page), "-o", str(notes), "--force"])
    assert result.exit_code == 2 and "-o" in result.stderr and "is not an iCalendar file" in result.stderr
    assert notes.read_text() == "BEGIN:VCALENDAR\nnot really\n"
    result = runner.invoke(app, ["export", str(page), "--format", "json", "-o", str(page)])
    assert result.exit_code == 2 and "names the page itself" in result.stderr
    assert page.read_bytes() == (EXAMPLES / "ml-seminar-2026.md").read_bytes()

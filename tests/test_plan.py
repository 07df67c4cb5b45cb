"""plan: the rule an organizer writes, local clock times across daylight saving, open slots, --add."""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import EXAMPLES, invoke, read
from typer.testing import CliRunner

from seminar_cli import api
from seminar_cli.edit.plan import Recurrence, occurrences, open_slots, parse_every, slot_line
from seminar_cli.errors import UsageError
from seminar_cli.model import Page

NEW_YORK = ZoneInfo("America/New_York")
runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("thursday", Recurrence((3,))),
        ("Thursdays", Recurrence((3,))),
        ("every thursday", Recurrence((3,))),
        ("other thursday", Recurrence((3,), 2)),
        ("Every Other Thursday", Recurrence((3,), 2)),
        ("every 3rd wed", Recurrence((2,), 3)),
        ("every 2 weeks on tuesday", Recurrence((1,), 2)),
        ("tuesday and thursday", Recurrence((1, 3))),
        ("mon, wed & fri", Recurrence((0, 2, 4))),
        ("first monday of the month", Recurrence((0,), 1, 1)),
        ("the last friday of each month", Recurrence((4,), 1, -1)),
        ("second tuesday of every month", Recurrence((1,), 1, 2)),
    ],
)
def test_rules_read_like_organizers_write_them(text: str, rule: Recurrence) -> None:
    assert parse_every(text) == rule


@pytest.mark.parametrize("text", ["sometimes", "thunder", "every 0 weeks on monday", "monthly", ""])
def test_rules_this_tool_does_not_read(text: str) -> None:
    with pytest.raises(UsageError, match="--every"):
        parse_every(text)


def page(name: str = "ml-seminar-2026.md") -> Page:
    return api.parse_page(read(EXAMPLES / name), name)


def test_clock_times_stay_local_across_the_change_to_winter_time() -> None:
    slots, _ = open_slots(
        page(), parse_every("thursday"), start=date(2026, 10, 20), until=date(2026, 11, 12), skip=(),
        tz=NEW_YORK, hours=(time(10), time(11)),
    )  # fmt: skip
    assert [slot.day for slot in slots] == [date(2026, 10, 22), date(2026, 10, 29), date(2026, 11, 12)]
    assert [slot.start.hour for slot in slots if slot.start] == [10, 10, 10]
    assert [slot.start.utcoffset() for slot in slots if slot.start] == [timedelta(hours=-4)] * 2 + [timedelta(hours=-5)]
    assert [slot_line(slot) for slot in slots][1:] == [
        "2026-10-29  Thursday   10:00-11:00 EDT",
        "2026-11-12  Thursday   10:00-11:00 EST",
    ]


def test_spring_forward_too() -> None:
    found = occurrences(page(), parse_every("last friday of the month"), date(2027, 1, 1), date(2027, 4, 30), time(15))
    assert found == [datetime(2027, month, day, 15) for month, day in ((1, 29), (2, 26), (3, 26), (4, 30))]


def test_a_rule_that_skips_weeks_keeps_the_pages_rhythm() -> None:
    found = occurrences(page(), parse_every("other thursday"), date(2026, 9, 1), date(2026, 10, 31), time(10))
    assert [moment.date() for moment in found] == [
        date(2026, 9, 10), date(2026, 9, 24), date(2026, 10, 8), date(2026, 10, 22),
    ]  # fmt: skip


def test_taken_and_skipped_days_are_not_open_and_stray_skips_are_noted() -> None:
    slots, notes = open_slots(
        page(), parse_every("thursday"), start=date(2026, 11, 1), until=date(2026, 11, 30),
        skip=(date(2026, 11, 26), date(2026, 11, 27)), tz=NEW_YORK, hours=None,
    )  # fmt: skip
    assert [slot.day for slot in slots] == [date(2026, 11, 12), date(2026, 11, 19)]
    assert all(slot.all_day for slot in slots)
    assert notes == ("--skip 2026-11-27 is not one of the meetings planned",)


@pytest.fixture
def copy(ml_page: Path) -> Path:
    """Our current-markup example page, copied to edit."""
    return ml_page


def test_add_inserts_tbd_rows_once(copy: Path) -> None:
    args = ["plan", str(copy), "--every", "other thursday", "--from", "2026-09-01", "--until", "2026-10-31", "--add"]
    code, out, _ = invoke(*args)
    assert code == 0 and "added 2 open slots as TBD rows: 2026-09-24, 2026-10-22" in out
    rows = [entry for entry in api.read_page(str(copy)).schedule.entries if entry.name == "TBD"]  # type: ignore[union-attr]
    assert [(entry.date, entry.title, entry.location) for entry in rows] == [
        (date(2026, 9, 24), "TBD", "TBD"), (date(2026, 10, 22), "TBD", "TBD"),
    ]  # fmt: skip
    once = copy.read_bytes()
    code, out, _ = invoke(*args)
    assert code == 0 and "unchanged (no open slots to add)" in out
    assert copy.read_bytes() == once
    code, out, err = invoke(
        "plan", str(copy), "--every", "other thursday", "--from", "2026-09-01", "--until", "2026-10-31"
    )
    assert code == 0 and out == "" and "note: no open dates from 2026-09-01 to 2026-10-31" in err


def test_dates_in_the_pages_format_and_usage_errors(copy: Path) -> None:
    code, out, _ = invoke("plan", str(copy), "--every", "thursday", "--from", "11-01-2026", "--until", "11/20/2026")
    assert code == 0 and out.splitlines()[0].startswith("2026-11-12")
    code, _, err = invoke("plan", str(copy), "--every", "thursday", "--from", "2026-11-20", "--until", "2026-11-01")
    assert code == 2 and "is before --from" in err
    code, _, err = invoke("plan", str(copy), "--every", "thursday", "--from", "TBD", "--until", "2026-11-01")
    assert code == 2 and "--from cannot be TBD" in err
    code, _, err = invoke("plan", str(copy), "--every", "fortnightly", "--from", "2026-11-01", "--until", "2026-12-01")
    assert code == 2 and "is not a rule this tool reads" in err


CRLF_EDITS = [
    ["add-link", "{page}", "--talk", "Fairbanks", "--slides", "https://files.example.org/s.pdf"],
    ["plan", "{page}", "--every", "other thursday", "--from", "2025-10-01", "--until", "2025-12-31", "--add"],
    ["new-season", "{page}", "--year", "2026"],
]


@pytest.mark.parametrize("args", CRLF_EDITS, ids=lambda args: args[0])
def test_new_lines_take_the_pages_line_ending(args: list[str], tmp_path: Path) -> None:
    target = tmp_path / "crlf.md"
    shutil.copyfile(EXAMPLES.parent / "tests" / "data" / "crlf.md", target)
    code, out, err = invoke(*[arg.replace("{page}", str(target)) for arg in args])
    assert code == 0, out + err
    text = target.read_bytes().decode()
    assert "\n" not in text.replace("\r\n", "") and text != read(EXAMPLES.parent / "tests" / "data" / "crlf.md")


def test_organizers_keep_crlf(tmp_path: Path) -> None:
    target = tmp_path / "crlf.md"
    target.write_bytes(read(EXAMPLES / "ml-seminar-2026.md").replace("\n", "\r\n").encode())
    args = ["organizers", str(target), "add", "--name", "Ann Lee", "--photo", "https://p/a.png", "--url", "https://p/a"]
    assert invoke(*args)[0] == 0
    assert "\n" not in target.read_bytes().decode().replace("\r\n", "")

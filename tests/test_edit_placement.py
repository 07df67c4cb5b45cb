"""Where edits put what the user gave, and what they refuse: every value is written or refused with its reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES, invoke, read
from lint_pages import NEXT, ROWS, lint, page_text

from seminar_cli.model import Row
from seminar_cli.read.compare import same_person
from seminar_cli.read.tables import column_map

GOLDEN = Path(__file__).parent / "golden"
LECTURES = GOLDEN / "add-row-date-time-topic-lecturers" / "before.md"  # Date | Time | Topic | Lecturers
NO_PHOTOS = GOLDEN / "add-talk-usual-hours-replaces-placeholder" / "before.md"  # no blocks, 2pm - 3pm ET


def copy(tmp_path: Path, source: Path) -> Path:
    page = tmp_path / "page.md"
    shutil.copyfile(source, page)
    return page


def header(text: str) -> Row:
    cells = tuple(f" {cell} " for cell in text.split("|"))
    return Row("", cells, True, "\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date | Time | Topic | Lecturers", {"date": 0, "time": 1, "title": 2, "name": 3}),
        ("When | Presenter | Paper(s)", {"date": 0, "name": 1, "title": 2}),
        ("Date | Leading | Reading", {"date": 0, "name": 1, "title": 2}),
        ("Date | Moderator | Description | Room", {"date": 0, "name": 1, "title": 2, "location": 3}),
        ("Date | Person | Event | Place", {"date": 0, "name": 1, "title": 2, "location": 3}),
        ("Date | Speaker's Name | Topic | Institute", {"date": 0, "name": 1, "title": 2, "affiliation": 3}),
        ("Date | Host | Talk | Where | Hours", {"date": 0, "name": 1, "title": 2, "location": 3, "time": 4}),
        ("Date and time | Lecturer | Title", {"date": 0, "name": 1, "title": 2}),
    ],
)
def test_schedule_columns_are_read_by_what_their_header_means(text: str, expected: dict[str, int]) -> None:
    assert dict(column_map(header(text))) == expected


def test_a_value_the_schedule_has_no_column_for_is_refused_with_the_reason(tmp_path: Path) -> None:
    page = copy(tmp_path, LECTURES)
    before = read(page)
    code, _, err = invoke("add-talk", str(page), "--date", "2026-07-03", "--speaker", "Gil Roy", "--affiliation", "U")
    assert code == 2
    assert err.startswith(f"seminar: {page}:18:1: --affiliation has no place: the schedule has no column for an ")
    assert "'| Date | Time | Topic | Lecturers |'" in err and read(page) == before


@pytest.mark.parametrize("option", ["--abstract-file", "--bio-file", "--photo"])
def test_what_only_a_block_holds_is_refused_when_only_a_row_is_added(tmp_path: Path, option: str) -> None:
    page = copy(tmp_path, EXAMPLES / "ml-seminar-2026.md")
    (tmp_path / "text.md").write_text("Some words.\n", encoding="utf-8")
    value = str(tmp_path / "text.md") if option.endswith("file") else "https://example.org/p.jpg"
    code, _, err = invoke("add-talk", str(page), "--date", "2026-12-24", "--speaker", "Gil Roy", option, value)
    assert code == 2 and f"{option} has no place: only the talk's schedule row is added" in err


def test_a_photo_on_a_page_without_photos_is_not_written_and_the_user_is_told(tmp_path: Path) -> None:
    page = copy(tmp_path, NO_PHOTOS)
    code, _, err = invoke(
        "add-talk", str(page), "--date", "2026-01-22", "--speaker", "Hugo Ferrant", "--title", "Cells", "--next",
        "--photo", "https://people.example.org/hf.jpg", "--today", "2026-01-16",
    )  # fmt: skip
    assert code == 0, err
    assert "note: the page shows no speaker photos, so no photo table was added" in err
    assert "hf.jpg" not in read(page)


@pytest.mark.parametrize("hours", ["11-10", "10:00-23:00"])
@pytest.mark.parametrize(
    "command",
    [
        ["reschedule", "--talk", "Marchetti"],
        ["update-talk", "--talk", "Marchetti"],
        ["add-talk", "--date", "2026-11-26", "--speaker", "Oren Katz", "--next", "--today", "2026-11-20"],
    ],
    ids=["reschedule", "update-talk", "add-talk"],
)
def test_hours_no_talk_has_are_refused_unless_forced(tmp_path: Path, command: list[str], hours: str) -> None:
    page = copy(tmp_path, EXAMPLES / "ml-seminar-2026.md")
    before = read(page)
    code, _, err = invoke(command[0], str(page), *command[1:], "--time", hours)
    assert code == 2 and f"seminar: {page}: --time {hours!r} " in err and "--force" in err
    assert read(page) == before
    code, _, err = invoke(command[0], str(page), *command[1:], "--time", hours, "--force")
    assert code == 0, err
    assert read(page) != before


def test_new_hours_for_a_talk_with_only_a_row_and_no_time_column_are_refused(tmp_path: Path) -> None:
    page = copy(tmp_path, EXAMPLES / "ml-seminar-2026.md")
    code, _, err = invoke("reschedule", str(page), "--talk", "Ashworth", "--time", "14:00-15:00")
    assert code == 2
    assert "--time has no place: the schedule has no column for a time and the talk has only its schedule row" in err


def test_show_marks_a_cancelled_talk_that_has_only_a_row(tmp_path: Path) -> None:
    text = read(EXAMPLES / "ml-seminar-2026.md").replace(
        "| Silverlake Applied Physics Laboratory | TBD |", "| Silverlake Applied Physics Laboratory | TBD (Cancelled) |"
    )
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8", newline="")
    code, out, _ = invoke("show", str(page))
    row = next(line for line in out.splitlines() if "Ashworth" in line)
    assert code == 0 and row.split()[-2:] == ["cancelled", "61"]  # the status column marks it


def test_rotate_on_a_page_without_past_keeps_rows_only_when_asked(tmp_path: Path) -> None:
    page = copy(tmp_path, EXAMPLES / "reading-group-2025.md")
    code, out, _ = invoke("rotate", str(page), "--today", "2025-11-19", "--past-talks", "rows")
    assert code == 0 and "removed the blocks of 2025-11-18" in out and "schedule rows only" in out
    assert "**Learning Closures" not in read(page) and "| 11/18 |" in read(page)
    configured = tmp_path / "site"
    configured.mkdir()
    (configured / ".seminar.toml").write_text('past-talks = "rows"\n', encoding="utf-8")
    other = copy(configured, EXAMPLES / "reading-group-2025.md")
    code, out, _ = invoke("rotate", str(other), "--today", "2025-11-19")
    assert code == 0 and "schedule rows only" in out
    assert invoke("rotate", str(copy(tmp_path, EXAMPLES / "reading-group-2025.md")), "--today", "2025-11-19")[1] == (
        f"{tmp_path / 'page.md'}: rotated into Past: 2025-11-18 Learning Closures for Reduced-Order Models of Ocean "
        "Circulation (in a new section 'Past Presentation'); Next now says 'TBA'\n"
    )


def test_rotate_skips_a_markdown_file_that_is_not_a_seminar_page(tmp_path: Path) -> None:
    code, out, err = invoke("rotate", str(DATA / "not-a-seminar.md"), "--today", "2026-01-01")
    assert (code, out) == (0, "")
    assert err == f"seminar: note: {DATA / 'not-a-seminar.md'}: skipped, not a seminar page\n"


def test_new_season_warns_of_a_year_before_the_page(tmp_path: Path) -> None:
    page = copy(tmp_path, EXAMPLES / "ml-seminar-2026.md")
    code, _, err = invoke("new-season", str(page), "--year", "2025")
    assert code == 0 and "note: --year 2025 is before the page's own season (2026)" in err
    code, _, err = invoke("new-season", str(copy(tmp_path, EXAMPLES / "ml-seminar-2026.md")), "--year", "2027")
    assert code == 0 and "before the page's own season" not in err


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Nando Fioretto", "Ferdinando (Nando) Fioretto", True),
        ("Nando Fioretto", 'Ferdinando "Nando" Fioretto', True),
        ("Ferdinando Fioretto", "Ferdinando “Nando” Fioretto", True),
        ("Rosa Fioretto", "Ferdinando (Nando) Fioretto", False),
        ("Ada Park", "Ada Park (Harbor University)", True),
    ],
)
def test_a_nickname_in_parentheses_or_quotes_is_the_same_person(one: str, other: str, same: bool) -> None:
    assert same_person(one, other) is same


def test_lint_reads_a_nickname_in_the_block_as_the_row_s_speaker() -> None:
    talk = NEXT.replace("[Ada Park]", "[Augusta (Gus) Park]")
    rows = [row.replace("| Ada Park |", "| Gus Park |") for row in ROWS]
    assert [finding.code for finding in lint(page_text(next_talks=[talk], rows=rows))] == []


def test_errors_of_an_edit_name_the_page(tmp_path: Path) -> None:
    page = copy(tmp_path, EXAMPLES / "ml-seminar-2026.md")
    _, _, err = invoke("add-talk", str(page), "--date", "02/30/2027", "--speaker", "Oren Katz")
    assert err.startswith(f"seminar: {page}: --date: '02/30/2027' is not a date")
    _, _, err = invoke(
        "add-talk", str(page), "--date", "2027-02-04", "--speaker", "Oren Katz", "--title", "T", "--next",
        "--abstract-file", str(tmp_path / "missing.md"),
    )  # fmt: skip
    assert err == f"seminar: {tmp_path / 'missing.md'}: --abstract-file: no such file\n"
    (tmp_path / "abstract.md").write_text("Words.\n", encoding="utf-8")
    code, _, err = invoke(
        "add-talk", str(page), "--date", "2027-02-04", "--speaker", "Oren Katz", "--title", "T",
        "--abstract-file", str(tmp_path / "abstract.md"), "--today", "2026-11-20",
    )  # fmt: skip
    assert code == 2 and err.startswith(f"seminar: {page}: the talk is not the next one")


def test_show_json_gives_a_schedule_row_s_hours(tmp_path: Path) -> None:
    code, out, _ = invoke("show", "--json", str(LECTURES))
    rows = json.loads(out)["schedule"]
    assert code == 0 and (rows[0]["start"], rows[0]["end"]) == ("14:00", "15:30")


def test_a_new_row_joins_several_speakers_as_the_page_s_rows_do(tmp_path: Path) -> None:
    text = read(LECTURES).replace("| Ben Ortiz and Cy Wu |", "| Ben Ortiz <br> Cy Wu |")
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8", newline="")
    code, _, err = invoke(
        "add-talk",
        str(page),
        "--date",
        "2026-07-03",
        "--speaker",
        "Gil Roy",
        "--speaker",
        "Hal Ng",
        "--today",
        "2026-06-01",
    )
    assert code == 0, err
    assert "| 07/03/2026 | 14:00-15:30 | TBA | Gil Roy <br> Hal Ng |" in read(page)


def test_a_new_row_says_tba_on_a_page_that_writes_tba_elsewhere(tmp_path: Path) -> None:
    """No row of the schedule is TBD or TBA yet: the placeholder word is the one the talk sections use."""
    page = copy(tmp_path, LECTURES)
    code, _, err = invoke(
        "add-talk", str(page), "--date", "2026-07-03", "--speaker", "Gil Roy", "--today", "2026-06-01"
    )
    assert code == 0, err
    assert "| 07/03/2026 | 14:00-15:30 | TBA | Gil Roy |" in read(page)

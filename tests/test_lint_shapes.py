"""Lint on every shape a page lists its talks in, and the finer points of its newer rules.

Every page here is fictional; each test breaks or bends one thing and says which
finding (or none) a careful reader expects.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke, read
from lint_pages import (
    FRONT,
    NEXT,
    ORGANIZATION,
    PAST,
    PAST_WITH_ABSTRACTS,
    ROWS,
    TODAY,
    line_of,
    lint,
    list_page,
    page_text,
)

from seminar_cli.api import lint_paths, parse_page
from seminar_cli.config import _config
from seminar_cli.errors import ConfigError
from seminar_cli.lint import lint_report
from seminar_cli.model import Config

READING_TABLE = (
    "---\ntitle: Tidewater Reading Group\n---\n\n# Tidewater Reading Group\n\n## Spring 2026\n\n"
    "Date | Leader | Reading | Extra Links\n---|---|---|---\n"
    "Feb. 10 | Ada | [Tide Tables](https://t.example) |\n"
    "Feb. 3 | Cy | [Wave Spectra](https://w.example) | [notes](https://n.example)\n"
)


def codes(text: str, today: date = TODAY, config: Config | None = None) -> list[tuple[str, int]]:
    return [(finding.code, finding.line) for finding in lint(text, today, config)]


def test_a_row_short_only_of_a_links_cell_renders_it_empty_and_is_no_finding() -> None:
    assert codes(READING_TABLE) == []
    short = READING_TABLE.replace("Feb. 10 | Ada | [Tide Tables](https://t.example) |", "Feb. 10 | Ada |")
    assert codes(short) == [("SEM050", line_of(short, "Feb. 10"))]  # the reading itself is missing


def test_past_rows_ask_for_blocks_only_on_pages_that_keep_blocks_under_past() -> None:
    rows_only = page_text(past=["| Date | Name | Talk |\n| --- | --- | --- |\n| 01-08-2026 | Eve Lund | Kelp |"])
    assert "SEM013" not in {code for code, _ in codes(rows_only)}


def test_a_page_where_no_talk_was_read_gets_a_notice_not_a_finding(tmp_path: Path) -> None:
    text = "# Next Presentation\n\nTBD\n\n# Schedule\n\nTalks will be announced here.\n"
    report = lint_report(parse_page(text, "empty.md"), today=TODAY)
    assert report.findings == [] and [notice.path for notice in report.notices] == ["empty.md"]
    page = tmp_path / "empty.md"
    page.write_text(text, encoding="utf-8")
    result = lint_paths([str(page)], today=TODAY)
    assert result.findings == () and len(result.notices) == 1
    code, out, err = invoke("lint", "--today", "2026-01-27", "--format", "json", str(page))
    assert (code, json.loads(out)) == (0, [])
    assert err.startswith(f"note: {page}: no talk could be read on this page")
    assert lint_report(parse_page(page_text(), "page.md"), today=TODAY).notices == []


def test_when_most_talks_keep_other_hours_the_description_is_what_is_stale() -> None:
    later = [talk.replace("10:00 a.m. - 11 a.m.", "11:00 a.m. - 12 p.m.") for talk in PAST]
    text = page_text(past=later)
    assert codes(text) == [("SEM007", line_of(text, "10am - 11am ET"))]


def test_a_description_naming_last_season_is_left_to_front_matter_year() -> None:
    front = FRONT.replace("January-December, 2026", "January-February, 2025")
    assert [code for code, _ in codes(page_text(front=front))] == ["SEM041"]


def test_dates_without_a_year_may_run_into_the_new_year() -> None:
    winter = list_page(
        "Dec 3: Ice (Ivo Kest)", "Dec 10: Snow (Ada Park)", "Jan 7: Frost (Cy Dunn)", "Jan 14: Hail (Bo Ray)"
    )
    assert codes(winter.replace("## Sessions", "## Winter 2025")) == []
    swapped = list_page("2025-12-03: Ice (Ivo Kest)", "2026-01-14: Hail (Bo Ray)", "2025-12-10: Snow (Ada Park)",
                        "2026-01-21: Frost (Cy Dunn)", "2026-01-28: Fog (Eve Lund)")  # fmt: skip
    assert codes(swapped) == [("SEM033", line_of(swapped, "2026-01-14"))]


def test_the_next_talk_with_only_its_row_two_days_before_it() -> None:
    text = page_text(next_talks=["Our next speaker will be announced soon.\n"], past=PAST_WITH_ABSTRACTS)
    assert codes(text) == [("SEM024", line_of(text, "| 01-29-2026"))]
    assert codes(text, config=Config(details_days=1)) == []
    empty = page_text(next_talks=[], past=PAST_WITH_ABSTRACTS)  # one finding for one gap: Next is empty
    assert codes(empty) == [("SEM023", line_of(empty, "# Next Presentation"))]
    assert codes(empty, config=Config(details_days=1)) == []


def test_details_days_is_read_from_the_configuration() -> None:
    assert _config({"details-days": 3}, "pyproject.toml").details_days == 3
    assert Config().details_days == 7
    with pytest.raises(ConfigError, match="expected a number of days"):
        _config({"details-days": "a week"}, "pyproject.toml")


def test_next_empty_while_the_coming_talk_waits_under_upcoming() -> None:
    text = page_text(next_talks=[]).replace("# Past Presentations", "# Upcoming Presentations\n\n" + NEXT + "\n# Past")
    (finding,) = [item for item in lint(text) if item.code == "SEM023"]
    assert finding.line == line_of(text, "# Next Presentation") and "move its block up under Next" in finding.message


def test_organizer_initials_that_are_someone_elses() -> None:
    text = page_text() + ORGANIZATION.replace("![Ada Park]", "![CD]").replace("![Cy Dunn]", "![AP]")
    assert codes(text) == [("SEM055", line_of(text, "![CD]")), ("SEM055", line_of(text, "![CD]"))]


def test_photo_caption_naming_the_rows_institution_by_its_acronym() -> None:
    text = page_text(next_talks=[NEXT.replace("<br> Harbor University |", "<br> Ocean Science, HU |")])
    assert codes(text) == []


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ([*ROWS[:3], "", *ROWS[3:]], "a blank line"),
        (["<!-- the talks of 2026 -->", *ROWS], "the comment"),
    ],
)
def test_a_table_broken_by_a_blank_line_or_touched_by_a_comment(rows: list[str], where: str) -> None:
    text = page_text(rows=rows)
    found = [item for item in lint(text) if item.code == "SEM056"]
    assert len(found) == 1 and found[0].message.startswith(where), found


def test_silencing_a_row_around_the_table_keeps_the_table_whole() -> None:
    text = page_text(rows=with_place(ROWS, 3, "| Virtual"))
    assert [code for code, _ in codes(text)] == ["SEM010"]
    header = "# Schedule\n\n"
    silenced = text.replace(header, header + "<!-- seminar-lint disable SEM010 -->\n\n").replace(
        "\n\n# Past", "\n\n<!-- seminar-lint enable SEM010 -->\n\n# Past"
    )
    assert codes(silenced) == []


def with_place(rows: list[str], index: int, place: str) -> list[str]:
    changed = list(rows)
    changed[index] = changed[index].replace("| On Site", place)
    return changed


def test_an_impossible_day_first_date_is_explained_day_first() -> None:
    text = "---\ntitle: Club 2024\n---\n\n# Schedule\n\n| Date | Name | Title |\n| --- | --- | --- |\n"
    text += "| 18/10/2024 | Ann Lee | One |\n| 31/02/2024 | Bo Ray | Two |\n"
    (finding,) = lint(text, date(2024, 1, 1))
    assert finding.code == "SEM002" and "February has 29 days in 2024, not 31" in finding.message


def test_a_place_still_partly_tbd_in_a_row_of_a_talk_given() -> None:
    text = FRONT + "\n# Schedule\n\n| Date | Location | Name | Talk |\n| --- | --- | --- | --- |\n"
    text += "| 01-15-2026 | Room TBD and Zoom | Eve Lund | Kelp Census |\n| 02-19-2026 | Room TBD | Di Fox | Tides |\n"
    assert codes(text) == [("SEM025", line_of(text, "01-15-2026"))]  # the 02-19 talk is still to come


def test_the_oldest_one_line_shape_without_its_row_is_a_talk_without_row() -> None:
    text = read(EXAMPLES / "reading-group-2025.md")
    assert codes(text, date(2025, 11, 10)) == []
    without = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("| 11/18"))
    assert codes(without, date(2025, 11, 10)) == [("SEM012", line_of(without, "**Learning Closures"))]

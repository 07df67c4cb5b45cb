"""`seminar lint` on the real pages of ../shared/pages finds the mistakes their organizers left.

Each page is linted on a day it could have been published (`--today`), never the real
date. Expected findings were checked by reading the pages; only codes and lines are
stated here, the pages' text stays there.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import shared_page

from seminar_cli.api import lint_paths, read_page
from seminar_cli.lint import lint_page

# (page, today) -> the (code, line) of every finding.
EXPECTED: dict[tuple[str, str], list[tuple[str, int]]] = {
    ("ai-seminar-2023.md", "2023-10-16"): [],
    # a week later the Next talk was given: rotate it, and its Teams link still says TBA; the next talk is
    # tomorrow and has only its schedule row (title TBA), no abstract or bio
    ("ai-seminar-2023.md", "2023-10-25"): [("SEM020", 25), ("SEM022", 25), ("SEM024", 69)],
    # years later the season is over: the page is an archive and date rules stay quiet
    ("ai-seminar-2023.md", "2026-11-23"): [],
    ("ai-seminar-2024.md", "2024-09-01"): [
        ("SEM042", 6),  # the description says March-October, 2024; the schedule has November and December talks
        ("SEM007", 32),  # a talk at 11:00-12:00 while the description says 10-11 am
        ("SEM001", 57),  # Thursday, 03/25/2024 is a Monday (the series meets Thursdays: check the date)
        ("SEM001", 111),  # Monday, 04/25/2024 is a Thursday
        ("SEM022", 136),  # Room: TBA on a talk already given
        ("SEM001", 137),  # Monday, 05/09/2024 is a Thursday
        ("SEM007", 260),  # another talk at 11:00-12:00
        ("SEM010", 301),  # the row says 03-20-2024, the block 03/21/2024
        ("SEM014", 307),  # the block is marked canceled, the row is not
    ],
    ("ai-tutorial-2024.md", "2024-11-01"): [
        ("SEM022", 167),  # the abstract of a tutorial already given is still TBA
        ("SEM010", 225),  # the row's title is not the block's title
    ],
    # four days before the 10-24-2024 talk, Next is still empty (and stays so: its row never gets a block)
    ("ai-seminar-2024.md", "2024-10-20"): [
        ("SEM042", 6),
        ("SEM023", 23),
        ("SEM007", 32),
        ("SEM001", 57),
        ("SEM001", 111),
        ("SEM022", 136),
        ("SEM001", 137),
        ("SEM007", 260),
        ("SEM010", 301),
        ("SEM014", 307),
    ],
    # five days before the 12/13/2024 tutorial, Next Tutorial is still empty
    ("ai-tutorial-2024.md", "2024-12-08"): [("SEM023", 39), ("SEM022", 167), ("SEM010", 225)],
    ("ai-seminar-2025-feb.md", "2025-02-20"): [("SEM011", 60)],  # the row's title is TBD, the block has it
    ("ai-seminar-2026-jan14.md", "2026-01-14"): [("SEM040", 66)],  # last season's 11/20/2025 talk under Past
    # the day after the first talk: rotate it; the next talk, in six days, has only its row (its block came later)
    ("ai-seminar-2026-jan14.md", "2026-01-23"): [("SEM020", 28), ("SEM024", 57), ("SEM040", 66)],
    ("ai-seminar-2026-jan27.md", "2026-01-27"): [],
}


@pytest.mark.parametrize(("name", "today"), sorted(EXPECTED), ids=lambda value: str(value))
def test_lint_finds_the_real_mistakes(name: str, today: str) -> None:
    page = read_page(str(shared_page(name)))
    findings = lint_page(page, today=date.fromisoformat(today))
    assert [(finding.code, finding.line) for finding in findings] == EXPECTED[(name, today)], findings


def test_later_in_2024_the_rows_of_given_talks_have_no_blocks() -> None:
    page = read_page(str(shared_page("ai-seminar-2024.md")))
    findings = lint_page(page, today=date(2024, 12, 31))
    assert [finding.line for finding in findings if finding.code == "SEM013"] == [310, 311, 312]


def test_weekday_message_says_what_was_found_and_expected() -> None:
    page = read_page(str(shared_page("ai-seminar-2024.md")))
    by_line = {finding.line: finding for finding in lint_page(page, today=date(2024, 9, 1))}
    assert by_line[111].message == "'Monday' does not match 04/25/2024, which is a Thursday; expected 'Thursday'"
    assert by_line[111].column == 27
    assert by_line[57].fix is None  # written Thursday, the meeting day: the date may be what is wrong
    assert "2024-03-28" in by_line[57].message


@pytest.mark.parametrize(
    ("name", "today", "changed"),
    [
        ("ai-seminar-2024.md", date(2024, 9, 1), {111: ("Monday", "Thursday"), 137: ("Monday", "Thursday")}),
        ("ai-seminar-2025-feb.md", date(2025, 2, 20), {60: ("| TBD |", "| {next title} |")}),
    ],
)
def test_fix_changes_only_the_fixed_text(
    tmp_path: Path, name: str, today: date, changed: dict[int, tuple[str, str]]
) -> None:
    source = shared_page(name)
    copy = tmp_path / name
    shutil.copyfile(source, copy)
    result = lint_paths([str(copy)], today=today, fix=True)
    assert len(result.fixed) == len(changed) and not result.refused
    before = source.read_bytes().decode("utf-8").split("\n")
    after = copy.read_bytes().decode("utf-8").split("\n")
    expected = list(before)
    next_title = read_page(str(source)).talks()[0][1].title  # the title the row's block has
    for number, (old, new) in changed.items():
        new = new.replace("{next title}", next_title)
        expected[number - 1] = before[number - 1].replace(old, new, 1)
    assert after == expected
    assert {finding.key for finding in result.findings}.isdisjoint(finding.key for finding in result.fixed)

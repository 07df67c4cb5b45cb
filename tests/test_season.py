"""new-season: the new page lints clean, keeps what is not the old season's, and is written safely."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke, read, shared_page
from typer.testing import CliRunner

from seminar_cli import api
from seminar_cli.edit.new_season import new_season, season_words, shift_years
from seminar_cli.lint import lint_page

runner = CliRunner()


def source(name: str) -> Path:
    kind, _, file = name.partition("/")
    return shared_page(file) if kind == "shared" else EXAMPLES / file


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("examples/ml-seminar-2026.md", 2027),
        ("examples/reading-group-2025.md", 2026),
        ("examples/tutorial-series-2025.md", 2026),
        ("shared/ai-seminar-2026-jan27.md", 2027),
        ("shared/ai-seminar-2026-jan14.md", 2027),
    ],
)
def test_the_new_season_lints_clean(name: str, year: int, tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    shutil.copyfile(source(name), old)
    new = tmp_path / "new.md"
    code, out, _ = invoke("new-season", str(old), "--year", str(year), "-o", str(new))
    assert code == 0, out
    assert f"{new}: started the {year} season" in out
    assert old.read_bytes() == source(name).read_bytes()
    page = api.parse_page(new.read_text(), str(new))
    assert page.season_year == year
    for today in (date(year, 1, 2), date(year, 6, 30)):
        assert lint_page(page, today=today) == []
    before = api.parse_page(read(source(name)))
    assert page.talks() == [] and page.schedule is not None and page.schedule.entries == ()
    assert page.organization is not None and before.organization is not None
    assert page.organization.organizers == before.organization.organizers
    assert [section.heading.title for section in page.sections if section.heading] == [
        section.heading.title for section in before.sections if section.heading
    ]
    assert str(year - 1) not in (page.front_matter.permalink or "") if page.front_matter else True


def test_lint_runs_clean_from_the_command_line(tmp_path: Path) -> None:
    old = tmp_path / "seminar-2026.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", old)
    assert invoke("new-season", str(old), "--year", "2027")[0] == 0
    code, out, err = invoke("lint", str(old), "--today", "2027-01-05")
    assert code == 0, out + err


def test_writing_a_new_file_is_safe(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", old)
    new = tmp_path / "new.md"
    new.write_text("keep me\n")
    code, _, err = invoke("new-season", str(old), "--year", "2027", "-o", str(new))
    assert code == 2 and "exists" in err and "--force" in err
    assert new.read_text() == "keep me\n"
    fresh = tmp_path / "fresh.md"
    code, out, _ = invoke("new-season", str(old), "--year", "2027", "-o", str(fresh), "--dry-run")
    assert code == 0 and "+permalink: /events/ml-seminar-2027/" in out and "would write" in out
    assert invoke("new-season", str(old), "--year", "2027", "-o", str(fresh), "--check")[0] == 1
    assert not fresh.exists()
    assert invoke("new-season", str(old), "--year", "2027", "-o", str(new), "--force")[0] == 0
    assert "permalink: /events/ml-seminar-2027/" in new.read_text()
    code, _, err = invoke("new-season", str(old), "--year", "2027", "-o", str(old), "--force")
    assert code == 2 and "names the page itself" in err
    code, _, err = invoke("new-season", str(old), "--year", "2026")
    assert code == 2 and "already the 2026 season" in err
    assert old.read_bytes() == (EXAMPLES / "ml-seminar-2026.md").read_bytes()


def test_lines_still_naming_the_old_year_are_noted(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    shutil.copyfile(EXAMPLES / "tutorial-series-2025.md", old)
    code, _, err = invoke("new-season", str(old), "--year", "2026")
    assert code == 0
    assert "note: line 10 still names 2025, left as is: …![banner](images/ml_tutorial_series_2025.png)…" in err


def test_a_second_new_season_follows_the_first(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    assert invoke("new-season", str(page), "--year", "2027")[0] == 0
    once = page.read_text()
    assert invoke("new-season", str(page), "--year", "2028")[0] == 0
    assert page.read_text() == once.replace("2027", "2028")


def test_front_matter_years_move_together_and_comments_stay() -> None:
    assert shift_years("Fall 2025 - Spring 2026, since 1998", 2025, 2026) == "Fall 2026 - Spring 2027, since 1998"
    text = read(EXAMPLES / "ml-seminar-2026.md").replace(
        "# keep the permalink stable", "# 2026: keep the permalink stable"
    )
    result = api.edit_text(text, lambda page, style: new_season(page, style, 2027))
    assert "# 2026: keep the permalink stable" in result.after
    assert "Thursdays, January-December, 2027 <br/>" in result.after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Welcome to the 2026 season of talks.", "Welcome to the 2027 season of talks."),
        ("Our Fall 2026 lineup is below.", "Our Fall 2027 lineup is below."),
        ("Thursdays, January-December, 2026.", "Thursdays, January-December, 2027."),
        ("The 2026 series meets weekly.", "The 2027 series meets weekly."),
        ("Founded in 2026 by the lab.", "Founded in 2026 by the lab."),
        (
            "See [the 2026 season](https://example.org/season-2026/).",
            "See [the 2027 season](https://example.org/season-2026/).",
        ),
        ('<a href="/fall-2026/">slides</a> from 2025 season', '<a href="/fall-2026/">slides</a> from 2025 season'),
    ],
)
def test_about_moves_a_year_only_where_it_names_the_season(before: str, after: str) -> None:
    assert season_words(before, 2026, 2027) == after


def test_a_page_without_a_year_loses_its_talks_only() -> None:
    text = read(EXAMPLES / "ml-seminar-2026.md")
    text = text.replace("permalink: /events/ml-seminar-2026/", "permalink: /events/ml-seminar/")
    text = text.replace("Thursdays, January-December, 2026", "Thursdays")
    page = api.parse_page(text)
    edit = new_season(page, None, 2027)  # type: ignore[arg-type]
    assert edit.page.talks() == []
    assert edit.page.front_matter == page.front_matter

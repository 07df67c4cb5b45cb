"""Prompts on a terminal: each value is checked as soon as it is typed, and asked for again with the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, read
from typer.testing import CliRunner

from seminar_cli.cli import values
from seminar_cli.cli.app import app


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input and output taken for a terminal, as when an organizer types the command."""
    monkeypatch.setattr(values, "is_terminal", lambda stream: True)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    copy = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", copy)
    return copy


def test_a_date_is_checked_when_typed_and_asked_again(terminal: None, page: Path) -> None:
    result = CliRunner().invoke(
        app, ["add-talk", str(page), "--speaker", "Oren Katz"], input="02/30/2027\n12-24-2026\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Date of the talk:") == 2
    assert result.stderr.count("--date: '02/30/2027' is not a date that exists") == 1
    assert "| 12-24-2026 |" in read(page)


def test_every_value_asked_for_is_checked_in_turn(terminal: None, page: Path) -> None:
    result = CliRunner().invoke(app, ["add-talk", str(page)], input="someday\n2026-12-24\nOren Katz\n")
    assert result.exit_code == 0, result.output
    assert (result.stdout.count("Date of the talk:"), result.stdout.count("Speaker name:")) == (2, 1)
    assert "--date: 'someday' is not a date" in result.stderr
    assert "Oren Katz" in read(page)


def test_a_talk_selector_is_checked_when_typed(terminal: None, page: Path) -> None:
    result = CliRunner().invoke(app, ["cancel", str(page)], input="Nobody Here\nMarchetti\n")
    assert result.exit_code == 0, result.output
    assert "no talk matches 'Nobody Here'" in result.stderr
    assert "Power Grids (Cancelled)**" in read(page)


def test_without_a_terminal_a_missing_value_is_a_usage_error(page: Path) -> None:
    result = CliRunner().invoke(app, ["add-talk", str(page), "--speaker", "Oren Katz"])
    assert result.exit_code == 2
    assert result.stderr == f"seminar: {page}: missing --date: expected --date (asked for only on a terminal)\n"

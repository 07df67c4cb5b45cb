"""Every command's --help reads well: paragraphs flow, flags take no value, text in brackets shows as typed."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from seminar_cli.cli.app import app
from seminar_cli.cli.helptext import flowing

COMMANDS: dict[str, typer.models.CommandInfo] = {str(info.name): info for info in app.registered_commands}


def help_of(*args: str) -> str:
    """The help as a wide terminal shows it: a paragraph that flows is one line there."""
    result = CliRunner(env={"COLUMNS": "1000", "TERMINAL_WIDTH": "1000"}).invoke(app, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_command_is_checked() -> None:
    assert len(COMMANDS) >= 15 and {"add-talk", "add-link", "lint", "rotate", "new-season"} <= COMMANDS.keys()


@pytest.mark.parametrize("name", ["", *sorted(COMMANDS)])
def test_no_flag_shows_a_value_type(name: str) -> None:
    text = help_of(*filter(None, [name]))
    assert "<bool>" not in text
    for flag in re.findall(r"(--[a-z-]+)\s+(\S+)", text):
        assert flag[1] not in ("BOOLEAN", "<bool>"), flag


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_paragraph_of_the_description_flows_as_one_line(name: str) -> None:
    """No hard line breaks of the docstring survive: each paragraph shows whole on one line of a wide terminal."""
    text = help_of(name)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    doc = COMMANDS[name].callback.__doc__ if COMMANDS[name].callback else ""
    for paragraph in flowing(doc).split("\n\n"):
        if "\n" in paragraph:  # a block of examples keeps its lines
            continue
        shown = " ".join(paragraph.replace("\\[", "[").split())
        assert any(shown in line for line in lines), shown


def test_text_in_brackets_is_not_eaten_as_markup() -> None:
    assert "`> [slides](…)`" in help_of("add-link")
    assert "[tool.seminar]" in help_of("lint")


def test_value_options_name_what_they_take() -> None:
    text = help_of("add-talk")
    for option, value in (("--date", "DATE"), ("--speaker", "NAME"), ("--speaker-url", "URL"), ("--time", "HOURS")):
        assert re.search(rf"{option}\s+{value}\b", text), option

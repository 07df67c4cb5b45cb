"""`seminar show`: tables for people, plain text when piped, JSON for programs, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES
from typer.testing import CliRunner

from seminar_cli.cli.app import app

runner = CliRunner()


def test_plain_text_when_piped() -> None:
    result = runner.invoke(app, ["show", str(EXAMPLES / "ml-seminar-2026.md")])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Harbor Valley Machine Learning Seminar Series (season 2026)")
    assert "Next:" in lines and "Past:" in lines and "Schedule:" in lines
    next_row = lines[lines.index("Next:") + 2]
    assert next_row.split()[:2] == ["2026-12-03", "10:00-11:00"]
    assert "Graph Transformers for Real-Time State Estimation in Power Grids" in next_row


def test_rich_tables_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal the same content is drawn as tables (rich)."""
    from seminar_cli import api
    from seminar_cli.cli import terminal as output
    from seminar_cli.cli.runs import headline, listings

    class Terminal:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def write(self, text: str) -> int:
            self.parts.append(text)
            return len(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    page = api.read_page(str(EXAMPLES / "tutorial-series-2025.md"))
    terminal = Terminal()
    output.print_listings(headline(page), listings(page), terminal)  # type: ignore[arg-type]
    drawn = "".join(terminal.parts)
    assert "┃" in drawn or "│" in drawn
    assert "Hands-On" in drawn and "Nadia Haddad" in drawn


EXAMPLE_TALKS = {
    "ml-seminar-2026.md": [
        ("next", "2026-12-03", "Elena Marchetti"),
        ("past", "2026-11-05", "Hannah Okafor"),
        ("past", "2026-10-08", "Marcus Delacroix"),
        ("past", "2026-09-10", "Priya Venkataraman"),
    ],
    "reading-group-2025.md": [("next", "2025-11-18", "Miriam Okoye")],
    "tutorial-series-2025.md": [
        ("next", "2025-11-20", "Nadia Haddad"),
        ("past", "2025-08-21", "Peter Lindgren"),
        ("past", "2025-09-25", "Aisha Bello"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXAMPLE_TALKS))
def test_json_lists_the_example_talks(name: str) -> None:
    result = runner.invoke(app, ["show", "--json", str(EXAMPLES / name)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    found = [(talk["section"], talk["date"], talk["speakers"][0]["name"]) for talk in data["talks"]]
    assert found == EXAMPLE_TALKS[name]
    for talk in data["talks"]:
        assert set(talk) >= {"section", "title", "speakers", "location", "date", "start", "end", "timezone", "line"}


def test_json_of_the_older_markup() -> None:
    data = json.loads(runner.invoke(app, ["show", "--json", str(EXAMPLES / "reading-group-2025.md")]).stdout)
    talk = data["talks"][0]
    assert [speaker["name"] for speaker in talk["speakers"]] == ["Miriam Okoye", "Rafael Palacios"]
    assert (talk["start"], talk["end"], talk["timezone"], talk["weekday"]) == ("15:00", "16:00", "ET", "Tuesday")
    assert [row["date"] for row in data["schedule"]][:2] == ["2025-09-09", "2025-09-23"]
    assert data["schedule"][-1]["title"] == "TBA"


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin1.md"
    latin.write_bytes("# Schedule\n\n| Date | Name |\n| --- | --- |\n| 01/02/2026 | Jos\xe9 |\n".encode("latin-1"))
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    return {
        "binary": (binary, f"{binary}:3:1: is a binary file, not a markdown page: found a NUL byte"),
        "latin-1": (latin, f"{latin}:5:19: is not UTF-8 text: found byte 0xe9; expected a UTF-8 encoded markdown file"),
        "not a seminar page": (DATA / "not-a-seminar.md", "not a seminar page"),
        "empty": (empty, "the page is empty"),
        "missing": (tmp_path / "missing.md", "no such file"),
        "directory": (tmp_path, "is a directory"),
    }


@pytest.mark.parametrize("case", ["binary", "latin-1", "not a seminar page", "empty", "missing", "directory"])
def test_unreadable_input_exits_2_with_one_line(tmp_path: Path, case: str) -> None:
    path, message = bad_inputs(tmp_path)[case]
    result = subprocess.run(
        [sys.executable, "-m", "seminar_cli", "show", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert message in result.stderr


def test_help_teaches() -> None:
    result = runner.invoke(app, ["show", "--help"])
    assert result.exit_code == 0
    assert "--json" in result.stdout and "Example:" in result.stdout

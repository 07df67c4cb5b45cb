"""The catalogue of bad inputs: each is one clear line on stderr, exit 2, and the page left as it was."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES
from typer.testing import CliRunner

from seminar_cli.api import parse_page
from seminar_cli.cli.app import app

runner = CliRunner()
SCHEDULE = "| Date | Location | Name | Affiliation | Talk |\n| --- | --- | --- | --- | --- |\n"
PAGE = "---\ntitle: Test\npermalink: /events/test-2026/\n---\n\n# Next Presentation\n\n# Schedule\n\n"


def page_with(tmp_path: Path, text: str | bytes, name: str = "page.md") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def example(tmp_path: Path, name: str = "ml-seminar-2026.md") -> Path:
    path = tmp_path / name
    shutil.copyfile(EXAMPLES / name, path)
    return path


ADD = ["--date", "2026-12-10", "--speaker", "Ann Lee"]

# name -> (page bytes or None for the example page, command after PAGE, message on stderr)
CASES: dict[str, tuple[str | bytes | None, list[str], str]] = {
    "empty file": ("", ["add-talk", *ADD], "page.md: the page is empty"),
    "binary file": (b"\x89PNG\r\n\x1a\n\x00\x00", ["rotate"], "page.md:3:1: is a binary file, not a markdown page"),
    "invalid UTF-8": (PAGE.encode() + b"caf\xe9\n", ["rotate"], "page.md:10:4: is not UTF-8 text: found byte 0xe9"),
    "no schedule section": (
        "# Next Presentation\n\n# Past Presentations\n",
        ["add-talk", *ADD],
        "page.md: the page has no Schedule section: expected a heading such as '# Schedule'",
    ),
    "two schedule sections": (
        PAGE + SCHEDULE + "\n# Schedule\n\n" + SCHEDULE,
        ["add-talk", *ADD],
        "page.md:13:1: the page has 2 Schedule sections: found a second one at line 13 (first at line 8)",
    ),
    "no Next section for a talk block": (
        "# Schedule\n\n" + SCHEDULE,
        ["add-talk", *ADD, "--next"],
        "page.md: the page has no Next section",
    ),
    "row with too many cells": (
        PAGE + SCHEDULE + "| 12-03-2026 | Room 1 | Bo Park | State U | Graphs | extra |\n",
        ["add-talk", *ADD],
        "page.md:12:54: this schedule row has 6 cells but the header has 5",
    ),
    "row with too few cells": (
        PAGE + SCHEDULE + "| 12-03-2026 | Room 1 | Bo Park |\n",
        ["add-talk", *ADD],
        "page.md:12:34: this schedule row has 3 cells but the header has 5",
    ),
    "impossible date on the page": (
        PAGE + SCHEDULE + "| 02/30/2026 | Room 1 | Bo Park | State U | Graphs |\n",
        ["add-talk", *ADD],
        "page.md:12:3: this schedule row's date cannot be read: found '02/30/2026'",
    ),
    "unknown date format on the page": (
        PAGE + SCHEDULE + "| early March | Room 1 | Bo Park | State U | Graphs |\n",
        ["add-talk", *ADD],
        "page.md:12:3: this schedule row's date cannot be read: found 'early March'",
    ),
    "impossible date given": (
        None,
        ["add-talk", "--date", "02/30/2027", "--speaker", "A"],
        "is not a date that exists",
    ),
    "unknown date format given": (
        None,
        ["reschedule", "--talk", "next", "--date", "soon"],
        "not a date in a known format",
    ),
    "selector matching two talks": (None, ["cancel", "--talk", "models"], "'models' matches 2 talks"),
    "selector matching nothing": (None, ["cancel", "--talk", "nobody"], "no talk matches 'nobody'"),
    "newline in a one-line value": (None, ["add-talk", *ADD, "--title", "two\nlines"], "--title must be one line"),
    "--today and --now together": (
        None,
        ["rotate", "--today", "2026-12-04", "--now", "2026-12-04T10:00"],
        "both given",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case: str, tmp_path: Path) -> None:
    text, command, message = CASES[case]
    path = example(tmp_path) if text is None else page_with(tmp_path, text)
    before = path.read_bytes()
    result = runner.invoke(app, [command[0], str(path), *command[1:]])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stderr.startswith("seminar: ") and "Traceback" not in result.stderr
    if case not in ("selector matching two talks", "selector matching nothing"):
        assert len(result.stderr.splitlines()) == 1
    assert path.read_bytes() == before


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    path = page_with(tmp_path, PAGE + SCHEDULE + "| 02/30/2026 | Room 1 | Bo Park | State U | Graphs |\n")
    result = subprocess.run(
        [sys.executable, "-m", "seminar_cli", "add-talk", str(path), *ADD], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"seminar: {path}:12:3: ")


def test_missing_path_and_directory(tmp_path: Path) -> None:
    for target, message in ((tmp_path / "nope.md", "no such file"), (tmp_path, "is a directory")):
        result = runner.invoke(app, ["rotate", str(target)])
        assert result.exit_code == 2 and message in result.stderr


def test_read_only_page_is_refused(tmp_path: Path) -> None:
    path = example(tmp_path)
    path.chmod(0o444)
    before = path.read_bytes()
    result = runner.invoke(app, ["rotate", str(path), "--today", "2026-12-04"])
    assert result.exit_code == 2
    assert f"seminar: {path}: is read-only; nothing was written" in result.stderr
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    path = example(folder)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        result = runner.invoke(app, ["rotate", str(path), "--today", "2026-12-04"])
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert "is in a read-only folder; nothing was written" in result.stderr
    assert path.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == [path.name]


def test_values_with_pipes_html_and_markdown_are_kept_literally(tmp_path: Path) -> None:
    path = example(tmp_path)
    title = "<b>Bold</b> claims about **stars** | _underscores_ and [brackets]"
    result = runner.invoke(app, ["add-talk", str(path), *ADD, "--title", title, "--next", "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output
    page = parse_page(path.read_text())
    assert [talk.title for _, talk in page.talks() if talk.when and str(talk.when.date) == "2026-12-10"] == [title]
    assert next(entry.title for entry in page.schedule.entries if entry.name == "Ann Lee") == title  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["bom.md", "crlf.md", "mixed-endings.md", "no-final-newline.md"])
def test_edits_keep_the_bom_and_the_line_endings(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    shutil.copyfile(DATA / name, path)
    original = path.read_bytes()
    for command in (
        ["add-talk", str(path), "--date", "2025-11-13", "--speaker", "Ann Lee", "--title", "T", "--next",
         "--today", "2025-10-17"],
        ["rotate", str(path), "--today", "2025-10-17"],
        ["reschedule", str(path), "--talk", "Holmberg", "--date", "2025-12-04"],
    ):  # fmt: skip
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
    assert after.endswith(b"\n") == original.endswith(b"\n")
    if name == "crlf.md":
        assert after.count(b"\n") == after.count(b"\r\n")
    if name == "mixed-endings.md":  # CRLF lines stay CRLF; new lines take the page's usual LF
        kept = [line for line in original.splitlines(keepends=True) if line.endswith(b"\r\n")]
        assert sorted(line for line in after.splitlines(keepends=True) if line.endswith(b"\r\n")) == sorted(kept)
    assert parse_page(after.decode()).sections_of("past")[0].talks

"""Edit commands on the command line: diffs, --check, prompts, safe values, refusals, atomic writes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import invoke
from typer.testing import CliRunner

from seminar_cli import api
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.errors import WriteRefusedError
from seminar_cli.model import Field, Page, replace

runner = CliRunner()


@pytest.fixture
def page(ml_page: Path) -> Path:
    """Our current-markup example page, copied to edit."""
    return ml_page


def test_dry_run_prints_a_diff_and_writes_nothing(page: Path) -> None:
    before = page.read_bytes()
    code, out, _ = invoke("reschedule", str(page), "--talk", "Marchetti", "--date", "2026-12-10", "--dry-run")
    assert code == 0
    assert page.read_bytes() == before
    assert "-<br> Time: 10:00 a.m. - 11 a.m. ET, Thursday, 12/03/2026" in out
    assert "+<br> Time: 10:00 a.m. - 11 a.m. ET, Thursday, 12/10/2026" in out
    assert "+| 12-10-2026 | On Site | Elena Marchetti |" in out
    assert "\x1b[" not in out  # no colour when piped


def test_check_exits_1_when_the_page_would_change(page: Path) -> None:
    before = page.read_bytes()
    assert invoke("rotate", str(page), "--today", "2026-12-04", "--check")[0] == 1
    assert page.read_bytes() == before
    assert invoke("rotate", str(page), "--today", "2026-11-23", "--check")[0] == 0


def test_writes_only_when_changed_and_keeps_the_mode(page: Path) -> None:
    page.chmod(0o640)
    mtime = page.stat().st_mtime_ns
    assert invoke("rotate", str(page), "--today", "2026-11-23")[0] == 0
    assert page.stat().st_mtime_ns == mtime  # nothing to rotate: not even rewritten
    code, out, _ = invoke("rotate", str(page), "--today", "2026-12-04")
    assert code == 0 and "rotated into Past" in out
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert not [path for path in page.parent.iterdir() if path.name.startswith(".")]  # no temp file left


def test_a_symlinked_page_is_edited_through_the_link(page: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(page)
    assert invoke("rotate", str(link), "--today", "2026-12-04")[0] == 0
    assert link.is_symlink()
    assert "# Next Presentation" in page.read_text()
    assert page.read_text().index("**Graph Transformers") > page.read_text().index("# Past Presentations")


def test_ambiguous_and_unmatched_selectors_list_the_candidates(page: Path) -> None:
    code, _, err = invoke("cancel", str(page), "--talk", "University")
    assert code == 2
    assert "no talk matches 'University'" in err
    assert "2026-12-03 Elena Marchetti: Graph Transformers" in err
    code, _, err = invoke("cancel", str(page), "--talk", "models")
    assert code == 2
    assert "matches 2 talks" in err and "Marcus Delacroix" in err and "Yuki Tanabe" in err
    assert "Priya Venkataraman" not in err


def test_date_in_the_page_format_and_iso(page: Path) -> None:
    for value in ("2027-01-14", "01-14-2027", "01/14/2027"):
        code, out, _ = invoke("add-talk", str(page), "--date", value, "--speaker", "Oren Katz", "--dry-run")
        assert code == 0, out
        assert "+| 01-14-2027 | TBD | Oren Katz |" in out
    code, _, err = invoke("add-talk", str(page), "--date", "02/30/2027", "--speaker", "Oren Katz")
    assert code == 2 and "is not a date that exists" in err
    code, _, err = invoke("add-talk", str(page), "--date", "next week", "--speaker", "Oren Katz")
    assert code == 2 and "not a date in a known format" in err


def test_values_are_made_safe_for_their_place(page: Path) -> None:
    title = "Graphs *and* [Trees] <3 | a_b"
    code, out, _ = invoke(
        "add-talk", str(page), "--date", "2026-11-26", "--speaker", "Oren Katz", "--title", title,
        "--next", "--today", "2026-11-23",
    )  # fmt: skip
    assert code == 0, out
    written = api.read_page(str(page))
    assert next(talk.title for _, talk in written.talks()) == title
    entry = next(entry for entry in written.schedule.entries if entry.name == "Oren Katz")  # type: ignore[union-attr]
    assert entry.title == title.replace("|", "|")
    assert "\\|" in entry.row.text
    code, _, err = invoke("add-talk", str(page), "--date", "2026-11-26", "--speaker", "Oren Katz", "--title", "a\nb")
    assert code == 2 and "--title must be one line" in err


def test_missing_values_are_a_usage_error_when_not_on_a_terminal(page: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "seminar_cli", "add-talk", str(page), "--speaker", "Oren Katz"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "missing --date" in result.stderr and "Traceback" not in result.stderr


def test_missing_values_are_prompted_for_on_a_terminal(page: Path) -> None:
    pty = pytest.importorskip("pty")
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child runs seminar on the pseudo-terminal
        os.execv(sys.executable, [sys.executable, "-m", "seminar_cli", "add-talk", str(page), "--today", "2026-11-23"])
    transcript = b""
    answers = iter([b"2027-01-14\n", b"Oren Katz\n"])
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        transcript += chunk
        if transcript.rstrip().endswith(b":"):
            os.write(fd, next(answers, b"\n"))
            transcript += b"\n"
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, transcript
    assert b"Date of the talk" in transcript and b"Speaker name" in transcript
    assert "| 01-14-2027 | TBD | Oren Katz |" in page.read_text()


def test_a_result_that_does_not_read_back_as_intended_is_refused(page: Path) -> None:
    """The re-read check: an operation whose text says something else than its model never writes."""

    def lying(page_model: Page, style: PageStyle) -> Edit:
        section, talk = page_model.talks()[0]
        wrong = replace(talk, title="Something Else")
        new_section = replace(section, items=tuple(wrong if item is talk else item for item in section.items))
        return Edit(replace(page_model, sections=tuple(
            new_section if other is section else other for other in page_model.sections
        )), "lied")  # fmt: skip

    def breaking(page_model: Page, style: PageStyle) -> Edit:
        section, talk = page_model.talks()[0]
        title = talk.parts[0]
        assert isinstance(title, Field)
        broken = replace(talk, parts=(replace(title, text="Broken** **title"), *talk.parts[1:]))
        new_section = replace(section, items=tuple(broken if item is talk else item for item in section.items))
        return Edit(replace(page_model, sections=tuple(
            new_section if other is section else other for other in page_model.sections
        )), "broke")  # fmt: skip

    before = page.read_bytes()
    for operation in (lying, breaking):
        with pytest.raises(WriteRefusedError, match="would not read back as intended"):
            api.edit_file(str(page), operation, write=True)
        assert page.read_bytes() == before


def test_help_teaches_every_edit_command() -> None:
    for command in ("add-talk", "reschedule", "cancel", "rotate"):
        code, out, _ = invoke(command, "--help")
        assert code == 0
        assert "Example: seminar" in out and "--dry-run" in out and "--check" in out

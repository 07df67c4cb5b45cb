"""Golden edits: a page before, a command line, the page after, compared as bytes.

One folder per case under tests/golden/: `cmd` (the arguments after `seminar`, one
command per line, `{page}` standing for the page), the page before (`before.md`, or
`source` naming `examples/NAME` or `shared/NAME`), and the page after (`after.md` for
our pages, `after.lines` for real pages). `pytest --update-goldens` rewrites the
expected pages; review them with `git diff`.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, SHARED, read, shared_page
from golden_format import decode, encode
from typer.testing import CliRunner

from seminar_cli.api import parse_page, render_page
from seminar_cli.cli.app import app

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(path for path in GOLDEN.iterdir() if path.is_dir())


def source_of(case: Path) -> tuple[Path, bool]:
    """The page a case starts from, and whether it is a real (shared) page."""
    if (case / "before.md").exists():
        return case / "before.md", False
    name = (case / "source").read_text().strip()
    kind, _, file = name.partition("/")
    if kind == "shared":
        return shared_page(file), True
    return EXAMPLES / file, False


def run_case(case: Path, page: Path) -> list[str]:
    outputs = []
    for line in (case / "cmd").read_text().splitlines():
        if not line.strip():
            continue
        args = [arg.replace("{page}", str(page)).replace("{case}", str(case)) for arg in shlex.split(line)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, f"{line}: exit {result.exit_code}\n{result.output}"
        outputs.append(result.stdout)
    return outputs


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_golden(case: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    source, real = source_of(case)
    page = tmp_path / "page.md"
    shutil.copyfile(source, page)
    run_case(case, page)
    after = page.read_bytes()
    expected_file = case / ("after.lines" if real else "after.md")
    if request.config.getoption("--update-goldens"):
        if real:
            expected_file.write_text(encode(read(source), after.decode("utf-8")), encoding="utf-8")
        else:
            expected_file.write_bytes(after)
    expected = decode(read(source), expected_file.read_text("utf-8")).encode() if real else expected_file.read_bytes()
    assert after == expected
    text = after.decode("utf-8")
    assert render_page(parse_page(text)) == text


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_golden_commands_are_idempotent(case: Path, tmp_path: Path) -> None:
    """Running a case's last rotate or cancel again changes nothing."""
    last = [line for line in (case / "cmd").read_text().splitlines() if line.strip()][-1]
    if last.split()[0] not in ("rotate", "cancel") or "--remove" in last:
        pytest.skip("only rotate and cancel (marking) are idempotent by design")
    source, _ = source_of(case)
    page = tmp_path / "page.md"
    shutil.copyfile(source, page)
    run_case(case, page)
    once = page.read_bytes()
    args = [arg.replace("{page}", str(page)).replace("{case}", str(case)) for arg in shlex.split(last)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == once


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_reading_an_edited_page_with_the_page_before_known_reads_it_afresh(case: Path) -> None:
    """The talk blocks an edit left as they were are taken from the page before, moved to their new lines: the
    result is what a fresh read gives, line numbers and all."""
    source, real = source_of(case)
    before = read(source)
    expected_file = case / ("after.lines" if real else "after.md")
    after = decode(before, expected_file.read_text("utf-8")) if real else expected_file.read_bytes().decode()
    known = parse_page(before)
    fresh = parse_page(after)
    again = parse_page(after, known=known)
    assert again == fresh


def test_golden_format_round_trips() -> None:
    before = "a\nb\nc\nd\ne\n"
    after = "a\nc\nd\ne\nnew\r\nb\n"
    assert decode(before, encode(before, after)) == after


def test_there_are_goldens_for_every_command() -> None:
    commands = {(case / "cmd").read_text().split()[0] for case in CASES}
    assert commands >= {"add-talk", "reschedule", "cancel", "rotate"}
    assert SHARED.name == "pages"


def _lint_keys(text: str, today: str) -> list[tuple[str, str]]:
    """What lint says about a page, without positions (lines move when an edit adds or moves lines)."""
    import re
    from datetime import date

    from seminar_cli.lint.engine import lint_page

    page = parse_page(text)
    found = lint_page(page, today=date.fromisoformat(today), source=text)
    return [(item.code, re.sub(r"\blines? \d+", "line N", item.message)) for item in found]


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_an_edit_introduces_no_lint_finding(case: Path, tmp_path: Path) -> None:
    """Whatever lint says after an edit, it said before it: the command introduced nothing.

    Lint runs as of the case's `today` file, else its command's --today/--now, else 2026-11-23.
    A `lint-allow` file names findings the user's own input explains (a time asked for), with why.
    """
    import re
    from collections import Counter

    source, _ = source_of(case)
    page = tmp_path / "page.md"
    shutil.copyfile(source, page)
    commands = (case / "cmd").read_text()
    day = re.search(r"--(?:today|now) (\d{4}-\d{2}-\d{2})", commands)
    today = (case / "today").read_text().strip() if (case / "today").exists() else day.group(1) if day else "2026-11-23"
    allowed = (
        {line.split()[0] for line in (case / "lint-allow").read_text().splitlines()}
        if (case / "lint-allow").exists()
        else set()
    )
    before = Counter(_lint_keys(read(source), today))
    run_case(case, page)
    introduced = Counter(key for key in _lint_keys(read(page), today) if key[0] not in allowed) - before
    assert not introduced, introduced

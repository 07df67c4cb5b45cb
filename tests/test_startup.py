"""Start-up stays lean: `seminar lint` (the pre-commit hook's command) loads no heavy module it does not need,
and its lean route behaves exactly like the typer command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, shared_pages

HEAVY = ("mistune", "rich", "dateutil", "pydantic", "typer")


def modules(code: list[str], cwd: Path | None = None, *, exit_code: int = 0) -> set[str]:
    """Full names of the modules a Python process imports, read from -X importtime; the process must exit as told."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *code], capture_output=True, text=True, check=False, cwd=cwd
    )
    assert result.returncode == exit_code, result.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def imported(code: list[str], cwd: Path | None = None, *, exit_code: int = 0) -> set[str]:
    """Top-level names of the modules a Python process imports (it must exit with `exit_code`)."""
    return {name.split(".")[0] for name in modules(code, cwd, exit_code=exit_code)}


def test_importing_the_entry_and_the_lint_command_loads_nothing_heavy() -> None:
    found = imported(["-c", "import seminar_cli.cli.entry, seminar_cli.cli.lean"])
    assert not found & set(HEAVY), found & set(HEAVY)


def test_linting_a_page_without_links_needs_only_the_lint_code(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Next Presentation\n\n# Schedule\n\n| Date | Name |\n| --- | --- |\n| 01/20/2026 | Ann |\n")
    found = imported(["-m", "seminar_cli", "lint", "--today", "2026-01-21", str(page)])  # after the talk
    assert "seminar_cli" in found
    assert not found & set(HEAVY), found & set(HEAVY)


def test_linting_real_pages_never_loads_typer_rich_or_pydantic() -> None:
    pages = [str(path) for path in shared_pages()] or [str(path) for path in EXAMPLES.glob("*.md")]
    found = imported(["-m", "seminar_cli", "lint", "--today", "2026-11-23", *pages], exit_code=1 if pages else 0)
    assert not found & {"rich", "pydantic", "typer", "dateutil"}


def test_an_import_that_crashes_fails_the_probe() -> None:
    with pytest.raises(AssertionError):
        imported(["-c", "import seminar_cli.cli.entry; raise SystemExit(3)"])


@pytest.mark.parametrize("args", [["--version"], ["--help"], []], ids=["--version", "--help", "no arguments"])
def test_version_and_help_do_not_load_the_lint_rules(args: list[str]) -> None:
    found = modules(["-m", "seminar_cli", *args], exit_code=2 if not args else 0)
    assert "seminar_cli.cli.app" in found
    assert not {name for name in found if name.startswith("seminar_cli.lint.rules_")}, sorted(found)
    assert not {name for name in found if name.split(".")[0] in ("mistune", "dateutil")}


def test_typer_imports_pydantic_which_is_why_lint_takes_the_lean_route() -> None:
    found = imported(["-m", "seminar_cli", "show", str(EXAMPLES / "ml-seminar-2026.md")])
    assert "typer" in found


LINT_LINES = [
    ["--today", "2026-11-23", "{example}"],
    ["--today=2026-11-23", "--format", "json", "{example}"],
    ["--format=github", "--today", "2026-12-24", "{example}"],
    ["--today", "2026-12-24", "--select", "SEM020", "--exit-zero", "{example}"],
    ["--today", "2026-12-24", "--ignore", "SEM020,SEM004", "{example}"],
    ["--today", "2026-12-24", "--format", "sarif", "{example}"],
    ["--today", "2026-13-01", "{example}"],
    ["--select", "SEM999", "{example}"],
    ["--today", "2026-11-23", "{missing}"],
    ["--today", "2026-11-23", "{folder}"],
    ["--today", "2026-11-23"],
    ["--format", "yaml", "{example}"],
    ["--bogus", "{example}"],
    ["--help"],
]


@pytest.mark.parametrize("line", LINT_LINES, ids=lambda line: " ".join(line))
def test_the_lean_route_and_the_typer_command_behave_the_same(line: list[str], tmp_path: Path) -> None:
    values = {"{example}": str(EXAMPLES / "ml-seminar-2026.md"), "{missing}": str(tmp_path / "x.md"),
              "{folder}": str(EXAMPLES)}  # fmt: skip
    args = [values.get(word, word) for word in line]
    env = {**os.environ, "COLUMNS": "100"}
    lean = subprocess.run(
        [sys.executable, "-c", "import sys; from seminar_cli.cli.entry import main; sys.argv[0] = 'seminar'; main()",
         "lint", *args],
        capture_output=True, text=True, check=False, cwd=tmp_path, env=env,
    )  # fmt: skip
    typer_route = subprocess.run(
        [sys.executable, "-c", "import sys; from seminar_cli.cli.app import app; sys.argv[0] = 'seminar'; app()",
         "lint", *args],
        capture_output=True, text=True, check=False, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert (lean.returncode, lean.stdout, lean.stderr) == (
        typer_route.returncode,
        typer_route.stdout,
        typer_route.stderr,
    )

"""Start-up stays lean: `seminar lint` (the pre-commit hook's command) loads no heavy module it does not need,
and its lean route behaves exactly like the typer command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, shared_pages

import seminar_cli
from seminar_cli.cli.lean import COMMANDS, EXPORT, LINT, ROTATE, SHOW, read_line

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


def test_version_loads_nothing_but_the_entry_and_prints_what_typer_prints() -> None:
    found = modules(["-m", "seminar_cli", "--version"])
    ours = {name for name in found if name.startswith("seminar_cli")}
    assert ours == {"seminar_cli", "seminar_cli.cli", "seminar_cli.cli.entry"}, sorted(ours)
    assert not {name.split(".")[0] for name in found} & set(HEAVY)
    lean = subprocess.run([sys.executable, "-m", "seminar_cli", "--version"], capture_output=True, text=True)
    typer_app = "from seminar_cli.cli.app import app; app()"
    typer_route = subprocess.run([sys.executable, "-c", typer_app, "--version"], capture_output=True, text=True)
    expected = (0, f"seminar {seminar_cli.__version__}\n", "")
    assert (lean.returncode, lean.stdout, lean.stderr) == (0, typer_route.stdout, "") == expected


@pytest.mark.parametrize("args", [["--help"], []], ids=["--help", "no arguments"])
def test_version_and_help_do_not_load_the_lint_rules(args: list[str]) -> None:
    found = modules(["-m", "seminar_cli", *args], exit_code=2 if not args else 0)
    assert "seminar_cli.cli.app" in found
    assert not {name for name in found if name.startswith("seminar_cli.lint.rules_")}, sorted(found)
    assert not {name for name in found if name.split(".")[0] in ("mistune", "dateutil")}


COMMAND_LINES = [
    ["show", "{example}"],
    ["show", "--json", "{example}"],
    ["show", "--help"],
    ["show"],
    ["show", "--bogus", "{example}"],
    ["export", "--format", "yaml", "{example}"],
    ["rotate", "--dry-run", "--today", "2026-12-24", "{example}"],
    ["add-talk", "{example}"],
    ["add-talk", "--help"],
    ["--help"],
    ["shwo", "{example}"],
    ["--version", "show"],
]


@pytest.mark.parametrize("line", COMMAND_LINES, ids=lambda line: " ".join(line))
def test_an_app_of_the_one_command_named_behaves_as_the_whole_app(line: list[str]) -> None:
    args = [str(EXAMPLES / "ml-seminar-2026.md") if word == "{example}" else word for word in line]
    env = {**os.environ, "COLUMNS": "100"}
    prelude = "import sys; from seminar_cli.cli.app import app, app_for"
    runs = [
        subprocess.run([sys.executable, "-c", f"{prelude}; {call}", *args], capture_output=True, text=True, env=env)
        for call in ("app_for(sys.argv[1:])()", "app()")
    ]
    single, whole = ((run.returncode, run.stdout, run.stderr) for run in runs)
    assert single == whole
    assert single[0] in (0, 1, 2)


def test_typer_imports_pydantic_which_is_why_lint_takes_the_lean_route() -> None:
    found = imported(["-m", "seminar_cli", "announce", str(EXAMPLES / "ml-seminar-2026.md")])
    assert {"typer", "pydantic"} <= found


@pytest.mark.parametrize(
    "line",
    [["show"], ["show", "--json"], ["export", "--format", "csv"], ["rotate", "--dry-run", "--today", "2026-12-24"]],
    ids=" ".join,
)
def test_plain_show_export_and_rotate_lines_take_the_lean_route(line: list[str]) -> None:
    found = imported(["-m", "seminar_cli", *line, str(EXAMPLES / "ml-seminar-2026.md")])
    assert "seminar_cli" in found
    assert not found & {"typer", "pydantic", "rich", "click"}, found & {"typer", "pydantic", "rich"}


LEAN_LINES = [
    ["lint", "--today", "2026-11-23", "{example}"],
    ["lint", "--today=2026-11-23", "--format", "json", "{example}"],
    ["lint", "--format=github", "--today", "2026-12-24", "{example}"],
    ["lint", "--today", "2026-12-24", "--select", "SEM020", "--exit-zero", "{example}"],
    ["lint", "--today", "2026-12-24", "--ignore", "SEM020,SEM004", "{example}"],
    ["lint", "--today", "2026-12-24", "--format", "sarif", "{example}"],
    ["lint", "--today", "2026-13-01", "{example}"],
    ["lint", "--select", "SEM999", "{example}"],
    ["lint", "--today", "2026-11-23", "{missing}"],
    ["lint", "--today", "2026-11-23", "{folder}"],
    ["lint", "--today", "2026-11-23"],
    ["lint", "--format", "yaml", "{example}"],
    ["lint", "--bogus", "{example}"],
    ["lint", "--help"],
    ["show", "{example}"],
    ["show", "--json", "{example}"],
    ["show", "{missing}"],
    ["show", "{folder}"],
    ["show", "{example}", "{example}"],
    ["show"],
    ["show", "-j", "{example}"],
    ["export", "{example}"],
    ["export", "--format", "csv", "{example}"],
    ["export", "--format=json", "--timezone", "Europe/Paris", "{example}"],
    ["export", "--timezone", "Mars/Olympus", "{example}"],
    ["export", "--format", "yaml", "{example}"],
    ["export", "-o", "-", "{example}"],
    ["export", "-o", "{example}", "{example}"],
    ["export", "--output", "{existing}", "{example}"],
    ["export", "--previous", "{missing}", "{example}"],
    ["rotate", "--dry-run", "--today", "2026-12-24", "{example}"],
    ["rotate", "--check", "--now", "2026-03-01T12:00", "{example}", "{example}"],
    ["rotate", "--dry-run", "--past-talks", "rows", "--today", "2027-01-01", "{example}"],
    ["rotate", "--dry-run", "--past-talks", "some", "{example}"],
    ["rotate", "--dry-run", "--today", "tomorrow", "{example}"],
    ["rotate", "--dry-run", "{missing}"],
    ["rotate", "--dry-run"],
]


@pytest.mark.parametrize("line", LEAN_LINES, ids=lambda line: " ".join(line))
def test_the_lean_route_and_the_typer_command_behave_the_same(line: list[str], tmp_path: Path) -> None:
    existing = tmp_path / "old.ics"
    existing.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    values = {"{example}": str(EXAMPLES / "ml-seminar-2026.md"), "{missing}": str(tmp_path / "x.md"),
              "{folder}": str(EXAMPLES), "{existing}": str(existing)}  # fmt: skip
    args = [values.get(word, word) for word in line]
    env = {**os.environ, "COLUMNS": "100"}
    lean = subprocess.run(
        [sys.executable, "-c", "import sys; from seminar_cli.cli.entry import main; sys.argv[0] = 'seminar'; main()",
         *args],
        capture_output=True, text=True, check=False, cwd=tmp_path, env=env,
    )  # fmt: skip
    typer_route = subprocess.run(
        [sys.executable, "-c", "import sys; from seminar_cli.cli.app import app; sys.argv[0] = 'seminar'; app()",
         *args],
        capture_output=True, text=True, check=False, cwd=tmp_path, env=env,
    )  # fmt: skip
    stamped = re.compile(r"^DTSTAMP:\d{8}T\d{6}Z$", re.M)  # the moment of the export: each run its own
    assert (lean.returncode, stamped.sub("DTSTAMP:", lean.stdout), lean.stderr) == (
        typer_route.returncode,
        stamped.sub("DTSTAMP:", typer_route.stdout),
        typer_route.stderr,
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_lean_reader_takes_exactly_the_options_the_typer_command_declares(name: str) -> None:
    import typer.main

    from seminar_cli.cli.app import app

    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    spec = COMMANDS[name][0]
    options = {opt: param for param in command.params if param.param_type_name == "option" for opt in param.opts}
    assert set(options) == set(spec.flags) | set(spec.values) | set(spec.repeated)
    for option, param in options.items():
        kind = spec.flags if param.is_flag else spec.repeated if param.multiple else spec.values
        assert kind.get(option) == param.name, option
    (argument,) = [param for param in command.params if param.param_type_name == "argument"]
    assert (argument.name, argument.nargs == -1, not argument.required) == (
        spec.positional,
        spec.several,
        spec.optional,
    )


def test_the_lean_reader_takes_the_choices_the_typer_commands_take() -> None:
    from seminar_cli.cli.lean import EXPORT, LINT, ROTATE, Format
    from seminar_cli.cli.show import ExportFormat
    from seminar_cli.cli.talks import PastTalks

    for spec, parameter, choices in ((LINT, "output_format", Format), (EXPORT, "output_format", ExportFormat),
                                     (ROTATE, "past_talks", PastTalks)):  # fmt: skip
        assert spec.choices[parameter] == {member.value for member in choices}


def test_the_lean_reader_reads_options_as_typer_does() -> None:
    given = read_line(ROTATE, ["--today=2026-12-24", "a.md", "--dry-run", "--today", "2026-12-25", "b.md"])
    assert given == {"dry_run": True, "check": False, "today": "2026-12-25", "moment": None, "past_talks": None,
                     "pages": ["a.md", "b.md"]}  # fmt: skip
    assert read_line(EXPORT, ["-o", "-", "p.md"]) == {"force": False, "output_format": None, "output": "-",
                                                     "previous": None, "timezone": None, "page": "p.md"}  # fmt: skip
    assert read_line(LINT, ["--select", "SEM001", "--select=SEM002"])["select"] == ["SEM001", "SEM002"]  # type: ignore[index]
    for line in (["-o"], ["-o=x", "p.md"], ["--json=yes", "p.md"], ["--help"], ["p.md", "q.md"], [], ["--", "p.md"]):
        spec = SHOW if "--json=yes" in line or line[:1] in (["p.md"], [], ["--help"], ["--"]) else EXPORT
        assert read_line(spec, line) is None, line

"""Start-up stays lean: `seminar lint` (the pre-commit hook's command) loads no heavy module it does not need,
and its lean route behaves exactly like the typer command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, shared_pages

import seminar_cli
from seminar_cli.cli.lean import COMMANDS, EXPORT, LINT, ROTATE, SHOW, read_line

HARNESS = Path(__file__).parent / "command_lines.py"
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


def test_linting_real_pages_never_loads_typer_rich_pydantic_or_typing() -> None:
    """`typing` too: the modules lint loads import it only for the type checker (`TYPE_CHECKING = False`);
    nor `signal` (its handlers are set through `_signal`) or `contextlib` (only writes need it)."""
    pages = [str(path) for path in shared_pages()] or [str(path) for path in EXAMPLES.glob("*.md")]
    found = imported(["-m", "seminar_cli", "lint", "--today", "2026-11-23", *pages], exit_code=1 if pages else 0)
    found -= imported(["-c", "pass"])  # what Python loads before any of ours (an editable install's finder, say)
    assert not found & {"rich", "pydantic", "typer", "dateutil", "typing", "signal", "contextlib"}


def test_linting_a_markdown_page_loads_no_regular_expression_module(tmp_path: Path) -> None:
    """`re` (and the `enum` it builds its flags with) loads only to compile a pattern the cache lacks, for HTML, or
    for a TOML configuration: not for a markdown page. Run without `site`, where Python itself loads neither."""
    page = tmp_path / "page.md"
    shutil.copy(EXAMPLES / "ml-seminar-2026.md", page)
    root = str(Path(seminar_cli.__file__).resolve().parent.parent)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); sys.argv[1:2] = []; "
        "from seminar_cli.cli import entry\n"
        "try: entry.main()\nexcept SystemExit: pass\n"
        "print(sorted(name for name in ('re', 'enum') if name in sys.modules))"
    )
    env = {**os.environ, "SEMINAR_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run fills the pattern cache (and compiles with `re`); the second reads it
        result = subprocess.run(
            [sys.executable, "-S", "-c", probe, root, "lint", "--today", "2026-11-23", str(page)],
            capture_output=True, text=True, check=False, cwd=tmp_path, env=env,
        )  # fmt: skip
        assert result.returncode in (0, 1), result.stderr[-2000:]
    assert result.stdout.splitlines()[-1] == "[]", result.stdout[-500:]


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


def run_lines(route: str, lines: list[dict[str, object]], env: dict[str, str] | None = None) -> list[list[object]]:
    """[exit code, stdout, stderr] of each line, run one after another in one process (tests/command_lines.py)."""
    env = {**os.environ, "COLUMNS": "100", **(env or {})}
    result = subprocess.run(
        [sys.executable, str(HARNESS), route], input=json.dumps(lines), capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found: list[list[object]] = json.loads(result.stdout)
    assert len(found) == len(lines)
    return found


Pairs = dict[str, tuple[list[object], list[object]]]  # a command line -> what each of two routes gave


def side_by_side(
    routes: tuple[str, str], named: list[list[str]], lines: Callable[[], list[dict[str, object]]]
) -> Pairs:
    """Each line of `named` run by both routes; `lines()` gives the runs their arguments and fresh folders."""
    pairs = zip(run_lines(routes[0], lines()), run_lines(routes[1], lines()), strict=True)
    return {" ".join(line): pair for line, pair in zip(named, pairs, strict=True)}


@pytest.fixture(scope="module")
def single_and_whole(tmp_path_factory: pytest.TempPathFactory) -> Pairs:
    """Each of COMMAND_LINES run by the app of the one command named and by the whole app."""
    folder = tmp_path_factory.mktemp("single")
    example = str(EXAMPLES / "ml-seminar-2026.md")

    def lines() -> list[dict[str, object]]:
        return [{"args": [example if word == "{example}" else word for word in line], "cwd": str(folder)}
                for line in COMMAND_LINES]  # fmt: skip

    return side_by_side(("single", "app"), COMMAND_LINES, lines)


@pytest.mark.parametrize("line", COMMAND_LINES, ids=lambda line: " ".join(line))
def test_an_app_of_the_one_command_named_behaves_as_the_whole_app(line: list[str], single_and_whole: Pairs) -> None:
    single, whole = single_and_whole[" ".join(line)]
    assert single == whole
    assert single[0] in (0, 1, 2)


def test_the_harness_reports_what_a_process_would() -> None:
    command_lines = [["--version"], ["show", "nowhere.md"], ["lint", "--today", "2026-11-23", "ml-seminar-2026.md"]]
    harness = run_lines("entry", [{"args": args, "cwd": str(EXAMPLES)} for args in command_lines])
    env = {**os.environ, "COLUMNS": "100"}
    processes = [
        subprocess.run(
            [sys.executable, "-m", "seminar_cli", *args], capture_output=True, text=True, cwd=EXAMPLES, env=env
        )
        for args in command_lines
    ]
    assert harness == [[run.returncode, run.stdout, run.stderr] for run in processes]
    assert harness[1][0] == 2 and "nowhere.md" in str(harness[1][2])


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


def lean_folder(root: Path, index: int) -> dict[str, str]:
    """A fresh working folder for line `index` (an old calendar in it) and what its placeholders stand for."""
    folder = root / f"line-{index}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    existing = folder / "old.ics"
    existing.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    return {"{example}": str(EXAMPLES / "ml-seminar-2026.md"), "{missing}": str(folder / "x.md"),
            "{folder}": str(EXAMPLES), "{existing}": str(existing), "cwd": str(folder)}  # fmt: skip


@pytest.fixture(scope="module")
def lean_and_typer(tmp_path_factory: pytest.TempPathFactory) -> Pairs:
    """Each of LEAN_LINES run by the console script and by the typer app, each line in a fresh folder."""
    root = tmp_path_factory.mktemp("lean")

    def lines() -> list[dict[str, object]]:
        made: list[dict[str, object]] = []
        for index, line in enumerate(LEAN_LINES):
            values = lean_folder(root, index)
            made.append({"args": [values.get(word, word) for word in line], "cwd": values["cwd"]})
        return made

    return side_by_side(("entry", "app"), LEAN_LINES, lines)


@pytest.mark.parametrize("line", LEAN_LINES, ids=lambda line: " ".join(line))
def test_the_lean_route_and_the_typer_command_behave_the_same(line: list[str], lean_and_typer: Pairs) -> None:
    lean, typer_route = lean_and_typer[" ".join(line)]
    assert lean[1] or lean[2], "every command line prints something: the harness caught nothing"
    stamped = re.compile(r"^DTSTAMP:\d{8}T\d{6}Z$", re.M)  # the moment of the export: each run its own
    assert [lean[0], stamped.sub("DTSTAMP:", str(lean[1])), lean[2]] == [
        typer_route[0],
        stamped.sub("DTSTAMP:", str(typer_route[1])),
        typer_route[2],
    ]


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
    from seminar_cli.cli.lean import EXPORT, FORMATS, LINT, ROTATE
    from seminar_cli.cli.lint import Format
    from seminar_cli.cli.show import ExportFormat
    from seminar_cli.cli.talks import PastTalks

    for spec, parameter, choices in ((LINT, "output_format", Format), (EXPORT, "output_format", ExportFormat),
                                     (ROTATE, "past_talks", PastTalks)):  # fmt: skip
        assert spec.choices[parameter] == {member.value for member in choices}
    assert tuple(member.value for member in Format) == FORMATS


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

"""Commands without typer: the lean route of `lint`, `show`, `export` and `rotate`, and the lint run both routes share.

`seminar lint` runs on every commit, and scripts run `show`, `export` and `rotate --dry-run`
as often; typer (with the pydantic it imports) costs more than any of them. A plain command
line of these is read here (`Spec`: the options exactly as the typer command declares them,
which a test holds) and handed to the same function the typer command calls (`run_lint`,
`cli.runs`). Kept free of typer, rich and mistune at import time.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..model import Frozen, frozen

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..api import LintResult


FORMATS = ("text", "json", "github", "sarif")  # report formats of `seminar lint` (typer's `--format` choices)


def run_lint(
    paths: list[str],
    today: str | None,
    select: list[str],
    ignore: list[str],
    output: str,
    fix: bool,
    exit_zero: bool,
) -> int:
    """Lint the paths and report; the exit code: 0 clean, 1 findings, 2 an unreadable page."""
    from ..api import lint_paths
    from ..lint.registry import split_codes
    from ..read.clock import typed_today
    from .values import now

    day = typed_today(today, None) if today is not None else None
    chosen, left_out = split_codes(select), split_codes(ignore)
    _check_codes("--select", chosen)
    _check_codes("--ignore", left_out)
    result = lint_paths(_targets(paths), today=day, now=now(), select=chosen, ignore=left_out, fix=fix)
    unreadable = _report(result, output)
    if unreadable:
        return unreadable
    return 0 if exit_zero or not result.findings else 1


def _check_codes(option: str, words: list[str]) -> None:
    from ..errors import UsageError
    from ..lint.registry import select_rules

    try:
        select_rules(words)
    except UsageError as error:
        raise error.with_path(option) from None


def _targets(paths: list[str]) -> list[str]:
    """The paths given, else the configuration's `pages`."""
    import os

    from ..config import configured_pages, find_config
    from ..errors import UsageError

    targets = paths or configured_pages(find_config(os.getcwd()))
    if not targets:
        raise UsageError(
            "no pages to lint",
            path="lint",
            expected="one or more PATHs (pages or folders), or `pages = [...]` under [tool.seminar] "
            "in pyproject.toml or .seminar.toml",
        )
    return targets


_LINES_AT_ONCE = 4096


def _report(result: LintResult, output: str) -> int:
    """Findings on stdout in the chosen format; unreadable pages, refused fixes, notes and a summary on stderr.

    Returns the exit code of the pages that could not be read (0 when every page was read).
    """
    from ..lint import report
    from ..lint.registry import all_rules
    from .boundary import fail
    from .terminal import print_error

    findings = list(result.findings)
    if output == "sarif":
        sys.stdout.write(report.as_sarif(findings, all_rules()))
    elif output == "text":  # a few thousand lines at a time: the report of a big page is never held whole
        for start in range(0, len(findings), _LINES_AT_ONCE):
            sys.stdout.write(report.as_text(findings[start : start + _LINES_AT_ONCE]))
    else:
        writers = {"json": report.as_json, "github": report.as_github}
        sys.stdout.write(writers[output](findings))
    codes = [fail(problem) for problem in (*result.errors, *result.unwritten)]
    for item in result.refused:
        print_error(
            f"{item.path}:{item.line}:{item.column}: {item.code}: the fix was not applied (it did not check out)"
        )
    for notice in result.notices:
        sys.stderr.write(f"note: {notice.path}: {notice.message}\n")
    counts = (len(result.checked), len(result.skipped), len(result.fixed), len(result.errors), len(result.unwritten))
    sys.stderr.write(report.summary(findings, *counts) + "\n")
    return max(codes, default=0)


@frozen
class Spec(Frozen):
    """A command line the lean route reads: the options a command takes (exactly typer's), by parameter."""

    flags: dict[str, str]  # option: parameter
    values: dict[str, str]  # option: parameter (given twice, the last counts, as in typer)
    repeated: dict[str, str]  # option: parameter (each one given adds a value)
    choices: dict[str, frozenset[str]]  # parameter: the values typer takes
    positional: str  # the parameter the arguments fill
    several: bool = False  # whether it takes more than one argument (else exactly one)
    optional: bool = False  # whether it may take none (lint: the configuration's pages)


def read_line(spec: Spec, args: list[str]) -> dict[str, Any] | None:
    """The parameters of a command line, read without typer; None for anything this reader does not take.

    Help, unknown or short-joined options, a missing value or argument and a value outside its
    choices go back to the typer command, so its messages stay the only ones.
    """
    found: dict[str, Any] = dict.fromkeys(spec.flags.values(), False)
    found.update(dict.fromkeys(spec.values.values()), **{name: [] for name in spec.repeated.values()})
    arguments: list[str] = []
    words = iter(args)
    for word in words:
        name, equals, given = word.partition("=") if word.startswith("--") else (word, "", "")
        if name in spec.values or name in spec.repeated:
            value = given if equals else next(words, None)
            if value is None:
                return None
            if name in spec.values:
                found[spec.values[name]] = value
            else:
                found[spec.repeated[name]].append(value)
        elif word in spec.flags:
            found[spec.flags[word]] = True
        elif word.startswith("-"):
            return None
        else:
            arguments.append(word)
    if any(found[name] is not None and found[name] not in allowed for name, allowed in spec.choices.items()):
        return None
    if (len(arguments) > 1 and not spec.several) or (not arguments and not spec.optional):
        return None
    found[spec.positional] = arguments if spec.several else arguments[0]
    return found


LINT = Spec(
    flags={"--fix": "fix", "--exit-zero": "exit_zero"},
    values={"--today": "today", "--format": "output_format"},
    repeated={"--select": "select", "--ignore": "ignore"},
    choices={"output_format": frozenset(FORMATS)},
    positional="paths",
    several=True,
    optional=True,
)
SHOW = Spec(flags={"--json": "json_output"}, values={}, repeated={}, choices={}, positional="page")
EXPORT = Spec(
    flags={"--force": "force"},
    values={
        "--format": "output_format",
        "--output": "output",
        "-o": "output",
        "--previous": "previous",
        "--timezone": "timezone",
    },
    repeated={},
    choices={"output_format": frozenset({"ics", "json", "csv"})},
    positional="page",
)
ROTATE = Spec(
    flags={"--dry-run": "dry_run", "--check": "check"},
    values={"--today": "today", "--now": "moment", "--past-talks": "past_talks"},
    repeated={},
    choices={"past_talks": frozenset({"blocks", "rows"})},
    positional="pages",
    several=True,
)


def _lint(given: dict[str, Any]) -> int:
    output = given["output_format"] or "text"
    return run_lint(
        given["paths"], given["today"], given["select"], given["ignore"], output, given["fix"], given["exit_zero"]
    )


def _show(given: dict[str, Any]) -> None:
    from .runs import show_page

    show_page(given["page"], given["json_output"])


def _export(given: dict[str, Any]) -> None:
    from .runs import export_page

    export_page(
        given["page"], given["output_format"] or "ics", given["output"], given["previous"], given["timezone"],
        given["force"],
    )  # fmt: skip


def _rotate(given: dict[str, Any]) -> None:
    from .runs import rotate_pages

    rotate_pages(
        given["pages"], given["today"], given["moment"], given["past_talks"], dry_run=given["dry_run"],
        check=given["check"],
    )  # fmt: skip


COMMANDS: dict[str, tuple[Spec, Callable[[dict[str, Any]], int | None]]] = {
    "lint": (LINT, _lint),
    "show": (SHOW, _show),
    "export": (EXPORT, _export),
    "rotate": (ROTATE, _rotate),
}


def lean(args: list[str]) -> int | None:
    """Run `seminar COMMAND ARGS` without loading typer; None when typer must read the command line."""
    command = COMMANDS.get(args[0]) if args else None
    given = read_line(command[0], args[1:]) if command else None
    if command is None or given is None:
        return None
    from ..errors import SeminarError
    from .boundary import fail

    try:
        return command[1](given) or 0
    except SeminarError as error:
        return fail(error)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0

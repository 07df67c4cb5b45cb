"""`seminar lint` without typer: the lean route of the pre-commit hook, and the run both routes share.

`seminar lint` runs on every commit, and typer (with the pydantic it imports) costs more
than the whole lint: a plain lint command line is read here, and both this route and the
typer command call `run_lint`. Kept free of typer, rich and mistune at import time.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..api import LintResult


class Format(StrEnum):
    """Report formats of `seminar lint`."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def run_lint(
    paths: list[str],
    today: str | None,
    select: list[str],
    ignore: list[str],
    output: Format,
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


def _report(result: LintResult, output: Format) -> int:
    """Findings on stdout in the chosen format; unreadable pages, refused fixes, notes and a summary on stderr.

    Returns the exit code of the pages that could not be read (0 when every page was read).
    """
    from ..lint import report
    from ..lint.registry import all_rules
    from .boundary import fail
    from .terminal import print_error

    findings = list(result.findings)
    if output is Format.sarif:
        sys.stdout.write(report.as_sarif(findings, all_rules()))
    else:
        writers = {Format.text: report.as_text, Format.json: report.as_json, Format.github: report.as_github}
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


class LintOptions:
    """A `seminar lint` command line."""

    __slots__ = ("exit_zero", "fix", "ignore", "output", "paths", "select", "today")

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.today: str | None = None
        self.select: list[str] = []
        self.ignore: list[str] = []
        self.output = "text"
        self.fix = False
        self.exit_zero = False


def parse_arguments(args: list[str]) -> LintOptions | None:
    """The options of `seminar lint`, read without typer; None for anything this reader does not take.

    Help, unknown options and bad values go back to the typer command, so its messages stay the only ones.
    """
    options = LintOptions()
    words = iter(args)
    for word in words:
        name, equals, given = word.partition("=")
        if name in ("--today", "--select", "--ignore", "--format"):
            value = given if equals else next(words, None)
            if value is None:
                return None
            if name == "--today":
                options.today = value
            elif name == "--format":
                options.output = value
            else:
                (options.select if name == "--select" else options.ignore).append(value)
        elif word in ("--fix", "--exit-zero"):
            setattr(options, word[2:].replace("-", "_"), True)
        elif word.startswith("-"):
            return None
        else:
            options.paths.append(word)
    return options if options.output in {member.value for member in Format} else None


def lean(args: list[str]) -> int | None:
    """Run `seminar lint ARGS` without loading typer; None when typer must read the command line."""
    options = parse_arguments(args)
    if options is None:
        return None
    from ..errors import SeminarError
    from .boundary import fail

    try:
        return run_lint(
            options.paths,
            options.today,
            options.select,
            options.ignore,
            Format(options.output),
            options.fix,
            options.exit_zero,
        )
    except SeminarError as error:
        return fail(error)

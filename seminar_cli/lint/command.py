"""The `seminar lint` command without its command-line parser, shared by typer and the lean hook route.

Kept free of typer, rich and mistune at import time: `seminar lint` runs on every commit.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import LintResult


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
    from datetime import UTC, datetime

    from . import engine
    from .registry import split_codes

    day = _date(today)
    chosen, left_out = split_codes(select), split_codes(ignore)
    _check_codes("--select", chosen)
    _check_codes("--ignore", left_out)
    result = engine.lint_paths(
        _targets(paths), today=day, now=datetime.now(UTC), select=chosen, ignore=left_out, fix=fix
    )
    _report(result, output)
    if result.errors:
        return 2
    return 0 if exit_zero or not result.findings else 1


def _check_codes(option: str, words: list[str]) -> None:
    from ..errors import UsageError
    from .registry import select_rules

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


def _report(result: LintResult, output: Format) -> None:
    """Findings on stdout in the chosen format; unreadable pages, refused fixes and a summary on stderr."""
    from ..output import print_error
    from . import report
    from .registry import all_rules

    findings = list(result.findings)
    if output is Format.sarif:
        sys.stdout.write(report.as_sarif(findings, all_rules()))
    else:
        writers = {Format.text: report.as_text, Format.json: report.as_json, Format.github: report.as_github}
        sys.stdout.write(writers[output](findings))
    for problem in result.errors:
        print_error(str(problem))
    for item in result.refused:
        print_error(
            f"{item.path}:{item.line}:{item.column}: {item.code}: the fix was not applied (it did not check out)"
        )
    counts = (len(result.checked), len(result.skipped), len(result.fixed), len(result.errors))
    sys.stderr.write(report.summary(findings, *counts) + "\n")


def _date(text: str | None) -> date | None:
    from ..errors import UsageError

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a date", path="--today", expected="YYYY-MM-DD, e.g. 2026-01-27") from None


@dataclass
class LintOptions:
    """A `seminar lint` command line."""

    paths: list[str] = field(default_factory=list)
    today: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    output: str = "text"
    fix: bool = False
    exit_zero: bool = False


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
    from ..output import print_error

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
        print_error(str(error))
        return error.exit_code

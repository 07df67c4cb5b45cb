"""`seminar lint` and `seminar rules`: thin typer commands over `seminar_cli.lint`.

Imports stay inside the commands: `seminar lint` runs on every commit, so start-up is
kept to typer alone (no rich, mistune or dateutil until a page is read).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from . import helptext
from .boundary import run

if TYPE_CHECKING:
    from ..lint.registry import Rule


class Format(StrEnum):
    """Report formats of `seminar lint` (the lean route takes the same: `lean.FORMATS`)."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def register(app: typer.Typer) -> None:
    """Add the `lint` and `rules` commands to the `seminar` app."""
    helptext.command(app, "lint", lint)
    helptext.command(app, "rules", rules)


def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Pages or folders (every *.md under them). Default: `pages` in the configuration.", metavar="PATH"
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="DATE",
            help="Check as of this date (YYYY-MM-DD). Default: today, in the series' time zone.",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="CODES", help="Only these rules: codes, prefixes or names, comma-separated."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="CODES", help="Leave out these rules (added to the configuration's)."),
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", help="Report format.")] = Format.text,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Apply safe fixes (weekday text, TBD rows filled from their block).", metavar=""),
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.", metavar="")
    ] = False,
) -> None:
    """Check seminar pages for the mistakes organizers make.

    Weekdays that do not match their dates, schedule rows that disagree with
    their talk blocks, talks left under Next after their date, last season's
    leftovers, broken tables and links: `seminar rules` lists every rule.

    Markdown files that are not seminar pages are skipped quietly, so the check
    can run on every *.md of a site. Settings come from [tool.seminar] in
    pyproject.toml or from .seminar.toml (timezone, select, ignore, meeting-day,
    hours, past-order, pages, details-days). A comment in the page silences a rule:
    <!-- seminar-lint disable-next-line SEM010 -->

    Exit codes: 0 clean, 1 findings, 2 usage error or unreadable page.

    Examples:
      seminar lint events/ai-seminar-2026.md
      seminar lint --today 2026-01-27 --format json events/
      seminar lint --select SEM001,SEM011 --fix events/ai-seminar-2026.md
      seminar lint --ignore SEM004 --format github .
    """
    from .lean import run_lint

    code = run(lambda: run_lint(paths or [], today, select or [], ignore or [], output_format.value, fix, exit_zero))
    raise typer.Exit(code)


def _rules(words: list[str]) -> list[Rule]:
    from ..errors import UsageError
    from ..lint.registry import select_rules, split_codes

    try:
        return select_rules(split_codes(words))
    except UsageError as error:
        raise error.with_path("rules") from None


def rules(
    codes: Annotated[
        list[str] | None, typer.Argument(help="Rules to explain (codes, prefixes or names). Default: all.")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the rules as JSON.", metavar="")] = False,
) -> None:
    """List the lint rules: code, name, severity, whether --fix can fix it, and what it checks.

    Example: seminar rules SEM001
    """

    chosen = run(lambda: _rules(codes or []))
    if json_output:
        import json

        data = [
            {"code": rule.code, "name": rule.name, "severity": rule.severity, "fixable": rule.fixable,
             "summary": rule.summary, "example": rule.example}
            for rule in chosen
        ]  # fmt: skip
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    width = max(len(rule.name) for rule in chosen)
    for rule in chosen:
        fixable = "fix" if rule.fixable else "   "
        sys.stdout.write(
            f"{rule.code}  {rule.name.ljust(width)}  {rule.severity.ljust(7)}  {fixable}  {rule.summary}\n"
        )
        if codes:
            sys.stdout.write(f"        example: {rule.example}\n")

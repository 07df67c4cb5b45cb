"""The lint engine: run the selected rules on a page and honour its suppressions.

Pure: today and the configuration are parameters (`api.lint_paths` reads files and
configurations, and writes only fixes that check out).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from ..model import Config, Frozen, Page, frozen
from ..read import clock
from ..read.zones import find_zone
from .context import Context
from .finding import Finding, Notice
from .registry import Rule, select_rules
from .suppress import unsuppressed


@frozen
class Report(Frozen):
    """A page's findings, sorted by position, and the notices that are not findings."""

    findings: list[Finding]
    notices: list[Notice]


def lint_page(
    page: Page,
    *,
    today: date,
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
    source: str | None = None,
) -> list[Finding]:
    """Every finding of the selected rules on `page`, as of `today`, sorted by position."""
    return lint_report(page, today=today, config=config, rules=rules, source=source).findings


def lint_report(
    page: Page,
    *,
    today: date,
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
    source: str | None = None,
) -> Report:
    """The findings of the selected rules on `page` as of `today`, and its notices (a page where no talk was read)."""
    config = config or Config()
    context = Context(page, today, config, source)
    chosen = select_rules(config.select, config.ignore) if rules is None else rules
    path = page.path or "<page>"
    found = [
        Finding(path, hit.line, hit.column, rule.code, rule.name, rule.severity, hit.message, hit.fix)
        for rule in chosen
        for hit in rule.check(context)
    ]
    findings = sorted(unsuppressed(found, context.source), key=lambda item: (item.line, item.column, item.code))
    return Report(findings, _notices(context, path))


def _notices(context: Context, path: str) -> list[Notice]:
    if context.listings:
        return []
    return [
        Notice(
            path,
            "no talk could be read on this page (no table with a date column, no list, headings or lines that "
            "dates lead, no talk blocks), so no talk was checked: only its tables, links and markup",
        )
    ]


def default_today(page: Page, config: Config, now: datetime) -> date:
    """Today's date in the series' time zone: configured, else the zone its labels (ET) name, else the local one."""
    name = Context(page, date.min, config, "").series_zone
    found = find_zone(name) if name else None
    return clock.today(page, None, now, found or now.astimezone().tzinfo)

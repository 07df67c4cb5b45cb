"""The lint engine: run the selected rules on a page and honour its suppressions.

Pure: today and the configuration are parameters (`api.lint_paths` reads files and
configurations, and writes only fixes that check out).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from ..model import Config, Page
from ..read import clock
from ..read.zones import find_zone
from .context import Context
from .finding import Finding
from .registry import Rule, select_rules
from .suppress import unsuppressed


def lint_page(
    page: Page,
    *,
    today: date,
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
    source: str | None = None,
) -> list[Finding]:
    """Every finding of the selected rules on `page`, as of `today`, sorted by position."""
    config = config or Config()
    context = Context(page, today, config, source)
    chosen = select_rules(config.select, config.ignore) if rules is None else rules
    path = page.path or "<page>"
    found = [
        Finding(path, hit.line, hit.column, rule.code, rule.name, rule.severity, hit.message, hit.fix)
        for rule in chosen
        for hit in rule.check(context)
    ]
    return sorted(unsuppressed(found, context.source), key=lambda item: (item.line, item.column, item.code))


def default_today(page: Page, config: Config, now: datetime) -> date:
    """Today's date in the series' time zone: configured, else the zone its labels (ET) name, else the local one."""
    name = Context(page, date.min, config, "").series_zone
    found = find_zone(name) if name else None
    return clock.today(page, None, now, found or now.astimezone().tzinfo)

"""The lint engine: run the selected rules on a page, honour suppressions, lint files and folders.

`lint_page` is pure (today and the configuration are parameters); `lint_paths` reads
files, finds each page's configuration, and writes only checked fixes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import NamedTuple, cast

from ..api import parse_page
from ..config import Config, find_config
from ..errors import NotASeminarPageError, SeminarError
from ..files import read_text, write_atomic
from ..model import Page
from ..zones import find_zone
from .context import Context
from .finding import Finding
from .registry import Rule, select_rules
from .suppress import unsuppressed

_SKIP_FOLDERS = frozenset({"node_modules", "_site", "vendor"})


class LintResult(NamedTuple):
    """What linting some paths found: findings, unreadable pages, pages checked and skipped, fixes."""

    findings: tuple[Finding, ...]
    errors: tuple[SeminarError, ...]
    checked: tuple[str, ...]
    skipped: tuple[str, ...]
    fixed: tuple[Finding, ...]
    refused: tuple[Finding, ...]


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


def _relint(page: Page, source: str, *, today: date, config: Config, rules: Sequence[Rule]) -> list[Finding]:
    return lint_page(page, today=today, config=config, rules=rules, source=source)


def default_today(page: Page, config: Config, now: datetime) -> date:
    """Today's date in the series' time zone: configured, else the zone its labels (ET) name."""
    name = Context(page, date.min, config, "").series_zone
    found = find_zone(name) if name else None
    return now.astimezone(found).date() if found else now.astimezone().date()


def markdown_files(paths: Sequence[str]) -> Iterator[str]:
    """The paths given, each folder replaced by the `*.md` files under it (hidden folders aside), once each."""
    seen: set[str] = set()
    for path in paths:
        for found in _expand(path):
            key = os.path.realpath(found)
            if key not in seen:
                seen.add(key)
                yield found


def _expand(path: str) -> Iterator[str]:
    if not os.path.isdir(path):
        yield path
        return
    found: list[str] = []
    for folder, folders, files in os.walk(path):
        folders[:] = [name for name in folders if not name.startswith(".") and name not in _SKIP_FOLDERS]
        found.extend(os.path.join(folder, name) for name in files if name.endswith(".md"))
    yield from sorted(found)


def lint_paths(
    paths: Sequence[str],
    *,
    today: date | None = None,
    now: datetime | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fix: bool = False,
    config: Config | None = None,
) -> LintResult:
    """Lint files and folders; `today` (or else `now`, read in each series' zone) dates the checks."""
    if today is None and now is None:
        raise ValueError("lint_paths needs today or now")
    tally = _Tally()
    cache: dict[str, Config] = {}
    for path in markdown_files(paths):
        try:
            text = read_text(path)
            page = parse_page(text, path)
        except NotASeminarPageError:
            tally.skipped.append(path)
            continue
        except SeminarError as error:
            tally.errors.append(error)
            continue
        settings = (config or find_config(path, cache)).with_options(list(select), list(ignore))
        day = today if today is not None else default_today(page, settings, cast(datetime, now))
        _lint_file(tally, page, text, day, settings, fix)
    return tally.result()


@dataclass(slots=True)
class _Tally:
    """What a run has found so far."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[SeminarError] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    refused: list[Finding] = field(default_factory=list)

    def result(self) -> LintResult:
        return LintResult(
            tuple(self.findings), tuple(self.errors), tuple(self.checked), tuple(self.skipped),
            tuple(self.fixed), tuple(self.refused),
        )  # fmt: skip


def _lint_file(tally: _Tally, page: Page, text: str, day: date, settings: Config, fix: bool) -> None:
    """Lint one page and, with `fix`, write the fixes that check out."""
    path = page.path or "<page>"
    rules = select_rules(settings.select, settings.ignore)
    found = lint_page(page, today=day, config=settings, rules=rules, source=text)
    if fix and any(item.fix for item in found):
        from .fix import fix_page  # only with --fix

        outcome = fix_page(text, path, found, partial(_relint, today=day, config=settings, rules=rules))
        try:
            if outcome.text is not None:
                write_atomic(path, outcome.text)
        except SeminarError as error:
            tally.errors.append(error)
        else:
            found = outcome.findings
            tally.fixed.extend(outcome.fixed)
            tally.refused.extend(outcome.refused)
    tally.checked.append(path)
    tally.findings.extend(found)

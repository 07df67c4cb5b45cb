"""The library API that the CLI and tests call: read, parse, render, edit safely, lint files, and the
read-only products of a page (calendar, announcement, open slots).

An edit flows: read the exact text -> parse -> infer the style -> pure operation ->
render -> re-read the result and compare it with the intended page (refuse on any
difference) -> write atomically, only if the text changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime

from .config import find_config
from .errors import Interrupted, NotASeminarPageError, SeminarError, UsageError, WriteRefusedError
from .files import (
    NOT_LOCKED,
    Stamp,
    check_output,
    locked,
    read_stamped,
    read_text,
    remove_stale_temporary_files,
    write_atomic,
)
from .model import Config, Frozen, Page, frozen
from .read.memo import forget_page
from .read.page import parse_page
from .text.render import render_page

TYPE_CHECKING = False
if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from .edit.requests import PlanRequest
    from .edit.result import Edit
    from .edit.style import PageStyle
    from .lint.finding import Finding, Notice
    from .lint.registry import Rule
    from .outputs.calendar import Previous
    from .read.series import Hours, Slot

__all__ = [
    "EditResult",
    "LintResult",
    "announce",
    "edit_file",
    "edit_text",
    "export",
    "lint_paths",
    "markdown_files",
    "new_season_file",
    "open_slots",
    "parse_page",
    "read_page",
    "render_page",
    "settings",
]


def read_page(path: str) -> Page:
    """Read and parse the page stored at `path`."""
    return parse_page(read_text(path, find_config(path).max_page_size), path)


@frozen
class EditResult(Frozen):
    """What an edit did: the text before and after, and what to tell the user."""

    path: str | None
    before: str
    after: str
    summary: str
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the edit changes the page."""
        return self.before != self.after


Operation = Callable[[Page, "PageStyle"], "Edit"]


def edit_text(text: str, operation: Operation, path: str | None = None) -> EditResult:
    """Parse, infer the style, apply a pure operation, render, and check the result reads back as intended."""
    from .edit.style import infer_style

    try:
        page = parse_page(text, path)
        edit = operation(page, infer_style(page))
        after = render_page(edit.page)
        verify(edit.page, after, path, page if after == text else None, original=page)
    finally:
        forget_page()  # the memos of the page's reading: the edit is done with it
    return EditResult(path, text, after, edit.summary, edit.notes)


def verify(
    intended: Page, after: str, path: str | None, reread: Page | None = None, original: Page | None = None
) -> None:
    """Refuse (`WriteRefusedError`) when `after` would not read back as the intended page.

    Talk blocks whose text is unchanged from the `original` page are not read again
    (the same text reads the same); every new or changed block is.
    """
    from .outputs.data import difference, page_data

    try:
        reread = reread or parse_page(after, path, known=original)
    except SeminarError as error:
        raise WriteRefusedError(
            f"the edited page would not read back ({error.message}); nothing was written", path=path
        ) from None
    wanted, got = page_data(intended, lines=False, plain=False), page_data(reread, lines=False, plain=False)
    if reread.season_year != intended.season_year:
        if _relies_on_season_year(reread) or _relies_on_season_year(intended):
            raise WriteRefusedError(
                f"the edit would change the season's year from {intended.season_year} to {reread.season_year}, "
                "and dates without a year depend on it; nothing was written",
                path=path,
            )
        del wanted["season_year"], got["season_year"]  # a year nothing on the page depends on
    if wanted != got:
        what, found, expected = difference(wanted, got)
        raise WriteRefusedError(
            "the edited page would not read back as intended; nothing was written",
            path=path,
            found=f"{what} would read as {found}",
            expected=expected,
        )


def _relies_on_season_year(page: Page) -> bool:
    """True when some date on the page is written without its year."""
    import re

    full_year = re.compile(r"(19|20)\d\d")
    schedule = page.schedule
    rows = schedule.entries if schedule else ()
    if any(entry.date is not None and not full_year.search(entry.date_text) for entry in rows):
        return True
    return any(
        talk.when and talk.when.date_text and not full_year.search(talk.when.date_text) for _, talk in page.talks()
    )


def edit_file(path: str, operation: Operation, *, write: bool) -> EditResult:
    """Edit the page at `path`; with `write`, replace it atomically, only if it changed and nobody else did."""
    limit = find_config(path).max_page_size
    try:
        with locked(path) if write else NOT_LOCKED:
            if write:
                remove_stale_temporary_files(path)  # a killed run's leftovers; no other run writes meanwhile
            text, stamp = read_stamped(path, limit)
            result = edit_text(text, operation, path)
            if write and result.changed:
                write_atomic(path, result.after, unchanged=(text, stamp))
    except Interrupted as stopped:
        raise stopped.at(path) from None
    return result


@frozen
class LintResult(Frozen):
    """What linting some paths found: findings, unreadable pages, pages checked and skipped, fixes, notices."""

    findings: tuple[Finding, ...]
    errors: tuple[SeminarError, ...]
    checked: tuple[str, ...]
    skipped: tuple[str, ...]
    fixed: tuple[Finding, ...]
    refused: tuple[Finding, ...]
    notices: tuple[Notice, ...] = ()  # not findings: a page where no talk could be read
    unwritten: tuple[SeminarError, ...] = ()


_SKIP_FOLDERS = frozenset({"node_modules", "_site", "vendor"})


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
    """Lint files and folders as of `today`, else of `now` in each series' time zone."""
    from .lint.engine import default_today

    if today is None and now is None:
        raise ValueError("lint_paths needs today or now")
    moment = now if now is not None else datetime.min  # read only when `today` is None, and then `now` is given
    tally = _Tally()
    cache: dict[str, Config] = {}
    for path in markdown_files(paths):
        forget_page()  # the page before is done: nothing of it is kept while this one is read
        try:
            settings = (config or find_config(path, cache)).with_options(list(select), list(ignore))
            text, stamp = read_stamped(path, settings.max_page_size)
            page = parse_page(text, path)
        except NotASeminarPageError:
            tally.skipped.append(path)
            continue
        except SeminarError as error:
            tally.errors.append(error)
            continue
        day = today if today is not None else default_today(page, settings, moment)
        _lint_file(tally, page, (text, stamp), day, settings, fix)
    forget_page()  # nor while the findings are reported
    return tally.result()


class _Tally:
    """What a run has found so far."""

    __slots__ = ("checked", "errors", "findings", "fixed", "notices", "refused", "skipped", "unwritten")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.errors: list[SeminarError] = []
        self.checked: list[str] = []
        self.skipped: list[str] = []
        self.fixed: list[Finding] = []
        self.refused: list[Finding] = []
        self.notices: list[Notice] = []
        self.unwritten: list[SeminarError] = []

    def result(self) -> LintResult:
        return LintResult(
            tuple(self.findings), tuple(self.errors), tuple(self.checked), tuple(self.skipped),
            tuple(self.fixed), tuple(self.refused), tuple(self.notices), tuple(self.unwritten),
        )  # fmt: skip


Read = tuple[str, Stamp]  # a page's exact text and the stamp of the file it was read from


def _lint_file(tally: _Tally, page: Page, read: Read, day: date, settings: Config, fix: bool) -> None:
    """Lint one page and, with `fix`, write the fixes that check out."""
    from .lint.engine import lint_report
    from .lint.registry import select_rules

    path = page.path or "<page>"
    rules = select_rules(settings.select, settings.ignore)
    report = lint_report(page, today=day, config=settings, rules=rules, source=read[0])
    found, notices = report.findings, report.notices
    if fix and any(item.fix for item in found):
        found = _fixed(tally, page, read, day, settings, rules, found)
    tally.checked.append(path)
    tally.findings.extend(found)
    tally.notices.extend(notices)


def _fixed(
    tally: _Tally, page: Page, read: Read, day: date, settings: Config, rules: Sequence[Rule], found: list[Finding]
) -> list[Finding]:
    """Apply the fixes that check out and write them (locked, only over the page that was read); the findings left."""
    from .lint.engine import lint_page
    from .lint.fix import fix_page

    path = page.path or "<page>"

    def relint(fixed: Page, source: str) -> list[Finding]:
        return lint_page(fixed, today=day, config=settings, rules=rules, source=source)

    outcome = fix_page(read[0], path, found, relint)
    try:
        if outcome.text is not None:
            with locked(path):
                remove_stale_temporary_files(path)
                write_atomic(path, outcome.text, unchanged=read)
    except SeminarError as error:
        tally.unwritten.append(error)
        return found
    tally.fixed.extend(outcome.fixed)
    tally.refused.extend(outcome.refused)
    return outcome.findings


def settings(path: str, page: Page, timezone: str | None) -> tuple[ZoneInfo, Hours | None]:
    """The series' time zone and usual hours: the option, then the configuration, then the page."""
    from .read.series import usual_hours
    from .read.zones import series_zone

    config = find_config(path)
    return series_zone(page, timezone or config.timezone), usual_hours(page, config.hours)


def export(
    path: str, fmt: str, *, timezone: str | None, stamp: datetime, previous: tuple[str, str, str] | None = None
) -> tuple[str, int]:
    """The page's calendar in `fmt` and how many events it holds.

    `previous` is an earlier .ics export: its text, the option that named it and its path.
    """
    from .outputs import calendar

    page = read_page(path)
    tz, hours = settings(path, page, timezone)
    events = calendar.talk_events(page, tz, hours)
    if fmt == "json":
        return calendar.to_json(events, tz), len(events)
    if fmt == "csv":
        return calendar.to_csv(events), len(events)
    known = _previous(*previous) if previous is not None else None
    return calendar.to_ics(page, events, tz, stamp=stamp, previous=known), len(events)


def _previous(text: str, option: str, path: str) -> dict[str, Previous]:
    """The events of an earlier export (the -o file is one when it exists)."""
    from .outputs.calendar import read_previous

    try:
        if "BEGIN:VCALENDAR" in text:
            return read_previous(text)
    except ValueError:
        pass
    raise UsageError(
        f"{option} {path} is not an iCalendar file",
        path=path,
        expected="an earlier `seminar export` .ics" + (" (or another -o path)" if option == "-o" else ""),
    )


def announce(
    path: str,
    *,
    selector: str | None,
    template: tuple[str, str | None] | None,
    fmt: str | None,
    today: str | None,
    timezone: str | None,
    now: datetime,
) -> str:
    """The announcement of the chosen talk, or of the next one; `template` is a template's text and its path.

    A cancelled talk (named with `--talk`) gets the notice of its cancellation.
    """
    from .edit.style import infer_style
    from .outputs import announce as mail
    from .read import clock
    from .read.refs import find_talk

    kind = mail.format_of(template[1] if template else None, fmt)
    page = read_page(path)
    tz, hours = settings(path, page, timezone)
    ref = find_talk(page, selector) if selector else mail.next_talk(page, clock.today(page, today, now, tz))
    if ref.cancelled and template:
        raise UsageError(
            f"the talk {ref.describe()} is cancelled, and --template {template[1]} announces a talk that takes place",
            path=path,
            expected="no --template, to announce the cancellation, or --talk naming another talk",
        )
    text = template[0] if template else mail.default_template(kind, cancelled=ref.cancelled)
    known = mail.values(page, infer_style(page), ref, kind, tz, hours)
    return mail.fill(text, known, template[1] if template else None)


def new_season_file(path: str, year: int, output: str | None, *, force: bool) -> EditResult:
    """Next season's page as it would be written to `output` (None: standard output), checked to read back."""
    from .edit.requests import new_season

    if output is not None:
        if os.path.realpath(output) == os.path.realpath(path):
            raise UsageError("-o names the page itself", path=output, expected="no -o to edit the page in place")
        check_output(output, force=force)
    result = edit_text(read_text(path, find_config(path).max_page_size), new_season(year), path)
    parse_page(result.after, output)  # reads back, joining back to the exact text
    return result


def open_slots(path: str, request: PlanRequest) -> tuple[list[Slot], tuple[str, ...]]:
    """The open slots of a recurring series on the page at `path`, and notes on skips that match none."""
    from .edit.requests import plan_slots

    return plan_slots(request)(read_page(path))

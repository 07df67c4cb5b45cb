"""What the user asks for, checked and turned into operations `(page, style) -> Edit`.

Values typed on the command line (hours, speakers, one-line values) are checked here,
before any page is read; values that depend on the page (a date in its own format, a
year-less date, which talk a selector names, today in the series' zone) are read inside
the operation. Pure: file contents and the clock's `now` come in as parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time

from ..errors import UsageError
from ..model import Frozen, Page, Speaker, frozen, replace
from ..read import clock
from ..read.dates import scan_time
from ..read.refs import find_talk
from ..read.series import Hours, Slot, range_problem
from ..read.zones import series_zone
from . import listed, listed_changes, talks
from .compose import link_target, one_line
from .result import Edit
from .style import PageStyle
from .talk_block import TalkDetails

Operation = Callable[[Page, PageStyle], Edit]


def parse_hours(text: str, option: str = "--time", *, force: bool = False) -> tuple[time, time | None]:
    """Hours typed by the user: `10:00-11:00`, `10-11 am`, `2:00 PM - 4:00 PM`; a range no talk has needs `force`."""
    slot = scan_time(text, None).slot
    if slot.start is None:
        raise UsageError(f"{option} {text!r} is not a time range", expected="hours such as 10:00-11:00 or '2-3 pm'")
    problem = range_problem(slot.start, slot.end) if slot.end is not None else None
    if problem and not force:
        raise UsageError(
            f"{option} {text!r} {problem}",
            expected="hours that end after they start, at most 8 hours later (check a.m./p.m.), or --force",
        )
    return slot.start, slot.end


def speakers(names: list[str], urls: list[str]) -> tuple[Speaker, ...]:
    """Speakers from repeated --speaker and --speaker-url options."""
    if len(urls) > len(names):
        raise UsageError("more --speaker-url than --speaker options", expected="one --speaker-url per speaker at most")
    return tuple(
        Speaker(one_line(name, "--speaker"), link_target(urls[index], "--speaker-url") if index < len(urls) else None)
        for index, name in enumerate(names)
    )


def _line(value: str | None, option: str) -> str | None:
    return one_line(value, option) if value is not None else None


def _link(value: str | None, option: str) -> str | None:
    return link_target(value, option) if value is not None else None


@frozen
class NewTalk(Frozen):
    """What `add-talk` is told: the options as typed, and the texts of the abstract and bio files."""

    date: str
    names: list[str]
    urls: list[str]
    affiliation: str | None = None
    title: str | None = None
    location: str | None = None
    time: str | None = None
    photo: str | None = None
    abstract: str | None = None
    bio: str | None = None
    force_next: bool = False
    today: str | None = None
    hours: Hours | None = None
    force: bool = False


def add_talk(request: NewTalk, now: datetime) -> Operation:
    """The `add-talk` operation (`hours`: the configured usual hours, for a talk given no --time)."""
    hours = parse_hours(request.time, force=request.force) if request.time else (None, None)
    given = TalkDetails(
        speakers=speakers(request.names, request.urls),
        affiliation=_line(request.affiliation, "--affiliation"),
        title=_line(request.title, "--title"),
        location=_line(request.location, "--location"),
        start=hours[0],
        end=hours[1],
        photo=link_target(request.photo, "--photo") if request.photo is not None else None,
        abstract=request.abstract,
        bio=request.bio,
    )
    block = request.force_next or bool(given.title and (given.abstract or given.bio))

    def operation(page: Page, style: PageStyle) -> Edit:
        details = replace(given, day=clock.typed_day(request.date, page.season_year))
        day = clock.today(page, request.today, now)
        return talks.add_talk(
            page, style, details, today=day, block=block, force_next=request.force_next, hours=request.hours
        )

    return operation


def reschedule(
    selector: str, *, new_date: str | None, hours: str | None, location: str | None, force: bool = False
) -> Operation:
    """The `reschedule` operation."""
    if new_date is None and hours is None and location is None:
        raise UsageError("nothing to change", expected="--date, --time or --location")
    start, end = parse_hours(hours, force=force) if hours else (None, None)
    place = _line(location, "--location")

    def operation(page: Page, style: PageStyle) -> Edit:
        ref = find_talk(page, selector)
        day: date | talks.Keep | None = talks.KEEP if new_date is None else clock.typed_day(new_date, page.season_year)
        return talks.reschedule(page, style, ref, day=day, start=start, end=end, location=place)

    return operation


def cancel(selector: str, *, remove: bool) -> Operation:
    """The `cancel` operation."""

    def operation(page: Page, style: PageStyle) -> Edit:
        return talks.cancel(page, style, find_talk(page, selector), remove=remove)

    return operation


def rotate(*, today: str | None, given_now: str | None, now: datetime, keep_blocks: bool = True) -> Operation:
    """The `rotate` operation: now is `--now`, the start of `--today`, or the clock's `now`.

    `keep_blocks=False`: on a page without a Past section, given talks keep only their schedule rows.
    """
    from .rotate import rotate as move

    if today is not None and given_now is not None:
        raise UsageError("--today and --now both given", expected="one of them")
    if given_now is not None:
        clock.typed_moment(given_now)  # refused before any page is read

    def operation(page: Page, style: PageStyle) -> Edit:
        current = clock.moment(page, given_today=today, given_now=given_now, now=now)
        if listed.other_shape(page):
            return listed_changes.rotate(page, current.date())
        return move(page, style, now=current, tz=series_zone(page), keep_blocks=keep_blocks)

    return operation


def caption_lines(text: str | None) -> tuple[str, ...] | None:
    """A photo caption typed as `Name <br> Role <br> Place` (or on several lines)."""
    if text is None:
        return None
    pieces = re.split(r"<br\s*/?>|\r?\n", text, flags=re.I)
    lines = tuple(one_line(line, "--caption") for line in pieces if line.strip())
    return lines or None


@frozen
class TalkUpdate(Frozen):
    """What `update-talk` is told: the options as typed, the abstract and bio texts, a talk file's values."""

    title: str | None = None
    names: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    affiliation: str | None = None
    location: str | None = None
    time: str | None = None
    photo: str | None = None
    photo_width: int | None = None
    caption: str | None = None
    abstract: str | None = None
    bio: str | None = None
    described: Mapping[str, str] | None = None
    force_next: bool = False
    today: str | None = None
    force: bool = False
    hours: Hours | None = None


def _given(request: TalkUpdate, key: str, value: str | None) -> str | None:
    """An option's value, else what the talk file says for `key`."""
    return value or (request.described or {}).get(key)


def update_talk(selector: str, request: TalkUpdate, now: datetime) -> Operation:
    """The `update-talk` operation: options first, then what the talk file (`--from`) says."""
    from .update_talk import update_talk as fill

    names = list(request.names) or [name for name in [_given(request, "speaker", None)] if name]
    urls = list(request.urls) or [url for url in [_given(request, "url", None)] if url]
    hours = _given(request, "time", request.time)
    start, end = parse_hours(hours, force=request.force) if hours else (None, None)
    details = TalkDetails(
        speakers=speakers(names, []),
        title=_line(_given(request, "title", request.title), "--title"),
        affiliation=_line(_given(request, "affiliation", request.affiliation), "--affiliation"),
        location=_line(_given(request, "location", request.location), "--location"),
        start=start,
        end=end,
        photo=_link(_given(request, "photo", request.photo), "--photo"),
        photo_width=str(request.photo_width) if request.photo_width else None,
        caption=caption_lines(_given(request, "caption", request.caption)),
        abstract=request.abstract,
        bio=request.bio,
    )
    links = tuple(link_target(url, "--speaker-url") for url in urls)
    if details == TalkDetails(speakers=details.speakers) and not links and not names:
        raise UsageError("nothing to update", expected="--title, --location, --abstract-file, --from FILE, ...")

    def operation(page: Page, style: PageStyle) -> Edit:
        ref = find_talk(page, selector)
        day = clock.today(page, request.today, now)
        return fill(
            page, style, ref, details, speaker_urls=links, today=day, force_next=request.force_next, hours=request.hours
        )

    return operation


def add_link(selector: str, *, slides: str | None, recording: str | None) -> Operation:
    """The `add-link` operation: slides, recording, or both."""
    from .links import LinkKind
    from .links import add_link as link

    wanted: list[tuple[LinkKind, str]] = []
    if slides is not None:
        wanted.append(("slides", link_target(slides, "--slides")))
    if recording is not None:
        wanted.append(("recording", link_target(recording, "--recording")))
    if not wanted:
        raise UsageError("nothing to add", expected="--slides URL or --recording URL")

    def operation(page: Page, style: PageStyle) -> Edit:
        summaries: list[str] = []
        notes: list[str] = []
        for kind, url in wanted:
            edit = link(page, style, find_talk(page, selector), kind, url)
            page = edit.page
            summaries.append(edit.summary)
            notes.extend(edit.notes)
        return Edit(page, "; ".join(summaries), tuple(notes))

    return operation


def new_season(year: int) -> Operation:
    """The `new-season` operation."""
    from .new_season import new_season as start

    if not 1950 <= year <= 2099:
        raise UsageError(f"--year {year} is not a season's year", expected="a year such as 2027")
    return lambda page, style: start(page, style, year)


def organizers_add(name: str, roles: list[str], photo: str | None, url: str | None, position: int | None) -> Operation:
    """The `organizers add` operation."""
    from .organizers import NewOrganizer, add

    if photo is None:
        raise UsageError("a new organizer needs a photo", expected="--photo URL")
    lines = tuple(one_line(role, "--role") for role in roles if role.strip())
    person = NewOrganizer(
        one_line(name, "--name"), lines, link_target(photo, "--photo"), link_target(url, "--url") if url else None
    )
    return lambda page, style: add(page, style, person, position)


def organizers_remove(name: str) -> Operation:
    """The `organizers remove` operation."""
    from .organizers import remove

    return lambda page, style: remove(page, style, name)


@frozen
class PlanRequest(Frozen):
    """What `plan` is told: the rule, the days as typed, and the series' configured zone and hours."""

    every: str
    start: str
    until: str
    skip: tuple[str, ...] = ()
    timezone: str | None = None
    hours: Hours | None = None


def plan_slots(request: PlanRequest) -> Callable[[Page], tuple[list[Slot], tuple[str, ...]]]:
    """The open slots of the plan on a page (dates read in the page's own formats)."""
    from ..read.series import usual_hours
    from .plan import open_slots, parse_every

    rule = parse_every(request.every)

    def slots(page: Page) -> tuple[list[Slot], tuple[str, ...]]:
        tz = series_zone(page, request.timezone)
        first = clock.typed_today(request.start, page.season_year, "--from")
        last = clock.typed_today(request.until, page.season_year, "--until")
        skipped = tuple(clock.typed_today(day, page.season_year, "--skip") for day in request.skip)
        hours = usual_hours(page, request.hours)
        return open_slots(page, rule, start=first, until=last, skip=skipped, tz=tz, hours=hours)

    return slots


def plan_add(request: PlanRequest) -> Operation:
    """The `plan --add` operation: the open slots as TBD rows."""
    from .plan import add_slots

    slots = plan_slots(request)

    def operation(page: Page, style: PageStyle) -> Edit:
        found, notes = slots(page)
        return add_slots(page, style, found, notes)

    return operation

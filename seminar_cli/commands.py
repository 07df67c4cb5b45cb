"""Command-line values turned into operations: dates, hours and files read, the clock read once.

Each function checks what the user typed and returns an operation `(page, style) -> Edit`
for `api.edit_file`; values that depend on the page (a year-less date, the series'
time zone) are read inside the operation.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time

from . import ops
from .blocks import TalkDetails
from .compose import one_line
from .dates import is_tbd, parse_date, scan_time
from .errors import UsageError
from .model import Page, Speaker
from .select import select
from .style import PageStyle
from .zones import series_zone, start_of

Operation = Callable[[Page, PageStyle], ops.Edit]


def parse_day(text: str, page: Page, option: str = "--date") -> date | None:
    """A date typed by the user: ISO or the page's own format; None for TBD."""
    if is_tbd(text):
        return None
    parsed = parse_date(text, page.season_year)
    if parsed.date is None:
        raise UsageError(
            f"{option} {text!r}: {parsed.error}", expected="a date such as 2026-02-05 or 02/05/2026, or TBD"
        )
    return parsed.date


def parse_hours(text: str) -> tuple[time, time | None]:
    """Hours typed by the user: `10:00-11:00`, `10-11 am`, `2:00 PM - 4:00 PM`."""
    slot = scan_time(text, None).slot
    if slot.start is None:
        raise UsageError(f"--time {text!r} is not a time range", expected="hours such as 10:00-11:00 or '2-3 pm'")
    return slot.start, slot.end


def read_text_option(path: str | None, option: str) -> str | None:
    """The text of a file option (`-` for standard input)."""
    if path is None:
        return None
    if path == "-":
        return sys.stdin.read()
    from .files import read_text

    try:
        return read_text(path)
    except UsageError:
        raise
    except Exception as error:
        raise UsageError(f"{option} {path}: {getattr(error, 'message', error)}") from None


def _today(page: Page, today: str | None) -> date:
    if today is not None:
        day = parse_day(today, page, "--today")
        if day is None:
            raise UsageError("--today cannot be TBD", expected="a date such as 2026-01-23")
        return day
    return datetime.now(series_zone(page)).date()


def speakers(names: list[str], urls: list[str]) -> tuple[Speaker, ...]:
    """Speakers from repeated --speaker and --speaker-url options."""
    if len(urls) > len(names):
        raise UsageError("more --speaker-url than --speaker options", expected="one --speaker-url per speaker at most")
    return tuple(
        Speaker(one_line(name, "--speaker"), one_line(urls[index], "--speaker-url") if index < len(urls) else None)
        for index, name in enumerate(names)
    )


def add_talk(
    date_text: str,
    names: list[str],
    urls: list[str],
    *,
    affiliation: str | None,
    title: str | None,
    location: str | None,
    time: str | None,
    photo: str | None,
    abstract_file: str | None,
    bio_file: str | None,
    force_next: bool,
    today: str | None,
) -> Operation:
    """The `add-talk` operation."""
    people = speakers(names, urls)
    hours = parse_hours(time) if time else (None, None)
    abstract = read_text_option(abstract_file, "--abstract-file")
    bio = read_text_option(bio_file, "--bio-file")
    given = TalkDetails(
        speakers=people,
        affiliation=_line(affiliation, "--affiliation"),
        title=_line(title, "--title"),
        location=_line(location, "--location"),
        start=hours[0],
        end=hours[1],
        photo=_line(photo, "--photo"),
        abstract=abstract,
        bio=bio,
    )

    def operation(page: Page, style: PageStyle) -> ops.Edit:
        details = replace(given, day=parse_day(date_text, page))
        block = force_next or bool(details.title and (abstract or bio))
        return ops.add_talk(page, style, details, today=_today(page, today), block=block, force_next=force_next)

    return operation


def _line(value: str | None, option: str) -> str | None:
    return one_line(value, option) if value is not None else None


def reschedule(selector: str, *, new_date: str | None, hours: str | None, location: str | None) -> Operation:
    """The `reschedule` operation."""
    if new_date is None and hours is None and location is None:
        raise UsageError("nothing to change", expected="--date, --time or --location")
    start, end = parse_hours(hours) if hours else (None, None)
    place = _line(location, "--location")

    def operation(page: Page, style: PageStyle) -> ops.Edit:
        ref = select(page, selector)
        day: date | ops.Keep | None = ops.KEEP if new_date is None else parse_day(new_date, page)
        return ops.reschedule(page, style, ref, day=day, start=start, end=end, location=place)

    return operation


def cancel(selector: str, *, remove: bool) -> Operation:
    """The `cancel` operation."""

    def operation(page: Page, style: PageStyle) -> ops.Edit:
        return ops.cancel(page, style, select(page, selector), remove=remove)

    return operation


def rotate(*, today: str | None, now: str | None) -> Operation:
    """The `rotate` operation: now is `--now`, the start of `--today`, or the clock."""
    if today is not None and now is not None:
        raise UsageError("--today and --now both given", expected="one of them")
    moment = None
    if now is not None:
        try:
            moment = datetime.fromisoformat(now)
        except ValueError:
            raise UsageError(f"--now {now!r} is not a date and time", expected="e.g. 2026-01-22T11:30") from None

    def operation(page: Page, style: PageStyle) -> ops.Edit:
        tz = series_zone(page)
        if moment is not None:
            current = moment if moment.tzinfo else moment.replace(tzinfo=tz)
        elif today is not None:
            current = start_of(_today(page, today), tz)
        else:
            current = datetime.now(tz)
        return ops.rotate(page, style, now=current, tz=tz)

    return operation


def caption_lines(text: str | None) -> tuple[str, ...] | None:
    """A photo caption typed as `Name <br> Role <br> Place` (or on several lines)."""
    if text is None:
        return None
    lines = tuple(line.strip() for line in re.split(r"<br\s*/?>|\n", text, flags=re.I) if line.strip())
    return lines or None


def update_talk(
    selector: str,
    *,
    title: str | None,
    names: list[str],
    urls: list[str],
    affiliation: str | None,
    location: str | None,
    time: str | None,
    photo: str | None,
    photo_width: int | None,
    caption: str | None,
    abstract_file: str | None,
    bio_file: str | None,
    from_file: str | None,
    force_next: bool,
    today: str | None,
) -> Operation:
    """The `update-talk` operation: options first, then what `--from FILE` says."""
    from .fill import update_talk as fill
    from .talkfile import parse_talk_file

    described = parse_talk_file(read_text_option(from_file, "--from") or "", from_file) if from_file else None
    given = described.values if described else {}
    names = names or ([given["speaker"]] if "speaker" in given else [])
    urls = urls or ([given["url"]] if "url" in given else [])
    hours = time or given.get("time")
    start, end = parse_hours(hours) if hours else (None, None)
    details = TalkDetails(
        speakers=speakers(names, []),
        title=_line(title or given.get("title"), "--title"),
        affiliation=_line(affiliation or given.get("affiliation"), "--affiliation"),
        location=_line(location or given.get("location"), "--location"),
        start=start,
        end=end,
        photo=_line(photo or given.get("photo"), "--photo"),
        photo_width=str(photo_width) if photo_width else None,
        caption=caption_lines(caption or given.get("caption")),
        abstract=read_text_option(abstract_file, "--abstract-file") or (described.abstract if described else None),
        bio=read_text_option(bio_file, "--bio-file") or (described.bio if described else None),
    )
    links = tuple(one_line(url, "--speaker-url") for url in urls)
    if details == TalkDetails(speakers=details.speakers) and not links and not names:
        raise UsageError("nothing to update", expected="--title, --location, --abstract-file, --from FILE, ...")

    def operation(page: Page, style: PageStyle) -> ops.Edit:
        ref = select(page, selector)
        return fill(page, style, ref, details, speaker_urls=links, today=_today(page, today), force_next=force_next)

    return operation

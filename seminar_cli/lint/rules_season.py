"""Rules that depend on today or on the season: talks given, talks ahead, leftovers, last season."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Field, Section, Talk, TextPart
from ..read import inline
from ..read.compare import is_placeholder
from ..read.series import front_matter_years
from .context import AHEAD_KINDS, PAST_KINDS, Context
from .finding import Hit
from .registry import rule
from .rules_schedule import short

_WHAT = {"location": "the place", "note": "a detail", "link": "a link"}


def _heading(section: Section) -> str:
    return repr(section.heading.title) if section.heading else "its section"


@rule(
    "SEM020",
    "next-talk-passed",
    "warning",
    summary="A talk under Next or Upcoming whose date has passed: run `seminar rotate`.",
    example="the 12/03/2026 talk still under Next on 2026-12-04",
)
def next_talk_passed(ctx: Context) -> Iterator[Hit]:
    """Next and Upcoming hold only talks still to come (while the season is current)."""
    if ctx.archived:
        return
    for item in ctx.time_fields:
        day = item.scan.slot.date
        if item.section.kind in AHEAD_KINDS and day and day < ctx.today and ctx.talk_time(item.talk) is item:
            path = ctx.page.path or "PAGE"
            yield Hit(
                item.line,
                item.column_of(item.scan.date_span),
                f"the talk of {item.scan.slot.date_text} under {_heading(item.section)} was given (today is "
                f"{ctx.today.isoformat()}); move it to Past with `seminar rotate {path}`",
            )


@rule(
    "SEM021",
    "past-talk-ahead",
    "error",
    summary="A talk under Past whose date is still ahead.",
    example="a 12/17/2026 talk under Past on 2026-12-04",
)
def past_talk_ahead(ctx: Context) -> Iterator[Hit]:
    """Past holds only talks that were given."""
    for item in ctx.time_fields:
        day = item.scan.slot.date
        if item.section.kind in PAST_KINDS and day and day > ctx.today and ctx.talk_time(item.talk) is item:
            yield Hit(
                item.line,
                item.column_of(item.scan.date_span),
                f"the talk of {item.scan.slot.date_text} is under {_heading(item.section)} but its date is ahead "
                f"(today is {ctx.today.isoformat()}); expected it under Next or Upcoming, or another date",
            )


@rule(
    "SEM022",
    "tbd-on-held-talk",
    "warning",
    summary="TBD/TBA left on a talk that was already given (a room, a link, the abstract).",
    example="Room: TBA  on a talk under Past Presentations",
)
def tbd_on_held_talk(ctx: Context) -> Iterator[Hit]:
    """A talk that was given says where it was and what it was about."""
    for section, talk in ctx.page.talks():
        day = talk.when.date if talk.when else None
        if day is None or day >= ctx.today or talk.cancelled:
            continue
        if ctx.archived and section.kind not in PAST_KINDS:
            continue
        for part in talk.parts:
            found = _placeholder(ctx, talk, part)
            if found:
                yield Hit(
                    found[0],
                    found[1],
                    f"{found[2]} still says {found[3]!r} on the talk of {talk.when.date_text if talk.when else day} "
                    "that was already given; fill it in or remove it",
                )


def _placeholder(ctx: Context, talk: Talk, part: object) -> tuple[int, int, str, str] | None:
    if isinstance(part, Field) and part.text and is_placeholder(inline.strip_markup(part.text)):
        line, column = ctx.value_at(talk, part)
        label = part.label.strip().rstrip(":").strip()
        return line, column, label or _WHAT.get(part.kind, f"the {part.kind}"), part.text.strip()
    # A placeholder is a word or three: a longer text is the real thing, and costs no markdown parse.
    if (
        isinstance(part, TextPart)
        and part.body
        and len(part.body) < 60
        and is_placeholder(inline.strip_markup(part.body))
    ):
        head = part.label + part.gap
        line = part.line + head.count("\n") + part.body[: len(part.body) - len(part.body.lstrip())].count("\n")
        return line, 1, f"the {part.kind}", part.body.strip()
    return None


@rule(
    "SEM040",
    "other-season-talk",
    "error",
    summary="A talk block or schedule row from an earlier season than the page's.",
    example="Time: …, 11/20/2025  on the 2026 season's page",
)
def other_season_talk(ctx: Context) -> Iterator[Hit]:
    """A season's page holds that season's talks."""
    season = ctx.season
    if season is None:
        return
    for item in ctx.time_fields:
        day = item.scan.slot.date
        if day and day.year < season.first and ctx.talk_time(item.talk) is item:
            yield Hit(
                item.line,
                item.column_of(item.scan.date_span),
                f"the talk {short(item.talk.title, 40)} of {item.scan.slot.date_text} is from the {day.year} season; "
                f"this page is the {_season(season.first, season.last)} season ({season.source}): remove it "
                "(it belongs on last season's page)",
            )
    for entry in ctx.entries:
        if entry.date and entry.date.year < season.first:
            yield Hit(
                entry.line,
                1,
                f"the schedule row of {entry.date_text} is from the {entry.date.year} season; this page is the "
                f"{_season(season.first, season.last)} season ({season.source})",
            )


def _season(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


@rule(
    "SEM041",
    "front-matter-year",
    "error",
    summary="The front matter names last season's year (or the permalink names another year than the page).",
    example="description: Thursdays, January-December, 2025  with permalink /events/seminar-2026/",
)
def front_matter_year(ctx: Context) -> Iterator[Hit]:
    """The title, description and permalink name the page's season."""
    season = ctx.season
    if season is None:
        return
    if season.stale is not None:
        yield Hit(
            season.stale.line,
            season.stale.column,
            f"the permalink names {season.stale.year} but the description and the talks are {season.year}; "
            f"expected {season.year} (a new season's page needs its own permalink)",
        )
    for mention in front_matter_years(ctx.page.front_matter):
        if mention.field != "permalink" and mention.year == season.first - 1:
            yield Hit(
                mention.line,
                mention.column,
                f"the {mention.field} names {mention.year}, last season; this page is the "
                f"{_season(season.first, season.last)} season ({season.source}): expected {season.year}",
            )

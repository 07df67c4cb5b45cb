"""Days and moments as the user types them (`--date`, `--today`, `--now`), and today as the clock says.

The one home of `--today` and `--now`: the command line reads the clock once and passes it
in as `now`; nothing here reads it. Today is `now` in the series' time zone.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from ..errors import UsageError
from ..model import Page
from .dates import is_tbd, parse_date
from .zones import series_zone, start_of

_EXAMPLES = "a date such as 2026-02-05 or 02/05/2026"


def typed_day(text: str, year: int | None, option: str = "--date") -> date | None:
    """A date typed by the user: ISO or the page's own format (a year-less one in `year`); None for TBD."""
    if is_tbd(text):
        return None
    parsed = parse_date(text, year)
    if parsed.date is None:
        raise UsageError(str(parsed.error), option=option, expected=f"{_EXAMPLES}, or TBD")
    return parsed.date


def typed_today(text: str, year: int | None, option: str = "--today") -> date:
    """A day the user names as today (or as a bound, such as `--from`): a date, never TBD."""
    day = typed_day(text, year, option)
    if day is None:
        raise UsageError(f"{option} cannot be TBD", expected=_EXAMPLES)
    return day


def today(page: Page, given: str | None, now: datetime, zone: tzinfo | None = None) -> date:
    """`--today` when given, else the date `now` falls on in the series' zone (`zone`, else the page's)."""
    if given is not None:
        return typed_today(given, page.season_year)
    return now.astimezone(zone or series_zone(page)).date()


def typed_moment(text: str) -> datetime:
    """A moment typed with `--now` (ISO 8601, with or without a zone)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a date and time", option="--now", expected="e.g. 2026-01-22T11:30") from None


def moment(page: Page, *, given_today: str | None, given_now: str | None, now: datetime) -> datetime:
    """Now for an edit: `--now` (in the series' zone unless it names one), the start of `--today`, or `now`.

    At most one of `--today` and `--now` is given (the command line refuses both).
    """
    zone = series_zone(page)
    if given_now is not None:
        current = typed_moment(given_now)
        return current if current.tzinfo else current.replace(tzinfo=zone)
    if given_today is not None:
        return start_of(typed_today(given_today, page.season_year), zone)
    return now.astimezone(zone)

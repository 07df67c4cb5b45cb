"""Tolerant reading of dates and talk times as people write them, and writing them back.

A date pattern is a small strftime-like string read off the page (`%m-%d-%Y`,
`%m/%d`, `%-m/%-d/%Y`, `%B %-d, %Y`): new dates are written with the page's pattern.
"""

from __future__ import annotations

from datetime import date, time
from sys import intern

from ..model import Frozen, TimeSlot, frozen
from ..patterns import IGNORECASE, compiled
from .memo import Memo2, shared

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TBD = compiled(r"^(tbd|tba|tbc|to be (determined|announced|confirmed)|\?+|-+|n/?a)\.?$", IGNORECASE)

_NUMERIC = compiled(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|\.\d)")
_DIGIT = compiled(r"\d")
_ISO = compiled(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_MONTH_FIRST = compiled(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)([a-z]*)(\.?)\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?(?:(,?)\s+(\d{4}))?\b",
    IGNORECASE,
)
_WEEKDAY = compiled(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues?|wed|thu|thur|thurs|fri|sat|sun)\b\.?",
    IGNORECASE,
)
_MER = r"(?:[aApP]\.?\s?[mM]\.?(?![a-zA-Z]))"


def _clock(name: str) -> str:
    return (
        rf"(?:(?P<{name}h>\d{{1,2}})(?:[:.](?P<{name}m>\d{{2}}))?\s*+(?P<{name}ap>{_MER})?"
        rf"|(?P<{name}noon>noon|midnight))"
    )


# Possessive spaces: a run of spaces after an hour is read once, not once per way to split it.
_RANGE = compiled(_clock("s") + r"\s*+(?:-|–|—|to|until)\s*+" + _clock("e"), IGNORECASE)
_SINGLE = compiled(rf"(?P<sh>\d{{1,2}})(?:[:.](?P<sm>\d{{2}}))?\s*(?P<sap>{_MER})", IGNORECASE)
_TZ = compiled(
    r"\(?\b(ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|UTC|GMT|BST|CET|CEST|EET|EEST|"
    r"AEST|AEDT|JST|KST|IST|AoE)\b\)?"
)


@frozen
class DateText(Frozen):
    """A date as written: its value, the pattern it was written in, or why it is not a date."""

    date: date | None
    pattern: str | None
    tbd: bool = False
    error: str | None = None


@frozen
class TimeScan(Frozen):
    """A talk's time line read into a `TimeSlot`, with where each token stands in the text."""

    slot: TimeSlot
    date_span: tuple[int, int] | None
    date_pattern: str | None
    weekday_span: tuple[int, int] | None
    range_span: tuple[int, int] | None
    tz_span: tuple[int, int] | None


def is_tbd(text: str) -> bool:
    """True for TBD, TBA, 'to be announced' and the like."""
    return bool(_TBD.match(text.strip()))


def parse_date(text: str, default_year: int | None) -> DateText:
    """Read a whole cell or value as one date (`MM-DD-YYYY`, `MM/DD`, ISO, `Jan 5, 2026`)."""
    value = text.strip()
    if is_tbd(value):
        return DateText(None, None, tbd=True)
    found = find_date(value, default_year)
    if found is None or found[1] != (0, len(value)):
        return DateText(None, None, error=f"{value!r} is not a date in a known format")
    return found[0]


def find_date(text: str, default_year: int | None) -> tuple[DateText, tuple[int, int]] | None:
    """The first date written in `text` and its span."""
    match = _first_match(text)
    if match is None:
        return None
    reader = _READERS[match.re.pattern]
    year, month, day, pattern = reader(match, default_year)
    span = shared((match.start(), match.end()))
    pattern = intern(pattern)
    if year is None:
        return DateText(None, pattern, error="the date has no year and the page gives none"), span
    try:
        return DateText(shared(date(year, month, day)), pattern), span
    except ValueError:
        return DateText(None, pattern, error=f"{match.group(0)!r} is not a date that exists"), span


def _first_match(text: str) -> re.Match[str] | None:
    """The earliest date of any known format in `text`."""
    if _DIGIT.search(text) is None:  # every format has a digit
        return None
    candidates = []
    for regex in (_ISO, _NUMERIC, _MONTH_FIRST):
        for match in regex.finditer(text):
            # `10-11` is a time range, not a date: only `/` may leave the year out.
            if regex is _NUMERIC and match.group(2) != "/" and not match.group(4):
                continue
            candidates.append(match)
            break
    return min(candidates, key=lambda item: item.start(), default=None)


Parts = tuple[int | None, int, int, str]  # year, month, day, and the pattern the date is written in


def _iso_parts(match: re.Match[str], default_year: int | None) -> Parts:
    year, month, day = (int(group) for group in match.groups())
    return year, month, day, f"%Y-{_pad('m', match.group(2))}-{_pad('d', match.group(3))}"


def _numeric_parts(match: re.Match[str], default_year: int | None) -> Parts:
    sep, year_text = match.group(2), match.group(4)
    pattern = f"{_pad('m', match.group(1))}{sep}{_pad('d', match.group(3))}"
    if year_text:
        pattern += sep + ("%Y" if len(year_text) == 4 else "%y")
    return _year(year_text, default_year), int(match.group(1)), int(match.group(3)), pattern


def _month_name_parts(match: re.Match[str], default_year: int | None) -> Parts:
    name = "%B" if len(match.group(1) + match.group(2)) > 3 or match.group(1).lower() == "may" else "%b"
    pattern = f"{name}{match.group(3)} {_pad('d', match.group(4))}"
    if match.group(6):
        pattern += f"{match.group(5)} %Y"
    return _year(match.group(6), default_year), _month_number(match.group(1)), int(match.group(4)), pattern


_READERS = {_ISO.pattern: _iso_parts, _NUMERIC.pattern: _numeric_parts, _MONTH_FIRST.pattern: _month_name_parts}


def _pad(letter: str, digits: str) -> str:
    return f"%{letter}" if len(digits) == 2 else f"%-{letter}"


def _year(text: str | None, default_year: int | None) -> int | None:
    if not text:
        return default_year
    return int(text) if len(text) == 4 else 2000 + int(text)


def _month_number(name: str) -> int:
    return next(index for index, month in enumerate(MONTHS, 1) if month.startswith(name.lower()[:3]))


def format_date(value: date, pattern: str) -> str:
    """Write `value` with a pattern read by `find_date`."""
    out = pattern
    replacements = {
        "%Y": f"{value.year:04d}",
        "%y": f"{value.year % 100:02d}",
        "%-m": str(value.month),
        "%m": f"{value.month:02d}",
        "%-d": str(value.day),
        "%d": f"{value.day:02d}",
        "%B": MONTHS[value.month - 1].capitalize(),
        "%b": MONTHS[value.month - 1][:3].capitalize(),
    }
    for token, text in replacements.items():
        out = out.replace(token, text)
    return out


def weekday_name(value: date, written: str | None = None) -> str:
    """The weekday of `value`, abbreviated and cased like `written` when given."""
    name = WEEKDAYS[value.weekday()]
    if written:
        core = written.rstrip(".")
        if len(core) < len(WEEKDAYS[0]) and core.lower() not in WEEKDAYS:
            name = name[: len(core)]
        if core.isupper():
            name = name.upper()
        elif core[:1].isupper():
            name = name.capitalize()
        if written.endswith("."):
            name += "."
        return name
    return name.capitalize()


def weekday_index(written: str) -> int | None:
    """0 for Monday .. 6 for Sunday, from a weekday written in full or abbreviated."""
    core = written.rstrip(".").lower()
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(core[:3]):
            return index
    return None


@Memo2  # lint's rules ask again for the lines that reading the page read
def scan_time(text: str, default_year: int | None) -> TimeScan:
    """Read a talk's time line (`10-11 a.m. ET, Thursday, 01/22/2026`) into its parts."""
    found = find_date(text, default_year)
    date_text, date_span = found if found else (DateText(None, None), None)
    masked = _mask(text, date_span)
    weekday = _WEEKDAY.search(masked)
    weekday_span = shared(weekday.span()) if weekday else None
    masked = _mask(masked, weekday_span)
    start = end = None
    range_span = None
    match = _RANGE.search(masked) or _SINGLE.search(masked)
    if match:
        start, end = _resolve(match)
        range_span = shared(match.span())
        masked = _mask(masked, range_span)
    tz = _TZ.search(masked)
    slot = TimeSlot(
        date=date_text.date,
        start=start,
        end=end,
        tz=intern(tz.group(1)) if tz else None,
        weekday=intern(weekday.group(0)) if weekday else None,
        date_text=intern(text[date_span[0] : date_span[1]]) if date_span else None,
        date_error=date_text.error,
    )
    return TimeScan(slot, date_span, date_text.pattern, weekday_span, range_span, shared(tz.span()) if tz else None)


def _mask(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return text
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _resolve(match: re.Match[str]) -> tuple[time | None, time | None]:
    groups = match.groupdict()
    start = _clock_value(groups, "s")
    end = _clock_value(groups, "e") if "eh" in groups else None
    if start is None:
        return None, None
    start_ap, end_ap = _meridiem(groups.get("sap")), _meridiem(groups.get("eap"))
    start_hour, start_minute = start
    if end is None:
        return _at(start_hour, start_minute, start_ap), None
    midnight = (groups.get("enoon") or "").lower() == "midnight"
    if groups.get("enoon"):
        end_ap = "a" if midnight else "p"
    start_ap, end_ap = _meridiems(start, end, start_ap, end_ap, midnight=midnight)
    return _at(start_hour, start_minute, start_ap), _at(*end, end_ap)


def _meridiems(
    start: tuple[int, int], end: tuple[int, int], start_ap: str | None, end_ap: str | None, *, midnight: bool
) -> tuple[str | None, str | None]:
    """A range's a.m./p.m. where only one end says it (`10-11 a.m.`), or neither (`7-8`): the range runs forward."""
    if start_ap is None and midnight:
        return "p", end_ap  # `12 - midnight`, `9 - midnight`: the evening before it
    if start_ap is None and end_ap is not None:
        start_ap = end_ap
        if _minutes(*start, start_ap) > _minutes(*end, end_ap):
            start_ap = "a" if end_ap == "p" else "p"
    elif end_ap is None and start_ap is not None:
        end_ap = start_ap
        if _minutes(*end, end_ap) < _minutes(*start, start_ap):
            end_ap = "p" if start_ap == "a" else "a"
    elif start_ap is None and end_ap is None and 1 <= start[0] < 8 <= end[0] < 12:
        end_ap = "p"  # `7-8`: a start read as afternoon takes its end with it (19:00-20:00, not 19:00-08:00)
    return start_ap, end_ap


def _clock_value(groups: dict[str, str | None], name: str) -> tuple[int, int] | None:
    noon = groups.get(f"{name}noon")
    if noon:
        return (12, 0) if noon.lower() == "noon" else (0, 0)
    hour = groups.get(f"{name}h")
    if hour is None:
        return None
    return int(hour), int(groups.get(f"{name}m") or 0)


def _meridiem(text: str | None) -> str | None:
    return text.strip()[0].lower() if text else None


def _minutes(hour: int, minute: int, meridiem: str | None) -> int:
    return _hour24(hour, meridiem) * 60 + minute


def _hour24(hour: int, meridiem: str | None) -> int:
    if meridiem == "p" and hour < 12:
        return hour + 12
    if meridiem == "a" and hour == 12:
        return 0
    if meridiem is None and 1 <= hour < 8:
        return hour + 12
    return hour


def _at(hour: int, minute: int, meridiem: str | None) -> time | None:
    hour24 = _hour24(hour, meridiem)
    if not (0 <= hour24 < 24 and 0 <= minute < 60):
        return None
    return shared(time(hour24, minute))

"""Every date written in a text, as written: its numbers, its year if any, the weekday beside it.

A token is not yet a date: `12/04/21` can be the 12th of April or December 4th, and
`Jun 16` has no year. Which reading holds is settled per listing (`settle`), from the
evidence the page gives; a token only says what could be meant.
"""

from __future__ import annotations

from datetime import date

from ..model import Frozen, frozen
from ..patterns import IGNORECASE, compiled
from .memo import shared

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Literal

    TokenKind = Literal["iso", "numeric", "named"]
else:  # annotations are not evaluated at run time
    TokenKind = str

MONTH_WORDS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAY_WORDS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3, "thur": 3,
    "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:(?P<weekday>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\.?,?[ \t]+)?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY = rf"(?P<day>[0-3]?\d){_ORDINAL}"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# `Thursday, March 10`, `Apr. 16, 2026`, `Feb 15th 2023`, `April 25-26`, `Sept. 21, 2022`
_NAMED_MONTH_FIRST = (
    rf"{_WEEKDAY}{_MONTH}[ \t]+{_DAY}(?:[ \t]*[-–][ \t]*(?P<until>[0-3]?\d){_ORDINAL})?(?!\d|:\d)"
    rf"(?:,?[ \t]+{_YEAR}(?!\d))?"
)
# `Wed 12 Dec 2018`, `12 December 2018`, `5th May`
_NAMED_DAY_FIRST = rf"{_WEEKDAY}{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH}(?:,?[ \t]+{_YEAR}(?!\d))?"
_ISO = r"(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?!\d)"
# `12/04/21`, `02.07.2026`, `6/16/2023`, `09/11` (a slash may leave the year out; `10-11` is a time range)
_NUMERIC = (
    rf"{_WEEKDAY}(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)"
    r"(?:(?P=sep)(?P<ny>(?:19|20)?\d\d))?(?![\d/])(?!\.\d)"
)
_EDGE = r"(?<![^\W_]|[/.-])"  # not inside a word or a number (an underscore of emphasis may touch it)


_DIGIT = compiled(r"\d")


def _form(pattern: str) -> re.Pattern[str]:
    return compiled(rf"{_EDGE}(?:{pattern})(?![^\W_])", IGNORECASE)


_FORMS: tuple[tuple[TokenKind, re.Pattern[str]], ...] = (
    ("iso", _form(_ISO)),
    ("named", _form(_NAMED_MONTH_FIRST)),
    ("named", _form(_NAMED_DAY_FIRST)),
    ("numeric", _form(_NUMERIC)),
)


@frozen
class DateToken(Frozen):
    """A date as written: `first` and `second` are month and day, or for a numeric token the two numbers in order."""

    start: int
    end: int
    kind: TokenKind
    first: int
    second: int
    year: int | None
    separator: str
    weekday: int | None
    until: int | None  # the last day of a range such as `April 25-26`
    text: str

    @property
    def ambiguous(self) -> bool:
        """True when day and month could swap: a numeric date whose two numbers are both 12 or less."""
        return self.kind == "numeric" and self.first <= 12 and self.second <= 12 and self.first != self.second

    def month_day(self, day_first: bool) -> tuple[int, int]:
        """(month, day) read month first, or day first for a numeric token."""
        if self.kind == "numeric" and day_first:
            return self.second, self.first
        return self.first, self.second

    def readable(self, day_first: bool) -> bool:
        """True when the token makes a month and a day that can exist in that order."""
        month, day = self.month_day(day_first)
        return 1 <= month <= 12 and 1 <= day <= 31

    def as_date(self, day_first: bool, year: int | None) -> date | None:
        """The date it is in that order and year (None when that date does not exist or the year is unknown)."""
        year = self.year if self.year is not None else year
        if year is None:
            return None
        month, day = self.month_day(day_first)
        try:
            return shared(date(year, month, day))
        except ValueError:
            return None


def date_tokens(text: str, stop: int | None = None) -> list[DateToken]:
    """Every date written in `text` (up to `stop`), left to right; where two forms overlap, the earlier and longer."""
    end = len(text) if stop is None else stop
    if _DIGIT.search(text, 0, end) is None:  # every form has a digit: most names and titles have none
        return []
    found = sorted(
        (token for kind, form in _FORMS for match in form.finditer(text, 0, end)
         if (token := _token(kind, match)) is not None),
        key=lambda token: (token.start, -token.end),
    )  # fmt: skip
    kept: list[DateToken] = []
    for token in found:
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept


def leading_token(text: str) -> DateToken | None:
    """The date that leads `text` (after markup and spacing), or None."""
    found = date_tokens(text, min(len(text), _LEAD_WINDOW))
    if found and _LEAD_JUNK.fullmatch(text[: found[0].start]):
        return found[0]
    return None


_LEAD_WINDOW = 200
_LEAD_JUNK = compiled(r"[\s*_~#>\-+|:\[(\"'`]*(?:\d{1,3}[.)]\s+)?[\s*_~\[(\"'`]*")


def _token(kind: TokenKind, match: re.Match[str]) -> DateToken | None:
    groups = match.groupdict()
    weekday = WEEKDAY_WORDS.get((groups.get("weekday") or "").lower().rstrip("."))
    if kind == "iso":
        return DateToken(
            match.start(), match.end(), "iso", int(groups["im"]), int(groups["id"]), int(groups["iy"]),
            groups["isep"], weekday, None, match.group(0),
        )  # fmt: skip
    if kind == "numeric":
        return _numeric(match, groups, weekday)
    month = MONTH_WORDS[groups["month"].lower().rstrip(".")]
    year = int(groups["year"]) if groups["year"] else None
    until = int(groups["until"]) if groups.get("until") else None
    return DateToken(
        match.start(), match.end(), "named", month, int(groups["day"]), year, "", weekday, until, match.group(0)
    )


def _numeric(match: re.Match[str], groups: dict[str, str | None], weekday: int | None) -> DateToken | None:
    separator, year_text = groups["sep"] or "", groups["ny"]
    if separator != "/" and not year_text:
        return None  # `10-11` is a time range and `3.5` a number: only `/` may leave the year out
    year = None if year_text is None else int(year_text) if len(year_text) == 4 else _century(int(year_text))
    first, second = int(groups["a"] or 0), int(groups["b"] or 0)
    if not (first and second) or (first > 12 and second > 12):
        return None
    return DateToken(
        match.start(), match.end(), "numeric", first, second, year, separator, weekday, None, match.group(0)
    )


def _century(two_digits: int) -> int:
    return 1900 + two_digits if two_digits >= 70 else 2000 + two_digits

"""A new date written the way a neighbour's date is written: its order, padding, month word, weekday, year.

`Jun 16` gives `Jul 7`; `09/11` gives `10/02`; `15.06.26` (day first) gives `02.07.26`;
`Wed 12 Dec 2018` gives `Wed 19 Dec 2018`; `January 15th, 2025` gives `February 19th, 2025`.
"""

from __future__ import annotations

import re
from datetime import date

from ..patterns import compiled
from ..read.date_tokens import MONTH_WORDS, WEEKDAY_WORDS, DateToken

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WORD = compiled(r"[A-Za-z]+\.?")
_NUMBER = compiled(r"\d+(?:st|nd|rd|th)?", re.I)


def restyle(token: DateToken, day: date, *, day_first: bool, padded: bool = False, full_months: bool = False) -> str:
    """`day` written as `token` is written (a numeric token in the listing's order).

    `padded` says that the listing writes days and months with two digits (`09/03`), `full_months`
    that it writes month names in full (which `May` alone does not tell).
    """
    text = token.text
    if token.kind == "named":
        return _named(text, token, day, full_months)
    if token.kind == "iso":
        return _numbers(text, [day.year, day.month, day.day], padded=True)
    values = [day.day, day.month] if day_first else [day.month, day.day]
    if token.year is not None:
        values.append(day.year)
    return _numbers(_weekday(text, day), values, padded=padded or _has_zero(text))


def padded_numbers(texts: list[str]) -> bool:
    """True when some date of a listing writes a day or month with a leading zero (`09/11`, `02.07.26`)."""
    return any(_has_zero(text) for text in texts)


def _has_zero(text: str) -> bool:
    return re.search(r"(?<!\d)0\d", text) is not None


def _numbers(text: str, values: list[int], *, padded: bool) -> str:
    """The numbers of `text` in order replaced by `values`: years as wide as written, days and months padded or not."""
    found = list(re.finditer(r"\d+", text))
    out = text
    for match, value in reversed(list(zip(found, values, strict=False))):
        written = match.group(0)
        if value > 31:  # a year
            new = str(value) if len(written) == 4 else f"{value % 100:02d}"
        else:
            new = f"{value:02d}" if padded else str(value)
        out = out[: match.start()] + new + out[match.end() :]
    return out


def months_in_full(texts: list[str]) -> bool:
    """True when a listing writes month names in full (`January 15`), False when cut (`Jan 15`)."""
    words = [match.group(0).rstrip(".").lower() for text in texts for match in _WORD.finditer(text)]
    months = [word for word in words if word in MONTH_WORDS and word != "may"]
    return bool(months) and all(len(word) > 4 or word == "june" or word == "july" for word in months)


def _named(text: str, token: DateToken, day: date, full_months: bool) -> str:
    out = _weekday(text, day)
    for match in reversed(list(_WORD.finditer(out))):
        word = match.group(0)
        if word.lower().rstrip(".") in MONTH_WORDS:
            written = ("May" if full_months else "Ma") if word.lower() == "may" else word
            out = out[: match.start()] + _like(written, _MONTHS[day.month - 1]) + out[match.end() :]
            break
    numbers = [match for match in _NUMBER.finditer(out) if len(match.group(0).rstrip("stndrh")) <= 2]
    if numbers:
        match = numbers[0]
        written = match.group(0)
        digits = written.rstrip("stndrhSTNDRH")
        new = f"{day.day:0{len(digits)}d}" if digits.startswith("0") else str(day.day)
        if len(written) > len(digits):
            new += _ordinal(day.day)
        out = out[: match.start()] + new + out[match.end() :]
    return re.sub(r"(19|20)\d\d", str(day.year), out) if token.year is not None else out


def _weekday(text: str, day: date) -> str:
    """The weekday written beside a date, made the new date's (in the same length and case)."""
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word.lower().rstrip(".") in WEEKDAY_WORDS:
            return text[: match.start()] + _like(word, _WEEKDAYS[day.weekday()]) + text[match.end() :]
    return text


def _like(written: str, full: str) -> str:
    """`full` written like `written`: in full or cut to three letters, cased the same (`DEC` -> `JAN`)."""
    core = written.rstrip(".")
    names = {name.lower() for name in (*_MONTHS, *_WEEKDAYS)}
    word = full if core.lower() in names else full[:3]
    if core.lower() == "sept" and full == "September":
        word = "Sept"
    if core.isupper():
        word = word.upper()
    elif core.islower():
        word = word.lower()
    return word + ("." if written.endswith(".") and len(word) < len(full) else "")


def _ordinal(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")

"""The term a heading names (`Fall 2025`, `Michaelmas term`, `2023-2024`, `Schedule (2015)`) and its span.

A page that keeps one listing per term says which term a new talk belongs to; the span of
each term word is the months it usually covers in the calendar of the page's country.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Frozen, frozen
from ..patterns import compiled

# Term words and the months (first, last) each usually covers.
TERM_MONTHS = {
    "spring": (1, 5),
    "summer": (6, 8),
    "fall": (9, 12),
    "autumn": (9, 12),
    "winter": (1, 3),
    "michaelmas": (10, 12),
    "lent": (1, 3),
    "epiphany": (1, 3),
    "hilary": (1, 3),
    "easter": (4, 6),
    "trinity": (4, 6),
}
_WORD = compiled(r"\b(" + "|".join(TERM_MONTHS) + r")\b", re.I)
_YEARS = compiled(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?(?!\d)")


@frozen
class Term(Frozen):
    """A term as a heading names it: its word (None for a year or school year), its span, where its year stands."""

    word: str | None
    first: date
    last: date
    year_span: tuple[int, int] | None  # where the heading writes the year
    word_span: tuple[int, int] | None  # where the heading writes the term word

    def holds(self, day: date) -> bool:
        """True when `day` falls in the term."""
        return self.first <= day <= self.last


def term_of(heading: str, dates: list[date]) -> Term | None:
    """The term `heading` names; a term word without a year takes the year of the listing's `dates`."""
    word = _WORD.search(heading)
    years = _YEARS.search(heading)
    if word is not None:
        year = int(years.group(1)) if years else _usual_year(dates)
        if year is None:
            return None
        first, last = TERM_MONTHS[word.group(1).lower()]
        return Term(word.group(1), date(year, first, 1), _month_end(year, last), years.span() if years else None,
                    word.span())  # fmt: skip
    if years is None:
        return None
    start = int(years.group(1))
    if years.group(2):  # a school year: `2023-2024`, `2023/24`
        return Term(None, date(start, 9, 1), date(start + 1, 8, 31), years.span(), None)
    return Term(None, date(start, 1, 1), date(start, 12, 31), years.span(), None)


def named_term(heading: str, term: Term, day: date, words: set[str]) -> str | None:
    """The heading of the term holding `day`, written like `heading` (`Summer 2026` gives `Fall 2026`).

    The new term's word is one of the page's own `words`; None when none of them holds the day.
    """
    if term.word is None or term.word_span is None:
        return None
    for word in sorted(words):
        first, last = TERM_MONTHS[word.lower()]
        if first <= day.month <= last:
            begin, end = term.word_span
            new = _cased(word, term.word)
            text = heading[:begin] + new + heading[end:]
            if term.year_span is not None:
                shift = len(new) - (end - begin)
                start, stop = term.year_span
                start, stop = (start + shift, stop + shift) if start > begin else (start, stop)
                text = text[:start] + str(day.year) + text[stop:]
            return text
    return None


def term_words(headings: list[str]) -> set[str]:
    """The term words the page's headings use, lower-cased."""
    return {match.group(1).lower() for heading in headings for match in _WORD.finditer(heading)}


def _cased(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word.lower()


def _usual_year(dates: list[date]) -> int | None:
    years = [day.year for day in dates]
    return max(set(years), key=years.count) if years else None


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1).fromordinal(date(year, month + 1, 1).toordinal() - 1)

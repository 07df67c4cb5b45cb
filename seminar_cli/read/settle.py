"""Dates per listing: settle day-first or month-first, and the year, from the evidence the page gives.

Every date token of a listing is collected first. A number above 12 settles the order of
its token (`21/4/2023` is day first); a weekday written beside a date settles it when
only one reading falls on that weekday; the listing's order (oldest or newest first)
settles a token whose neighbours are settled, or a whole listing whose tokens are all
ambiguous when only one reading keeps it in order. A listing whose convention changes
halfway down is read right on both halves. What nothing settles is reported with both
readings, never guessed. A year-less date takes the year of the listing's heading
(`Spring 2026`, `2023-2024`), else the page's when it states one, else the year of the
listing's other dates, else the page's.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..model import DateOrder, DateSettling, Day, Frozen, frozen
from .date_tokens import DateToken


@frozen
class YearSource(Frozen):
    """Where a listing's year-less dates take their year: one year, or a span such as `2023-2024`.

    `stated` is True when the page states it (a heading, the front matter), False when it is
    only read off the file name or the page's dates (then a listing's own dates come first).
    """

    first: int
    last: int
    evidence: str
    stated: bool = True

    def year_for(self, month: int) -> int:
        """The year of a month: in a span, autumn months belong to its first year."""
        return self.first if self.first == self.last or month >= 8 else self.last


@frozen
class Settled(Frozen):
    """One entry's date: read, or both readings when the page never settles it, or why it cannot be read."""

    date: Day | None
    readings: tuple[Day, ...] = ()
    error: str | None = None


@frozen
class Decision(Frozen):
    """The order a listing writes its dates in (day first or not), and what settled it."""

    day_first: bool
    evidence: str


@frozen
class _Tokens(Frozen):
    """A listing's date tokens (one or None per entry), their lines and the years they are read in."""

    tokens: Sequence[DateToken | None]
    lines: Sequence[int]
    years: Sequence[int | None]

    @property
    def numeric(self) -> list[int]:
        return [index for index, token in enumerate(self.tokens) if token is not None and token.kind == "numeric"]

    def token(self, index: int) -> DateToken:
        found = self.tokens[index]
        assert found is not None
        return found

    def dated(self, day_first: bool) -> list[Day | None]:
        return [
            token.as_date(day_first, self.years[index]) if token else None for index, token in enumerate(self.tokens)
        ]


def settle(
    tokens: Sequence[DateToken | None],
    lines: Sequence[int],
    heading_year: YearSource | None,
    page_year: YearSource | None,
    page_order: Decision | None = None,
) -> tuple[list[Settled], DateSettling, Decision | None]:
    """The dates of a listing's entries (one token or None each), how they were settled, and the order found."""
    listing = _Tokens(tokens, lines, _years(tokens, heading_year, page_year))
    orders, decision = _orders(listing, page_order)
    settled = [_settled(token, orders.get(index), listing.years[index]) for index, token in enumerate(tokens)]
    unsettled = tuple(
        lines[index] for index, token in enumerate(tokens) if token and token.ambiguous and index not in orders
    )
    source = heading_year or page_year
    used = source is not None and any(token is not None and token.year is None for token in tokens)
    settling = DateSettling(
        order=_order_name(decision) if decision else None,
        order_evidence=decision.evidence if decision else None,
        year=source.first if used and source else None,
        year_evidence=source.evidence if used and source else None,
        unsettled=unsettled,
    )
    return settled, settling, decision


def _order_name(decision: Decision) -> DateOrder:
    return "day-first" if decision.day_first else "month-first"


def _settled(token: DateToken | None, day_first: bool | None, year: int | None) -> Settled:
    if token is None:
        return Settled(None)
    if token.ambiguous and day_first is None:
        both = tuple(found for order in (False, True) if (found := token.as_date(order, year)) is not None)
        return Settled(None, both, f"{token.text!r} can be read day first or month first, and the page does not say")
    found = token.as_date(bool(day_first), year)
    if found is not None:
        return Settled(found)
    if token.year is None and year is None:
        return Settled(None, (), f"{token.text!r} has no year, and the page gives none")
    return Settled(None, (), f"{token.text!r} is not a date that exists")


def _years(tokens: Sequence[DateToken | None], heading: YearSource | None, page: YearSource | None) -> list[int | None]:
    """The year each token is read in: its own, else the heading's, else the page's stated one, else its neighbours'."""
    written = [(index, token.year) for index, token in enumerate(tokens) if token is not None and token.year]
    stated = heading or (page if page is not None and page.stated else None)
    found: list[int | None] = []
    for index, token in enumerate(tokens):
        if token is None or token.year is not None:
            found.append(token.year if token else None)
        elif stated is not None:
            found.append(stated.year_for(token.first))
        elif written:
            found.append(min(written, key=lambda item: abs(item[0] - index))[1])
        else:
            found.append(page.year_for(token.first) if page is not None else None)
    return found


def _orders(listing: _Tokens, page_order: Decision | None) -> tuple[dict[int, bool], Decision | None]:
    """For each numeric token, whether it is day first; and the listing's convention with its evidence."""
    numeric = listing.numeric
    if not numeric:
        return {}, None
    forced = {index: found for index in numeric if (found := _forced(listing, index)) is not None}
    conventions = {day_first for day_first, _ in forced.values()}
    if len(conventions) == 2:
        return _mixed(listing, forced)
    if conventions:
        day_first = conventions.pop()
        first = min(forced)
        token = listing.token(first)
        return dict.fromkeys(numeric, day_first), Decision(
            day_first, f"{forced[first][1]}: {token.text!r} (line {listing.lines[first]})"
        )
    decided = _by_order(listing) or page_order
    if decided is not None:
        return dict.fromkeys(numeric, decided.day_first), decided
    return {index: False for index in numeric if not listing.token(index).ambiguous}, None


def _forced(listing: _Tokens, index: int) -> tuple[bool, str] | None:
    """The order a token settles on its own: a number above 12, or the weekday written beside it."""
    token = listing.token(index)
    month_first, day_first = token.readable(False), token.readable(True)
    if month_first != day_first:
        return day_first, "a day above 12"
    if not token.ambiguous or token.weekday is None:
        return None
    matches = [
        order
        for order in (False, True)
        if (found := token.as_date(order, listing.years[index])) and found.weekday() == token.weekday
    ]
    return (matches[0], "the weekday written beside it") if len(matches) == 1 else None


def _inversions(dates: Sequence[Day | None]) -> tuple[int, int]:
    """How many neighbouring pairs go back in time, and how many go forward."""
    known = [day for day in dates if day is not None]
    return sum(1 for one, two in pairwise(known) if two < one), sum(1 for one, two in pairwise(known) if two > one)


def _by_order(listing: _Tokens) -> Decision | None:
    """The one order in which a listing of ambiguous dates runs one way in time, if only one does."""
    if len(listing.numeric) < 3:
        return None
    ordered = []
    for day_first in (False, True):
        back, forward = _inversions(listing.dated(day_first))
        ordered.append(min(back, forward) == 0 and back + forward > 0)
    return Decision(ordered[1], "the listing's order") if ordered[0] != ordered[1] else None


def _mixed(listing: _Tokens, forced: dict[int, tuple[bool, str]]) -> tuple[dict[int, bool], Decision]:
    """A listing whose convention changes: each ambiguous date follows its neighbours, in the listing's order."""
    orders = {index: order for index, (order, _) in forced.items()}
    known = _known(listing, orders)
    back, forward = _inversions([known.get(index) for index in range(len(listing.tokens))])
    for index in listing.numeric:
        if index not in orders:
            orders[index] = _between(listing, index, known, back > forward, forced)
    month_first = min(index for index, (order, _) in forced.items() if not order)
    day_first = min(index for index, (order, _) in forced.items() if order)
    evidence = (
        f"days above 12 written month first (line {listing.lines[month_first]}) and day first "
        f"(line {listing.lines[day_first]}); each date between them follows the listing's order"
    )
    majority = sum(forced[index][0] for index in forced) * 2 > len(forced)
    return orders, Decision(majority, evidence)


def _known(listing: _Tokens, orders: dict[int, bool]) -> dict[int, Day]:
    """The dates the listing settles on their own (month names, ISO, and numbers above 12)."""
    found: dict[int, Day] = {}
    for index, token in enumerate(listing.tokens):
        if token is not None and (index in orders or not token.ambiguous):
            day = token.as_date(orders.get(index, False), listing.years[index])
            if day is not None:
                found[index] = day
    return found


def _between(
    listing: _Tokens, index: int, known: dict[int, Day], descending: bool, forced: dict[int, tuple[bool, str]]
) -> bool:
    """The reading of an ambiguous date that fits between its settled neighbours, else its nearest settled one's."""
    before = known.get(max((spot for spot in known if spot < index), default=-1))
    after = known.get(min((spot for spot in known if spot > index), default=-1))
    low, high = (after, before) if descending else (before, after)
    token = listing.token(index)
    fits = [
        day_first
        for day_first in (False, True)
        if (found := token.as_date(day_first, listing.years[index])) is not None
        and (low is None or low <= found)
        and (high is None or found <= high)
    ]
    if len(fits) == 1:
        return fits[0]
    return forced[min(forced, key=lambda spot: abs(spot - index))][0]

"""Which schedule row belongs to which talk block.

A row and a block are the same talk when two of date, title and speakers agree, or
one agrees and nothing contradicts it (a TBD row); each row and block pairs at most once,
best agreement first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..model import Frozen, Page, ScheduleEntry, Section, Speaker, Talk, frozen
from .compare import (
    is_known,
    known_names,
    last_names,
    person_keys,
    same_title,
    share_someone,
    title_agreement,
    title_keys,
)

Said = tuple[date | None, str | None, tuple[Speaker, ...]]  # what a row or block says: date, title, speakers


@frozen
class Pair(Frozen):
    """A talk block and its schedule row."""

    section: Section
    talk: Talk
    entry: ScheduleEntry


@frozen
class Matching(Frozen):
    """Rows paired with blocks, and those left alone."""

    pairs: tuple[Pair, ...]
    lonely_talks: tuple[tuple[Section, Talk], ...]
    lonely_rows: tuple[ScheduleEntry, ...]


def match(page: Page) -> Matching:
    """Pair the page's schedule rows with its talk blocks.

    Only rows that share something with a block (its date, its title, a speaker's last
    name) can agree with it, so each block is scored against those rows only: linear in
    the size of the page rather than blocks times rows.
    """
    talks = page.talks()
    entries = tuple(entry for schedule in page.schedules for entry in schedule.entries)
    # A key's first row is kept alone, a list only from its second on: most keys (a date, a title) have one row.
    rows_by_key: dict[object, int | list[int]] = {}
    for row_index, entry in enumerate(entries):
        for key in _keys(entry.date, entry.title, entry.speakers):
            found = rows_by_key.setdefault(key, row_index)
            if isinstance(found, list):
                found.append(row_index)
            elif found != row_index:
                rows_by_key[key] = [found, row_index]
    scored = []
    for talk_index, (_, talk) in enumerate(talks):
        keys = _keys(talk.when.date if talk.when else None, talk.title, talk.speakers)
        for row_index in sorted(_rows_of(rows_by_key, keys)):
            score = _score(talk, entries[row_index])
            if score is not None:
                scored.append((-score, talk_index, row_index))
    used_talks: set[int] = set()
    used_rows: set[int] = set()
    pairs: dict[int, Pair] = {}
    for _, talk_index, row_index in sorted(scored):
        if talk_index in used_talks or row_index in used_rows:
            continue
        used_talks.add(talk_index)
        used_rows.add(row_index)
        section, talk = talks[talk_index]
        pairs[talk_index] = Pair(section, talk, entries[row_index])
    return Matching(
        tuple(pairs[index] for index in sorted(pairs)),
        tuple(item for index, item in enumerate(talks) if index not in used_talks),
        tuple(entry for index, entry in enumerate(entries) if index not in used_rows),
    )


def _rows_of(rows_by_key: dict[object, int | list[int]], keys: set[object]) -> set[int]:
    found: set[int] = set()
    for key in keys:
        rows = rows_by_key.get(key)
        if isinstance(rows, list):
            found.update(rows)
        elif rows is not None:
            found.add(rows)
    return found


def _keys(day: date | None, title: str | None, speakers: tuple[Speaker, ...]) -> set[object]:
    """What a block and a row must share to agree on anything: the date, a title key, a last name.

    A title key and a last name that are the same word only make one more row a candidate,
    which its score then judges: no row that agrees with the block is missed.
    """
    keys: set[object] = set()
    if day is not None:
        keys.add(day)
    if is_known(title):
        assert title is not None
        keys.update(title_keys(title))
    keys.update(last_names(known_names(speakers)))
    return keys


def _score(talk: Talk, entry: ScheduleEntry) -> int | None:
    agree = conflict = 0
    for same in (same_date(talk, entry), same_talk_title(talk, entry), same_speakers(talk, entry)):
        if same is True:
            agree += 1
        elif same is False:
            conflict += 1
    if agree >= 2 or (agree == 1 and conflict == 0):
        return agree * 10 - conflict
    return None


def same_date(talk: Talk, entry: ScheduleEntry) -> bool | None:
    """Whether the row and the block give the same date; None when one does not say."""
    day = talk.when.date if talk.when else None
    if day is None or entry.date is None:
        return None
    return day == entry.date


def same_talk_title(talk: Talk, entry: ScheduleEntry) -> bool | None:
    """Whether the row and the block give the same title; None when one does not say."""
    if not is_known(talk.title) or not is_known(entry.title):
        return None
    assert entry.title is not None
    return same_title(talk.title, entry.title)


def same_speakers(talk: Talk, entry: ScheduleEntry) -> bool | None:
    """Whether the row and the block name someone in common; None when one names nobody."""
    block, row = known_names(talk.speakers), known_names(entry.speakers)
    if not block or not row:
        return None
    return share_someone(block, row)


def same_talk(first: Talk, second: Talk) -> bool:
    """True when two talk blocks are the same talk: same date, and same title or speaker."""
    one = first.when.date if first.when else None
    two = second.when.date if second.when else None
    if one is None or one != two:
        return False
    if is_known(first.title) and is_known(second.title) and same_title(first.title, second.title):
        return True
    return share_someone(known_names(first.speakers), known_names(second.speakers))


def same_row(first: ScheduleEntry, second: ScheduleEntry) -> bool:
    """True when two schedule rows are the same talk: same date, and same title or speaker."""
    if first.date is None or first.date != second.date:
        return False
    if is_known(first.title) and is_known(second.title):
        assert first.title is not None and second.title is not None
        if same_title(first.title, second.title):
            return True
    return share_someone(known_names(first.speakers), known_names(second.speakers))


def repeats(talks: list[Talk]) -> dict[int, int]:
    """For each talk that repeats an earlier one (`same_talk`), the index of the earliest that is no repeat itself."""
    said = [(talk.when.date if talk.when else None, talk.title, talk.speakers) for talk in talks]
    return first_twins(said, repeats_count=False)


def repeated_rows(entries: Sequence[ScheduleEntry]) -> dict[int, int]:
    """For each row that repeats an earlier one (`same_row`), the index of the earliest such row."""
    return first_twins([(entry.date, entry.title, entry.speakers) for entry in entries], repeats_count=True)


def first_twins(items: Sequence[Said], *, repeats_count: bool) -> dict[int, int]:
    """For each dated item that is the same talk as an earlier one, the index of the earliest of those.

    Every way two titles or two names agree is a key (`title_agreement`, `person_keys`), so the
    earliest twin is a look-up per key: linear however many talks share a date or a name. With
    `repeats_count` False, an item that repeats another is no twin for the items after it.
    """
    first: dict[tuple[object, ...], int] = {}
    found: dict[int, int] = {}
    for index, (day, title, speakers) in enumerate(items):
        if day is None:
            continue
        offers, wants = _agreement(title, speakers)
        twins = [first[(day, *key)] for key in wants if (day, *key) in first]
        if twins:
            found[index] = min(twins)
            if not repeats_count:
                continue
        for key in offers:
            first.setdefault((day, *key), index)
    return found


def _agreement(title: str | None, speakers: tuple[Speaker, ...]) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The keys a talk offers and looks for: its title's when it is known, and its speakers' names."""
    offers: set[tuple[str, ...]] = set()
    wants: set[tuple[str, ...]] = set()
    agreements = [person_keys(name) for name in known_names(speakers)]
    if is_known(title):
        assert title is not None
        agreements.append(title_agreement(title))
    for offered, wanted in agreements:
        offers |= offered
        wants |= wanted
    return offers, wants

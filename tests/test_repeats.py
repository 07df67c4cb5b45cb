"""Repeated talks are found by look-up, and the look-up finds exactly what comparing every pair finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seminar_cli.api import parse_page
from seminar_cli.model import ScheduleEntry
from seminar_cli.read.matching import first_twins, repeated_rows, same_row

HEAD = "---\ntitle: Test Seminar 2026\n---\n\n# Schedule\n\n| Date | Name | Title |\n| --- | --- | --- |\n"
DATES = ("01/13/2026", "01/15/2026", "TBD")
NAMES = (
    "Ann Lee", "A. Lee", "Lee", "Bob Lee", "Dr. Ann Lee", "Ann Lee and Bo Chen", "Bo Chen (Harbor U)",
    "王晓明 (Xiaoming Wang)", "Wang", "TBD", "",
)  # fmt: skip
TITLES = (
    "Graph Models", "Graph Models: Part Two", "graph models", "Graph Models - Part Two", "Part Two", "TBD", "",
    "Cancelled: Graph Models", "Graph Models (cancelled)", "!!!",
)  # fmt: skip


def rows_page(rows: list[tuple[str, str, str]]) -> list[ScheduleEntry]:
    text = HEAD + "".join(f"| {day} | {name} | {title} |\n" for day, name, title in rows)
    schedule = parse_page(text).schedule
    assert schedule is not None
    return list(schedule.entries)


def compared(entries: list[ScheduleEntry], repeats_count: bool) -> dict[int, int]:
    """The earliest twin of each row, by comparing it with every row before it."""
    found: dict[int, int] = {}
    for index, entry in enumerate(entries):
        if entry.date is None:
            continue
        earlier = (other for other in range(index) if repeats_count or other not in found)
        twin = next((other for other in earlier if same_row(entries[other], entry)), None)
        if twin is not None:
            found[index] = twin
    return found


rows = st.lists(st.tuples(st.sampled_from(DATES), st.sampled_from(NAMES), st.sampled_from(TITLES)), max_size=12)


@given(rows, st.booleans())
def test_the_look_up_finds_the_twins_that_comparing_every_pair_finds(given_rows: list[tuple[str, str, str]],
                                                                     repeats_count: bool) -> None:  # fmt: skip
    entries = rows_page(given_rows)
    said = [(entry.date, entry.title, entry.speakers) for entry in entries]
    assert first_twins(said, repeats_count=repeats_count) == compared(entries, repeats_count)


def test_a_row_repeating_one_of_many_on_its_day_names_the_earliest() -> None:
    entries = rows_page([("01/22/2026", f"Speaker {index}", f"Talk {index}") for index in range(50)]
                        + [("01/22/2026", "Speaker 7", "Another title"), ("01/22/2026", "S. 7", "Talk 7")])  # fmt: skip
    assert repeated_rows(entries) == {50: 7, 51: 7}

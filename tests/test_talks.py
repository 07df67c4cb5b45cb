"""Adding, rescheduling and cancelling talks (`edit/talks.py`), through the checked edit flow."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from lint_pages import PAST, list_page, page_text
from lint_pages import block as block_text

from seminar_cli.api import EditResult, edit_text, parse_page
from seminar_cli.edit import talks
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.edit.talk_block import TalkDetails
from seminar_cli.errors import UsageError
from seminar_cli.model import Page, Speaker
from seminar_cli.read.refs import TalkRef, talk_refs

TODAY = date(2026, 1, 27)
UPCOMING = "# Upcoming Presentations\n\nMore talks soon.\n\n# Schedule"
GIL = TalkDetails(day=date(2026, 2, 12), speakers=(Speaker("Gil Roy"),), title="Tidal Energy", affiliation="Bay Lab")


def with_upcoming(text: str) -> str:
    return text.replace("# Schedule", UPCOMING, 1)


def added(text: str, details: TalkDetails, *, block: bool = True, force_next: bool = False) -> EditResult:
    def operation(page: Page, style: PageStyle) -> Edit:
        return talks.add_talk(page, style, details, today=TODAY, block=block, force_next=force_next)

    return edit_text(text, operation)


def ref_on(page: Page, day: date) -> TalkRef:
    (ref,) = [ref for ref in talk_refs(page) if ref.date == day]
    return ref


def titles(text: str, kind: str) -> list[str]:
    return [talk.title for section in parse_page(text).sections_of(kind) for talk in section.talks]


def row_of(text: str, day: str) -> str:
    (row,) = [line for line in text.splitlines() if line.startswith(f"| {day}")]
    return row


def test_a_talk_after_the_next_one_takes_its_block_to_upcoming() -> None:
    edit = added(with_upcoming(page_text()), GIL)
    assert edit.summary == "added Gil Roy on 02-12-2026 to the schedule and its block to Upcoming"
    assert titles(edit.after, "upcoming") == ["Tidal Energy"]
    assert titles(edit.after, "next") == ["Graph Methods for Tide Prediction"]
    assert row_of(edit.after, "02-12-2026").split("|")[3:6] == [" Gil Roy ", " Bay Lab ", " Tidal Energy "]


def test_a_talk_after_the_next_one_needs_an_upcoming_section_or_next() -> None:
    with pytest.raises(UsageError) as refused:
        added(page_text(), GIL)
    assert refused.value.message == (
        "the talk is not the next one (2026-01-29 comes first) and the page has no Upcoming section for its block"
    )
    assert refused.value.expected and refused.value.expected.startswith("--next to put it under Next")
    edit = added(page_text(), GIL, force_next=True)
    assert edit.summary.endswith("and its block to Next")
    assert titles(edit.after, "next") == ["Graph Methods for Tide Prediction", "Tidal Energy"]


def test_a_talk_before_the_next_one_takes_next() -> None:
    edit = added(with_upcoming(page_text()), TalkDetails(day=date(2026, 1, 28), speakers=(Speaker("Gil Roy"),)))
    assert edit.summary.endswith("and its block to Next")
    assert titles(edit.after, "next")[0] != "Graph Methods for Tide Prediction"
    assert titles(edit.after, "upcoming") == []


def test_a_row_alone_is_added_in_date_order() -> None:
    edit = added(page_text(), GIL, block=False)
    assert edit.summary == "added Gil Roy on 02-12-2026 to the schedule"
    rows = [line[:14] for line in edit.after.splitlines() if line.startswith("| 0")]
    assert rows == sorted(rows) and "| 02-12-2026 |" in rows
    assert titles(edit.after, "next") == ["Graph Methods for Tide Prediction"]


def test_a_talk_needs_a_speaker_and_values_only_a_block_holds_need_one() -> None:
    with pytest.raises(UsageError) as refused:
        added(page_text(), TalkDetails(day=date(2026, 2, 12)))
    assert (refused.value.message, refused.value.expected) == ("a talk needs a speaker", "--speaker NAME")
    for option, details in (("--photo", TalkDetails(photo="a.jpg")), ("--abstract-file", TalkDetails(abstract="A.")),
                            ("--bio-file", TalkDetails(bio="B."))):  # fmt: skip
        with pytest.raises(UsageError) as refused:
            added(page_text(), TalkDetails(day=GIL.day, speakers=GIL.speakers, photo=details.photo,
                                           abstract=details.abstract, bio=details.bio), block=False)  # fmt: skip
        assert refused.value.message == f"{option} has no place: only the talk's schedule row is added"


def rescheduled(text: str, on: date, **move: object) -> EditResult:
    def operation(page: Page, style: PageStyle) -> Edit:
        return talks.reschedule(page, style, ref_on(page, on), **move)  # type: ignore[arg-type]

    return edit_text(text, operation)


def test_reschedule_moves_the_row_and_the_blocks_time_line() -> None:
    edit = rescheduled(page_text(), date(2026, 1, 29), day=date(2026, 2, 19))
    assert edit.summary == "rescheduled 2026-01-29 Ada Park: Graph Methods for Tide Prediction (line 39) to 2026-02-19"
    rows = [line[2:12] for line in edit.after.splitlines() if line.startswith("| 0")]
    assert rows[-1] == "02-19-2026" and "01-29-2026" not in rows
    assert "Time: 10:00 a.m. - 11 a.m. ET, Thursday, 02/19/2026" in edit.after


def test_reschedule_to_tbd_and_a_new_place_alone() -> None:
    edit = rescheduled(page_text(), date(2026, 1, 29), day=None)
    assert edit.summary.endswith("to TBD")
    edit = rescheduled(page_text(), date(2026, 1, 29), location="Room 9")
    assert edit.summary == "rescheduled 2026-01-29 Ada Park: Graph Methods for Tide Prediction (line 39)"
    assert "<br>Location: Room 9\n" in edit.after and "| 01-29-2026 | Room 9 " in edit.after
    assert "Thursday, 01/29/2026" in edit.after


def test_new_hours_go_on_the_blocks_time_line() -> None:
    edit = rescheduled(page_text(), date(2026, 1, 29), start=time(14), end=time(15))
    assert "<br> Time: 2:00 p.m. - 3 p.m. ET, Thursday, 01/29/2026\n" in edit.after
    assert row_of(edit.after, "01-29-2026") == row_of(page_text(), "01-29-2026")


def test_new_hours_for_a_talk_with_a_row_only_need_a_time_column() -> None:
    with pytest.raises(UsageError) as refused:
        rescheduled(page_text(), date(2026, 2, 5), start=time(14), end=time(15))
    assert refused.value.message.startswith(
        "--time has no place: the schedule has no column for a time and the talk has only its schedule row"
    )


def cancelled(text: str, day: date, *, remove: bool = False) -> EditResult:
    return edit_text(text, lambda page, style: talks.cancel(page, style, ref_on(page, day), remove=remove))


def test_cancel_marks_the_row_and_the_block_the_pages_way() -> None:
    edit = cancelled(page_text(), date(2026, 1, 29))
    others = [line for line in page_text().splitlines() if line.startswith("| 0") and "01-29-2026" not in line]
    assert [line for line in edit.after.splitlines() if line.startswith("| 0") and "01-29-2026" not in line] == others
    assert edit.summary == "cancelled 2026-01-29 Ada Park: Graph Methods for Tide Prediction (line 39)"
    title = "Graph Methods for Tide Prediction (Cancelled)"
    assert f"**{title}**\n" in edit.after
    assert row_of(edit.after, "01-29-2026") == f"| 01-29-2026 | On Site | Ada Park | Harbor University | {title} |"
    assert parse_page(edit.after).sections_of("next")[0].talks[0].cancelled
    again = cancelled(edit.after, date(2026, 1, 29))
    assert again.after == edit.after


def test_cancel_with_remove_takes_out_the_row_and_the_block() -> None:
    edit = cancelled(page_text(), date(2026, 1, 22), remove=True)
    assert edit.summary == "removed 2026-01-22 Cy Dunn: Learning Wave Spectra (line 38)"
    assert "01-22-2026" not in edit.after and "Learning Wave Spectra" not in edit.after
    assert titles(edit.after, "past") == [
        title for title in titles(page_text(), "past") if title != "Learning Wave Spectra"
    ]
    assert PAST[1] in edit.after


SESSIONS = [
    "2026-01-08: Tide Tables (Ada Park)",
    "2026-01-15: Kelp Census (Eve Lund)",
    "2026-01-22: Wave Spectra (Cy Dunn)",
]


def sessions(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def test_talks_of_a_listing_are_added_moved_cancelled_and_removed_in_its_own_lines() -> None:
    text = list_page(*SESSIONS)
    new = TalkDetails(day=date(2026, 2, 12), speakers=(Speaker("Gil Roy"),), title="Tidal Energy")
    assert sessions(added(text, new, block=False).after)[-1] == "- 2026-02-12: Tidal Energy (Gil Roy)"
    edit = rescheduled(text, date(2026, 1, 15), day=date(2026, 1, 29))
    assert edit.summary == "rescheduled 2026-01-15 Eve Lund: Kelp Census (line 10) to 2026-01-29"
    assert sessions(edit.after) == ["- " + SESSIONS[0], "- " + SESSIONS[2], "- 2026-01-29: Kelp Census (Eve Lund)"]

    def undated(page: Page, style: PageStyle) -> Edit:
        return talks.reschedule(page, style, ref_on(page, date(2026, 1, 15)), day=None)

    with pytest.raises(UsageError) as refused:
        edit_text(text, undated, "p.md")
    assert str(refused.value) == "p.md: a talk of this listing needs a date: expected --date YYYY-MM-DD"
    edit = cancelled(text, date(2026, 1, 15))
    assert edit.summary == "cancelled 2026-01-15 Eve Lund: Kelp Census (line 10)"
    assert sessions(edit.after)[1] == "- 2026-01-15: Kelp Census (Cancelled) (Eve Lund)"
    again = cancelled(edit.after, date(2026, 1, 15))
    assert (again.summary, again.after) == (
        "2026-01-15 Eve Lund: Kelp Census (Cancelled) (line 10) is already marked cancelled",
        edit.after,
    )
    edit = cancelled(text, date(2026, 1, 15), remove=True)
    assert edit.summary == "removed 2026-01-15 Eve Lund: Kelp Census (line 10)"
    assert sessions(edit.after) == ["- " + SESSIONS[0], "- " + SESSIONS[2]]


SMALL = (
    "# Next Presentation\n\n" + block_text("Wave Spectra", "Thursday, 01/29/2026", "Ada Park")
    + "\n# Schedule\n\n| Date | Name |\n| --- | --- |\n| 01/22/2026 | Bo Li |\n| 01/29/2026 | Ada Park |\n"
)  # fmt: skip
NO_TIME = SMALL.replace("<br> Time: 10:00 a.m. - 11 a.m. ET, Thursday, 01/29/2026\n", "")


def schedule_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and "---" not in line][1:]


def test_a_schedule_without_a_title_column_marks_the_speaker_cancelled() -> None:
    edit = cancelled(SMALL, date(2026, 1, 22))
    assert schedule_rows(edit.after) == ["| 01/22/2026 | Bo Li (Cancelled) |", "| 01/29/2026 | Ada Park |"]


def test_a_schedule_that_strikes_cancelled_rows_strikes_every_filled_cell() -> None:
    text = SMALL.replace("| Date | Name |\n| --- | --- |\n", "| Date | Name | Note |\n| --- | --- | --- |\n")
    text = text.replace("| Bo Li |", "| Bo Li | |").replace("| Ada Park |\n", "| Ada Park | |\n")
    text = text.replace("| 01/22/2026 |", "| ~~01/15/2026~~ | ~~Cy Dunn~~ | |\n| 01/22/2026 |")
    edit = cancelled(text, date(2026, 1, 22))
    assert schedule_rows(edit.after)[1] == "| ~~01/22/2026~~ | ~~Bo Li~~ | |"
    assert schedule_rows(edit.after)[2] == "| 01/29/2026 | Ada Park | |"


def test_a_yearless_schedule_keeps_its_dates_through_a_cancel() -> None:
    text = "---\ntitle: Seminar 2026\n---\n\n" + SMALL.replace("/2026 |", " |")
    assert schedule_rows(cancelled(text, date(2026, 1, 22)).after) == [
        "| 01/22 | Bo Li (Cancelled) |",
        "| 01/29 | Ada Park |",
    ]


def test_a_title_line_with_trailing_spaces_gets_the_mark_inside_its_bold_and_keeps_the_spaces() -> None:
    edit = cancelled(SMALL.replace("**Wave Spectra**", "**Wave Spectra**   "), date(2026, 1, 29))
    assert "\n**Wave Spectra (Cancelled)**   \n" in edit.after


def test_a_moved_row_keeps_the_pages_line_endings() -> None:
    edit = rescheduled(SMALL.replace("\n", "\r\n"), date(2026, 1, 22), day=date(2026, 2, 5))
    assert edit.after.count("\r\n") == edit.after.count("\n")
    assert schedule_rows(edit.after.replace("\r", "")) == ["| 01/29/2026 | Ada Park |", "| 02/05/2026 | Bo Li |"]


def test_a_block_without_a_time_line_moves_with_its_row_alone() -> None:
    edit = rescheduled(NO_TIME, date(2026, 1, 29), day=date(2026, 2, 5))
    assert schedule_rows(edit.after) == ["| 01/22/2026 | Bo Li |", "| 02/05/2026 | Ada Park |"]
    assert edit.after.split("# Schedule")[0] == NO_TIME.split("# Schedule")[0]


def test_new_hours_need_the_blocks_time_line_or_a_time_column() -> None:
    with pytest.raises(UsageError) as refused:
        rescheduled(NO_TIME, date(2026, 1, 29), start=time(14), end=time(15))
    assert refused.value.message == (
        "--time has no place: the schedule has no column for a time and the talk's block has no time line"
    )
    lonely = NO_TIME.replace("| 01/29/2026 | Ada Park |\n", "")  # the block has no row either

    def operation(page: Page, style: PageStyle) -> Edit:
        (ref,) = [ref for ref in talk_refs(page) if ref.title == "Wave Spectra"]
        return talks.reschedule(page, style, ref, start=time(14), end=time(15))

    with pytest.raises(UsageError) as refused:
        edit_text(lonely, operation, path="page.md")
    error = refused.value
    assert (error.message, error.expected, error.path) == ("--time has no place: the talk's block has no time line",
                                                           "no --time", "page.md")  # fmt: skip


def test_a_new_place_for_a_block_without_a_place_line_is_noted() -> None:
    text = SMALL.replace("<br>Location: Building 5, Room 12\n", "")
    text = text.replace("| Date | Name |\n| --- | --- |", "| Date | Name | Room |\n| --- | --- | --- |")
    text = text.replace("| Bo Li |", "| Bo Li | A |").replace("| Ada Park |\n", "| Ada Park | A |\n")
    edit = rescheduled(text, date(2026, 1, 29), location="Room 9")
    assert edit.notes == ("the talk block has no place line; only its schedule row names the new place",)
    assert schedule_rows(edit.after)[-1] == "| 01/29/2026 | Ada Park | Room 9 |"
    assert "Location:" not in edit.after


def test_a_schedule_without_a_name_column_names_the_speaker_in_the_summary() -> None:
    text = SMALL.replace("| Date | Name |", "| Date | Title |").replace("| Bo Li |", "| Tides |")
    text = text.replace("| Ada Park |", "| Wave Spectra |").replace(
        "# Schedule", "# Upcoming Presentations\n\n# Schedule"
    )
    assert added(text, GIL).summary == "added Gil Roy on 02/12/2026 to the schedule and its block to Upcoming"


def test_the_hours_given_for_the_series_go_on_the_new_block() -> None:
    def operation(page: Page, style: PageStyle) -> Edit:
        details = TalkDetails(day=date(2026, 2, 12), speakers=(Speaker("Gil Roy"),), title="Tidal")
        return talks.add_talk(
            page, style, details, today=TODAY, block=True, force_next=True, hours=(time(14), time(15))
        )

    edit = edit_text(SMALL, operation)
    assert "<br> Time: 2:00 p.m. - 3 p.m. ET, Thursday, 02/12/2026\n" in edit.after


@pytest.mark.parametrize(
    ("given", "option", "what"),
    [
        (TalkDetails(title="Tides"), "--title", "a title"),
        (TalkDetails(location="Room 9"), "--location", "a place"),
        (TalkDetails(start=time(14), end=time(15)), "--time", "a time"),
    ],
)
def test_a_row_alone_refuses_a_value_its_schedule_has_no_column_for(given: TalkDetails, option: str, what: str) -> None:
    details = TalkDetails(day=date(2026, 2, 12), speakers=(Speaker("Gil Roy"),), title=given.title,
                          location=given.location, start=given.start, end=given.end)  # fmt: skip
    with pytest.raises(UsageError) as refused:
        added(SMALL, details, block=False)
    assert refused.value.message == (
        f"{option} has no place: the schedule has no column for {what} and only the talk's row is added (no block)"
    )
    assert refused.value.expected == f"a column for {what} in the schedule, a talk block to hold it, or no {option}"


def test_a_value_only_a_block_holds_says_how_to_write_the_block() -> None:
    with pytest.raises(UsageError) as refused:
        added(SMALL, TalkDetails(day=date(2026, 2, 12), speakers=(Speaker("Gil Roy"),), photo="a.jpg"), block=False)
    assert refused.value.expected == "--title with --abstract-file or --bio-file (or --next) to write the talk's block"


LECTURES = Path(__file__).parent / "golden" / "add-row-date-time-topic-lecturers" / "before.md"  # Date | Time | …


def test_new_hours_go_into_the_schedules_time_column() -> None:
    edit = rescheduled(LECTURES.read_text(), date(2026, 6, 5), start=time(10), end=time(11, 30))
    assert row_of(edit.after, "06/05") == "| 06/05/2026 | 10:00-11:30 | Krylov Methods in Practice | Ada Park |"


def test_a_row_moved_or_added_at_the_end_of_a_page_without_a_final_newline_takes_its_line_ending() -> None:
    text = SMALL.rstrip("\n").replace("\n", "\r\n")
    moved = rescheduled(text, date(2026, 1, 22), day=date(2026, 2, 5)).after
    assert moved.endswith("| 01/29/2026 | Ada Park |\r\n| 02/05/2026 | Bo Li |")
    new = TalkDetails(day=date(2026, 2, 12), speakers=(Speaker("Gil Roy"),))
    assert added(text, new, block=False).after.endswith("| 01/29/2026 | Ada Park |\r\n| 02/12/2026 | Gil Roy |")


def test_a_row_alone_on_a_page_without_hours_gets_none() -> None:
    edit = added(NO_TIME, TalkDetails(day=date(2026, 2, 12), speakers=(Speaker("Gil Roy"),)), block=False)
    assert schedule_rows(edit.after)[-1] == "| 02/12/2026 | Gil Roy |"


def test_a_new_place_for_a_block_with_a_place_line_needs_no_note() -> None:
    edit = rescheduled(page_text(), date(2026, 1, 29), location="Room 9")
    assert edit.notes == ()


def test_a_block_whose_row_names_neither_title_nor_speaker_is_cancelled_alone() -> None:
    text = (
        SMALL.replace("| Date | Name |", "| Date | Room |")
        .replace("| Bo Li |", "| A1 |")
        .replace("| Ada Park |", "| B2 |")
    )
    edit = cancelled(text, date(2026, 1, 29))
    assert schedule_rows(edit.after) == ["| 01/22/2026 | A1 |", "| 01/29/2026 | B2 |"]
    assert "**Wave Spectra (Cancelled)**" in edit.after


def test_a_talk_moved_to_its_own_day_keeps_its_row_where_it_is() -> None:
    rows = "| 01/29/2026 | Ada Park |\n| 01/15/2026 | Cy Dunn |\n| 01/22/2026 | Bo Li |\n"  # not in date order
    text = SMALL.replace("| 01/22/2026 | Bo Li |\n| 01/29/2026 | Ada Park |\n", rows)
    edit = rescheduled(text, date(2026, 1, 29), day=date(2026, 1, 29))
    assert schedule_rows(edit.after) == rows.splitlines()


YEARLESS = "---\ntitle: Seminar 2026\n---\n\n" + SMALL.replace("/2026 |", " |").replace(
    "Thursday, 01/29/2026", "Thursday, 01/29"
)


def test_a_yearless_page_keeps_writing_its_dates_without_the_year() -> None:
    edit = rescheduled(YEARLESS, date(2026, 1, 29), day=date(2026, 2, 5))
    assert schedule_rows(edit.after) == ["| 01/22 | Bo Li |", "| 02/05 | Ada Park |"]
    assert "<br> Time: 10:00 a.m. - 11 a.m. ET, Thursday, 02/05\n" in edit.after
    edit = rescheduled(YEARLESS, date(2026, 1, 29), location="Room 9")
    assert "<br>Location: Room 9\n" in edit.after and "Thursday, 01/29\n" in edit.after

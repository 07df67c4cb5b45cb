"""Rotate's promotion: when Next empties, the earliest talk under Upcoming that will be held takes it."""

from __future__ import annotations

from datetime import datetime

import pytest

from seminar_cli import api
from seminar_cli.edit import rotate as rotation
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.errors import UsageError
from seminar_cli.model import Page, RawBlock
from seminar_cli.read.zones import series_zone


def block(title: str, day: str, speaker: str) -> str:
    return f"**{title}**\n\n<br>Location: Room 1\n<br> Time: 10-11 a.m. ET, Thursday, {day}\n<br>Speaker: {speaker}\n\n"


PAGE = (
    "# Next Presentation\n\n" + block("Wave Spectra", "01/08/2026", "Ada Park")
    + "# Upcoming\n\n" + block("Later Talk", "01/29/2026", "Cy Dunn")
    + block("Dropped Talk (Cancelled)", "01/15/2026", "Bo Li") + block("Sooner Talk", "01/22/2026", "Di Wu")
    + "# Past Presentations\n\n" + block("Old Talk", "01/01/2026", "Ed Fox")
)  # fmt: skip


def rotated(text: str, moment: str) -> api.EditResult:
    def operation(page: Page, style: PageStyle) -> Edit:
        tz = series_zone(page)
        return rotation.rotate(page, style, now=datetime.fromisoformat(moment).replace(tzinfo=tz), tz=tz)

    return api.edit_text(text, operation)


def titles(text: str, kind: str) -> list[str]:
    page = api.parse_page(text)
    return [talk.title for section in page.sections_of(kind) for talk in section.talks]


def test_the_earliest_held_upcoming_talk_takes_next_and_a_cancelled_one_never_does() -> None:
    result = rotated(PAGE, "2026-01-09T09:00")
    assert titles(result.after, "next") == ["Sooner Talk"]
    assert titles(result.after, "upcoming") == ["Later Talk", "Dropped Talk"]
    assert titles(result.after, "past") == ["Wave Spectra", "Old Talk"]


def test_nothing_moves_up_while_next_still_holds_a_talk() -> None:
    result = rotated(PAGE, "2026-01-08T10:30")
    assert not result.changed
    assert titles(result.after, "next") == ["Wave Spectra"]


def test_next_left_without_a_talk_gets_the_page_s_own_placeholder() -> None:
    page = (
        "# Next Presentation\n\n"
        + block("Wave Spectra", "01/08/2026", "Ada Park")
        + ("# Upcoming\n\nTo be announced.\n\n# Past Presentations\n\n" + block("Old Talk", "01/01/2026", "Ed Fox"))
    )
    result = rotated(page, "2026-01-09T09:00")
    (next_section,) = api.parse_page(result.after).sections_of("next")
    paragraphs = [item.text for item in next_section.items if isinstance(item, RawBlock) and item.kind == "paragraph"]
    assert paragraphs == ["To be announced.\n"]
    assert "Next now says 'To be announced.'" in result.summary
    again = rotated(result.after, "2026-01-10T09:00")
    assert not again.changed


def test_next_gets_the_placeholder_word_of_the_page_when_it_has_no_placeholder() -> None:
    page = "# Next Presentation\n\n" + block("Wave Spectra", "01/08/2026", "Ada Park") + "# Past\n\n"
    result = rotated(page, "2026-01-09T09:00")
    assert "# Next Presentation\n\nTBD\n\n# Past" in result.after
    assert titles(result.after, "past") == ["Wave Spectra"]


def test_keeping_past_talks_as_rows_only_never_loses_a_talk_without_a_row() -> None:
    page = (
        "# Next Presentation\n\n" + block("Wave Spectra", "01/08/2026", "Ada Park") + "# Schedule\n\n| Date | Name |\n"
    )
    page += "| --- | --- |\n| 01/22/2026 | Bo Li |\n"

    def operation(parsed: Page, style: PageStyle) -> Edit:
        tz = series_zone(parsed)
        moment = datetime.fromisoformat("2026-01-09T09:00").replace(tzinfo=tz)
        return rotation.rotate(parsed, style, now=moment, tz=tz, keep_blocks=False)

    with pytest.raises(UsageError, match="has no schedule row, so keeping past talks as rows only would lose it"):
        api.edit_text(page, operation)

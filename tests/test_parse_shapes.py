"""The parser reads the shapes of the markup family by what lines mean, not by position."""

from __future__ import annotations

from datetime import date, time

import pytest
from conftest import DATA, read

from seminar_cli.api import parse_page, render_page
from seminar_cli.edit import targets
from seminar_cli.errors import PageSyntaxError
from seminar_cli.model import PhotoTable, RawBlock, Schedule, TextPart, replace
from seminar_cli.read.listings import listings
from seminar_cli.read.talks import moved


def one_talk(markup: str, heading: str = "# Next Presentation"):  # type: ignore[no-untyped-def]
    text = f"---\ntitle: Test Series\npermalink: /events/test-2026/\n---\n\n{heading}\n\n{markup}\n"
    page = parse_page(text)
    assert render_page(page) == text
    (talk,) = [talk for _, talk in page.talks()]
    return talk


def test_one_line_block_with_html_speakers() -> None:
    talk = one_talk(
        "**A Title**\n<br>Room: Hall A (1/22)<br> Time: 10-11 am ET, Thursday, 10/19/2023 <br>Zoom link: TBA<br>\n"
        ' <a href="https://a.example">Ann Lee</a> and <a href="https://b.example"> Bo Park </a><br>\nState University'
    )
    assert talk.title == "A Title"
    assert talk.location == "Hall A (1/22)"
    assert talk.when and (talk.when.date, talk.when.start, talk.when.end) == (date(2023, 10, 19), time(10), time(11))
    assert [(s.name, s.url) for s in talk.speakers] == [
        ("Ann Lee", "https://a.example"),
        ("Bo Park", "https://b.example"),
    ]
    assert talk.affiliation == "State University"


def test_title_and_details_on_the_same_line() -> None:
    talk = one_talk(
        "**Same Line**<br>Room: B 12<br>Time: 2-3 pm ET, Monday, 01/05/2026\n<br>[Kim Ro](https://k.example)"
    )
    assert (talk.title, talk.location, talk.speakers[0].name) == ("Same Line", "B 12", "Kim Ro")


def test_unlabelled_location_and_speaker_and_the_tutorial_time() -> None:
    talk = one_talk(
        "**Tutorial**\n<br>Time: 03/28/2024, 2:00 PM - 4:00 PM (ET)\n<br> Virtual (Zoom)\n"
        "<br>[Max Roe](https://m.example)\n<br>National Lab"
    )
    assert talk.when and (talk.when.start, talk.when.end, talk.when.tz, talk.when.weekday) == (
        time(14), time(16), "ET", None,
    )  # fmt: skip
    assert (talk.location, talk.speakers[0].name, talk.affiliation) == ("Virtual (Zoom)", "Max Roe", "National Lab")


def test_several_speakers_and_an_affiliation_after_the_link() -> None:
    talk = one_talk(
        "**T**\n\n<br>Location: Online\n<br>Speaker: [Ann](https://a), [Bo](https://b), and [Cy](https://c)"
    )
    assert [s.name for s in talk.speakers] == ["Ann", "Bo", "Cy"]
    talk = one_talk("**T**\n\n<br>Location: Online\n<br>Speaker: [Ann Lee](https://a), Physics, State University")
    assert talk.affiliation == "Physics, State University"


@pytest.mark.parametrize("label", ["**Bio**", "**Speaker Bio**", "**Speaker's Bio**", "**Bio:** ", "**Biography**"])
def test_bio_label_variants(label: str) -> None:
    talk = one_talk(
        f"**T**\n<br>Time: 10-11 am ET, Thursday, 10/19/2023\n\n**Abstract**\nWords.\n\n{label}\nShe works."
    )
    assert talk.bio == "She works."
    assert talk.abstract == "Words."
    assert talk.bio_label == label.strip().strip("*").rstrip(":")


def test_abstract_and_bio_are_the_stripped_texts_of_their_parts_and_follow_them() -> None:
    talk = one_talk(
        "**T**\n<br>Location: X\n\n**Abstract**\n\n  Words here.  \n\n**Bio:** She works.\n\n**Bio**\nAgain."
    )
    texts = {part.kind: part for part in reversed(talk.parts) if isinstance(part, TextPart)}  # the first of each
    assert texts["abstract"].body is not None and texts["bio"].body is not None
    assert (talk.abstract, talk.bio) == (texts["abstract"].body.strip(), texts["bio"].body.strip())
    assert (talk.abstract, talk.bio) == ("Words here.", "She works.")  # the first part of each kind
    assert "abstract" not in talk.__fields__ and "bio" not in talk.__fields__  # read off the parts, not kept twice
    parts = tuple(replace(part, body="\nOther words.\n") if part is texts["abstract"] else part for part in talk.parts)
    changed = replace(talk, parts=parts)
    assert (changed.abstract, changed.bio) == ("Other words.", "She works.")
    assert changed != talk and replace(changed, parts=talk.parts) == talk
    shifted = moved(talk, 3)
    assert (shifted.line, shifted.abstract, shifted.bio) == (talk.line + 3, talk.abstract, talk.bio)


def test_an_empty_or_missing_abstract_is_none() -> None:
    empty = one_talk("**T**\n<br>Location: X\n\n**Abstract**\n\n**Bio**\nShe works.")
    assert (empty.abstract, empty.bio) == (None, "She works.")
    assert (one_talk("**T**\n<br>Location: X").abstract, one_talk("**T**\n<br>Location: X").bio) == (None, None)


def test_photo_table_one_row_and_two_rows() -> None:
    two_rows = one_talk(
        "**T**\n<br>Speaker: [Ann](https://a)\n\n|   |\n| - |\n"
        '| <img src="https://img/a.jpg" width="200" /> |\n| Ann <br> Professor <br>State U |\n\n**Abstract**\nX.'
    )
    assert [(c.image, c.caption, c.size) for c in two_rows.photo] == [
        ("https://img/a.jpg", ("Ann", "Professor", "State U"), "width=200")
    ]
    one_row = one_talk(
        "**T**\n<br>Speaker: [Ann](https://a)\n\n| | |\n| -- | -- |\n"
        '|<a href="https://a"><img src="a.gif" height="250"/></a>'
        '<br><br><a href="https://a">Ann</a> <br> Professor |<a href="https://b"><img src="b.jpg"/></a><br>Bo<br> Dean|'
    )
    assert [c.caption for c in one_row.photo] == [("Ann", "Professor"), ("Bo", "Dean")]
    assert [c.link for c in one_row.photo] == ["https://a", "https://b"]


def test_parts_keep_labels_and_trivia() -> None:
    talk = one_talk(
        "**T**\n\n<br>Location: X\n<br> Time: 10-11 a.m. ET, Thursday, 01/22/2026\n\n**Abstract**\n\nA.\n\n> [slides](https://s)"
    )
    fields = [part for part in talk.parts if not isinstance(part, (RawBlock, TextPart, PhotoTable))]
    assert [(f.kind, f.prefix, f.label, f.text) for f in fields] == [
        ("title", "**", "", "T"),
        ("location", "<br>", "Location: ", "X"),
        ("time", "<br> ", "Time: ", "10-11 a.m. ET, Thursday, 01/22/2026"),
        ("link", "> ", "", "[slides](https://s)"),
    ]
    abstract = next(part for part in talk.parts if isinstance(part, TextPart))
    assert (abstract.label, abstract.gap, abstract.body) == ("**Abstract**", "\n\n", "A.\n")
    assert [(link.label, link.url) for link in talk.links] == [("slides", "https://s")]


def test_cancelled_title() -> None:
    talk = one_talk("**Big Ideas (canceled)**\n<br>Time: 10-11 am ET, Thursday, 06/20/2024")
    assert (talk.title, talk.cancelled) == ("Big Ideas", True)


def test_bold_paragraph_without_details_is_not_a_talk() -> None:
    text = "# Next Presentation\n\n**To be announced**\n\nStay tuned.\n"
    page = parse_page(text)
    assert page.talks() == [] and render_page(page) == text


def test_malformed_schedule_rows_are_all_read() -> None:
    page = parse_page(read(DATA / "malformed-table.md"))
    schedule = page.schedule
    assert schedule is not None
    entries = schedule.entries
    assert [entry.date for entry in entries] == [
        date(2025, 9, 18),
        date(2025, 10, 2),
        date(2025, 10, 16),
        date(2025, 10, 30),
    ]
    open_row, struck, wide, short = entries
    assert open_row.row and not open_row.row.closed and open_row.title == "Anomaly Detection in Wind Turbine Telemetry"
    assert struck.struck and struck.name == "Sofia Marangoni"
    assert wide.row and len(wide.row.cells) == 6
    assert short.title == ""
    assert any(isinstance(item, RawBlock) and "moved" in item.text for item in schedule.items)


def test_unknown_sections_code_fences_and_comments_stay_raw() -> None:
    page = parse_page(read(DATA / "unknown-sections.md"))
    kinds = [section.kind for section in page.sections if section.heading]
    assert kinds.count("schedule") == 1  # '# Schedule' inside a comment is not a section
    titles = [section.heading.title for section in page.sections if section.heading]
    assert "not a heading" not in titles
    talk = page.sections_of("next")[0].talks[0]
    assert talk.location and talk.speakers


def test_year_less_dates_take_the_season_year() -> None:
    text = (
        "---\npermalink: /events/x-2023/\n---\n"
        "# Schedule\n\n| Date | Name | Talk |\n| --- | --- | --- |\n| 08/13| A | B |\n"
    )
    entry = parse_page(text).schedule.entries[0]  # type: ignore[union-attr]
    assert (entry.date_text, entry.date) == ("08/13", date(2023, 8, 13))


def test_a_date_the_page_never_settles_is_reported_with_both_readings() -> None:
    text = "---\npermalink: /events/x-2023/\n---\n# Schedule\n\n| Date | Name | Talk |\n| --- | --- | --- |\n"
    page = parse_page(text + "| 08/03| A | B |\n")
    entry = page.schedule.entries[0]  # type: ignore[union-attr]
    assert entry.date is None and entry.date_error is not None and "day first or month first" in entry.date_error
    (listed,) = listings(page)[0].entries
    assert listed.readings == (date(2023, 8, 3), date(2023, 3, 8))
    assert listings(page)[0].dates.unsettled == (8,)


def test_a_needed_section_that_cannot_be_read_names_its_line() -> None:
    text = "# Next Presentation\n\n# Schedule\n\n| Date | Name |\n| Jan | Ann |\n"
    page = parse_page(text, "page.md")
    with pytest.raises(PageSyntaxError) as caught:
        targets.schedule(page)
    assert str(caught.value) == (
        "page.md:6:1: the schedule table cannot be read: found '| Jan | Ann |'; expected a header row with a "
        "Date column followed by an alignment row like '| --- | --- |'"
    )
    with pytest.raises(PageSyntaxError, match=r"page\.md: the page has no Past section"):
        targets.section(page, "past", heading="Past")
    twice = parse_page("# Schedule\n\n# Past\n\n# Past Talks\n", "p.md")
    with pytest.raises(PageSyntaxError, match=r"p.md:5:1: the page has 2 Past sections"):
        targets.section(twice, "past", heading="Past")


def test_schedule_is_found_in_any_section_by_its_header() -> None:
    page = parse_page(
        "# Next Talk\n\n# Talks\n\n| Date | Speaker | Title |\n| --- | --- | --- |\n| 01/02/2026 | A | B |\n"
    )
    assert isinstance(page.schedule, Schedule)
    assert page.sections[-1].kind == "schedule"


@pytest.mark.parametrize(
    ("line", "starts_a_block"),
    [("---", True), ("* * *", True), ("___", True), ("## Heading", True), ("| a | b |", True), ("> quote", True),
     ("<!-- note -->", True), ("```", True), ("<div>", True), ("<style>", True), ("- item", False),
     ("-- -", True), ("text", False), ("**bold**", False), ("<br>Time: 10-11 am", False)],
)  # fmt: skip
def test_what_ends_a_paragraph(line: str, starts_a_block: bool) -> None:
    from seminar_cli.text.blocks import segment

    kinds = [block.kind for block in segment(f"# Next Talk\n\nSome words.\n{line}\n").blocks]
    assert (kinds[2:] != ["paragraph"]) == starts_a_block

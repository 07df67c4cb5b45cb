"""One page that triggers each lint rule and one near miss that must not, through the library API.

Every case starts from a small fictional page that lints clean (tests/lint_pages.py) and
breaks it one way; the findings must be exactly the expected rule at the expected line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time

import pytest
from lint_pages import (
    FRONT_JAN_FEB,
    MARCH_ROW,
    NEXT,
    NEXT_WITHOUT_ABSTRACT,
    ORGANIZATION,
    PAST,
    PAST_WITH_ABSTRACTS,
    ROWS,
    TODAY,
    block,
    line_of,
    lint,
    list_page,
    page_text,
)

from seminar_cli.lint import all_rules
from seminar_cli.model import Config


@dataclass(frozen=True)
class Case:
    """A page, the date to lint it on, and where the finding must be (None: nowhere)."""

    text: str
    line: int | None = None
    today: date = TODAY
    config: Config | None = None
    also: frozenset[str] = field(default_factory=frozenset)


def with_next(old: str, new: str, **kwargs: object) -> str:
    return page_text(next_talks=[NEXT.replace(old, new)], **kwargs)  # type: ignore[arg-type]


def with_row(index: int, old: str, new: str) -> list[str]:
    rows = list(ROWS)
    rows[index] = rows[index].replace(old, new)
    return rows


def at(text: str, needle: str, occurrence: int = 1, **kwargs: object) -> Case:
    return Case(text, line_of(text, needle, occurrence), **kwargs)  # type: ignore[arg-type]


OLD_TALK = block("Ice Cover Forecasts", "Thursday, 11/20/2025", "[Ivo Kest](https://i.example)")
EXTRA_TALK = block("Reef Acoustics", "Thursday, 01/01/2026", "[Jo Marr](https://j.example)")
EXTRA_ROW = "| 01-01-2026 | On Site | Jo Marr | Bay Lab | Reef Acoustics |"

SESSIONS = [
    "2026-01-08: Tide Tables (Ada Park)",
    "2026-01-15: Kelp Census (Eve Lund)",
    "2026-01-22: Wave Spectra (Cy Dunn)",
    "2026-01-29: Estuaries (Ben Ode)",
    "2026-02-05: Salinity (Gus Hale)",
]
NO_HOURS: str = page_text().split("\n# About")[0].replace("             10am - 11am ET <br/>\n", "") + "\n"

BAD: dict[str, Callable[[], Case]] = {
    "SEM001": lambda: at(with_next("Thursday, 01/29", "Friday, 01/29"), "Friday, 01/29"),
    "SEM002": lambda: at(with_next("Thursday, 01/29/2026", "Thursday, 02/30/2026"), "02/30/2026"),
    "SEM003": lambda: at(with_next("10:00 a.m. - 11 a.m.", "10:00 a.m. - 11 p.m."), "11 p.m."),
    "SEM004": lambda: at(with_next("10:00 a.m. - 11 a.m.", "10:00 p.m. - 11 p.m."), "10:00 p.m."),
    "SEM005": lambda: at(with_next("ET, Thursday", "EDT, Thursday"), "EDT"),
    "SEM006": lambda: at(list_page("03/04/2026: Tide Tables (Ada Park)", "05/06/2026: Kelp (Eve Lund)"), "03/04"),
    "SEM007": lambda: at(with_next("10:00 a.m. - 11 a.m.", "10:30 a.m. - 11:30 a.m."), "10:30 a.m."),
    "SEM010": lambda: at(page_text(rows=with_row(4, "01-29-2026", "01-28-2026")), "01-28-2026"),
    "SEM011": lambda: at(page_text(rows=with_row(4, "Graph Methods for Tide Prediction", "TBD")), "01-29-2026"),
    "SEM012": lambda: at(page_text(past=[*PAST, EXTRA_TALK]), "**Reef Acoustics**"),
    "SEM013": lambda: at(page_text(past=[PAST[0], *PAST[2:]]), "| 01-15-2026"),
    "SEM014": lambda: at(page_text(past=[PAST[0].replace("Spectra**", "Spectra (canceled)**"), *PAST[1:]]), "| 01-22"),
    "SEM020": lambda: Case(page_text(), line_of(page_text(), "01/29/2026"), today=date(2026, 1, 30)),
    "SEM021": lambda: Case(page_text(), line_of(page_text(), "01/22/2026"), today=date(2026, 1, 20)),
    "SEM022": lambda: at(page_text(past=[PAST[0].replace("Building 5, Room 12", "TBA"), *PAST[1:]]), "Location: TBA"),
    "SEM023": lambda: at(page_text(next_talks=[]), "# Next Presentation"),
    "SEM024": lambda: at(
        page_text(next_talks=[NEXT_WITHOUT_ABSTRACT], past=PAST_WITH_ABSTRACTS), "**Graph Methods for Tide Prediction**"
    ),
    "SEM025": lambda: at(page_text(past=[PAST[0].replace("Room 12", "room TBD and Zoom"), *PAST[1:]]), "room TBD"),
    "SEM030": lambda: at(page_text(rows=[ROWS[3], *ROWS[:3], *ROWS[4:]]), "| 01-22-2026"),
    "SEM031": lambda: at(page_text(past=[PAST[3], *PAST[:3]]), "01/01/2026"),
    "SEM032": lambda: at(page_text(past=[PAST[0], *PAST]), "**Learning Wave Spectra**", 2),
    "SEM033": lambda: at(list_page(*SESSIONS[:2], "2026-03-26: Ice (Ivo Kest)", *SESSIONS[2:]), "2026-03-26"),
    "SEM040": lambda: at(page_text(past=[*PAST, OLD_TALK]), "11/20/2025"),
    "SEM041": lambda: at(page_text(front=FRONT_2025), "2025"),
    "SEM042": lambda: at(page_text(front=FRONT_JAN_FEB, rows=[*ROWS, MARCH_ROW]), "January-February"),
    "SEM050": lambda: at(page_text(rows=with_row(2, "Estuaries |", "Estuaries | recording |")), "| 01-15-2026"),
    "SEM051": lambda: at(with_next("| Ada Park <br>", "| Cy Dunn <br>"), "| Cy Dunn <br>"),
    "SEM052": lambda: at(with_next("Prediction**", "Prediction **"), "Prediction **"),
    "SEM053": lambda: at(with_next("mostly.\n", "mostly.\n\n> [slides]()\n"), "[slides]()"),
    "SEM054": lambda: at(with_next("<br> Harbor University |", "<br> Coast College |"), "Coast College |"),
    "SEM055": lambda: at(page_text() + ORGANIZATION.replace("![Ada Park]", "![Cy Dunn]", 1), "![Cy Dunn]"),
    "SEM056": lambda: at(page_text(rows=[*ROWS[:3], "<!-- checked -->", *ROWS[3:]]), "<!-- checked -->"),
}

STRUCK = [
    *ROWS[:3],
    "| ~~01-22-2026~~ | ~~On Site~~ | ~~Cy Dunn~~ | ~~Harbor U~~ | ~~Learning Wave Spectra~~ |",
    *ROWS[4:],
]
STRUCK = [
    *ROWS[:3],
    "| ~~01-22-2026~~ | ~~On Site~~ | ~~Cy Dunn~~ | ~~Harbor U~~ | ~~Learning Wave Spectra~~ |",
    *ROWS[4:],
]
FRONT_2025: str = page_text().split("\n# About")[0].replace("January-December, 2026", "January-December, 2025") + "\n"

GOOD: dict[str, Callable[[], Case]] = {
    "SEM001": lambda: Case(with_next("Thursday, 01/29", "Thu., 01/29")),
    "SEM002": lambda: Case(page_text(rows=with_row(5, "02-05-2026", "02-28-2026"))),
    "SEM003": lambda: Case(with_next("10:00 a.m. - 11 a.m.", "10 - 11:30 a.m.")),
    "SEM004": lambda: Case(
        with_next("10:00 a.m. - 11 a.m.", "11:00 a.m. - 12 p.m.", front=NO_HOURS),
        config=Config(hours=(time(10), time(11))),
    ),
    "SEM005": lambda: Case(with_next("ET, Thursday", "EST, Thursday")),
    "SEM006": lambda: Case(
        list_page("03/04/2026: Tide (Ada Park)", "05/06/2026: Kelp (Eve Lund)", "25/06/2026: Ice (Ivo Kest)")
    ),
    "SEM007": lambda: Case(with_next("10:00 a.m. - 11 a.m.", "10:00 a.m. - 11:30 a.m.")),
    "SEM010": lambda: Case(page_text(rows=with_row(4, "| Ada Park", "| Dr. Ada Park"))),
    "SEM011": lambda: Case(page_text()),  # the 02-05 row is TBD, but has no block yet
    "SEM012": lambda: Case(page_text(past=[*PAST, EXTRA_TALK], rows=[EXTRA_ROW, *ROWS])),
    "SEM013": lambda: Case(page_text(past=[], past_heading="")),  # a page that keeps past talks as rows only
    "SEM014": lambda: Case(
        page_text(past=[PAST[0].replace("Spectra**", "Spectra (canceled)**"), *PAST[1:]], rows=STRUCK)
    ),
    "SEM020": lambda: Case(page_text(), today=date(2026, 1, 29)),
    "SEM021": lambda: Case(page_text(), today=date(2026, 1, 22)),
    "SEM022": lambda: Case(with_next("Building 5, Room 12 and Zoom", "TBA")),
    "SEM023": lambda: Case(
        page_text(
            next_talks=["TBD\n"],
            rows=with_row(4, "Ada Park | Harbor University | Graph Methods for Tide Prediction", "TBD | TBD | TBD"),
        )
    ),
    "SEM024": lambda: Case(page_text(past=PAST_WITH_ABSTRACTS)),
    "SEM025": lambda: Case(with_next("Building 5, Room 12 and Zoom", "room TBD and Zoom")),
    "SEM030": lambda: Case(page_text(rows=ROWS[::-1])),
    "SEM031": lambda: Case(page_text(past=PAST[::-1])),
    "SEM033": lambda: Case(list_page(*SESSIONS[3:], *SESSIONS[2::-1])),  # coming talks up, then past ones down
    "SEM032": lambda: Case(
        page_text(rows=[*ROWS[:5], "| 01-29-2026 | On Site | Hal Ng | Bay Lab | Ripple Tanks |", ROWS[5]])
    ),
    "SEM040": lambda: Case(
        page_text(
            front=page_text().split("\n# About")[0].replace("January-December, 2026", "2025-2026") + "\n",
            past=[*PAST, OLD_TALK],
            rows=["| 11-20-2025 | On Site | Ivo Kest | Bay Lab | Ice Cover Forecasts |", *ROWS],
        )
    ),
    "SEM041": lambda: Case(
        page_text(front=page_text().split("\n# About")[0].replace("Organized", "Since 2019, organized") + "\n")
    ),
    "SEM042": lambda: Case(page_text(front=FRONT_JAN_FEB)),
    "SEM050": lambda: Case(page_text(rows=with_row(2, "Estuaries |", "Estuaries"))),
    "SEM051": lambda: Case(with_next("| Ada Park <br>", "| Dr. Ada Park <br>")),
    "SEM052": lambda: Case(with_next("**Abstract**", "**Abstract:** ")),
    "SEM053": lambda: Case(with_next("mostly.\n", "mostly.\n\n> [slides](https://a.example/slides.pdf)\n")),
    "SEM054": lambda: Case(with_next("<br> Harbor University |", "<br> Ocean Science, Harbor U |")),
    "SEM055": lambda: Case(page_text() + ORGANIZATION.replace("![Ada Park]", "![AP]").replace("![Cy Dunn]", "![CD]")),
    "SEM056": lambda: Case(page_text(rows=[*ROWS, "", "<!-- checked -->"])),
}


def test_every_rule_has_a_case() -> None:
    codes = [rule.code for rule in all_rules()]
    assert sorted(BAD) == codes
    assert sorted(GOOD) == codes


def test_the_base_page_lints_clean() -> None:
    assert lint(page_text()) == []


@pytest.mark.parametrize("code", sorted(BAD))
def test_rule_finds_its_mistake(code: str) -> None:
    case = BAD[code]()
    findings = lint(case.text, case.today, case.config)
    assert (code, case.line) in [(finding.code, finding.line) for finding in findings], findings
    assert {finding.code for finding in findings} <= {code} | case.also, findings


@pytest.mark.parametrize("code", sorted(GOOD))
def test_rule_stays_quiet_on_a_near_miss(code: str) -> None:
    case = GOOD[code]()
    assert lint(case.text, case.today, case.config) == []


def test_weekday_fix_writes_the_weekday_of_the_date() -> None:
    (finding,) = lint(with_next("Thursday, 01/29", "FRI, 01/29"))
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    assert (edit.old, edit.new) == ("FRI", "THU")
    assert "expected 'THU'" in finding.message


def test_weekday_on_the_meeting_day_asks_to_check_the_date_instead_of_fixing() -> None:
    text = page_text(
        rows=with_row(4, "01-29-2026", "01-30-2026"), next_talks=[NEXT.replace("01/29/2026", "01/30/2026")]
    )
    (finding,) = [item for item in lint(text) if item.code == "SEM001"]
    assert finding.fix is None
    assert "meets on Thursdays" in finding.message and "2026-01-29" in finding.message


@pytest.mark.parametrize(
    ("row", "what"),
    [
        (with_row(4, "Graph Methods for Tide Prediction", "Graph Methods for Storm Surge"), "title"),
        (with_row(4, "| Ada Park", "| Cy Dunn"), "speaker"),
        (with_row(3, "| On Site", "| Virtual"), "place"),
        (with_row(3, "| On Site", "| Building 7, Room 3"), "place"),
    ],
)
def test_row_block_mismatch_on_each_value(row: list[str], what: str) -> None:
    findings = lint(page_text(rows=row))
    assert [finding.code for finding in findings] == ["SEM010"]
    assert f"row's {what}" in findings[0].message


def test_short_place_forms_do_not_contradict_the_block() -> None:
    rows = with_row(4, "| On Site", "| Teams")
    rows = [row.replace("| Virtual |", "| Online |") for row in rows]
    assert lint(page_text(rows=rows)) == []


def test_tbd_row_fix_fills_the_cell_and_keeps_its_padding() -> None:
    (finding,) = lint(page_text(rows=with_row(4, "| Graph Methods for Tide Prediction |", "|   TBD   |")))
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    assert (edit.old, edit.new) == ("TBD", "Graph Methods for Tide Prediction")


def test_tbd_date_row_is_filled_in_the_schedule_date_pattern() -> None:
    findings = lint(page_text(rows=with_row(4, "01-29-2026", "TBD")))
    assert [(item.code, item.fix.edits[0].new if item.fix else None) for item in findings] == [("SEM011", "01-29-2026")]


def test_stale_permalink_is_reported_when_the_rest_of_the_page_is_the_new_season() -> None:
    front = page_text().split("\n# About")[0].replace("seminar-2026/", "seminar-2025/") + "\n"
    text = page_text(front=front)
    assert [(item.code, item.line) for item in lint(text)] == [("SEM041", line_of(text, "permalink"))]


def test_configured_zone_with_one_label_all_year_is_not_a_mismatch() -> None:
    text = with_next("ET, Thursday", "MST, Thursday")
    assert lint(text) == []  # Denver is on MST in January
    summer = text.replace("01/29/2026", "07/09/2026").replace("01-29-2026", "07-09-2026")
    assert "SEM005" in {item.code for item in lint(summer)}
    phoenix = Config(timezone="America/Phoenix")
    assert "SEM005" not in {item.code for item in lint(summer, config=phoenix)}


def test_night_talk_without_declared_hours() -> None:
    front = page_text().split("\n# About")[0].replace("             10am - 11am ET <br/>\n", "") + "\n"
    text = page_text(front=front, next_talks=[NEXT.replace("10:00 a.m. - 11 a.m.", "5:00 a.m. - 6 a.m.")])
    assert [(item.code, item.line) for item in lint(text)] == [("SEM004", line_of(text, "5:00 a.m."))]
    hours = Config(hours=(time(5), time(6)))
    assert {item.line for item in lint(text, config=hours)} == {line_of(text, "10:00 a.m.", n) for n in (1, 2, 3, 4)}


def test_markdown_inside_an_html_block() -> None:
    about = '<p align="justify">\nHosted by the [Tidewater Lab](https://t.example).\n\nMore in **bold**.\n</p>\n'
    text = page_text(about=about)
    findings = lint(text)
    assert [(item.code, item.line) for item in findings] == [
        ("SEM052", line_of(text, "Hosted by")),
        ("SEM052", line_of(text, "More in")),
    ]
    assert lint(page_text(about=about.replace('<p align="justify">', '<p markdown="1">'))) == []


def test_placeholder_targets_and_anchors() -> None:
    about = 'See <a href="#">the list</a>, [x](TBD) and <a href="#top">top</a>.\n'
    found = [(item.code, item.column) for item in lint(page_text(about=about))]
    assert found == [("SEM053", about.index("href") + 1), ("SEM053", about.index("[x]") + 1)]


def test_table_rows_with_too_few_cells_say_which_are_missing() -> None:
    (finding,) = lint(page_text(rows=with_row(5, " | Inland Institute | TBD |", " |")))
    assert finding.code == "SEM050" and "'Affiliation', 'Talk'" in finding.message


def test_a_finished_season_is_an_archive_and_date_rules_stay_quiet() -> None:
    stale = page_text(next_talks=[NEXT, NEXT.replace("01/29", "01/22").replace("Tide Prediction", "Wave Spectra")])
    assert "SEM020" in {item.code for item in lint(stale, date(2026, 2, 1))}
    assert lint(page_text(), date(2027, 3, 1)) == []


def test_past_order_from_the_configuration_when_the_page_does_not_tell() -> None:
    text = page_text(past=[PAST[1], PAST[0], PAST[2]])  # 15, 22, 08: as much one way as the other
    assert "SEM031" not in {item.code for item in lint(text)}
    config = Config(past_order="newest-first")
    assert "SEM031" in {item.code for item in lint(text, config=config)}


def test_columns_point_at_the_value() -> None:
    text = with_next("Thursday, 01/29", "Friday, 01/29")
    (finding,) = lint(text)
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith("Friday")


def test_a_co_presenter_in_the_photo_whom_the_bio_speaks_of_is_not_a_wrong_caption() -> None:
    talk = (
        NEXT.replace("|         |\n| ------- |", "|    |    |\n| -- | -- |")
        .replace('<img src="https://a.example/ada.jpg" width="200" /> |', '<img src="a.jpg" /> | <img src="b.jpg" /> |')
        .replace("Assistant Professor <br> Harbor University |", "Professor | Bo Lin <br> Student |")
    )
    assert [item.code for item in lint(page_text(next_talks=[talk]))] == ["SEM051"]
    with_bio = talk + "\n**Bio**\n\nAda Park leads the lab where Bo Lin is a student.\n"
    assert lint(page_text(next_talks=[with_bio])) == []


def test_names_and_titles_compare_as_people_write_them() -> None:
    row = "| 01-29-2026 | On Site | Ada Park (Harbor U) | Harbor U | Graph Methods for Tide Prediction (postponed) |"
    assert lint(page_text(rows=[*ROWS[:4], row, ROWS[5]])) == []


def test_a_talk_labelled_in_another_zone_is_not_at_unusual_hours() -> None:
    text = with_next("10:00 a.m. - 11 a.m. ET", "7:00 a.m. - 8 a.m. PT")
    assert lint(text) == []


def test_a_schedule_of_coming_talks_only_needs_no_rows_for_past_blocks() -> None:
    assert lint(page_text(rows=ROWS[4:])) == []


def test_names_and_titles_in_any_script() -> None:
    talk = NEXT.replace("Graph Methods for Tide Prediction", "潮汐预测的图方法").replace(
        "Ada Park", "王晓明 (Xiaoming Wang)"
    )
    row = "| 01-29-2026 | On Site | Xiaoming Wang | Harbor University | 潮汐预测的图方法 |"
    assert lint(page_text(next_talks=[talk], rows=[*ROWS[:4], row, ROWS[5]])) == []
    other = row.replace("潮汐预测的图方法", "海浪谱学习")
    assert [item.code for item in lint(page_text(next_talks=[talk], rows=[*ROWS[:4], other, ROWS[5]]))] == ["SEM010"]


def test_a_season_written_as_a_short_range_names_both_years() -> None:
    front = page_text().split("\n# About")[0].replace("January-December, 2026", "the 2025–26 season") + "\n"
    assert lint(page_text(front=front)) == []


def test_short_quotes_a_value_on_one_line_and_cuts_it_at_the_limit() -> None:
    from seminar_cli.lint.rules_schedule import short

    assert short("  Wave \n Spectra  ") == "'Wave Spectra'"
    assert short("x" * 60) == repr("x" * 60)
    assert short("x" * 61) == repr("x" * 59 + "…")
    assert short("abc def", limit=5) == "'abc…'"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("01-29-2026", "01-28-2026",
         "the schedule row's date '01-28-2026' does not match its talk block's '01/29/2026' (line 19)"),
        ("| Ada Park", "| Cy Dunn",
         "the schedule row's speaker 'Cy Dunn' does not match its talk block's 'Ada Park' (line 20)"),
        ("| Graph Methods for Tide Prediction", "| Tide Graphs",
         "the schedule row's title 'Tide Graphs' does not match its talk block's "
         "'Graph Methods for Tide Prediction' (line 16)"),
    ],
)  # fmt: skip
def test_row_block_mismatch_says_both_values_and_the_blocks_line(old: str, new: str, message: str) -> None:
    rows = with_row(4, old, new)
    text = page_text(rows=rows)
    ((code, line, column, said),) = [(item.code, item.line, item.column, item.message) for item in lint(text)]
    assert (code, line, said) == ("SEM010", line_of(text, rows[4]), message)
    assert column == rows[4].index(new.strip("| ")) + 1


@pytest.mark.parametrize(
    ("old", "new", "what", "value", "fill"),
    [
        ("| Graph Methods for Tide Prediction", "| TBD", "title", "'Graph Methods for Tide Prediction'",
         "Graph Methods for Tide Prediction"),
        ("| Ada Park", "| TBD", "speaker", "'Ada Park'", "Ada Park"),
        ("| On Site", "| TBA", "place", "'Building 5, Room 12 and Zoom'", None),
        ("01-29-2026", "TBD", "date", "'01/29/2026'", "01-29-2026"),
    ],
)  # fmt: skip
def test_tbd_row_says_what_the_block_has_and_fills_in_what_it_can(
    old: str, new: str, what: str, value: str, fill: str | None
) -> None:
    text = page_text(rows=with_row(4, old, new))
    (finding,) = lint(text)
    placeholder = new.strip("| ")
    line = text.splitlines()[finding.line - 1]
    assert finding.code == "SEM011" and finding.column == line.index(placeholder) + 1
    assert finding.message == (
        f"the schedule row still says {placeholder!r} for the {what}; its talk block (line 16) says {value}"
    )
    if fill is None:
        assert finding.fix is None
    else:
        assert finding.fix is not None and finding.fix.description == f"fill in {fill!r}"
        assert [(edit.line, edit.column, edit.old, edit.new) for edit in finding.fix.edits] == [
            (finding.line, finding.column, placeholder, fill)
        ]


def test_cancelled_row_points_at_the_row_and_names_the_blocks_title_line() -> None:
    case = BAD["SEM014"]()
    (finding,) = lint(case.text)
    title = line_of(case.text, "Spectra (canceled)**")
    assert (finding.code, finding.line, finding.column) == ("SEM014", case.line, 1)
    assert finding.message == (
        f"the talk block (line {title}) is marked cancelled but its schedule row is not; "
        "strike the row through (~~…~~) or mark it cancelled"
    )


@pytest.mark.parametrize("mark", ["01-22-2026 (postponed)", "01-22-2026 CANCELLED"])
def test_a_cancelled_talk_whose_row_says_so_is_not_reported(mark: str) -> None:
    text = BAD["SEM014"]().text.replace("| 01-22-2026 |", f"| {mark} |")
    assert "SEM014" not in [finding.code for finding in lint(text)]


TWO_SPEAKERS = NEXT.replace(
    "Speaker: [Ada Park](https://a.example)", "Speaker: [Ada Park](https://a.example), [Di Fox](https://d.example)"
)


def test_tbd_speaker_is_filled_in_only_with_one_plain_name() -> None:
    (finding,) = lint(page_text(next_talks=[TWO_SPEAKERS], rows=with_row(4, "| Ada Park", "| TBD")))
    assert finding.message.endswith("its talk block (line 16) says 'Ada Park, Di Fox'")
    assert finding.fix is None  # which of the two, and in which form, is the organizer's call
    rows = with_row(4, "| Ada Park", "| TBD")
    rows[0] = rows[0].replace("| Gus Hale", "| [Gus Hale](https://g.example)")  # the column links its names
    (finding,) = lint(page_text(rows=rows))
    assert finding.code == "SEM011" and finding.fix is None


def test_row_block_mismatch_names_every_speaker_of_the_block_and_the_place_of_both() -> None:
    (finding,) = lint(page_text(next_talks=[TWO_SPEAKERS], rows=with_row(4, "| Ada Park", "| Cy Dunn")))
    assert finding.message == (
        "the schedule row's speaker 'Cy Dunn' does not match its talk block's 'Ada Park, Di Fox' (line 20)"
    )
    text = page_text(rows=with_row(3, "| On Site", "| Virtual"))
    (finding,) = lint(text)
    assert finding.message == (
        "the schedule row's place 'Virtual' does not match its talk block's 'Building 5, Room 12' "
        f"(line {line_of(text, 'Location: Building 5, Room 12', 2)})"
    )


def test_a_block_without_a_time_line_is_not_compared_on_its_date() -> None:
    no_time = NEXT.replace("<br> Time: 10:00 a.m. - 11 a.m. ET, Thursday, 01/29/2026\n", "")
    assert lint(page_text(next_talks=[no_time])) == []


def test_a_tbd_date_takes_the_pattern_of_the_first_row_with_a_real_date() -> None:
    rows = with_row(4, "01-29-2026", "TBD")
    rows[0] = rows[0].replace("01-01-2026", "02/30/2026")  # no such day: its slashes are no evidence
    findings = {finding.code: finding for finding in lint(page_text(rows=rows))}
    fix = findings["SEM011"].fix
    assert fix is not None and fix.edits[0].new == "01-29-2026"


def test_a_past_row_that_says_cancelled_needs_no_block() -> None:
    rows = with_row(2, "Sparse Sensing of Estuaries", "Sparse Sensing of Estuaries (cancelled)")
    assert lint(page_text(past=[PAST[0], *PAST[2:]], rows=rows)) == []


def test_a_row_of_today_is_no_past_talk_yet() -> None:
    text = page_text()  # the 02-05 row has no block
    assert "SEM013" not in [finding.code for finding in lint(text, today=date(2026, 2, 5))]
    assert [finding.line for finding in lint(text, today=date(2026, 2, 6)) if finding.code == "SEM013"] == [
        line_of(text, "| 02-05-2026")
    ]


def test_a_row_on_the_day_of_the_earliest_past_block_still_wants_its_own() -> None:
    rows = [ROWS[0], "| 01-01-2026 | On Site | Jo Marr | Bay Lab | Reef Acoustics |", *ROWS[1:]]
    assert [finding.code for finding in lint(page_text(rows=rows))] == ["SEM013"]


def test_a_tbd_date_in_a_schedule_without_a_dated_row_is_filled_in_as_the_block_writes_it() -> None:
    rows = ["| TBD | On Site | Ada Park | Harbor University | Graph Methods for Tide Prediction |"]
    (finding,) = lint(page_text(rows=rows, past=[]))
    assert finding.fix is not None and finding.fix.edits[0].new == "01/29/2026"

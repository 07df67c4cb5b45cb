"""What `seminar show --json` reads off each real page matches what a person reads there.

Expected values were taken by reading the pages in ../shared/pages; only dates,
names and one title per page are stated, the rest of the pages' text stays there.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import shared_page
from typer.testing import CliRunner

from seminar_cli.cli.app import app

# (section, date, speakers) of every talk block on each page, in page order.
TALKS: dict[str, list[tuple[str, str, list[str]]]] = {
    "ai-seminar-2023.md": [("next", "2023-10-19", ["Anand Rangarajan", "Sanjay Ranka"])],
    "ai-seminar-2024.md": [
        ("past", "2024-03-21", ["Dr. Raphaël Pestourie"]),
        ("past", "2024-03-25", ["Dr. Yuan-Sen Ting"]),
        ("past", "2024-04-11", ["Robert Kirby", "Mingjie Liu"]),
        ("past", "2024-04-25", ["Dr. Sutanay Choudhury"]),
        ("past", "2024-05-09", ["Dr. A. Gilad Kusne"]),
        ("past", "2024-06-06", ["Dr. Ishan Thakkar"]),
        ("past", "2024-06-20", ["Dr. Kutyniok"]),
        ("past", "2024-07-11", ["Dr. Xiaorui Liu"]),
        ("past", "2024-08-22", ["Dr. Sara Magliacane"]),
    ],
    "ai-tutorial-2024.md": [
        ("past", "2024-03-28", ["Massimiliano Lupo Pasini"]),
        ("past", "2024-04-25", ["Robert A Bridges"]),
        ("past", "2024-06-28", ["Dan Lu"]),
        ("past", "2024-07-26", ["William L Gurecky"]),
        (
            "past",
            "2024-10-18",
            ["Rama K. Vasudevan", "Narasinga Rao Miniskar", "Anthony Cabrera", "Singanallur V. Venkatakrishnan"],
        ),
    ],
    "ai-seminar-2025-feb.md": [
        ("next", "2025-02-27", ["Dong Li"]),
        ("past", "2025-01-23", ["Bowen Jing"]),
        ("past", "2025-01-09", ["Fernanda Foertter"]),
    ],
    "ai-seminar-2026-jan14.md": [
        ("next", "2026-01-22", ["Steffen Schotthoefer"]),
        ("past", "2025-11-20", ["Samy Wu Fung"]),
    ],
    "ai-seminar-2026-jan27.md": [
        ("next", "2026-01-29", ["Stefan Schnake"]),
        ("past", "2026-01-22", ["Steffen Schotthoefer"]),
    ],
}

# One talk per page in full: (index in page order, title, start, end, time zone, location, line).
ONE_TALK: dict[str, tuple[int, str, str, str, str, str, int]] = {
    "ai-seminar-2023.md": (
        0,
        "Data Science for Scientific Data Compression and Transportation Applications",
        "10:00", "11:00", "ET", "Weinberg Auditorium (4500N/I-126)", 24,
    ),
    "ai-seminar-2024.md": (
        2, "ChipNeMo: Domain-Adapted LLMs for Chip Design", "10:00", "11:00", "ET",
        "Virtual (via Microsoft Teams)", 76,
    ),
    "ai-tutorial-2024.md": (
        0, "Material Property Prediction with Large Scale GNNs", "14:00", "16:00", "ET",
        "Virtual (Microsoft Teams)", 43,
    ),
    "ai-seminar-2025-feb.md": (
        1, "Denoising Generative Modeling for Molecular Structures and Dynamics", "11:00", "12:00", "ET",
        "Building 5700, room F234", 70,
    ),
    "ai-seminar-2026-jan14.md": (
        0, "Efficient Low-Rank Training and Fine-Tuning of Neural Networks", "10:00", "11:00", "ET",
        "Building 5700 and MS Teams", 25,
    ),
    "ai-seminar-2026-jan27.md": (
        1, "Efficient Low-Rank Training and Fine-Tuning of Neural Networks", "10:00", "11:00", "ET",
        "Room F234 Building 5700 and MS Teams", 63,
    ),
}  # fmt: skip


def show_json(name: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["show", "--json", str(shared_page(name))])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("name", sorted(TALKS))
def test_every_talk_block_is_read(name: str) -> None:
    talks = show_json(name)["talks"]
    found = [(talk["section"], talk["date"], [speaker["name"] for speaker in talk["speakers"]]) for talk in talks]
    assert found == TALKS[name]


@pytest.mark.parametrize("name", sorted(ONE_TALK))
def test_one_talk_in_full(name: str) -> None:
    index, title, start, end, tz, location, line = ONE_TALK[name]
    talk = show_json(name)["talks"][index]
    assert (talk["title"], talk["start"], talk["end"], talk["timezone"], talk["location"], talk["line"]) == (
        title, start, end, tz, location, line,
    )  # fmt: skip


def test_cancelled_talk_is_marked_and_its_title_read_without_the_mark() -> None:
    talk = show_json("ai-seminar-2024.md")["talks"][6]
    assert talk["cancelled"] is True
    assert talk["title"] == "Reliability of Artificial Intelligence: Chances and Challenges"


def test_weekday_is_kept_as_written_even_when_wrong() -> None:
    talks = show_json("ai-seminar-2024.md")["talks"]
    assert [talk["weekday"] for talk in talks[:4]] == ["Thursday", "Thursday", "Thursday", "Monday"]


def test_schedule_rows_of_each_date_format() -> None:
    old = show_json("ai-seminar-2023.md")["schedule"]
    assert [row["date_text"] for row in old[:2]] == ["08/03", "08/17"]
    assert old[0]["date"] == "2023-08-03"  # a year-less date takes the season's year
    assert old[0]["title_url"] is not None  # past talks link to their recording
    dashed = show_json("ai-seminar-2024.md")["schedule"]
    assert (dashed[0]["date_text"], dashed[0]["date"]) == ("03-20-2024", "2024-03-20")
    assert [speaker["name"] for speaker in dashed[2]["speakers"]] == ["Mr. Robert Kirby", "Dr. Mingjie Liu"]
    slashed = show_json("ai-tutorial-2024.md")["schedule"]
    assert (slashed[0]["date_text"], slashed[0]["date"]) == ("03/28/2024", "2024-03-28")
    tbd = show_json("ai-seminar-2025-feb.md")["schedule"]
    assert [(row["date"], row["tbd"]) for row in tbd[3:]] == [(None, True), (None, True)]
    assert tbd[2]["title"] == "TBD"


def test_front_matter_and_sections() -> None:
    data = show_json("ai-seminar-2026-jan14.md")
    assert data["season_year"] == 2026
    assert data["permalink"] == "/events/ai-initiative-seminar-2026/"
    assert "Thursdays, January-December, 2026" in data["description"]
    assert [section["kind"] for section in data["sections"]] == [
        "about", "next", "schedule", "past", "organization",
    ]  # fmt: skip
    assert len(show_json("ai-seminar-2026-jan27.md")["organizers"]) == 5

"""A small fictional seminar page that lints clean, for the lint tests to break one way at a time."""

from __future__ import annotations

from datetime import date

from seminar_cli.api import parse_page
from seminar_cli.lint import Finding, lint_page
from seminar_cli.model import Config

TODAY = date(2026, 1, 27)


def block(title: str, day: str, speaker: str, *, place: str = "Building 5, Room 12", extra: str = "") -> str:
    """A talk block in the current markup (`Location:`, `Time:` with weekday, `Speaker:`)."""
    return (
        f"**{title}**\n\n<br>Location: {place}\n<br> Time: 10:00 a.m. - 11 a.m. ET, {day}\n"
        f"<br>Speaker: {speaker}\n{extra}"
    )


NEXT = block(
    "Graph Methods for Tide Prediction",
    "Thursday, 01/29/2026",
    "[Ada Park](https://a.example)",
    place="Building 5, Room 12 and Zoom",
    extra=(
        '\n|         |\n| ------- |\n| <img src="https://a.example/ada.jpg" width="200" /> |\n'
        "| Ada Park <br> Assistant Professor <br> Harbor University |\n"
        "\n**Abstract**\n\nTides are predictable, mostly.\n"
    ),
)
PAST = [
    block("Learning Wave Spectra", "Thursday, 01/22/2026", "[Cy Dunn](https://c.example)"),
    block(
        "Sparse Sensing of Estuaries", "Thursday, 01/15/2026", "[Ben Ode](https://b.example)", place="Virtual on Zoom"
    ),
    block("Kelp Forest Census by Drone", "Thursday, 01/08/2026", "[Eve Lund](https://e.example)"),
    block("Salinity Maps from Satellites", "Thursday, 01/01/2026", "[Gus Hale](https://g.example)"),
]
ROWS = [
    "| 01-01-2026 | On Site | Gus Hale | Bay Lab | Salinity Maps from Satellites |",
    "| 01-08-2026 | On Site | Dr. Eve Lund | Bay Lab | Kelp Forest Census by Drone |",
    "| 01-15-2026 | Virtual | Ben Ode | Coast College | Sparse Sensing of Estuaries |",
    "| 01-22-2026 | On Site | Cy Dunn | Harbor University | Learning Wave Spectra |",
    "| 01-29-2026 | On Site | Ada Park | Harbor University | Graph Methods for Tide Prediction |",
    "| 02-05-2026 | Virtual | Di Fox | Inland Institute | TBD |",
]
FRONT = """---
layout: default
title: Tidewater Ocean Data Seminar <br/>
description: Organized by the Tidewater Lab <br/>
             10am - 11am ET <br/>
             Thursdays, January-December, 2026 <br/>
permalink: /events/tidewater-seminar-2026/
---
"""


def page_text(
    *,
    front: str = FRONT,
    about: str = "The seminar meets on Thursdays from 10 am to 11 am ET.\n",
    next_talks: list[str] | None = None,
    past: list[str] | None = None,
    rows: list[str] | None = None,
    past_heading: str = "# Past Presentations\n\n",
) -> str:
    """The page, with any part replaced."""
    talks = "\n---\n\n".join(PAST if past is None else past)
    table = "\n".join(ROWS if rows is None else rows)
    return (
        f"{front}\n# About\n\n{about}\n# Next Presentation\n\n"
        + "\n---\n\n".join([NEXT] if next_talks is None else next_talks)
        + "\n# Schedule\n\n|      Date      |    Location    |        Name            |"
        "          Affiliation           |      Talk      |\n"
        "| :------------: | :------------: | :--------------------: "
        "| :-----------------------------: | :------------: |\n"
        f"{table}\n\n{past_heading}{talks}\n"
    )


def lint(text: str, today: date = TODAY, config: Config | None = None) -> list[Finding]:
    """Every finding on the page."""
    return lint_page(parse_page(text, "page.md"), today=today, config=config)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the `occurrence`-th line containing `needle`."""
    found = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return found[occurrence - 1]


FRONT_JAN_FEB = FRONT.replace("January-December, 2026", "January-February, 2026")
MARCH_ROW = "| 03-05-2026 | Virtual | Hal Ng | Bay Lab | TBD |"
ORGANIZATION = (
    "\n# Organization\n\n|    |    |\n| -- | -- |\n"
    "| [![Ada Park](https://a.example/ada.jpg)](https://a.example) "
    "| [![Cy Dunn](https://c.example/cy.jpg)](https://c.example) |\n"
    "| Ada Park <br> Chair <br> Harbor University | Cy Dunn <br> Member <br> Harbor University |\n"
)
PAST_WITH_ABSTRACTS = [talk + "\n**Abstract**\n\nWaves, measured.\n" for talk in PAST]
NEXT_WITHOUT_ABSTRACT = NEXT.replace("\n**Abstract**\n\nTides are predictable, mostly.\n", "")


def list_page(*items: str) -> str:
    """A small reading group page that lists its sessions as bullet items, one line each."""
    lines = "".join(f"- {item}\n" for item in items)
    return f"---\ntitle: Tidewater Reading Group\n---\n\n# Tidewater Reading Group\n\n## Sessions\n\n{lines}"

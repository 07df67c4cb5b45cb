"""The patterns people write talks in, one named case each: what the reader takes from it.

Each case is a small fictional page (its lines), and the entries read from it: date, date as
written, speakers, title, status."""

from __future__ import annotations

import pytest

from seminar_cli.api import parse_page
from seminar_cli.read.listings import listings

Expected = list[tuple[str | None, str | None, str, str | None, str]]
CASES: dict[str, tuple[tuple[str, ...], Expected]] = {
    "weeks": (
        (
            "# Reading Group",
            "",
            "- **Week 1:** *Foundations of Trust*. Presented by Ada Park.",
            "- **Week 2:** *Consensus Protocols*. Presented by Bo Li.",
            "- **Week 3:** TBD",
        ),
        [
            (None, "Week 1", "Ada Park", "Foundations of Trust", "held"),
            (None, "Week 2", "Bo Li", "Consensus Protocols", "held"),
            (None, "Week 3", "", "TBD", "placeholder"),
        ],
    ),
    "heading-title-date-label": (
        (
            "# Colloquium",
            "",
            "## Learning to Rank Proofs",
            "",
            "**Date:** March 3, 2026",
            "",
            "**Speaker:** Ada Park (Lakeside University)",
            "",
            "## Fluid Models of Traffic",
            "",
            "**Date:** March 10, 2026",
            "",
            "**Speaker:** Bo Li",
        ),
        [
            ("2026-03-03", "March 3, 2026", "Ada Park", "Learning to Rank Proofs", "held"),
            ("2026-03-10", "March 10, 2026", "Bo Li", "Fluid Models of Traffic", "held"),
        ],
    ),
    "nested-fields": (
        (
            "# Lectures",
            "",
            "- Lecture 1: Graph Basics",
            "  - Speaker: Ada Park",
            "  - Date: 09/15/2025",
            "- Lecture 2: Spectral Methods",
            "  - Speaker: Bo Li",
            "  - Date: 09/22/2025",
        ),
        [
            ("2025-09-15", "09/15/2025", "Ada Park", "Lecture 1: Graph Basics", "held"),
            ("2025-09-22", "09/22/2025", "Bo Li", "Lecture 2: Spectral Methods", "held"),
        ],
    ),
    "html-no-th": (
        (
            "# Talks",
            "",
            "<table>",
            "<tr><td><b>Date</b></td><td><b>Speaker</b></td><td><b>Topic</b></td></tr>",
            "<tr><td>2025-10-01</td><td>Ada Park</td><td>Tidal Energy</td></tr>",
            "<tr><td>2025-10-08</td><td>Bo Li</td><td>Wave Farms</td></tr>",
            "</table>",
        ),
        [
            ("2025-10-01", "2025-10-01", "Ada Park", "Tidal Energy", "held"),
            ("2025-10-08", "2025-10-08", "Bo Li", "Wave Farms", "held"),
        ],
    ),
    "jekyll-post": (
        (
            "---",
            "layout: post",
            "title: Talks this spring",
            "date: 2026-01-10",
            "---",
            "",
            "| When | Who | What |",
            "|---|---|---|",
            "| Feb 3 | Ada Park | Sparse Graphs |",
            "| Feb 17 | Bo Li | Dense Graphs |",
        ),
        [
            ("2026-02-03", "Feb 3", "Ada Park", "Sparse Graphs", "held"),
            ("2026-02-17", "Feb 17", "Bo Li", "Dense Graphs", "held"),
        ],
    ),
    "day-month-words": (
        (
            "# Seminar",
            "",
            "- 15 September 2025 — Ada Park: Random Matrices",
            "- 22 September 2025 — Bo Li: Free Probability",
            "- Wednesday 1st October 2025 — Cy Dunn: Large Deviations",
        ),
        [
            ("2025-09-15", "15 September 2025", "Ada Park", "Random Matrices", "held"),
            ("2025-09-22", "22 September 2025", "Bo Li", "Free Probability", "held"),
            ("2025-10-01", "Wednesday 1st October 2025", "Cy Dunn", "Large Deviations", "held"),
        ],
    ),
    "range": (
        (
            "# Workshop",
            "",
            "| Date | Event |",
            "| --- | --- |",
            "| April 25-26, 2026 | Spring Workshop on Tides |",
            "| May 9, 2026 | Talk by Ada Park |",
        ),
        [
            ("2026-04-25", "April 25-26, 2026", "", "Spring Workshop on Tides", "held"),
            ("2026-04-26", "April 25-26, 2026", "", "Spring Workshop on Tides", "held"),
            ("2026-05-09", "May 9, 2026", "", "Talk by Ada Park", "held"),
        ],
    ),
    "struck": (
        (
            "# Schedule",
            "",
            "| Date | Speaker | Title |",
            "| --- | --- | --- |",
            "| 2026-02-03 | ~~Ada Park~~ | ~~Graphs~~ |",
            "| 2026-02-10 | Bo Li | **Cancelled** |",
            "| 2026-02-17 | Cy Dunn | Tides [Postponed] |",
            "| 2026-02-24 | _ | _ |",
        ),
        [
            ("2026-02-03", "2026-02-03", "Ada Park", "Graphs", "cancelled"),
            ("2026-02-10", "2026-02-10", "Bo Li", "Cancelled", "cancelled"),
            ("2026-02-17", "2026-02-17", "Cy Dunn", "Tides [Postponed]", "cancelled"),
            ("2026-02-24", "2026-02-24", "", "_", "placeholder"),
        ],
    ),
    "numbered": (
        (
            "# Journal club",
            "",
            "1. 03.02.2026 — Ada Park, *Sparse Coding*",
            "2. 17.02.2026 — Bo Li, *Dictionary Learning*",
        ),
        [
            ("2026-02-03", "03.02.2026", "Ada Park", "Sparse Coding", "held"),
            ("2026-02-17", "17.02.2026", "Bo Li", "Dictionary Learning", "held"),
        ],
    ),
    "para-per-talk": (
        (
            "# Talks",
            "",
            "**October 5, 2025.** Ada Park (Northgate University): *Quantum Walks*.",
            "",
            "**October 19, 2025.** Bo Li (Eastport Institute): *Spin Chains*.",
        ),
        [
            ("2025-10-05", "October 5, 2025", "Ada Park", "Quantum Walks", "held"),
            ("2025-10-19", "October 19, 2025", "Bo Li", "Spin Chains", "held"),
        ],
    ),
    "bold-header": (
        (
            "# Schedule",
            "",
            "| **Date** | **Presenter** | **Paper** |",
            "| --- | --- | --- |",
            "| 9/9/2024 | Ada Park | Attention |",
            "| 9/16/2024 | Bo Li | Memory |",
        ),
        [
            ("2024-09-09", "9/9/2024", "Ada Park", "Attention", "held"),
            ("2024-09-16", "9/16/2024", "Bo Li", "Memory", "held"),
        ],
    ),
    "speaker-first-table": (
        (
            "# Talks",
            "",
            "| Speaker | Affiliation | Date | Title |",
            "|:--|:--|:--|:--|",
            "| Ada Park | State U | Sep 9, 2024 | Graphs |",
            "| Bo Li, Cy Dunn | Tech Inst | Sep 16, 2024 | Codes |",
        ),
        [
            ("2024-09-09", "Sep 9, 2024", "Ada Park", "Graphs", "held"),
            ("2024-09-16", "Sep 16, 2024", "Bo Li; Cy Dunn", "Codes", "held"),
        ],
    ),
    "speaker-affiliation-colon-title": (
        (
            "# Colloquium 2024",
            "",
            "* Sept 12 — Ada Park (Lakeside University): Waves on Curved Surfaces",
            "* Oct 3 — Bo Li: Knots in Fluid Flows",
        ),
        [
            ("2024-09-12", "Sept 12", "Ada Park", "Waves on Curved Surfaces", "held"),
            ("2024-10-03", "Oct 3", "Bo Li", "Knots in Fluid Flows", "held"),
        ],
    ),
    "emphasised-title-by-speaker": (
        (
            "## Spring 2025",
            "",
            "- **Jan 15**: *Fast Matrix Products* by Ada Park (Lakeside University)",
            "- **Jan 22**: *Sublinear Sketches* by Bo Li",
            "- **Jan 29**: No seminar (holiday)",
        ),
        [
            ("2025-01-15", "Jan 15", "Ada Park", "Fast Matrix Products", "held"),
            ("2025-01-22", "Jan 22", "Bo Li", "Sublinear Sketches", "held"),
            ("2025-01-29", "Jan 29", "", "No seminar (holiday)", "no-meeting"),
        ],
    ),
    "heading-speaker-quoted-title-date-line": (
        (
            "# Workshop",
            "",
            '#### Ada Park — "Weak Instruments"',
            "",
            "*March 3, 2025, 4pm, Room 101*",
            "",
            "We revisit estimation when instruments are weak.",
            "",
            '#### Bo Li — "Interactive Effects"',
            "",
            "March 10, 2025 at 4pm",
        ),
        [
            ("2025-03-03", "March 3, 2025", "Ada Park", "Weak Instruments", "held"),
            ("2025-03-10", "March 10, 2025", "Bo Li", "Interactive Effects", "held"),
        ],
    ),
    "no-meeting-in-speaker-column": (
        (
            "# Colloquium 2025",
            "",
            "| Date | Speaker | Title |",
            "|---|---|---|",
            "| Feb 4 | Ada Park | Secure Compilation |",
            "| Feb 11 | Spring break | |",
            "| Feb 18 | *No colloquium — reading week* | |",
            "| Mar 4 | Ann Holiday | Sorting Networks |",
            "| Mar 11 | No seminar | No seminar |",
        ),
        [
            ("2025-02-04", "Feb 4", "Ada Park", "Secure Compilation", "held"),
            ("2025-02-11", "Feb 11", "", None, "no-meeting"),
            ("2025-02-18", "Feb 18", "", None, "no-meeting"),
            ("2025-03-04", "Mar 4", "Ann Holiday", "Sorting Networks", "held"),
            ("2025-03-11", "Mar 11", "", "No seminar", "no-meeting"),
        ],
    ),
    "speaker-dash-title-order-of-the-listing": (
        (
            "# Analysis Seminar 2025",
            "",
            "- 14.01.2025: Karin Weber — Harmonic Measures",
            "- 21.01.2025: Stefan Roth — Singular Integrals",
            "- 28.01.2025: Ada Park — Tokenization Matters",
            "- 04.02.2025: Milan Petrovic — Spectral Theory",
        ),
        [
            ("2025-01-14", "14.01.2025", "Karin Weber", "Harmonic Measures", "held"),
            ("2025-01-21", "21.01.2025", "Stefan Roth", "Singular Integrals", "held"),
            ("2025-01-28", "28.01.2025", "Ada Park", "Tokenization Matters", "held"),
            ("2025-02-04", "04.02.2025", "Milan Petrovic", "Spectral Theory", "held"),
        ],
    ),
    "title-dash-speaker-order-of-the-listing": (
        (
            "# Logic Group",
            "",
            "Jan 14, 2025 – Proof Nets – Greta Olsen",
            "",
            "Jan 21, 2025 – Cut Elimination – Haruto Sato",
        ),
        [
            ("2025-01-14", "Jan 14, 2025", "Greta Olsen", "Proof Nets", "held"),
            ("2025-01-21", "Jan 21, 2025", "Haruto Sato", "Cut Elimination", "held"),
        ],
    ),
    "german-header-dotted-dates": (
        (
            "# Kolloquium",
            "",
            "| Datum | Vortragende | Titel |",
            "|---|---|---|",
            "| 14.01.2025 | Anja Keller | Mehrgitterverfahren |",
            "| 04.02.2025 | Lukas Brandt | Randelemente |",
        ),
        [
            ("2025-01-14", "14.01.2025", "Anja Keller", "Mehrgitterverfahren", "held"),
            ("2025-02-04", "04.02.2025", "Lukas Brandt", "Randelemente", "held"),
        ],
    ),
    "french-header-year-less-day-first": (
        (
            "# Séminaire 2025",
            "",
            "| Date | Orateur | Titre |",
            "|---|---|---|",
            "| 07/01 | Claire Dubois | Marches aléatoires |",
            "| 14/01 | Hugo Martin | Percolation critique |",
        ),
        [
            ("2025-01-07", "07/01", "Claire Dubois", "Marches aléatoires", "held"),
            ("2025-01-14", "14/01", "Hugo Martin", "Percolation critique", "held"),
        ],
    ),
    "dates-header-course-column": (
        (
            "# Summer School 2025",
            "",
            "| Dates | Lecturer | Course |",
            "|---|---|---|",
            "| June 5–6 | Yuki Tanabe | Mean Field Games |",
        ),
        [
            ("2025-06-05", "June 5–6", "Yuki Tanabe", "Mean Field Games", "held"),
            ("2025-06-06", "June 5–6", "Yuki Tanabe", "Mean Field Games", "held"),
        ],
    ),
    "hours-in-the-date-cell": (
        (
            "# Ocean Seminar",
            "",
            "| Date & Time | Speaker | Title |",
            "|---|---|---|",
            "| Sep 5, 2025, 4:00 PM | Keiko Ito | Internal Waves |",
            "| TBD | Sven Nilsson | Sea Ice |",
        ),
        [
            ("2025-09-05", "Sep 5, 2025", "Keiko Ito", "Internal Waves", "held"),
            (None, None, "Sven Nilsson", "Sea Ice", "held"),
        ],
    ),
    "cancelled-items": (
        (
            "# Reading Group 2025",
            "",
            "- **Sep 25** — Paul Girard, *Gesture Interfaces* (cancelled)",
            "- ~~**Oct 2** — Ruth Olawale, *Accessible Charts*~~",
            "- **Oct 16** — Cancelled: Ivo Petrov, *Haptics*",
            "- **Oct 23** — Maya Chen, *Designing for Trust*",
        ),
        [
            ("2025-09-25", "Sep 25", "Paul Girard", "Gesture Interfaces", "cancelled"),
            ("2025-10-02", "Oct 2", "Ruth Olawale", "Accessible Charts", "cancelled"),
            ("2025-10-16", "Oct 16", "Ivo Petrov", "Haptics", "cancelled"),
            ("2025-10-23", "Oct 23", "Maya Chen", "Designing for Trust", "held"),
        ],
    ),
    "struck-paragraph": (
        (
            "# Logic Group 2025",
            "",
            "~~**Jan 14** – Proof Nets (Greta Olsen)~~",
            "",
            "**Jan 21** – Cut Elimination (Haruto Sato)",
        ),
        [
            ("2025-01-14", "Jan 14", "Greta Olsen", "Proof Nets", "cancelled"),
            ("2025-01-21", "Jan 21", "Haruto Sato", "Cut Elimination", "held"),
        ],
    ),
    "week-and-date-columns": (
        (
            "# Reading Group 2025",
            "",
            "| Week | Date | Presenter | Topic |",
            "|---|---|---|---|",
            "| 1 | Jan 13 | Nina Alvarez | Potential Outcomes |",
            "| 2 | Jan 20 | Oscar Lind | Instrumental Variables |",
        ),
        [
            ("2025-01-13", "Jan 13", "Nina Alvarez", "Potential Outcomes", "held"),
            ("2025-01-20", "Jan 20", "Oscar Lind", "Instrumental Variables", "held"),
        ],
    ),
    "date-heading-bold-speaker-line": (
        (
            "# Colloquium",
            "",
            "### March 12, 2025",
            "",
            "**Ann Liang** (Maplewood University) — Dark Matter in Dwarf Galaxies",
            "",
            "### March 19, 2025",
            "",
            "**Bilal Aziz** — Neutrino Mass Ordering",
        ),
        [
            ("2025-03-12", "March 12, 2025", "Ann Liang", "Dark Matter in Dwarf Galaxies", "held"),
            ("2025-03-19", "March 19, 2025", "Bilal Aziz", "Neutrino Mass Ordering", "held"),
        ],
    ),
    "hours-then-speaker-and-quoted-title": (
        (
            "# Math Seminar",
            "",
            '- Sep 5, 2025, 4:00–5:00 pm: Carla Benedetti, "Sums of Squares"',
            '- Sep 12, 2025, 4:00–5:00 pm: Dev Patel, "Additive Combinatorics"',
        ),
        [
            ("2025-09-05", "Sep 5, 2025", "Carla Benedetti", "Sums of Squares", "held"),
            ("2025-09-12", "Sep 12, 2025", "Dev Patel", "Additive Combinatorics", "held"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_pattern_reads_as_written(name: str) -> None:
    lines, expected = CASES[name]
    page = parse_page("\n".join(lines) + "\n", f"{name}.md")
    found = [
        (entry.date.isoformat() if entry.date else None, entry.date_text,
         "; ".join(speaker.name for speaker in entry.speakers), entry.title, entry.status)
        for listing in listings(page)
        for entry in listing.entries
    ]  # fmt: skip
    assert found == expected


def test_a_date_cell_gives_the_hours_when_no_column_does() -> None:
    lines, _ = CASES["hours-in-the-date-cell"]
    (listing,) = listings(parse_page("\n".join(lines) + "\n"))
    assert [(str(entry.start), entry.end) for entry in listing.entries] == [("16:00:00", None), ("None", None)]

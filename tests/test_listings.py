"""Talk listings of every shape: our example page of each shape states its talks, and other groups' real pages read.

Each example is ours and fictional; the real pages of `../shared/pages-wild` are read from
there (never copied), and scored against the talks a careful reader lists for them.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SHARED, read

from seminar_cli.api import parse_page, render_page
from seminar_cli.model import Entry, Listing
from seminar_cli.outputs.data import page_data
from seminar_cli.read.listings import listings

WILD = SHARED.parent / "pages-wild"

# (date, speakers, title, status) of every entry, listing by listing: (shape, heading, order).
EXPECTED: dict[str, list[tuple[tuple[str, str | None, str | None], list[tuple[str | None, str, str | None, str]]]]] = {
    "reading-group-2026.md": [
        (("list", "Spring 2026", None), [
            ("2026-01-14", "Mara Lindqvist", "Potential Outcomes Revisited", "held"),
            ("2026-01-21", "Tobias Ferreira", "Instrumental Variables Without Tears", "held"),
            ("2026-01-28", "", "Cancelled", "cancelled"),
            ("2026-02-04", "Ines Okonkwo; Paul Adebayo", "Difference in Differences with Staggered Adoption", "held"),
            ("2026-02-11", "Hana Sato", "Synthetic Controls for Small Samples", "held"),
            ("2026-02-18", "", "TBD", "placeholder"),
        ]),
        (("list", "Fall 2025", None), [
            ("2025-09-10", "Mara Lindqvist", "Causal Graphs for Beginners", "held"),
            ("2025-09-24", "Omar Haddad", "Regression Discontinuity in Practice", "held"),
            ("2025-10-08", "", "No meeting (fall break)", "no-meeting"),
            ("2025-10-22", "Lucia Moretti", "Sensitivity Analysis for Unmeasured Confounding", "held"),
        ]),
    ],
    "colloquium-2025.md": [
        (("headings", "Riverbend Mathematics Colloquium Fall 2025", None), [
            ("2025-09-18", "Beatriz Almeida", "Random Walks on Expanding Graphs", "held"),
            ("2025-10-02", "Kwame Mensah", "Knots, Links and Their Invariants", "held"),
            ("2025-10-16", "Sofia Lindgren", "Tilings of the Hyperbolic Plane", "cancelled"),
            ("2025-11-06", "Rafael Quintero", "Optimal Transport and Curvature", "held"),
        ]),
    ],
    "journal-club-2024.md": [
        (("table", "Fenwick Lab Journal Club", "day-first"), [
            ("2024-01-09", "Anouk de Vries", "Protein Folding at the Speed of Light", "held"),
            ("2024-01-23", "Jonas Berg", "A Census of Soil Microbes", "held"),
            ("2024-02-06", "Elif Demir", "Single-Cell Atlases, One Year On", "held"),
            ("2024-02-20", "", "No meeting (reading week)", "no-meeting"),
            ("2024-03-05", "Anouk de Vries", "CRISPR Screens in Yeast", "held"),
            ("2024-03-19", "", "TBD", "placeholder"),
        ]),
    ],
    "workshop-2026.md": [
        (("html-table", "Coastal Systems Workshop Series", None), [
            ("2026-03-06", "Ingrid Solheim", "Tides, Storms and the Shape of Estuaries", "held"),
            ("2026-03-20", "Tomas Novak", "Sediment Budgets from Drone Surveys", "held"),
            ("2026-04-03", "", "No workshop (spring break)", "no-meeting"),
            ("2026-04-17", "Amara Nwosu", "Mangroves as Coastal Defence", "held"),
        ]),
    ],
    "seminar-terms.md": [
        (("table", "Spring 2026", None), [
            ("2026-01-12", "Priyanka Raman", "Consensus Under Partial Synchrony", "held"),
            ("2026-01-26", "Lukas Brenner", "Garbage Collection for Persistent Memory", "held"),
            ("2026-02-09", "", None, "placeholder"),
        ]),
        (("table", "Fall 2025", None), [
            ("2025-09-15", "Chen Wei", "Fast Storage for Small Files", "held"),
            ("2025-09-29", "Olga Petrova", "Scheduling Serverless Functions", "held"),
            ("2025-10-13", "Diego Alvarez", "Verified File Systems, in Practice", "held"),
            ("2025-11-24", "", "No seminar (Thanksgiving)", "no-meeting"),
        ]),
    ],
}  # fmt: skip


def _entry(entry: Entry) -> tuple[str | None, str, str | None, str]:
    names = "; ".join(speaker.name for speaker in entry.speakers)
    return (entry.date.isoformat() if entry.date else None, names, entry.title, entry.status)


def _listing(
    listing: Listing,
) -> tuple[tuple[str, str | None, str | None], list[tuple[str | None, str, str | None, str]]]:
    return (listing.shape, listing.heading, listing.dates.order), [_entry(entry) for entry in listing.entries]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_shape_lists_its_talks(name: str) -> None:
    text = read(EXAMPLES / name)
    page = parse_page(text, name)
    assert render_page(page) == text
    assert [_listing(listing) for listing in listings(page)] == EXPECTED[name]


def test_the_journal_club_says_what_settled_its_dates() -> None:
    (listing,) = listings(parse_page(read(EXAMPLES / "journal-club-2024.md")))
    assert listing.dates.order == "day-first"
    assert listing.dates.order_evidence == "a day above 12: '23/01/2024' (line 13)"


def test_the_terms_take_their_years_from_their_headings() -> None:
    spring, fall = listings(parse_page(read(EXAMPLES / "seminar-terms.md")))
    assert (spring.dates.year, spring.dates.year_evidence) == (2026, "'Spring 2026' (line 11)")
    assert (fall.dates.year, fall.dates.year_evidence) == (2025, "'Fall 2025' (line 19)")


def test_show_json_lists_every_entry_with_its_iso_date(tmp_path: Path) -> None:
    data = page_data(parse_page(read(EXAMPLES / "colloquium-2025.md")))
    entries = [entry for listing in data["listings"] for entry in listing["entries"]]
    assert [entry["date"] for entry in entries] == ["2025-09-18", "2025-10-02", "2025-10-16", "2025-11-06"]
    assert set(entries[0]) >= {"date", "start", "speakers", "title", "status", "line"}
    assert data["unread"] == []


def test_a_schedule_listing_holds_the_speakers_its_rows_have_read() -> None:
    text = (
        "---\ntitle: Test Series\npermalink: /events/test-2026/\n---\n\n# Schedule\n\n"
        "| Date | Name | Talk |\n| --- | --- | --- |\n| 01-14-2026 | Ann Lee and Bo Park | Tides |\n"
        "| 01-21-2026 | TBD | TBD |\n| 01-28-2026 | [Cy Wu](https://c.example), TBA | Waves |\n"
    )
    page = parse_page(text)
    assert page.schedule is not None
    rows = page.schedule.entries
    (listing,) = [listing for listing in listings(page) if listing.shape == "table"]
    assert [[speaker.name for speaker in entry.speakers] for entry in listing.entries] == [
        ["Ann Lee", "Bo Park"], [], ["Cy Wu"]
    ]  # fmt: skip
    assert listing.entries[0].speakers is rows[0].speakers  # one tuple for the page, not one each
    for row, entry in zip(rows, listing.entries, strict=True):
        assert entry.speakers == tuple(speaker for speaker in row.speakers if speaker.name not in ("TBD", "TBA"))
        if entry.speakers == row.speakers:
            assert entry.speakers is row.speakers


def test_a_line_that_looks_like_a_talk_but_no_listing_reads_is_reported() -> None:
    text = "# Talks\n\n| Date | Speaker |\n| --- | --- |\n| 03/17/2026 | Ann Lee |\n\nMarch 24, 2026: our next talk\n"
    data = page_data(parse_page(text))
    assert data["unread"] == [
        {
            "line": 7,
            "text": "March 24, 2026: our next talk",
            "reason": "a date leads this line, but no talk listing holds it",
        }
    ]


def test_a_page_without_any_talk_listing_is_still_refused() -> None:
    from seminar_cli.errors import NotASeminarPageError

    with pytest.raises(NotASeminarPageError):
        parse_page("# Notes\n\nA page about our lab, founded in 2015.\n\n- a list\n- of things\n")


def test_prose_under_headings_that_starts_with_a_date_is_no_talk() -> None:
    from seminar_cli.errors import NotASeminarPageError

    with pytest.raises(NotASeminarPageError):
        parse_page(
            "# Club\n\n## About\n\nMarch 3, 2015: the club was founded.\n\n## Contact\n\nMay 4, 2020 - we moved.\n"
        )


def wild_pages() -> list[Path]:
    return sorted(path for path in WILD.glob("*.md") if path.name != "README.md") if WILD.is_dir() else []


@pytest.mark.parametrize("path", wild_pages(), ids=lambda path: path.name[:40])
def test_every_real_page_of_other_groups_reads_and_round_trips(path: Path) -> None:
    text = read(path)
    page = parse_page(text, str(path))
    assert render_page(page) == text
    assert listings(page), "no talk listing found"


def _words(text: str, shortest: int) -> set[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return {word for word in re.findall(r"[a-z0-9]+", folded) if len(word) >= shortest}


def _dated_items(data: Any) -> list[tuple[str, str]]:
    """Every JSON object that carries an ISO `date`, with the text of its other values (as the scorer reads it)."""
    found: list[tuple[str, str]] = []
    if isinstance(data, dict):
        if isinstance(data.get("date"), str) and re.match(r"^\d{4}-\d{2}-\d{2}", data["date"]):
            values = [str(value) for key, value in data.items() if isinstance(value, str) and key != "date"]
            values += [json.dumps(person) for person in data.get("speakers", []) or []]
            found.append((data["date"][:10], " ".join(values)))
        for value in data.values():
            found.extend(_dated_items(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_dated_items(value))
    return found


def test_the_real_pages_of_other_groups_read_with_the_right_dates() -> None:
    """At least 95% of their dated talks found with the right date, at most 1% of dated items on no talk's date."""
    if not (WILD / "truth.tsv").is_file():
        pytest.skip(f"{WILD} is absent: the real pages live outside this repository")
    truth: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(WILD / "truth.tsv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            truth[row["file"]].append(row)
    wanted = found = items = wrong = 0
    for name, rows in truth.items():
        data = page_data(parse_page(read(WILD / name), name))
        dated = _dated_items(data)
        days = {row["date"] for row in rows if row["date"]}
        for row in (row for row in rows if row["status"] in ("held", "cancelled") and row["date"]):
            key = _words(row["speaker"] + " " + row["title"], 4) or _words(row["speaker"] + " " + row["title"], 2)
            wanted += 1
            found += any(day == row["date"] and key & (_words(text, 4) | _words(text, 2)) for day, text in dated)
        items += len(dated)
        wrong += sum(1 for day, _ in dated if day not in days)
    assert found >= 0.95 * wanted, f"{found} of {wanted} dated talks found"
    assert wrong <= 0.01 * items, f"{wrong} of {items} dated items on no talk's date"

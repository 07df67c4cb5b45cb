"""Edits on other groups' real pages: a new talk in each page's own shape, rotate between separate lists, cancel.

The pages are read from `../shared/pages-wild` (never copied). Each case states the shape the
new lines must have, as patterns in which only our fictional talk's values are spelled out:
`{S}` is its speaker, `{T}` its title, and the date is written as the page writes its dates.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import SHARED, read

from seminar_cli.api import edit_text, parse_page
from seminar_cli.edit import requests
from seminar_cli.errors import UsageError
from seminar_cli.lint.engine import lint_page
from seminar_cli.outputs.data import page_data

WILD = SHARED.parent / "pages-wild"
SPEAKER, TITLE = "Ada Quill", "Tidal Models of Learning"
NOW = datetime(2026, 12, 1)
LABEL = r"\*\*\w+:\*\*"  # a bold field label, as the page writes its labels


class Case(NamedTuple):
    """A page (by a word of its file name), the new talk's date, `--today`, and the new lines' shapes."""

    page: str
    day: str
    today: str | None
    shape: tuple[str, ...]


CASES = [
    # A table of past workshops: speaker and date stacked in one cell, the title in the next, other cells empty.
    Case("CBRN", "2026-03-25", "2026-03-28", (r"\|{S}<br><br>March 25, 2026\|{T}\| \|",)),
    # A bullet per session under the year's heading: `date: title (Discussion lead by speaker)`.
    Case("hiperfit.github.com__reading", "2015-12-24", None, (r" \* December 24th: {T} \(\w+ \w+ by {S}\)",)),
    # A bullet per seminar, the date bold with underscores; its prose names no speaker the reader finds.
    Case("hiperfit.github.com__seminars", "2018-02-01", None, (r"", r"- __2018-02-01:__ {T} \({S}\)\.")),
    # A heading per meeting, `speaker - date`, the title as the paragraph below.
    Case("Spin-Chemistry", "2025-11-26", None, (r"## {S} - November 26th, 2025", r"", r"{T}", r"")),
    # A dated line per session; the page names no speakers there, so the speaker follows the title.
    Case("algorithmicsociety", "2021-03-19", None, (r"2021-03-19 {T} \({S}\)", r"")),
    # A heading per talk with weekday, date and hours; bold-labelled speaker and title below.
    Case(
        "bbadzioch",
        "2022-05-05",
        None,
        # The old last talk takes the rule and spacing its neighbours end with; the new one ends the page.
        (
            r"",
            r"",
            r"-+",
            r"",
            r"&nbsp;",
            r"&nbsp;",
            r"",
            r"## Thursday, May 5, 4:00 PM",
            r"",
            rf"{LABEL} {{S}}",
            r"",
            rf"{LABEL} {{T}}",
        ),
    ),
    # A dated line wrapped in template captures: the new line and the wrapper lines between two talks.
    Case(
        "csml-cam",
        "2021-07-30",
        "2021-07-27",
        (
            r"2021-07-30 - {T} - {S}",
            r"\{% endcapture %\}\{% include [\w.]+ %\}",
            r"",
            r"\{%.*%\}",
            r"\{%.*%\}",
            r"\{%.*%\}",
        ),
    ),
    # A term's table, dates day first with two digits; the usual hours and room, the speaker's column.
    Case("durham", "2024-03-20", None, (r"\|20/03/2024\|12pm-1pm\|\w+\|{T}\|{S}\s*\| \|",)),
    # Upcoming events: `- DD.MM.YYYY 16:00 speaker, *title*`, the hours every event has.
    Case("epfl", "2026-07-21", "2026-07-18", (r"- 21\.07\.2026 16:00 {S}, \*{T}\*",)),
    # A heading per seminar over an HTML table: speaker line, italic title, the place every seminar has.
    Case(
        "erc-tori",
        "2024-11-21",
        None,
        (
            r"",
            r"# November 21, 2024",
            r"<table>",
            r"\s*<tr>",
            r"\s*<td[^>]*>",
            r"\s*</td>",
            r"\s*<td>",
            r"\s*{S} --",
            r"\s*<br>",
            r"\s*<br>",
            r"\s*<i>{T}</i>",
            r"\s*<br>",
            r"\s*<br>",
            r"\s*</td>",
            r"\s*</tr>",
            r"</table>",
            r"",
        ),
    ),
    # A heading per talk, newest first; its neighbours write the month first, as the new date does.
    Case("gccl", "2023-06-23", None, (r"", r"### 6/23/2023: {S}", r"", r"{T}")),
    # A table without a heading, newest first; the institute's cell left empty.
    Case("isid", "2023-12-22", None, (r"\| Dec 22, 2023\s+\| {S} \| {T} \|\s+\|",)),
    # A table whose last column says who leads: the theme and authors cells left empty.
    Case("lingo", "2026-06-30", None, (r"\| June 30, 2026 \|\s+\| {T} \|\s+\| \w+ led by {S} \|",)),
    # Numbered headings, newest first: the next number; no speakers on the page, so after the title.
    Case("m-dml", "2023-03-21", None, (r"", r"### 60\. {T} \({S}\) 21\.03\.2023", r"")),
    # A bullet per lecture with nested labelled lines; before the undated placeholder that ends the list.
    Case("marwahaha", "2023-04-06", None, (r"- {T}", r"  - \w+: {S}", r"  - \w+: 04/06/2023", r"")),
    # A heading per paper under each term's heading; the speaker after the title.
    Case("netsiphd", "2020-10-30", None, (r"", r"## October 30: {T} \({S}\)")),
    # The summer term's table (month names, no year: the term's heading gives it).
    Case("nyu", "2026-08-30", None, (r"\| Aug 30 \| {S} \| {T} \|",)),
    # A bare table (no outer pipes), newest first.
    Case("plait", "2021-05-18", None, (r"May 18 \| {S} \| {T} \|",)),
    # Upcoming meetings: a bold date item with labelled sub-items, the usual room.
    Case(
        "sheffield",
        "2018-12-19",
        "2018-12-16",
        (
            r"",
            r"\* \*\*Wed 19 Dec 2018\*\*",
            r"\t",
            rf"\t- {LABEL} {{T}}",
            rf"\t- {LABEL} {{S}}",
            rf"\t- {LABEL} \S+",
            r"",
        ),
    ),
    # A bullet per talk, `MM/DD/YY (speaker) title`, blank lines between.
    Case("uwgeometry", "2021-08-13", None, (r"", r"- 08/13/21 \({S}\) {T}")),
]


def _page(word: str) -> Path:
    if not WILD.is_dir():
        pytest.skip(f"{WILD} is absent: the real pages live outside this repository")
    found = [path for path in WILD.glob("*.md") if word.lower() in path.name.lower()]
    assert len(found) == 1, f"{word!r} names {len(found)} pages"
    return found[0]


def _added(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line[2:] for line in diff if line.startswith("+ ")], [line[2:] for line in diff if line.startswith("- ")]


def _listed(text: str, name: str) -> list[tuple[str | None, str | None, list[str]]]:
    data = page_data(parse_page(text, name))
    return [
        (entry["date"], entry.get("title"), [speaker["name"] for speaker in entry.get("speakers", [])])
        for listing in data["listings"]
        for entry in listing["entries"]
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.page for case in CASES])
def test_add_talk_writes_the_pages_own_shape(case: Case) -> None:
    path = _page(case.page)
    text = read(path)
    request = requests.NewTalk(date=case.day, names=[SPEAKER], urls=[], title=TITLE, today=case.today or case.day)
    result = edit_text(text, requests.add_talk(request, NOW), path.name)
    added, removed = _added(text, result.after)
    assert removed == []
    patterns = [shape.replace("{S}", re.escape(SPEAKER)).replace("{T}", re.escape(TITLE)) for shape in case.shape]
    assert len(added) == len(patterns), added
    for line, pattern in zip(added, patterns, strict=True):
        assert re.fullmatch(pattern, line), (pattern, line)
    listed = _listed(result.after, path.name)
    assert (case.day, TITLE, [SPEAKER]) in listed or (case.day, f"{TITLE} ({SPEAKER})", []) in listed
    assert len(listed) == len(_listed(text, path.name)) + 1
    today = date.fromisoformat(case.today or case.day)
    before = Counter(found.code for found in lint_page(parse_page(text, path.name), today=today))
    after = Counter(found.code for found in lint_page(parse_page(result.after, path.name), today=today))
    assert not after - before  # the new talk brings no lint finding of its own


def test_a_page_that_names_no_speakers_takes_a_title_alone() -> None:
    path = _page("netsiphd")
    text = read(path)
    request = requests.NewTalk(date="2020-10-30", names=[], urls=[], title=TITLE, today="2020-10-30")
    result = edit_text(text, requests.add_talk(request, NOW), path.name)
    assert _added(text, result.after)[0] == ["", f"## October 30: {TITLE}"]


def test_a_talk_after_the_latest_term_opens_a_new_term_in_the_pages_style() -> None:
    path = _page("nyu")
    text = read(path)
    request = requests.NewTalk(date="2026-09-08", names=[SPEAKER], urls=[], title=TITLE, today="2026-09-01")
    result = edit_text(text, requests.add_talk(request, NOW), path.name)
    added, removed = _added(text, result.after)
    assert removed == []
    assert added == [
        "## Fall 2026",
        "",
        "| Date | Leading | Paper(s) |",
        "| --- | --- | --- |",
        f"| Sep 8 | {SPEAKER} | {TITLE} |",
        "",
    ]
    lines = result.after.splitlines()
    assert lines.index("## Fall 2026") < next(index for index, line in enumerate(lines) if line.startswith("## Summer"))
    assert ("2026-09-08", TITLE, [SPEAKER]) in _listed(result.after, path.name)


def test_a_placeholder_row_on_the_date_is_filled_not_duplicated() -> None:
    path = _page("plait")
    text = read(path)
    request = requests.NewTalk(date="2021-05-11", names=[SPEAKER], urls=[], title=TITLE, today="2021-05-01")
    result = edit_text(text, requests.add_talk(request, NOW), path.name)
    added, removed = _added(text, result.after)
    assert (added, removed) == ([f"May 11 | {SPEAKER} | {TITLE} |"], ["May 11 | TBD | TBD |"])


def test_a_speaker_on_a_page_that_lists_none_is_written_with_a_note() -> None:
    path = _page("m-dml")
    request = requests.NewTalk(date="2023-03-21", names=[SPEAKER], urls=[], title=TITLE, today="2023-03-21")
    result = edit_text(read(path), requests.add_talk(request, NOW), path.name)
    assert result.notes == ("the listing names no speakers; the speaker is written after the title, in parentheses",)


def test_a_value_the_listing_has_no_place_for_is_refused() -> None:
    path = _page("uwgeometry")
    request = requests.NewTalk(
        date="2021-08-13", names=[SPEAKER], urls=[], title=TITLE, location="Room 9", today="2021-08-13"
    )
    with pytest.raises(UsageError, match="--location has no place"):
        edit_text(read(path), requests.add_talk(request, NOW), path.name)


# Pages with separate upcoming and past lists: --today, and the talks rotate moves.
ROTATIONS = [("epfl", "2026-07-10", ["2026-07-02"]), ("sheffield", "2018-11-30", ["2018-11-21"]),
             ("csml-cam", "2021-07-12", ["2021-07-09"])]  # fmt: skip


@pytest.mark.parametrize(("word", "today", "moved"), ROTATIONS, ids=[word for word, *_ in ROTATIONS])
def test_rotate_moves_held_talks_into_the_past_list(word: str, today: str, moved: list[str]) -> None:
    path = _page(word)
    text = read(path)
    result = edit_text(text, requests.rotate(today=today, given_now=None, now=NOW), path.name)

    def sections(after: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for listing in page_data(parse_page(after, path.name))["listings"]:
            found.setdefault(listing["section"], set()).update(entry["date"] for entry in listing["entries"])
        return found

    before, after = sections(text), sections(result.after)
    for day in moved:
        assert day in before["upcoming"] and day not in after["upcoming"]
        assert day in after["past"]
    assert before["upcoming"] - set(moved) == after["upcoming"]
    assert sorted(line for line in text.splitlines()) == sorted(line for line in result.after.splitlines()) or (
        word == "sheffield"  # the lists keep different gaps between meetings
    )


def test_rotate_leaves_a_page_that_keeps_one_list_alone() -> None:
    path = _page("nyu")
    text = read(path)
    result = edit_text(text, requests.rotate(today="2026-07-01", given_now=None, now=NOW), path.name)
    assert result.after == text
    assert result.summary == "nothing to rotate: the page keeps its talks in one list"


CANCELS = [
    # (page, talk, the line's new text as a pattern): the page's own mark, else `(Cancelled)`.
    ("nyu", "2026-06-16", r"\| Jun 16 \| \S+ \| \[Cancelled -- .*\]\(.*\) \|"),
    ("isid", "2023-12-13", r"\| Dec 13, 2023 \| .* \| .* \(Cancelled\) \| .* \| "),
    ("durham", "2024-01-31", r"\|31/01/2024\|.*<a href=.*>.* \(Cancelled\)</a>\|.*"),
]


@pytest.mark.parametrize(("word", "talk", "pattern"), CANCELS, ids=[word for word, *_ in CANCELS])
def test_cancel_marks_a_listed_talk_the_pages_way(word: str, talk: str, pattern: str) -> None:
    path = _page(word)
    text = read(path)
    result = edit_text(text, requests.cancel(talk, remove=False), path.name)
    added, removed = _added(text, result.after)
    assert len(added) == 1 and len(removed) == 1
    assert re.fullmatch(pattern, added[0]), added[0]
    statuses = {
        entry["date"]: entry["status"]
        for listing in page_data(parse_page(result.after, path.name))["listings"]
        for entry in listing["entries"]
    }
    assert statuses[talk] == "cancelled"


def test_reschedule_moves_a_listed_talk_to_its_new_place() -> None:
    path = _page("isid")
    text = read(path)
    result = edit_text(
        text, requests.reschedule("2023-12-13", new_date="2023-01-02", hours=None, location=None), path.name
    )
    added, removed = _added(text, result.after)
    assert len(removed) == 1 and re.fullmatch(r"\| Jan 2, 2023 \| .*", added[0])
    lines = result.after.splitlines()
    assert lines.index(added[0]) > next(index for index, line in enumerate(lines) if line.startswith("| Jan 4, 2023"))


def test_a_listed_edit_reads_its_result_once_for_its_own_check_and_the_edit_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page is read as it is, then once as edited: the edit's own check and the re-read check share that read."""
    from seminar_cli.read import page as reading

    path = _page("algorithmicsociety")
    text = read(path)
    reads: list[str] = []
    real = reading._read

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(str(args[0]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "_read", counted)
    monkeypatch.setattr(reading, "_REREAD", [])
    request = requests.NewTalk(date="2021-03-19", names=[SPEAKER], urls=[], title=TITLE, today="2021-03-19")
    result = edit_text(text, requests.add_talk(request, NOW), path.name)
    assert reads == [text, result.after]
    assert parse_page(result.after, path.name) == parse_page(result.after, path.name, known=parse_page(text))

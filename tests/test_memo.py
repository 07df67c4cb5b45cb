"""Memos of one page: kept while a page is read and linted, let go when the page is done."""

from __future__ import annotations

import contextlib
import io
from datetime import date, time
from pathlib import Path
from typing import cast

import pytest
from conftest import EXAMPLES

from seminar_cli.api import edit_text, lint_paths, parse_page, render_page
from seminar_cli.cli.lean import lean
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.lint.report import as_text
from seminar_cli.model import Page, PhotoTable
from seminar_cli.read import compare, dates, listings, memo
from seminar_cli.read.memo import Memo, Memo2, forget_page, shared
from seminar_cli.text import blocks

EXAMPLE = EXAMPLES / "ml-seminar-2026.md"


def test_a_memo_works_a_value_out_once_until_the_page_is_done() -> None:
    calls: list[str] = []

    @Memo
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [shout("a"), shout("b"), shout("a")] == ["A", "B", "A"]
    assert calls == ["a", "b"] and len(shout) == 2
    forget_page()
    assert len(shout) == 0
    assert shout("a") == "A" and calls == ["a", "b", "a"]


def test_a_memo_of_two_arguments_keeps_each_pair_apart() -> None:
    calls: list[tuple[str, int | None]] = []

    @Memo2
    def joined(text: str, year: int | None) -> str:
        calls.append((text, year))
        return f"{text} {year}"

    assert [joined("a", 2026), joined("a", None), joined("a", 2026)] == ["a 2026", "a None", "a 2026"]
    assert calls == [("a", 2026), ("a", None)] and len(joined) == 2
    joined.cache_clear()
    assert len(joined) == 0


def test_a_memo_nobody_empties_is_emptied_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "LIMIT", 3)

    @Memo
    def double(number: int) -> int:
        return number * 2

    assert [double(number) for number in range(3)] == [0, 2, 4] and len(double) == 3
    assert double(7) == 14 and len(double) == 1


def test_shared_hands_back_the_equal_value_the_page_holds() -> None:
    forget_page()
    first, second = date(2026, 1, 22), date(2026, 1, 22)
    assert shared(first) is first and shared(second) is first
    assert shared((3, 10)) == (3, 10) and shared(time(10, 0)) == time(10, 0)
    forget_page()
    assert shared(second) is second


def test_two_talks_at_the_same_hour_hold_one_time() -> None:
    scans = [dates.scan_time(f"10-11 a.m. ET, Thursday, 01/{day}/2026", None) for day in (22, 29)]
    assert scans[0].slot.start == time(10, 0) and scans[0].slot.start is scans[1].slot.start
    assert scans[0].date_span == (25, 35) and scans[0].date_span is scans[1].date_span


def _held() -> dict[str, int]:
    """How much each memo of a page holds."""
    return {
        "scan_time": len(dates.scan_time),
        "spellings": len(compare._spellings),
        "title_key": len(compare.title_key),
        "listings": len(listings._CACHE),
        "layout": blocks.layout.cache_info().currsize,
    }


def test_linting_a_page_fills_the_memos_and_lets_them_go_when_done() -> None:
    forget_page()
    page = parse_page(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE))
    held = _held()
    assert held["scan_time"] and held["listings"] and held["layout"], held
    assert listings.listings(page) is listings.listings(page)  # read once for the page
    result = lint_paths([str(EXAMPLE)], today=date(2026, 3, 1))
    assert result.checked == (str(EXAMPLE),)
    assert set(_held().values()) == {0}


def test_an_edit_lets_the_memos_go_when_done() -> None:
    def unchanged(page: Page, style: PageStyle) -> Edit:
        return Edit(page, "nothing")

    text = EXAMPLE.read_text(encoding="utf-8")
    result = edit_text(text, unchanged, str(EXAMPLE))
    assert result.after == text
    assert set(_held().values()) == {0}


def test_the_text_report_written_a_few_lines_at_a_time_is_the_whole_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = tmp_path / "seminar.md"
    page.write_text(EXAMPLE.read_text(encoding="utf-8").replace("Thursday", "Friday"), encoding="utf-8")
    found = lint_paths([str(page)], today=date(2026, 3, 1)).findings
    assert len(found) > 3
    import seminar_cli.cli.lean as lean_module

    monkeypatch.setattr(lean_module, "_LINES_AT_ONCE", 2)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert lean(["lint", "--today", "2026-03-01", str(page)]) == 1
    assert out.getvalue() == as_text(found)


def test_the_bare_rows_of_every_photo_table_are_one_object_and_rows_stand_on_their_lines() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    page = parse_page(text, str(EXAMPLE))
    photos = [part for _, talk in page.talks() for part in talk.parts if isinstance(part, PhotoTable)]
    assert len(photos) > 1
    first, second = photos[0].table, photos[1].table
    assert first.header is second.header and first.delimiter is second.delimiter
    lines = text.splitlines(keepends=True)
    for photo in photos:
        table = photo.table
        assert table.line == photo.line and lines[table.line - 1] == table.header.text
        assert lines[table.line] == table.delimiter.text
        assert [lines[line - 1] for line, _ in table.numbered()] == [row.text for row in table.rows]
    assert render_page(page) == text


def test_a_talk_and_its_schedule_row_share_their_title_and_date() -> None:
    page = parse_page(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE))
    talks = {talk.title: talk for _, talk in page.talks()}
    rows = [entry for entry in page.schedule.entries if entry.title in talks] if page.schedule else []
    assert rows
    for entry in rows:
        talk = talks[cast(str, entry.title)]
        assert entry.title is talk.title
        if talk.when and talk.when.date == entry.date:
            assert talk.when.date is entry.date

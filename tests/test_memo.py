"""Memos of one page: kept while a page is read and linted, let go when the page is done."""

from __future__ import annotations

import contextlib
import io
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES

from seminar_cli.api import edit_text, lint_paths, parse_page
from seminar_cli.cli.lean import lean
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.lint.report import as_text
from seminar_cli.model import Page
from seminar_cli.read import compare, dates, listings, memo
from seminar_cli.read.memo import Memo, Memo2, forget_page
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

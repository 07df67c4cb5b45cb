"""Announcements: templates, placeholders, the next talk, and errors that say where.

The outputs for whole pages are golden files in tests/golden_output/announce-* (see
test_golden_output.py); these tests pin the template rules.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES, read
from typer.testing import CliRunner

from seminar_cli import api
from seminar_cli.cli.app import app
from seminar_cli.edit.style import infer_style
from seminar_cli.errors import SelectorError, UsageError
from seminar_cli.model import Page
from seminar_cli.outputs.announce import FORMATS, PLACEHOLDERS, default_template, fill, format_of, next_talk, values
from seminar_cli.read.refs import find_talk
from seminar_cli.read.zones import series_zone

runner = CliRunner()


def page(name: str = "ml-seminar-2026.md") -> Page:
    return api.parse_page(read(EXAMPLES / name), name)


def test_lines_and_paragraphs_whose_placeholders_are_all_empty_are_left_out() -> None:
    template = "Hello $who\nWhere: $location\nWhen: $when\n\nAbstract:\n$abstract\n\nBye\n"
    known = {"who": "Ann", "location": "", "when": "Monday", "abstract": " "}
    assert fill(template, known) == "Hello Ann\nWhen: Monday\n\nBye\n"


def test_dollars_and_braces() -> None:
    assert fill("${title}s cost $$5 at $location.", {"title": "Talk", "location": "Room 1"}) == (
        "Talks cost $5 at Room 1."
    )


def test_an_unknown_placeholder_is_a_usage_error_with_its_position() -> None:
    with pytest.raises(UsageError) as raised:
        fill("Hello\n  see $speeker there\n", {"speakers": "Ann"}, "mail.txt")
    error = raised.value
    assert (error.path, error.line, error.column) == ("mail.txt", 2, 7)
    assert "$speeker" in error.message and "$speakers" in str(error)
    with pytest.raises(UsageError, match="starts no placeholder"):
        fill("costs 5 $ only", {})


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_default_templates_ship_and_use_only_known_placeholders(fmt: str) -> None:
    template = default_template(fmt)  # type: ignore[arg-type]
    text = fill(template, dict.fromkeys(PLACEHOLDERS, "x"))
    assert "$" not in text


def test_every_placeholder_has_a_value_in_every_format() -> None:
    parsed = page()
    for fmt in FORMATS:
        found = values(parsed, infer_style(parsed), find_talk(parsed, "Marchetti"), fmt, series_zone(parsed), None)
        assert found.keys() == PLACEHOLDERS.keys()


def test_values_are_written_for_the_format() -> None:
    parsed = page("reading-group-2025.md")
    ref = find_talk(parsed, "Okoye")
    style, tz = infer_style(parsed), series_zone(parsed)
    text = values(parsed, style, ref, "text", tz, None)
    assert text["speakers"] == "Miriam Okoye and Rafael Palacios"
    assert (
        text["speaker_links"]
        == "Miriam Okoye (https://example.edu/~mokoye) and Rafael Palacios (https://people.example.org/rpalacios)"
    )
    assert text["when"] == "Tuesday, November 18, 2025, 3-4 pm ET"
    assert (text["start"], text["end"], text["timezone"]) == ("15:00", "16:00", "ET")
    markdown = values(parsed, style, ref, "markdown", tz, None)
    linked = "[Miriam Okoye](https://example.edu/~mokoye) and [Rafael Palacios](https://people.example.org/rpalacios)"
    assert markdown["who"] == linked + " (Brightwater University)"
    html = values(parsed, style, ref, "html", tz, None)
    assert html["abstract"].startswith("<p>Reduced-order models") and html["abstract"].count("<p>") == 3


def test_html_values_are_escaped() -> None:
    text = read(EXAMPLES / "ml-seminar-2026.md").replace("Graph Transformers for Real-Time", "Graphs & 'Real-Time'")
    parsed = api.parse_page(text, "x.md")
    found = values(parsed, infer_style(parsed), find_talk(parsed, "Marchetti"), "html", series_zone(parsed), None)
    assert found["title"].startswith("Graphs &amp; 'Real-Time' State")


def test_the_next_talk_is_the_first_one_on_or_after_today_that_is_not_cancelled() -> None:
    parsed = page()
    assert next_talk(parsed, date(2026, 11, 6)).date == date(2026, 12, 3)
    assert next_talk(parsed, date(2026, 12, 3)).date == date(2026, 12, 3)
    assert next_talk(parsed, date(2026, 12, 4)).date == date(2026, 12, 17)
    with pytest.raises(SelectorError, match="no talk on or after 2026-12-18"):
        next_talk(parsed, date(2026, 12, 18))


def test_format_from_the_template_name() -> None:
    assert format_of("mail.html", None) == "html"
    assert format_of("post.md", None) == "markdown"
    assert format_of("mail.txt", None) == "text"
    assert format_of(None, None) == "text"
    assert format_of("post.md", "text") == "text"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", target)
    return target


def test_the_command_prints_the_announcement(copy: Path) -> None:
    result = runner.invoke(app, ["announce", str(copy), "--talk", "Okafor", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("**Harbor Valley Machine Learning Seminar Series**\n\n### Closing the Loop")
    assert "- **When:** Thursday, November 5, 2026, 10:00 a.m. - 11 a.m. ET\n" in result.stdout


def test_the_command_reports_template_errors_and_no_talk_ahead(copy: Path, tmp_path: Path) -> None:
    template = tmp_path / "mail.txt"
    template.write_text("Dear all,\n$speeker\n")
    result = runner.invoke(app, ["announce", str(copy), "--today", "2026-11-01", "--template", str(template)])
    assert result.exit_code == 2
    assert f"{template}:2:1: unknown placeholder '$speeker'" in result.stderr
    result = runner.invoke(app, ["announce", str(copy), "--today", "2027-01-01"])
    assert result.exit_code == 2
    assert "no talk on or after 2027-01-01" in result.stderr
    result = runner.invoke(app, ["announce", str(copy), "--template", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2


def test_a_cancelled_talk_is_announced_as_cancelled(tmp_path: Path) -> None:
    text = read(EXAMPLES / "ml-seminar-2026.md").replace("Power Grids**", "Power Grids (canceled)**")
    page = tmp_path / "seminar.md"
    page.write_text(text, encoding="utf-8", newline="")
    for fmt in FORMATS:
        result = runner.invoke(app, ["announce", str(page), "--talk", "Marchetti", "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "cancelled" in result.stdout.lower() and "join us" not in result.stdout
        assert "Thursday, December 3, 2026" in result.stdout
    (tmp_path / "mine.txt").write_text("Join us for $title\n", encoding="utf-8")
    result = runner.invoke(
        app, ["announce", str(page), "--talk", "Marchetti", "--template", str(tmp_path / "mine.txt")]
    )
    assert result.exit_code == 2
    assert f"seminar: {page}: the talk 2026-12-03 Elena Marchetti" in result.stderr and "is cancelled" in result.stderr


def test_a_talk_without_a_date_is_announced_without_empty_parentheses() -> None:
    result = runner.invoke(app, ["announce", str(EXAMPLES / "ml-seminar-2026.md"), "--talk", "Tanabe"])
    assert result.exit_code == 0, result.output
    subject = result.stdout.splitlines()[0]
    assert subject.endswith("Benchmarking Foundation Models on Vibrational Spectroscopy") and "()" not in result.stdout


def test_parentheses_whose_placeholders_are_all_empty_are_left_out() -> None:
    template = "$title ($date) (see $links) (by $who)\n"
    assert fill(template, {"title": "T", "date": "", "links": " ", "who": "Ann"}) == "T (by Ann)\n"

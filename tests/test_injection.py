"""What goes into a page or out of it is escaped for its place: no raw HTML or unsafe link in an announcement,
no formula in a CSV cell, and every value typed reads back as typed, or is refused in the organizer's words."""

from __future__ import annotations

import csv
import io
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke, read

from seminar_cli import api
from seminar_cli.api import read_page
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.errors import WriteRefusedError
from seminar_cli.model import Page, replace

PAGE = read(EXAMPLES / "ml-seminar-2026.md")
ABSTRACT = next(line for line in PAGE.split("\n") if line.startswith("Operators of modern power grids"))
SPEAKER = "<br>Speaker: [Elena Marchetti](https://example.edu/~emarchetti)"
NEW = ["--date", "2027-01-14", "--next"]


def page_with(folder: Path, text: str = PAGE) -> Path:
    path = folder / "seminar.md"
    path.write_text(text, encoding="utf-8")
    return path


def announce(path: Path, fmt: str) -> str:
    code, out, err = invoke("announce", str(path), "--talk", "Marchetti", "--format", fmt)
    assert code == 0, err
    return out


ATTACKS = (
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<a href='javascript:alert(1)'>click</a>",
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "[vb](vbscript:msgbox(1))",
    "![pic](javascript:alert(1))",
    "[tab](java\tscript:alert(1))",
)


class Tags(HTMLParser):
    """The elements and attributes of an HTML text, as a browser would see them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def unsafe(text: str) -> list[str]:
    """What in an HTML text could run code: script-like elements, event attributes, links to scripts."""
    problems = []
    for tag, attrs in Tags(text).found:
        if tag in ("script", "iframe", "object", "embed", "style", "img", "svg", "form"):
            problems.append(tag)
        for name, value in attrs.items():
            target = value.replace("\t", "").strip().lower()
            if name.startswith("on") or (name in ("href", "src") and not target.startswith(("http", "mailto:", "/"))):
                problems.append(f"{tag} {name}={value}")
    return problems


@pytest.mark.parametrize("before", ["", "The talk covers: "])  # raw HTML as a block of its own, and inline
def test_the_html_announcement_shows_raw_html_as_text_and_links_only_safe_targets(before: str, tmp_path: Path) -> None:
    text = PAGE.replace(ABSTRACT, before + " ".join(ATTACKS) + " Plain <em>kept</em>, [safe](https://example.org/).")
    out = announce(page_with(tmp_path, text), "html")
    assert unsafe(out) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    if before:
        assert "<em>kept</em>" in out and '<a href="https://example.org/">safe</a>' in out


@pytest.mark.parametrize("target", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", " JavaScript:alert(1)"])
def test_a_speaker_link_from_the_page_that_is_not_safe_is_no_link(target: str, tmp_path: Path) -> None:
    path = page_with(tmp_path, PAGE.replace(SPEAKER, f"<br>Speaker: [Elena Marchetti]({target.strip()})"))
    html, markdown = announce(path, "html"), announce(path, "markdown")
    assert "Elena Marchetti" in html and "href=" not in html.split("Marchetti")[0].rsplit("<p>", 1)[-1]
    assert "Elena Marchetti" in markdown and target.strip() not in markdown


@pytest.mark.parametrize(
    ("option", "url"),
    [
        ("--speaker-url", "javascript:alert(1)"),
        ("--speaker-url", 'https://x.org/"><script>alert(1)</script>'),
        ("--photo", 'https://x.org/a.jpg" onerror="alert(1)'),
        ("--speaker-url", "https://x.org/a b"),
        ("--speaker-url", "https://x.org/wiki/Foo_(bar"),
        ("--speaker-url", "data:image/png;base64,AAAA"),
    ],
)
def test_a_typed_link_that_is_unsafe_or_would_break_its_markup_is_refused(
    option: str, url: str, tmp_path: Path
) -> None:
    path = page_with(tmp_path)
    code, _, err = invoke("add-talk", str(path), *NEW, "--speaker", "Ann Lee", option, url)
    assert code == 2 and err.count("\n") == 1 and option in err
    assert path.read_text() == PAGE


@pytest.mark.parametrize("url", ['https://x.org/"><script>alert(1)</script>', "javascript:alert(1)", "vbscript:x"])
def test_add_link_refuses_an_unsafe_or_breaking_url(url: str, tmp_path: Path) -> None:
    path = page_with(tmp_path)
    code, _, err = invoke("add-link", str(path), "--talk", "Okafor", "--recording", url)
    assert code == 2 and "--recording" in err
    assert path.read_text() == PAGE


def test_links_with_balanced_parentheses_and_relative_links_are_written_as_typed(tmp_path: Path) -> None:
    path = page_with(tmp_path)
    wiki = "https://en.wikipedia.org/wiki/Foo_(bar)"
    assert invoke("update-talk", str(path), "--talk", "Delacroix", "--speaker", "Marcus Delacroix",
                  "--speaker-url", wiki)[0] == 0  # fmt: skip
    talk = next(talk for _, talk in read_page(str(path)).talks() if "Delacroix" in talk.speakers[0].name)
    assert [(speaker.name, speaker.url) for speaker in talk.speakers] == [("Marcus Delacroix", wiki)]
    assert talk.affiliation == "Department of Earth System Science, Northfield Institute of Technology"
    assert invoke("add-link", str(path), "--talk", "Okafor", "--slides", "slides/okafor.pdf")[0] == 0
    assert "[slides](slides/okafor.pdf)" in path.read_text() or "(slides/okafor.pdf)" in path.read_text()


FORMULAS = ('=HYPERLINK("https://x.org","x")', "+1+1", "-2+3", "@SUM(A1)", "=1+1", "\t=1+1", "=cmd|' /C calc'!A0")


@pytest.mark.parametrize("payload", FORMULAS)
def test_csv_cells_never_start_a_formula(payload: str, tmp_path: Path) -> None:
    text = PAGE.replace("| 12-17-2026 | Virtual | Daniel Ashworth | Silverlake Applied Physics Laboratory | TBD |",
                        f"| 12-17-2026 | {payload} | {payload} | {payload} | {payload} |")  # fmt: skip
    code, out, _ = invoke("export", str(page_with(tmp_path, text)), "--format", "csv")
    assert code == 0
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any(cell.startswith("'" + payload.strip()[:2]) for cell in cells)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\v", "\f", "\x1c", "\x1f", "\x00", "\x7f", "\t"])
@pytest.mark.parametrize("option", ["--speaker", "--title", "--affiliation", "--location"])
def test_one_line_values_refuse_every_line_separator_and_control_character(option: str, char: str,
                                                                           tmp_path: Path) -> None:  # fmt: skip
    path = page_with(tmp_path)
    values = {"--speaker": "Ann Lee", "--title": "Graphs", "--affiliation": "State U", "--location": "Room 1"}
    values[option] = f"Ann{char}Lee"
    args = [part for key, value in values.items() for part in (key, value)]
    code, _, err = invoke("add-talk", str(path), *NEW, *args)
    assert code == 2 and f"{option} must be one line" in err and f"U+{ord(char):04X}" in err
    assert path.read_text() == PAGE


TITLES = (
    "Cancelled: Graphs", "Canceled - Graphs", "Graphs (cancelled)", "Graphs [canceled]", "~~Graphs~~", "**bold",
    "A **C**", "bold*", "*lead", "x ** y", "__init__ files", "`code` & <b>tags</b> | pipes", "50% #1 [draft]",
)  # fmt: skip


@pytest.mark.parametrize("title", TITLES)
def test_any_title_typed_is_written_and_reads_back_as_typed(title: str, tmp_path: Path) -> None:
    path = page_with(tmp_path)
    code, _, err = invoke("add-talk", str(path), *NEW, "--speaker", "Ann Lee", "--title", title)
    assert code == 0, err
    page = read_page(str(path))
    talk = next(talk for _, talk in page.talks() if talk.when and talk.when.date and talk.when.date.year == 2027)
    row = next(entry for entry in page.schedule.entries if entry.date and entry.date.year == 2027)  # type: ignore[union-attr]
    assert (talk.title, talk.cancelled) == (title, False)
    assert (row.title, row.cancelled, row.struck) == (title, False, False)
    code, out, _ = invoke("export", str(path))
    event = out.split("20270114T")[1].split("END:VEVENT")[0]
    assert "STATUS:CANCELLED" not in event


@pytest.mark.parametrize("name", ["X;Y,Z\\W", "A &#124; B", "Smith, Jr.", "Ann & Bo", "R&D <br> Lab", "Dr. O'Neil"])
def test_one_speaker_typed_is_one_speaker_in_row_and_block(name: str, tmp_path: Path) -> None:
    path = page_with(tmp_path)
    code, _, err = invoke("add-talk", str(path), *NEW, "--title", "Graphs", "--speaker", name)
    assert code == 0, err
    page = read_page(str(path))
    talk = next(talk for _, talk in page.talks() if talk.title == "Graphs")
    row = next(entry for entry in page.schedule.entries if entry.title == "Graphs")  # type: ignore[union-attr]
    assert [speaker.name for speaker in talk.speakers] == [name]
    assert [speaker.name for speaker in row.speakers] == [name]


def test_a_speaker_value_naming_two_speakers_is_refused_in_words(tmp_path: Path) -> None:
    path = page_with(tmp_path)
    code, _, err = invoke("add-talk", str(path), *NEW, "--speaker", "Ann Lee and Bo Chen")
    assert code == 2 and "would read back as 2 speakers" in err and "'Ann Lee' and 'Bo Chen'" in err
    assert "one --speaker for each speaker" in err
    assert path.read_text() == PAGE


def test_a_refusal_speaks_of_the_page_not_of_its_data(tmp_path: Path) -> None:
    path = page_with(tmp_path)

    def forgetting(page: Page, style: PageStyle) -> Edit:
        section, talk = page.talks()[0]
        wrong = replace(talk, speakers=())
        items = tuple(wrong if item is talk else item for item in section.items)
        sections = tuple(replace(section, items=items) if other is section else other for other in page.sections)
        return Edit(replace(page, sections=sections), "forgot the speaker")

    with pytest.raises(WriteRefusedError) as refused:
        api.edit_file(str(path), forgetting, write=True)
    message = str(refused.value)
    assert "the speakers of the talk 'Graph Transformers" in message and "'Elena Marchetti'" in message
    assert "{" not in message and "[" not in message and "None" not in message
    assert path.read_text() == PAGE


def test_standard_input_for_an_abstract_is_bounded(tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", tmp_path / "seminar.md")
    from typer.testing import CliRunner

    from seminar_cli.cli.app import app

    args = ["add-talk", str(tmp_path / "seminar.md"), "--date", "2027-01-14", "--speaker", "A", "--abstract-file", "-"]
    result = CliRunner().invoke(app, args, input="x" * (64 * 1024 * 1024 + 1))
    assert result.exit_code == 2 and "size limit" in result.stderr

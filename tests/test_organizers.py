"""organizers add/remove: every row keeps the header's width; removing what was added gives the page back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke, read, shared_pages
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from seminar_cli import api
from seminar_cli.edit.organizers import NewOrganizer, add, initials, listing, remove
from seminar_cli.errors import PageSyntaxError
from seminar_cli.model import Page

runner = CliRunner()
PAGES = [path for path in [*sorted(EXAMPLES.glob("*.md")), *shared_pages()] if "# Organization" in read(path)]
PERSON = NewOrganizer(
    "Tomás Ruiz", ("Research Scientist", "Imaging Group"), "https://p.example/t.png", "https://p.example/t"
)


def widths(page: Page) -> set[int]:
    assert page.organization is not None
    table = page.organization.table
    return {len(row.cells) for row in (table.header, table.delimiter, *table.rows)}


def added(text: str, person: NewOrganizer, position: int | None) -> str:
    return api.edit_text(text, lambda page, style: add(page, style, person, position)).after


def removed(text: str, name: str) -> str:
    return api.edit_text(text, lambda page, style: remove(page, style, name)).after


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_adding_at_every_position_keeps_every_row_as_wide_as_the_header(path: Path) -> None:
    text = read(path)
    names = [person.name for person in listing(api.parse_page(text))]
    for position in range(1, len(names) + 2):
        after = added(text, PERSON, position)
        page = api.parse_page(after)
        assert widths(page) == {len(names) + 1}
        new_names = [person.name for person in listing(page)]
        assert new_names == [*names[: position - 1], "Tomás Ruiz", *names[position - 1 :]]
        assert listing(page)[position - 1].caption == ("Tomás Ruiz", "Research Scientist", "Imaging Group")
        assert listing(page)[position - 1].url == "https://p.example/t"
        assert removed(after, "Tomás Ruiz") == text


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_removing_each_organizer(path: Path) -> None:
    text = read(path)
    people = listing(api.parse_page(text))
    for person in people:
        page = api.parse_page(removed(text, person.name))
        assert widths(page) == {len(people) - 1}
        assert listing(page) == tuple(other for other in people if other is not person)


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüñ .'-", min_size=1, max_size=12).map(
    lambda text: "Zq" + text.strip()
)
roles = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,&()", min_size=1, max_size=20), max_size=3)


@given(name=names, lines=roles, position=st.integers(min_value=1, max_value=4))
def test_remove_undoes_add(name: str, lines: list[str], position: int) -> None:
    text = read(EXAMPLES / "reading-group-2025.md")
    person = NewOrganizer(
        name, tuple(line for line in lines if line.strip()), "https://p.example/x.jpg", "https://p.example/x"
    )
    after = added(text, person, position)
    page = api.parse_page(after)
    assert widths(page) == {4}
    assert listing(page)[position - 1].name == " ".join(name.split())
    assert removed(after, name) == text


def test_initials_follow_the_neighbours() -> None:
    assert initials("Pei Zhang") == "PZ" and initials("Tomás de la Ruiz") == "TDLR"
    after = added(read(EXAMPLES / "reading-group-2025.md"), PERSON, None)
    assert '<a href="https://p.example/t">![TR](https://p.example/t.png)</a>' in after
    after = added(read(EXAMPLES / "ml-seminar-2026.md"), PERSON, None)
    assert "[![Tomás Ruiz](https://p.example/t.png)](https://p.example/t)" in after


RAGGED = """# Schedule

| Date | Name |
| --- | --- |

# Organization

| | |
| --- | --- |
| ![A](a.png) | ![B](b.png) |
| Ann <br> Chair | Bo <br> Member | extra |
"""


def test_a_ragged_table_is_an_error_naming_the_row() -> None:
    with pytest.raises(PageSyntaxError) as raised:
        add(api.parse_page(RAGGED, "x.md"), None, PERSON, None)  # type: ignore[arg-type]
    assert raised.value.line == 11 and "3 cells but its header has 2" in raised.value.message


@pytest.fixture
def page(ml_page: Path) -> Path:
    """Our current-markup example page, copied to edit."""
    return ml_page


def test_command_refusals(page: Path, tmp_path: Path) -> None:
    before = page.read_bytes()
    code, _, err = invoke("organizers", str(page), "add", "--name", "Ann Lee")
    assert code == 2 and "--photo" in err
    code, _, err = invoke("organizers", str(page), "add", "--name", "Ann Lee", "--photo", "https://p/a.png")
    assert code == 2 and "needs --url" in err
    code, _, err = invoke(
        "organizers", str(page), "add", "--name", "Ann", "--photo", "p.png", "--url", "u", "--position", "9"
    )
    assert code == 2 and "from 1 to 4" in err
    code, _, err = invoke("organizers", str(page), "remove", "--name", "Nobody")
    assert code == 2 and "the organizers are: Rosalind Achterberg, Kwame Mensah, Lucia Ferreira" in err
    assert page.read_bytes() == before
    lone = tmp_path / "lone.md"
    lone.write_text(
        RAGGED.replace(" | ![B](b.png) |", " |")
        .replace(" | Bo <br> Member | extra |", " |")
        .replace("| | |\n| --- | --- |", "| |\n| --- |")
    )
    code, _, err = invoke("organizers", str(lone), "remove", "--name", "Ann")
    assert code == 2 and "the only organizer" in err
    none = tmp_path / "none.md"
    none.write_text("# Schedule\n\n| Date | Name |\n| --- | --- |\n")
    code, _, err = invoke("organizers", str(none))
    assert code == 2 and "no Organization section" in err


def test_add_and_remove_on_the_command_line(page: Path) -> None:
    before = page.read_bytes()
    code, out, _ = invoke(
        "organizers", str(page), "add", "--name", "Tomás Ruiz", "--role", "Research Scientist",
        "--photo", "https://p.example/t.png", "--url", "https://p.example/t", "--position", "1",
    )  # fmt: skip
    assert code == 0 and "added Tomás Ruiz to the organizers (column 1 of 4)" in out
    code, out, _ = invoke("organizers", str(page), "list")
    assert code == 0 and out.splitlines()[4].startswith("  Tomás Ruiz ")
    code, out, _ = invoke("organizers", str(page), "remove", "--name", "ruiz", "--check")
    assert code == 1
    assert invoke("organizers", str(page), "remove", "--name", "ruiz")[0] == 0
    assert page.read_bytes() == before

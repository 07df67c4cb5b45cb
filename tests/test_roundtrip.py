"""Every page parses and writes back byte for byte: the first promise of the page model."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED, our_pages, read, shared_pages

from seminar_cli.api import parse_page, render_page
from seminar_cli.files import read_text, write_atomic

PAGES = our_pages()
SHARED_PAGES = shared_pages()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_our_pages_round_trip(path: Path) -> None:
    text = read(path)
    assert render_page(parse_page(text, str(path))) == text


@pytest.mark.skipif(not SHARED_PAGES, reason=f"{SHARED} is absent: the real pages live outside this repository")
@pytest.mark.parametrize("path", SHARED_PAGES, ids=lambda path: path.name)
def test_shared_pages_round_trip(path: Path) -> None:
    text = read(path)
    assert render_page(parse_page(text, str(path))) == text


@pytest.mark.parametrize("path", PAGES + SHARED_PAGES, ids=lambda path: path.name)
def test_file_bytes_round_trip(path: Path, tmp_path: Path) -> None:
    """Read the file as bytes, parse, render, write atomically: the bytes are the same."""
    original = path.read_bytes()
    copy = tmp_path / path.name
    copy.write_bytes(original)
    page = parse_page(read_text(str(copy)), str(copy))
    write_atomic(str(copy), render_page(page))
    assert copy.read_bytes() == original


def test_fixtures_cover_the_hard_byte_cases() -> None:
    """The fixtures really hold what their names promise (so the round trips above mean something)."""
    from conftest import DATA

    assert all(line.endswith(b"\r\n") for line in (DATA / "crlf.md").read_bytes().splitlines(keepends=True))
    mixed = (DATA / "mixed-endings.md").read_bytes()
    assert b"\r\n" in mixed and mixed.count(b"\n") > mixed.count(b"\r\n")
    assert not (DATA / "no-final-newline.md").read_bytes().endswith(b"\n")
    assert (DATA / "bom.md").read_bytes().startswith(b"\xef\xbb\xbf---")
    tabs = (DATA / "tabs-and-trailing.md").read_bytes()
    assert b"\t" in tabs and b" \n" in tabs
    assert any(ord(char) > 0x2E80 for char in read(DATA / "non-ascii.md"))


@pytest.mark.parametrize("name", ["crlf.md", "mixed-endings.md", "no-final-newline.md", "bom.md"])
def test_byte_variants_read_the_same_talks(name: str) -> None:
    """The same page with CRLF, mixed endings, no final newline or a BOM says the same thing."""
    from conftest import DATA

    from seminar_cli.outputs.data import page_data

    base = read(DATA / "crlf.md").replace("\r\n", "\n")
    expected = page_data(parse_page(base), lines=False)
    actual = page_data(parse_page(read(DATA / name)), lines=False)
    assert actual["talks"] == expected["talks"]
    assert actual["schedule"] == expected["schedule"]
    assert actual["talks"][0]["title"] == "Calibrated Uncertainty for Streamflow Forecasts"


def test_keeps_the_bom_and_line_endings() -> None:
    from conftest import DATA

    bom = parse_page(read(DATA / "bom.md"))
    assert bom.bom == "\ufeff"
    assert parse_page(read(DATA / "crlf.md")).newline == "\r\n"


def test_a_page_joins_back_to_its_text_and_to_no_other() -> None:
    from seminar_cli.text.render import joins_back

    text = read(Path(__file__).parent.parent / "examples" / "ml-seminar-2026.md")
    page = parse_page(text)
    assert joins_back(page, text)
    for other in (text[:-1], text + "\n", text.replace("Past", "Pest", 1), "", "x" + text[1:]):
        assert not joins_back(page, other)


def test_a_page_whose_last_section_is_a_heading_alone_joins_back() -> None:
    from seminar_cli.text.render import joins_back

    text = read(Path(__file__).parent.parent / "examples" / "ml-seminar-2026.md") + "\n# Organizers\n"
    page = parse_page(text)
    assert page.sections[-1].heading is not None and not page.sections[-1].items
    assert joins_back(page, text) and render_page(page) == text
    for other in (text[:-1], text + "\n", text.replace("# Organizers", "# Organisers")):
        assert not joins_back(page, other)

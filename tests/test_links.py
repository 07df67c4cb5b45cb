"""add-link: where links go on each kind of page, idempotence, refusals. Whole-page results are golden cases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke, read, shared_page
from typer.testing import CliRunner

from seminar_cli import api
from seminar_cli.edit.links import add_link, link_style
from seminar_cli.read.refs import find_talk

runner = CliRunner()


def copy_of(tmp_path: Path, source: Path, name: str = "seminar.md") -> Path:
    target = tmp_path / name
    shutil.copyfile(source, target)
    return target


def test_link_style_of_each_kind_of_page() -> None:
    tutorial = link_style(api.parse_page(read(EXAMPLES / "tutorial-series-2025.md")))
    assert tutorial.in_blocks == {"slides"} and not tutorial.row_titles
    assert tutorial.line is not None and tutorial.line.prefix == "> "
    reading = link_style(api.parse_page(read(EXAMPLES / "reading-group-2025.md")))
    assert reading.line is None and reading.row_titles


def test_adding_the_same_link_twice_changes_nothing(tmp_path: Path) -> None:
    page = copy_of(tmp_path, EXAMPLES / "tutorial-series-2025.md")
    url = "https://video.example.org/dsi-tutorials/2025-09-25"
    assert invoke("add-link", str(page), "--talk", "Bello", "--recording", url)[0] == 0
    once = page.read_bytes()
    code, out, _ = invoke("add-link", str(page), "--talk", "Bello", "--recording", url)
    assert code == 0 and "unchanged" in out and "already links its recording" in out
    assert page.read_bytes() == once
    assert invoke("add-link", str(page), "--talk", "Bello", "--recording", url, "--check")[0] == 0


def test_a_new_url_replaces_the_old_one_with_a_note(tmp_path: Path) -> None:
    page = copy_of(tmp_path, EXAMPLES / "tutorial-series-2025.md")
    code, _, err = invoke("add-link", str(page), "--talk", "Haddad", "--slides", "https://files.example.org/v2.pdf")
    assert code == 0
    assert "note: replaced the slides link https://files.example.org/dsi-tutorials/2025-11-20" in err
    text = page.read_text()
    assert "> [slides](https://files.example.org/v2.pdf)\n" in text and "2025-11-20-gp-experimental" not in text


def test_check_and_dry_run_write_nothing(tmp_path: Path) -> None:
    page = copy_of(tmp_path, EXAMPLES / "ml-seminar-2026.md")
    before = page.read_bytes()
    assert invoke("add-link", str(page), "--talk", "Okafor", "--slides", "https://x.example/s.pdf", "--check")[0] == 1
    code, out, err = invoke(
        "add-link", str(page), "--talk", "Okafor", "--slides", "https://x.example/s.pdf", "--dry-run"
    )
    assert code == 0 and "+> [slides](https://x.example/s.pdf)" in out
    assert "note: the page shows no link lines yet" in err
    assert page.read_bytes() == before


def test_refusals(tmp_path: Path) -> None:
    page = copy_of(tmp_path, EXAMPLES / "ml-seminar-2026.md")
    before = page.read_bytes()
    code, _, err = invoke("add-link", str(page), "--talk", "Okafor")
    assert code == 2 and "nothing to add" in err
    code, _, err = invoke("add-link", str(page), "--talk", "Okafor", "--slides", "not a url")
    assert code == 2 and "is not a URL" in err
    code, _, err = invoke("add-link", str(page), "--talk", "Ashworth", "--slides", "https://x.example/s.pdf")
    assert code == 2 and "has no place for the slides" in err
    code, _, err = invoke("add-link", str(page), "--talk", "Ashworth", "--recording", "https://x.example/r")
    assert code == 2 and "the row's title is 'TBD'" in err
    assert invoke("cancel", str(page), "--talk", "Okafor")[0] == 0
    cancelled = page.read_bytes()
    code, _, err = invoke("add-link", str(page), "--talk", "Okafor", "--recording", "https://x.example/r")
    assert code == 2 and "was cancelled" in err
    assert page.read_bytes() == cancelled != before


def test_a_page_that_links_recordings_both_ways_gets_both(tmp_path: Path) -> None:
    text = read(EXAMPLES / "tutorial-series-2025.md")
    text = text.replace(
        "| 08/21/2025 | Getting Started with JAX for Scientific Computing |",
        "| 08/21/2025 | [Getting Started with JAX for Scientific Computing](https://video.example.org/jax) |",
    )
    text = text.replace(
        "> [slides](https://files.example.org/dsi-tutorials/2025-08-21-jax-intro.pdf)\n",
        "> [slides](https://files.example.org/dsi-tutorials/2025-08-21-jax-intro.pdf)\n> [recording](https://video.example.org/jax)\n",
    )
    page = api.parse_page(text, "t.md")
    result = api.edit_text(
        text, lambda p, s: add_link(p, s, find_talk(p, "Bello"), "recording", "https://v.example/uq"), "t.md"
    )
    assert result.summary.endswith("to its block and schedule row")
    assert "> [recording](https://v.example/uq)\n" in result.after
    assert (
        "| [Uncertainty Quantification with Deep Ensembles and Conformal Prediction](https://v.example/uq) |"
        in result.after
    )
    assert page.path == "t.md"


NO_FINAL_NEWLINE = """---
title: Harbor Reading Circle
permalink: /events/circle-2026/
---

# Past Presentations

**Sparse Models**
<br>Time: 03/05/2026, 1:00 PM - 2:00 PM (ET)
<br>[Ann Lee](https://example.org/ann)

**Abstract**

Sparse models, briefly."""


@pytest.mark.parametrize("links", ["", "\n\n> [slides](https://example.org/s.pdf)"])
def test_a_page_without_a_final_newline_keeps_it_missing(links: str) -> None:
    text = NO_FINAL_NEWLINE + links
    result = api.edit_text(text, lambda p, s: add_link(p, s, find_talk(p, "Lee"), "recording", "https://v.example/r"))
    assert result.after.endswith("[recording](https://v.example/r)")
    assert result.after.startswith(text.rstrip() + "\n")


def test_the_oldest_real_page_links_the_rows_title(tmp_path: Path) -> None:
    page = copy_of(tmp_path, shared_page("ai-seminar-2023.md"))
    code, _, err = invoke("add-link", str(page), "--talk", "Malin", "--slides", "https://x.example/s.pdf")
    assert code == 2 and "has only its schedule row" in err
    code, _, err = invoke("add-link", str(page), "--talk", "Malin", "--recording", "https://x.example/r")
    assert code == 2 and "TBA" in err

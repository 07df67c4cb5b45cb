"""Composing new text: a table cell's value is escaped once, whatever it held."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from seminar_cli.api import parse_page
from seminar_cli.edit import compose
from seminar_cli.edit.compose import cell_text, escape_cell
from seminar_cli.text.tables import parse_row


def test_a_pipe_is_escaped_once() -> None:
    assert escape_cell("A | B") == "A \\| B"
    assert escape_cell("A \\| B") == "A \\| B"  # already escaped: left alone
    assert escape_cell("A \\\\| B") == "A \\\\\\| B"  # an escaped backslash before a bare pipe
    assert cell_text("Graphs | Grids") == "Graphs \\| Grids"
    assert cell_text("**bold** | x") == "\\*\\*bold\\*\\* \\| x"


@given(st.text(alphabet=st.sampled_from(["a", " ", "|", "\\", "*", "[", "]"]), max_size=20))
def test_escaping_a_cell_is_idempotent_and_keeps_one_cell(markdown: str) -> None:
    once = escape_cell(markdown)
    assert escape_cell(once) == once
    assert len(parse_row(f"| {once} |\n").cells) == 1


@given(st.lists(st.booleans(), max_size=12))
def test_the_sentence_per_line_vote_stops_only_when_it_is_settled(votes: list[bool]) -> None:
    """Reading the lines until the vote is settled gives the vote of every line."""
    from seminar_cli.edit import style

    lines = "".join("One sentence here.\n" if vote else "One sentence. And another one.\n" for vote in votes)
    page = parse_page(f"# Next Presentation\n\n**A talk**\n<br>Speaker: Ann Lee\n\n**Abstract**\n{lines}")
    assert style._sentence_per_line(page) == (votes.count(True) > votes.count(False))


@given(st.text(alphabet=st.sampled_from(["a", " ", "|", "\\", "*", "[", "]", "!", "~", "#", "é"]), max_size=30))
def test_the_escapes_write_what_their_templates_wrote(text: str) -> None:
    """Functions stand for the replacement templates (`re` would have to load to read a template)."""
    assert escape_cell(text) == re.sub(r"(?<!\\)((?:\\\\)*)\|", r"\1\\|", text)
    assert compose._spellings(text) == (
        text,
        re.sub(r"([\\`*_\[\]<>~|#&])", r"\\\1", text),
        re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text),
    )

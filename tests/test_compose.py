"""Composing new text: a table cell's value is escaped once, whatever it held."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
    assert len(parse_row(f"| {once} |\n", 1).cells) == 1

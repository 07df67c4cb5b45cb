"""The lossless layer: which lines make one block, of which kind, and headings read off a line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seminar_cli.text.blocks import heading_of, layout, segment
from seminar_cli.text.lines import body, split_lines


def blocks(text: str) -> list[tuple[str, str, int]]:
    """Kind, text and first line of each block of `text`; the texts join back to it."""
    found = segment(text)
    assert (
        found.bom
        + (found.front_matter.text if found.front_matter else "")
        + "".join(block.text for block in found.blocks)
        == text
    )
    return [(block.kind, block.text, block.line) for block in found.blocks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<pre>\nx\n\ny\n</PRE>\nafter\n", [("html", "<pre>\nx\n\ny\n</PRE>\n", 1), ("paragraph", "after\n", 6)]),
        ("<PRE>a</pre>\nnext\n", [("html", "<PRE>a</pre>\n", 1), ("paragraph", "next\n", 2)]),
        ("<style>\na { }\n", [("html", "<style>\na { }\n", 1)]),
        ("<div>\na\n\nb\n", [("html", "<div>\na\n", 1), ("blank", "\n", 3), ("paragraph", "b\n", 4)]),
        ("</td>\nx\n", [("html", "</td>\nx\n", 1)]),
        ("<divider>\n", [("paragraph", "<divider>\n", 1)]),
    ],
)
def test_html_blocks_end_at_their_closing_tag_in_any_case_or_at_a_blank_line(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert blocks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!-- a -->\npara\n", [("comment", "<!-- a -->\n", 1), ("paragraph", "para\n", 2)]),
        ("<!--\nx\n-->\ny\n", [("comment", "<!--\nx\n-->\n", 1), ("paragraph", "y\n", 4)]),
        ("<!-->\nx -->\n", [("comment", "<!-->\nx -->\n", 1)]),
        ("<!-- open\n", [("comment", "<!-- open\n", 1)]),
        ("<!---->\nx\n", [("comment", "<!---->\n", 1), ("paragraph", "x\n", 2)]),
        ("<!-- a --> <!-- b\nnext\n", [("comment", "<!-- a --> <!-- b\n", 1), ("paragraph", "next\n", 2)]),
        ("x <!-- -->\n", [("paragraph", "x <!-- -->\n", 1)]),
    ],
)
def test_a_comment_runs_to_the_first_close_after_its_opening(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert blocks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```\ncode\n~~~\n```\nafter\n", [("fence", "```\ncode\n~~~\n```\n", 1), ("paragraph", "after\n", 5)]),
        ("````\n```\n````\nz\n", [("fence", "````\n```\n````\n", 1), ("paragraph", "z\n", 4)]),
        ("~~~\n~~~~  \nz\n", [("fence", "~~~\n~~~~  \n", 1), ("paragraph", "z\n", 3)]),
        ("~~~\nno close\n", [("fence", "~~~\nno close\n", 1)]),
    ],
)
def test_a_fence_closes_with_as_many_of_its_marks_or_more(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert blocks(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("#### Schedule", (4, "Schedule")),
        ("# Part X", (1, "Part X")),
        ("## Appendix X ##", (2, "Appendix X")),
        ("# Xavier's talk", (1, "Xavier's talk")),
        ("# A #\u00a0", (1, "A #")),  # a closing sequence is followed by spaces or tabs only
        ("# A #", (1, "A")),
        ("## B ##  ", (2, "B")),
        ("### C#", (3, "C")),
        ("#\tTab", (1, "Tab")),
        ("   # three", (1, "three")),
        ("# ", (1, "")),
        ("##", (2, "")),
        ("    # four", None),
        ("####### seven", None),
        ("#5 not", None),
    ],
)
def test_heading_of(line: str, expected: tuple[int, str] | None) -> None:
    assert heading_of(line) == expected
    assert (blocks(line + "\n")[0][0] == "heading") is (expected is not None)


@pytest.mark.parametrize(
    ("text", "front", "rest"),
    [
        ("---\ntitle: x\n---\nbody\n", "---\ntitle: x\n---\n", [("paragraph", "body\n", 4)]),
        ("---  \ntitle: x\n...\nbody\n", "---  \ntitle: x\n...\n", [("paragraph", "body\n", 4)]),
        ("---\n---\nbody\n", "---\n---\n", [("paragraph", "body\n", 3)]),
        ("---\na: b\n ---\nc: d\n--- \nbody\n", "---\na: b\n ---\nc: d\n--- \n", [("paragraph", "body\n", 6)]),
        ("---\nnot closed\n", None, [("separator", "---\n", 1), ("paragraph", "not closed\n", 2)]),
        (
            "\n---\na: b\n---\n",
            None,
            [("blank", "\n", 1), ("separator", "---\n", 2), ("paragraph", "a: b\n", 3), ("separator", "---\n", 4)],
        ),
        ("", None, []),
    ],
)
def test_front_matter_is_only_at_the_top_and_closed(
    text: str, front: str | None, rest: list[tuple[str, str, int]]
) -> None:
    found = segment(text)
    assert (found.front_matter.text if found.front_matter else None) == front
    assert found.front_matter is None or (found.front_matter.kind, found.front_matter.line) == ("front_matter", 1)
    assert blocks(text) == rest


def test_the_bom_stays_apart_from_the_front_matter() -> None:
    found = segment("\ufeff---\na: b\n---\n")
    assert found.bom == "\ufeff" and found.front_matter is not None and found.front_matter.text == "---\na: b\n---\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b\n--- | ---\n1 | 2\n\nafter\n", [("table", "a | b\n--- | ---\n1 | 2\n", 1), ("blank", "\n", 4),
                                                 ("paragraph", "after\n", 5)]),
        ("a | b\n:--|--:\n1 | 2\nno pipe\n", [("table", "a | b\n:--|--:\n1 | 2\n", 1), ("paragraph", "no pipe\n", 4)]),
        ("a | b\n--- | ---\nno pipe\n", [("table", "a | b\n--- | ---\n", 1), ("paragraph", "no pipe\n", 3)]),
        ("a | b\n--- | ---", [("table", "a | b\n--- | ---", 1)]),
        ("a | b | c\n--- | ---\n", [("paragraph", "a | b | c\n--- | ---\n", 1)]),
        ("a\n---|---\n", [("paragraph", "a\n---|---\n", 1)]),
        ("a | b\n", [("paragraph", "a | b\n", 1)]),
        ("| a |\n<!-- c -->\n| b |\n<!-- d -->\nafter\n", [("table", "| a |\n<!-- c -->\n| b |\n", 1),
                                                         ("comment", "<!-- d -->\n", 4), ("paragraph", "after\n", 5)]),
        ("| a |\n<!-- c -->\n", [("table", "| a |\n", 1), ("comment", "<!-- c -->\n", 2)]),
        ("| a |\n| b |", [("table", "| a |\n| b |", 1)]),
        ("| a |\n| b |\nafter\n", [("table", "| a |\n| b |\n", 1), ("paragraph", "after\n", 3)]),
        ("| a |\n<!-- c -->\n| b |\n", [("table", "| a |\n<!-- c -->\n| b |\n", 1)]),
    ],
)  # fmt: skip
def test_tables_with_and_without_outer_pipes(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert blocks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> q\n> r\ns\n", [("quote", "> q\n> r\n", 1), ("paragraph", "s\n", 3)]),
        ("para\n# head\n", [("paragraph", "para\n", 1), ("heading", "# head\n", 2)]),
        ("# head\npara\n", [("heading", "# head\n", 1), ("paragraph", "para\n", 2)]),
        ("para\n    # code?\n", [("paragraph", "para\n    # code?\n", 1)]),
        ("* * *\n- - -\n", [("separator", "* * *\n", 1), ("separator", "- - -\n", 2)]),
        ("__\n", [("paragraph", "__\n", 1)]),
        ("p1\np2\n\n\n\np3", [("paragraph", "p1\np2\n", 1), ("blank", "\n\n\n", 3), ("paragraph", "p3", 6)]),
    ],
)
def test_quotes_separators_and_paragraphs(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert blocks(text) == expected


_PIECES = ["\n", "\r\n", "\r", " ", "---", "| a | b |", "|---|---|", "# H", "<!--", "-->", "<div>", "```", "\ufeff"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_layout_says_where_each_block_and_line_is(text: str) -> None:
    """Blocks and lines cut from the layout's offsets are the text's own, line by line (CR, CRLF, a BOM)."""
    found = layout(text)
    lines = found.lines()
    assert list(lines) == [body(line) for line in split_lines(text)] == [lines[i] for i in range(len(lines))]
    assert len(lines) == len(split_lines(text))
    cut = segment(text)
    every = ([cut.front_matter] if cut.front_matter else []) + list(cut.blocks)
    assert [found.block(index) for index in range(len(found.kinds))] == every
    assert list(found.kinds) == [block.kind for block in every] == [found.kinds[i] for i in range(len(every))]
    assert found.kinds == layout(text + "").kinds and (not every or found.kinds[-1] == every[-1].kind)
    for index, block in enumerate(every):
        assert found.end(index) - found.line(index) == len(split_lines(block.text))


def test_a_line_view_reads_from_either_end_and_stops() -> None:
    lines = layout("\ufeffa\r\nb\nc").lines()
    assert (lines[0], lines[1], lines[-1], lines[-3]) == ("\ufeffa", "b", "c", "\ufeffa")
    with pytest.raises(IndexError):
        lines[3]
    with pytest.raises(IndexError):
        lines[-4]


@given(
    st.text(alphabet=" \t\u3000\u00a0`~x\n", max_size=12),
    st.sampled_from(["```", "````", "~~~", "~~~~~"]),
)
def test_a_fence_closes_as_commonmark_s_closing_line_reads(line: str, fence: str) -> None:
    from seminar_cli.text.blocks import _closes

    pattern = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
    assert _closes(line, fence) == bool(pattern.match(line))

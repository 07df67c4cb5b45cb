"""The `--dry-run` diff: a correct unified diff whatever the change, found without diffing what both texts share."""

from __future__ import annotations

import difflib
import re

from hypothesis import given
from hypothesis import strategies as st

from seminar_cli.cli.terminal import unified_diff

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply(before: str, diff: str) -> str:
    """`before` patched by a unified diff (with its `\\ No newline at end of file` marks)."""
    old = before.splitlines(keepends=True)
    out: list[str] = []
    at = 0
    lines = diff.splitlines(keepends=True)[2:]
    index = 0
    while index < len(lines):
        match = _HUNK.match(lines[index])
        assert match, lines[index]
        start = int(match.group(1)) - (0 if match.group(2) == "0" else 1)
        out.extend(old[at:start])
        at = start
        index += 1
        while index < len(lines) and not lines[index].startswith("@@"):
            line = lines[index]
            text = line[1:]
            if index + 1 < len(lines) and lines[index + 1].startswith("\\ No newline"):
                text = text.rstrip("\n")
                index += 1
            if line[0] in " -":
                assert old[at] == text, (old[at], text)
                at += 1
            if line[0] in " +":
                out.append(text)
            index += 1
    return "".join(out + old[at:])


texts = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "| x |\n", "\n"]), max_size=40).map("".join)


@given(texts, st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["insert", "delete", "change"])), max_size=4),
       st.booleans())  # fmt: skip
def test_the_diff_turns_the_old_text_into_the_new(before: str, edits: list[tuple[int, str]], cut_end: bool) -> None:
    lines = before.splitlines(keepends=True)
    for at, kind in edits:
        at = min(at, len(lines))
        if kind == "insert":
            lines.insert(at, "new\n")
        elif lines:
            at = min(at, len(lines) - 1)
            lines[at : at + 1] = [] if kind == "delete" else ["changed\n"]
    after = "".join(lines)
    after = after.rstrip("\n") if cut_end else after
    diff = unified_diff(before, after, "page.md")
    assert (diff == "") == (before == after)
    if diff:
        assert diff.startswith("--- a/page.md\n+++ b/page.md\n@@")
        assert apply(before, diff) == after


def test_a_change_in_a_long_page_gives_the_same_hunk_as_a_full_diff() -> None:
    before = "".join(f"| row {index} |\n" for index in range(20_000))
    after = before.replace("| row 12345 |\n", "| row 12345 | changed |\n")
    full = "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), "a/p.md", "b/p.md"))
    assert unified_diff(before, after, "p.md") == full
    assert "@@ -12343,7 +12343,7 @@" in full


def _full(before: str, after: str) -> str:
    """difflib's unified diff of the whole texts, with the mark of a last line without a line ending."""
    lines = difflib.unified_diff(before.splitlines(True), after.splitlines(True), "a/page.md", "b/page.md")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@given(st.integers(0, 300), st.lists(st.tuples(st.integers(0, 300), st.sampled_from(["insert", "delete", "change"])),
       min_size=1, max_size=3), st.booleans())  # fmt: skip
def test_setting_aside_what_both_texts_share_gives_difflibs_own_diff(
    size: int, edits: list[tuple[int, str]], cut_end: bool
) -> None:
    """On a page whose lines differ from each other (as a page's rows and fields do), the diff found in the
    middle alone is byte for byte the diff of the whole texts: hunks, context lines and headers."""
    lines = [f"| row {index} |\n" for index in range(size)]
    for number, (at, kind) in enumerate(edits):
        at = min(at, len(lines))
        if kind == "insert":
            lines.insert(at, f"| new row {number} |\n")
        elif lines:
            at = min(at, len(lines) - 1)
            lines[at : at + 1] = [] if kind == "delete" else [f"| changed row {number} |\n"]
    before = "".join(f"| row {index} |\n" for index in range(size))
    after = "".join(lines)
    after = after.rstrip("\n") if cut_end else after
    assert unified_diff(before, after, "page.md") == _full(before, after)

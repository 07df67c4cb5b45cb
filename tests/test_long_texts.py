"""Abstracts and bios as organizers write them: sentences split only where a sentence ends, markdown kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke, read

from seminar_cli.edit.compose import body_text
from seminar_cli.edit.sentences import is_one_sentence, sentences
from seminar_cli.outputs.plain import plain_text

# (paragraph, the sentences it holds, why)
TRICKY: list[tuple[str, list[str], str]] = [
    ("Dr. Ada Park is here. She speaks.", ["Dr. Ada Park is here.", "She speaks."], "a title"),
    ("Prof. Lee and Mr. Roe met Ms. Kay.", ["Prof. Lee and Mr. Roe met Ms. Kay."], "titles"),
    ("Mira K. Castell spoke. Then Bo.", ["Mira K. Castell spoke.", "Then Bo."], "a middle initial"),
    ("S. V. Okonkwo leads the group.", ["S. V. Okonkwo leads the group."], "initials first"),
    ("Kernels, e.g. Matern, work. So do trees.", ["Kernels, e.g. Matern, work.", "So do trees."], "e.g."),
    ("That is, i.e. The rest.", ["That is, i.e. The rest."], "i.e."),
    ("It serves the U.S. Army well.", ["It serves the U.S. Army well."], "U.S."),
    ("She holds a Ph.D. From Ashgrove.", ["She holds a Ph.D. From Ashgrove."], "Ph.D."),
    ("As Hale et al. Showed, it works.", ["As Hale et al. Showed, it works."], "et al."),
    ("Cats vs. Dogs is a benchmark.", ["Cats vs. Dogs is a benchmark."], "vs."),
    ("See Fig. 3 and No. 5 there.", ["See Fig. 3 and No. 5 there."], "Fig. and No."),
    ("She lives on St. Clair Road.", ["She lives on St. Clair Road."], "St."),
    ("Made by Kestrel Inc. Since 2001.", ["Made by Kestrel Inc. Since 2001."], "Inc."),
    ("We used 3.5 GB. It fit.", ["We used 3.5 GB.", "It fit."], "a decimal inside"),
    ("Install v2.1. Then run it.", ["Install v2.1. Then run it."], "a version number"),
    ("Scores rose by 12.5. Nobody knew why.", ["Scores rose by 12.5. Nobody knew why."], "a decimal"),
    ("He got it in 2017. Then he left.", ["He got it in 2017.", "Then he left."], "a year ends a sentence"),
    ("It is in Fort Collins, CO. Dr. Lee agrees.", ["It is in Fort Collins, CO.", "Dr. Lee agrees."], "a state"),
    ("Kernels (RBF. Matern.) are compared. Done.", ["Kernels (RBF. Matern.) are compared.", "Done."], "brackets"),
    ('She said "It works. Really." Then left.', ['She said "It works. Really."', "Then left."], "quotes"),
    ("She said “It works. Really.” Then left.", ["She said “It works. Really.”", "Then left."], "curly quotes"),
    ("Is it? Yes! Indeed.", ["Is it?", "Yes!", "Indeed."], "question and exclamation"),
    ("It ends at example.org. Next week more.", ["It ends at example.org.", "Next week more."], "a domain"),
    ("The talk is at 3 p.m. Coffee follows.", ["The talk is at 3 p.m. Coffee follows."], "a.m./p.m."),
    ("lower case. after a period.", ["lower case. after a period."], "no capital after"),
    ("It is done.) Then more.", ["It is done.)", "Then more."], "a stray bracket"),
    ("**Bold.** Plain.", ["**Bold.**", "Plain."], "emphasis around the end"),
]


@pytest.mark.parametrize(("paragraph", "expected", "why"), TRICKY, ids=[case[2] for case in TRICKY])
def test_sentences_split_only_where_a_sentence_ends(paragraph: str, expected: list[str], why: str) -> None:
    assert sentences(paragraph) == expected, why


def test_a_line_is_one_sentence() -> None:
    assert is_one_sentence("Dr. Ada Park works at St. Clair Institute.")
    assert not is_one_sentence("One. Two.")
    assert not is_one_sentence("No end")


def test_sentence_per_line_splits_one_line_paragraphs_and_keeps_given_breaks() -> None:
    given = "Dr. Ada Park spoke. Mira K. Castell answered.\n\nA first line\nand its second line.\n"
    assert body_text(given, "\n", True) == (
        "Dr. Ada Park spoke.\nMira K. Castell answered.\n\nA first line\nand its second line.\n"
    )


def test_paragraph_per_line_joins_lines_of_prose() -> None:
    assert body_text("One line\nand more.\n\n\n\nTwo.\r\n", "\r\n", False) == "One line and more.\r\n\r\nTwo.\r\n"


@pytest.mark.parametrize("sentence_per_line", [False, True])
@pytest.mark.parametrize(
    "block",
    [
        "Tentative agenda:\n- one topic. Two parts.\n- another",
        "1. first\n2. second",
        "| a | b |\n| --- | --- |\n| 1 | 2 |",
        "---",
        "> A quote. Two sentences.",
        "### A heading",
        "A line with a hard break  \nand the next line.",
        "A line with a backslash break\\\nand the next line.",
        "```\ncode. More code.\n\nafter a blank\n```",
    ],
    ids=["list", "numbered", "table", "rule", "quote", "heading", "hard break", "backslash break", "fence"],
)
def test_markdown_blocks_are_kept_as_given(block: str, sentence_per_line: bool) -> None:
    text = f"Before. After.\n\n{block}\n\nLast."
    written = body_text(text, "\n", sentence_per_line)
    assert f"\n\n{block}\n\nLast.\n" in written


def test_plain_text_keeps_list_items_and_table_rows_on_their_lines() -> None:
    markdown = "Topics:\n- one *topic*\n- two\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n---\n\n"
    markdown += "A [link](https://example.org) here."
    assert plain_text(markdown) == "Topics:\n- one topic\n- two\n\na | b\n1 | 2\n\nA link here."


def test_show_json_gives_the_markdown_the_page_holds_and_plain_text_beside_it(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    (tmp_path / "bio.md").write_text("Intro.\n\nTopics:\n- **one**\n- two\n", encoding="utf-8")
    code, _, err = invoke("update-talk", str(page), "--talk", "next", "--bio-file", str(tmp_path / "bio.md"))
    assert code == 0, err
    assert "Topics:\n- **one**\n- two\n" in read(page)
    code, out, _ = invoke("show", "--json", str(page))
    talk = json.loads(out)["talks"][0]
    assert talk["bio"] == "Intro.\n\nTopics:\n- **one**\n- two"
    assert talk["bio_text"] == "Intro.\n\nTopics:\n- one\n- two"
    assert talk["abstract_text"] is not None and "*" not in talk["abstract_text"]


def _prose_paragraphs(name: str) -> list[list[str]]:
    """The multi-line prose paragraphs (no lists or tables) of every abstract and bio of a real page."""
    import re

    from conftest import shared_page

    from seminar_cli.api import read_page

    found = []
    for _, talk in read_page(str(shared_page(name))).talks():
        for text in (talk.abstract, talk.bio):
            for block in re.split(r"\n[ \t]*\n", text or ""):
                lines = [line.strip() for line in block.split("\n") if line.strip()]
                if len(lines) > 1 and not any(re.match(r"[-*|>#]|\d+\.", line) for line in lines):
                    found.append(lines)
    return found


@pytest.mark.parametrize("name", ["ai-seminar-2024.md", "ai-tutorial-2024.md"])
def test_splitting_a_real_paragraph_breaks_it_wherever_its_organizer_did(name: str) -> None:
    """Joined into one line and split again, each paragraph breaks at every line end the organizer wrote."""
    paragraphs = _prose_paragraphs(name)
    assert paragraphs
    for lines in paragraphs:
        assert sentences(" ".join(lines)) == [sentence for line in lines for sentence in sentences(line)]
    if name == "ai-seminar-2024.md":  # its organizer wrote exactly one sentence a line
        assert all(sentences(" ".join(lines)) == lines for lines in paragraphs)

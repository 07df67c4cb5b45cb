"""`seminar update-talk`: the edit organizers make most often, and the real page it reproduces."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, read, shared_page
from typer.testing import CliRunner

from seminar_cli.api import parse_page, read_page
from seminar_cli.cli.app import app
from seminar_cli.errors import UsageError
from seminar_cli.model import TextPart
from seminar_cli.outputs.talkfile import TEMPLATE, parse_talk_file
from seminar_cli.text.render import render_part

runner = CliRunner()


def section_text(text: str, kind: str) -> str:
    page = parse_page(text)
    (section,) = page.sections_of(kind)
    out = [section.heading.text if section.heading else ""]
    for item in section.items:
        if hasattr(item, "parts"):
            out.extend(render_part(part) for part in item.parts)
        else:
            out.append(item.text)  # type: ignore[union-attr]
    return "".join(out)


def test_rotate_then_update_talk_gives_the_real_next_section_and_row(tmp_path: Path) -> None:
    """From the first 2026 page, rotate and fill in the next talk as the organizers did two weeks later."""
    before, later = shared_page("ai-seminar-2026-jan14.md"), shared_page("ai-seminar-2026-jan27.md")
    talk = read_page(str(later)).sections_of("next")[0].talks[0]
    texts = {part.kind: part.body or "" for part in talk.parts if isinstance(part, TextPart)}
    (tmp_path / "abstract.md").write_text(texts["abstract"])
    (tmp_path / "bio.md").write_text(texts["bio"])
    page = tmp_path / "page.md"
    shutil.copyfile(before, page)
    assert runner.invoke(app, ["rotate", str(page), "--today", "2026-01-23"]).exit_code == 0
    photo = talk.photo[0]
    result = runner.invoke(
        app,
        [
            "update-talk", str(page), "--talk", "Schnake", "--title", talk.title, "--location", str(talk.location),
            "--speaker-url", str(talk.speakers[0].url), "--photo", str(photo.image),
            "--caption", " <br> ".join(photo.caption), "--abstract-file", str(tmp_path / "abstract.md"),
            "--bio-file", str(tmp_path / "bio.md"), "--today", "2026-01-23",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    ours, theirs = read(page), read(later)
    assert section_text(ours, "next") == section_text(theirs, "next")
    row = [line for line in ours.splitlines(True) if line.startswith("| 01-29-2026")]
    assert row == [line for line in theirs.splitlines(True) if line.startswith("| 01-29-2026")]


def test_replaying_the_organizers_edits_of_two_weeks_gives_their_page_but_for_captions_they_rewrote(
    tmp_path: Path,
) -> None:
    """jan14 -> jan27 as seminar commands, every value read from jan27: rotate, fill in the next talk, correct
    the place of the talk just given, drop last season's talk, add the new organizer. What is left differs only
    in the organizers' caption row, where the organizers also rewrote their colleagues' captions by hand."""
    import difflib

    before, later = shared_page("ai-seminar-2026-jan14.md"), shared_page("ai-seminar-2026-jan27.md")
    theirs = read_page(str(later))
    talk = theirs.sections_of("next")[0].talks[0]
    given = theirs.sections_of("past")[0].talks[0]
    texts = {part.kind: part.body or "" for part in talk.parts if isinstance(part, TextPart)}
    (tmp_path / "abstract.md").write_text(texts["abstract"])
    (tmp_path / "bio.md").write_text(texts["bio"])
    assert theirs.organization is not None
    old_names = {person.name for person in read_page(str(before)).organization.organizers}  # type: ignore[union-attr]
    position, new = next(
        (index, person)
        for index, person in enumerate(theirs.organization.organizers, 1)
        if person.name not in old_names
    )
    roles = [arg for role in new.caption[1:] for arg in ("--role", role)]
    page = tmp_path / "page.md"
    shutil.copyfile(before, page)
    page.chmod(0o644)
    photo = talk.photo[0]
    commands = [
        ["rotate", str(page), "--today", "2026-01-23"],
        [
            "update-talk", str(page), "--talk", "Schnake", "--title", talk.title, "--location", str(talk.location),
            "--speaker-url", str(talk.speakers[0].url), "--photo", str(photo.image),
            "--caption", " <br> ".join(photo.caption), "--abstract-file", str(tmp_path / "abstract.md"),
            "--bio-file", str(tmp_path / "bio.md"), "--today", "2026-01-23",
        ],
        ["update-talk", str(page), "--talk", given.title, "--location", str(given.location), "--today", "2026-01-23"],
        ["cancel", str(page), "--talk", "2025-11-20", "--remove"],
        [
            "organizers", str(page), "add", "--name", new.name, *roles,
            "--photo", str(new.image), "--url", str(new.url), "--position", str(position),
        ],
    ]  # fmt: skip
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command[0], result.output)
    ours, text = read(page).splitlines(True), read(later).splitlines(True)
    differing = {
        line
        for tag, _, _, start, end in difflib.SequenceMatcher(None, ours, text, autojunk=False).get_opcodes()
        if tag != "equal"
        for line in range(start + 1, end + 1)
    }
    captions = theirs.organization.table.numbered()[-1][0]
    assert differing == {captions}


@pytest.mark.parametrize("name", ["ai-seminar-2026-jan14.md", "ai-seminar-2026-jan27.md"])
def test_filling_in_the_next_talk_again_gives_the_organizers_page_byte_for_byte(name: str, tmp_path: Path) -> None:
    """The next talk's block replaced by TBD, then filled in with update-talk from its own values: the page again.

    The hours come from the series' description (not from last season's talk left under Past), and the
    bio keeps the space its organizer ended it with.
    """
    from seminar_cli.text.render import render_part

    source = shared_page(name)
    text = read(source)
    talk = read_page(str(source)).sections_of("next")[0].talks[0]
    block = "".join(render_part(part) for part in talk.parts)
    page = tmp_path / "page.md"
    page.write_text(text.replace(block, "TBD\n", 1), encoding="utf-8", newline="")
    texts = {part.kind: part.body or "" for part in talk.parts if isinstance(part, TextPart)}
    for kind, body in texts.items():
        (tmp_path / f"{kind}.md").write_text(body, encoding="utf-8", newline="")
    assert talk.when is not None and talk.when.date is not None and talk.photo
    day = talk.when.date.isoformat()
    result = runner.invoke(
        app,
        [
            "update-talk", str(page), "--talk", day, "--title", talk.title, "--location", str(talk.location),
            "--speaker-url", str(talk.speakers[0].url), "--photo", str(talk.photo[0].image),
            "--caption", " <br> ".join(talk.photo[0].caption), "--abstract-file", str(tmp_path / "abstract.md"),
            "--bio-file", str(tmp_path / "bio.md"), "--today", day,
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert read(page) == text


@pytest.fixture
def page(tmp_path: Path) -> Path:
    copy = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", copy)
    return copy


def test_abstract_from_standard_input_keeps_paragraphs(page: Path) -> None:
    text = "First paragraph, first line\ncontinued here.\n\nSecond paragraph.\n"
    result = runner.invoke(app, ["update-talk", str(page), "--talk", "next", "--abstract-file", "-"], input=text)
    assert result.exit_code == 0, result.output
    talk = read_page(str(page)).sections_of("next")[0].talks[0]
    assert talk.abstract == "First paragraph, first line continued here.\n\nSecond paragraph."


def test_sentence_per_line_pages_get_one_sentence_per_line(tmp_path: Path) -> None:
    page = tmp_path / "tutorial.md"
    shutil.copyfile(EXAMPLES / "tutorial-series-2025.md", page)
    text = "One sentence here. Another one follows! And a third?\n"
    result = runner.invoke(app, ["update-talk", str(page), "--talk", "next", "--bio-file", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert "One sentence here.\nAnother one follows!\nAnd a third?\n" in read(page)


def test_nothing_to_update_is_a_usage_error(page: Path) -> None:
    result = runner.invoke(app, ["update-talk", str(page), "--talk", "next"])
    assert result.exit_code == 2 and "nothing to update" in result.stderr


def test_talk_template_reads_back_empty() -> None:
    result = runner.invoke(app, ["talk-template"])
    assert result.exit_code == 0 and result.stdout == TEMPLATE
    parsed = parse_talk_file(TEMPLATE, "talk.md")
    assert (parsed.values, parsed.abstract, parsed.bio) == ({}, None, None)


def test_talk_file_errors_name_their_line() -> None:
    with pytest.raises(UsageError, match=r"talk.md:3: unknown line 'room: 5'"):
        parse_talk_file("---\ntitle: T\nroom: 5\n---\n", "talk.md")
    with pytest.raises(UsageError, match=r"talk.md:6: unknown section 'Slides'"):
        parse_talk_file("---\ntitle: T\n---\n\n## Abstract\n## Slides\n", "talk.md")


def test_a_row_only_talk_that_is_not_next_gets_only_its_row(page: Path) -> None:
    result = runner.invoke(
        app, ["update-talk", str(page), "--talk", "Ashworth", "--title", "Beam Faults", "--today", "2026-11-23"]
    )
    assert result.exit_code == 0
    assert "only its schedule row was updated" in result.stderr
    assert "| 12-17-2026 | Virtual | Daniel Ashworth | Silverlake Applied Physics Laboratory | Beam Faults |" in read(
        page
    )
    assert "**Beam Faults**" not in read(page)

"""The commands that edit talks: add-talk, update-talk, reschedule, cancel, rotate, add-link, talk-template.

Thin typer commands: values are gathered here (prompts, files, the clock) and handed to
`edit.requests`, whose operations run through the shared edit flow.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from .boundary import run
from .edit_flow import edit, edit_code
from .options import Check, DryRun, PagePath, Selector, Today
from .values import ask, now, read_text_option

if TYPE_CHECKING:
    from ..outputs.talkfile import TalkFile

WHICH = "Which talk (date, speaker or title words)"


def register(app: typer.Typer) -> None:
    """Add the talk commands to the `seminar` app."""
    app.command("add-talk")(add_talk)
    app.command("update-talk")(update_talk)
    app.command("reschedule")(reschedule)
    app.command("cancel")(cancel)
    app.command("rotate")(rotate)
    app.command("add-link")(add_link)
    app.command("talk-template")(talk_template)


def add_talk(
    page: PagePath,
    date: Annotated[
        str | None, typer.Option("--date", help="The talk's date: ISO (2026-02-05), the page's own format, or TBD.")
    ] = None,
    speaker: Annotated[list[str] | None, typer.Option("--speaker", help="Speaker name (repeat for several).")] = None,
    speaker_url: Annotated[
        list[str] | None, typer.Option("--speaker-url", help="Speaker link, in --speaker order.")
    ] = None,
    affiliation: Annotated[str | None, typer.Option(help="Speaker's affiliation.")] = None,
    title: Annotated[str | None, typer.Option(help="Talk title (TBD when not given).")] = None,
    location: Annotated[str | None, typer.Option(help="Where the talk is held.")] = None,
    time: Annotated[
        str | None,
        typer.Option("--time", help="Hours, e.g. '10:00-11:00' or '2-3 pm' (the series' usual hours when not given)."),
    ] = None,
    photo: Annotated[str | None, typer.Option(help="Speaker photo URL (on pages that show photos).")] = None,
    abstract_file: Annotated[str | None, typer.Option(help="File with the abstract ('-' for standard input).")] = None,
    bio_file: Annotated[str | None, typer.Option(help="File with the speaker's bio ('-' for standard input).")] = None,
    next_talk: Annotated[bool, typer.Option("--next", help="Write the full talk block under Next.")] = False,
    today: Today = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Add a talk: its row at its place in the schedule and, with details, its block.

    With a title plus an abstract or bio (or --next), the full talk block is written too,
    under Next when it is the earliest talk still to come, else under Upcoming. New text
    copies the page's own conventions: date format, labels, time line, photo table.

    Example: seminar add-talk seminar.md --date 2026-02-05 --speaker "Ann Lee" --affiliation "State U"
    """
    from ..edit import requests

    request = run(
        lambda: requests.NewTalk(
            date=ask(date, "--date", "Date of the talk"),
            names=speaker or [ask(None, "--speaker", "Speaker name")],
            urls=speaker_url or [], affiliation=affiliation, title=title, location=location, time=time, photo=photo,
            abstract=read_text_option(abstract_file, "--abstract-file"), bio=read_text_option(bio_file, "--bio-file"),
            force_next=next_talk, today=today,
        )
    )  # fmt: skip
    edit(page, run(lambda: requests.add_talk(request, now())), dry_run=dry_run, check=check)


def reschedule(
    page: PagePath,
    talk: Selector = None,
    date: Annotated[str | None, typer.Option("--date", help="New date (ISO or the page's format), or TBD.")] = None,
    time: Annotated[str | None, typer.Option("--time", help="New hours, e.g. '10:00-11:00'.")] = None,
    location: Annotated[str | None, typer.Option(help="New place.")] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Move a talk to another date, time or place: its schedule row and its block together.

    The row moves to its new place in the schedule; the block's weekday follows the date.
    --date TBD marks the talk postponed with no date yet.

    Example: seminar reschedule seminar.md --talk "Ann Lee" --date 2026-02-12
    """
    from ..edit import requests

    selector = run(lambda: ask(talk, "--talk", WHICH))
    operation = run(lambda: requests.reschedule(selector, new_date=date, hours=time, location=location))
    edit(page, operation, dry_run=dry_run, check=check)


def cancel(
    page: PagePath,
    talk: Selector = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove the row and block instead of marking them.")] = False,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Mark a talk cancelled in its row and block, the way the page marks it (or --remove it).

    Example: seminar cancel seminar.md --talk 2026-02-12
    """
    from ..edit import requests

    selector = run(lambda: ask(talk, "--talk", WHICH))
    edit(page, requests.cancel(selector, remove=remove), dry_run=dry_run, check=check)


def rotate(
    pages: Annotated[list[str], typer.Argument(help="The page(s) to rotate.", metavar="PAGE...")],
    today: Annotated[str | None, typer.Option(help="Take the start of this date as now.")] = None,
    moment: Annotated[
        str | None,
        typer.Option("--now", help="Take this moment as now, e.g. 2026-01-22T11:30 (series' time zone)."),
    ] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Move talks that have ended from Next (and Upcoming) into Past Presentations.

    A talk has ended once its end time in the series' time zone has passed. Past talks
    go in the page's own order (newest first on some pages, oldest first on others) with
    its own separators; the earliest upcoming talk with a block takes Next. A second run
    changes nothing. Given several files (as the pre-commit hook does), markdown that is
    not a seminar page is skipped.

    Example: seminar rotate seminar.md --dry-run
    """
    from ..edit import requests

    operation = run(lambda: requests.rotate(today=today, given_now=moment, now=now()))
    several = len(pages) > 1
    codes = [edit_code(page, operation, dry_run=dry_run, check=check, skip_other=several) for page in pages]
    if max(codes):
        raise typer.Exit(max(codes))


def update_talk(
    page: PagePath,
    talk: Selector = None,
    title: Annotated[str | None, typer.Option(help="The talk's title.")] = None,
    speaker: Annotated[list[str] | None, typer.Option("--speaker", help="Speaker name (repeat for several).")] = None,
    speaker_url: Annotated[
        list[str] | None, typer.Option("--speaker-url", help="Speaker link, in --speaker order.")
    ] = None,
    affiliation: Annotated[str | None, typer.Option(help="Speaker's affiliation.")] = None,
    location: Annotated[str | None, typer.Option(help="Where the talk is held (the block's place line).")] = None,
    time: Annotated[str | None, typer.Option("--time", help="Hours, e.g. '10:00-11:00'.")] = None,
    photo: Annotated[str | None, typer.Option(help="Speaker photo URL (on pages that show photos).")] = None,
    photo_width: Annotated[int | None, typer.Option(help="Photo width in pixels.")] = None,
    caption: Annotated[str | None, typer.Option(help="Photo caption lines, separated by '<br>'.")] = None,
    abstract_file: Annotated[str | None, typer.Option(help="File with the abstract ('-' for standard input).")] = None,
    bio_file: Annotated[str | None, typer.Option(help="File with the bio ('-' for standard input).")] = None,
    from_file: Annotated[
        str | None, typer.Option("--from", help="A talk description file (see `seminar talk-template`).")
    ] = None,
    next_talk: Annotated[bool, typer.Option("--next", help="Write the talk's block under Next.")] = False,
    today: Today = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Fill in a scheduled talk: title, place, speaker, photo, abstract, bio, in row and block together.

    Only what is given changes. A talk that has only its schedule row gets its block
    under Next, in the page's own style, once it is the next talk (or with --next),
    replacing a placeholder such as "TBD" there.

    Example: seminar update-talk seminar.md --talk Schnake --title "Low-rank training" --abstract-file abstract.md
    """
    from ..edit import requests

    selector = run(lambda: ask(talk, "--talk", WHICH))
    described = run(lambda: _talk_file(from_file))
    request = run(
        lambda: requests.TalkUpdate(
            title=title, names=tuple(speaker or ()), urls=tuple(speaker_url or ()), affiliation=affiliation,
            location=location, time=time, photo=photo, photo_width=photo_width, caption=caption,
            abstract=read_text_option(abstract_file, "--abstract-file") or (described.abstract if described else None),
            bio=read_text_option(bio_file, "--bio-file") or (described.bio if described else None),
            described=described.values if described else None, force_next=next_talk, today=today,
        )
    )  # fmt: skip
    edit(page, run(lambda: requests.update_talk(selector, request, now())), dry_run=dry_run, check=check)


def _talk_file(path: str | None) -> TalkFile | None:
    """What the talk description file given with --from says."""
    from ..outputs.talkfile import parse_talk_file

    if path is None:
        return None
    return parse_talk_file(read_text_option(path, "--from") or "", path)


def talk_template() -> None:
    """Print an empty talk description to send to a speaker (read back with update-talk --from).

    Example: seminar talk-template > talk.md
    """
    from ..outputs.talkfile import TEMPLATE

    sys.stdout.write(TEMPLATE)


def add_link(
    page: PagePath,
    talk: Selector = None,
    slides: Annotated[str | None, typer.Option(help="The slides' URL.")] = None,
    recording: Annotated[str | None, typer.Option(help="The recording's URL.")] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Add slides or recording links to a talk, the way the page already shows them.

    A `> [slides](…)` line in the talk's block on pages that write such lines; the
    schedule row's title linked to the recording on pages that link titles.

    Example: seminar add-link seminar.md --talk Okafor --slides https://example.org/okafor.pdf
    """
    from ..edit import requests

    selector = run(lambda: ask(talk, "--talk", WHICH))
    operation = run(lambda: requests.add_link(selector, slides=slides, recording=recording))
    edit(page, operation, dry_run=dry_run, check=check)

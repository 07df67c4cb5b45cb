"""The commands that edit talks: add-talk, update-talk, reschedule, cancel, rotate, add-link, talk-template.

Thin typer commands: values are gathered here (prompts, files, the clock) and handed to
`edit.requests`, whose operations run through the shared edit flow.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from functools import cache, partial
from typing import TYPE_CHECKING, Annotated

import typer

from . import helptext
from .boundary import run
from .edit_flow import edit
from .options import (
    FLAG,
    AbstractFile,
    Affiliation,
    BioFile,
    Check,
    DryRun,
    Force,
    NextTalk,
    PagePath,
    Photo,
    Selector,
    Speakers,
    SpeakerUrls,
    Today,
)
from .values import Check as ValueCheck
from .values import ask, now, read_text_option

if TYPE_CHECKING:
    from ..model import Page
    from ..outputs.talkfile import TalkFile

WHICH = "Which talk (date, speaker or title words)"


def register(app: typer.Typer) -> None:
    """Add the talk commands to the `seminar` app."""
    for name, function in (
        ("add-talk", add_talk), ("update-talk", update_talk), ("reschedule", reschedule), ("cancel", cancel),
        ("rotate", rotate), ("add-link", add_link), ("talk-template", talk_template),
    ):  # fmt: skip
        helptext.command(app, name, function)


def _page_checks(path: str) -> tuple[ValueCheck, ValueCheck]:
    """Checks of a date and of a talk selector typed at a prompt, against the page (read once, when first needed)."""
    from ..read.clock import typed_day
    from ..read.refs import find_talk

    @cache
    def page() -> Page:
        from .. import api

        return api.read_page(path)

    return (lambda value: typed_day(value, page().season_year)), (lambda value: find_talk(page(), value))


def add_talk(
    page: PagePath,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="The talk's date: ISO (2026-02-05), the page's own format, or TBD.", metavar="DATE"
        ),
    ] = None,
    speaker: Speakers = None,
    speaker_url: SpeakerUrls = None,
    affiliation: Affiliation = None,
    title: Annotated[str | None, typer.Option(help="Talk title (TBD when not given).", metavar="TEXT")] = None,
    location: Annotated[str | None, typer.Option(help="Where the talk is held.", metavar="PLACE")] = None,
    time: Annotated[
        str | None,
        typer.Option(
            "--time",
            help="Hours, e.g. '10:00-11:00' or '2-3 pm' (the series' usual hours when not given).",
            metavar="HOURS",
        ),
    ] = None,
    photo: Photo = None,
    abstract_file: AbstractFile = None,
    bio_file: BioFile = None,
    next_talk: NextTalk = False,
    today: Today = None,
    force: Force = False,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Add a talk: its row at its place in the schedule and, with details, its block.

    Each value goes in the schedule column whose header means it (Date, Time, Speaker or
    Lecturers, Topic or Title, ...); a value the page has no place for is refused. With a
    title plus an abstract or bio (or --next), the full talk block is written too, under
    Next when it is the earliest talk still to come (replacing a placeholder such as
    TBD), else under Upcoming. New text copies the page's own conventions: date format,
    labels, time line, photo table; without --time the talk gets the series' usual hours.

    On a page that lists its talks another way (rows of a table per term, a bullet per
    talk, a heading per talk, a dated line), the new talk is a new row, item or heading
    copied from its neighbours, in the listing of its term or section and at its place in
    that listing's order; a placeholder on its date (a TBD row) is filled instead. A list
    that names no speakers (a journal club's papers) takes --title alone.

    Example: seminar add-talk seminar.md --date 2026-02-05 --speaker "Ann Lee" --affiliation "State U"
    """
    from ..config import find_config
    from ..edit import requests

    date_check, _ = _page_checks(page)
    config = run(partial(find_config, page), page)
    request = run(
        lambda: requests.NewTalk(
            date=ask(date, "--date", "Date of the talk", date_check),
            names=speaker or ([] if title else [ask(None, "--speaker", "Speaker name")]),
            urls=speaker_url or [], affiliation=affiliation, title=title, location=location, time=time, photo=photo,
            abstract=read_text_option(abstract_file, "--abstract-file"), bio=read_text_option(bio_file, "--bio-file"),
            force_next=next_talk, today=today, hours=config.hours, force=force,
        ),
        page,
    )  # fmt: skip
    edit(page, run(lambda: requests.add_talk(request, now()), page), dry_run=dry_run, check=check)


def reschedule(
    page: PagePath,
    talk: Selector = None,
    date: Annotated[
        str | None, typer.Option("--date", help="New date (ISO or the page's format), or TBD.", metavar="DATE")
    ] = None,
    time: Annotated[str | None, typer.Option("--time", help="New hours, e.g. '10:00-11:00'.", metavar="HOURS")] = None,
    location: Annotated[str | None, typer.Option(help="New place.", metavar="PLACE")] = None,
    force: Force = False,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Move a talk to another date, time or place: its schedule row and its block together.

    The row moves to its new place in the schedule; the block's weekday follows the date.
    New hours go in the block's time line and in a Time column of the schedule; a talk
    with neither is refused, and so are hours that end before they start or last more
    than 8 hours (unless --force). --date TBD marks the talk postponed with no date yet.

    Example: seminar reschedule seminar.md --talk "Ann Lee" --date 2026-02-12
    """
    from ..edit import requests

    _, talk_check = _page_checks(page)
    selector = run(lambda: ask(talk, "--talk", WHICH, talk_check), page)
    operation = run(
        lambda: requests.reschedule(selector, new_date=date, hours=time, location=location, force=force), page
    )
    edit(page, operation, dry_run=dry_run, check=check)


def cancel(
    page: PagePath,
    talk: Selector = None,
    remove: Annotated[
        bool, typer.Option("--remove", help="Remove the row and block instead of marking them.", metavar=FLAG)
    ] = False,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Mark a talk cancelled in its row and block, the way the page marks it (or --remove it).

    Example: seminar cancel seminar.md --talk 2026-02-12
    """
    from ..edit import requests

    _, talk_check = _page_checks(page)
    selector = run(lambda: ask(talk, "--talk", WHICH, talk_check), page)
    edit(page, requests.cancel(selector, remove=remove), dry_run=dry_run, check=check)


class PastTalks(StrEnum):
    """What `rotate` does with talks that were given on a page without a Past section."""

    blocks = "blocks"
    rows = "rows"


def rotate(
    pages: Annotated[list[str], typer.Argument(help="The page(s) to rotate.", metavar="PAGE")],
    today: Annotated[str | None, typer.Option(help="Take the start of this date as now.", metavar="DATE")] = None,
    moment: Annotated[
        str | None,
        typer.Option(
            "--now", help="Take this moment as now, e.g. 2026-01-22T11:30 (series' time zone).", metavar="DATETIME"
        ),
    ] = None,
    past_talks: Annotated[
        PastTalks | None,
        typer.Option(
            help="On a page without a Past section: 'blocks' starts one, 'rows' drops the blocks of given talks "
            "and keeps their schedule rows. Default: past-talks in the configuration, else blocks."
        ),
    ] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Move talks that have ended from Next (and Upcoming) into Past Presentations.

    A talk has ended once its end time in the series' time zone has passed. Past talks
    go in the page's own order (newest first on some pages, oldest first on others) with
    its own separators; the earliest upcoming talk with a block takes Next, and when none
    has a block, Next gets the page's placeholder (TBD). A page without a Past section
    gets one, headed like its Next section: nothing is dropped unless --past-talks rows
    says so. A second run changes nothing. Markdown that is not a seminar page is skipped.

    Example: seminar rotate seminar.md --dry-run
    """
    from .runs import rotate_pages

    rotate_pages(pages, today, moment, past_talks.value if past_talks else None, dry_run=dry_run, check=check)


def update_talk(
    page: PagePath,
    talk: Selector = None,
    title: Annotated[str | None, typer.Option(help="The talk's title.", metavar="TEXT")] = None,
    speaker: Speakers = None,
    speaker_url: SpeakerUrls = None,
    affiliation: Affiliation = None,
    location: Annotated[
        str | None, typer.Option(help="Where the talk is held (the block's place line).", metavar="PLACE")
    ] = None,
    time: Annotated[str | None, typer.Option("--time", help="Hours, e.g. '10:00-11:00'.", metavar="HOURS")] = None,
    photo: Photo = None,
    photo_width: Annotated[int | None, typer.Option(help="Photo width in pixels.", metavar="PIXELS")] = None,
    caption: Annotated[
        str | None, typer.Option(help="Photo caption lines, separated by '<br>'.", metavar="TEXT")
    ] = None,
    abstract_file: AbstractFile = None,
    bio_file: BioFile = None,
    from_file: Annotated[
        str | None,
        typer.Option("--from", help="A talk description file (see `seminar talk-template`).", metavar="FILE"),
    ] = None,
    next_talk: NextTalk = False,
    today: Today = None,
    force: Force = False,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Fill in a scheduled talk: title, place, speaker, photo, abstract, bio, in row and block together.

    Only what is given changes. A talk that has only its schedule row gets its block in
    the page's own style: under Next once it is the next talk (or with --next),
    replacing a placeholder such as "TBD" there, else under Upcoming on pages that have
    one. Abstracts and bios keep their lists, tables and paragraphs.

    Example: seminar update-talk seminar.md --talk Schnake --title "Low-rank training" --abstract-file abstract.md
    """
    from ..config import find_config
    from ..edit import requests

    _, talk_check = _page_checks(page)
    selector = run(lambda: ask(talk, "--talk", WHICH, talk_check), page)
    described = run(lambda: _talk_file(from_file), page)
    config = run(partial(find_config, page), page)
    request = run(
        lambda: requests.TalkUpdate(
            title=title, names=tuple(speaker or ()), urls=tuple(speaker_url or ()), affiliation=affiliation,
            location=location, time=time, photo=photo, photo_width=photo_width, caption=caption,
            abstract=read_text_option(abstract_file, "--abstract-file") or (described.abstract if described else None),
            bio=read_text_option(bio_file, "--bio-file") or (described.bio if described else None),
            described=described.values if described else None, force_next=next_talk, today=today, force=force,
            hours=config.hours,
        ),
        page,
    )  # fmt: skip
    edit(page, run(lambda: requests.update_talk(selector, request, now()), page), dry_run=dry_run, check=check)


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
    slides: Annotated[str | None, typer.Option(help="The slides' URL.", metavar="URL")] = None,
    recording: Annotated[str | None, typer.Option(help="The recording's URL.", metavar="URL")] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Add slides or recording links to a talk, the way the page already shows them.

    A `> [slides](…)` line in the talk's block on pages that write such lines; the
    schedule row's title linked to the recording on pages that link titles.

    Example: seminar add-link seminar.md --talk Okafor --slides https://example.org/okafor.pdf
    """
    from ..edit import requests

    _, talk_check = _page_checks(page)
    selector = run(lambda: ask(talk, "--talk", WHICH, talk_check), page)
    operation = run(lambda: requests.add_link(selector, slides=slides, recording=recording), page)
    edit(page, operation, dry_run=dry_run, check=check)

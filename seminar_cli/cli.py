"""The `seminar` command line: thin typer commands over `seminar_cli.api`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from .errors import SeminarError

app = typer.Typer(
    name="seminar",
    help=(
        "Keep a seminar series' markdown page in order: show it, edit its talks in the page's own "
        "style (add, reschedule, cancel, rotate, fill in), lint it, and work around it (calendar, "
        "announcements, links, next season). Every command takes the path of a Jekyll markdown page; "
        "edits take --dry-run and --check. Run `seminar COMMAND --help` for examples."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"seminar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Keep a seminar series' markdown page in order."""


def _run(action: Callable[[], T]) -> T:
    """Turn a `SeminarError` into one line on stderr and its exit code; never a traceback."""
    from .output import print_error

    try:
        return action()
    except SeminarError as error:
        print_error(str(error))
        raise typer.Exit(error.exit_code) from None


@app.command()
def show(
    page: Annotated[str, typer.Argument(help="The markdown page to read.", metavar="PAGE")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the page model as JSON (dates in ISO 8601).")
    ] = False,
) -> None:
    """Show the series and its talks: next, upcoming, past and the schedule.

    Tables on a terminal, plain aligned text when piped, or the whole model with --json.

    Example: seminar show examples/ml-seminar-2026.md
    """
    from . import api, output, views

    parsed = _run(lambda: api.read_page(page))
    if json_output:
        import json

        sys.stdout.write(json.dumps(views.page_data(parsed), indent=2, ensure_ascii=False) + "\n")
    else:
        output.print_listings(views.headline(parsed), views.listings(parsed))


DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")]
Check = Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the page would change (for CI).")]
PagePath = Annotated[str, typer.Argument(help="The markdown page to edit.", metavar="PAGE")]
Selector = Annotated[
    str | None,
    typer.Option(
        "--talk", help="The talk: its date (ISO or as the page writes it), 'next', or words of the speaker or title."
    ),
]


def _edit(page: str, operation: Callable[..., object], *, dry_run: bool, check: bool) -> None:
    """Apply an operation to the page: show a diff, check, or write atomically when it changed."""
    code = _edit_code(page, operation, dry_run=dry_run, check=check)
    if code:
        raise typer.Exit(code)


def _edit_code(
    page: str, operation: Callable[..., object], *, dry_run: bool, check: bool, skip_other: bool = False
) -> int:
    """`_edit` returning its exit code; with `skip_other`, markdown that is not a seminar page is skipped."""
    from . import api, output
    from .errors import NotASeminarPageError

    try:
        result = api.edit_file(page, operation, write=not (dry_run or check))  # type: ignore[arg-type]
    except SeminarError as error:
        if skip_other and isinstance(error, NotASeminarPageError):
            return 0
        output.print_error(str(error))
        return error.exit_code
    for note in result.notes:
        output.print_error(f"note: {note}")
    if dry_run and result.changed:
        output.print_diff(output.unified_diff(result.before, result.after, page))
    if not result.changed:
        typer.echo(f"{page}: unchanged ({result.summary})")
        return 0
    if check or dry_run:
        typer.echo(f"{page}: would change: {result.summary}")
        return 1 if check else 0
    typer.echo(f"{page}: {result.summary}")
    return 0


def _ask(value: str | None, option: str, question: str) -> str:
    """A required value: from the command line, else prompted for on a terminal, else a usage error."""
    from .errors import UsageError
    from .output import is_terminal

    if value is not None:
        return value
    if is_terminal(sys.stdin) and is_terminal(sys.stdout):
        return str(typer.prompt(question))
    from .output import print_error

    print_error(str(UsageError(f"missing {option}", expected=f"{option} (asked for only on a terminal)")))
    raise typer.Exit(2)


@app.command("add-talk")
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
    today: Annotated[
        str | None, typer.Option(help="Take this date as today (default: today in the series' time zone).")
    ] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Add a talk: its row at its place in the schedule and, with details, its block.

    With a title plus an abstract or bio (or --next), the full talk block is written too,
    under Next when it is the earliest talk still to come, else under Upcoming. New text
    copies the page's own conventions: date format, labels, time line, photo table.

    Example: seminar add-talk seminar.md --date 2026-02-05 --speaker "Ann Lee" --affiliation "State U"
    """
    from . import commands

    date_text = _ask(date, "--date", "Date of the talk")
    names = speaker or [_ask(None, "--speaker", "Speaker name")]
    operation = _run(
        lambda: commands.add_talk(
            date_text, names, speaker_url or [], affiliation=affiliation, title=title, location=location,
            time=time, photo=photo, abstract_file=abstract_file, bio_file=bio_file, force_next=next_talk, today=today,
        )
    )  # fmt: skip
    _edit(page, operation, dry_run=dry_run, check=check)


@app.command()
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
    from . import commands

    selector = _ask(talk, "--talk", "Which talk (date, speaker or title words)")
    operation = _run(lambda: commands.reschedule(selector, new_date=date, hours=time, location=location))
    _edit(page, operation, dry_run=dry_run, check=check)


@app.command()
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
    from . import commands

    selector = _ask(talk, "--talk", "Which talk (date, speaker or title words)")
    _edit(page, commands.cancel(selector, remove=remove), dry_run=dry_run, check=check)


@app.command()
def rotate(
    pages: Annotated[list[str], typer.Argument(help="The page(s) to rotate.", metavar="PAGE...")],
    today: Annotated[str | None, typer.Option(help="Take the start of this date as now.")] = None,
    now: Annotated[
        str | None, typer.Option(help="Take this moment as now, e.g. 2026-01-22T11:30 (series' time zone).")
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
    from . import commands

    operation = _run(lambda: commands.rotate(today=today, now=now))
    several = len(pages) > 1
    codes = [_edit_code(page, operation, dry_run=dry_run, check=check, skip_other=several) for page in pages]
    if max(codes):
        raise typer.Exit(max(codes))


@app.command("update-talk")
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
    today: Annotated[str | None, typer.Option(help="Take this date as today.")] = None,
    dry_run: DryRun = False,
    check: Check = False,
) -> None:
    """Fill in a scheduled talk: title, place, speaker, photo, abstract, bio, in row and block together.

    Only what is given changes. A talk that has only its schedule row gets its block
    under Next, in the page's own style, once it is the next talk (or with --next),
    replacing a placeholder such as "TBD" there.

    Example: seminar update-talk seminar.md --talk Schnake --title "Low-rank training" --abstract-file abstract.md
    """
    from . import commands

    selector = _ask(talk, "--talk", "Which talk (date, speaker or title words)")
    operation = _run(
        lambda: commands.update_talk(
            selector, title=title, names=speaker or [], urls=speaker_url or [], affiliation=affiliation,
            location=location, time=time, photo=photo, photo_width=photo_width, caption=caption,
            abstract_file=abstract_file, bio_file=bio_file, from_file=from_file, force_next=next_talk, today=today,
        )
    )  # fmt: skip
    _edit(page, operation, dry_run=dry_run, check=check)


@app.command("talk-template")
def talk_template() -> None:
    """Print an empty talk description to send to a speaker (read back with update-talk --from).

    Example: seminar talk-template > talk.md
    """
    from .talkfile import TEMPLATE

    sys.stdout.write(TEMPLATE)


from .cli_lint import register as _register_lint  # noqa: E402  (lint commands live in their own module)

_register_lint(app)

from .cli_more import register as _register_more  # noqa: E402  (commands around the page live in their own module)

_register_more(app)


def main() -> None:
    """Entry point of the `seminar` console script."""
    app()

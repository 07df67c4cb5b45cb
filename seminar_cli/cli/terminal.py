"""What the user sees: tables on a terminal, plain text when piped, errors on stderr."""

from __future__ import annotations

import sys

from ..model import Frozen, frozen
from ..patterns import compiled

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


@frozen
class Listing(Frozen):
    """A captioned table of text cells, printed with rich or as aligned plain text."""

    caption: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]


def is_terminal(stream: TextIO) -> bool:
    """True when `stream` is an interactive terminal (colour, tables, prompts)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def print_listings(
    title: str, listings: list[Listing], stream: TextIO | None = None, *, notes: list[str] | None = None
) -> None:
    """Print listings as rich tables on a terminal and as aligned plain text otherwise, then the notes."""
    stream = stream or sys.stdout
    if is_terminal(stream):
        _rich_listings(title, listings, stream)
        if notes:
            stream.write("\n" + "\n".join(f"note: {note}" for note in notes) + "\n")
        return
    out = [title]
    for listing in listings:
        out.append("")
        out.append(f"{listing.caption}:")
        if not listing.rows:
            out.append("  (none)")
            continue
        widths = [
            max(len(row[index]) for row in [listing.headers, *listing.rows]) for index in range(len(listing.headers))
        ]
        for row in [listing.headers, *listing.rows]:
            out.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())
    if notes:
        out += ["", *(f"note: {note}" for note in notes)]
    stream.write("\n".join(out) + "\n")


def _rich_listings(title: str, listings: list[Listing], stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, highlight=False)
    console.print(f"[bold]{_escape(title)}[/bold]")
    for listing in listings:
        table = Table(title=listing.caption, title_justify="left", show_lines=False)
        for header in listing.headers:
            table.add_column(header, overflow="fold")
        for row in listing.rows:
            table.add_row(*(_escape(cell) for cell in row))
        if not listing.rows:
            table.add_row(*(["(none)"] + [""] * (len(listing.headers) - 1)))
        console.print(table)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def print_error(message: str, stream: TextIO | None = None) -> None:
    """One line on stderr, prefixed with the program name."""
    (stream or sys.stderr).write(f"seminar: {message}\n")


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of a page's text before and after an edit.

    The lines both texts start and end with are set aside first (all but the context
    kept around a change), so a small edit of a big page is diffed in time linear in its size.
    """
    import difflib

    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    head = _common_head(old, new)
    tail = _common_head(old[head:][::-1], new[head:][::-1])
    start = max(0, head - _CONTEXT)
    cut = max(0, tail - _CONTEXT)
    lines = difflib.unified_diff(
        old[start : len(old) - cut], new[start : len(new) - cut], f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"
    )
    out = []
    for line in lines:
        if line.startswith("@@") and start:
            line = _HUNK.sub(lambda match: f"{match.group(1)}{int(match.group(2)) + start}", line)
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


_CONTEXT = 3  # difflib's default lines of context
_HUNK = compiled(r"([-+])(\d+)")


def _common_head(one: list[str], other: list[str]) -> int:
    count = 0
    for first, second in zip(one, other, strict=False):
        if first != second:
            break
        count += 1
    return count


_COLOURS = {"+": "\x1b[32m", "-": "\x1b[31m", "@": "\x1b[36m"}


def print_diff(diff: str, stream: TextIO | None = None) -> None:
    """Print a diff, coloured on a terminal."""
    stream = stream or sys.stdout
    if not is_terminal(stream):
        stream.write(diff)
        return
    for line in diff.splitlines(keepends=True):
        colour = _COLOURS.get(line[:1]) if not line.startswith(("+++", "---")) else "\x1b[1m"
        stream.write(f"{colour}{line.rstrip(chr(10))}\x1b[0m\n" if colour else line)

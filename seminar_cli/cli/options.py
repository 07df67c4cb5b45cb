"""Options that several commands share, with their help."""

from __future__ import annotations

from typing import Annotated

import typer

DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")]
Check = Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the page would change (for CI).")]
PagePath = Annotated[str, typer.Argument(help="The markdown page to edit.", metavar="PAGE")]
ReadPath = Annotated[str, typer.Argument(help="The markdown page to read.", metavar="PAGE")]
Selector = Annotated[
    str | None,
    typer.Option(
        "--talk", help="The talk: its date (ISO or as the page writes it), 'next', or words of the speaker or title."
    ),
]
Timezone = Annotated[
    str | None,
    typer.Option(
        "--timezone", help="The series' time zone (IANA name or ET, CT, ...). Default: configuration, else the page."
    ),
]
Output = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")]
Today = Annotated[str | None, typer.Option(help="Take this date as today (default: today in the series' time zone).")]

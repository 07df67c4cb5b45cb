"""Options that several commands share, with their help.

Every value option names what it takes (`DATE`, `NAME`, `URL`, `FILE`) and every flag shows
no value at all (`metavar=""`), so the help never shows a flag as if it took one.
"""

from __future__ import annotations

from typing import Annotated

import typer

FLAG = ""  # the metavar of a flag: nothing after its name in the help

DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.", metavar=FLAG)
]
Check = Annotated[
    bool, typer.Option("--check", help="Write nothing; exit 1 if the page would change (for CI).", metavar=FLAG)
]
Force = Annotated[
    bool,
    typer.Option("--force", help="Write hours that end before they start or last more than 8 hours.", metavar=FLAG),
]
PagePath = Annotated[str, typer.Argument(help="The markdown page to edit.", metavar="PAGE")]
ReadPath = Annotated[str, typer.Argument(help="The markdown page to read.", metavar="PAGE")]
Selector = Annotated[
    str | None,
    typer.Option(
        "--talk",
        help="The talk: its date (ISO or as the page writes it), 'next', or words of the speaker or title.",
        metavar="TALK",
    ),
]
Timezone = Annotated[
    str | None,
    typer.Option(
        "--timezone",
        help="The series' time zone (IANA name or ET, CT, ...). Default: configuration, else the page.",
        metavar="ZONE",
    ),
]
Output = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.", metavar="FILE")
]
Today = Annotated[
    str | None,
    typer.Option(help="Take this date as today (default: today in the series' time zone).", metavar="DATE"),
]
Speakers = Annotated[
    list[str] | None, typer.Option("--speaker", help="Speaker name (repeat for several).", metavar="NAME")
]
SpeakerUrls = Annotated[
    list[str] | None, typer.Option("--speaker-url", help="Speaker link, in --speaker order.", metavar="URL")
]
Affiliation = Annotated[str | None, typer.Option(help="Speaker's affiliation.", metavar="TEXT")]
Photo = Annotated[str | None, typer.Option(help="Speaker photo URL (on pages that show photos).", metavar="URL")]
AbstractFile = Annotated[
    str | None, typer.Option(help="File with the abstract ('-' for standard input).", metavar="FILE")
]
BioFile = Annotated[
    str | None, typer.Option(help="File with the speaker's bio ('-' for standard input).", metavar="FILE")
]
NextTalk = Annotated[bool, typer.Option("--next", help="Write the talk's full block under Next.", metavar=FLAG)]

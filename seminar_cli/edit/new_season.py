"""Next season's page from this one: new years in the front matter, every talk of the old season gone.

Kept as they are: About (but for a year that names the season, see `season_words`), the
Organization table, the schedule's header and alignment row, and every heading, intro,
placeholder, back-to-top link and separator of the Next, Upcoming and Past sections.
In the front matter's title, description and permalink (not in its comments), each
year within one of the old season moves by the same number of years, so
"Fall 2025 - Spring 2026" becomes "Fall 2026 - Spring 2027". In About, a year equal
to the old season moves only where words next to it name the season ("the 2026
season", "Fall 2026", "January-December, 2026", "2026 series"); other years (a
founding year, "since 2026") stay, and every line still naming the old season's year
is listed in the notes for the organizer to read.
"""

from __future__ import annotations

import re

from ..errors import UsageError
from ..model import TALK_SECTIONS, FrontMatter, Page, RawBlock, Schedule, Section, replace
from ..patterns import compiled
from ..read.frontmatter import COMMENT, YEAR, season_values
from ..text.lines import body, split_lines
from ..text.render import render_page
from . import layout
from .result import Edit
from .style import PageStyle

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_BEFORE = compiled(rf"\b(?:season|series|semester|term|spring|summer|fall|autumn|winter|{_MONTH})\b[\s,–-]*$", re.I)
_AFTER = compiled(r"^[\s–-]*(?:season|series|seminars?|semester|term|program(?:me)?|line-?up|schedule|talks)\b", re.I)
# A link target may hold balanced parentheses; each `](` is read to its own end only (linear).
_URL = compiled(r"\]\((?:[^()]|\([^()]*+\))*+\)|\b(?:href|src)\s*=\s*(\"[^\"]*\"|'[^']*')|https?://\S+", re.I)


def new_season(page: Page, style: PageStyle, year: int) -> Edit:
    """The page for the season `year`: front matter years moved, talks and schedule rows removed."""
    old = page.season_year
    if old == year:
        raise UsageError(f"the page is already the {year} season", path=page.path, expected="another --year")
    notes: list[str] = []
    sections = []
    removed = 0
    for section in page.sections:
        if section.kind in TALK_SECTIONS:
            removed += len(section.talks)
            section = _without_talks(section)
        elif section.kind == "about" and old is not None:
            section = _about(section, old, year)
        sections.append(_without_rows(section, page.newline))
    front = _front_matter(page.front_matter, old, year) if page.front_matter and old else page.front_matter
    new = replace(page, front_matter=front, sections=tuple(sections), season_year=year)
    if old is None:
        notes.append("the page names no season year: only its talks and schedule rows were removed")
    else:
        if year < old:
            notes.append(f"--year {year} is before the page's own season ({old}): check that it is the year you mean")
        notes.extend(_leftovers(new, old))
    rows = len(page.schedule.entries) if page.schedule else 0
    summary = f"started the {year} season: removed {removed} talk blocks and {rows} schedule rows"
    return Edit(new, summary + (f" (was {old})" if old else ""), tuple(notes))


def shift_years(text: str, old: int, year: int) -> str:
    """Years within one of `old` moved by `year - old`."""
    delta = year - old

    def moved(match: re.Match[str]) -> str:
        value = int(match.group(1))
        return str(value + delta) if abs(value - old) <= 1 else match.group(1)

    return YEAR.sub(moved, text)


def _front_matter(front: FrontMatter, old: int, year: int) -> FrontMatter:
    """Years moved in the title, description and permalink lines (comments left alone)."""
    lines = split_lines(front.text)
    for value in season_values(front):
        line = lines[value.line_index]
        text = body(line)
        moved = shift_years(text[value.start : value.end], old, year)
        lines[value.line_index] = text[: value.start] + moved + text[value.end :] + line[len(text) :]
    return replace(
        front,
        text="".join(lines),
        title=shift_years(front.title, old, year) if front.title else front.title,
        description=tuple(shift_years(line, old, year) for line in front.description),
        permalink=shift_years(front.permalink, old, year) if front.permalink else front.permalink,
    )


def _without_talks(section: Section) -> Section:
    """The section with its talk blocks and the separators between them removed."""
    while section.talks:
        section = layout.remove_talk(section, section.talks[-1])
    items = list(section.items)
    tidy = [item for index, item in enumerate(items) if not (_blank(item) and index > 0 and _blank(items[index - 1]))]
    return replace(section, items=tuple(tidy))


def _blank(item: object) -> bool:
    return isinstance(item, RawBlock) and item.kind == "blank"


def _without_rows(section: Section, newline: str) -> Section:
    """The schedule table with its header and alignment row only."""
    items = []
    for item in section.items:
        if isinstance(item, Schedule) and item.items:
            last = item.items[-1]
            ending = (last.row.text if not isinstance(last, RawBlock) else last.text).endswith("\n")
            delimiter = item.table.delimiter
            if not ending:  # the table ended the file without a final newline: it still does
                delimiter = replace(delimiter, tail=delimiter.tail.rstrip("\r\n"))
            table = replace(item.table, delimiter=delimiter, body=())
            item = replace(item, table=table, items=())
        items.append(item)
    return replace(section, items=tuple(items))


def _about(section: Section, old: int, year: int) -> Section:
    """About with a year that names the season moved to the new one."""
    items = [
        replace(item, text=season_words(item.text, old, year))
        if isinstance(item, RawBlock) and item.kind != "comment"
        else item
        for item in section.items
    ]
    return replace(section, items=tuple(items))


def season_words(text: str, old: int, year: int) -> str:
    """`text` with the year `old` replaced where the words beside it name a season (never inside a link target)."""
    masked = _URL.sub(lambda match: " " * len(match.group(0)), text)
    out = text
    for match in reversed(list(YEAR.finditer(masked))):
        if int(match.group(1)) != old:
            continue
        if _BEFORE.search(masked[max(0, match.start() - 30) : match.start()]) or _AFTER.match(masked[match.end() :]):
            out = out[: match.start()] + str(year) + out[match.end() :]
    return out


def _leftovers(page: Page, old: int) -> list[str]:
    """Lines of the new page that still name the old season's year (front matter comments aside)."""
    notes = []
    front_lines = len(split_lines(page.front_matter.text)) if page.front_matter else 0
    for number, line in enumerate(split_lines(render_page(page)), start=1):
        text = body(line)
        if number <= front_lines:
            comment = COMMENT.search(text)
            text = text[: comment.start()] if comment else text
        for found in YEAR.finditer(text):
            if int(found.group(1)) == old:
                excerpt = text[max(0, found.start() - 40) : found.end() + 20].strip()
                notes.append(f"line {number} still names {old}, left as is: …{excerpt}…")
                break
    return notes

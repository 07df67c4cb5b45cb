"""Raw blocks -> `Page`: sections by their headings, talks, the schedule and organizers.

What is not understood stays a `RawBlock`; the parse is checked to join back
to the exact input before it is returned.
"""

from __future__ import annotations

from ..errors import InternalError, NotASeminarPageError
from ..model import TALK_SECTIONS, Heading, Item, Page, RawBlock, Schedule, Section, SectionKind, Talk
from ..patterns import DOTALL, IGNORECASE, compiled
from ..text.blocks import heading_of, layout, segment
from ..text.lines import detect_newline
from ..text.tables import parse_table
from .frontmatter import read_front_matter, season_year_of
from .listings import read_listings, remember, settled_schedules
from .memo import on_forget
from .sections import classify_heading, group_sections
from .tables import is_schedule_header, parse_organization, parse_schedule
from .talks import ends_talk, is_title_start, moved, parse_talk

_BACK_TO_TOP = compiled(r"""^\s*<a\s+href\s*=\s*["']#top["'][^>]*>.*</a>\s*$""", IGNORECASE | DOTALL)
_SEMINAR_KINDS = frozenset({"next", "upcoming", "schedule", "past", "recorded"})


def parse_page(
    text: str, path: str | None = None, *, season_year: int | None = None, known: Page | None = None
) -> Page:
    """Read a seminar page; `render_page` of the result gives `text` back exactly.

    `season_year` overrides the year read off the page (used to compare an edited page
    with the intended one under the same year). `known` is a page read before: a talk
    block whose text is one of its talks' texts is the same talk, moved to its new line
    (reading a block depends on its text, its first line and the year alone), so
    re-reading an edited page only reads what changed, and gives what a fresh read gives.
    The page last read again this way is kept: an edit that read its result to check it
    and the check of the edit after it read the same text once.
    """
    if not text.strip():
        raise NotASeminarPageError("the page is empty", path=path, expected="a markdown seminar page")
    if known is not None:
        for last_text, last_path, last_year, last_page in _REREAD:
            if (last_path, last_year) == (path, season_year) and last_text == text:
                return last_page
    page = _read(text, path, season_year, known)
    if known is not None:
        _REREAD[:] = [(text, path, season_year, page)]
    return page


_REREAD: list[tuple[str, str | None, int | None, Page]] = []  # the page last read with `known`, and how
on_forget(layout.cache_clear)  # the layout lint reads of the page it has just parsed


def _read(text: str, path: str | None, season_year: int | None, known: Page | None) -> Page:
    page = _sections(text, path, season_year, known)
    found = read_listings(page)
    page = settled_schedules(page, found)
    if not found and not any(section.kind in _SEMINAR_KINDS for section in page.sections):
        raise NotASeminarPageError(
            "not a seminar page",
            path=path,
            found="no talk listing (a table with a date column, a list, headings or lines led by dates, talk blocks)",
            expected="a page that lists its talks",
        )
    remember(page, found)
    from ..text.render import joins_back

    if not joins_back(page, text):  # pragma: no cover - a bug, never a user error
        raise InternalError("the page model does not join back to the file; nothing was changed", path=path)
    return page


def _sections(text: str, path: str | None, season_year: int | None, known: Page | None) -> Page:
    """The page's sections, before its listings are read; the blocks it does not keep (a talk's paragraphs
    and tables, now its fields and rows) are let go on return."""
    segments = segment(text)
    bom, front = segments.bom, read_front_matter(segments.front_matter)
    year = season_year or season_year_of(front, text)
    memo = _known_talks(known) if known is not None and known.season_year == year else {}
    groups = list(reversed(group_sections(segments.blocks)))
    del segments  # each section's blocks are held by its group alone, and go once it is read
    sections = []
    while groups:
        heading_block, blocks = groups.pop()
        if heading_block is None and not blocks:
            continue
        marked = _mark_back_to_top(list(blocks))
        del blocks
        sections.append(_section(heading_block, marked, year, memo))
    return Page(bom, front, tuple(sections), detect_newline(text), year, path)


def _mark_back_to_top(blocks: list[RawBlock]) -> list[RawBlock]:
    return [
        RawBlock("back_to_top", block.text, block.line)
        if block.kind == "paragraph" and _BACK_TO_TOP.match(block.text)
        else block
        for block in blocks
    ]


def _known_talks(page: Page) -> dict[str, Talk]:
    from ..text.render import render_part

    return {"".join(render_part(part) for part in talk.parts): talk for _, talk in page.talks()}


def _section(
    heading_block: RawBlock | None, blocks: list[RawBlock], year: int | None, memo: dict[str, Talk]
) -> Section:
    heading = None
    kind: SectionKind = "preamble"
    if heading_block is not None:
        level, title = heading_of(heading_block.text) or (1, "")
        heading = Heading(heading_block.text, level, title, heading_block.line)
        kind = classify_heading(title)
    line = heading.line if heading else (blocks[0].line if blocks else 1)
    items = _items(kind, blocks, year, memo)
    if kind == "unknown" and any(isinstance(item, Schedule) for item in items):
        kind = "schedule"
    return Section(kind, heading, tuple(items), line)


_READ = RawBlock("read", "", 0)  # in place of blocks read into a talk: never looked at again


def _items(kind: SectionKind, blocks: list[RawBlock], year: int | None, memo: dict[str, Talk]) -> list[Item]:
    """The section's items; the blocks of each talk are let go once it is read (its parts keep what they need)."""
    items: list[Item] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if kind in TALK_SECTIONS and is_title_start(blocks, index):
            end = index + 1
            while end < len(blocks) and not ends_talk(blocks, end, index):
                end += 1
            while blocks[end - 1].kind in ("blank", "comment"):
                end -= 1
            group = blocks[index:end]
            known = memo.get("".join(block.text for block in group)) if memo else None
            items.append(moved(known, block.line - known.line) if known is not None else parse_talk(group, year))
            blocks[index:end] = [_READ] * (end - index)  # nothing reads blocks before the current one
            index = end
            continue
        items.append(_table_item(kind, block, year) if block.kind == "table" else block)
        index += 1
    return items


def _table_item(kind: SectionKind, block: RawBlock, year: int | None) -> Item:
    table = parse_table(block)
    if table is None:
        return block
    if kind != "organization" and is_schedule_header(table.header):
        return parse_schedule(table, year)
    if kind == "organization":
        organization = parse_organization(table)
        if organization is not None:
            return organization
    return block

"""Raw blocks -> `Page`: sections by their headings, talks, the schedule and organizers.

What is not understood stays a `RawBlock`; the parse is checked to join back
to the exact input before it is returned.
"""

from __future__ import annotations

import re
from collections import Counter

from .errors import InternalError, NotASeminarPageError
from .frontmatter import YEAR
from .model import (
    TALK_SECTIONS,
    FrontMatter,
    Heading,
    Item,
    Page,
    RawBlock,
    Schedule,
    Section,
    SectionKind,
    Talk,
)
from .sections import classify_heading
from .segment import heading_of, segment
from .source import body, detect_newline, split_lines
from .tables import is_schedule_header, parse_organization, parse_schedule, parse_table
from .talks import ends_talk, is_title_start, parse_talk

_BACK_TO_TOP = re.compile(r"""^\s*<a\s+href\s*=\s*["']#top["'][^>]*>.*</a>\s*$""", re.I | re.S)
_FULL_DATE = re.compile(r"(?<!\d)\d{1,2}[/-]\d{1,2}[/-]((?:19|20)\d\d)(?!\d)")
_SEMINAR_KINDS = frozenset({"next", "upcoming", "schedule", "past", "recorded"})


def parse_page(
    text: str, path: str | None = None, *, season_year: int | None = None, known: Page | None = None
) -> Page:
    """Read a seminar page; `render_page` of the result gives `text` back exactly.

    `season_year` overrides the year read off the page (used to compare an edited page
    with the intended one under the same year). `known` is a page read before: a talk
    block whose text is one of its talks' texts is the same talk (reading a block
    depends on its text and the year alone), so re-reading an edited page only reads
    what changed.
    """
    segments = segment(text)
    front = _front_matter(segments.front_matter)
    year = season_year or _season_year(front, text)
    memo = _known_talks(known) if known is not None and known.season_year == year else {}
    sections = []
    for heading_block, blocks in segments.sections:
        if heading_block is None and not blocks:
            continue
        sections.append(_section(heading_block, _mark_back_to_top(list(blocks)), year, memo))
    page = Page(segments.bom, front, tuple(sections), detect_newline(text), year, path)
    if not any(section.kind in _SEMINAR_KINDS for section in page.sections):
        raise NotASeminarPageError(
            "not a seminar page",
            path=path,
            found="no Next, Upcoming, Schedule or Past section",
            expected="a heading such as '# Next Presentation' or '# Schedule'",
        )
    from .render import render_page

    if render_page(page) != text:  # pragma: no cover - a bug, never a user error
        raise InternalError("the page model does not join back to the file; nothing was changed", path=path)
    return page


def _front_matter(block: RawBlock | None) -> FrontMatter | None:
    if block is None:
        return None
    fields: dict[str, list[str]] = {}
    key = None
    for line in split_lines(block.text)[1:-1]:
        text = body(line)
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:(.*)$", text)
        if match:
            key = match.group(1)
            fields[key] = [match.group(2)]
        elif key is not None and text[:1] in (" ", "\t"):
            fields[key].append(text)
    values = {name: [_yaml_text(line) for line in lines] for name, lines in fields.items()}
    title = " ".join(piece for piece in values.get("title", []) if piece) or None
    description = tuple(piece for piece in values.get("description", []) if piece)
    permalink = next((piece for piece in values.get("permalink", []) if piece), None)
    return FrontMatter(block.text, title, description, permalink, block.line)


def _yaml_text(value: str) -> str:
    """A front-matter line as a reader sees it: no comment, quotes, or `<br/>`."""
    value = re.sub(r"(^|\s)#.*$", "", value).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return re.sub(r"\s*<br\s*/?>\s*", " ", value, flags=re.I).strip()


def _season_year(front: FrontMatter | None, text: str) -> int | None:
    """The season's year: from the permalink, else the front matter, else the dates on the page."""
    if front is not None:
        values = " ".join((front.title or "", *front.description))
        for source in (front.permalink or "", values):
            years = YEAR.findall(source)
            if years:
                return int(Counter(years).most_common(1)[0][0])
    years = _FULL_DATE.findall(text)
    return int(Counter(years).most_common(1)[0][0]) if years else None


def _mark_back_to_top(blocks: list[RawBlock]) -> list[RawBlock]:
    return [
        RawBlock("back_to_top", block.text, block.line)
        if block.kind == "paragraph" and _BACK_TO_TOP.match(block.text)
        else block
        for block in blocks
    ]


def _known_talks(page: Page) -> dict[str, Talk]:
    from .render import render_part

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
    items = _items(kind, blocks, year, memo)
    if kind == "unknown" and any(isinstance(item, Schedule) for item in items):
        kind = "schedule"
    line = heading.line if heading else (blocks[0].line if blocks else 1)
    return Section(kind, heading, tuple(items), line)


def _items(kind: SectionKind, blocks: list[RawBlock], year: int | None, memo: dict[str, Talk]) -> list[Item]:
    items: list[Item] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if kind in TALK_SECTIONS and is_title_start(blocks, index):
            end = index + 1
            while end < len(blocks) and not ends_talk(blocks, end):
                end += 1
            while blocks[end - 1].kind in ("blank", "comment"):
                end -= 1
            group = blocks[index:end]
            known = memo.get("".join(block.text for block in group)) if memo else None
            items.append(known if known is not None else parse_talk(group, year))
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

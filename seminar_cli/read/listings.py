"""Every talk listing of a page, whatever its shape, and the lines that look like talks but no listing reads.

A listing is recognised by its shape and content, never by the page it came from: a
table with a date column, a table of HTML rows, a list whose items a date leads, headings
that carry dates, lines of paragraphs that a date leads, and the page's talk blocks. The
dates of each listing are settled together (`settle`), with the years of its headings
(`Fall 2025`, `2023-2024`), else of the page: its front matter, permalink or file name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import (
    Entry,
    Frozen,
    Heading,
    Listing,
    Page,
    RawBlock,
    Schedule,
    ScheduleEntry,
    SectionKind,
    Talk,
    Unread,
    frozen,
    replace,
)  # fmt: skip
from ..patterns import compiled
from ..text.lines import body, split_lines
from ..text.render import render_part
from .date_tokens import DateToken, date_tokens, leading_token
from .entries import Draft, Found, Node, caption_of, entry
from .headed import level_of, read_headings
from .html_tables import read_html_table
from .items import read_list
from .memo import on_forget
from .paragraphs import read_paragraphs
from .rows import schedule_drafts
from .sections import classify_heading
from .settle import Decision, Settled, YearSource, settle
from .talks import field_of

_YEAR = compiled(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?(?!\d)")
Reader = Callable[[Sequence[Node], int], Found | None]
_READERS: tuple[Reader, ...] = (read_html_table, read_list, read_headings, read_paragraphs)


@frozen
class Context(Frozen):
    """What a listing stands under: its headings (nearest last) and the short line just above it."""

    headings: tuple[tuple[int, str, int], ...]
    caption: tuple[str, int] | None


def nodes_of(page: Page) -> list[Node]:
    """The page's headings and items in page order, each with its section."""
    found: list[Node] = []
    for section in page.sections:
        if section.heading is not None:
            found.append(Node(section.heading, section))
        found.extend(Node(item, section) for item in section.items)
    return found


def read_listings(page: Page) -> tuple[Listing, ...]:
    """Every talk listing of the page, in page order, its dates settled."""
    nodes = nodes_of(page)
    settling = _Settling(_page_year(page))
    headings: list[tuple[int, str, int]] = []
    caption: tuple[str, int] | None = None
    skip: dict[Reader, int] = {}
    index = 0
    while index < len(nodes):
        node = nodes[index]
        taken = _take(nodes, index, skip)
        if taken is not None:
            settling.add(taken, Context(tuple(headings), taken.caption or caption), node)
            index = max(taken.end, index + 1)
            caption = None
            continue
        caption = _track(node, headings, caption)
        index += 1
    return settling.done()


def _take(nodes: Sequence[Node], index: int, skip: dict[Reader, int]) -> Found | None:
    """The listing that starts at `index`, if one does; a reader that turned down a run is not asked inside it."""
    item = nodes[index].item
    if isinstance(item, Schedule):
        return Found("table", schedule_drafts(item), index + 1)
    if isinstance(item, Talk):
        return _talk_blocks(nodes, index)
    for reader in _READERS:
        if skip.get(reader, 0) > index:
            continue
        taken = reader(nodes, index)
        if taken is not None and not taken.drafts:
            skip[reader] = taken.end
        elif taken is not None:
            return taken
    return None


def _track(node: Node, headings: list[tuple[int, str, int]], caption: tuple[str, int] | None) -> tuple[str, int] | None:
    """Keep the heading trail up to date; the caption is the last short paragraph line since the last heading."""
    level = level_of(node)
    if level is not None:
        while headings and headings[-1][0] >= level[0]:
            headings.pop()
        headings.append((level[0], level[1], node.item.line))
        return None
    item = node.item
    if isinstance(item, RawBlock) and item.kind == "paragraph":
        found = caption_of(item)
        return found if found is not None else caption
    return caption


def _talk_blocks(nodes: Sequence[Node], index: int) -> Found:
    """The talk blocks of one section (the long blocks of `read.talks`), their dates already read."""
    section = nodes[index].section
    drafts: list[Draft] = []
    end = index
    while end < len(nodes) and nodes[end].section is section:
        item = nodes[end].item
        if isinstance(item, Talk):
            drafts.append(_talk_draft(item))
        elif not isinstance(item, RawBlock):
            break
        end += 1
    return Found("blocks", drafts, end)


def _talk_draft(talk: Talk) -> Draft:
    when = talk.when
    text = "".join(render_part(part) for part in talk.parts)
    time_line = field_of(talk, "time")
    tokens = date_tokens(time_line.text) if time_line is not None else []
    return Draft(
        line=talk.line,
        end_line=talk.line + max(0, len(split_lines(text)) - 1),
        token=tokens[0] if tokens else None,
        status="cancelled" if talk.cancelled else "held",
        title=talk.title or None,
        speakers=talk.speakers,
        affiliation=talk.affiliation,
        location=talk.location,
        start=when.start if when else None,
        end=when.end if when else None,
    )


class _Settling:
    """Each listing's dates settled as it is found; a listing the page never settles takes the order another settled.

    The entries a shape reader took are let go once their listing is built (a big page's listings are
    many thousand entries each), but those of a listing that waits for the order of the page.
    """

    def __init__(self, page_year: YearSource | None) -> None:
        self.page_year = page_year
        self.page_order: Decision | None = None
        self.listings: list[Listing] = []
        self.pending: dict[int, tuple[Found, Context, Node]] = {}

    def add(self, taken: Found, context: Context, node: Node) -> None:
        listing, decision = _listing(taken, context, node, self.page_year, None)
        if decision is not None and self.page_order is None and listing.dates.order is not None:
            self.page_order = Decision(decision.day_first, f"as elsewhere on the page ({decision.evidence})")
        if listing.dates.unsettled:
            self.pending[len(self.listings)] = (taken, context, node)
        self.listings.append(listing)

    def done(self) -> tuple[Listing, ...]:
        listings = self.listings
        for position, (taken, context, node) in self.pending.items() if self.page_order is not None else ():
            listings[position] = _listing(taken, context, node, self.page_year, self.page_order)[0]
        return tuple(listing for listing in listings if listing.entries)


def _listing(
    taken: Found, context: Context, node: Node, page_year: YearSource | None, page_order: Decision | None
) -> tuple[Listing, Decision | None]:
    drafts = taken.drafts
    tokens: list[DateToken | None] = [draft.token for draft in drafts]
    settled, dates, decision = settle(
        tokens, [draft.line for draft in drafts], _heading_year(context), page_year, page_order
    )
    if taken.shape == "blocks":  # a talk block's date is what its time line reads; its weekdays settle the page
        talks = _blocks(node, drafts)
        entries = tuple(_block_entry(draft, talk) for draft, talk in zip(drafts, talks, strict=True))
        return Listing("blocks", node.section.kind, _heading(context), node.item.line, entries, dates), decision
    entries = tuple(_entries(drafts, settled))
    line = drafts[0].line if drafts else 0
    return Listing(taken.shape, _section(node, context), _heading(context), line, entries, dates), decision


def _blocks(node: Node, drafts: list[Draft]) -> list[Talk]:
    lines = {draft.line for draft in drafts}
    return [item for item in node.section.items if isinstance(item, Talk) and item.line in lines]


def _block_entry(draft: Draft, talk: Talk) -> Entry:
    """A talk block's entry: its date as its time line reads it."""
    when = talk.when
    return replace(
        entry(draft, Settled(when.date if when else None, (), when.date_error if when else None)),
        date_text=when.date_text if when else None,
    )


def _entries(drafts: list[Draft], settled: list[Settled]) -> list[Entry]:
    """The entries, one per date: a talk over a range of days (`April 25-26`) is one entry per day."""
    found = []
    for draft, one in zip(drafts, settled, strict=True):
        found.append(entry(draft, one))
        token = draft.token
        if token is not None and token.until and one.date is not None and token.until > one.date.day:
            for day in range(one.date.day + 1, token.until + 1):
                try:
                    found.append(entry(draft, Settled(one.date.replace(day=day))))
                except ValueError:
                    break
    return found


def _heading(context: Context) -> str | None:
    if context.caption is not None and (not context.headings or context.caption[1] > context.headings[-1][2]):
        return context.caption[0]
    return context.headings[-1][1] if context.headings else None


def _section(node: Node, context: Context) -> SectionKind:
    """Upcoming, past or next when the listing's heading or caption says so, else its section's kind."""
    for text in (context.caption[0] if context.caption else "", *(title for _, title, _ in reversed(context.headings))):
        kind = classify_heading(text) if text else "unknown"
        if kind in ("next", "upcoming", "past", "recorded", "schedule"):
            return kind
    return node.section.kind


def _heading_year(context: Context) -> YearSource | None:
    """The year (or span of years) of the nearest heading or caption that names one."""
    sources = [*((title, line) for _, title, line in context.headings), *([context.caption] if context.caption else [])]
    for title, line in sorted(sources, key=lambda item: -item[1]):
        found = _years_in(title)
        if found is not None:
            return YearSource(found[0], found[1], f"{title!r} (line {line})")
    return None


def _years_in(text: str) -> tuple[int, int] | None:
    match = _YEAR.search(text)
    if match is None:
        return None
    first = int(match.group(1))
    second = match.group(2)
    if second is None:
        return first, first
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return (first, last) if last in (first, first + 1) else (first, first)


def _page_year(page: Page) -> YearSource | None:
    """The page's year: its front matter (title, description, permalink, date), else its file name, else its dates."""
    front = page.front_matter
    if front is not None:
        for name, value in (
            ("permalink", front.permalink),
            ("title", front.title),
            ("description", " ".join(front.description)),
        ):
            found = _years_in(value or "")
            if found:
                return YearSource(found[0], found[1], f"the front matter's {name}")
        found = _years_in(front.text)
        if found:
            return YearSource(found[0], found[0], "the front matter")
    if page.path:
        found = _years_in(page.path.rsplit("/", 1)[-1])
        if found:
            return YearSource(found[0], found[1], "the file name", stated=False)
    if page.season_year:
        return YearSource(page.season_year, page.season_year, "the dates on the page", stated=False)
    return None


def unread_lines(page: Page, text: str, listings: tuple[Listing, ...]) -> tuple[Unread, ...]:
    """Lines that a date leads (an item, a row, a heading, a paragraph) that no listing took."""
    taken: set[int] = set()
    for listing in listings:
        for one in listing.entries:
            taken.update(range(one.line, one.end_line + 1))
    skipped = _skipped(page)
    found = []
    for number, line in enumerate(split_lines(text), start=1):
        if number in taken or number in skipped:
            continue
        token = leading_token(body(line))
        if token is not None:
            found.append(Unread(number, body(line).strip(), "a date leads this line, but no talk listing holds it"))
    return tuple(found)


def _skipped(page: Page) -> set[int]:
    """Lines that are not talks: the front matter, code, comments, HTML and the talk blocks' own lines."""
    skipped: set[int] = set()
    if page.front_matter is not None:
        skipped.update(range(1, len(split_lines(page.front_matter.text)) + 1))
    for node in nodes_of(page):
        item = node.item
        if isinstance(item, RawBlock) and item.kind in ("fence", "comment", "html", "front_matter"):
            skipped.update(range(item.line, item.line + len(split_lines(item.text))))
        elif isinstance(item, Talk | Heading):
            skipped.add(item.line)
    return skipped


_CACHE: dict[int, tuple[Page, tuple[Listing, ...]]] = {}
_CACHE_SIZE = 8
on_forget(_CACHE.clear)  # the page is done: its listings go with it


def remember(page: Page, found: tuple[Listing, ...]) -> None:
    """Keep the listings read for a page (the last few pages), so that reading them again costs nothing."""
    _CACHE[id(page)] = (page, found)
    while len(_CACHE) > _CACHE_SIZE:
        del _CACHE[next(iter(_CACHE))]


def listings(page: Page) -> tuple[Listing, ...]:
    """Every talk listing of the page (read once per page object)."""
    kept = _CACHE.get(id(page))
    if kept is not None and kept[0] is page:
        return kept[1]
    found = read_listings(page)
    remember(page, found)
    return found


def settled_schedules(page: Page, found: tuple[Listing, ...]) -> Page:
    """The page with each schedule row's date as its listing settled it (day first where the page says so)."""
    dates = {one.line: one for listing in found if listing.shape == "table" for one in listing.entries}
    sections = []
    changed = False
    for section in page.sections:
        items = []
        for item in section.items:
            if isinstance(item, Schedule):
                settled = _settled_rows(item, dates)
                changed = changed or settled is not item
                item = settled
            items.append(item)
        sections.append(replace(section, items=tuple(items)) if changed else section)
    return replace(page, sections=tuple(sections)) if changed else page


def _settled_rows(schedule: Schedule, dates: dict[int, Entry]) -> Schedule:
    rows = []
    for row in schedule.items:
        found = dates.get(row.line) if isinstance(row, ScheduleEntry) else None
        if (
            isinstance(row, ScheduleEntry)
            and found is not None
            and (found.date, found.date_error) != (row.date, row.date_error)
        ):
            row = replace(row, date=found.date, date_error=None if found.date else found.date_error or row.date_error)
        rows.append(row)
    if all(new is old for new, old in zip(rows, schedule.items, strict=True)):
        return schedule
    return replace(schedule, items=tuple(rows))

"""Adding a talk to a page that lists its talks as rows, items, headings or dated lines.

The new entry goes into the listing of its term or section, at its place in that
listing's order (ascending or descending), and fills a placeholder slot on its date
rather than adding a second one. Its text is a neighbour's, with the new talk's values in
the places that neighbour's values stand (`units`). The result is read again: the new talk
must read back with its date, speakers and title, and every other talk as it was.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from ..errors import PageSyntaxError, UsageError, WriteRefusedError
from ..model import Entry, Frozen, Listing, Page, frozen, replace
from ..patterns import compiled
from ..read.date_tokens import DateToken, date_tokens
from ..read.inline import strip_markup
from ..read.listings import listings
from ..read.page import parse_page
from ..read.terms import Term, named_term, term_of, term_words
from ..text.blocks import heading_of
from ..text.lines import is_blank
from ..text.render import render_page
from . import compose
from .restyle import months_in_full, padded_numbers, restyle
from .result import Edit
from .slots import SlotKind, find_slots, unlinked
from .talk_block import TalkDetails
from .units import Template, balanced, without_empty_details
from .units import compose as compose_unit

EDITED_SHAPES = ("table", "html-table", "list", "headings", "paragraphs")
_PEERS = 8
_ANCHOR = compiled(r"^\s*<a\s+(?:name|id)=[^<>]{0,300}>\s*</a>\s*$", re.I)


@frozen
class Place(Frozen):
    """Where a new talk goes: a listing, and the heading of a new term to open after or before it."""

    listing: Listing
    new_term: str | None = None


def listed(page: Page) -> list[Listing]:
    """The page's listings that edits of this kind change: dated rows, items, headings or lines."""
    return [item for item in listings(page) if item.shape in EDITED_SHAPES and any(e.date for e in item.entries)]


def add(page: Page, details: TalkDetails, *, today: date) -> Edit:
    """The page with the new talk in its listing, written like its neighbours."""
    day = details.day
    if day is None:
        raise UsageError("a talk on this page needs a date", path=page.path, expected="--date YYYY-MM-DD")
    found = listed(page)
    if not found:
        raise PageSyntaxError(
            "the page lists no dated talks to add a talk to",
            path=page.path,
            expected="a table, list or headings of talks",
        )
    place = _place(page, found, day, today)
    lines = render_page(page).splitlines(keepends=True)
    entries = place.listing.entries
    index = position(entries, day)
    slot = next((e for e in entries if e.date == day and e.status == "placeholder"), None)
    template, peers = _template(lines, place.listing, details, index)
    notes: tuple[str, ...] = ()
    if details.speakers and "speakers" not in template.kinds:
        notes = ("the listing names no speakers; the speaker is written after the title, in parentheses",)
    elif not details.speakers and "speakers" in template.kinds:
        raise UsageError("a talk needs a speaker: the listing names each talk's speakers", expected="--speaker NAME")
    values = _values(details, place.listing, template, peers, lines)
    text = balanced(without_empty_details(compose_unit(template, peers, values, table=place.listing.shape == "table")))
    text = text if text.endswith(("\n", "\r")) else text + _newline(lines)
    if place.new_term is not None:
        lines = _new_term(lines, page, place, text)
    elif slot is not None:
        lines = _fill(lines, slot, text)
    else:
        lines = insert(lines, entries, index, text, gap(lines, entries))
    new_page = _checked(page, "".join(lines), details, replaced=slot)
    names = " and ".join(speaker.name for speaker in details.speakers)
    where = f"a new term '{place.new_term.strip('# ')}'" if place.new_term else _describe(place.listing)
    return Edit(new_page, f"added {names or details.title} on {day.isoformat()} to {where}", notes)


def _describe(listing: Listing) -> str:
    return f"the talks under '{listing.heading}'" if listing.heading else f"the talks at line {listing.line}"


def _place(page: Page, found: list[Listing], day: date, today: date) -> Place:
    """The listing of the talk's section (upcoming or past, where the page keeps both) and term."""
    upcoming = [item for item in found if item.section == "upcoming"]
    past = [item for item in found if item.section == "past"]
    pool = found
    if upcoming and past:
        pool = upcoming if day >= today else past
    elif past and not upcoming and day >= today and any(item.section == "next" for item in listings(page)):
        raise UsageError(
            "the page lists a coming talk only as its next one and keeps no list of talks to come",
            path=page.path,
            line=next(item.line for item in listings(page) if item.section == "next"),
            column=1,
            expected="a date before --today, for the list of past talks",
        )
    return _term_place(pool, day) or Place(min(pool, key=lambda item: _distance(item, day)))


def _term_place(pool: list[Listing], day: date) -> Place | None:
    """The listing whose term or dates hold the day; else a new term, when the page keeps one per term."""
    terms = [(item, term_of(item.heading or "", [e.date for e in item.entries if e.date])) for item in pool]
    holding = [item for item, term in terms if term is not None and term.holds(day)]
    holding = holding or [item for item in pool if _distance(item, day) == 0]
    if holding:
        return Place(holding[0])
    named = [(item, term) for item, term in terms if term is not None and term.word is not None]
    return _new_term_place(named, day) if len(named) >= 2 else None


def _new_term_place(named: list[tuple[Listing, Term]], day: date) -> Place | None:
    """A new term after the latest one, named in the page's words, when the day is after it."""
    latest, term = max(named, key=lambda pair: pair[1].last)
    if day <= term.last:
        return None
    heading = named_term(latest.heading or "", term, day, term_words([item.heading or "" for item, _ in named]))
    return Place(latest, heading) if heading else None


def _distance(listing: Listing, day: date) -> int:
    dates = [e.date for e in listing.entries if e.date]
    return max((min(dates) - day).days, (day - max(dates)).days, 0)


def _descending(entries: Sequence[Entry]) -> bool:
    dates = [e.date for e in entries if e.date]
    pairs = list(pairwise(dates))
    return sum(b < a for a, b in pairs) > sum(b > a for a, b in pairs)


def position(entries: Sequence[Entry], day: date) -> int:
    """The index of the entry the new talk goes before (len for the end), in the listing's own order.

    After the last dated entry when no entry comes later: undated placeholders at the end stay last.
    """
    descending = _descending(entries)
    dated = [index for index, entry in enumerate(entries) if entry.date is not None]
    for index in dated:
        when = entries[index].date
        assert when is not None
        if when < day if descending else when > day:
            return index
    return dated[-1] + 1 if dated else len(entries)


def unit_text(lines: Sequence[str], entry: Entry) -> str:
    """The text of an entry: its row, item, heading block or line."""
    return "".join(lines[entry.line - 1 : entry.end_line])


def _template(
    lines: Sequence[str], listing: Listing, details: TalkDetails, index: int
) -> tuple[Template, list[Template]]:
    """The entry to copy and its peers (the entries written with the same slots).

    The template holds every value given, is written the listing's usual way (its literals as
    most peers write them), and stands nearest the new entry's place.
    """
    cut = _cut(lines, listing)
    wanted = _wanted(details, cut)
    usable = [(position, template) for position, template in cut if wanted <= set(template.kinds)]
    if not usable and "speakers" in wanted:  # no entry names speakers and a title: the title says who
        wanted = (wanted - {"speakers"}) | {"title"}
        usable = [(position, template) for position, template in cut if wanted <= set(template.kinds)]
    if not usable:
        raise _no_place(listing, wanted, cut)
    counts = Counter(template.kinds for _, template in cut)
    nearest = sorted(usable, key=lambda pair: (-counts[pair[1].kinds], abs(pair[0] - index)))[:_PEERS]

    def usual(pair: tuple[int, Template]) -> tuple[int, int]:
        position, template = pair
        same = [found for other, found in cut if found.kinds == template.kinds and other != position]
        shared = sum(_edges(found) == _edges(template) for found in same[: _PEERS * 4])
        return shared, -abs(position - index)

    last = len(listing.entries) - 1  # the last entry often ends without its neighbours' separator
    position, template = max(nearest, key=lambda pair: (counts[pair[1].kinds], pair[0] != last, *usual(pair)))
    by_distance = sorted((pair for pair in cut if pair[0] != position), key=lambda pair: abs(pair[0] - position))
    same = [pair for pair in by_distance if pair[1].kinds == template.kinds][:_PEERS]
    # Entries with other slots vote only on how an entry starts and ends (`units.compose`).
    others = [pair for pair in by_distance if pair[1].kinds != template.kinds][:_PEERS]
    return _renumbered(template, same + others, position, index)


def _edges(template: Template) -> tuple[str, ...]:
    """What stands on each slot's own line, just before and after it (`<i>` and `</i>` round a title)."""
    edges: list[str] = []
    for at in range(len(template.kinds)):
        edges.append(_norm(template.literals[at].rsplit("\n", 1)[-1]))
        edges.append(_norm(template.literals[at + 1].split("\n", 1)[0]))
    return tuple(edges)


def _cut(lines: Sequence[str], listing: Listing) -> list[tuple[int, Template]]:
    """Each held, dated entry of the listing (with its position) cut at its slots."""
    cut: list[tuple[int, Template]] = []
    for position, entry in enumerate(listing.entries):
        if entry.status == "held" and entry.date is not None:
            text = unlinked(unit_text(lines, entry), entry)
            slots = find_slots(text, entry, table=listing.shape == "table")
            cut.append((position, Template.of(text, slots)))
    return cut


def _wanted(details: TalkDetails, cut: list[tuple[int, Template]]) -> set[SlotKind]:
    """The slots the new entry needs: its date and one for each value given (speakers where the listing names any)."""
    wanted: set[SlotKind] = {"date"}
    if details.speakers and speakers_written(cut):
        wanted.add("speakers")
    if details.title or (details.speakers and not speakers_written(cut)):
        wanted.add("title")
    for kind, value in (("affiliation", details.affiliation), ("location", details.location)):
        if value:
            wanted.add(kind)  # type: ignore[arg-type]
    if details.start is not None:
        wanted.add("time")
    return wanted


def speakers_written(cut: list[tuple[int, Template]]) -> bool:
    """True when some entry of the listing names its speakers where the reader finds them."""
    return any("speakers" in template.kinds for _, template in cut)


_NUMBER = compiled(r"\d{1,4}")


def _renumbered(
    template: Template, peers: list[tuple[int, Template]], position: int, index: int
) -> tuple[Template, list[Template]]:
    """Template and peers numbered as the new entry (`### 60.`, `Week 4`) when the listing numbers its entries."""
    found = _NUMBER.search(template.literals[0])
    if found is None or not peers:
        return template, [peer for _, peer in peers]
    number = int(found.group(0))
    for step in (1, -1):
        fits = [
            (match := _NUMBER.search(peer.literals[0])) is not None
            and int(match.group(0)) == number + step * (other - position)
            for other, peer in peers
        ]
        if 2 * sum(fits) > len(peers):
            offset = index - position if index > position else index - position - 1
            new = str(number + step * offset)
            return _numbered(template, new), [_numbered(peer, new) for _, peer in peers]
    return template, [peer for _, peer in peers]


def _numbered(template: Template, number: str) -> Template:
    literal = _NUMBER.sub(number, template.literals[0], count=1)
    return replace(template, literals=(literal, *template.literals[1:]))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _no_place(listing: Listing, wanted: set[SlotKind], cut: list[tuple[int, Template]]) -> UsageError:
    have = set().union(*(set(template.kinds) for _, template in cut)) if cut else set()
    missing = sorted(wanted - have) or sorted(wanted)
    options = {"speakers": "--speaker", "title": "--title", "affiliation": "--affiliation", "location": "--location",
               "time": "--time", "date": "--date"}  # fmt: skip
    return UsageError(
        f"{', '.join(options[kind] for kind in missing)} has no place: no talk in this listing writes "
        f"{' or '.join(missing)} where the reader finds it",
        line=listing.line,
        column=1,
        expected=f"no {options[missing[0]]}, or a listing whose talks write it",
    )


def _values(
    details: TalkDetails, listing: Listing, template: Template, peers: list[Template], lines: Sequence[str]
) -> dict[SlotKind, str | None]:
    """What each slot of the new entry holds, escaped for where it stands."""
    day = details.day
    assert day is not None
    written = dict(zip(template.kinds, template.values, strict=True))
    markup = escape_for(listing, "".join(template.literals))
    texts = [e.date_text for e in listing.entries if e.date_text]
    token = date_tokens(written["date"])[0]
    title = markup(details.title) if details.title else _placeholder(lines, listing)
    if details.speakers and "speakers" not in written:
        title += f" ({_speakers(details, '', markup)})"
    values: dict[SlotKind, str | None] = {
        "date": restyle(
            token,
            day,
            day_first=day_first(token, listing, day),
            padded=padded_numbers(texts),
            full_months=months_in_full(texts),
        ),
        "speakers": _speakers(details, written.get("speakers", ""), markup),
        "title": title,
        "affiliation": markup(details.affiliation) if details.affiliation else None,
        "location": markup(details.location)
        if details.location
        else _usual(template, peers, "location") or _placeholder(lines, listing),
    }
    if "time" in written:
        values["time"] = (
            compose.range_text(written["time"], details.start, details.end)
            if details.start is not None
            else _usual(template, peers, "time")
        )
    return values


def day_first(token: DateToken, listing: Listing, day: date) -> bool:
    """The listing's settled order; a neighbour's own order where it shows one the new date cannot be misread in."""
    settled = listing.dates.order == "day-first"
    if token.kind != "numeric" or token.ambiguous or token.first == token.second or day.day <= 12:
        return settled
    return token.first > 12


def escape_for(listing: Listing, around: str) -> compose.Escape:
    if listing.shape == "html-table" or "<td" in around.lower() or "<br" in around.lower():
        return lambda value: html.escape(value, quote=False)
    if listing.shape == "table":
        return compose.cell_text
    return compose.escape_inline


def _speakers(details: TalkDetails, written: str, markup: compose.Escape) -> str:
    names = [markup(speaker.name) for speaker in details.speakers]
    if any(speaker.url for speaker in details.speakers):
        html_links = markup is not compose.escape_inline and markup is not compose.cell_text
        names = [
            (f'<a href="{s.url}">{name}</a>' if html_links else f"[{name}]({s.url})") if s.url else name
            for s, name in zip(details.speakers, names, strict=True)
        ]
    joiner = next((mark for mark in (" and ", ", ", " & ", "<br>") if mark in written), " and ")
    return joiner.join(names)


def _usual(template: Template, peers: list[Template], kind: SlotKind) -> str | None:
    """The value most of the listing's entries hold in a slot (the series' room or hours), else None."""
    values = [
        found for item in (template, *peers) if (found := dict(zip(item.kinds, item.values, strict=True)).get(kind))
    ]
    common = Counter(value.strip() for value in values)
    if not common:
        return None
    value, count = common.most_common(1)[0]
    return value if 2 * count > len(values) else None


def _placeholder(lines: Sequence[str], listing: Listing) -> str:
    words = Counter(
        word for entry in listing.entries for word in ("TBD", "TBA", "tbd", "tba") if word in unit_text(lines, entry)
    )
    return words.most_common(1)[0][0] if words else "TBD"


def _newline(lines: Sequence[str]) -> str:
    return "\r\n" if lines and lines[0].endswith("\r\n") else "\n"


def gap(lines: Sequence[str], entries: Sequence[Entry]) -> list[str]:
    """The lines the listing keeps between one entry and the next (the most common such lines)."""
    gaps = Counter(tuple(lines[a.end_line : b.line - 1]) for a, b in pairwise(entries))
    return list(gaps.most_common(1)[0][0]) if gaps else []


def _split_blank_tail(text: str) -> tuple[list[str], list[str]]:
    lines = text.splitlines(keepends=True)
    end = len(lines)
    while end > 0 and is_blank(lines[end - 1]):
        end -= 1
    return lines[:end], lines[end:]


def insert(lines: list[str], entries: Sequence[Entry], index: int, text: str, between: list[str]) -> list[str]:
    """`lines` with the new entry before `entries[index]`, or after the last entry, set off by the listing's gap."""
    if index < len(entries):
        at = entries[index].line - 1
        while at > 0 and _ANCHOR.match(lines[at - 1]):
            at -= 1  # an anchor above an entry stays with it
        return [*lines[:at], *text.splitlines(keepends=True), *between, *lines[at:]]
    new = text.splitlines(keepends=True)
    last = entries[-1]
    unit = lines[last.line - 1 : last.end_line]
    end = last.end_line - _tail_length(unit)
    if not lines[end - 1].endswith(("\n", "\r")):
        lines = [*lines[: end - 1], lines[end - 1] + _newline(lines), *lines[end:]]
    cut = len(new) - _tail_length(new)
    # The old last entry takes the separator its neighbours end with; the new one ends as the old one did.
    return [*lines[:end], *new[cut:], *between, *new[:cut], *lines[end:]]


_TAIL = compiled(r"^\s*(?:[-*_=]{3,}|&nbsp;|<br\s*/?>|<hr\s*/?>)?\s*$", re.I)


def _tail_length(unit: Sequence[str]) -> int:
    """How many lines end an entry's text without saying anything: blank lines, rules, `&nbsp;`."""
    count = 0
    while count < len(unit) - 1 and _TAIL.match(unit[len(unit) - 1 - count]):
        count += 1
    return count


def remove_unit(lines: list[str], entries: Sequence[Entry], entry: Entry) -> tuple[list[str], int]:
    """`lines` without the entry's text and the gap after it (before it, for the last); how many lines went."""
    index = list(entries).index(entry)
    start, stop = entry.line - 1, entry.end_line
    if index + 1 < len(entries):
        stop = entries[index + 1].line - 1
    elif index > 0:
        start = entries[index - 1].end_line
    return [*lines[:start], *lines[stop:]], stop - start


def _fill(lines: list[str], slot: Entry, text: str) -> list[str]:
    """`lines` with the placeholder entry's text replaced by the new entry's (its own blank lines kept)."""
    core, _ = _split_blank_tail(text)
    end = slot.end_line
    while end > slot.line and is_blank(lines[end - 1]):
        end -= 1
    return [*lines[: slot.line - 1], *core, *lines[end:]]


def _new_term(lines: list[str], page: Page, place: Place, text: str) -> list[str]:
    """`lines` with a new term: its heading, the listing's opening lines (a table's header), the new entry."""
    listing = place.listing
    heading_line = _heading_line(lines, listing)
    if heading_line is None or place.new_term is None:
        raise PageSyntaxError("the term's heading cannot be found", path=page.path, line=listing.line, column=1)
    first = listing.entries[0]
    opening = _opening(lines[heading_line + 1 : first.line - 1], listing)
    marks = lines[heading_line][: len(lines[heading_line]) - len(lines[heading_line].lstrip("# "))]
    newline = _newline(lines)
    block = [marks + place.new_term.strip("# ") + newline, *opening, *text.splitlines(keepends=True), newline]
    newest_first = _newest_term_first(lines, place, heading_line)
    if newest_first:
        return [*lines[:heading_line], *block, *lines[heading_line:]]
    end = listing.entries[-1].end_line
    while end < len(lines) and is_blank(lines[end]):
        end += 1
    return [*lines[:end], newline, *block[:-1], *lines[end:]]


def _opening(between: list[str], listing: Listing) -> list[str]:
    """What a new term copies from between its heading and first entry: a blank line, and a table's header."""
    header: list[str] = []
    if listing.shape in ("table", "html-table"):
        end = len(between)
        while end > 0 and not is_blank(between[end - 1]) and ("|" in between[end - 1] or "<" in between[end - 1]):
            end -= 1
        header = between[end:]
    blank = [line for line in between[:1] if is_blank(line)] or [line for line in between if is_blank(line)][:1]
    return [*blank, *header]


def _heading_line(lines: Sequence[str], listing: Listing) -> int | None:
    for index in range(listing.line - 2, -1, -1):
        found = heading_of(lines[index].rstrip("\r\n"))
        if found is not None and found[1].strip() == (listing.heading or "").strip():
            return index
    return None


def _newest_term_first(lines: Sequence[str], place: Place, heading_line: int) -> bool:
    """True when the page puts later terms above earlier ones (the latest term's heading comes first)."""
    for index, line in enumerate(lines):
        found = heading_of(line.rstrip("\r\n"))
        if found is not None and index != heading_line and term_of(found[1], []) is not None:
            return index > heading_line
    return True


def key(entry: Entry) -> tuple[object, ...]:
    return entry.date, entry.title, tuple(speaker.name for speaker in entry.speakers), entry.status


def _checked(page: Page, text: str, details: TalkDetails, *, replaced: Entry | None) -> Page:
    """The new page, read again: refused unless it holds the new talk as given and every other talk as it was."""
    new_page = parse_page(text, page.path, known=page)
    before = Counter(key(entry) for listing in listed(page) for entry in listing.entries if entry is not replaced)
    after = Counter(key(entry) for listing in listed(new_page) for entry in listing.entries)
    added = after - before
    lost = before - after
    names = tuple(speaker.name for speaker in details.speakers)
    new = [key for key in added if key[0] == details.day and _same_names(key[2], names)]
    title_ok = all(details.title is None or _plain(key[1]) == _plain(details.title) for key in new)
    _refuse_other_year(page, details, [key[0] for key in added])
    if lost or len(added) != 1 or not new or not title_ok:
        found = next(iter(lost), None) or next(iter(added), None)
        raise WriteRefusedError(
            "the new talk would not read back as given; nothing was written",
            path=page.path,
            found=repr(found),
            expected=repr((details.day, details.title, names)),
        )
    return new_page


def _refuse_other_year(page: Page, details: TalkDetails, read: list[object]) -> None:
    """A usage error when the new date reads back in another year: the listing writes no years."""
    day = details.day
    for found in read:
        if (
            isinstance(found, date)
            and day is not None
            and found != day
            and (found.month, found.day) == (day.month, day.day)
        ):
            raise UsageError(
                f"the listing writes its dates without a year and its talks are in {found.year}, "
                f"so a talk on {day.isoformat()} would read as {found.isoformat()}",
                path=page.path,
                expected=f"a date in {found.year}, or a page or term of its own for {day.year}",
            )


def _same_names(read: object, given: tuple[str, ...]) -> bool:
    return isinstance(read, tuple) and [_plain(name) for name in read] == [_plain(name) for name in given]


def _plain(text: object) -> str:
    return " ".join(strip_markup(str(text or "")).split()).casefold()


def other_shape(page: Page) -> bool:
    """True when the page lists its talks otherwise than in one schedule table of dates read month first.

    Such pages are edited here; a page with one schedule table is edited row by row in `rows`.
    """
    found = listed(page)
    schedule = page.schedule
    if not found:
        return False
    if schedule is None or len(page.schedules) != 1 or len(found) != 1:
        return True
    only = found[0]
    rows = range(schedule.line, schedule.line + len(schedule.items) + 2)
    return (
        only.shape != "table" or only.dates.order == "day-first" or "name" not in dict(schedule.columns)
        or only.line not in rows
    )  # fmt: skip

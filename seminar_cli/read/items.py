"""Talks as list items: a bullet or numbered item per talk, its nested items giving the details.

`- **date**: Title (Speaker)`, `- date: [Title](url) by Speaker`, `* April 7th: Topic (Discussion
lead by X)`, `- 08/6/21 (Speaker) Title`, and items whose date is a nested field
(`- Lecture-1: Title` over `- Speaker: X` and `- Date: 02/02/2023`). A list is a run of
blocks: its items may stand apart, with blank lines between them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Frozen, RawBlock, Speaker, frozen
from ..patterns import IGNORECASE, compiled
from ..text.lines import body, split_lines
from . import inline
from .date_tokens import DateToken, date_tokens, leading_token
from .entries import Draft, Found, Node, caption_line, hours
from .people import DashOrder, Described, blank, dash_order, read_free, read_people, status_of, struck

_ITEM = compiled(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,3}[.)])(?:[ \t]+(?P<text>.*))?$")
_KEY = compiled(r"^[\s*_]*(?P<word>week|session|meeting|class|lecture)\s*[-#]?\s*(?P<number>\d{1,3})\b", IGNORECASE)
_FIELD = compiled(r"^[\s*_]*(?P<label>[A-Za-z][A-Za-z ()'’]{0,30}?)[*_]*\s*:[\s*_]*(?P<value>.*)$")
FIELD_KINDS = {
    "speaker": "speaker", "speakers": "speaker", "speaker(s)": "speaker", "presenter": "speaker",
    "presenters": "speaker", "presenter(s)": "speaker", "moderator": "speaker", "moderators": "speaker",
    "moderator(s)": "speaker", "leader": "speaker", "lead": "speaker", "led by": "speaker", "lecturer": "speaker",
    "lecturers": "speaker", "discussant": "speaker", "title": "title", "paper": "title", "topic": "title",
    "talk": "title", "reading": "title", "date": "date", "when": "date", "day": "date", "time": "time",
    "room": "location", "location": "location", "place": "location", "where": "location", "venue": "location",
}  # fmt: skip


@frozen
class Line(Frozen):
    """One source line of a list, with its number."""

    number: int
    text: str


def read_list(nodes: Sequence[Node], index: int) -> Found | None:
    """The list that starts in `nodes[index]`, when most of its items carry a date (no drafts when they do not)."""
    lines, end, caption = _run(nodes, index)
    if not lines:
        return None
    items = _items(lines)
    order = dash_order([_head(item)[1] for item in items])
    drafts = [_draft(item, order) for item in items]
    dated = sum(1 for draft in drafts if draft.token is not None or draft.label is not None)
    if dated == 0 or dated * 2 < len(drafts):
        return Found("list", [], end)  # not a listing: none of its items starts one either
    return Found("list", drafts, end, caption)


def _starts_list(block: RawBlock) -> bool:
    return block.kind == "paragraph" and _ITEM.match(body(block.text.partition("\n")[0])) is not None


def _first_item(block: RawBlock) -> int | None:
    """Where a list starts in a paragraph (a list may follow a line such as `Upcoming events:` directly)."""
    if block.kind != "paragraph":
        return None
    return next((offset for offset, text in enumerate(split_lines(block.text)) if _ITEM.match(body(text))), None)


def _run(nodes: Sequence[Node], index: int) -> tuple[list[Line], int, tuple[str, int] | None]:
    """The lines of a list that starts in `index`: paragraphs of items and indented lines, blank lines between."""
    first = nodes[index].item
    start = _first_item(first) if isinstance(first, RawBlock) else None
    if start is None or not isinstance(first, RawBlock):
        return [], index, None
    head = split_lines(first.text)
    caption = caption_line(body(head[start - 1]), first.line + start - 1) if start else None
    lines = [Line(first.line + offset, body(text)) for offset, text in enumerate(head) if offset >= start]
    end = _end(nodes, index)
    for node in nodes[index + 1 : end]:
        if isinstance(node.item, RawBlock) and node.item.kind == "paragraph":
            lines.extend(_lines(node.item))
    return lines, end, caption


def _lines(block: RawBlock) -> list[Line]:
    return [Line(block.line + offset, body(text)) for offset, text in enumerate(split_lines(block.text))]


def _continues(node: Node, section: object) -> bool | None:
    """True for a block that continues a list, False for one that may stand in it (a blank), None for its end."""
    item = node.item
    if not isinstance(item, RawBlock) or node.section is not section:
        return None
    if item.kind == "paragraph":
        return True if _starts_list(item) or item.text[:1] in " \t" else None
    return False if item.kind in ("blank", "comment") else None


def _end(nodes: Sequence[Node], index: int) -> int:
    """Where the list that starts in `index` ends: after its last paragraph of items."""
    end = last = index + 1
    while end < len(nodes):
        found = _continues(nodes[end], nodes[index].section)
        if found is None:
            break
        end += 1
        last = end if found else last
    return last


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _items(lines: list[Line]) -> list[list[Line]]:
    """The top-level items, each with the lines under it (nested items, continuations)."""
    top = _width(_ITEM.match(lines[0].text).group("indent"))  # type: ignore[union-attr]
    items: list[list[Line]] = []
    for line in lines:
        match = _ITEM.match(line.text)
        if match is not None and _width(match.group("indent")) <= top + 1:
            items.append([line])
        elif items:
            items[-1].append(line)
    return items


def _head(item: list[Line]) -> tuple[str, str, DateToken | None]:
    """An item's first line with its continuation lines, what follows the date leading it, and that date."""
    head = _ITEM.match(item[0].text)
    text = (head.group("text") or "") if head else item[0].text
    text += "".join(" " + line.text.strip() for line in _continuation(item))
    token = leading_token(text)
    return text, (text[token.end :] if token is not None else text), token


def _draft(item: list[Line], order: DashOrder | None) -> Draft:
    """What one item says: its date, title and speakers from its first line, else from its nested fields."""
    text, rest, token = _head(item)
    fields, loose = _fields(item)
    if token is None and "date" in fields:
        found = date_tokens(inline.strip_markup(fields["date"]))
        token = found[0] if found else None
    label = None
    if token is None and (keyed := _KEY.match(text)) is not None:  # `**Week 3:** *Title*`: a week, not a date
        label, rest = f"{keyed.group('word').capitalize()} {keyed.group('number')}", text[keyed.end() :]
    described = _described(rest, fields, loose, order)
    start, end = hours(text, token) if token is not None else (None, None)
    statuses = [rest, fields.get("title"), fields.get("speaker"), *loose]
    return Draft(
        line=item[0].number,
        end_line=item[-1].number,
        token=token,
        status="cancelled" if struck(text) else status_of(*statuses, speakers=described.speakers),
        title=described.title,
        speakers=described.speakers,
        affiliation=described.affiliation,
        location=inline.strip_markup(fields["location"]) or None if "location" in fields else None,
        start=start,
        end=end,
        label=label,
    )


def _continuation(item: list[Line]) -> list[Line]:
    """The first line's own continuation lines (before the first nested item)."""
    found = []
    for line in item[1:]:
        if _ITEM.match(line.text) or not line.text.strip():
            break
        found.append(line)
    return found


def _fields(item: list[Line]) -> tuple[dict[str, str], list[str]]:
    """The nested items: labelled ones by kind (`Speaker: X`, `**Paper:** Y`), and the others as written."""
    fields: dict[str, str] = {}
    loose: list[str] = []
    for line in item[1:]:
        match = _ITEM.match(line.text)
        if match is None or not match.group("text"):
            continue
        value = match.group("text")
        field = _FIELD.match(value)
        kind = FIELD_KINDS.get(field.group("label").strip().lower()) if field else None
        if field is not None and kind is not None:
            fields.setdefault(kind, field.group("value").rstrip(" \t*_"))
        else:
            loose.append(value)
    return fields, loose


def _described(rest: str, fields: dict[str, str], loose: list[str], order: DashOrder | None) -> Described:
    """Title and speakers: labelled nested fields first, then the first line, then a lone nested line."""
    from_line = read_free(rest, order)
    title = from_line.title
    if "title" in fields and not blank(inline.strip_markup(fields["title"])):
        title = read_free(fields["title"]).title or title
    speakers: tuple[Speaker, ...] = from_line.speakers
    affiliation = from_line.affiliation
    if "speaker" in fields:
        speakers, affiliation = read_people(fields["speaker"])
        speakers = tuple(speaker for speaker in speakers if not blank(speaker.name))
    if title is None and not speakers and len(loose) == 1:
        title = read_free(loose[0]).title
    return Described(title, speakers, affiliation)


def is_item(line: str) -> bool:
    """True for a line that is a list item (`- …`, `* …`, `1. …`)."""
    return _ITEM.match(line) is not None

"""Talks as headings: a heading per talk at any level, what follows it up to the next one its body.

The heading is the date (`## Thursday, March 10, 4:00 PM`), the date and a title or a
speaker (`### 6/16/2023: Calvin Preston`, `## October 23: Topic`), a numbered title and
its date (`### 59. "Title" 14.03.2023`), or `Speaker (Affiliation) - January 15th, 2025`;
or it is the title, and a labelled line of its body gives the date. The body's labelled
lines (`**Speaker:**`, `**Title:**`, `**Date:**`, `*Abstract:*`) and its first line
(the title under a heading that names the speaker) say the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import EntryStatus, Heading, Item, RawBlock, Speaker
from ..patterns import IGNORECASE, MULTILINE, compiled
from ..text.blocks import heading_of
from ..text.lines import split_lines
from . import inline
from .date_tokens import DateToken, date_tokens, leading_token
from .entries import Draft, Found, Node, hours
from .items import FIELD_KINDS, is_item
from .people import Described, blank, people_phrase, read_free, read_people, status_of

# `**Speaker:** X`, `**Speaker**: X`, `*Abstract:*`, `Title: X`: an emphasis mark, a label, a colon in or after it.
_DASH = compiled(r"\s+(?:--|–|—)\s*")
_LABEL = compiled(r"^\s*(\*\*|__|\*|_)?(?P<label>[A-Za-z][A-Za-z ()'’]{0,30}?)(?:\1)?:(?:\1)?\s*(?P<value>.*)$")
_DATE_LABEL = compiled(r"^\W{0,3}(date|when|day)\W{0,3}:", IGNORECASE | MULTILINE)
_NUMBERED = compiled(r"^\s*\d{1,4}\s*[.:)]\s*")
# After the date: nothing, or the hours and the place (`, 4pm, Room 101`, ` at 4 pm`, ` - 16:00`).
_DATE_LINE_REST = compiled(r"$|[,;|·•@]|\s+(?:at|in|from|\d)|\s*[-–—]\s?\d", IGNORECASE)
_DATE_LINE_WIDTH = 80  # a date line gives the date, hours and room; a longer line is prose that starts with a date
_MARKS = compiled(r"\*\*\[?(postponed|cancel+ed)\]?\*\*|\[(postponed|cancel+ed)\]", IGNORECASE)


def level_of(node: Node) -> tuple[int, str] | None:
    """The level and title of a heading node (a section's heading or a heading inside a section)."""
    item = node.item
    if isinstance(item, Heading):
        return item.level, item.title
    if isinstance(item, RawBlock) and item.kind == "heading":
        return heading_of(item.text)
    return None


def read_headings(nodes: Sequence[Node], index: int) -> Found | None:
    """The talks under headings of one level that starts at `nodes[index]`, when they carry dates."""
    found = level_of(nodes[index])
    if found is None:
        return None
    level = found[0]
    drafts: list[Draft] = []
    position = index
    while position < len(nodes):
        heading = level_of(nodes[position])
        if heading is None or heading[0] != level:
            break
        end = _body_end(nodes, position, level)
        draft = _draft(nodes, position, end, heading[1])
        if draft is None:
            break
        drafts.append(draft)
        position = end
    if not drafts:
        return None
    return Found("headings", drafts, position)


def _body_end(nodes: Sequence[Node], index: int, level: int) -> int:
    end = index + 1
    while end < len(nodes):
        found = level_of(nodes[end])
        if found is not None and found[0] <= level:
            break
        end += 1
    return end


def _line_of(node: Node) -> int:
    return node.item.line


def _draft(nodes: Sequence[Node], index: int, end: int, title: str) -> Draft | None:
    """One heading's talk, or None when neither the heading nor a labelled line of its body gives a date."""
    body = nodes[index + 1 : end]
    heading = inline.strip_markup(title)
    tokens = date_tokens(heading)
    date_line = None if tokens else _date_line(body)
    if not tokens and date_line is None and not _dated_body(body):
        return None
    labelled, lines = _body(body)
    if date_line is not None:
        lines = lines[1:]
    token = tokens[0] if tokens else leading_token(date_line or "") or _labelled_date(labelled)
    if token is None:
        return None
    rest = heading[: token.start] + " " + heading[token.end :] if tokens else heading
    described = _described(_NUMBERED.sub("", rest.strip(" ,;:-–—")), labelled, lines)
    start, stop = hours(heading, tokens[0] if tokens else None)
    if start is None:
        start, stop = hours(date_line or labelled.get("time", ""), None)
    return Draft(
        line=_line_of(nodes[index]),
        end_line=_last_line(body[-1].item if body else nodes[index].item),
        token=token,
        status=_status(title, described, _raw_title(labelled, lines, described)),
        title=described.title,
        speakers=described.speakers,
        affiliation=described.affiliation,
        location=inline.strip_markup(labelled.get("location", "")) or None,
        start=start,
        end=stop,
    )


def _dated_body(body: Sequence[Node]) -> bool:
    """True when a heading's own body (no heading below it) has a labelled date line."""
    if any(level_of(node) is not None for node in body):
        return False
    return any(_DATE_LABEL.search(getattr(node.item, "text", "")) for node in body)


def _date_line(body: Sequence[Node]) -> str | None:
    """The first line of a heading's own body when it is a date line (`*March 3, 2025, 4pm, Room 101*`).

    A date line is short, starts with a date and goes on only to hours or a place, so that prose which
    starts with a date (`March 3, 2015: the club was founded.`) and list items are not one.
    """
    blocks = [node.item for node in body if not (isinstance(node.item, RawBlock) and node.item.kind == "blank")]
    if not blocks or not isinstance(blocks[0], RawBlock) or blocks[0].kind != "paragraph":
        return None
    if any(level_of(node) is not None for node in body):
        return None
    written = split_lines(blocks[0].text)[0]
    line = inline.strip_markup(written).strip()
    token = leading_token(line)
    if token is None or len(line) > _DATE_LINE_WIDTH or is_item(written):
        return None
    return line if _DATE_LINE_REST.match(line[token.end :]) else None


def _labelled_date(labelled: dict[str, str]) -> DateToken | None:
    found = date_tokens(inline.strip_markup(labelled.get("date", "")))
    return found[0] if found else None


def _last_line(item: Item | Heading) -> int:
    return item.line + max(0, len(split_lines(getattr(item, "text", ""))) - 1)


def _raw_title(labelled: dict[str, str], lines: list[str], described: Described) -> str:
    """The title as the body writes it, marks and all (`Title (Cancelled)`), when the body gives the title."""
    if "title" in labelled:
        return labelled["title"]
    return lines[0] if lines and described.title and read_free(lines[0]).title == described.title else ""


def _status(title: str, described: Described, raw_title: str) -> EntryStatus:
    if _MARKS.search(title):
        return "cancelled"
    return status_of(described.title, ", ".join(speaker.name for speaker in described.speakers), title, raw_title,
                     speakers=described.speakers)  # fmt: skip


def _body(body: Sequence[Node]) -> tuple[dict[str, str], list[str]]:
    """The body's labelled lines by kind, and its other short lines (paragraph lines and HTML texts) in order."""
    labelled: dict[str, str] = {}
    lines: list[str] = []
    for node in body:
        item = node.item
        if not isinstance(item, RawBlock):
            continue
        if item.kind == "html" or (item.kind == "paragraph" and item.text.lstrip().startswith("<")):
            _html_lines(item, labelled, lines)
        elif item.kind == "paragraph":
            _paragraph_lines(item, labelled, lines)
    return labelled, [line for line in lines if line]


def _html_lines(item: RawBlock, labelled: dict[str, str], lines: list[str]) -> None:
    """An HTML body's texts: the first one in italics is the title."""
    from .html_text import texts  # the HTML parser loads only for a page whose talks are written in HTML

    for text, italic in texts(item.text):
        if italic:
            labelled.setdefault("title", text)
        else:
            lines.append(text)


def _paragraph_lines(item: RawBlock, labelled: dict[str, str], lines: list[str]) -> None:
    """A paragraph's labelled lines (`**Speaker:** X`) by kind; its other lines, but for labels of other kinds."""
    for text in split_lines(item.text):
        match = _LABEL.match(text.rstrip("\r\n"))
        kind = FIELD_KINDS.get(match.group("label").strip().lower()) if match else None
        if match is not None and kind is not None:
            labelled.setdefault(kind, match.group("value").strip(" *_"))
        elif match is None or not match.group(1):  # an emphasised label of another kind: `*Abstract:*`
            lines.append(text.strip())


def _described(rest: str, labelled: dict[str, str], lines: list[str]) -> Described:
    """Title and speakers: labelled lines first, then the heading, then the body's first line."""
    from_heading = _heading_says(rest, named_below="speaker" in labelled)
    title = from_heading.title
    speakers, affiliation = from_heading.speakers, from_heading.affiliation
    if "speaker" in labelled:
        speakers, affiliation = read_people(labelled["speaker"])
    if "title" in labelled and not blank(inline.strip_markup(labelled["title"])):
        title = read_free(labelled["title"]).title
    if not speakers and lines:
        speakers, affiliation = _from_lines(lines)
    if title is None and lines:
        title = read_free(lines[0]).title
    return Described(title, tuple(speaker for speaker in speakers if not blank(speaker.name)), affiliation)


def _heading_says(rest: str, *, named_below: bool) -> Described:
    """What the heading's words (its date aside) say: the speakers when they only name people, else the title.

    When a labelled line below names the speaker, the heading is the title.
    """
    if not rest:
        return Described(None, (), None)
    if named_below:
        return Described(read_free(rest).title, (), None)
    named = people_phrase(rest)
    return Described(None, named[0], named[1]) if named else read_free(rest)


def _from_lines(lines: list[str]) -> tuple[tuple[Speaker, ...], str | None]:
    """Speakers named in the body's lines: a line that starts with a name and a dash (`Guilhem Lavaux --`)."""
    for line in lines[:6]:
        head = _DASH.split(line, maxsplit=1)
        if len(head) == 2:
            found = people_phrase(head[0])
            if found:
                return found
    return (), None

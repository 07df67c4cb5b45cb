"""New and changed talk blocks, composed by copying the page's own block and changing its values."""

from __future__ import annotations

import re
from datetime import date, time
from functools import lru_cache

from ..model import Field, Frozen, PhotoTable, RawBlock, Row, Speaker, Table, Talk, TalkPart, TextPart, frozen, replace
from ..patterns import compiled
from ..read import inline
from ..read.dates import is_tbd
from ..read.talks import talk_from_parts
from . import compose
from .style import PageStyle

_SRC = compiled(r"""(\bsrc\s*=\s*["'])([^"']*)(["'])""", re.I)
_HREF = compiled(r"""(\bhref\s*=\s*["'])([^"']*)(["'])""", re.I)
# Image text stops at a bracket, a target may hold balanced parentheses; spaces are read once from the
# start of their run: no opening is read again from each opening after it.
_MD_IMAGE = compiled(rf"(!\[)([^\[\]]*+)(\]\()({compose.LINK_TARGET})(\))")
_MD_LINK_TARGET = compiled(rf"(\]\()({compose.LINK_TARGET})(\))")
_LAST_LINK_TARGET = compiled(rf"(\]\()({compose.LINK_TARGET})(\))$")
_SIZE = compiled(r"""(\b(?:width|height)\s*=\s*["']?)(\d+)""", re.I)
_BR_SPLIT = compiled(r"((?:(?<!\s)\s++)?+<br\s*+/?>\s*+)", re.I)

DEFAULT_BLOCK = (
    "**Title**\n\n<br>Location: TBD\n<br> Time: 10:00 a.m. - 11 a.m. ET, Thursday, 01/22/2026\n"
    "<br>Speaker: [Name](https://example.org)\n\n**Abstract**\nTBD\n\n**Bio**\nTBD\n"
)


@frozen
class TalkDetails(Frozen):
    """What an organizer says about a talk; None means "not given"."""

    day: date | None = None
    speakers: tuple[Speaker, ...] = ()
    affiliation: str | None = None
    title: str | None = None
    location: str | None = None
    start: time | None = None
    end: time | None = None
    photo: str | None = None
    photo_width: str | None = None
    caption: tuple[str, ...] | None = None
    abstract: str | None = None
    bio: str | None = None


@lru_cache(maxsize=2)
def _default_template(newline: str) -> Talk:
    from ..read.page import parse_page

    page = parse_page(f"# Next Presentation\n\n{DEFAULT_BLOCK}".replace("\n", newline))
    return page.talks()[0][1]


def new_talk(style: PageStyle, details: TalkDetails, year: int | None, notes: list[str] | None = None) -> Talk:
    """A whole block for a new talk, shaped like the page's template block (what it cannot hold goes to `notes`)."""
    template = style.talk_template or _default_template(style.newline)
    parts: list[TalkPart] = [new for part in template.parts for new in _new_part(part, details, style)]
    for kind, value in (("abstract", details.abstract), ("bio", details.bio)):
        if value is not None and not any(isinstance(part, TextPart) and part.kind == kind for part in parts):
            add_text(parts, text_part(kind, value, style), style.newline)
    parts = _with_given_photo(parts, details, style, notes)
    parts = _affiliation_on_speaker_line(parts, details, style.affiliation_separator)
    return talk_from_parts(tuple(with_newline(part, style.newline) for part in _tidy(parts)), year)


def _with_given_photo(
    parts: list[TalkPart], details: TalkDetails, style: PageStyle, notes: list[str] | None
) -> list[TalkPart]:
    """A photo given for a template without a photo table: in the page's photo table, or a note that it has none."""
    if not details.photo or any(isinstance(part, PhotoTable) for part in parts):
        return parts
    if style.photo_template is not None:
        return _with_photo(parts, photo_table(style.photo_template, details), style.newline)
    if notes is not None:
        notes.append("the page shows no speaker photos, so no photo table was added")
    return parts


def _new_part(part: TalkPart, details: TalkDetails, style: PageStyle) -> list[TalkPart]:
    """What a part of the template block becomes in the new talk's block."""
    if isinstance(part, Field):
        return _new_field(part, details, style.placeholder)
    if isinstance(part, PhotoTable):
        return [photo_table(part, details)] if details.photo else []
    if isinstance(part, TextPart):
        value = details.abstract if part.kind == "abstract" else details.bio
        body = compose.body_text(value or style.placeholder, style.newline, style.sentence_per_line)
        return [replace(part, body=body, line=0)]
    return [RawBlock(part.kind, part.text)] if part.kind in ("blank", "detail") else []


def _is_link(part: TalkPart) -> bool:
    return isinstance(part, Field) and part.kind == "link"


def _affiliation_on_speaker_line(parts: list[TalkPart], details: TalkDetails, separator: str) -> list[TalkPart]:
    """A block without a photo caption or an affiliation line names the affiliation after the speaker."""
    if not details.affiliation or any(isinstance(part, PhotoTable) for part in parts):
        return parts
    if talk_from_parts(tuple(parts), None).affiliation is not None:
        return parts
    for index, part in enumerate(parts):
        if isinstance(part, Field) and part.kind == "speaker":
            joiner = separator if inline.links(part.text) or "," in separator else ", "
            parts[index] = replace(part, text=part.text + joiner + compose.escape_inline(details.affiliation))
            break
    return parts


def text_part(kind: str, value: str, style: PageStyle) -> TextPart:
    """An abstract or bio labelled the way the page labels it."""
    template = style.talk_template.parts if style.talk_template else ()
    model = next((part for part in template if isinstance(part, TextPart) and part.kind == kind), None)
    label = model.label if model else ("**Abstract**" if kind == "abstract" else "**Bio**")
    body = compose.body_text(value, style.newline, style.sentence_per_line)
    return TextPart("abstract" if kind == "abstract" else "bio", label, model.gap if model else style.newline, body)


def add_text(parts: list[TalkPart], text: TextPart, newline: str) -> None:
    """Put an abstract before the bio, and a bio before the slides and recording links."""
    position = len(parts)
    while position > 0 and _is_link(parts[position - 1]):
        position -= 1
    if text.kind == "abstract":
        bios = [index for index, part in enumerate(parts) if isinstance(part, TextPart) and part.kind == "bio"]
        position = bios[0] if bios else position
    blank = RawBlock("blank", newline)
    parts[position:position] = [blank, text] if position == len(parts) else [text, blank]


def with_newline(part: TalkPart, newline: str) -> TalkPart:
    """A new part whose lines end the page's way (a template may mix CRLF and LF)."""

    def fix(text: str) -> str:
        return re.sub(r"\r?\n", newline, text)

    if isinstance(part, Field):
        return replace(part, suffix=fix(part.suffix))
    if isinstance(part, TextPart):
        return replace(part, gap=fix(part.gap), body=fix(part.body) if part.body is not None else None)
    if isinstance(part, PhotoTable):
        table = part.table
        rows = tuple(
            replace(item, tail=fix(item.tail)) if isinstance(item, Row) else replace(item, text=fix(item.text))
            for item in table.body
        )
        header, delimiter = (
            replace(table.header, tail=fix(table.header.tail)),
            replace(table.delimiter, tail=fix(table.delimiter.tail)),
        )
        return replace(part, table=replace(table, header=header, delimiter=delimiter, body=rows))
    return replace(part, text=fix(part.text))


def _new_field(field: Field, details: TalkDetails, placeholder: str) -> list[TalkPart]:
    if field.kind == "title":
        return [replace(field, text=compose.title_text(details.title) if details.title else placeholder, line=0)]
    if field.kind == "time":
        return [
            replace(
                field, text=compose.time_text(field.text, details.day, details.start, details.end, placeholder), line=0
            )
        ]
    if field.kind == "location":
        return [
            replace(field, text=compose.escape_inline(details.location) if details.location else placeholder, line=0)
        ]
    if field.kind == "speaker":
        return [replace(field, text=speaker_text(field.text, details.speakers, details.affiliation), line=0)]
    if field.kind == "affiliation":
        return (
            [replace(field, text=compose.escape_inline(details.affiliation), line=0)]
            if details.affiliation
            else [_dropped(field)]
        )
    if field.kind == "note":
        return [replace(field, text=field.text if is_tbd(field.text) else placeholder, line=0)]
    return [_dropped(field)]


def _dropped(field: Field) -> RawBlock:
    """What is left of a field that the new talk does not have: its line ending, if it held one."""
    ending = field.suffix[len(field.suffix.rstrip("\r\n")) :]
    return RawBlock("dropped", ending)


def speaker_text(template: str, speakers: tuple[Speaker, ...], affiliation: str | None) -> str:
    """The speaker detail written like `template`, with an affiliation after the names when it had one."""
    links = inline.links(template)
    names_part = template
    trailing = ""
    if links:
        cut = max(template.rfind(")"), template.lower().rfind("</a>") + 3)
        names_part, trailing = template[: cut + 1], template[cut + 1 :]
    text = compose.speakers_text(speakers, names_part)
    if trailing.strip(" ,;-") and affiliation:
        separator = trailing[: len(trailing) - len(trailing.lstrip(" ,;-"))]
        text += separator + compose.escape_inline(affiliation)
    return text


def photo_table(template: PhotoTable, details: TalkDetails) -> PhotoTable:
    """A one-photo table shaped like `template`: same rows, the first column, new image and caption."""
    speaker = details.speakers[0] if details.speakers else Speaker("")
    caption = details.caption or tuple(line for line in (speaker.name, details.affiliation) if line)
    table = template.table
    rows: list[Row | RawBlock] = []
    for item in table.body:
        if isinstance(item, RawBlock) or not item.cells:
            continue
        first = item.cells[0]
        if inline.images(first):
            first = _image_cell(first, details, speaker, caption if _has_caption(first) else None)
        elif first.strip():
            first = _caption_cell(first, caption)
        rows.append(Row(item.lead, (first,), item.closed or len(item.cells) > 1, item.tail))
    header = Row(table.header.lead, table.header.cells[:1], True, table.header.tail)
    delimiter = Row(table.delimiter.lead, table.delimiter.cells[:1], True, table.delimiter.tail)
    from ..read.tables import parse_photo_table

    new = Table(header, delimiter, tuple(rows), 0)
    parsed = parse_photo_table(new)
    return parsed if parsed is not None else PhotoTable(new, (), 0)


def _has_caption(cell: str) -> bool:
    pieces = [piece for piece in _BR_SPLIT.split(cell)[::2] if piece.strip()]
    return any(not inline.images(piece) and inline.strip_markup(piece) for piece in pieces)


def _image_cell(cell: str, details: TalkDetails, speaker: Speaker, caption: tuple[str, ...] | None) -> str:
    photo = details.photo or ""
    target = speaker.url or photo
    pieces = _BR_SPLIT.split(cell)
    image_pieces = [index for index in range(0, len(pieces), 2) if inline.images(pieces[index])]
    alt = compose.escape_cell(re.sub(r"([\[\]\\])", r"\\\1", speaker.name))  # brackets would end the image
    for index in image_pieces:
        text = _SRC.sub(lambda m: m.group(1) + photo + m.group(3), pieces[index])
        text = _MD_IMAGE.sub(lambda m: f"{m.group(1)}{alt}{m.group(3)}{photo}{m.group(5)}", text)
        text = _HREF.sub(lambda m: m.group(1) + target + m.group(3), text)
        text = (
            _LAST_LINK_TARGET.sub(lambda m: m.group(1) + target + m.group(3), text.rstrip())
            + text[len(text.rstrip()) :]
        )
        if details.photo_width:
            text = _SIZE.sub(lambda m: m.group(1) + str(details.photo_width), text)
        pieces[index] = text
    if caption is None:
        return "".join(pieces)
    first_text = next(
        (index for index in range(image_pieces[-1] + 2, len(pieces), 2) if pieces[index].strip()), len(pieces)
    )
    return "".join(pieces[:first_text]) + _caption_cell("".join(pieces[first_text:]), caption)


def _caption_cell(template: str, lines: tuple[str, ...]) -> str:
    """Caption lines joined with the template's own `<br>` separators, padding kept."""
    pieces = _BR_SPLIT.split(template)
    texts, separators = pieces[::2], pieces[1::2] or [" <br> "]
    lead = texts[0][: len(texts[0]) - len(texts[0].lstrip())]
    trail = texts[-1][len(texts[-1].rstrip()) :] if texts[-1].strip() or len(texts) == 1 else " "
    joined = "".join(
        (separators[min(index - 1, len(separators) - 1)] if index else "") + compose.cell_text(line)
        for index, line in enumerate(lines)
    )
    return lead + joined + trail


def _with_photo(parts: list[TalkPart], table: PhotoTable, newline: str) -> list[TalkPart]:
    """Insert a photo table after the talk's detail lines."""
    last = max(
        (index for index, part in enumerate(parts) if isinstance(part, Field) and part.kind != "link"), default=0
    )
    blank = RawBlock("blank", newline)
    return [*parts[: last + 1], blank, table, *parts[last + 1 :]]


def _tidy(parts: list[TalkPart]) -> list[TalkPart]:
    """No empty leftovers, no two blank runs in a row, nothing blank at the end."""
    out: list[TalkPart] = []
    for part in parts:
        if isinstance(part, RawBlock) and part.kind == "dropped":
            if part.text and out and isinstance(out[-1], Field) and not out[-1].suffix.endswith("\n"):
                out[-1] = replace(out[-1], suffix=out[-1].suffix + part.text)
            continue
        if (
            isinstance(part, RawBlock)
            and part.kind == "blank"
            and out
            and isinstance(out[-1], RawBlock)
            and out[-1].kind == "blank"
        ):
            continue
        out.append(part)
    while out and isinstance(out[-1], RawBlock) and out[-1].kind == "blank":
        out.pop()
    return out


def with_field_text(talk: Talk, kind: str, text: str, year: int | None) -> Talk:
    """The talk with the text of its first `kind` field replaced."""
    parts = list(talk.parts)
    for index, part in enumerate(parts):
        if isinstance(part, Field) and part.kind == kind:
            parts[index] = replace(part, text=text)
            return replace(talk_from_parts(tuple(parts), year), line=talk.line)
    return talk

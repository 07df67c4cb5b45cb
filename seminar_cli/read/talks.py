"""Talk blocks: find where a talk starts and ends, and read its parts by what they mean.

A talk starts at a bold title line followed by detail lines (`<br>Room: ...`,
`Time: ...`), wherever they are; its parts keep their exact text.
"""

from __future__ import annotations

from sys import intern

from ..model import (
    Field,
    FieldKind,
    Link,
    PhotoTable,
    RawBlock,
    Speaker,
    Table,
    Talk,
    TalkPart,
    TextKind,
    TextPart,
    replace,
)
from ..patterns import IGNORECASE, compiled
from ..text.blocks import heading_of
from ..text.lines import body, eol, split_lines
from ..text.tables import parse_table
from . import inline
from .dates import is_tbd, scan_time
from .tables import parse_photo_table, speakers_of

_LINK_WORD = compiled(r"\b(link|zoom|teams|webex|meet|slides?|recording|video)\b")
_TITLE = compiled(r"^(?P<pre>\s*+\*\*)(?!\*)(?P<title>[\s*]*+[^\s*].*?)(?P<post>\*\*)(?P<rest>.*)$")
_BR = compiled(r"(<br\s*/?>)", IGNORECASE)
_UNESCAPED_COMMA = compiled(r"(?<!\\),")
_LABEL = compiled(r"^(?P<word>[A-Za-z][A-Za-z'’ &-]{0,40}?)\s*+:\s*+")
_KNOWN_LABEL = compiled(
    r"^\s*+(?:<br\s*+/?>\s*+)?(time|date|when|location|room|place|venue|where|speakers?|presenters?)\s*+:",
    IGNORECASE,
)
# The word never ends in a space: its spacing goes to the label (a run of spaces is read once).
_LABEL_PARAGRAPH = compiled(
    r"^(?P<label>\s*+(\*\*|__)\s*+(?P<word>[^*_]+?)(?<!\s)\s*+(\2\s*+:|:\s*+\2|\2))(?P<gap>.*)$"
)
# Link text stops at a bracket, a target may hold balanced parentheses (`wiki/Foo_(bar)`), an HTML link
# stops at the next tag of a link: each opening is read to its own end only, so reading stays linear.
_LINK_MARKUP = compiled(r"\[[^\[\]]*+\]\((?:[^()]|\([^()]*+\))*+\)|<a\b[^<>]*+>(?:[^<]|<(?!/?a\b))*+</a>", IGNORECASE)
_LINK_WORDS = compiled(
    r"\b(slides?|recording|video|paper|code|poster|notebook|materials?|zoom|teams|webex|meet|join|"
    r"register|registration|link|here)\b",
    IGNORECASE,
)

ABSTRACT_WORDS = frozenset({"abstract", "summary", "talk abstract", "description", "overview"})
BIO_WORDS = frozenset(
    {
        "bio", "bios", "biography", "speaker bio", "speaker's bio", "speaker’s bio",
        "speakers bio", "speakers' bio", "speaker biography", "about the speaker",
        "about the speakers", "short bio",
    }
)  # fmt: skip
_FIELD_WORDS: tuple[tuple[FieldKind, frozenset[str]], ...] = (
    ("time", frozenset({"time", "date", "when", "date & time", "date and time"})),
    ("location", frozenset({"location", "room", "place", "venue", "where", "building"})),
    ("speaker", frozenset({"speaker", "speakers", "presenter", "presenters", "lead", "instructor", "host"})),
    ("affiliation", frozenset({"affiliation", "institution"})),
)


def text_kind(word: str) -> TextKind | None:
    """`abstract` or `bio` for a label word, e.g. `Speaker's Bio`."""
    word = word.strip().strip(":").strip().lower()
    if word in ABSTRACT_WORDS:
        return "abstract"
    if word in BIO_WORDS:
        return "bio"
    return None


def is_title_start(blocks: list[RawBlock], index: int) -> bool:
    """True when the block at `index` opens a talk: a bold title, then detail lines."""
    block = blocks[index]
    if block.kind != "paragraph":
        return False
    first, _, more = block.text.partition("\n")
    match = _TITLE.match(first.rstrip("\r"))
    if match is None or text_kind(match.group("title")) is not None:
        return False
    rest = match.group("rest")
    if rest.strip() and not _BR.match(rest.strip()):
        return False
    if _BR.search(rest) or (more and _is_detail_line(more.partition("\n")[0])):
        return True
    following = index + 1
    while following < len(blocks) and blocks[following].kind == "blank":
        following += 1
    if following == len(blocks) or blocks[following].kind != "paragraph":
        return False
    return _is_detail_line(blocks[following].text.partition("\n")[0])


def _is_detail_line(line: str) -> bool:
    text = body(line).lstrip()
    return text.lower().startswith("<br") or bool(_KNOWN_LABEL.match(text))


def ends_talk(blocks: list[RawBlock], index: int, start: int = 0) -> bool:
    """True when the block at `index` cannot belong to the talk that starts at `start`."""
    block = blocks[index]
    if block.kind == "separator":
        return not _rule_in_text(blocks, index, start)
    if block.kind in ("back_to_top", "front_matter"):
        return True
    if block.kind == "heading":
        found = heading_of(block.text)
        return found is None or text_kind(found[1]) is None
    return is_title_start(blocks, index)


def _rule_in_text(blocks: list[RawBlock], index: int, start: int) -> bool:
    """True for a `---` inside an abstract or bio: more of its prose follows, and no other talk or link."""
    following = index + 1
    while following < len(blocks) and blocks[following].kind == "blank":
        following += 1
    if following == len(blocks) or blocks[following].kind not in ("paragraph", "table", "quote"):
        return False
    if is_title_start(blocks, following) or _label_of(blocks[following]) is not None:
        return False
    return any(_label_of(block) is not None for block in blocks[start + 1 : index])


def parse_talk(blocks: list[RawBlock], year: int | None) -> Talk:
    """Read one talk block (from its title to its last non-blank block)."""
    parts: list[TalkPart] = []
    first = split_lines(blocks[0].text)
    parts.extend(_title_line(first[0], blocks[0].line))
    rest = blocks[1:]
    if len(first) > 1:
        parts.extend(_detail_lines(first[1:], blocks[0].line + 1))
    else:
        while rest and rest[0].kind == "blank":
            parts.append(rest.pop(0))
        if rest and rest[0].kind == "paragraph" and _is_detail_line(split_lines(rest[0].text)[0]):
            block = rest.pop(0)
            parts.extend(_detail_lines(split_lines(block.text), block.line))
    parts.extend(_body_parts(rest))
    return talk_from_parts(tuple(parts), year)


def _title_line(line: str, number: int) -> list[TalkPart]:
    match = _TITLE.match(body(line))
    assert match is not None
    rest = match.group("rest")
    if not _BR.search(rest):
        suffix = intern(match.group("post") + rest + eol(line))
        return [Field("title", intern(match.group("pre")), "", intern(match.group("title")), suffix, number)]
    title = Field(
        "title", intern(match.group("pre")), "", intern(match.group("title")), intern(match.group("post")), number
    )
    return [title, *_split_details(rest + eol(line), number, seen=set())]


def _detail_lines(lines: list[str], number: int) -> list[TalkPart]:
    parts: list[TalkPart] = []
    seen: set[str] = set()
    for offset, line in enumerate(lines):
        parts.extend(_split_details(line, number + offset, seen))
    return parts


def _split_details(line: str, number: int, seen: set[str]) -> list[TalkPart]:
    """Cut one detail line at its `<br>` tags into fields; `seen` carries what came before."""
    content, ending = body(line), eol(line)
    pieces = _BR.split(content)
    fields: list[Field] = []
    pending = ""
    for position in range(0, len(pieces), 2):
        tag = pieces[position - 1] if position else ""
        segment = pieces[position]
        text = segment.strip()
        if not text:
            if fields:
                fields[-1] = _with_suffix(fields[-1], tag + segment)
            else:
                pending += tag + segment
            continue
        lead = segment[: len(segment) - len(segment.lstrip())]
        trail = segment[len(segment.rstrip()) :]
        kind, label, value = _classify(text, seen)
        seen.add(kind)
        fields.append(Field(kind, intern(pending + tag + lead), intern(label), intern(value), intern(trail), number))
        pending = ""
    if not fields:
        return [RawBlock("detail", line, number)]
    fields[-1] = _with_suffix(fields[-1], ending)
    return list(fields)


def _with_suffix(field: Field, more: str) -> Field:
    return replace(field, suffix=intern(field.suffix + more))


def _classify(text: str, seen: set[str]) -> tuple[FieldKind, str, str]:
    """The kind of a detail, its label as written (with colon and spacing) and its value."""
    match = _LABEL.match(text)
    if match and not text.startswith(("[", "<", "http")):
        word = match.group("word").strip().lower()
        label, value = match.group(0), text[match.end() :]
        for kind, words in _FIELD_WORDS:
            if word in words:
                return kind, label, value
        if _LINK_WORD.search(word):
            return "link", label, value
        return "note", label, value
    scan = scan_time(text, None)
    if scan.date_span and (scan.range_span or scan.slot.weekday):
        return "time", "", text
    if any(not _LINK_WORDS.search(link.text) for link in inline.links(text)):
        return "speaker", "", text
    if "speaker" not in seen and "location" not in seen:
        return "location", "", text
    if "speaker" in seen and "affiliation" not in seen:
        return "affiliation", "", text
    return "note", "", text


def _body_parts(blocks: list[RawBlock]) -> list[TalkPart]:
    """Photo table, labelled texts (abstract, bio), link lines, and anything else kept raw."""
    parts: list[TalkPart] = []
    current: TextPart | None = None
    pending: list[RawBlock] = []  # blank lines and comments that may still belong to the current text
    for block in blocks:
        label = _label_of(block)
        alone = None if label is not None else _standalone(block)
        if label is not None or alone is not None:
            parts.extend(_closed(current, pending))
            current, pending = label, []
            parts.extend(alone or ())
        elif current is None:
            parts.append(block)
        elif block.kind in ("blank", "comment"):
            pending.append(block)
        else:
            current, pending = _grown(current, pending, block), []
    parts.extend(_closed(current, pending))
    return parts


def _standalone(block: RawBlock) -> list[TalkPart] | None:
    """A photo table or a block of link lines, which end the text before them; None for other blocks."""
    if block.kind == "table":
        table = parse_table(block)
        photo = parse_photo_table(table) if table else None
        if photo is not None:
            return [photo]
    if block.kind == "quote" or (block.kind == "paragraph" and _is_link_paragraph(block)):
        return _link_fields(block)
    return None


def _closed(current: TextPart | None, pending: list[RawBlock]) -> list[TalkPart]:
    closed: list[TalkPart] = [current] if current is not None else []
    return closed + list(pending)


def _grown(current: TextPart, pending: list[RawBlock], block: RawBlock) -> TextPart:
    """The labelled text with one more block (and the blank lines before it)."""
    between = "".join(item.text for item in pending)
    if current.body is None:  # blank lines between a label and its text are the gap
        return TextPart(current.kind, current.label, current.gap + between, block.text, current.line)
    return TextPart(current.kind, current.label, current.gap, current.body + between + block.text, current.line)


def _label_of(block: RawBlock) -> TextPart | None:
    lines = split_lines(block.text)
    if block.kind == "heading":
        found = heading_of(block.text)
        kind = text_kind(found[1]) if found else None
        return TextPart(kind, intern(body(lines[0])), eol(lines[0]), None, block.line) if kind else None
    if block.kind != "paragraph":
        return None
    match = _LABEL_PARAGRAPH.match(body(lines[0]))
    if match is None:
        return None
    kind = text_kind(match.group("word"))
    if kind is None:
        return None
    gap = match.group("gap")
    if gap.strip():
        lead = gap[: len(gap) - len(gap.lstrip())]
        text = gap.lstrip() + eol(lines[0]) + "".join(lines[1:])
        return TextPart(kind, intern(match.group("label")), intern(lead), text, block.line)
    rest = "".join(lines[1:])
    return TextPart(kind, intern(match.group("label")), intern(gap + eol(lines[0])), rest or None, block.line)


def _is_link_paragraph(block: RawBlock) -> bool:
    for line in split_lines(block.text):
        links = inline.links(body(line))
        if not links or not all(_LINK_WORDS.search(link.text) for link in links):
            return False
        if inline.strip_markup(_LINK_MARKUP.sub("", body(line))).strip(" -*>:|,"):
            return False
    return True


def _link_fields(block: RawBlock) -> list[TalkPart]:
    fields: list[TalkPart] = []
    for offset, line in enumerate(split_lines(block.text)):
        content = body(line)
        text = content.lstrip(" >-*")
        lead = content[: len(content) - len(text)]
        value = text.rstrip()
        fields.append(Field("link", lead, "", value, text[len(value) :] + eol(line), block.line + offset))
    return fields


def bold_title(line: str) -> tuple[str, bool] | None:
    """What a bold title line (`**Title**`) says: its title as a reader sees it, and whether it is marked cancelled."""
    match = _TITLE.match(body(line))
    if match is None or match.group("rest").strip():
        return None
    clean, cancelled = inline.split_cancelled(match.group("title"))
    return inline.strip_markup(clean), cancelled


def talk_from_parts(parts: tuple[TalkPart, ...], year: int | None) -> Talk:
    """What a talk's parts say: title, speakers, place, time, photo, abstract, bio, links."""
    fields = [part for part in parts if isinstance(part, Field)]
    clean, cancelled = inline.split_cancelled(_first_text(fields, "title") or "")
    time_text, location = _first_text(fields, "time"), _first_text(fields, "location")
    named = [(field, _speaker_value(field.text)) for field in fields if field.kind == "speaker"]
    bio = _text_part(parts, "bio")
    return Talk(
        parts=parts,
        title=inline.strip_markup(clean),
        cancelled=cancelled,
        speakers=tuple(speaker for _, (names, _) in named for speaker in names),
        affiliation=_affiliation(fields, named),
        location=inline.strip_markup(location) if location is not None else None,
        when=scan_time(time_text, year).slot if time_text is not None else None,
        photo=next((part.columns for part in parts if isinstance(part, PhotoTable) and part.columns), ()),
        bio_label=intern(bio.label.strip().strip("*_").strip().rstrip(":").strip()) if bio else None,
        links=tuple(
            Link(link.text, link.url) for field in fields if field.kind == "link" for link in inline.links(field.text)
        ),
        line=parts[0].line if parts else 0,
    )


def _first_text(fields: list[Field], kind: FieldKind) -> str | None:
    """The value of the first field of a kind (the title, the time line, the place)."""
    return next((field.text for field in fields if field.kind == kind), None)


def _text_part(parts: tuple[TalkPart, ...], kind: TextKind) -> TextPart | None:
    """The first labelled text of a kind (the abstract, the bio)."""
    return next((part for part in parts if isinstance(part, TextPart) and part.kind == kind), None)


def _affiliation(fields: list[Field], named: list[tuple[Field, tuple[list[Speaker], str | None]]]) -> str | None:
    """The affiliation: written after the speaker's name, or on its own detail line, whichever comes first."""
    trailing = {id(field): after for field, (_, after) in named}
    found: str | None = None
    for field in fields:
        if field.kind == "speaker":
            found = found or trailing[id(field)]
        elif field.kind == "affiliation" and found is None:
            found = inline.strip_markup(field.text)
    return found


def _speaker_value(value: str) -> tuple[list[Speaker], str | None]:
    """Speakers named in a speaker detail and the affiliation written after them."""
    if inline.links(value):
        remainder = _LINK_MARKUP.split(value)[-1]
        trailing = inline.strip_markup(remainder).strip(" ,;-")
        return list(speakers_of(value)), trailing or None
    name, *after = _UNESCAPED_COMMA.split(value, maxsplit=1)  # `Smith\, Jr.` keeps its comma
    trailing = after[0] if after else ""
    names = list(speakers_of(name))
    if len(names) == 1 and is_tbd(names[0].name):
        names = []
    return names, inline.strip_markup(trailing) or None


def moved(talk: Talk, lines: int) -> Talk:
    """The same talk `lines` lines further down the page (up, when negative): every line number shifted."""
    if not lines:
        return talk
    return replace(talk, parts=tuple(_moved_part(part, lines) for part in talk.parts), line=talk.line + lines)


def _moved_part(part: TalkPart, lines: int) -> TalkPart:
    # Built field by field: `replace` reads each class's fields by name, and a page moves thousands of parts.
    if isinstance(part, Field):
        return Field(part.kind, part.prefix, part.label, part.text, part.suffix, part.line + lines)
    if isinstance(part, RawBlock):
        return RawBlock(part.kind, part.text, part.line + lines)
    if isinstance(part, TextPart):
        return TextPart(part.kind, part.label, part.gap, part.body, part.line + lines)
    table = part.table
    body = table.body  # rows stand where their table does; only comment lines hold a line
    if any(isinstance(item, RawBlock) for item in body):
        body = tuple(
            RawBlock(item.kind, item.text, item.line + lines) if isinstance(item, RawBlock) else item for item in body
        )
    return PhotoTable(Table(table.header, table.delimiter, body, table.line + lines), part.columns, part.line + lines)


def field_of(talk: Talk, kind: str) -> Field | None:
    """The first field of one kind."""
    return next((part for part in talk.parts if isinstance(part, Field) and part.kind == kind), None)

"""Rules on markup: table rows, photo captions, markdown that renders literally, placeholder links."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Organization, PhotoTable, RawBlock, Row, Schedule, Table, Talk
from ..patterns import IGNORECASE, compiled
from ..read import inline
from ..read.compare import fold, has_word, known_names, looks_like_name, name_tokens, share_someone
from ..read.tables import kind_of_header
from ..text.tables import cell_column, parse_table
from .context import Context
from .finding import Hit
from .registry import rule

_BLOCK_TAG = compiled(
    r"^ {0,3}<(address|article|aside|blockquote|center|details|div|dl|fieldset|figcaption|figure|footer|form|"
    r"header|main|nav|ol|p|section|summary|table|ul)\b([^>]*)>",
    IGNORECASE,
)
# Linear on any line: link text stops at the next bracket and a target at the next `[`, so no opening
# is read again from the openings after it; the bold between `**` is read to the next `*` once.
_MARKDOWN = compiled(r"\*\*[^\s*][^*]*\*\*|!?\[[^\[\]\n]++\]\([^)\s\[]++\)|^\s{0,3}#{1,6}\s+\S")
_LOOSE_BOLD = compiled(r"\*\*(?:\s[^*\n]*+(?<=[^\s*])|[^\s*][^*\n]*+(?<=\s)|\s++)\*\*")
_CODE = compiled(r"`+[^`]*`+")
_MD_LINK = compiled(r"!?\[([^\[\]\n]*+)\]\(\s*+<?([^)\s>\[]*+)>?(?:\s++\"[^\"]*+\")?+\s*+\)")
_HTML_LINK = compiled(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", IGNORECASE)
_PLACEHOLDER_TARGET = compiled(
    r"^(|#|https?://|tb[adc]|todo|url|link|xx+|\.\.\.|<url>|placeholder|insert[- ]link(?: here)?)$", IGNORECASE
)
_RAW_TAGS = ("<style", "<script")
_SKIP_KINDS = frozenset({"front_matter", "fence", "comment"})


@rule(
    "SEM050",
    "table-cells",
    "error",
    summary="A table row with more or fewer cells than its header.",
    example="| 12-03-2026 | On Site | Elena Marchetti | Pinecrest University | Title | slides |  under 5 headers",
)
def table_cells(ctx: Context) -> Iterator[Hit]:
    """Every row of a table has as many cells as its header."""
    listed = {schedule.table.line for schedule in ctx.page.schedules}
    for table in _tables(ctx):
        width = len(table.header.cells)
        if len(table.delimiter.cells) != width:
            yield Hit(table.line + 1, 1, f"the alignment row has {len(table.delimiter.cells)} cells but the header "
                      f"has {width}: the table will not render as a table")  # fmt: skip
        for line, row in table.numbered():
            if len(row.cells) != width and not (table.line in listed and _only_unread_missing(table, row)):
                yield _cells_hit(table, line, row, width)


def _only_unread_missing(table: Table, row: Row) -> bool:
    """True for a talk row short only of cells no listing reads (`Extra Links`): they render empty, as meant."""
    if len(row.cells) >= len(table.header.cells):
        return False
    kinds = [kind_of_header(name) for name in table.header.values]
    read = {"date", "time", "location", "affiliation", "name", "title"} | ({"links"} if "name" not in kinds else set())
    return not any(kind in read for kind in kinds[len(row.cells) :])


def _cells_hit(table: Table, line: int, row: Row, width: int) -> Hit:
    count = len(row.cells)
    if count > width:
        extra = [value for value in row.values[width:] if value]
        column = len(row.lead) + 1 + sum(len(cell) + 1 for cell in row.cells[:width])
        lost = f": {', '.join(repr(value) for value in extra)} will not show" if extra else ""
        return Hit(line, column, f"the row has {count} cells but the header has {width}{lost}")
    names = [name for name in table.header.values[count:] if name]
    missing = f": no {', '.join(repr(name) for name in names)} cell" if names else ""
    column = len(row.text.rstrip("\r\n"))
    return Hit(line, max(column, 1), f"the row has {count} cells but the header has {width}{missing}")


def _tables(ctx: Context) -> Iterator[Table]:
    for section in ctx.page.sections:
        for item in section.items:
            if isinstance(item, Schedule | Organization):
                yield item.table
            elif isinstance(item, Talk):
                for part in item.parts:
                    if isinstance(part, PhotoTable):
                        yield part.table
                    elif isinstance(part, RawBlock) and part.kind == "table" and (table := parse_table(part)):
                        yield table
            elif isinstance(item, RawBlock) and item.kind == "table" and (table := parse_table(item)):
                yield table


@rule(
    "SEM051",
    "photo-caption",
    "error",
    summary="A talk's photo caption names someone other than the talk's speaker.",
    example="| Hannah Okafor <br> … |  under the photo of a talk by Elena Marchetti",
)
def photo_caption(ctx: Context) -> Iterator[Hit]:
    """The photo of a talk shows (and names) its speaker."""
    rows = {id(pair.talk): pair.entry for pair in ctx.matching.pairs}
    for _, talk in ctx.page.talks():
        names = known_names(talk.speakers)
        entry = rows.get(id(talk))
        names += known_names(entry.speakers) if entry else []
        photo = next((part for part in talk.parts if isinstance(part, PhotoTable)), None)
        if not names or photo is None:
            continue
        told: str | None = None  # the abstract and bio, folded when a caption names someone else
        for column in photo.columns:
            caption = column.caption[0] if column.caption else ""
            if not looks_like_name(caption) or share_someone([caption], names):
                continue
            told = fold(" ".join(filter(None, (talk.abstract, talk.bio)))) if told is None else told
            if _mentioned(caption, told) and any(_mentioned(name, told) for name in names):
                continue  # a co-presenter: the abstract or bio speaks of both
            line, at = _caption_at(photo.table, caption)
            yield Hit(line, at, f"the photo caption names {caption!r} but the talk's speaker is {', '.join(names)}")


def _mentioned(name: str, text: str) -> bool:
    """True when `text` (folded) names the person by their last name."""
    words = name_tokens(name)
    return bool(words) and has_word(text, words[-1])


def _caption_at(table: Table, caption: str) -> tuple[int, int]:
    for line, row in table.numbered():
        for index, cell in enumerate(row.cells):
            if caption in inline.strip_markup(cell):
                return line, cell_column(row, index)
    return table.line, 1


@rule(
    "SEM052",
    "literal-markdown",
    "warning",
    summary="Markdown that will show literally: inside an HTML block, or bold with a space inside (`**Title **`).",
    example="**Graph Transformers for Power Grids **",
)
def literal_markdown(ctx: Context) -> Iterator[Hit]:
    """Markdown is written where it renders."""
    inside = _html_lines(ctx)
    for number in sorted(inside):
        found = _MARKDOWN.search(_without_code(ctx.lines[number - 1]))
        if found:
            yield Hit(
                number,
                found.start() + 1,
                f"{found.group(0).strip()!r} is markdown inside an HTML block and will show literally; "
                "expected HTML (<strong>, <a href>) or markdown outside the block",
            )
    for block in _markdown_blocks(ctx, inside):
        yield from _loose_bold(ctx, block)


def _html_lines(ctx: Context) -> set[int]:
    """Lines inside block-level HTML (`<p>` … `</p>`): Jekyll's kramdown does not read markdown there."""
    found: set[int] = set()
    skip = _skipped_lines(ctx)
    lines = ctx.lines
    end = 0  # the last line of the block just read
    for number, line in enumerate(lines, start=1):
        if number <= end or "<" not in line[:4] or number in skip:  # a block tag opens within the first 4 columns
            continue
        opened = _BLOCK_TAG.match(line)
        if opened is None or "markdown" in opened.group(2).lower():
            continue
        closing = f"</{opened.group(1).lower()}>"
        end = number
        rest = line[opened.end() :]
        while closing not in rest.lower() and end < len(lines):
            end += 1
            rest = lines[end - 1]
        found.update(range(number + 1, end + 1))
    return found


def _skipped_lines(ctx: Context) -> set[int]:
    found: set[int] = set()
    layout = ctx.layout
    for index, kind in enumerate(layout.kinds):
        if kind in _SKIP_KINDS or (kind == "html" and not _BLOCK_TAG.match(layout.text_of(index))):
            found.update(range(layout.line(index), layout.end(index)))
    return found


def _without_code(text: str) -> str:
    if "`" not in text:
        return text
    return _CODE.sub(lambda match: " " * len(match.group(0)), text)


def _markdown_blocks(ctx: Context, inside: set[int]) -> Iterator[list[int]]:
    """Runs of lines read as markdown inline text: each table row alone, other lines by paragraph."""
    skip = _skipped_lines(ctx) | inside
    layout = ctx.layout
    for index, kind in enumerate(layout.kinds):
        if layout.line(index) in skip or kind in ("blank", "html", "separator") or kind in _SKIP_KINDS:
            continue
        numbers = list(range(layout.line(index), layout.end(index)))
        if kind == "table":
            yield from ([number] for number in numbers)
        else:
            yield numbers


def _loose_bold(ctx: Context, numbers: list[int]) -> Iterator[Hit]:
    # The regex finds candidates cheaply; mistune confirms that the asterisks really stay literal.
    lines = [(number, ctx.lines[number - 1]) for number in numbers]
    candidates = [(number, _LOOSE_BOLD.search(_without_code(line)) if "**" in line else None) for number, line in lines]
    if not any(found for _, found in candidates):
        return
    text = "\n".join(line for _, line in lines)
    if "\\*" in text or not _literal_stars(text):
        return
    for number, found in candidates:
        if found:
            snippet = found.group(0)
            tidy = "**" + snippet[2:-2].strip() + "**"
            yield Hit(
                number, found.start() + 1, f"{snippet!r} will show its asterisks (a space inside **); expected {tidy!r}"
            )
            return


def _literal_stars(text: str) -> bool:
    """True when mistune leaves `**` as text: the page will show the asterisks."""

    def walk(tokens: list[dict[str, object]] | tuple[dict[str, object], ...]) -> bool:
        for token in tokens:
            children = token.get("children")
            if isinstance(children, list) and walk(children):
                return True
            if token.get("type") == "text" and "**" in str(token.get("raw", "")):
                return True
        return False

    return walk(inline.tokens(text))


@rule(
    "SEM053",
    "empty-link",
    "error",
    summary="A link or image with an empty or placeholder target (`()`, `#`, `TBD`, `https://`).",
    example="> [slides]()",
)
def empty_link(ctx: Context) -> Iterator[Hit]:
    """Every link points somewhere."""
    layout = ctx.layout
    skip = {
        number
        for index, kind in enumerate(layout.kinds)
        if kind in _SKIP_KINDS or (kind == "html" and layout.text_of(index).lstrip().lower().startswith(_RAW_TAGS))
        for number in range(layout.line(index), layout.end(index))
    }
    for number, line in enumerate(ctx.lines, start=1):
        if number in skip or ("](" not in line and "=" not in line):
            continue
        text = _without_code(line)
        for found in _MD_LINK.finditer(text):
            if _PLACEHOLDER_TARGET.match(found.group(2).strip()):
                kind = "image" if found.group(0).startswith("!") else "link"
                yield Hit(number, found.start() + 1, f"the {kind} {found.group(1)!r} has {_target(found.group(2))}")
        for found in _HTML_LINK.finditer(text):
            target = found.group(2) if found.group(2) is not None else found.group(3)
            if _PLACEHOLDER_TARGET.match(target.strip()):
                yield Hit(number, found.start() + 1, f"the {found.group(1).lower()} attribute has {_target(target)}")


def _target(target: str) -> str:
    return "an empty target" if not target.strip() else f"the placeholder target {target.strip()!r}"

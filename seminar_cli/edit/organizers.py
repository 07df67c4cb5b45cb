"""The organization table: one organizer a column (a photo row, a caption row); add, remove, list.

A new organizer's column copies a neighbour's: the header and alignment cells as they
are, the photo cell in the same markup (`[![Name](img)](url)`, `<a href="url">![XY](img)</a>`
or an `<img>` tag, the alternative text a name or initials like the neighbour's), and a
caption `Name <br> Role <br> ...` with the neighbour's `<br>` spacing. Every row gets or
loses the same cell, so the table stays as wide in every row as its header.
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import PageSyntaxError, SelectorError, UsageError
from ..model import Frozen, Organization, Organizer, Page, RawBlock, Row, Section, Table, frozen, replace
from ..patterns import compiled
from ..read import inline
from ..read.tables import parse_organization
from . import compose, layout, targets
from .result import Edit
from .style import PageStyle

_SRC = compiled(r"""(\bsrc\s*=\s*["'])([^"']*)(["'])""", re.I)
_ALT = compiled(r"""(\balt\s*=\s*["'])([^"']*)(["'])""", re.I)
_HREF = compiled(r"""(\bhref\s*=\s*["'])([^"']*)(["'])""", re.I)
# Linear on any cell: image text stops at a bracket, a target may hold balanced parentheses, and a run
# of spaces is read once from its start.
_MD_IMAGE = compiled(rf"(!\[)([^\[\]]*+)(\]\()({compose.LINK_TARGET})(\))")
_MD_LINKED_IMAGE = compiled(rf"(\[!\[[^\[\]]*+\]\({compose.LINK_TARGET}\)\]\()({compose.LINK_TARGET})(\))")
_BR = compiled(r"((?:(?<!\s)\s++)?+<br\s*+/?>\s*+)", re.I)


@frozen
class NewOrganizer(Frozen):
    """What an organizer says about a new organizer."""

    name: str
    roles: tuple[str, ...]
    photo: str
    url: str | None = None


def organization(page: Page) -> tuple[Section, Organization]:
    """The organization table and its section; an error naming the section when it has none."""
    section = targets.section(page, "organization", heading="Organization")
    for item in section.items:
        if isinstance(item, Organization):
            return section, item
    raise PageSyntaxError(
        "the Organization section has no table of organizers",
        path=page.path,
        line=section.line,
        column=1,
        expected="a table with a row of photos and a row of captions under it",
    )


def listing(page: Page) -> tuple[Organizer, ...]:
    """The organizers, in table order."""
    return organization(page)[1].organizers


def _checked(page: Page, table: Table) -> tuple[int, int]:
    """The table's width and the index of its photo row (among the body rows); an error on a ragged table."""
    width = len(table.header.cells)
    for line, row in [(table.line + 1, table.delimiter), *table.numbered()]:
        if len(row.cells) != width:
            raise PageSyntaxError(
                f"the organization table's row has {len(row.cells)} cells but its header has {width}",
                path=page.path,
                line=line,
                column=1,
                expected="every row as wide as the header (fix the table first; `seminar lint` shows where)",
            )
    photo = next(index for index, row in enumerate(table.rows) if any(inline.images(cell) for cell in row.cells))
    return width, photo


def add(page: Page, style: PageStyle, person: NewOrganizer, position: int | None = None) -> Edit:
    """Add an organizer's column at `position` (1-based; default: last) in every row of the table."""
    section, current = organization(page)
    table = current.table
    width, photo_row = _checked(page, table)
    at = width if position is None else position - 1
    if not 0 <= at <= width:
        raise UsageError(f"--position {position} is outside the table", expected=f"a number from 1 to {width + 1}")
    model = at - 1 if at > 0 else 0
    rows = table.rows
    neighbour = _column_name(rows, photo_row, model)
    new_rows: list[Row] = []
    for index, row in enumerate(rows):
        template = row.cells[model]
        if index == photo_row:
            cell = _photo_cell(template, person, neighbour, page)
        elif index == photo_row + 1:
            cell = _caption_cell(template, (person.name, *person.roles), _separator(row))
        else:
            cell = compose.cell(template, "")
        new_rows.append(_inserted(row, at, cell))
    header = _inserted(table.header, at, table.header.cells[model])
    delimiter = _inserted(table.delimiter, at, table.delimiter.cells[model])
    page = _with_table(page, section, current, header, delimiter, new_rows)
    return Edit(page, f"added {person.name} to the organizers (column {at + 1} of {width + 1})")


def remove(page: Page, style: PageStyle, name: str) -> Edit:
    """Remove the organizer `name` names (words of the name) from every row of the table."""
    section, current = organization(page)
    table = current.table
    width, photo_row = _checked(page, table)
    names = [_column_name(table.rows, photo_row, index) for index in range(width)]
    words = name.casefold().split()
    found = [index for index, person in enumerate(names) if words and all(word in person.casefold() for word in words)]
    if len(found) != 1:
        listed = ", ".join(person for person in names if person)
        what = "no organizer" if not found else f"{len(found)} organizers"
        raise SelectorError(f"{what} match {name!r}; the organizers are: {listed}", path=page.path)
    if width == 1:
        raise UsageError(f"{names[found[0]]} is the only organizer", expected="another organizer first (add)")
    at = found[0]
    rows = [_removed(row, at) for row in table.rows]
    page = _with_table(page, section, current, _removed(table.header, at), _removed(table.delimiter, at), rows)
    return Edit(page, f"removed {names[at]} from the organizers")


def _column_name(rows: tuple[Row, ...], photo_row: int, column: int) -> str:
    """The organizer named in a column: the caption's first line, else the photo's alternative text."""
    captions = rows[photo_row + 1] if photo_row + 1 < len(rows) else None
    caption = captions.cells[column] if captions and column < len(captions.cells) else ""
    first = next((text for piece in inline.split_br(caption) if (text := inline.strip_markup(piece))), "")
    if first:
        return first
    images = inline.images(rows[photo_row].cells[column])
    return images[0].alt if images else ""


def _inserted(row: Row, at: int, cell: str) -> Row:
    cells = list(row.cells)
    cells.insert(at, cell)
    return replace(row, cells=tuple(cells))


def _removed(row: Row, at: int) -> Row:
    cells = list(row.cells)
    del cells[at]
    return replace(row, cells=tuple(cells))


def _with_table(
    page: Page, section: Section, current: Organization, header: Row, delimiter: Row, rows: list[Row]
) -> Page:
    """The page with the organization table rebuilt from its rows (comment lines kept in place)."""
    body: list[Row | RawBlock] = []
    remaining = iter(rows)
    for item in current.table.body:
        body.append(item if isinstance(item, RawBlock) else next(remaining))
    table = Table(header, delimiter, tuple(body), current.table.line)
    parsed = parse_organization(table)
    assert parsed is not None  # the photo row is still there
    new = replace(parsed, line=current.line)
    return layout.replace_section(page, section, layout.replace_item(section, current, new))


def initials(name: str) -> str:
    """`PZ` for Pei Zhang."""
    return "".join(word[0].upper() for word in re.findall(r"[^\W\d_]+", name))


def _photo_cell(template: str, person: NewOrganizer, neighbour: str, page: Page) -> str:
    """A photo cell in the neighbour's markup, with the new photo, link and alternative text."""
    images = inline.images(template)
    old_alt = images[0].alt if images else ""
    alt = initials(person.name) if old_alt and old_alt == initials(neighbour) else person.name
    links = inline.links(template)
    if links and person.url is None:
        raise UsageError(
            f"the other organizers' photos link to their pages; {person.name}'s needs --url", path=page.path
        )
    photo = person.photo
    text = _SRC.sub(lambda match: match.group(1) + photo + match.group(3), template)
    text = _ALT.sub(lambda match: match.group(1) + alt + match.group(3), text)
    text = _MD_IMAGE.sub(
        lambda match: f"{match.group(1)}{compose.cell_text(alt)}{match.group(3)}{photo}{match.group(5)}", text
    )
    if person.url:
        url = person.url
        text = _HREF.sub(lambda match: match.group(1) + url + match.group(3), text)
        text = _MD_LINKED_IMAGE.sub(lambda match: match.group(1) + url + match.group(3), text)
    return text


def _separator(captions: Row) -> str:
    """The `<br>` separator (with its spacing) most captions of the row use."""
    found = Counter(separator for cell in captions.cells for separator in _BR.findall(cell))
    return found.most_common(1)[0][0] if found else " <br> "


def _caption_cell(template: str, lines: tuple[str, ...], separator: str) -> str:
    """Caption lines joined with the row's usual `<br>` separator, the template cell's padding kept."""
    lead = template[: len(template) - len(template.lstrip())]
    trail = template[len(template.rstrip()) :]
    return lead + separator.join(compose.cell_text(line) for line in lines) + trail

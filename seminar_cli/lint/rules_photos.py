"""Rules on photos and what is written with them: a caption's affiliation, an organizer photo's alt text.

Both catch a cell copied from a neighbour and only half edited: a speaker's caption
that keeps the last speaker's university, an organizer's photo that keeps the last
organizer's name after columns were moved.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Organization, PhotoColumn, PhotoTable, Row, Table
from ..patterns import IGNORECASE, compiled
from ..read import inline
from ..read.compare import fold, is_known, known_names, looks_like_name, name_tokens, same_person, share_someone
from ..text.tables import cell_column
from .context import Context
from .finding import Hit
from .registry import rule

# Words every affiliation may share: they say nothing about which place it is.
_COMMON_WORDS = (
    "a an and at de der des di du für for in la le of the und university universität université universidad "
    "universita università univ institute institut instituto college school department dept division faculty "
    "center centre laboratory laboratories lab labs national research science sciences technology engineering "
    "group program programme inc llc ltd corp corporation company"
)
_COMMON = frozenset(_COMMON_WORDS.split())
_CAPTION_SEPARATOR = compiled(r"[,;]| - | — ")
_PLACE_WORDS = compiled(
    r"\b(universit\w*|univ|institut\w*|college|school|laborator\w*|labs?|cent(?:er|re)|inc|corp\w*|company|"
    r"hospital|academy|polytechnic|foundation|observatory)\b",
    IGNORECASE,
)
_ACRONYM = compiled(r"\b[A-Z][A-Z&]{1,6}\b")
_UNIT = compiled(r"^\s*(department|dept|school|faculty|division|college|group)\b", IGNORECASE)
_WORD = compiled(r"[^\W\d_]+")
_INITIALS = compiled(r"[A-Z]{2,4}")


@rule(
    "SEM054",
    "photo-affiliation",
    "warning",
    summary="A talk's photo caption names another institution than the talk's schedule row.",
    example="| Ada Park <br> Professor <br> Colorado School of Mines |  for the row of Ada Park, Harbor University",
)
def photo_affiliation(ctx: Context) -> Iterator[Hit]:
    """The caption under a speaker's photo says where the schedule says they are from."""
    for pair in ctx.matching.pairs:
        row = pair.entry.affiliation or ""
        photo = next((part for part in pair.talk.parts if isinstance(part, PhotoTable)), None)
        if photo is None or not is_known(row) or not _names_a_place(row):
            continue
        names = known_names(pair.entry.speakers) + known_names(pair.talk.speakers)
        for column in photo.columns:
            place = _other_place(column, len(photo.columns), names, row)
            if place is not None:
                line, at = _text_at(photo.table, place)
                yield Hit(
                    line,
                    at,
                    f"the photo caption says {place!r} but the schedule row (line {pair.entry.line}) says "
                    f"{row!r}; check which one the speaker is from",
                )


def _other_place(column: PhotoColumn, columns: int, names: list[str], row: str) -> str | None:
    """The institution a speaker's caption names, when none of those it names is the row's."""
    caption = column.caption
    if not caption or not (columns == 1 or share_someone([caption[0]], names)):
        return None
    places = [piece for line in caption[1:] for piece in _pieces(line) if _names_a_place(piece)]
    if not places or any(_agree(row, place) for place in places):
        return None
    return places[-1]


def _pieces(line: str) -> list[str]:
    """A caption line cut where affiliations are joined (`Computer Science Division, ORNL`)."""
    return [piece.strip() for piece in _CAPTION_SEPARATOR.split(line) if piece.strip()]


def _names_a_place(text: str) -> bool:
    """True for an institution (`Harbor University`, `ORNL`), not a unit of one (`Department of Physics`)."""
    return not _UNIT.match(text) and bool(_PLACE_WORDS.search(text) or _ACRONYM.search(text))


def _agree(one: str, two: str) -> bool:
    """True when two affiliations can be the same place: a telling word in common, or one is the other's acronym."""
    if _telling(one) & _telling(two):
        return True
    return any(acronym in _initials(two) for acronym in _ACRONYM.findall(one)) or any(
        acronym in _initials(one) for acronym in _ACRONYM.findall(two)
    )


def _telling(text: str) -> set[str]:
    return {word for word in _WORD.findall(fold(text)) if len(word) > 1 and word not in _COMMON}


def _initials(text: str) -> str:
    """`Oak Ridge National Laboratory` -> `ORNL`: the first letters of its capitalised words."""
    return "".join(word[0] for word in _WORD.findall(text) if word[0].isupper())


def _text_at(table: Table, text: str) -> tuple[int, int]:
    for line, row in table.numbered():
        for index, cell in enumerate(row.cells):
            if text in inline.strip_markup(cell):
                return line, cell_column(row, index)
    return table.line, 1


@rule(
    "SEM055",
    "organizer-photo",
    "error",
    summary="An organizer's photo whose alt text names someone else than its caption.",
    example="| [![Yan Liu](…/choi.png)](…) |  above the caption  | Jong Youl Choi <br> … |",
)
def organizer_photo(ctx: Context) -> Iterator[Hit]:
    """Each organizer's photo is labelled with their own name."""
    for section in ctx.page.sections_of("organization"):
        for item in section.items:
            if isinstance(item, Organization):
                yield from _organization(item.table)


def _organization(table: Table) -> Iterator[Hit]:
    rows = table.numbered()
    for position, (line, row) in enumerate(rows):
        if any(inline.images(cell) for cell in row.cells):
            captions = rows[position + 1][1] if position + 1 < len(rows) else None
            for index, cell in enumerate(row.cells):
                found = _alt_and_name(cell, captions, index)
                if found is not None and _someone_else(*found):
                    yield Hit(
                        line,
                        cell_column(row, index) + max(cell.strip().find(found[0]), 0),
                        f"the photo's alt text {found[0]!r} names someone else than its caption {found[1]!r}; "
                        "was the photo or the caption moved?",
                    )
            return


def _alt_and_name(cell: str, captions: Row | None, index: int) -> tuple[str, str] | None:
    """A photo's alt text and the name in the caption under it, when both are there."""
    images = inline.images(cell)
    alt = images[0].alt.strip() if images else ""
    if not alt or captions is None or index >= len(captions.cells):
        return None
    pieces = [inline.strip_markup(piece) for piece in inline.split_br(captions.cells[index])]
    name = next((piece for piece in pieces if piece), "")
    return (alt, name) if looks_like_name(name) else None


def _someone_else(alt: str, name: str) -> bool:
    """True when an alt text names another person: a full name, or initials that are not the caption's."""
    if looks_like_name(alt):
        return not same_person(alt, name) and set(name_tokens(alt)) != set(name_tokens(name))
    if not _INITIALS.fullmatch(alt):
        return False
    theirs = [word[0] for word in name_tokens(name)]
    ours = list(fold(alt))
    return not set(ours) & set(theirs) or (len(ours) == len(theirs) and sorted(ours) != sorted(theirs))

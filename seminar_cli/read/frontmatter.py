"""The front matter: what its title, description and permalink say, where their years stand, the season's year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..model import FrontMatter, Frozen, RawBlock, frozen
from ..patterns import IGNORECASE, compiled
from ..text.lines import body, split_lines

YEAR = compiled(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
SEASON_KEYS = ("title", "description", "permalink")
_COMMENT = compiled(r"(^|\s)#.*$")
_KEY_LINE = compiled(r"^([A-Za-z_][\w-]*)\s*:(.*)$")
_KEY = compiled(r"^([A-Za-z_][\w-]*)\s*:")
COMMENT = compiled(r"(^|\s)#")
_BR = compiled(r"(?:(?<!\s)\s++)?+<br\s*+/?>\s*+", IGNORECASE)  # a run of spaces is read once, from its start
_FULL_DATE = compiled(r"(?<!\d)\d{1,2}[/-]\d{1,2}[/-]((?:19|20)\d\d)(?!\d)")


@frozen
class Value(Frozen):
    """One line of a season key's value: the line's index in the front matter and where the value stands."""

    line_index: int
    key: str
    start: int
    end: int


def season_values(front: FrontMatter) -> Iterator[Value]:
    """The lines of the title, description and permalink values, without their key or YAML comment."""
    key: str | None = None
    lines = split_lines(front.text)
    for index in range(1, len(lines) - 1):
        text = body(lines[index])
        match = _KEY.match(text)
        start = 0
        if match:
            key, start = match.group(1).lower(), match.end()
        elif not text[:1].isspace():
            key = None
        if key not in SEASON_KEYS:
            continue
        comment = COMMENT.search(text, start)
        yield Value(index, str(key), start, comment.start() if comment else len(text))


def read_front_matter(block: RawBlock | None) -> FrontMatter | None:
    """What the front matter says: its title, description and permalink (None without front matter)."""
    if block is None:
        return None
    fields: dict[str, list[str]] = {}
    key = None
    for line in split_lines(block.text)[1:-1]:
        text = body(line)
        match = _KEY_LINE.match(text)
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
    value = _COMMENT.sub("", value).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return _BR.sub(" ", value).strip()


def season_year_of(front: FrontMatter | None, text: str) -> int | None:
    """The season's year: from the permalink, else the front matter, else the dates on the page."""
    if front is not None:
        values = " ".join((front.title or "", *front.description))
        for source in (front.permalink or "", values):
            years = YEAR.findall(source)
            if years:
                return int(Counter(years).most_common(1)[0][0])
    years = _FULL_DATE.findall(text)
    return int(Counter(years).most_common(1)[0][0]) if years else None

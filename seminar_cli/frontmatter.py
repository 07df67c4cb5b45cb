"""Where the season's years stand in the front matter: the values of title, description and permalink."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .model import FrontMatter
from .source import body, split_lines

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
SEASON_KEYS = ("title", "description", "permalink")
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
COMMENT = re.compile(r"(^|\s)#")


class Value(NamedTuple):
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

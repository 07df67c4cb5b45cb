"""A talk description as a speaker sends it: key/value front matter, `## Abstract`, `## Bio`."""

from __future__ import annotations

import re

from ..errors import UsageError
from ..model import Frozen, frozen
from ..patterns import compiled

TEMPLATE = """\
---
# Fill in what you know; leave the rest empty. One line per value.
title:
speaker:
url:
affiliation:
photo:
caption:
location:
time:
---

## Abstract

<!-- The abstract, in paragraphs separated by blank lines. -->

## Bio

<!-- A short biography, in the third person. -->
"""

_KEYS = frozenset({"title", "speaker", "url", "affiliation", "photo", "caption", "location", "time", "date"})
_COMMENT = compiled(r"<!--.*?(-->|\Z)", re.S)  # an unclosed comment is read once, to the end, and kept
_HEADING = compiled(r"^#{1,6}\s+(.*)$")


@frozen
class TalkFile(Frozen):
    """What a talk description file says; empty values are None."""

    values: dict[str, str]
    abstract: str | None
    bio: str | None


def parse_talk_file(text: str, path: str) -> TalkFile:
    """Read a talk description; unknown keys and sections are usage errors naming their line."""
    lines = text.replace("\r\n", "\n").split("\n")
    values: dict[str, str] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((index for index in range(1, len(lines)) if lines[index].strip() == "---"), None)
        if end is None:
            raise UsageError("the front matter is not closed", path=path, line=1, expected="a line '---' after it")
        for number, line in enumerate(lines[1:end], start=2):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, colon, value = line.partition(":")
            key = key.strip().lower()
            if not colon or key not in _KEYS:
                raise UsageError(
                    f"unknown line {line.strip()!r}",
                    path=path,
                    line=number,
                    expected=f"one of {', '.join(sorted(_KEYS))}",
                )
            value = value.strip().strip("'\"").strip()
            if value:
                values[key] = value
        start = end + 1
    sections = _sections(lines[start:], path, start)
    return TalkFile(values, sections.get("abstract"), sections.get("bio"))


def _closed_comment(match: re.Match[str]) -> str:
    """Nothing for a comment (`<!-- ... -->`); an unclosed one stays as it was written."""
    return "" if match.group(1) else match.group(0)


def _sections(lines: list[str], path: str, offset: int) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, line in enumerate(lines, start=offset + 1):
        heading = _HEADING.match(line)
        if heading:
            title = heading.group(1).rstrip().rstrip("#").rstrip()  # without closing `#`s
            name = title.strip().lower().rstrip(":")
            if name in ("abstract", "bio", "biography", "speaker bio"):
                current = found.setdefault("abstract" if name == "abstract" else "bio", [])
                continue
            raise UsageError(f"unknown section {title!r}", path=path, line=number, expected="## Abstract or ## Bio")
        if current is not None:
            current.append(line)
    texts = {name: _COMMENT.sub(_closed_comment, "\n".join(body)).strip() for name, body in found.items()}
    return {name: text for name, text in texts.items() if text}

"""Markdown texts (abstracts, bios) as plain text, for calendars, announcements and data.

A paragraph of prose becomes one line of its words. Blocks with structure keep their
lines: list items with their markers, table rows with their cells between ` | `, quotes
without their `>`; alignment rows and `---` rules are left out.
"""

from __future__ import annotations

import re

from ..patterns import compiled
from ..read import inline

_LIST_ITEM = compiled(r"^(?P<marker>\s*(?:[-*+]|\d{1,9}[.)]))\s+")
_RULE = compiled(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_ALIGNMENT = compiled(r"^\s*\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*$")
_HARD_BREAK = compiled(r"(?: {2,}|\\)$")


def plain_paragraphs(text: str) -> list[str]:
    """Markdown blocks as plain text, one string each (lines kept where the block has structure)."""
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip())
    return [plain for block in blocks if (plain := _plain_block(block))]


def plain_text(text: str | None) -> str | None:
    """A markdown text as plain text, blocks separated by a blank line; None for None."""
    return "\n\n".join(plain_paragraphs(text)) if text is not None else None


def _plain_block(block: str) -> str:
    lines = block.split("\n")
    if not any(_structured(line) for line in lines) and not any(_HARD_BREAK.search(line) for line in lines[:-1]):
        return inline.strip_markup(block)
    return "\n".join(plain for line in lines if (plain := _plain_line(line)))


def _structured(line: str) -> bool:
    return bool(_LIST_ITEM.match(line) or _RULE.match(line) or line.lstrip().startswith(("|", ">", "#")))


def _plain_line(line: str) -> str:
    if _RULE.match(line) or (_ALIGNMENT.match(line) and "-" in line):
        return ""
    item = _LIST_ITEM.match(line)
    if item:
        return f"{item.group('marker')} {inline.strip_markup(line[item.end() :])}".rstrip()
    stripped = line.strip()
    if stripped.startswith("|"):
        cells = stripped.strip("|").split("|")
        return " | ".join(inline.strip_markup(cell) for cell in cells)
    return inline.strip_markup(stripped.lstrip(">#").strip())

"""Sections: which headings start one, and what a heading means (next, upcoming, schedule, past...)."""

from __future__ import annotations

from ..model import RawBlock, SectionKind
from ..patterns import compiled
from ..text.blocks import heading_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

_KINDS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    ("next", compiled(r"\bnext\b|\bthis week\b")),
    ("past", compiled(r"\b(past|previous|earlier|former)\b")),
    ("recorded", compiled(r"\b(recorded|recordings?|videos?)\b")),
    ("schedule", compiled(r"\b(schedule|calendar|program(me)?|line-?up)\b")),
    ("upcoming", compiled(r"\b(upcoming|future|coming)\b")),
    ("organization", compiled(r"\b(organi[sz]\w*|committee|contacts?|hosts?)\b")),
    ("about", compiled(r"\b(about|overview|introduction)\b")),
)


def classify_heading(title: str) -> SectionKind:
    """The kind of section a heading announces, from its words."""
    words = title.lower().strip(" :#")
    if len(words.split()) > 6:
        return "unknown"
    for kind, pattern in _KINDS:
        if pattern.search(words):
            return kind
    return "unknown"


def group_sections(blocks: tuple[RawBlock, ...]) -> tuple[tuple[RawBlock | None, tuple[RawBlock, ...]], ...]:
    """The blocks grouped under the headings that start sections (the top level, or a level 2-3 named like one)."""
    levels = [heading_of(block.text) for block in blocks if block.kind == "heading"]
    top = min((level for level, _ in filter(None, levels)), default=1)
    sections: list[tuple[RawBlock | None, list[RawBlock]]] = [(None, [])]
    for block in blocks:
        if block.kind == "heading":
            level, title = heading_of(block.text) or (top, "")
            if level == top or (level <= 3 and classify_heading(title) != "unknown"):
                sections.append((block, []))
                continue
        sections[-1][1].append(block)
    return tuple((heading, tuple(section)) for heading, section in sections)

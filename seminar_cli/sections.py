"""What a section heading means: next, upcoming, schedule, past, organization..."""

from __future__ import annotations

import re

from .model import SectionKind

_KINDS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    ("next", re.compile(r"\bnext\b|\bthis week\b")),
    ("past", re.compile(r"\b(past|previous|earlier|former)\b")),
    ("recorded", re.compile(r"\b(recorded|recordings?|videos?)\b")),
    ("schedule", re.compile(r"\b(schedule|calendar|program(me)?|line-?up)\b")),
    ("upcoming", re.compile(r"\b(upcoming|future|coming)\b")),
    ("organization", re.compile(r"\b(organi[sz]\w*|committee|contacts?|hosts?)\b")),
    ("about", re.compile(r"\b(about|overview|introduction)\b")),
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

"""Inline markdown read through mistune's AST: links, images and plain text of a value.

mistune is imported on first use, so commands that never read inline markup
do not pay for it at start-up.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SIZE = re.compile(r"""\b(width|height)\s*=\s*["']?(\d+)""", re.I)
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>", re.I)
_SPACES = re.compile(r"\s+")
_CANCELLED = re.compile(r"\s*[\(\[]\s*cancel+ed\s*[\)\]]\s*$|^\s*cancel+ed\s*[:!-]\s*", re.I)


@dataclass(frozen=True, slots=True)
class InlineLink:
    """A link found in a value: its text (markup removed) and target."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class InlineImage:
    """An image found in a value: its source, alternative text and size attribute."""

    src: str
    alt: str
    size: str | None


@lru_cache(maxsize=1)
def _markdown() -> Any:
    import mistune

    return mistune.create_markdown(renderer=None, plugins=["strikethrough"])


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[dict[str, Any], ...]:
    """mistune's inline AST of `text`."""
    return tuple(_markdown().inline(text, {}))


def _attr(pattern: re.Pattern[str], tag: str) -> str | None:
    match = pattern.search(tag)
    if match is None:
        return None
    return html.unescape(next(group for group in match.groups() if group is not None))


def _text_of(children: list[dict[str, Any]]) -> str:
    out = []
    for child in children:
        if "children" in child:
            out.append(_text_of(child["children"]))
        elif child["type"] in ("text", "codespan"):
            out.append(child.get("raw", ""))
        elif child["type"] in ("softbreak", "linebreak"):
            out.append(" ")
    return "".join(out)


def links(text: str) -> list[InlineLink]:
    """The links of `text`, markdown `[x](u)` and HTML `<a href="u">x</a>`, in order."""
    if "[" not in text and "<a" not in text.lower():
        return []
    found: list[InlineLink] = []
    open_href: str | None = None
    captured: list[str] = []
    for token in tokens(text):
        kind = token["type"]
        if kind == "link":
            found.append(InlineLink(_clean(_text_of(token["children"])), token["attrs"]["url"]))
        elif kind == "inline_html" and token["raw"].lower().startswith("<a"):
            open_href, captured = _attr(_HREF, token["raw"]) or "", []
        elif kind == "inline_html" and token["raw"].lower().startswith("</a"):
            if open_href is not None:
                found.append(InlineLink(_clean(strip_markup("".join(captured))), open_href))
            open_href = None
        elif open_href is not None:
            captured.append(token.get("raw", "") if "children" not in token else _text_of(token["children"]))
    return found


def images(text: str) -> list[InlineImage]:
    """The images of `text`, markdown `![a](src)` and HTML `<img src=...>`, in order."""
    if "![" not in text and "<img" not in text.lower():
        return []
    found: list[InlineImage] = []

    def walk(items: list[dict[str, Any]] | tuple[dict[str, Any], ...]) -> None:
        for token in items:
            if token["type"] == "image":
                found.append(InlineImage(token["attrs"]["url"], _text_of(token["children"]), None))
            elif token["type"] == "inline_html" and token["raw"].lower().startswith("<img"):
                size = _SIZE.search(token["raw"])
                src = _attr(_SRC, token["raw"]) or ""
                alt = _attr(_ALT, token["raw"])
                found.append(InlineImage(src, alt or "", f"{size.group(1)}={size.group(2)}" if size else None))
            elif "children" in token:
                walk(token["children"])

    walk(tokens(text))
    return found


def strip_markup(text: str) -> str:
    """`text` as a reader sees it: links and emphasis reduced to their words, tags removed."""
    if not any(mark in text for mark in "[*_<~`&\\"):
        return _clean(text)
    # mistune drops HTML tags and reads escapes; `<br>` becomes a space first.
    return _clean(_text_of(list(tokens(_BR.sub(" ", text)))))


def _clean(text: str) -> str:
    return _SPACES.sub(" ", html.unescape(text)).strip()


def split_br(text: str) -> list[str]:
    """Split a cell or line at its `<br>` tags."""
    return _BR.split(text)


def split_cancelled(text: str) -> tuple[str, bool]:
    """`text` without a cancellation mark (`(canceled)`, `Cancelled:`, `~~...~~`) and whether it had one."""
    stripped = text.strip()
    if len(stripped) > 4 and stripped.startswith("~~") and stripped.endswith("~~"):
        return stripped[2:-2], True
    cleaned, count = _CANCELLED.subn("", text)
    return cleaned, bool(count)

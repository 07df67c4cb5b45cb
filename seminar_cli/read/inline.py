"""Inline markdown read through mistune's AST: links, images and plain text of a value.

Most values are plain words with simple links (`[Name](url)`, `<a href="url">Name</a>`,
`<img src=...>`), `**bold**`, `*italics*` or `code`; for those the AST is built here, exactly as mistune builds it (a
property test checks that), and mistune — imported on first use — reads the rest.
`seminar lint` on a typical page then never loads mistune at all.
"""

from __future__ import annotations

from functools import lru_cache
from sys import intern

from ..model import Frozen, frozen
from ..patterns import IGNORECASE, compiled

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any

_HREF = compiled(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", IGNORECASE)
_SRC = compiled(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", IGNORECASE)
_ALT = compiled(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", IGNORECASE)
_SIZE = compiled(r"""\b(width|height)\s*=\s*["']?(\d+)""", IGNORECASE)
_BR = compiled(r"<br\s*/?>", IGNORECASE)
_SPACES = compiled(r"\s+")
# A run of spaces is read once, from its start (never again from inside it): linear on long runs.
_CANCELLED = compiled(
    r"(?:(?<!\s)\s++)?+[(\[]\s*+cancel+ed\s*+[)\]]\s*+$|^\s*+cancel+ed\s*+(?:[:!]|[-–—]++)\s*+", IGNORECASE
)


@frozen
class InlineLink(Frozen):
    """A link found in a value: its text (markup removed) and target."""

    text: str
    url: str


@frozen
class InlineImage(Frozen):
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
    """mistune's inline AST of `text` (built without mistune when the text is simple)."""
    simple = simple_tokens(text)
    if simple is not None:
        return tuple(simple)
    return tuple(_markdown().inline(text, {}))


def mistune_tokens(text: str) -> list[dict[str, Any]]:
    """mistune's own inline AST of `text` (what `simple_tokens` must agree with)."""
    return list(_markdown().inline(text, {}))


_LABEL = r"[^\[\]\\*_`~<>!&\n]"
_URL = r"(?:[^\s()<>\\&\[\]]|&(?![#A-Za-z0-9]+;))*"  # mistune escapes brackets in a URL: left to it
# Spaces are text unless a line break follows them: mistune drops them there (two or more make a hard break).
_TEXT = r"(?:[^\[\]\\*_`~<>!&\n ]| ++(?!\n)|!(?!\[)|&(?![#A-Za-z0-9]+;))+"
_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_CODE = r"[^\s`\\](?:[^`\\\n]*[^\s`\\])?"  # no spaces at its ends: mistune trims those
# Brackets that open no link (`[Postponed]`, not followed by `(` or `[`) are text to mistune, as a
# bracket of no reference is: nothing on a page is a reference, since values are read alone.
_BRACKETED = r"\[[^\[\]\\*_`~<>!&\n]*+\](?![(\[])"
_EMPHASIZED = rf"(?:[^*_`\[\]\\<>!&~\n]|{_BRACKETED})++"
_LINK_OPENING = compiled(r"(?<!!)\[")
_SIMPLE = compiled(
    rf"(?P<image_link>\[!\[(?P<inner_alt>{_LABEL}*)\]\((?P<inner_src>{_URL})\)\]\((?P<outer_url>{_URL})\))"
    rf"|(?P<image>!\[(?P<alt>{_LABEL}*)\]\((?P<src>{_URL})\))"
    rf"|(?P<link>\[(?P<label>{_LABEL}+)\]\((?P<url>{_URL})\))"
    rf"|(?P<html></[A-Za-z][A-Za-z0-9-]*\s*>|<[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*\s*/?>)"
    rf"|(?P<code>(?<!`)`(?P<code_text>{_CODE})`(?!`))"
    rf"|(?P<stars>\*\*?)(?P<emphasized>{_EMPHASIZED})(?P=stars)(?!\*)"
    rf"|(?P<text>(?:{_TEXT}|{_BRACKETED})+)"
    r"|(?P<line_break>(?P<break_spaces> *+)\n[ \t]*+)"
)


def simple_tokens(text: str) -> list[dict[str, Any]] | None:
    """The inline AST of text made only of words, simple links, images, HTML tags, code and plain
    emphasis; None otherwise."""
    if not text:
        return [{"type": "text", "raw": ""}]
    if "<a" in text.lower() and _LINK_OPENING.search(text):
        return None  # inside an HTML link a markdown link is text: mistune keeps track of that
    found: list[dict[str, Any]] = []
    position = 0
    while position < len(text):
        match = _SIMPLE.match(text, position)
        token = None if match is None else _token(match, text)
        if match is None or token is None or (token["type"] in _BREAKS and found and found[-1]["type"] in _BREAKS):
            return None  # (two line breaks in a row: mistune makes them one)
        found.append(token)
        position = match.end()
    return found


_BREAKS = ("softbreak", "linebreak")


def _token(match: re.Match[str], text: str) -> dict[str, Any] | None:
    """The AST node of one match of `_SIMPLE`; None for emphasis that mistune may read otherwise."""
    if match.group("text") is not None:
        return {"type": "text", "raw": match.group("text")}
    if match.group("line_break") is not None:
        return {"type": "linebreak" if len(match.group("break_spaces")) >= 2 else "softbreak"}
    if match.group("html") is not None:
        return {"type": "inline_html", "raw": match.group("html")}
    if match.group("code") is not None:
        return {"type": "codespan", "raw": match.group("code_text")}
    if match.group("stars") is not None:
        if not _flanked(text, match.start("emphasized"), match.end("emphasized")):
            return None
        kind = "strong" if len(match.group("stars")) == 2 else "emphasis"
        return {"type": kind, "children": [{"type": "text", "raw": match.group("emphasized")}]}
    if match.group("link") is not None:
        return _node("link", match.group("label"), match.group("url"))
    if match.group("image") is not None:
        return _node("image", match.group("alt"), match.group("src"))
    image = _node("image", match.group("inner_alt"), match.group("inner_src"))
    return {"type": "link", "children": [image], "attrs": {"url": match.group("outer_url")}}


def _flanked(text: str, start: int, end: int) -> bool:
    """Whether the stars around `text[start:end]` surely open and close emphasis: no space inside
    them, and a mark of punctuation at an end only beside a space or the value's own end."""
    first, last = text[start], text[end - 1]
    if first.isspace() or last.isspace():
        return False
    opening = start - 1
    while opening >= 0 and text[opening] == "*":
        opening -= 1
    closing = end
    while closing < len(text) and text[closing] == "*":
        closing += 1
    if not first.isalnum() and opening >= 0 and not text[opening].isspace():
        return False
    return last.isalnum() or closing == len(text) or text[closing].isspace()


def _node(kind: str, text: str, url: str) -> dict[str, Any]:
    children = [{"type": "text", "raw": text}] if text else []
    return {"type": kind, "children": children, "attrs": {"url": url}}


def _attr(pattern: re.Pattern[str], tag: str) -> str | None:
    match = pattern.search(tag)
    if match is None:
        return None
    return unescape(next(group for group in match.groups() if group is not None))


def _text_of(children: list[dict[str, Any]]) -> str:
    out = []
    for child in children:
        if "children" in child:
            out.append(_text_of(child["children"]))
        elif child["type"] == "text":
            out.append(unescape(child.get("raw", "")))  # each piece alone: `&\#124;` stays `&#124;`
        elif child["type"] == "codespan":
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


_MARKUP = compiled(r"[\[*_<~`&\\]")  # what can start markup: without one, a text reads as written


def strip_markup(text: str) -> str:
    """`text` as a reader sees it: links and emphasis reduced to their words, tags removed."""
    # The same words come back from many values (a place, an affiliation, a title in a row and a block): one copy.
    if _MARKUP.search(text) is None:
        return intern(_clean(text))
    # mistune drops HTML tags and reads escapes; `<br>` becomes a space first.
    return intern(_clean(_text_of(list(tokens(_BR.sub(" ", text))))))


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


_CHARACTER = compiled(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")  # `&#10558;`, `&#x2934;`
# `Science & Engineering`, `R&D`, `Q&A`: every named entity starts with a letter and has two or more
_AMPERSAND = compiled(r"&(?![A-Za-z#])|&[A-Za-z](?![A-Za-z0-9;])")


def unescape(text: str) -> str:
    """`&amp;` and the like as the characters they stand for, as `html.unescape` reads them.

    Pages write arrows and symbols as numbered references (`&#10558;`) and `&` as itself
    (`Science & Engineering`, `Q&A`); those are read here, and the entity table of `html` loads only
    for a named entity (`&nbsp;`) or a reference HTML reads in its own way (`&#150;`, `&#0;`).
    """
    if "&" not in text:
        return text
    numbered = [int(decimal) if decimal else int(hexadecimal, 16) for decimal, hexadecimal in _CHARACTER.findall(text)]
    if len(numbered) + len(_AMPERSAND.findall(text)) == text.count("&") and all(map(_plain, numbered)):
        return _CHARACTER.sub(_character, text)
    import html

    return html.unescape(text)


def _character(match: re.Match[str]) -> str:
    return chr(int(match.group(1)) if match.group(1) else int(match.group(2), 16))


def _plain(number: int) -> bool:
    """True for a code point HTML reads as itself: not a control, surrogate or non-character."""
    if number < 0xA0:
        return 0x20 <= number <= 0x7E
    if number >= 0x10000:
        return number <= 0x10FFFF and number & 0xFFFF < 0xFFFE
    return not (0xD800 <= number <= 0xDFFF or 0xFDD0 <= number <= 0xFDEF or number >= 0xFFFE)


@frozen
class Segment(Frozen):
    """A run of a value as a reader sees it: plain words, emphasis (`*x*`, `**x**`) or a link, markup removed."""

    kind: str  # "text", "emphasis", "link"
    text: str
    url: str | None = None


def segments(text: str) -> list[Segment]:
    """The value read through its inline AST into runs of plain text, emphasis and links (HTML tags dropped)."""
    found: list[Segment] = []
    open_href: str | None = None
    for token in tokens(_BR.sub(" ", text)):
        if token["type"] == "inline_html":
            open_href = _href_after(token["raw"], open_href)
        elif token["type"] != "image":
            found.append(_segment(token, open_href))
    return [segment for segment in found if segment.text or segment.kind == "text"]


def _href_after(tag: str, open_href: str | None) -> str | None:
    """The target of the HTML link a tag opens (`<a href>`), None after one it closes; else as it was."""
    lowered = tag.lower()
    if lowered.startswith("<a"):
        return _attr(_HREF, tag) or ""
    return None if lowered.startswith("</a") else open_href


def _segment(token: dict[str, Any], open_href: str | None) -> Segment:
    kind = token["type"]
    words = _text_of(token["children"]) if "children" in token else token.get("raw", "")
    if kind == "link":
        return Segment("link", _clean(words), token["attrs"]["url"])
    if open_href is not None:
        return Segment("link", _clean(words), open_href)
    if kind in ("emphasis", "strong"):
        return Segment("emphasis", _clean(words))
    if kind in ("softbreak", "linebreak"):
        return Segment("text", " ")
    return Segment("text", unescape(words))


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

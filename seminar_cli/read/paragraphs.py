"""Talks as lines of paragraphs: each line that a date leads starts a talk (`2020-11-13 (14h-16h). Speaker : Title`).

The lines after it, up to the next dated line, the end of its paragraph or a template tag
(`{% endcapture %}`, `<details>`), continue it. Two dated lines at least make such a listing,
so that one dated sentence in an introduction is not taken for a talk.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Frozen, RawBlock, frozen
from ..patterns import compiled
from ..text.lines import body, split_lines
from .date_tokens import DateToken, leading_token
from .entries import Draft, Found, Node, hours
from .items import is_item
from .people import DashOrder, dash_order, read_free, status_of, struck

_TAG = r"\{%[^%]*%\}|\{\{[^}]*\}\}|</?[A-Za-z][^>]*>"  # a template tag or an HTML tag, each closed where it can be
_TAG_LINE = compiled(rf"^\s*(?:{_TAG})(?:\s*(?:{_TAG}))*\s*$")
_TAGS = compiled(r"\{%[^%]*%\}|\{\{[^}]*\}\}")


@frozen
class _Dated(Frozen):
    """A line that a date leads, with the lines that continue it: one talk, not yet read."""

    line: int
    end_line: int
    token: DateToken
    text: str  # the first line
    whole: str  # what follows the date, continuation lines joined


def read_paragraphs(nodes: Sequence[Node], index: int) -> Found | None:
    """The talks of the paragraphs that start at `nodes[index]`, when two lines or more of them start with a date."""
    first = nodes[index].item
    if not isinstance(first, RawBlock) or first.kind != "paragraph":
        return None
    dated: list[_Dated] = []
    end = index
    while end < len(nodes):
        item = nodes[end].item
        if not isinstance(item, RawBlock) or nodes[end].section is not nodes[index].section:
            break
        if item.kind in ("paragraph", "html"):
            found = _dated_lines(item)
            if not found and not dated:
                return None
            dated.extend(found)
        elif item.kind not in ("blank", "comment", "quote"):
            break
        end += 1
    if len(dated) < 2:
        return None
    order = dash_order([talk.whole for talk in dated])
    return Found("paragraphs", [_draft(talk, order) for talk in dated], end)


def _dated_lines(block: RawBlock) -> list[_Dated]:
    """The talks of one paragraph: a talk per line that a date leads, with the lines that continue it."""
    lines = [body(line) for line in split_lines(block.text)]
    found: list[_Dated] = []
    position = 0
    while position < len(lines):
        text = _TAGS.sub("", lines[position])
        token = leading_token(text) if not is_item(text) else None
        if token is None or _TAG_LINE.match(lines[position]):
            position += 1
            continue
        last = position
        while last + 1 < len(lines) and not _ends(lines[last + 1]):
            last += 1
        whole = " ".join([text[token.end :], *(line.strip() for line in lines[position + 1 : last + 1])])
        found.append(_Dated(block.line + position, block.line + last, token, text, whole))
        position = last + 1
    return found


def _draft(talk: _Dated, order: DashOrder | None) -> Draft:
    described = read_free(talk.whole, order)
    start, end = hours(talk.text, talk.token)
    return Draft(
        line=talk.line,
        end_line=talk.end_line,
        token=talk.token,
        status="cancelled" if struck(talk.text) else status_of(talk.whole, speakers=described.speakers),
        title=described.title,
        speakers=described.speakers,
        affiliation=described.affiliation,
        start=start,
        end=end,
    )


def _ends(line: str) -> bool:
    """True for a line that cannot continue a talk: a template tag, a list item, or another dated line."""
    return bool(_TAG_LINE.match(line)) or is_item(line) or leading_token(line) is not None

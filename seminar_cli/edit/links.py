"""Slides and recording links added to a talk the way the page already shows them.

Pages show a talk's links in one of two ways: link lines in the talk's block
(`> [slides](…)`, read as link fields), or, on pages that keep past talks only as
schedule rows, the row's title linked to the recording (`[Title](…)`). A link goes
where the page puts links of its kind:

- into the block, as a line shaped like the page's other link lines, when the page
  writes such lines (for this kind, or for any kind when it does not link titles);
- a recording links the row's title when the page links titles; when the page does
  both (recording lines in blocks and linked titles), both get it, so the schedule
  and the block agree;
- otherwise a talk with a block gets a `> [slides](…)` line (with a note), a talk with
  only a row gets its recording as a linked title (with a note), and slides for a
  talk with only a row are refused: the page has no place for them.
"""

from __future__ import annotations

import re
from typing import Literal

from ..errors import UsageError
from ..model import Field, Frozen, Page, RawBlock, Talk, TalkPart, TextPart, frozen, replace
from ..patterns import compiled
from ..read.dates import is_tbd
from ..read.refs import TalkRef
from ..read.tables import schedule_entry
from ..read.talks import talk_from_parts
from . import compose, layout, targets
from .result import Edit
from .style import PageStyle

LinkKind = Literal["slides", "recording"]
_WORDS: dict[LinkKind, re.Pattern[str]] = {
    "slides": compiled(r"\bslides?\b|\bdeck\b|\bpdf\b", re.I),
    "recording": compiled(r"\brecord|\bvideo\b|\byoutube\b|\bwatch\b", re.I),
}
_MD_LINK = compiled(rf"\[(?P<text>[^\[\]]*+)\]\((?P<url>{compose.LINK_TARGET})\)")


@frozen
class LinkStyle(Frozen):
    """How the page shows links: a link line to copy, the labels it uses, and whether titles link recordings."""

    line: Field | None
    before: RawBlock | None
    labels: dict[str, str]
    in_blocks: frozenset[str]
    row_titles: bool


def link_style(page: Page) -> LinkStyle:
    """Read how the page shows slides and recordings."""
    line: Field | None = None
    before: RawBlock | None = None
    labels: dict[str, str] = {}
    for _, talk in page.talks():
        for index, part in enumerate(talk.parts):
            if not (_is_link_line(part) and isinstance(part, Field)):
                continue
            if line is None:
                line = part
                previous = talk.parts[index - 1] if index else None
                before = previous if isinstance(previous, RawBlock) and previous.kind == "blank" else None
            for match in _MD_LINK.finditer(part.text):
                kind = _kind_of(match.group("text"))
                if kind is not None:
                    labels.setdefault(kind, match.group("text"))
    schedule = page.schedule
    row_titles = bool(schedule and any(entry.title_url for entry in schedule.entries))
    return LinkStyle(line, before, labels, frozenset(labels), row_titles)


def _is_link_line(part: TalkPart) -> bool:
    """A line of links under a talk (`> [slides](…)`), not a detail such as `<br>Zoom link: …`."""
    return (
        isinstance(part, Field)
        and part.kind == "link"
        and not part.label
        and "<br" not in part.prefix.lower()
        and bool(_MD_LINK.search(part.text))
    )


def _kind_of(label: str) -> LinkKind | None:
    for kind, words in _WORDS.items():
        if words.search(label):
            return kind
    return None


def add_link(page: Page, style: PageStyle, ref: TalkRef, kind: LinkKind, url: str) -> Edit:
    """Add a slides or recording link to a talk where the page puts links of that kind."""
    targets.editable(page, ref)
    if ref.cancelled:
        raise UsageError(f"{ref.describe()} was cancelled", expected="a talk that was given")
    links = link_style(page)
    notes: list[str] = []
    in_block = ref.talk is not None and (
        kind in links.in_blocks or (links.line is not None and not (kind == "recording" and links.row_titles))
    )
    in_row = kind == "recording" and links.row_titles and ref.entry is not None
    if not in_block and not in_row:
        if ref.talk is not None:
            in_block = True
            notes.append(f"the page shows no link lines yet: added '> [{kind}](…)' to the talk's block")
        elif kind == "recording" and ref.entry is not None:
            in_row = True
            notes.append("the page links no schedule titles yet: linked the row's title to the recording")
        else:
            raise UsageError(
                f"the page has no place for the {kind} of {ref.describe()}: the talk has only its schedule row",
                expected="--recording (linked from the row's title), or a talk block for the slides",
            )
    changed = []
    if in_block:
        page, did = _block_link(page, style, ref, kind, url, links, notes)
        changed += ["block"] if did else []
    if in_row:
        page, did = _row_link(page, style, ref, url, notes)
        changed += ["schedule row"] if did else []
    if not changed:
        return Edit(page, f"{ref.describe()} already links its {kind} there", tuple(notes))
    return Edit(page, f"added the {kind} link of {ref.describe()} to its {' and '.join(changed)}", tuple(notes))


def _block_link(
    page: Page, style: PageStyle, ref: TalkRef, kind: LinkKind, url: str, links: LinkStyle, notes: list[str]
) -> tuple[Page, bool]:
    talk = ref.talk
    assert talk is not None
    parts = list(talk.parts)
    for index, part in enumerate(parts):
        if isinstance(part, Field) and part.kind == "link":
            for match in _MD_LINK.finditer(part.text):
                if _kind_of(match.group("text")) != kind:
                    continue
                if match.group("url") == url:
                    return page, False
                notes.append(f"replaced the {kind} link {match.group('url')}")
                text = part.text[: match.start("url")] + url + part.text[match.end("url") :]
                parts[index] = replace(part, text=text)
                return _with_parts(page, talk, parts), True
    label = links.labels.get(kind) or _cased(kind, links.labels)
    newline = style.newline
    template = links.line or Field("link", "> ", "", "", newline)
    field = Field("link", template.prefix, "", f"[{label}]({url})", template.suffix.rstrip("\r\n") + newline)
    ends = _ends_line(parts[-1])
    last = max((index for index, part in enumerate(parts) if _is_link_line(part)), default=None)
    if last is not None:  # under the talk's other links
        parts[last] = _ended(parts[last], newline)
        parts.insert(last + 1, field)
    else:  # after the talk's last part, set apart the way the page sets its link lines apart
        parts[-1] = _ended(parts[-1], newline)
        parts += [links.before or RawBlock("blank", newline), field]
    if not ends and parts[-1] is field:  # the page ends here without a final newline: keep it so
        parts[-1] = replace(field, suffix=field.suffix.rstrip("\r\n"))
    return _with_parts(page, talk, parts), True


def _cased(kind: str, labels: dict[str, str]) -> str:
    """A label for a kind the page has not labelled yet, capitalized like its other labels."""
    other = next(iter(labels.values()), kind)
    return kind.capitalize() if other[:1].isupper() else kind


def _ends_line(part: TalkPart) -> bool:
    from ..text.render import render_part

    return render_part(part).endswith("\n")


def _ended(part: TalkPart, newline: str) -> TalkPart:
    """A part that ends its line (the last line of a page may not)."""
    if _ends_line(part):
        return part
    if isinstance(part, Field):
        return replace(part, suffix=part.suffix + newline)
    if isinstance(part, RawBlock):
        return replace(part, text=part.text + newline)
    if isinstance(part, TextPart):
        return (
            replace(part, body=(part.body or "") + newline)
            if part.body is not None
            else replace(part, gap=part.gap + newline)
        )
    return part


def _with_parts(page: Page, talk: Talk, parts: list[TalkPart]) -> Page:
    new = replace(talk_from_parts(tuple(parts), page.season_year), line=talk.line)
    section = layout.section_of(page, talk)
    return layout.replace_section(page, section, layout.replace_item(section, talk, new))


def _row_link(page: Page, style: PageStyle, ref: TalkRef, url: str, notes: list[str]) -> tuple[Page, bool]:
    entry = ref.entry
    assert entry is not None
    schedule = targets.schedule(page)
    column = schedule.column("title")
    if column is None or column >= len(entry.row.cells):
        raise UsageError("the schedule has no title column to link", path=page.path, line=entry.line)
    cell = entry.row.cells[column].strip()
    if entry.title_url == url:
        return page, False
    if not entry.title or is_tbd(entry.title):
        raise UsageError(
            f"the row's title is {cell!r}",
            path=page.path,
            line=entry.line,
            expected="a title to link (update-talk --title)",
        )
    match = _MD_LINK.search(cell)
    if match:
        notes.append(f"replaced the title's link {match.group('url')}")
        value = cell[: match.start("url")] + url + cell[match.end("url") :]
    else:
        value = f"[{cell}]({url})"
    row = compose.row(entry.row, {column: value}, style.aligned_widths, blank_others=False)
    new = replace(schedule_entry(row, schedule.columns, page.season_year), line=entry.line)
    items = tuple(new if item is entry else item for item in schedule.items)
    return layout.replace_schedule(page, schedule, replace(schedule, items=items)), True

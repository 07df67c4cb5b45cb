"""The announcement of a talk (an email or a chat post) from a template the organizer can replace.

Templates use `string.Template` placeholders (`$title` or `${title}`, `$$` for a dollar
sign); `PLACEHOLDERS` lists them. A template line whose placeholders are all empty is
left out, and so is a paragraph (lines between blank lines) or a part in parentheses whose
placeholders are all empty, so that "Where: $location" disappears for a talk without a place
and "($date)" for a talk whose date is still TBD. A cancelled talk is announced with the
cancellation templates (cancelled.txt, .md, .html). The
default templates ship in `seminar_cli/templates/` as announce.txt, .md and .html.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from string import Template
from typing import Any, Literal
from zoneinfo import ZoneInfo

from ..edit import compose
from ..edit.style import PageStyle
from ..errors import SelectorError, UsageError
from ..model import Link, Page, Speaker
from ..patterns import compiled
from ..read import refs
from ..read.dates import MONTHS, WEEKDAYS, is_tbd, scan_time
from ..read.refs import TalkRef
from ..read.series import Hours, talk_slot, zone_label
from ..read.talks import field_of
from .plain import plain_paragraphs

Format = Literal["text", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html")
TEMPLATE_FILES: dict[Format, str] = {"text": "announce.txt", "markdown": "announce.md", "html": "announce.html"}
CANCELLED_FILES: dict[Format, str] = {"text": "cancelled.txt", "markdown": "cancelled.md", "html": "cancelled.html"}
PLACEHOLDERS = {
    "series": "the series' title (front matter)",
    "title": "the talk's title",
    "speakers": "the speakers' names",
    "speaker_links": "the speakers' names with their links",
    "affiliation": "the speakers' affiliation",
    "who": "the speakers (linked, except in text) and their affiliation in parentheses",
    "date": "the date, e.g. Thursday, December 3, 2026",
    "date_iso": "the date as 2026-12-03",
    "weekday": "the weekday, e.g. Thursday",
    "time": "the hours in the page's style with the zone label, e.g. 10:00 a.m. - 11 a.m. ET",
    "when": "date and time together",
    "start": "the start time (24-hour clock)",
    "end": "the end time (24-hour clock)",
    "timezone": "the zone label, e.g. ET",
    "location": "where the talk is held",
    "abstract": "the abstract (plain text, markdown, or HTML paragraphs)",
    "bio": "the speaker's bio (same)",
    "links": "slides and recording links",
    "permalink": "the page's permalink (front matter)",
}
_GROUP = compiled(r"[ \t]*\(([^()\n]*)\)")
_PLACEHOLDER = compiled(r"\$(\$|\{[_a-z][_a-z0-9]*\}|[_a-z][_a-z0-9]*)?", re.I)


def default_template(fmt: Format, *, cancelled: bool = False) -> str:
    """The template that ships with the package for a format: the invitation, or the notice of a cancellation."""
    from importlib.resources import files

    name = (CANCELLED_FILES if cancelled else TEMPLATE_FILES)[fmt]
    return files("seminar_cli.outputs").joinpath("templates", name).read_text(encoding="utf-8")


def format_of(template_path: str | None, given: str | None) -> Format:
    """The output format: given, else read off the template's extension, else text."""
    name = given or ""
    if not name and template_path:
        suffix = template_path.rsplit(".", 1)[-1].lower() if "." in template_path else ""
        name = {"md": "markdown", "markdown": "markdown", "html": "html", "htm": "html"}.get(suffix, "text")
    for fmt in FORMATS:
        if fmt == (name or "text"):
            return fmt
    raise UsageError(f"unknown format {given!r}", expected="text, markdown or html")


def next_talk(page: Page, today: date) -> TalkRef:
    """The talk to announce: the next one (see `refs.next_talk`); an error when none is ahead."""
    found = refs.next_talk(page, today)
    if found is None:
        raise SelectorError(
            f"no talk on or after {today.isoformat()}", path=page.path, expected="--talk to name one, or --today"
        )
    return found


def announcement(
    page: Page, style: PageStyle, ref: TalkRef, template: str, fmt: Format, tz: ZoneInfo, hours: Hours | None
) -> str:
    """The announcement of one talk: the template filled in with the talk's values."""
    return fill(template, values(page, style, ref, fmt, tz, hours))


def fill(template: str, known: dict[str, str], path: str | None = None) -> str:
    """`template` with its placeholders replaced; lines and paragraphs left empty are left out."""
    _check(template, known, path)
    pieces = re.split(r"(\n[ \t]*\n(?:[ \t]*\n)*)", template)
    kept: list[str] = []
    for index in range(0, len(pieces), 2):
        paragraph = pieces[index]
        if _all_empty(paragraph, known):
            continue
        lines = [_without_empty_groups(line, known) for line in paragraph.split("\n") if not _all_empty(line, known)]
        kept.append("\n".join(lines) + (pieces[index + 1] if index + 1 < len(pieces) else ""))
    out = "".join(kept).rstrip("\n") + ("\n" if template.endswith("\n") else "")
    return Template(out).substitute(known)


def _without_empty_groups(line: str, known: dict[str, str]) -> str:
    """A line without the parentheses whose placeholders are all empty: `Title ($date)` for a talk with no date."""
    return _GROUP.sub(lambda match: "" if _all_empty(match.group(1), known) else match.group(0), line)


def _names(text: str) -> list[str]:
    return [token.strip("{}") for token in _PLACEHOLDER.findall(text) if token and token != "$"]


def _all_empty(text: str, known: dict[str, str]) -> bool:
    names = _names(text)
    return bool(names) and all(not known.get(name, "").strip() for name in names)


def _check(template: str, known: dict[str, str], path: str | None) -> None:
    """A usage error naming the line and column of an unknown placeholder or a stray `$`."""
    for number, line in enumerate(template.split("\n"), start=1):
        for match in _PLACEHOLDER.finditer(line):
            token = match.group(1)
            if token == "$" or (token and token.strip("{}") in known):
                continue
            raise UsageError(
                f"unknown placeholder {match.group(0)!r}" if token else "a '$' that starts no placeholder",
                path=path,
                line=number,
                column=match.start() + 1,
                expected="one of " + ", ".join(f"${key}" for key in PLACEHOLDERS) + " (or $$ for a dollar sign)",
            )


def values(
    page: Page, style: PageStyle, ref: TalkRef, fmt: Format, tz: ZoneInfo, hours: Hours | None
) -> dict[str, str]:
    """Every placeholder's value for one talk, written for the format."""
    text = _writer(fmt)
    front = page.front_matter
    return {
        "series": text(front.title if front and front.title else "seminar"),
        "title": text(ref.title),
        **_people(ref, fmt, text),
        **_when(ref, _time_text(page, style, ref, tz, hours), text),
        **_content(ref, fmt, text),
        "permalink": front.permalink or "" if front else "",
    }


def _people(ref: TalkRef, fmt: Format, text: Callable[[str], str]) -> dict[str, str]:
    """$speakers, $speaker_links, $affiliation and $who."""
    talk, entry = ref.talk, ref.entry
    speakers = tuple(speaker for speaker in ref.speakers if not is_tbd(speaker.name))
    affiliation = (talk.affiliation if talk else None) or (entry.affiliation if entry else None) or ""
    names = _join([speaker.name for speaker in speakers])
    linked = _speaker_links(speakers, fmt)
    return {
        "speakers": text(names),
        "speaker_links": linked,
        "affiliation": text(affiliation),
        "who": (linked if fmt != "text" else names) + (f" ({text(affiliation)})" if affiliation and speakers else ""),
    }


def _when(ref: TalkRef, hours: tuple[str, str, str, str], text: Callable[[str], str]) -> dict[str, str]:
    """$date, $date_iso, $weekday, $time, $when, $start, $end and $timezone."""
    day = ref.date
    long_date = _long_date(day) if day else ""
    return {
        "date": long_date,
        "date_iso": day.isoformat() if day else "",
        "weekday": WEEKDAYS[day.weekday()].capitalize() if day else "",
        "time": text(hours[0]),
        "when": text(", ".join(part for part in (long_date, hours[0]) if part)),
        "start": hours[1],
        "end": hours[2],
        "timezone": text(hours[3]),
    }


def _content(ref: TalkRef, fmt: Format, text: Callable[[str], str]) -> dict[str, str]:
    """$location, $abstract, $bio and $links."""
    talk, entry = ref.talk, ref.entry
    location = (talk.location if talk else None) or (entry.location if entry else None) or ""
    links = list(talk.links) if talk else []
    if entry and entry.title_url and not links:
        links.append(Link("recording", entry.title_url))
    return {
        "location": "" if is_tbd(location or "TBD") else text(location),
        "abstract": _body(talk.abstract if talk else None, fmt),
        "bio": _body(talk.bio if talk else None, fmt),
        "links": _links(links, fmt),
    }


def _writer(fmt: Format) -> Callable[[str], str]:
    if fmt == "html":
        return escape
    if fmt == "markdown":
        return compose.escape_inline
    return str


def _body(text: str | None, fmt: Format) -> str:
    """An abstract or bio: plain paragraphs, the page's markdown, or HTML."""
    if not text or is_tbd(text):
        return ""
    if fmt == "markdown":
        return text.strip()
    if fmt == "html":
        return str(_html_markdown()(text.strip())).strip()
    return "\n\n".join(plain_paragraphs(text))


# Inline tags an abstract may keep in an email: plain formatting, written without attributes.
_PLAIN_TAG = compiled(r"</?(b|strong|i|em|u|s|del|ins|sub|sup|small|mark|code|br)\s*/?>", re.I)


@lru_cache(maxsize=1)
def _html_markdown() -> Any:
    """Markdown to HTML for an announcement: raw HTML from the page escaped, only safe links kept as links."""
    import mistune
    from mistune.renderers.html import HTMLRenderer

    class SafeHTML(HTMLRenderer):
        def inline_html(self, html: str) -> str:
            return html if _PLAIN_TAG.fullmatch(html.strip()) else escape(html)

        def block_html(self, html: str) -> str:
            return f"<p>{escape(html.strip())}</p>\n"

        def link(self, text: str, url: str, title: str | None = None) -> str:
            return super().link(text, url, title) if compose.safe_link(url) else text

        def image(self, text: str, url: str, title: str | None = None) -> str:
            return super().image(text, url, title) if compose.safe_link(url) else escape(text)

    return mistune.create_markdown(renderer=SafeHTML(escape=False), plugins=["strikethrough", "table"])


def escape(text: str) -> str:
    """Text made safe as HTML content."""
    return html.escape(text, quote=False)


def _links(links: list[Link], fmt: Format) -> str:
    """Slides and recording links: one a line in text, in a row in markdown and HTML (only links safe to follow)."""
    if fmt == "html":
        return " | ".join(_html_link(link.label, link.url) for link in links)
    if fmt == "markdown":
        return " | ".join(_markdown_link(compose.escape_inline(link.label), link.url) for link in links)
    return "\n".join(f"{link.label[:1].upper()}{link.label[1:]}: {link.url}" for link in links)


def _html_link(text: str, url: str | None) -> str:
    """A link in HTML when the URL is safe to follow; the text alone otherwise."""
    if url and compose.safe_link(url):
        return f'<a href="{html.escape(url, quote=True)}">{escape(text)}</a>'
    return escape(text)


def _markdown_link(text: str, url: str | None) -> str:
    """A markdown link when the URL is safe to follow and fits in one; the text alone otherwise."""
    if url and compose.safe_link(url) and not re.search(r"[\s<>]", url):
        return f"[{text}](<{url}>)" if re.search(r"[()]", url) else f"[{text}]({url})"
    return text


def _join(names: list[str]) -> str:
    if len(names) > 2:
        return ", ".join(names[:-1]) + ", and " + names[-1]
    return " and ".join(names)


def _speaker_links(speakers: tuple[Speaker, ...], fmt: Format) -> str:
    pieces = []
    for speaker in speakers:
        if fmt == "html":
            pieces.append(_html_link(speaker.name, speaker.url))
        elif fmt == "markdown":
            pieces.append(_markdown_link(compose.escape_inline(speaker.name), speaker.url))
        else:
            pieces.append(f"{speaker.name} ({speaker.url})" if speaker.url else speaker.name)
    return _join(pieces)


def _long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()].capitalize()}, {MONTHS[day.month - 1].capitalize()} {day.day}, {day.year}"


def _time_text(
    page: Page, style: PageStyle, ref: TalkRef, tz: ZoneInfo, hours: Hours | None
) -> tuple[str, str, str, str]:
    """(hours in the page's style with the zone label, start, end, label); empty for an all-day talk."""
    slot = talk_slot(ref, tz, hours)
    if slot is None or slot.start is None or slot.end is None:
        return "", "", "", ""
    template = ref.talk if ref.talk and field_of(ref.talk, "time") else style.talk_template
    field = field_of(template, "time") if template else None
    scan = scan_time(field.text, None) if field else None
    written = field.text[slice(*scan.range_span)] if field and scan and scan.range_span else ""
    label = ref.talk.when.tz if ref.talk and ref.talk.when and ref.talk.when.tz else None
    if label is None and template and template.when:
        label = template.when.tz
    label = zone_label(label, slot.start)
    span = compose.range_text(written, slot.start.time(), slot.end.time())
    return f"{span} {label}".strip(), f"{slot.start:%H:%M}", f"{slot.end:%H:%M}", label

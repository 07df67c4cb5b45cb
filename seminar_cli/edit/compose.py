"""New text in the page's own style: schedule cells and rows, time lines, values in fields.

Everything is composed by copying what the organizer already wrote (a template
row, the template talk's time line) and replacing only the values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from ..errors import UsageError
from ..model import Row, Speaker
from ..patterns import IGNORECASE, compiled
from ..read import inline
from ..read.dates import format_date, scan_time, weekday_name
from ..read.people import blank
from ..read.tables import speakers_of
from ..read.talks import bold_title
from ..read.zones import SEASONAL, label_on
from .sentences import sentences

TYPE_CHECKING = False
if TYPE_CHECKING:
    from re import Match

    from .style import PageStyle

_RANGE_PARTS = compiled(
    r"(?P<sh>\d{1,2})(?:(?P<sc>[:.])(?P<sm>\d{2}))?(?P<ssp>\s*+)(?P<sap>[aApP]\.?\s?[mM]\.?(?![a-zA-Z]))?"
    r"(?P<sep>\s*+(?:-|–|—|to|until)\s*+)"
    r"(?:(?P<eh>\d{1,2})(?:(?P<ec>[:.])(?P<em>\d{2}))?(?P<esp>\s*+)(?P<eap>[aApP]\.?\s?[mM]\.?(?![a-zA-Z]))?"
    r"|(?P<enoon>noon))",
    IGNORECASE,
)
Escape = Callable[[str], str]  # a value as typed, made safe where it is written
_MARKDOWN = compiled(r"([\\`*_\[\]<>~|#&])")
_PUNCTUATION = compiled(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark: markdown shows `\x` as `x`
LINK_TARGET = r"(?:[^()\s]|\([^()\s]*+\))*+"  # a link's target, balanced parentheses kept (`wiki/Foo_(bar)`)
_BR = compiled(r"(?:(?<!\s)\s++)?+<br\s*+/?>\s*+", IGNORECASE)  # a run of spaces is read once, from its start
# Lines that make a block markdown structure rather than prose: list items, table rows, quotes,
# headings, HTML, fences and rules (a `---` line, or `===` under a heading).
_STRUCTURE = compiled(
    r"^ {0,3}(?:(?:[-*+]|\d{1,9}[.)])(?:\s|$)|[|>]|#{1,6}(?:\s|$)|<[a-zA-Z/!]|`{3,}|~{3,}"
    r"|([-*_=])(?:[ \t]*\1){2,}[ \t]*$)"
)
_HARD_BREAK = compiled(r"(?: {2,}|\\)$")
_FENCE = compiled(r"^ {0,3}(`{3,}|~{3,})")
_BARE_PIPE = compiled(r"(?<!\\)((?:\\\\)*)\|")  # a pipe after an even number of backslashes
# Line breaks and control characters: a page line cannot hold them, and a reader sees them as spaces.
_NOT_ONE_LINE = compiled(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CHARACTERS = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab", "\u2028": "a line separator"}
_SCHEME = compiled(r"([A-Za-z][A-Za-z0-9+.-]*):")
_TABS_AND_BREAKS = str.maketrans("", "", "\t\n\r")
# What joins two linked names: `, `, ` and `, `, and `, `<br>`, `&`.
_JOINER = compiled(r"(?:\)|</a>)(\s*+(?:,\s*+and\s++|,\s*+|(?<=\s)and\s++|<br\s*+/?>\s*+|&\s*+))(?:\[|<a)")
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_BREAKS_MARKUP = compiled(r"[\s\"'<>\\`|]")  # what would end a link or an attribute, or a table cell


def one_line(value: str, what: str) -> str:
    """`value` if it is one line of text; a usage error naming the first line break or control character otherwise."""
    found = _NOT_ONE_LINE.search(value)
    if found:
        char = found.group(0)
        name = _CHARACTERS.get(char, "a paragraph separator" if char == "\u2029" else "a control character")
        raise UsageError(
            f"{what} must be one line",
            found=f"{name} (U+{ord(char):04X}) at character {found.start() + 1}",
            expected="the value on one line, without control characters",
        )
    return value.strip()


def escape_inline(value: str) -> str:
    """`value` written so markdown shows it as typed (escaped only where markdown would change it)."""
    if inline.strip_markup(value) == " ".join(value.split()):
        return value
    return _MARKDOWN.sub(_backslashed, value)


def _backslashed(mark: Match[str]) -> str:
    """`\\` and the mark: a function rather than the template `r"\\\1"`, which `re` itself would have to read."""
    return "\\" + mark.group(0)


def _spellings(value: str) -> tuple[str, ...]:
    """Ways to write `value`, from as typed to every punctuation mark escaped."""
    return value, _MARKDOWN.sub(_backslashed, value), _PUNCTUATION.sub(_backslashed, value)


def _written(value: str, reads: Callable[[str], str | None], what: str) -> str:
    """`value` escaped only as far as it takes for `reads` to give it back as typed (spacing aside)."""
    wanted = " ".join(value.split())
    tried = _spellings(value)
    for text in tried:
        if reads(text) == wanted:
            return text
    if what == "--speaker":
        names = [speaker.name for speaker in speakers_of(tried[-1])]
        raise UsageError(
            f"--speaker {value!r} would read back as {len(names)} speakers",
            found=" and ".join(f"'{name}'" for name in names),
            expected="one --speaker for each speaker",
        )
    raise UsageError(f"{what} {value!r} would not read back as typed", found=f"'{reads(tried[-1]) or ''}'")


def title_text(value: str) -> str:
    """A title as typed, for a talk's bold title line: markdown, a cancel mark and bold's asterisks escaped."""
    return _written(value, _bold_title, "--title").replace("\\*", "&#42;")


def cell_title(value: str) -> str:
    """A title as typed, for a schedule cell: markdown and a cancel mark escaped, pipes always."""
    return escape_cell(_written(value, _cell_title, "--title"))


def name_text(value: str) -> str:
    """A speaker's name as typed, escaped so that it reads back as one speaker (not split at `,` `;` `&`).

    A placeholder (`TBD`) names nobody yet and is written as it is.
    """
    if blank(value):
        return value
    return _written(value, _one_name, "--speaker")


def _bold_title(text: str) -> str | None:
    found = bold_title(f"**{text.replace(chr(92) + '*', '&#42;')}**")
    return None if found is None or found[1] else found[0]


def _cell_title(text: str) -> str | None:
    clean, cancelled = inline.split_cancelled(text)
    return None if cancelled else inline.strip_markup(clean)


def _one_name(text: str) -> str | None:
    names = speakers_of(text)
    return names[0].name if len(names) == 1 else None


def safe_link(url: str) -> bool:
    """True for a link a reader may follow: http(s), mailto or relative (never javascript:, data:, vbscript: ...)."""
    cleaned = url.translate(_TABS_AND_BREAKS).strip("\x00 \x0b\x0c")  # what browsers drop before reading a scheme
    scheme = _SCHEME.match(cleaned)
    return scheme is None or scheme.group(1).lower() in _LINK_SCHEMES


def link_target(url: str, what: str) -> str:
    """A URL typed by the user, refused unless it is a safe link that the page's markup can hold as it is."""
    value = one_line(url, what)
    broken = _BREAKS_MARKUP.search(value)
    if not value or broken:
        raise UsageError(
            f"{what} {url!r} is not a URL that can be written as it is",
            found=f"{broken.group(0)!r} at character {broken.start() + 1}" if broken else "nothing",
            expected="a link such as https://example.org/slides.pdf (spaces, quotes, <, >, \\, ` and | as %20, %22, "
            "%3C, %3E, %5C, %60 and %7C)",
        )
    if not _balanced(value):
        raise UsageError(
            f"{what} {url!r} has unbalanced parentheses",
            expected="a link whose ( and ) pair up, or are written %28 and %29",
        )
    if not safe_link(value):
        scheme = _SCHEME.match(value)
        raise UsageError(
            f"{what} {url!r} is a {scheme.group(1) if scheme else 'strange'}: link",
            expected="an http, https or mailto link, or a relative one",
        )
    return value


def _balanced(url: str) -> bool:
    depth = 0
    for char in url:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def attribute(value: str) -> str:
    """A value (a URL from the page) made safe inside a double-quoted HTML attribute."""
    return value.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def escape_cell(markdown: str) -> str:
    """Markdown made safe for a table cell: each pipe not escaped yet gets its backslash (idempotent)."""
    return _BARE_PIPE.sub(_escaped_pipe, markdown)


def _escaped_pipe(found: Match[str]) -> str:
    return found.group(1) + "\\|"


def cell_text(value: str) -> str:
    """A value as typed, written into a table cell: markdown escaped where needed, pipes always."""
    return escape_cell(escape_inline(value))


def cell(template: str, value: str, width: int | None = None) -> str:
    """A cell holding `value` with the padding of `template` (and its width in an aligned table)."""
    if template.strip():
        lead = template[: len(template) - len(template.lstrip())]
        trail = template[len(template.rstrip()) :]
    else:
        lead = trail = " "
    text = lead + value + trail
    if width is not None and len(text) < width:
        text += " " * (width - len(text))
    return text


def row(
    template: Row, values: dict[int, str], widths: tuple[int, ...] | None, *, blank_others: bool, newline: str = ""
) -> Row:
    """A row like `template` with the cells in `values` replaced (others kept, or emptied).

    A new row (`newline` given) ends with the page's line ending, whatever its template ends with.
    """
    cells = list(template.cells)
    for index, old in enumerate(template.cells):
        width = widths[index] if widths and index < len(widths) else None
        if index in values:
            cells[index] = cell(old, values[index], width)
        elif blank_others:
            cells[index] = cell(old, "", width)
    tail = template.tail
    if newline and tail.endswith("\n"):
        tail = tail.rstrip("\r\n") + newline
    return Row(template.lead, tuple(cells), template.closed, tail)


def schedule_date(value: date | None, style: PageStyle, season_year: int | None) -> str:
    """A schedule date in the page's format (its placeholder word when there is no date)."""
    if value is None:
        return style.placeholder
    pattern = style.date_pattern
    if "%Y" not in pattern and "%y" not in pattern and value.year != season_year:
        pattern += "/%Y" if "/" in pattern else "-%Y"
    return format_date(value, pattern)


def speakers_text(speakers: tuple[Speaker, ...], template: str) -> str:
    """Speakers written like `template` writes them: markdown or HTML links, joined the same way."""
    links = inline.links(template)
    html = "<a " in template.lower()
    joiner = " and "
    if len(links) >= 2:
        between = _JOINER.findall(template)
        joiner = between[0] if between else ", "
    elif "<br" in template.lower() and not links:
        joiner = _BR.search(template).group(0)  # type: ignore[union-attr]
    names = []
    for speaker in speakers:
        name = name_text(speaker.name)
        if speaker.url and (links or not template.strip()):
            names.append(f'<a href="{attribute(speaker.url)}">{name}</a>' if html else f"[{name}]({speaker.url})")
        else:
            names.append(name)
    if len(names) > 2 and joiner == " and ":
        return ", ".join(names[:-1]) + ", and " + names[-1]
    return joiner.join(names)


def time_text(template: str, day: date | None, start: time | None, end: time | None, placeholder: str) -> str:
    """The template's time line with only the date, weekday, hours and DST label changed."""
    scan = scan_time(template, day.year if day else None)
    edits: list[tuple[int, int, str]] = []
    if scan.date_span:
        new = format_date(day, scan.date_pattern or "%m/%d/%Y") if day else placeholder
        edits.append((*scan.date_span, new))
    if scan.weekday_span:
        begin, stop = scan.weekday_span
        if day is None:
            stop += len(template[stop:]) - len(template[stop:].lstrip(" ,"))
            edits.append((begin, stop, ""))
        else:
            edits.append((begin, stop, weekday_name(day, template[begin:stop])))
    if scan.range_span and start is not None and (start, end) != (scan.slot.start, scan.slot.end):
        edits.append((*scan.range_span, range_text(template[slice(*scan.range_span)], start, end)))
    if scan.tz_span and day is not None:
        begin, stop = scan.tz_span
        edits.append((begin, stop, _dst_label(template[begin:stop], day)))
    text = template
    for begin, stop, new in sorted(edits, reverse=True):
        text = text[:begin] + new + text[stop:]
    if scan.date_span is None and day is not None:
        text += f", {format_date(day, '%m/%d/%Y')}"
    return text


def _dst_label(label: str, day: date) -> str:
    """EST or EDT (and the like) as the zone writes it on `day`; other labels as they are."""
    core = label.strip("()")
    if core not in SEASONAL:
        return label
    return label.replace(core, label_on(SEASONAL[core], day, None) or core)


def range_text(template: str, start: time, end: time | None) -> str:
    """Hours written like `template` (`10:00 a.m. - 11 a.m.`, `10-11 am`, `2:00 PM - 4:00 PM`, `11am - noon`)."""
    match = _RANGE_PARTS.search(template)
    if match is None:
        return _clock(start, True, " ", "a.m.") + (f" - {_clock(end, True, ' ', 'a.m.')}" if end else "")
    if end is None:
        return _clock(start, bool(match.group("sm")), match.group("ssp"), match.group("sap") or match.group("eap"))
    meridiem = match.group("eap") or match.group("sap")
    if meridiem is None and not match.group("enoon"):
        return f"{start:%H:%M}{match.group('sep')}{end:%H:%M}"
    meridiem = meridiem or "pm"
    if match.group("enoon") and end == time(12):
        end_text = "noon"
    else:
        space = match.group("esp") if match.group("eap") else match.group("ssp")
        end_text = _clock(end, bool(match.group("em")), space or "", meridiem)
    # The start's meridiem is written when the template writes it or when it differs from the end's.
    show = bool(match.group("sap")) or (start.hour < 12) != (end.hour < 12) or end_text == "noon"
    start_space = match.group("ssp") if match.group("sap") else match.group("esp")
    start_text = _clock(start, bool(match.group("sm")), start_space or "", meridiem, written=show)
    return start_text + match.group("sep") + end_text


def _clock(value: time, minutes: bool, space: str, meridiem: str | None, *, written: bool = True) -> str:
    """`10`, `10:30`, `10:00 a.m.`: a 12-hour clock when there is a meridiem, written or implied."""
    hour = (value.hour % 12 or 12) if meridiem else value.hour
    text = str(hour)
    if minutes or value.minute:
        text += f":{value.minute:02d}"
    if meridiem and written:
        text += space + _meridiem(meridiem, value.hour >= 12)
    return text


def _meridiem(template: str, pm: bool) -> str:
    letter = next(char for char in template if char.isalpha())
    new = ("p" if pm else "a") if letter.islower() else ("P" if pm else "A")
    return template.replace(letter, new, 1)


def body_text(text: str, newline: str, sentence_per_line: bool) -> str:
    """An abstract or bio written the page's way: its markdown blocks as given, its prose as the page writes prose.

    Lists, tables, quotes, headings, rules, code and lines with hard breaks are kept line
    for line; a paragraph of prose is one line on pages that write one paragraph per line,
    and one sentence per line on pages that write sentences per line (lines the text
    already breaks are kept there). Blocks are separated by one blank line.
    """
    written = [_written_block(block, newline, sentence_per_line) for block in _blocks(text)]
    return (newline + newline).join(written) + newline


def _written_block(block: list[str], newline: str, sentence_per_line: bool) -> str:
    """One block of an abstract or bio: markdown structure line for line, prose the page's way.

    The spaces the given text ends a paragraph with are kept: they show nowhere, and keeping them
    writes the organizer's text byte for byte.
    """
    if _structured(block):
        return newline.join(_kept(line) for line in block)
    end = block[-1][len(block[-1].rstrip()) :]
    if not sentence_per_line:
        return " ".join(line.strip() for line in block) + end
    if len(block) > 1:
        return newline.join(line.strip() for line in block) + end
    return newline.join(sentence.strip() for sentence in sentences(block[0].strip())) + end


def _structured(block: list[str]) -> bool:
    """True for a block of markdown structure (a list, a table, hard breaks...) rather than prose."""
    return any(_STRUCTURE.match(line) for line in block) or any(_HARD_BREAK.search(line) for line in block[:-1])


def _kept(line: str) -> str:
    """A line of structure as given, without trailing spaces unless they are a hard break."""
    return line if _HARD_BREAK.search(line) else line.rstrip()


def _blocks(text: str) -> list[list[str]]:
    """The text's lines grouped into blocks at blank lines (a fenced code block is one block, blank lines and all)."""
    blocks: list[list[str]] = [[]]
    fence: str | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        opening = _FENCE.match(line)
        if opening and (fence is None or opening.group(1)[0] == fence):
            fence = opening.group(1)[0] if fence is None else None
        if not line.strip() and fence is None:
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]

"""A new entry written as the organizer would: a neighbour's text with the new talk's values in its slots.

What the listing's entries share (a list marker, `**Speaker:**`, a `(remote talk)` every
entry says, a rule between headings, a cell's pipes) is kept; what differs from entry to
entry (another talk's abstract, its paper link, its room when rooms change) is dropped.
The words kept are the template's own: the new entry is the template with less in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..model import Frozen, frozen
from ..patterns import compiled
from .slots import Slot, SlotKind

_TOKEN = compiled(r"\]\([^()\s]{0,2000}\)|<[^<>\n]{0,300}>|[^\W_]+|\s+|.", re.S)
_EMPTY = compiled(r"\(\s*\)|\[\s*\]|\*\*\s*\*\*|__\s*__|<(b|i|em|strong|span)\b[^<>]{0,300}>\s*</\1>", re.I)
_LABEL = compiled(
    r"(?<![^\s*_(|>])(?:[A-Za-z][A-Za-z() ]{0,30}:"
    r"|(?:[A-Za-z]+[ \t]+)?(?:presented|given|led|lead|moderated|hosted|chaired)[ \t]+by)[*_ \t]*$",
    re.I,
)
_JOINING = compiled(r"[^\w\n]{0,12}(?:(?:by|and|with|presented|led|lead|discussion|given)\b[^\w\n]{1,12}){0,3}", re.I)
_SPACES = compiled(r"(?<=\S)[ \t]{2,}")  # a run of spaces left where a word was dropped
_LONG = 40_000  # token pairs beyond which two fragments are compared at their ends only


@frozen
class Template(Frozen):
    """An entry's text cut at its slots: `literals[i]` stands before `kinds[i]`, the last after them all."""

    literals: tuple[str, ...]
    kinds: tuple[SlotKind, ...]
    values: tuple[str, ...]  # what each slot holds in this entry

    @classmethod
    def of(cls, text: str, slots: Sequence[Slot]) -> Template:
        """`text` cut at `slots` (sorted, not overlapping)."""
        literals, values, at = [], [], 0
        for slot in slots:
            literals.append(text[at : slot.start])
            values.append(text[slot.start : slot.end])
            at = slot.end
        literals.append(text[at:])
        return cls(tuple(literals), tuple(slot.kind for slot in slots), tuple(values))


def compose(
    template: Template, peers: Sequence[Template], values: Mapping[SlotKind, str | None], *, table: bool = False
) -> str:
    """The template with each slot holding `values[kind]` (None: the slot and what wraps it dropped).

    Each literal keeps what most of the `peers` write in its place: peers with the same slots
    vote on every literal, others on how the entry starts and ends; in a table row (`table`)
    a cell is kept whole or emptied.
    """
    cut = _cells if table else reduce
    literals = []
    ends = (0, len(template.literals) - 1)
    for index, literal in enumerate(template.literals):
        if index in ends:
            others = [peer.literals[0 if index == 0 else -1] for peer in peers]
        else:
            others = [peer.literals[index] for peer in peers if peer.kinds == template.kinds]
        label = _LABEL.search(literal) if index < len(template.kinds) else None
        if label is None:
            literals.append(cut(literal, others))
            continue  # a label that introduces the value (`Speaker: `, `led by `) stays, whatever peers write
        rest = [other[: found.start()] if (found := _LABEL.search(other)) else other for other in others]
        literals.append(cut(literal[: label.start()], rest) + label.group(0))
    _keep_pairs(template, literals)
    out = [literals[0]]
    for index, kind in enumerate(template.kinds):
        value = values.get(kind, template.values[index])
        after = literals[index + 1]
        if value is None:
            out[-1], after = _without_slot(out[-1], after, first=index == 0)
        else:
            out.append(value)
        out.append(after)
    return "".join(out)


_PAIRS = (("**", "**"), ("__", "__"), ("(", ")"), ("[", "]"), ("*", "*"), ("_", "_"), ('"', '"'), ("“", "”"),
          ("<i>", "</i>"), ("<b>", "</b>"), ("<em>", "</em>"), ("<strong>", "</strong>"))  # fmt: skip


def _keep_pairs(template: Template, literals: list[str]) -> None:
    """Where the template wraps a value (`(name)`, `*title*`, `<i>title</i>`), the copy keeps both halves or neither."""
    for index in range(len(template.kinds)):
        before, after = template.literals[index], template.literals[index + 1]
        pair = next(((o, c) for o, c in _PAIRS if before.endswith(o) and after.startswith(c)), None)
        if pair is None:
            for opener, closer in (("(", ")"), ("[", "]")):  # `(Discussion led by NAME)`
                wrapped = after.startswith(closer) and _unclosed(before, opener, closer)
                if (
                    wrapped
                    and _unclosed(literals[index], opener, closer)
                    and not literals[index + 1].startswith(closer)
                ):
                    literals[index + 1] = closer + literals[index + 1]
            continue
        opened, closed = literals[index].endswith(pair[0]), literals[index + 1].startswith(pair[1])
        if opened and not closed:
            literals[index + 1] = pair[1] + literals[index + 1]
        elif closed and not opened:
            literals[index] += pair[0]


_OPEN_TAG = compiled(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,2000}?(/?)>")
_CLOSE_TAG = compiled(r"</([a-zA-Z][a-zA-Z0-9]*)\s*>")
_CLOSING_LINE = compiled(r"^\s*</([a-zA-Z][a-zA-Z0-9]*)\s*>\s*$")
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr"})


def balanced(text: str) -> str:
    """`text` without a line that only closes an HTML element whose opening line went with another talk's text."""
    depth: dict[str, int] = {}
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        closing = _CLOSING_LINE.match(line)
        if closing is not None and depth.get(closing.group(1).lower(), 0) <= 0:
            continue
        for match in _OPEN_TAG.finditer(line):
            tag = match.group(1).lower()
            if tag not in _VOID and not match.group(2):
                depth[tag] = depth.get(tag, 0) + 1
        for match in _CLOSE_TAG.finditer(line):
            tag = match.group(1).lower()
            depth[tag] = depth.get(tag, 0) - 1
        out.append(line)
    return "".join(out)


def _unclosed(text: str, opener: str, closer: str) -> bool:
    line = text.rsplit("\n", 1)[-1]
    return line.count(opener) > line.count(closer)


def reduce(literal: str, others: Sequence[str]) -> str:
    """The parts of `literal` that most of `others` also write (all of it when most write the same)."""
    if not others or 2 * sum(_norm(other) == _norm(literal) for other in others) >= len(others):
        return literal
    if _JOINING.fullmatch(literal):
        return literal  # only punctuation and joining words (` (`, ` by `, `: `): the template's own structure
    if "\n" not in literal:
        return _fragment(literal, others)
    head, *middle, tail = literal.split("\n")
    parts = [other.split("\n") for other in others]
    new_head = _fragment(head, [part[0] for part in parts])
    new_tail = _fragment(tail, [part[-1] for part in parts])
    shared = [{_norm(line) for line in part[1:-1]} for part in parts]
    kept = [not line.strip() or 2 * sum(_norm(line) in lines for lines in shared) >= len(others) for line in middle]
    return "\n".join([new_head, *_close_gaps(middle, kept), new_tail])


def _cells(literal: str, others: Sequence[str]) -> str:
    """A literal of a table row: the cells between its pipes kept when most peers write them, else emptied."""
    parts = literal.split("|")
    split = [other.split("|") for other in others if other.count("|") == literal.count("|")]
    if len(parts) < 3 or 2 * len(split) < len(others):
        return reduce(literal, others)
    out = [_fragment(parts[0], [other[0] for other in split])]
    for index, cell in enumerate(parts[1:-1], start=1):
        same = sum(_norm(other[index]) == _norm(cell) for other in split)
        out.append(cell if 2 * same >= len(split) else _blank_cell(cell))
    out.append(_fragment(parts[-1], [other[-1] for other in split]))
    return "|".join(out)


def _blank_cell(cell: str) -> str:
    if not cell.strip():
        return cell
    return cell[: len(cell) - len(cell.lstrip())] + cell[len(cell.rstrip()) :] or " "


def _close_gaps(lines: list[str], kept: list[bool]) -> list[str]:
    """The kept lines; where dropped lines stood among blank ones, the longest of those blank runs."""
    out: list[str] = []
    run: list[str] = []  # blank and dropped lines since the last kept line that has text
    for line, keep in zip(lines, kept, strict=True):
        if keep and line.strip():
            out.extend(_gap(run))
            run = []
            out.append(line)
        else:
            run.append(line if keep else "\0")
    out.extend(_gap(run))
    return out


def _gap(run: list[str]) -> list[str]:
    if "\0" not in run:
        return run
    blanks = "".join("b" if line != "\0" else "d" for line in run).split("d")
    longest = max(range(len(blanks)), key=lambda index: len(blanks[index]))
    start = sum(len(part) + 1 for part in blanks[:longest])
    return run[start : start + len(blanks[longest])]


def _fragment(text: str, others: Sequence[str]) -> str:
    """The tokens of `text` that most of `others` write too, in order (runs of space closed where words went)."""
    tokens = _TOKEN.findall(text)
    counts = [0] * len(tokens)
    for other in others:
        for index in _common(tokens, _TOKEN.findall(other)):
            counts[index] += 1
    out: list[str] = []
    dropped = False
    for token, count in zip(tokens, counts, strict=True):
        if 2 * count < len(others):
            dropped = True
            continue
        if dropped and token.isspace() and out and out[-1].isspace():
            continue
        out.append(token)
        dropped = False if not token.isspace() else dropped
    joined = "".join(out)
    while True:
        tidier = _EMPTY.sub("", joined)
        if tidier == joined:
            return joined
        joined = _SPACES.sub(" ", tidier)


def _common(tokens: list[str], other: list[str]) -> set[int]:
    """Indexes of `tokens` in a longest common subsequence with `other` (ends only, for long texts)."""
    if len(tokens) * len(other) > _LONG:
        head = 0
        while head < min(len(tokens), len(other)) and tokens[head] == other[head]:
            head += 1
        tail = 0
        while tail < min(len(tokens), len(other)) - head and tokens[-1 - tail] == other[-1 - tail]:
            tail += 1
        return set(range(head)) | set(range(len(tokens) - tail, len(tokens)))
    rows = len(tokens) + 1
    cols = len(other) + 1
    table = [[0] * cols for _ in range(rows)]
    for i in range(len(tokens) - 1, -1, -1):
        for j in range(len(other) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if tokens[i] == other[j] else max(table[i + 1][j], table[i][j + 1])
    found: set[int] = set()
    i = j = 0
    while i < len(tokens) and j < len(other):
        if tokens[i] == other[j]:
            found.add(i)
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return found


def _norm(text: str) -> str:
    return " ".join(text.split())


_SEPARATORS = (",", ";", ":", "-", "–", "—", "/", "<br>", "<br/>", "<br />")


def _without_slot(before: str, after: str, *, first: bool) -> tuple[str, str]:
    """The text around a dropped value, without what only wrapped or introduced it (`(…)`, `, `, `<br>`)."""
    trimmed = before.rstrip(" \t")
    rest = after.lstrip(" \t")
    if trimmed.endswith("(") and rest.startswith(")"):
        return trimmed[:-1].rstrip(" \t"), rest[1:]
    cut = trimmed
    while True:
        found = next((mark for mark in _SEPARATORS if cut.lower().endswith(mark)), None)
        if found is None:
            break
        cut = cut[: -len(found)].rstrip(" \t")
    at_line_start = (first and not cut) or cut.endswith("\n")
    if cut != trimmed and not at_line_start:
        return cut, after
    return before, after


_DETAILS_OPEN = compiled(r"^\s*<details\b", re.I)
_DETAILS_TAG = compiled(r"<details\b[^<>]{0,300}>", re.I)
_DETAILS_CLOSE = compiled(r"^\s*</details>\s*$", re.I)
_SAYS_NOTHING = compiled(r"^[\s>]*(?:<summary\b.*</summary>)?[\s>]*$", re.I)


def without_empty_details(text: str) -> str:
    """`text` without a `<details>` box left with nothing in it but its summary (and the blank lines after it)."""
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        if _DETAILS_OPEN.match(lines[index]):
            end = next((at for at in range(index, len(lines)) if _DETAILS_CLOSE.match(lines[at])), None)
            inner = lines[index:end]
            if end is not None and all(_SAYS_NOTHING.match(_DETAILS_TAG.sub("", line)) for line in inner):
                stop = end + 1
                while stop < len(lines) and not lines[stop].strip() and index > 0 and not lines[index - 1].strip():
                    stop += 1
                del lines[index:stop]
                continue
        index += 1
    return _without_empty_frames("".join(lines))


_FRAME = compiled(r"<iframe\b(?:(?!src=)[^<>]){0,2000}>\s*</iframe>[ \t]*\n?", re.I)


def _without_empty_frames(text: str) -> str:
    """`text` without an embedded frame whose address went with the talk it showed."""
    return _FRAME.sub("", text)

"""The lossless layer: text -> front matter and raw blocks, with no meaning yet.

Blocks are found line by line, the way a reader sees them (blank runs, HTML
comments, fenced code, HTML blocks, headings, `---` separators, tables,
quotes, paragraphs). The texts of all blocks join back to the input exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from sys import intern

from ..model import Frozen, RawBlock, frozen
from ..patterns import IGNORECASE, compiled
from .lines import BOM, LineView, body, is_blank

_FENCE = compiled(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = compiled(r"^ {0,3}<!--")
_HTML_RAW = compiled(r"^ {0,3}<(script|pre|style|textarea)(\s|>|$)", IGNORECASE)
_HTML_BLOCK = compiled(
    r"^ {0,3}</?(address|article|aside|blockquote|body|center|details|dialog|div|dl|"
    r"fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|li|main|nav|"
    r"ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(\s|/?>|$)",
    IGNORECASE,
)
# The title and its closing `#`s are told apart in `heading_of`: a lazy title checked for a closing
# sequence at every character costs quadratic time on a long run of spaces.
_HEADING = compiled(r"^ {0,3}(#{1,6})(?:[ \t](.*)|[ \t]*+(?:#++[ \t]*+)?)$")
_SEPARATOR = compiled(r"^ {0,3}(?P<rule>[-*_])(?:[ \t]*+(?P=rule)){2,}+[ \t]*+$")
_TABLE = compiled(r"^ {0,3}\|")
# A table without outer pipes: a header line holding a pipe, then an alignment row such as `---|---|---`.
_BARE_DELIMITER = compiled(r"^ {0,3}:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_PIPE = compiled(r"(?<!\\)\|")
_QUOTE = compiled(r"^ {0,3}>")
_ONE_LINE_COMMENT = compiled(r"^\s*<!--.*-->\s*$")
# Any line that starts another block and so ends a paragraph: one regex for the eight above.
_INTERRUPTS = compiled(
    "|".join(
        f"(?:{pattern.pattern})"
        for pattern in (_FENCE, _COMMENT, _HTML_RAW, _HTML_BLOCK, _HEADING, _SEPARATOR, _TABLE, _QUOTE)
    ),
    IGNORECASE,
)


@frozen
class Segments(Frozen):
    """A page cut into its BOM, its front matter and the raw blocks after it."""

    bom: str
    front_matter: RawBlock | None
    blocks: tuple[RawBlock, ...]


_KINDS = ("front_matter", "blank", "heading", "separator", "fence", "comment", "html", "table", "quote", "paragraph")
_CODES = {kind: code for code, kind in enumerate(_KINDS)}


class Kinds(Sequence[str]):
    """The kind of each block, one byte each (a tuple of names would take eight: a big page has many blocks)."""

    __slots__ = ("_codes",)

    def __init__(self, kinds: list[str]) -> None:
        self._codes = bytes(_CODES[kind] for kind in kinds)

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]  # (no slices: none is taken)
        return _KINDS[self._codes[index]]

    def __iter__(self) -> Iterator[str]:
        return map(_KINDS.__getitem__, self._codes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Kinds) and self._codes == other._codes

    def __hash__(self) -> int:
        return hash(self._codes)


@frozen
class Layout(Frozen):
    """Where a text's blocks are, without their texts: each line's offset, each block's kind and first line.

    Blocks are numbered in page order, the front matter (kind `front_matter`) first when there is one.
    """

    text: str
    bom: str
    starts: Sequence[int]  # the offset of each line in `text` (the first after the BOM), then `len(text)`
    kinds: Kinds
    firsts: Sequence[int]  # the 0-based first line of each block, then the number of lines

    def line(self, index: int) -> int:
        """The 1-based line where block `index` starts."""
        return self.firsts[index] + 1

    def end(self, index: int) -> int:
        """The 1-based line after the last line of block `index`."""
        return self.firsts[index + 1] + 1

    def text_of(self, index: int) -> str:
        """The exact text of block `index`."""
        return self.text[self.starts[self.firsts[index]] : self.starts[self.firsts[index + 1]]]

    def block(self, index: int) -> RawBlock:
        """Block `index` as a raw block."""
        text = self.text_of(index)
        return RawBlock(self.kinds[index], intern(text) if len(text) < 16 else text, self.line(index))  # `---`, blanks

    def lines(self) -> LineView:
        """The text's lines without their endings (the first with the BOM, as the file has it)."""
        if len(self.starts) == 1 and self.text:  # a BOM alone is a line of its own
            return LineView(self.text, [0, len(self.text)])
        return LineView(self.text, self.starts)


def heading_of(line: str) -> tuple[int, str] | None:
    """Level and title of an ATX heading line, or None."""
    match = _HEADING.match(body(line))
    if match is None:
        return None
    title = (match.group(2) or "").lstrip(" \t").rstrip(" \t").rstrip("#").rstrip(" \t")  # without closing `#`s
    return len(match.group(1)), title.strip()


def segment(text: str) -> Segments:
    """Cut `text` into front matter and blocks; joining every piece gives `text`."""
    found = layout(text)
    blocks = [found.block(index) for index in range(len(found.kinds))]
    front = blocks[0] if blocks and found.kinds[0] == "front_matter" else None
    return Segments(found.bom, front, tuple(blocks[1:] if front else blocks))


@lru_cache(maxsize=4)
def layout(text: str) -> Layout:
    """Where the blocks of `text` are (see `segment`).

    The result is immutable and kept for the last few texts: lint reads the blocks of the
    page it has just parsed. It holds no block's text, only where each one is.
    """
    from array import array
    from itertools import accumulate

    bom = BOM if text.startswith(BOM) else ""
    pieces = text[len(bom) :].split("\n")  # each line without its "\n" (a last one without it: alone, at the end)
    last = pieces.pop()
    width = "i" if len(text) < 2**31 else "q"  # 4 bytes an offset: a page's lines are many
    starts = array(width, accumulate((len(piece) + 1 for piece in pieces), initial=len(bom)))
    bodies = [piece[:-1] if piece.endswith("\r") else piece for piece in pieces]  # `body` of each line
    if last:
        starts.append(len(text))
        bodies.append(last)
    kinds: list[str] = []
    firsts = array(width)
    front = _front_matter(bodies)
    if front:
        kinds.append("front_matter")
        firsts.append(0)
    for kind, start in _blocks(bodies, front):
        kinds.append(kind)
        firsts.append(start)
    firsts.append(len(bodies))
    return Layout(text, bom, starts, Kinds(kinds), firsts)


def _front_matter(bodies: list[str]) -> int:
    """The number of lines of the front matter (0: none)."""
    if not bodies or bodies[0].rstrip() != "---":
        return 0
    for index in range(1, len(bodies)):
        if bodies[index].rstrip() in ("---", "..."):
            return index + 1
    return 0


def _blocks(bodies: list[str], start: int) -> Iterator[tuple[str, int]]:
    """The kind and first line of each block from line `start` on."""
    index = start
    while index < len(bodies):
        kind, end = _block_at(bodies, index)
        yield kind, index
        index = end


def _block_at(bodies: list[str], index: int) -> tuple[str, int]:
    """The kind of the block starting at `index` and the index after its last line."""
    line = bodies[index]
    if is_blank(line):
        return "blank", _run(bodies, index, is_blank)
    found = _opening(bodies, index, line)
    if found is not None:
        return found
    if _HEADING.match(line):
        return "heading", index + 1
    if _SEPARATOR.match(line):
        return "separator", index + 1
    return _tabular(bodies, index, line)


def _opening(bodies: list[str], index: int, line: str) -> tuple[str, int] | None:
    """A block that runs until its closing mark: fenced code, a comment, raw or block HTML."""
    fence = _FENCE.match(line)
    if fence:
        return "fence", _until_fence_close(bodies, index, fence.group(1))
    if _COMMENT.match(line):
        return "comment", _until_contains(bodies, index, "-->", line.index("<!--") + 4)
    raw = _HTML_RAW.match(line)
    if raw:
        closing = f"</{raw.group(1).lower()}>"
        return "html", _until_contains(bodies, index, closing, 0, lower=True)
    if _HTML_BLOCK.match(line):
        return "html", _run(bodies, index, lambda text: not is_blank(text))
    return None


def _tabular(bodies: list[str], index: int, line: str) -> tuple[str, int]:
    """A table (with or without outer pipes), a quote, or else a paragraph."""
    if _TABLE.match(line):
        return "table", _table_end(bodies, index)
    if _is_bare_table(bodies, index):
        return "table", _run(bodies, index + 2, lambda text: not is_blank(text) and bool(_PIPE.search(text)))
    if _QUOTE.match(line):
        return "quote", _run(bodies, index, lambda text: bool(_QUOTE.match(text)))
    return "paragraph", _run(bodies, index + 1, _continues_paragraph)


def _run(bodies: list[str], index: int, keep: Callable[[str], bool]) -> int:
    end = index
    while end < len(bodies) and keep(bodies[end]):
        end += 1
    return end


def _continues_paragraph(line: str) -> bool:
    return not is_blank(line) and not _INTERRUPTS.match(line)


def _until_fence_close(bodies: list[str], index: int, fence: str) -> int:
    for end in range(index + 1, len(bodies)):
        if _closes(bodies[end], fence):
            return end + 1
    return len(bodies)


def _closes(line: str, fence: str) -> bool:
    """True when `line` closes the fence: up to three spaces, at least as many of its marks, then only spaces."""
    rest = line.lstrip(" ")
    marks = rest.rstrip()
    return len(line) - len(rest) <= 3 and len(marks) >= len(fence) and marks == fence[0] * len(marks)


def _until_contains(bodies: list[str], index: int, needle: str, offset: int, lower: bool = False) -> int:
    for end in range(index, len(bodies)):
        text = bodies[end].lower() if lower else bodies[end]
        if needle in text[offset if end == index else 0 :]:
            return end + 1
    return len(bodies)


def _is_bare_table(bodies: list[str], index: int) -> bool:
    """True at the header of a table without outer pipes: as many cells as its alignment row below."""
    if index + 1 >= len(bodies) or not _BARE_DELIMITER.match(bodies[index + 1]):
        return False
    cells = len(_PIPE.split(bodies[index].strip().strip("|")))
    return cells > 1 and cells == len(_PIPE.split(bodies[index + 1].strip().strip("|")))


def _table_end(bodies: list[str], index: int) -> int:
    end = index + 1
    while end < len(bodies):
        text = bodies[end]
        if _TABLE.match(text) or (
            _ONE_LINE_COMMENT.match(text) and end + 1 < len(bodies) and _TABLE.match(bodies[end + 1])
        ):
            end += 1
        else:
            break
    return end

"""Lines, line endings and positions of the exact source text."""

from __future__ import annotations

from itertools import islice

from ..patterns import compiled

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

_LINE = compiled(r"[^\n]*\n|[^\n]+")
BOM = "\ufeff"


def split_lines(text: str) -> list[str]:
    """Split on LF only, keeping each line's ending (`\\r\\n` stays with its line)."""
    return _LINE.findall(text)


class LineView:
    """The lines of a text without their endings, each cut when asked for (`lines[N - 1]` is line N).

    `starts` holds where each line starts and, last, where the text ends; the first line
    starts at the text's start whatever `starts[0]` says (a BOM stays on it).
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str, starts: Sequence[int]) -> None:
        self._text = text
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index: int) -> str:
        count = len(self._starts) - 1
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("line index out of range")
        return body(self._text[self._starts[index] if index else 0 : self._starts[index + 1]])

    def __iter__(self) -> Iterator[str]:
        text, starts = self._text, self._starts
        start = 0  # the first line starts at the text's start
        for end in islice(starts, 1, None):  # (a slice would copy every offset of a big page)
            yield body(text[start:end])
            start = end


def eol(line: str) -> str:
    """The line ending of `line`: CRLF, LF, or nothing on a last line."""
    if line[-1:] != "\n":
        return ""
    return "\r\n" if line[-2:-1] == "\r" else "\n"


def body(line: str) -> str:
    """`line` without its line ending."""
    if line[-1:] != "\n":
        return line
    return line[:-2] if line[-2:-1] == "\r" else line[:-1]


def is_blank(line: str) -> bool:
    """True for a line of only whitespace."""
    return not line.strip()


def detect_newline(text: str) -> str:
    """The line ending most lines of `text` use (LF when there are none)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    return "\r\n" if crlf > lf else "\n"


def column_of(line_text: str, needle: str) -> int:
    """1-based column of `needle` in `line_text`, 1 when absent."""
    index = line_text.find(needle) if needle else -1
    return index + 1 if index >= 0 else 1

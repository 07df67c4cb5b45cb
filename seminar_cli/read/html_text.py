"""HTML inside a page, read with the standard library's parser: its texts, and its tables' rows and cells."""

from __future__ import annotations

from html.parser import HTMLParser

from ..model import Frozen, frozen

_BREAKS = frozenset({"br", "p", "div", "tr", "td", "th", "li", "table", "tbody", "thead", "figure", "hr", "h1", "h2",
                     "h3", "h4", "h5", "h6", "details", "summary"})  # fmt: skip
_EMPHASIS = frozenset({"i", "em", "cite"})


@frozen
class Cell(Frozen):
    """One table cell: its text, whether it is a header cell, how many columns it spans, its line."""

    text: str
    header: bool
    span: int
    line: int


class _Reader(HTMLParser):
    """Texts split at block tags and `<br>`, each marked when it stands in italics; table rows and cells."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.texts: list[tuple[str, bool]] = []
        self.rows: list[list[Cell]] = []
        self.tables = 0
        self._piece: list[str] = []
        self._emphasis = 0
        self._cell: list[str] | None = None
        self._cell_start: tuple[bool, int, int] = (False, 1, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self._flush()
        if tag in _EMPHASIS:
            self._flush()
            self._emphasis += 1
        if tag == "table":
            self.tables += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            span = next((value for name, value in attrs if name == "colspan"), None)
            width = int(span) if span and span.isdigit() else 1
            self._cell = []
            self._cell_start = (tag == "th", width, self.first_line + self.getpos()[0] - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self._flush()
            if self._cell is not None:
                self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _EMPHASIS and self._emphasis:
            self._flush()
            self._emphasis -= 1
        elif tag in _BREAKS:
            self._flush()
        if tag in ("td", "th") and self._cell is not None and self.rows:
            header, span, line = self._cell_start
            self.rows[-1].append(Cell(" ".join("".join(self._cell).split()), header, span, line))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self._piece.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._piece).split())
        if text:
            self.texts.append((text, self._emphasis > 0))
        self._piece = []

    def close(self) -> None:
        super().close()
        self._flush()


def _read(html: str, first_line: int = 1) -> _Reader:
    reader = _Reader(first_line)
    reader.feed(html)
    reader.close()
    return reader


def texts(html: str) -> list[tuple[str, bool]]:
    """The texts of an HTML block in order, each with whether it stands in italics (`<i>`, `<em>`)."""
    return _read(html).texts


def fragments(html: str) -> list[str]:
    """The texts of an HTML block in order."""
    return [text for text, _ in texts(html)]


def table_rows(html: str, first_line: int) -> list[list[Cell]]:
    """The rows of the tables of an HTML block (empty when it holds no table)."""
    reader = _read(html, first_line)
    return [row for row in reader.rows if row] if reader.tables else []

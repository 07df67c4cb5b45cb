"""The library API that the CLI and tests call: read, parse, render, and edit safely.

An edit flows: read the exact text -> parse -> infer the style -> pure operation ->
render -> re-read the result and compare it with the intended page (refuse on any
difference) -> write atomically, only if the text changed.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import NotASeminarPageError, SeminarError, WriteRefusedError
from .files import locked, read_text, write_atomic
from .model import Page
from .parse import parse_page as _parse_page
from .render import render_page as _render_page

if TYPE_CHECKING:
    from .ops import Edit
    from .style import PageStyle

__all__ = ["EditResult", "edit_file", "edit_text", "parse_page", "read_page", "render_page"]


def parse_page(text: str, path: str | None = None) -> Page:
    """Read a seminar page from its text; `render_page(parse_page(t)) == t`."""
    if not text.strip():
        raise NotASeminarPageError("the page is empty", path=path, expected="a markdown seminar page")
    return _parse_page(text, path)


def render_page(page: Page) -> str:
    """The text of a page: the original bytes for every node that was not edited."""
    return _render_page(page)


def read_page(path: str) -> Page:
    """Read and parse the page stored at `path`."""
    return parse_page(read_text(path), path)


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an edit did: the text before and after, and what to tell the user."""

    path: str | None
    before: str
    after: str
    summary: str
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the edit changes the page."""
        return self.before != self.after


Operation = Callable[[Page, "PageStyle"], "Edit"]


def edit_text(text: str, operation: Operation, path: str | None = None) -> EditResult:
    """Parse, infer the style, apply a pure operation, render, and check the result reads back as intended."""
    from .style import infer_style

    page = parse_page(text, path)
    edit = operation(page, infer_style(page))
    after = render_page(edit.page)
    verify(edit.page, after, path, page if after == text else None, original=page)
    return EditResult(path, text, after, edit.summary, edit.notes)


def verify(
    intended: Page, after: str, path: str | None, reread: Page | None = None, original: Page | None = None
) -> None:
    """Refuse (`WriteRefusedError`) when `after` would not read back as the intended page.

    Talk blocks whose text is unchanged from the `original` page are not read again
    (the same text reads the same); every new or changed block is.
    """
    from .views import page_data

    try:
        reread = reread or _parse_page(after, path, known=original)
    except SeminarError as error:
        raise WriteRefusedError(
            f"the edited page would not read back ({error.message}); nothing was written", path=path
        ) from None
    wanted, got = page_data(intended, lines=False), page_data(reread, lines=False)
    if reread.season_year != intended.season_year:
        if _relies_on_season_year(reread) or _relies_on_season_year(intended):
            raise WriteRefusedError(
                f"the edit would change the season's year from {intended.season_year} to {reread.season_year}, "
                "and dates without a year depend on it; nothing was written",
                path=path,
            )
        del wanted["season_year"], got["season_year"]  # a year nothing on the page depends on
    if wanted != got:
        where, expected, found = _first_difference(wanted, got)
        raise WriteRefusedError(
            f"the edited page would not read back as intended at {where}; nothing was written",
            path=path,
            found=repr(found),
            expected=repr(expected),
        )


def _relies_on_season_year(page: Page) -> bool:
    """True when some date on the page is written without its year."""
    import re

    full_year = re.compile(r"(19|20)\d\d")
    schedule = page.schedule
    rows = schedule.entries if schedule else ()
    if any(entry.date is not None and not full_year.search(entry.date_text) for entry in rows):
        return True
    return any(
        talk.when and talk.when.date_text and not full_year.search(talk.when.date_text) for _, talk in page.talks()
    )


def _first_difference(wanted: object, got: object, where: str = "page") -> tuple[str, object, object]:
    if isinstance(wanted, dict) and isinstance(got, dict):
        for key in wanted:
            if wanted.get(key) != got.get(key):
                return _first_difference(wanted[key], got.get(key), f"{where}.{key}")
    if isinstance(wanted, list) and isinstance(got, list) and len(wanted) == len(got):
        for index, (one, other) in enumerate(zip(wanted, got, strict=True)):
            if one != other:
                return _first_difference(one, other, f"{where}[{index}]")
    return where, wanted, got


def edit_file(path: str, operation: Operation, *, write: bool) -> EditResult:
    """Edit the page at `path`; with `write`, replace it atomically, only if it changed and nobody else did."""
    with locked(path) if write else nullcontext():
        text = read_text(path)
        result = edit_text(text, operation, path)
        if write and result.changed:
            if read_text(path) != text:
                raise WriteRefusedError("the page changed while it was being edited; nothing was written", path=path)
            write_atomic(path, result.after)
    return result

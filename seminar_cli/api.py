"""The library API that the CLI and tests call: read, parse, render (and, later, edit)."""

from __future__ import annotations

from .errors import NotASeminarPageError
from .files import read_text
from .model import Page
from .parse import parse_page as _parse_page
from .render import render_page as _render_page

__all__ = ["parse_page", "read_page", "render_page"]


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

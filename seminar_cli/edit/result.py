"""What an edit returns: the new page, and what the user should be told about it."""

from __future__ import annotations

from ..model import Frozen, Page, frozen


@frozen
class Edit(Frozen):
    """An edit's result: the new page, a one-line summary and notes for the user."""

    page: Page
    summary: str
    notes: tuple[str, ...] = ()

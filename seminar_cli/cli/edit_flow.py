"""The flow every edit command shares: a diff with --dry-run, an exit code with --check, else a checked write.

Free of typer: the lean route runs it too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import NotASeminarPageError, SeminarError
from .boundary import fail

if TYPE_CHECKING:
    from ..edit.result import Edit
    from ..edit.style import PageStyle
    from ..model import Page

Operation = Callable[["Page", "PageStyle"], "Edit"]


def edit(page: str, operation: Operation, *, dry_run: bool, check: bool) -> None:
    """Apply an operation to the page: show a diff, check, or write atomically when it changed."""
    code = edit_code(page, operation, dry_run=dry_run, check=check)
    if code:
        raise SystemExit(code)


def edit_code(page: str, operation: Operation, *, dry_run: bool, check: bool, skip_other: bool = False) -> int:
    """`edit` returning its exit code; with `skip_other`, markdown that is not a seminar page is skipped."""
    from .. import api
    from . import terminal

    try:
        result = api.edit_file(page, operation, write=not (dry_run or check))
    except NotASeminarPageError as error:
        if not skip_other:
            return fail(error)
        terminal.print_error(f"note: {page}: skipped, not a seminar page")
        return 0
    except SeminarError as error:
        return fail(error.with_path(page))
    for note in result.notes:
        terminal.print_error(f"note: {note}")
    if dry_run and result.changed:
        terminal.print_diff(terminal.unified_diff(result.before, result.after, page))
    if not result.changed:
        print(f"{page}: unchanged ({result.summary})")
        return 0
    if check or dry_run:
        print(f"{page}: would change: {result.summary}")
        return 1 if check else 0
    print(f"{page}: {result.summary}")
    return 0

"""The one error boundary: a `SeminarError` becomes one line on stderr and its exit code, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Interrupted, SeminarError
from .terminal import print_error

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


def fail(error: SeminarError | Interrupted) -> int:
    """Print the error's line (`seminar: path:line:col: ...`) on stderr and return its exit code."""
    print_error(str(error))
    return error.exit_code


def run(action: Callable[[], T], page: str | None = None) -> T:
    """`action()`, with a `SeminarError` turned into its line and an exit with its code.

    `page`: the page the command works on, named in the line when the error does not name a file itself.
    The exit is a `SystemExit`, which typer lets through and the lean route catches: the commands'
    code runs the same on both routes.
    """
    try:
        return action()
    except SeminarError as error:
        raise SystemExit(fail(error.with_path(page))) from None

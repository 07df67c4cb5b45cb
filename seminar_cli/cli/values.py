"""Values the command line gathers: the clock, files named by options (`-` for standard input), prompts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime

from ..errors import SeminarError, UsageError
from .terminal import is_terminal, print_error


def now() -> datetime:
    """The clock, read once per command (operations take it as a parameter)."""
    return datetime.now(UTC)


def read_text_option(path: str | None, option: str) -> str | None:
    """The text of a file option (`-` for standard input); None when the option is not given."""
    if path is None:
        return None
    from ..files import read_text, size_text
    from ..model import PAGE_SIZE_LIMIT

    if path == "-":
        text = sys.stdin.read(PAGE_SIZE_LIMIT + 1)  # never more than a page may hold
        if len(text) > PAGE_SIZE_LIMIT:
            raise UsageError(f"{option} -: standard input is more than the size limit of {size_text(PAGE_SIZE_LIMIT)}")
        return text

    try:
        return read_text(path)
    except SeminarError as error:
        raise UsageError(
            error.message, path=path, line=error.line, column=error.column, option=option, found=error.found
        ) from None


Check = Callable[[str], object]


def ask(value: str | None, option: str, question: str, check: Check | None = None) -> str:
    """A required value: from the command line, else prompted for on a terminal, else a usage error.

    On a terminal each answer is checked (`check` raises a `UsageError`) as soon as it is typed,
    and asked for again with the reason, so that nothing typed before it is lost.
    """
    if value is not None:
        return value
    if is_terminal(sys.stdin) and is_terminal(sys.stdout):
        return prompt(question, check)
    raise UsageError(f"missing {option}", expected=f"{option} (asked for only on a terminal)")


def prompt(question: str, check: Check | None) -> str:
    """Ask until the answer passes `check`; each refusal is printed with its reason."""
    import typer

    while True:
        answer = str(typer.prompt(question))
        try:
            if check is not None:
                check(answer)
        except UsageError as error:
            print_error(str(error))
            continue
        return answer

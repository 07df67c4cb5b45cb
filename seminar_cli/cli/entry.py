"""The `seminar` console script: `seminar lint` takes a lean route, everything else goes to typer.

`seminar lint` runs on every commit as a pre-commit hook; typer (with the pydantic it
imports) costs more than the whole lint, so a plain lint command line is read here and
handed to the same lint function the typer command calls. Anything else — help, other
commands, a command line this reader does not take — goes to the typer app.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of `seminar` and `python -m seminar_cli`."""
    args = sys.argv[1:]
    if args[:1] == ["lint"]:
        from .lean import lean

        code = lean(args[1:])
        if code is not None:
            sys.stdout.flush()
            raise SystemExit(code)
    from .app import app

    app()

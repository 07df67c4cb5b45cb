"""The `seminar` console script: `seminar lint` takes a lean route, everything else goes to typer.

`seminar lint` runs on every commit as a pre-commit hook; typer (with the pydantic it
imports) costs more than the whole lint, so a plain lint command line is read here and
handed to the same lint function the typer command calls. Anything else — help, other
commands, a command line this reader does not take — goes to the typer app.
"""

from __future__ import annotations

import signal
import sys

from ..errors import Interrupted
from ..files import on_signal

_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


def main() -> None:
    """Entry point of `seminar` and `python -m seminar_cli`."""
    for name in _SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), on_signal)
    try:
        raise SystemExit(_run(sys.argv[1:]))
    except (Interrupted, KeyboardInterrupt) as error:
        from .boundary import fail

        stopped = error if isinstance(error, Interrupted) else Interrupted(signal.SIGINT)
        raise SystemExit(fail(stopped)) from None


def _run(args: list[str]) -> int:
    if args[:1] == ["lint"]:
        from .lean import lean

        code = lean(args[1:])
        if code is not None:
            sys.stdout.flush()
            return code
    from .app import app

    app()
    return 0

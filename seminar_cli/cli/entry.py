"""The `seminar` console script: `--version`, `lint`, `show`, `export` and `rotate` take a lean route, the rest typer.

`seminar lint` runs on every commit as a pre-commit hook; typer (with the pydantic it
imports) costs more than the whole lint, so a plain command line of the commands scripts
run most is read by `cli.lean` and handed to the same function the typer command calls,
and `--version` is answered before anything is loaded. Anything else — help, other
commands, a command line the lean reader does not take — goes to the typer app, built
with only the command it names.
"""

from __future__ import annotations

import gc
import os
import sys

_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")
_LEAN = ("lint", "show", "export", "rotate")  # the commands `cli.lean` can read


def main() -> None:
    """Entry point of `seminar` and `python -m seminar_cli`."""
    if sys.argv[1:] == ["--version"]:  # what typer's --version prints, without loading anything
        from .. import __version__

        sys.stdout.write(f"seminar {__version__}\n")
        raise SystemExit(0)
    try:  # the interpreter's own module, which `signal` wraps in enums that cost more to make than lint's rules
        import _signal as signal  # type: ignore[import-not-found]  # (no stubs: a module of the interpreter itself)
    except ImportError:  # another interpreter
        import signal

    from ..errors import Interrupted
    from ..files import on_signal

    # A page's model is many small objects that live until the process ends: collecting the
    # youngest generation every 700 allocations (Python's default) rescans them over and over,
    # a quarter of the time of a big page. Cycles are rare here; collect them less often.
    gc.set_threshold(100_000, 20, 100)
    for name in _SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), on_signal)
    try:
        raise SystemExit(_run(sys.argv[1:]))
    except (Interrupted, KeyboardInterrupt) as error:
        from .boundary import fail

        stopped = error if isinstance(error, Interrupted) else Interrupted(signal.SIGINT)
        raise SystemExit(fail(stopped)) from None


def script() -> None:
    """The console script: `main`, then leave at once.

    A process that ends normally frees every object it made, one by one: after linting a
    few pages that is a tenth of the run, spent on memory the system takes back anyway.
    Once the output is flushed and the pattern cache written, the process leaves with its
    exit code without that (as mypy does); anything unusual takes Python's normal exit.
    """
    try:
        main()
        code: object = 0
    except SystemExit as stop:
        code = 0 if stop.code is None else stop.code
    if not isinstance(code, int):
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: let Python report it as it does
        raise SystemExit(code) from None
    patterns = sys.modules.get("seminar_cli.patterns")
    if patterns is not None:
        patterns.save()
    os._exit(code)


def _run(args: list[str]) -> int:
    if args[:1] and args[0] in _LEAN:
        from .lean import lean

        code = lean(args)
        if code is not None:
            sys.stdout.flush()
            return code
    from .app import app_for

    app_for(args)()
    return 0

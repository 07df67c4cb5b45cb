"""Run many `seminar` command lines in one process, each as the console script would run it.

Starting Python and loading typer for every line of a comparison costs more than the
commands themselves; this runs the lines one after another in one process, each with its
own working folder, standard streams that are not a terminal and its exit code caught.

    python tests/command_lines.py ROUTE < lines.json > results.json

ROUTE is `entry` (the console script: lean route first), `app` (the whole typer app) or
`single` (the typer app of the one command named); lines.json is a list of
`{"args": [...], "cwd": "..."}`, results.json the list of `[exit code, stdout, stderr]`.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout


def _route(name: str) -> Callable[[list[str]], None]:
    if name == "entry":
        from seminar_cli.cli.entry import main

        return lambda args: main()
    from seminar_cli.cli.app import app, app_for

    if name == "single":
        return lambda args: app_for(args)()
    return lambda args: app()


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue().decode("utf-8", errors="replace").replace("\r\n", "\n")  # as `text=True` reads it


def run(call: Callable[[list[str]], None], args: list[str], cwd: str) -> list[object]:
    """[exit code, stdout, stderr] of one command line, run as `seminar ARGS` in `cwd`."""
    out, err = _stream(), _stream()
    code: object = 0
    sys.argv = ["seminar", *args]
    os.chdir(cwd)
    with redirect_stdout(out), redirect_stderr(err):
        try:
            call(args)
        except SystemExit as stop:
            code = stop.code
    if isinstance(code, str):  # what Python does with `SystemExit("message")`
        err.write(code + "\n")
        code = 1
    return [0 if code is None else code, _text(out), _text(err)]


def main() -> None:
    call = _route(sys.argv[1])
    lines = json.load(sys.stdin)
    results = [run(call, line["args"], line["cwd"]) for line in lines]
    print(json.dumps(results))  # the streams are this process's own again


if __name__ == "__main__":
    main()

"""Fuzzing: mangled real and example pages either round-trip or are refused with a SeminarError.

The CI profile is quick. For a long run: SEMINAR_FUZZ_SECONDS=600 pytest tests/test_fuzz.py
(keeps drawing fresh examples until the time is up).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from conftest import our_pages, read, shared_pages
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from seminar_cli.api import parse_page, render_page
from seminar_cli.cli.app import app
from seminar_cli.errors import SeminarError
from seminar_cli.files import read_text

SOURCES = [read(path) for path in our_pages() + shared_pages()]
NOISE = st.sampled_from(
    [
        "|",
        "**",
        "[",
        "]",
        "(",
        ")",
        "<br>",
        "---",
        "# ",
        "<!--",
        "-->",
        "`",
        "~~",
        "\t",
        "\r",
        "\ufeff",
        "é",
        "TBD",
        "02/30/2026",
    ]
)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """A page with lines deleted, duplicated, swapped, cut, or with noise and random characters put in."""
    lines = draw(st.sampled_from(SOURCES)).split("\n")
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            lines = [""]
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "noise", "random", "truncate"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "cut":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        elif action == "noise":
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + draw(NOISE) + lines[index][at:]
        elif action == "random":
            lines[index] += draw(st.text(max_size=8))
        else:
            lines = lines[: index + 1]
    return "\n".join(lines)


def check(text: str) -> None:
    try:
        page = parse_page(text)
    except SeminarError:
        return
    assert render_page(page) == text


def check_commands(text: str, folder: Path) -> None:
    path = folder / "page.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    for args in (
        ["rotate", str(path), "--dry-run", "--today", "2026-12-04"],
        ["lint", "--today", "2026-12-04", str(path)],
        ["show", "--json", str(path)],
    ):
        result = CliRunner().invoke(app, args)
        assert result.exit_code in (0, 1, 2), args
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@given(mangled())
def test_mangled_pages_round_trip_or_are_refused(text: str) -> None:
    check(text)


@settings(max_examples=40)
@given(mangled())
def test_commands_on_mangled_pages_never_crash(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        check_commands(text, Path(folder))


@given(st.sampled_from(SOURCES), st.binary(min_size=1, max_size=6), st.data())
def test_random_bytes_are_read_or_refused(source: str, noise: bytes, data: st.DataObject) -> None:
    raw = source.encode()
    at = data.draw(st.integers(0, len(raw)))
    mangled_bytes = raw[:at] + noise + raw[at:]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.md"
        path.write_bytes(mangled_bytes)
        with contextlib.suppress(SeminarError):
            check(read_text(str(path)))


def test_long_fuzz_run() -> None:
    """Runs only with SEMINAR_FUZZ_SECONDS: fresh random examples until the time is up."""
    seconds = float(os.environ.get("SEMINAR_FUZZ_SECONDS", "0"))
    if not seconds:
        return
    deadline = time.monotonic() + seconds
    runs = 0
    fresh = settings(max_examples=2000, database=None, derandomize=False, deadline=None,
                     suppress_health_check=list(HealthCheck))  # fmt: skip
    while time.monotonic() < deadline:
        fresh(given(mangled())(check))()
        fresh(
            given(st.sampled_from(SOURCES), st.binary(min_size=1, max_size=6), st.data())(
                test_random_bytes_are_read_or_refused.hypothesis.inner_test  # type: ignore[attr-defined]
            )
        )()
        settings(fresh, max_examples=200)(
            given(mangled())(test_commands_on_mangled_pages_never_crash.hypothesis.inner_test)  # type: ignore[attr-defined]
        )()
        runs += 1
        print(f"round {runs} done at {seconds - (deadline - time.monotonic()):.0f}s", flush=True)
    print(f"fuzzed {runs} rounds (2x2000 parses, 200 command lines) in {seconds:.0f}s")

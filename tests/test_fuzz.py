"""Fuzzing: mangled real and example pages either round-trip or are refused with a SeminarError.

The CI profile is quick. For a long run: SEMINAR_FUZZ_SECONDS=600 pytest tests/test_fuzz.py
(keeps drawing fresh examples until the time is up).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import our_pages, read, shared_pages
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reach import Reach
from typer.testing import CliRunner

from seminar_cli.api import parse_page, render_page
from seminar_cli.cli.app import app
from seminar_cli.errors import SeminarError, UnreadablePageError
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
            lines = lines[: max(index + 1, len(lines) // 2)]  # the first half keeps what makes it a seminar page
    return "\n".join(lines)


def check(text: str) -> bool:
    """The page round-trips (True), or is refused with a SeminarError that points on the page (False)."""
    try:
        page = parse_page(text)
    except SeminarError as error:
        assert error.message and (error.line is None or 1 <= error.line <= text.count("\n") + 2), error
        return False
    assert render_page(page) == text
    return True


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


def test_mangled_pages_round_trip_or_are_refused(reach: Reach) -> None:
    @given(mangled())
    def examples(text: str) -> None:
        reach.example()
        if check(text):
            reach.reached()

    examples()
    reach.assert_enough()


@settings(max_examples=40)
@given(mangled())
def test_commands_on_mangled_pages_never_crash(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        check_commands(text, Path(folder))


def bytes_read_or_refused(source: str, noise: bytes, at: int) -> bool:
    """`noise` put into the page at byte `at`: read and checked (True), or refused where the bad byte is (False)."""
    raw = source.encode()
    data = raw[:at] + noise + raw[at:]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.md"
        path.write_bytes(data)
        try:
            text = read_text(str(path))
        except UnreadablePageError as error:
            # The bad byte is in the noise, or in a character of the page that the noise cut in two.
            lines = {data.count(b"\n", 0, offset) + 1 for offset in range(max(at - 3, 0), at + len(noise) + 4)}
            assert error.found and error.line in lines, error
            return False
    return check(text)


# Text (encoded, put at a character's start) three times in four, else bytes that are seldom UTF-8.
texts, raw_bytes = st.text(min_size=1, max_size=6).map(str.encode), st.binary(min_size=1, max_size=6)
noises = st.sampled_from(["text", "text", "text", "bytes"]).flatmap(lambda kind: texts if kind == "text" else raw_bytes)


def test_random_bytes_are_read_or_refused(reach: Reach) -> None:
    @given(st.sampled_from(SOURCES), noises, st.data())
    def examples(source: str, noise: bytes, data: st.DataObject) -> None:
        reach.example()
        at = len(source[: data.draw(st.integers(0, len(source)))].encode())
        if bytes_read_or_refused(source, noise, at):
            reach.reached()

    examples()
    reach.assert_enough(least=0.6)  # a quarter of the noise is bytes, seldom UTF-8: refused (where they are)


@pytest.mark.skipif(not os.environ.get("SEMINAR_FUZZ_SECONDS"), reason="a long run: set SEMINAR_FUZZ_SECONDS to run it")
def test_long_fuzz_run(reach: Reach) -> None:
    """Fresh random examples until SEMINAR_FUZZ_SECONDS are up; most of them must reach the round trip."""
    seconds = float(os.environ["SEMINAR_FUZZ_SECONDS"])
    deadline = time.monotonic() + seconds
    rounds = 0
    fresh = settings(max_examples=2000, database=None, derandomize=False, deadline=None,
                     suppress_health_check=list(HealthCheck))  # fmt: skip
    commands = settings(fresh, max_examples=200)

    @fresh
    @given(mangled())
    def pages(text: str) -> None:
        reach.example()
        if check(text):
            reach.reached()

    @fresh
    @given(st.sampled_from(SOURCES), st.binary(min_size=1, max_size=6), st.data())
    def noise(source: str, noise: bytes, data: st.DataObject) -> None:
        bytes_read_or_refused(source, noise, data.draw(st.integers(0, len(source.encode()))))  # any byte, any place

    @commands
    @given(mangled())
    def command_lines(text: str) -> None:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            check_commands(text, Path(folder))

    while time.monotonic() < deadline:
        pages()
        noise()
        command_lines()
        rounds += 1
        print(f"round {rounds} done at {seconds - (deadline - time.monotonic()):.0f}s", flush=True)
    print(f"fuzzed {rounds} rounds (2x2000 parses, 200 command lines) in {seconds:.0f}s; {reach}")
    assert rounds >= 1 and reach.examples >= 1000 * rounds
    reach.assert_enough()

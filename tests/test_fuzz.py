"""Fuzzing: mangled real and example pages either round-trip or are refused with a SeminarError, and command
lines with mangled option values or inputs that are not files end in one line and exit 0, 1 or 2, writing
nothing unless they succeed.

The CI profile is quick. For a long run: SEMINAR_FUZZ_SECONDS=600 pytest tests/test_fuzz.py
(keeps drawing fresh examples until the time is up).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, our_pages, read, shared_pages
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


# Every command and the options it takes; values come from VALUES, files from FILES.
COMMANDS: dict[str, tuple[str, ...]] = {
    "add-talk": ("--date", "--speaker", "--speaker-url", "--affiliation", "--title", "--location", "--time", "--photo",
                 "--abstract-file", "--bio-file"),
    "update-talk": ("--talk", "--title", "--speaker", "--speaker-url", "--location", "--time", "--photo", "--caption",
                    "--from", "--abstract-file"),
    "reschedule": ("--talk", "--date", "--time", "--location"),
    "cancel": ("--talk",),
    "add-link": ("--talk", "--slides", "--recording"),
    "organizers": ("--name", "--role", "--photo", "--url", "--position"),
    "plan": ("--every", "--from", "--until", "--skip"),
    "export": ("--format", "--timezone", "-o", "--previous"),
    "announce": ("--talk", "--format", "--today", "--timezone", "--template"),
    "new-season": ("--year", "-o"),
    "rotate": ("--today", "--now"),
    "lint": ("--today", "--select", "--ignore", "--format"),
    "show": (),
}  # fmt: skip
FILE_OPTIONS = frozenset({"--abstract-file", "--bio-file", "--from", "--previous", "--template", "-o"})
FILES = ("page.md", "other.md", "out.ics", "-", "folder", "fifo", "missing/out.ics", "/dev/zero", "/dev/null", "loop")
USUAL = (
    "2027-01-14", "12/03/2026", "TBD", "next", "Okafor", "Ann Lee", "10:00-11:00", "2-3 pm", "https://example.org/a",
    "other thursday", "2027", "html", "csv", "json", "markdown", "SEM001", "America/New_York", "3",
)  # fmt: skip
SPECIAL = [
    "\u2028",
    "\u2029",
    "\x85",
    "\v",
    "\f",
    "\x1c",
    "\x00",
    "\t",
    "\r\n",
    "\x1b[31m",
    "\ud800",
    "|",
    "**",
    "(",
    "<",
]
VALUES = st.one_of(
    st.sampled_from(USUAL),
    st.text(max_size=24),
    st.binary(max_size=24).map(lambda raw: raw.decode("utf-8", "surrogateescape")),
    st.tuples(st.sampled_from(USUAL), st.sampled_from(SPECIAL), st.integers(0, 8)).map(
        lambda parts: parts[0][: parts[2]] + parts[1] + parts[0][parts[2] :]
    ),
    st.tuples(st.sampled_from(["a", " ", "*", "[", "(", "<a ", "|", "-"]), st.integers(2_000, 20_000)).map(
        lambda parts: parts[0] * (parts[1] // len(parts[0]))
    ),
)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command, a page or something else in its place, and some of its options with mangled values."""
    command = draw(st.sampled_from(sorted(COMMANDS)))
    args = [command, draw(st.sampled_from(["page.md"] * 4 + ["fifo", "/dev/zero", "folder", "missing.md", "loop"]))]
    if command == "organizers":
        args.append(draw(st.sampled_from(["add", "remove", "list"])))
    for option in draw(st.lists(st.sampled_from(COMMANDS[command]), max_size=4)) if COMMANDS[command] else []:
        args += [option, draw(st.sampled_from(FILES) if option in FILE_OPTIONS else VALUES)]
    if draw(st.booleans()):
        args.append(draw(st.sampled_from(["--force", "--dry-run", "--check", "--next", "--fix", "--json"])))
    return args


@contextlib.contextmanager
def folder_of_inputs(folder: Path) -> Iterator[None]:
    """A folder with a page, another page, a folder, a FIFO and a symlink loop, as the current folder."""
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", folder / "page.md")
    shutil.copyfile(EXAMPLES / "reading-group-2025.md", folder / "other.md")
    (folder / "folder").mkdir()
    os.mkfifo(folder / "fifo")
    os.symlink("loop", folder / "loop")
    here = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


def contents(folder: Path) -> dict[str, bytes | None]:
    """Every entry of the folder (below it too) and the bytes of its regular files."""
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        info = os.lstat(path)
        found[str(path.relative_to(folder))] = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
    return found


def stop(signum: int, frame: object) -> None:
    raise TimeoutError("a command line ran for over 60 seconds")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@settings(
    max_examples=int(os.environ.get("SEMINAR_FUZZ_COMMANDS", "60")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(command_lines())
def test_mangled_command_lines_end_in_one_line_and_write_nothing_unless_they_succeed(args: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as name, folder_of_inputs(Path(name)):
        before = contents(Path(name))
        previous = signal.signal(signal.SIGALRM, stop)
        signal.alarm(60)  # a FIFO read by mistake would wait forever
        try:
            result = CliRunner().invoke(app, args, input="")
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert "Traceback" not in result.output, args
        if result.exit_code != 0:
            assert contents(Path(name)) == before, args


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
    def commands_on_pages(text: str) -> None:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            check_commands(text, Path(folder))

    mangled_lines = test_mangled_command_lines_end_in_one_line_and_write_nothing_unless_they_succeed
    lines = commands(given(command_lines())(mangled_lines.hypothesis.inner_test))

    while time.monotonic() < deadline:
        pages()
        noise()
        commands_on_pages()
        lines()
        rounds += 1
        print(f"round {rounds} done at {seconds - (deadline - time.monotonic()):.0f}s", flush=True)
    print(f"fuzzed {rounds} rounds (2x2000 parses, 2x200 command lines) in {seconds:.0f}s; {reach}")
    assert rounds >= 1 and reach.examples >= 1000 * rounds
    reach.assert_enough()

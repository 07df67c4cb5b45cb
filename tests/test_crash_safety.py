"""A page is never lost: a write killed midway leaves the old page or the new one, and parallel edits all land."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, invoke

from seminar_cli.api import parse_page

ROTATE = ["--today", "2026-12-04"]


def seminar(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "seminar_cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )


KILLS = int(os.environ.get("SEMINAR_CRASH_KILLS", "40"))  # 200 and more for a long run


def forked_seminar(args: list[str], delay: float) -> int:
    """`seminar ARGS` in a forked copy of this process (no start-up to wait for), its write slowed by `delay`."""
    from seminar_cli.cli import app, entry  # noqa: F401 - loaded once here, not in every child

    pid = os.fork()
    if pid:
        return pid
    code = 99
    try:
        os.environ["SEMINAR_WRITE_DELAY"] = str(delay)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        sys.argv = ["seminar", *args]
        entry.main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        os._exit(code)


def temporary_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".seminar.md.seminar-*.tmp"))


def own(folder: Path, stale: set[Path]) -> set[Path]:
    """The temporary files of the run going on (not those an earlier, killed run left)."""
    return set(temporary_files(folder)) - stale


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_killing_a_write_at_any_moment_leaves_the_old_or_the_new_page(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    old = page.read_bytes()
    assert invoke("rotate", str(page), *ROTATE)[0] == 0
    new = page.read_bytes()
    assert new != old
    chance = random.Random(20261123)
    delay = 0.04
    landed = {signal.SIGKILL: 0, signal.SIGTERM: 0}  # kills that came while the new text was being written
    outcomes = {"old": 0, "new": 0}
    for index in range(KILLS):
        page.write_bytes(old)
        kind = signal.SIGKILL if index % 2 else signal.SIGTERM
        stale = set(temporary_files(tmp_path))  # what earlier kills left: the run removes them under the lock
        pid = forked_seminar(["rotate", str(page), *ROTATE], delay)
        if index % 5:  # most kills aim at the write itself; the others at any moment
            deadline = time.monotonic() + 3
            while not own(tmp_path, stale) and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(chance.uniform(0, delay))
        else:
            time.sleep(chance.uniform(0, 0.3))
        writing = bool(own(tmp_path, stale))
        os.kill(pid, kind)
        _, status = os.waitpid(pid, 0)
        landed[kind] += writing
        now = page.read_bytes()
        assert now in (old, new), "the page holds neither the old nor the new text"
        outcomes["old" if now == old else "new"] += 1
        if kind == signal.SIGTERM and writing:
            assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 143
            assert not own(tmp_path, stale), "SIGTERM left the temporary file"
        for leftover in own(tmp_path, stale):
            # The kill landed while the new text was being written beside the page: the page is the old one.
            assert now == old and new.startswith(leftover.read_bytes()), "a temporary file beside a replaced page"
    assert sum(landed.values()) >= KILLS // 2, landed  # most kills did land while the temporary file existed
    assert outcomes["old"] > 0
    page.write_bytes(old)
    assert invoke("rotate", str(page), *ROTATE)[0] == 0  # the next edit of the page
    assert page.read_bytes() == new
    assert temporary_files(tmp_path) == [], "the next edit left a killed run's temporary file"
    during = f"{landed[signal.SIGKILL]} SIGKILL and {landed[signal.SIGTERM]} SIGTERM"
    print(f"{KILLS} kills, {during} during the write; the page was old {outcomes['old']}, new {outcomes['new']} times")


def test_parallel_edits_all_land(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    names = [f"Speaker {letter}" for letter in "ABCDEFGH"]
    processes = [
        seminar("add-talk", str(page), "--date", f"2027-01-{index + 10:02d}", "--speaker", name,
                env={"SEMINAR_WRITE_DELAY": "0.05"})
        for index, name in enumerate(names)
    ]  # fmt: skip
    codes = [process.wait(60) for process in processes]
    text = page.read_text()
    landed = [name for name, code in zip(names, codes, strict=True) if code == 0]
    assert landed == names, [process.stderr.read() for process in processes if process.stderr]
    for name in landed:
        assert text.count(f"| {name} |") == 1
    entries = parse_page(text).schedule.entries  # type: ignore[union-attr]
    dated = [entry.date for entry in entries if entry.date]
    assert dated == sorted(dated)

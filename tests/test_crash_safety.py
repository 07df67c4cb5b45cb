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

from conftest import EXAMPLES

from seminar_cli.api import parse_page

ROTATE = ["--today", "2026-12-04"]


def seminar(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "seminar_cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )


def killed(process: subprocess.Popen[bytes], folder: Path, wait: float | None) -> None:
    """Kill the process `wait` seconds after it starts, or (None) at a moment while its temporary file exists."""
    if wait is not None:
        time.sleep(wait)
    else:
        while process.poll() is None and not any(folder.glob(".seminar.md.*.tmp")):
            time.sleep(0.005)
        time.sleep(CHANCE.uniform(0.0, 0.2))  # within SEMINAR_WRITE_DELAY, the pause halfway through the write
    process.send_signal(signal.SIGKILL)
    process.wait(30)


CHANCE = random.Random(20261123)


def test_killing_a_write_at_any_moment_leaves_the_old_or_the_new_page(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    old = page.read_bytes()
    finished = seminar("rotate", str(page), *ROTATE)
    assert finished.wait(30) == 0
    new = page.read_bytes()
    assert new != old
    outcomes = {"old": 0, "new": 0, "mid-write": 0}
    # Two kills in three wait for the write to start; the others land at any moment, before it or after.
    waits = [None if index % 3 else CHANCE.uniform(0.0, 1.2) for index in range(15)]
    for wait in waits:
        page.write_bytes(old)
        killed(seminar("rotate", str(page), *ROTATE, env={"SEMINAR_WRITE_DELAY": "0.3"}), tmp_path, wait)
        now = page.read_bytes()
        assert now in (old, new), "the page holds neither the old nor the new text"
        outcomes["old" if now == old else "new"] += 1
        for leftover in tmp_path.glob(".seminar.md.*.tmp"):
            # The kill landed while the new text was being written beside the page: the page is the old one.
            written = leftover.read_bytes()
            assert now == old and len(written) < len(new) and new.startswith(written), outcomes
            outcomes["mid-write"] += 1
            leftover.unlink()
    assert outcomes["mid-write"] >= 6, outcomes  # most of the ten kills that waited for it landed mid-write
    assert outcomes["old"] > 0


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

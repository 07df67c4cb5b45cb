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


def test_killing_a_write_at_any_moment_leaves_the_old_or_the_new_page(tmp_path: Path) -> None:
    page = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", page)
    old = page.read_bytes()
    finished = seminar("rotate", str(page), *ROTATE)
    assert finished.wait(30) == 0
    new = page.read_bytes()
    assert new != old
    chance = random.Random(20261123)
    outcomes = {"old": 0, "new": 0}
    for _ in range(25):
        page.write_bytes(old)
        process = seminar("rotate", str(page), *ROTATE, env={"SEMINAR_WRITE_DELAY": "0.3"})
        time.sleep(chance.uniform(0.0, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        now = page.read_bytes()
        assert now in (old, new), "the page holds neither the old nor the new text"
        outcomes["old" if now == old else "new"] += 1
        for leftover in tmp_path.glob(".seminar.md.*.tmp"):
            leftover.unlink()  # a killed write may leave its temp file; never the page half-written
    assert outcomes["old"] > 0  # the kills did land before the replace


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

"""Shared test helpers: where our pages and the real shared pages live."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from reach import Reach

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
DATA = REPO / "tests" / "data"
SHARED = Path(os.environ.get("SEMINAR_SHARED_PAGES", REPO.parent / "shared" / "pages"))
# The runs of a test session (and the processes they start) keep their compiled patterns in a
# cache of their own, never in the user's.
os.environ["SEMINAR_CACHE_DIR"] = tempfile.mkdtemp(prefix="seminar-test-cache-")

settings.register_profile(
    "ci", max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="Rewrite the expected pages of tests/golden.")


@pytest.fixture
def reach(record_property: Callable[[str, object], None]) -> Reach:
    """A counter of the property's examples that reach its check; the test ends with `reach.assert_enough()`."""
    return Reach(record_property)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """With -v, how many examples of each counted property reached its check."""
    if config.option.verbose <= 0:
        return
    reports = [report for key in ("passed", "failed") for report in terminalreporter.stats.get(key, [])]
    counts = [(report.nodeid, value) for report in reports for name, value in report.user_properties if name == "reach"]
    if counts:
        terminalreporter.section("examples that reached their check")
        for nodeid, value in counts:
            terminalreporter.line(f"{nodeid}: {value}")


def shared_page_paths() -> list[Path]:
    """The real pages of ../shared/pages (empty when that folder is absent, an error in CI)."""
    if not SHARED.is_dir():
        if os.environ.get("SEMINAR_REQUIRE_SHARED"):
            raise RuntimeError(f"{SHARED} is missing, and SEMINAR_REQUIRE_SHARED is set")
        return []
    return sorted(SHARED.glob("*.md"), key=lambda path: path.name)


def shared_pages() -> list[Path]:
    """Real seminar pages (the folder's README is not one)."""
    return [path for path in shared_page_paths() if path.name != "README.md"]


def shared_page(name: str) -> Path:
    """One real page by name, skipping the test with a reason when ../shared is absent."""
    path = SHARED / name
    if not path.is_file() and not os.environ.get("SEMINAR_REQUIRE_SHARED"):
        pytest.skip(f"{SHARED} is absent: the real pages live outside this repository")
    return path


def our_pages() -> list[Path]:
    """Our fictional pages: examples and test fixtures that are seminar pages."""
    return sorted(EXAMPLES.glob("*.md")) + sorted(path for path in DATA.glob("*.md") if path.name != "not-a-seminar.md")


def read(path: Path) -> str:
    """A page's exact text (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def invoke(*args: str) -> tuple[int, str, str]:
    """Run `seminar ARGS` in-process: exit code, stdout, stderr."""
    from typer.testing import CliRunner

    from seminar_cli.cli.app import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ml_page(tmp_path: Path) -> Path:
    """A copy of our current-markup example page to edit."""
    import shutil

    copy = tmp_path / "seminar.md"
    shutil.copyfile(EXAMPLES / "ml-seminar-2026.md", copy)
    return copy


# A one-talk page in two copies: its weekday fits its date (`Thursday`) or not (`Monday`).
HOOK_PAGE = """---
layout: default
title: Harbor Test Seminar <br/>
description: Thursdays, 2020 <br/>
permalink: /events/harbor-test-seminar-2020/
---

# Next Presentation

**Tide Gauges and Graphs**

<br>Location: Building 5, Room 12
<br> Time: 10:00 a.m. - 11 a.m. ET, {weekday}, 12/17/2020
<br>Speaker: [Ada Park](https://a.example)

# Schedule

| Date | Name | Talk |
| ---- | ---- | ---- |
| 12/17/2020 | Ada Park | Tide Gauges and Graphs |
"""

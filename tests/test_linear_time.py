"""No crafted line makes reading or linting a page slow: the time grows with the line's length, not faster.

Each crafted line replaces one line of our example page and is run through the whole of
`seminar lint` and `seminar show`, in-process, at 10,000 and at 100,000 characters. The test
checks the ratio of the two times (what the page alone costs taken off), never an absolute time:
linear work takes about ten times as long, quadratic work about a hundred times. A regular
expression that a new shape of page brings belongs in CRAFTED, with the line that would make it
backtrack (long runs of what its quantifiers share, many openings without a closing).
"""

from __future__ import annotations

import contextlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import EXAMPLES, read

from seminar_cli.cli.lean import lean
from seminar_cli.cli.show import show
from seminar_cli.read.memo import forget_page

PAGE = read(EXAMPLES / "ml-seminar-2026.md")
ROW = next(line for line in PAGE.split("\n") if line.startswith("| 10-08-2026 |"))
ALIGNMENT = next(line for line in PAGE.split("\n") if line.startswith("| :----"))
TITLE = "**Graph Transformers for Real-Time State Estimation in Power Grids**"
TIME = "<br> Time: 10:00 a.m. - 11 a.m. ET, Thursday, 12/03/2026"
SPEAKER = "<br>Speaker: [Elena Marchetti](https://example.edu/~emarchetti)"
PLACE = "<br>Location: Building 12, Room 204 and Zoom"
FRONT_TITLE = "title: Harbor Valley Machine Learning Seminar Series <br/> "
ABOUT = "The seminar meets on Thursdays from 10 am to 11 am ET, in person and on Zoom."
PAST = "Please reach out if you are interested in presenting at a future event."  # after the page's last comment
SMALL, LARGE = 10_000, 100_000
RATIO = 30  # linear is about 10, quadratic about 100


class Crafted(NamedTuple):
    """A line of the example page and what replaces it, `n` characters long give or take."""

    line: str
    replacement: Callable[[int], str]


def row(name: str = "Marcus Delacroix", title: str = "Sparse Models", place: str = "On Site") -> str:
    return f"| 10-08-2026 | {place} | {name} | Northfield Institute of Technology | {title} |"


def runs(unit: str, n: int) -> str:
    return unit * (n // len(unit))


CRAFTED = {
    "spaces inside a speaker's name": Crafted(ROW, lambda n: row(name=f"Marcus{' ' * n}Delacroix")),
    "spaces before a heading's text": Crafted("# Past Presentations", lambda n: f"#{' ' * n}Past Presentations"),
    "spaces inside a heading's text": Crafted("# Past Presentations", lambda n: f"# Past{' ' * n}Presentations"),
    "spaces after an hour": Crafted(TIME, lambda n: f"<br> Time: 10{' ' * n}x"),
    "spaces inside a title cell": Crafted(ROW, lambda n: row(title=f"T{' ' * n}x")),
    "a cell of opening parentheses": Crafted(ROW, lambda n: row(name=runs("(", n))),
    "spaces inside unclosed bold": Crafted(TITLE, lambda n: f"**a{' ' * n}b"),
    "spaces inside a bold title": Crafted(TITLE, lambda n: f"**Graph{' ' * n}Transformers**"),
    "spaces in the front matter's title": Crafted(FRONT_TITLE, lambda n: f"title: H{' ' * n}x"),
    "spaces before a cancel mark": Crafted(ROW, lambda n: row(title=f"Sparse{' ' * n}(cancelled) x")),
    "many cancel marks": Crafted(ROW, lambda n: row(title=runs("(cancelled ", n))),
    "letters in a room name": Crafted(PLACE, lambda n: f"<br>Location: Building {runs('a', n)} and Zoom"),
    "brackets without a closing": Crafted(SPEAKER, lambda n: f"<br>Speaker: [Elena](https://e.org/) {runs('[', n)}"),
    "link openings without a closing": Crafted(SPEAKER, lambda n: f"<br>Speaker: [Ann](https://e.org/){runs('<a', n)}"),
    "link targets without a closing": Crafted(ABOUT, lambda n: runs("[x](", n)),
    "an HTML block of brackets": Crafted(ABOUT, lambda n: f"<div>\n{runs('[', n)}\n</div>"),
    "spaces after the date of a heading's date line": Crafted(
        ABOUT, lambda n: f'### Ada Park - "Tides"\n\n*March 3, 2025{" " * n}- 4pm*\n\n### Bo Li\n\n*March 10, 2025*'
    ),
    "spaces after the hours that lead a quoted title": Crafted(
        ABOUT,
        lambda n: f'- Sep 5, 2026, 4:00 –{" " * n}5:00 pm: **Ann Lee** "Tides"\n- Sep 12, 2026: **Bo Li** (X) - Y',
    ),
    "unclosed suppression comments": Crafted(PAST, lambda n: runs("<!-- seminar-lint disable SEM001 ", n)),
    "spaces in an alignment row": Crafted(ALIGNMENT, lambda n: f"|---{' ' * n}x"),
    "spaces before a joining word": Crafted(ROW, lambda n: row(name=f"Ann{' ' * n}andrew")),
    "spaces before a label's colon": Crafted(PLACE, lambda n: f"<br>Location{' ' * n}x"),
    "spaces inside a bold label": Crafted("**Abstract**", lambda n: f"**Abstract{' ' * n}x"),
    "spaces inside unclosed code": Crafted(TITLE, lambda n: f"`a{' ' * n}b"),
    "code openings without a closing": Crafted(TITLE, lambda n: runs("`a ", n)),
    "stars without a closing": Crafted(TITLE, lambda n: runs("*a ", n)),
}


def page_with(crafted: Crafted, n: int) -> str:
    assert crafted.line in PAGE.split("\n"), crafted.line
    return PAGE.replace(crafted.line, crafted.replacement(n), 1)


def forget() -> None:
    """Empty every cache and page memo of the package, so that each run reads the page afresh."""
    forget_page()
    for name, module in list(sys.modules.items()):
        if name.startswith("seminar_cli"):
            for value in vars(module).values():
                if not isinstance(value, type) and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def seconds(path: Path, runs: int) -> float:
    """The best CPU time of some runs of `seminar lint` and `seminar show` on the page, in-process and afresh.

    CPU time, not wall time: with the tests on every CPU, a run that waits for one counts no longer."""
    best = float("inf")
    for _ in range(runs):
        forget()
        start = time.process_time()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert lean(["lint", "--today", "2026-12-04", str(path)]) in (0, 1)  # as the hook runs it
            show(str(path))  # `seminar show PAGE` past the parsing of its command line
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", CRAFTED)
def test_reading_and_linting_stay_linear_in_a_crafted_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / "seminar.md"
    path.write_text(PAGE, encoding="utf-8")
    alone = seconds(path, 3)
    times = []
    for n, runs in ((SMALL, 3), (LARGE, 2)):
        path.write_text(page_with(CRAFTED[name], n), encoding="utf-8")
        times.append(max(seconds(path, runs) - alone, 0.005))  # what the line costs; a floor keeps noise out
    small, large = times
    assert large / small < RATIO, f"{name}: {small:.4f}s at {SMALL:,} characters, {large:.4f}s at {LARGE:,}"


def schedule_of(count: int) -> str:
    """The example page with `count` schedule rows: half on one day (none the same talk), half out of order."""
    from datetime import date, timedelta

    rows = []
    for index in range(count):
        day = date(2026, 12, 17) if index % 2 else date(2026, 1, 1) + timedelta(days=index * 37 % 360)
        rows.append(row(name=f"Speaker {index}", title=f"Talk number {index}").replace("10-08-2026", f"{day:%m-%d-%Y}"))
    return PAGE.replace(ROW, "\n".join(rows), 1)


def test_lint_stays_linear_in_the_number_of_schedule_rows() -> None:
    from datetime import date

    from seminar_cli.api import parse_page
    from seminar_cli.lint import lint_page

    times = []
    for count in (500, 4000):
        text = schedule_of(count)
        page = parse_page(text)
        best = float("inf")
        for _ in range(2):
            forget()
            start = time.process_time()
            lint_page(page, today=date(2026, 12, 4), source=text)
            best = min(best, time.process_time() - start)
        times.append(best)
    small, large = times
    assert large / small < 20, f"{small:.3f}s for 500 rows, {large:.3f}s for 4,000 (linear: 8 times, quadratic: 64)"


def about_links(n: int) -> None:
    from seminar_cli.api import edit_text
    from seminar_cli.edit.requests import new_season

    edit_text(PAGE.replace(ABOUT, runs("[x](", n)), new_season(2027))


def joined_speakers(n: int) -> None:
    from seminar_cli.edit.compose import speakers_text
    from seminar_cli.model import Speaker

    speakers_text((Speaker("Ann", "https://a.org"), Speaker("Bo", "https://b.org")), f"[A](u){' ' * n}x [B](v)")


def hours(n: int) -> None:
    from datetime import time as clock

    from seminar_cli.edit.compose import range_text

    range_text(f"10{' ' * n}x", clock(10), clock(11))


def weekday_rule(n: int) -> None:
    from seminar_cli.edit.plan import parse_every

    parse_every("monday" + runs("andmonday", n) + "!")


def talk_file(text: str) -> None:
    from seminar_cli.outputs.talkfile import parse_talk_file

    parse_talk_file(text, "talk.md")


EDITS: dict[str, Callable[[int], None]] = {
    "new-season on link openings without a closing": about_links,
    "spaces between two speakers' links": joined_speakers,
    "spaces after the hour of a time line": hours,
    "a weekday rule of days joined without spaces": weekday_rule,
    "spaces in a talk file's heading": lambda n: talk_file(f"## Abstract{' ' * n}x\n"),
    "unclosed comments in a talk file": lambda n: talk_file("## Abstract\n" + runs("<!-- x ", n)),
}


@pytest.mark.parametrize("name", EDITS)
def test_edits_and_talk_files_stay_linear_in_a_crafted_value(name: str) -> None:
    from seminar_cli.errors import SeminarError

    times = []
    for n in (SMALL, LARGE):
        best = float("inf")
        for _ in range(2):
            forget()
            start = time.process_time()
            with contextlib.suppress(SeminarError):
                EDITS[name](n)
            best = min(best, time.process_time() - start)
        times.append(max(best, 0.005))
    small, large = times
    assert large / small < RATIO, f"{name}: {small:.4f}s at {SMALL:,} characters, {large:.4f}s at {LARGE:,}"

"""Whole-process benchmarks of `seminar`, side by side with a peer, written to benchmarks/RESULTS.md.

1. Start-up: `seminar lint` on the real pages against `mdformat --check` and
   `pymarkdown scan` on the same pages (the hooks a site would otherwise run), and
   `seminar --version`, `show`, `rotate --dry-run` and `export` on one example page, each
   against `python -c pass` (the floor): paired runs in a shuffled order each round,
   medians of wall and CPU time, and ratios of medians. `seminar` runs with its pattern
   cache in a folder of the run (warm after the first run, as on any machine after its
   first command); one row gives lint with the cache off.
2. parse + render, rotate, lint and add-talk (a dry run adding one talk) on generated pages of
   10, 100, 1,000, 10,000 and 50,000 talks: the best CPU time of some runs (user and system time of
   the process), the median wall time, peak memory (max RSS of the process) of each command, and
   the growth factor from each size to the next, also as the factor per tenfold growth of the page.
   The runs go round by round over every command and size, and a growth factor is the median of
   the ratios of runs of the same round, so that the machine's busy spells fall on both sides.

Usage: python benchmarks/run.py [--runs 21] [--sizes 10,100,1000,10000,50000] [--pages DIR] [--out FILE]
                               [--scaling-only] [--least 3]
Only the standard library is used (POSIX: CPU times come from `resource`); mdformat must be
installed for the peer, pymarkdown is used when installed (`pip install '.[bench]'`).
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TODAY = "2026-11-23"
EXAMPLE = REPO / "examples" / "ml-seminar-2026.md"
RSS = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
    "use = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(use.ru_maxrss, use.ru_utime + use.ru_stime); sys.exit(0 if code in (0, 1) else code)"
)
PARSE_RENDER = (
    "import sys; from seminar_cli.api import read_page, render_page; "
    "page = read_page(sys.argv[1]); assert render_page(page)"
)


def clocked(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU time (user + system) of one whole process, in seconds (its output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # microseconds, where os.times() counts clock ticks
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command[:3])} ... exited {code}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_and_cpu(command: list[str]) -> tuple[int, float]:
    """Peak resident memory (KiB) and CPU time (user and system, seconds) of one run of `command`."""
    out = subprocess.run([sys.executable, "-c", RSS, *command], capture_output=True, text=True, check=True)
    peak, cpu = out.stdout.split()
    return int(peak), float(cpu)


def walled(measure: Callable[[list[str]], tuple[int, float]], command: list[str]) -> tuple[float, tuple[int, float]]:
    """`measure(command)` and the wall time it took (the measuring process adds a few ms: nothing at these sizes)."""
    start = time.perf_counter()
    found = measure(command)
    return time.perf_counter() - start, found


def tool(name: str) -> str:
    """The console script `name` next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed: pip install -e '.[bench]'")
    return found


Command = tuple[list[str], dict[str, str] | None]


def startup_commands(pages: list[str], example: str, cache: str) -> dict[str, Command]:
    """The commands of the start-up comparison, by name; seminar with its pattern cache in `cache`."""
    warm = {**os.environ, "SEMINAR_CACHE_DIR": cache}
    seminar = tool("seminar")
    commands: dict[str, Command] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "seminar --version": ([seminar, "--version"], warm),
        "seminar lint": ([seminar, "lint", "--today", TODAY, *pages], warm),
        "seminar lint (pattern cache off)": ([seminar, "lint", "--today", TODAY, *pages],
                                             {**os.environ, "SEMINAR_CACHE_DIR": ""}),
        "mdformat --check": ([tool("mdformat"), "--check", *pages], None),
        "seminar show": ([seminar, "show", example], warm),
        "seminar rotate --dry-run": ([seminar, "rotate", "--dry-run", "--today", TODAY, example], warm),
        "seminar export": ([seminar, "export", example], warm),
    }  # fmt: skip
    if shutil.which("pymarkdown", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"):
        commands["pymarkdown scan"] = ([tool("pymarkdown"), "scan", *pages], None)
    return commands


def startup(commands: dict[str, Command], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU times of each command over paired runs, in a shuffled order each round."""
    for command, env in commands.values():  # warm the file cache, .pyc files and the pattern cache
        clocked(command, env)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    order = list(commands)
    chance = random.Random(7)
    for _ in range(runs):
        chance.shuffle(order)
        for name in order:
            samples[name].append(clocked(*commands[name]))
    return {
        name: (statistics.median(wall for wall, _ in values), statistics.median(cpu for _, cpu in values))
        for name, values in samples.items()
    }


COMMANDS = ("parse+render", "rotate", "lint", "add-talk")


Rounds = dict[tuple[int, str], list[float]]  # (talks, command) -> CPU time of each round, in round order


def scaling(sizes: list[int], runs: int, folder: Path, least: int = 3) -> tuple[list[dict[str, float]], Rounds]:
    """Best CPU time, median wall time and peak memory of each command for each page size; CPU time per round.

    The runs go round by round, each round one run of every command on every page that still
    has runs to make: a busy spell of the machine then slows every size of that round alike,
    and the growth from one size to the next is read from the runs of the same rounds (`growth`).
    """
    sys.path.insert(0, str(HERE))
    from genpage import page

    today = date(2026, 12, 31).isoformat()  # the day after the last talk: rotate moves it
    plans: list[tuple[dict[str, float], dict[str, list[str]], int]] = []
    for size in sizes:
        path = folder / f"page-{size}.md"
        path.write_text(page(size), encoding="utf-8")
        commands = {
            "parse+render": [sys.executable, "-P", "-c", PARSE_RENDER, str(path)],  # -P: not the repository's copy
            "rotate": [tool("seminar"), "rotate", str(path), "--today", today, "--check"],
            "lint": [tool("seminar"), "lint", "--today", today, str(path)],
            "add-talk": [
                tool("seminar"), "add-talk", str(path), "--date", "2027-01-06", "--speaker", "Ann Lee",
                "--affiliation", "State U", "--title", "A new talk", "--today", today, "--dry-run",
            ],
        }  # fmt: skip
        plans.append(({"talks": size, "bytes": path.stat().st_size}, commands, max(least, runs // (1 + size // 1000))))
    measured: dict[tuple[int, str], list[tuple[float, tuple[int, float]]]] = {}  # (wall, (peak, cpu)) of each run
    for round_ in range(max(repeat for _, _, repeat in plans)):
        for row, commands, repeat in plans:
            if round_ < repeat:
                for name, command in commands.items():
                    measured.setdefault((int(row["talks"]), name), []).append(walled(peak_and_cpu, command))
        print(f"  round {round_ + 1} done", flush=True)
    rows, rounds = [], {}
    for row, commands, _ in plans:
        for name in commands:
            runs_of = measured[int(row["talks"]), name]
            row[f"{name} s"] = statistics.median(wall for wall, _ in runs_of)
            row[f"{name} cpu"] = min(cpu for _, (_, cpu) in runs_of)
            row[f"{name} MiB"] = max(peak for _, (peak, _) in runs_of) / 1024
            rounds[int(row["talks"]), name] = [cpu for _, (_, cpu) in runs_of]
        rows.append(row)
        shown = ", ".join(f"{key} {value:.3f}" for key, value in row.items() if " " in key)
        print(f"  {int(row['talks']):>6} talks: {shown}")
    return rows, rounds


def growth(small: dict[str, float], large: dict[str, float], name: str, rounds: Rounds) -> tuple[float, float]:
    """How much the CPU time of command `name` grows from one page to the other, and that growth taken to ten
    times the talks: the median, over the rounds both pages ran in, of the ratio of their CPU times that round."""
    before, after = rounds[int(small["talks"]), name], rounds[int(large["talks"]), name]
    paired = [late / early for early, late in zip(before, after, strict=False)]
    factor = statistics.median(paired)
    return factor, factor ** (1 / math.log10(large["talks"] / small["talks"]))


def versions() -> str:
    names = ["seminar-cli", "mdformat", "pymarkdownlnt", "typer", "mistune", "rich", "python-dateutil", "icalendar"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def install_kind() -> str:
    """Where `seminar` runs from: a regular install (as the README's set-up makes) or an editable one."""
    out = subprocess.run(
        [sys.executable, "-P", "-c", "import seminar_cli, sys; print(seminar_cli.__file__)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    location = out.stdout.strip()
    return "editable install (the repository)" if str(REPO) in location else "regular install (site-packages)"


def command_line() -> str:
    """The options this run was given (but where it writes)."""
    words, shown = iter(sys.argv[1:]), []
    for word in words:
        if word == "--out":
            next(words, None)
        elif not word.startswith("--out="):
            shown.append(word)
    return " ".join(shown)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


# The targets: lint against the floor and its peer, the other commands against the floor.
TARGETS = {
    ("seminar --version", "python -c pass"): 2.0,
    ("seminar lint", "python -c pass"): 4.0,
    ("seminar lint", "mdformat --check"): 0.35,
    ("seminar show", "python -c pass"): 12.0,
    ("seminar rotate --dry-run", "python -c pass"): 12.0,
    ("seminar export", "python -c pass"): 12.0,
}


def startup_lines(peer: dict[str, tuple[float, float]], pages: list[str], runs: int) -> list[str]:
    lines = [
        f"## Start-up: whole processes ({len(pages)} real pages for the linters, one example page for the others; "
        f"{runs} paired runs, medians)",
        "",
        "| command | wall time | CPU time |",
        "| --- | ---: | ---: |",
        *(f"| `{name}` | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms |" for name, (wall, cpu) in peer.items()),
        "",
        "| ratio | wall | CPU | target |",
        "| --- | ---: | ---: | ---: |",
    ]
    pairs = [
        *TARGETS,
        ("seminar lint (pattern cache off)", "python -c pass"),
        ("seminar lint (pattern cache off)", "mdformat --check"),
        ("seminar lint", "pymarkdown scan"),
    ]
    for name, floor in pairs:
        if name in peer and floor in peer:
            target = TARGETS.get((name, floor))
            wall, cpu = (peer[name][kind] / peer[floor][kind] for kind in (0, 1))
            lines.append(f"| `{name}` / `{floor}` | {wall:.2f} | {cpu:.2f} | {f'≤ {target:g}' if target else ''} |")
    return [*lines, ""]


def report(
    peer: dict[str, tuple[float, float]] | None,
    rows: list[dict[str, float]],
    rounds: Rounds,
    pages: list[str],
    runs: int,
) -> str:
    names = ", ".join(COMMANDS)
    lines = [
        "# Benchmark results",
        "",
        f"Run on {date.today().isoformat()} with `python benchmarks/run.py {command_line()}`.",
        "",
        f"- Machine: {machine()}",
        f"- Versions: {versions()}",
        f"- seminar from a {install_kind()}",
        "",
    ]
    if peer is not None:
        lines += startup_lines(peer, pages, runs)
    lines += [
        "## Growth with the size of the page (generated pages, whole processes)",
        "",
        "CPU time is the best of the runs (user and system time of the process), wall time their median;",
        "add-talk is a dry run that adds one talk.",
        "",
        f"| talks | page | {' | '.join(f'{name} CPU / wall' for name in COMMANDS)} | peak memory ({names}) |",
        "| ---: | ---: | " + " | ".join("---:" for _ in COMMANDS) + " | ---: |",
    ]
    for row in rows:
        times = " | ".join(f"{row[f'{name} cpu']:.3f} / {row[f'{name} s']:.3f} s" for name in COMMANDS)
        peaks = " / ".join(f"{row[f'{name} MiB']:.0f}" for name in COMMANDS)
        lines.append(f"| {int(row['talks']):,} | {row['bytes'] / 1024:,.0f} KiB | {times} | {peaks} MiB |")
    lines += [
        "",
        "Growth of CPU time from each size to the next: the median, over the rounds both sizes ran in, of the ratio",
        "of their CPU times in the same round (the runs go round by round over every size and command, so a busy",
        "spell of the machine slows both sides of a ratio); in brackets as the factor for ten times the talks",
        "(growth ** (1 / log10(size ratio)); target: at most 11 for ten times the talks):",
        "",
        "| from → to | " + " | ".join(COMMANDS) + " |",
        "| --- | " + " | ".join("---:" for _ in COMMANDS) + " |",
    ]
    for small, large in itertools.pairwise(rows):
        factors = [growth(small, large, name, rounds) for name in COMMANDS]
        cells = " | ".join(f"{growth:.1f} ({tenfold:.1f})" for growth, tenfold in factors)
        lines.append(f"| {int(small['talks']):,} → {int(large['talks']):,} | {cells} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21, help="paired runs for the peer comparison")
    parser.add_argument("--sizes", default="10,100,1000,10000,50000", help="numbers of talks of the generated pages")
    parser.add_argument(
        "--pages", default=os.environ.get("SEMINAR_SHARED_PAGES", str(REPO.parent / "shared" / "pages"))
    )
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"), help="where to write the results")
    parser.add_argument("--scaling-only", action="store_true", help="only the growth with the size of the page")
    parser.add_argument("--least", type=int, default=3, help="fewest runs of a command on the biggest pages")
    args = parser.parse_args()
    pages = sorted(str(path) for path in Path(args.pages).glob("*.md") if path.name != "README.md")
    peer = None
    if not args.scaling_only:
        if not pages:
            raise SystemExit(f"no pages in {args.pages}")
        print(f"start-up on {len(pages)} pages and {EXAMPLE.name}, {args.runs} paired runs ...")
        with tempfile.TemporaryDirectory() as cache:
            peer = startup(startup_commands(pages, str(EXAMPLE), cache), args.runs)
        for name, (wall, cpu) in peer.items():
            print(f"  {name:<34} {wall * 1000:6.0f} ms wall {cpu * 1000:6.0f} ms CPU")
    print("scaling ...")
    with tempfile.TemporaryDirectory() as folder:
        rows, rounds = scaling([int(size) for size in args.sizes.split(",")], args.runs, Path(folder), args.least)
    Path(args.out).write_text(report(peer, rows, rounds, pages, args.runs), encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()

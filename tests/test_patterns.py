"""Patterns built from the compiled-pattern cache are the patterns `re.compile` makes, the model's
classes are made from its code, and the cache is written, read, refused and turned off as the module says."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

from seminar_cli import __version__, patterns

SAMPLES = ["", "Ann Lee", "**Speaker:** Ann", "| 01/20/2026 | Ann |", "Tue, Jan 20, 2026, 10:00-11:00 am ET", "é"]


def our_patterns() -> list[tuple[str, int]]:
    """Every pattern our modules compile at import, as (source, flags)."""
    import seminar_cli.api
    import seminar_cli.cli.runs
    import seminar_cli.lint.registry

    seminar_cli.lint.registry.all_rules()
    assert seminar_cli.api and seminar_cli.cli.runs
    cache = patterns._cache
    assert cache is not None
    return sorted(key for key in {*cache.held, *cache.fresh} if key[1] >= 0)  # not the model's code


def test_every_pattern_from_a_cache_entry_is_what_re_compile_makes() -> None:
    found = our_patterns()
    assert len(found) > 100
    for source, flags in found:
        entry = patterns.compile_entry(source, flags)
        assert patterns.compile_entry(source, flags) == entry  # the same compiler makes the same entry
        built, expected = patterns._from_entry(source, entry), re.compile(source, flags)
        assert (built.pattern, built.flags, built.groups, built.groupindex) == (
            expected.pattern, expected.flags, expected.groups, expected.groupindex,
        )  # fmt: skip
        for sample in SAMPLES:
            got, want = built.search(sample), expected.search(sample)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (source, sample)


def python(folder: str, *args: str) -> subprocess.CompletedProcess[str]:
    """A Python process run with `args` and the cache in `folder`; it must succeed."""
    env = {**os.environ, "SEMINAR_CACHE_DIR": folder}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, check=True)


def run(folder: str) -> subprocess.CompletedProcess[str]:
    """A process that compiles our patterns with the cache in `folder` and prints how many it compiled itself."""
    script = (
        "import seminar_cli.api, seminar_cli.lint.registry; from seminar_cli import patterns; "
        "print(len(patterns._cache.held), len(patterns._cache.fresh))"
    )
    return python(folder, "-c", script)


def counts(result: subprocess.CompletedProcess[str]) -> tuple[int, int]:
    held, fresh = result.stdout.split()
    return int(held), int(fresh)


def test_the_first_run_writes_the_cache_and_the_next_compiles_nothing(tmp_path: Path) -> None:
    folder = str(tmp_path / "cache")
    held, fresh = counts(run(folder))
    assert (held, fresh > 100) == (0, True)
    (written,) = Path(folder).iterdir()
    assert written.name.startswith(f"patterns-{__version__}-") and written.stat().st_mode & 0o077 == 0
    assert counts(run(folder)) == (fresh, 0)
    assert [path.name for path in Path(folder).iterdir()] == [written.name]  # no temporary file left


def test_a_damaged_cache_is_not_used_and_is_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    counts(run(str(folder)))
    (written,) = folder.iterdir()
    written.write_bytes(b"\x00not a cache")
    held, fresh = counts(run(str(folder)))
    assert held == 0 and fresh > 100
    assert counts(run(str(folder))) == (fresh, 0)


def test_an_entry_that_does_not_fit_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    _, fresh = counts(run(str(folder)))
    (written,) = folder.iterdir()
    entries = marshal.loads(written.read_bytes())
    entries[next(key for key in entries if key[1] >= 0)] = (0, [1, 2, 3], 0, {}, ())  # code the engine refuses
    written.write_bytes(marshal.dumps(entries))
    held, again = counts(run(str(folder)))
    assert held == fresh - 1 and again == 1  # the one bad entry dropped and compiled anew


@pytest.mark.skipif(not hasattr(os, "mkfifo") or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_folder_that_cannot_be_written_leaves_the_run_alone(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    assert counts(run(str(folder / "cache")))[1] > 100
    assert not list(folder.iterdir())


def test_a_cache_path_that_is_not_a_regular_file_is_never_written_through(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    run(str(tmp_path / "probe"))
    (probe,) = (tmp_path / "probe").iterdir()
    name = probe.name
    target = tmp_path / "elsewhere"
    (folder / name).symlink_to(target)
    counts(run(str(folder)))
    assert not target.exists() and (folder / name).is_symlink()
    os.unlink(folder / name)
    os.mkfifo(folder / name)
    assert counts(run(str(folder)))[0] == 0  # a FIFO is not read (nor does the run wait on it)
    assert (folder / name).exists() and not (folder / name).is_file()


def test_an_empty_cache_folder_setting_turns_the_cache_off(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import seminar_cli.api; from seminar_cli import patterns; print(patterns._cache.path)"],
        capture_output=True, text=True, check=True, env={**os.environ, "SEMINAR_CACHE_DIR": "", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.stdout.strip() == "None"
    assert not list(tmp_path.iterdir())


def test_the_model_s_methods_come_from_the_cache_and_work(tmp_path: Path) -> None:
    folder = str(tmp_path / "cache")
    script = (
        "from seminar_cli import patterns; from seminar_cli.model import Row; "
        "row = Row('', ('a',), True, '\\n'); assert (row.opened, row.text) == (True, '|a|\\n'); "
        "print(sum(key[1] == -1 for key in patterns._cache.held), sum(key[1] == -1 for key in patterns._cache.fresh))"
    )
    first, second = (python(folder, "-c", script).stdout.split() for _ in range(2))
    assert first[0] == "0" and int(first[1]) > 20
    assert second == [first[1], "0"]


def test_the_console_script_writes_the_cache_before_it_leaves(tmp_path: Path) -> None:
    """`seminar` leaves without Python's exit handlers (cli.entry.script): it writes the cache itself first."""
    folder = str(tmp_path / "cache")
    linted = python(folder, "-m", "seminar_cli", "lint", "--today", "2026-11-23", str(EXAMPLES / "ml-seminar-2026.md"))
    assert linted.stderr == "seminar lint: 1 page checked, no problems\n"
    held, fresh = counts(run(folder))
    assert held > 100 and fresh == 0


def test_save_writes_what_the_run_compiled_and_leaves_the_exit_handler_nothing(tmp_path: Path) -> None:
    folder = str(tmp_path / "cache")
    script = (
        "import os; from seminar_cli import patterns; patterns.compiled(r'(?P<probe>saved[ ]now)'); "
        "patterns.save(); print(len(patterns._cache.fresh), os.listdir(os.environ['SEMINAR_CACHE_DIR'])); "
        "os._exit(0)"
    )
    result = python(folder, "-c", script)
    (written,) = Path(folder).iterdir()
    assert result.stdout.split(" ", 1) == ["0", f"[{written.name!r}]\n"]
    assert ("(?P<probe>saved[ ]now)", 0) in marshal.loads(written.read_bytes())


def test_a_run_with_the_cache_compiles_no_pattern_of_its_own(tmp_path: Path) -> None:
    """Linting every example page builds each pattern from the cache: none is compiled anew."""
    folder = str(tmp_path / "cache")
    pages = []
    for path in sorted(EXAMPLES.glob("*.md")):  # away from our pyproject.toml, whose TOML reader compiles its own
        pages.append(str(tmp_path / path.name))
        (tmp_path / path.name).write_bytes(path.read_bytes())
    script = (
        "import os, re._compiler, sys\n"
        "made, compile, engine = [], re._compiler.compile, os.path.dirname(re.__file__)\n"
        "def counted(source, flags=0):\n"
        "    caller = sys._getframe(1)\n"
        "    while caller.f_code.co_filename.startswith(engine):\n"
        "        caller = caller.f_back\n"
        "    if 'seminar_cli' in caller.f_code.co_filename:\n"  # ours, not mistune's own patterns
        "        made.append(source)\n"
        "    return compile(source, flags)\n"
        "re._compiler.compile = counted\n"
        "from seminar_cli.cli.entry import main\n"
        "sys.argv = ['seminar', 'lint', '--today', '2026-11-23', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(repr(made), file=sys.__stderr__)\n"
    )
    python(folder, "-c", script, *pages)  # the first run fills the cache
    second = subprocess.run(
        [sys.executable, "-c", script, *pages],
        capture_output=True, text=True, env={**os.environ, "SEMINAR_CACHE_DIR": folder},
    )  # fmt: skip
    assert second.stderr.splitlines()[-1] == "[]"

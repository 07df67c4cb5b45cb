"""The `seminar-lint` pre-commit hook, tested for real with `pre-commit run`, as a site's configuration uses it.

The project is copied as it is in the working tree (committed or not) into a temporary
git repository, which a site's `.pre-commit-config.yaml` names by its path and commit; all
runs share one pre-commit home, so the hook's environment is installed once.
The pages belong to a season long over (2020), so no rule that depends on today can
change the outcome as the years pass: the bad page has a weekday that does not match
its date, the good one has none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HOOK_PAGE

ROOT = Path(__file__).resolve().parents[1]
PAGE = HOOK_PAGE

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def project_copy(target: Path) -> Path:
    """The project's files as they are now (tracked and new, not ignored) in a fresh git repository."""
    try:
        listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    except subprocess.CalledProcessError:
        listed = [
            str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.is_file() and ".venv" not in path.parts
        ]
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "project as in the working tree", cwd=target)
    return target


def run_hook(
    project: Path, site: Path, home: Path, *files: str, hook: str = "seminar-lint"
) -> subprocess.CompletedProcess[str]:
    """Run one of the project's hooks on the site's files, the site's configuration naming the project's commit."""
    rev = git("rev-parse", "HEAD", cwd=project).strip()
    config = f"repos:\n- repo: {project}\n  rev: {rev}\n  hooks:\n  - id: {hook}\n"
    (site / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    command = [sys.executable, "-m", "pre_commit", "run", hook, "--files", *files]
    return subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, check=False, timeout=900)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project copy and one pre-commit home shared by the tests (pre-commit installs the hook once)."""
    pytest.importorskip("pre_commit")
    base = tmp_path_factory.mktemp("hook")
    return project_copy(base / "project"), base / "pre-commit-home"


def test_seminar_lint_hook_fails_on_a_bad_page_and_passes_on_a_good_one(
    tmp_path: Path, installed: tuple[Path, Path]
) -> None:
    project, home = installed
    site = tmp_path / "site"
    site.mkdir()
    (site / "bad.md").write_text(PAGE.format(weekday="Monday"), encoding="utf-8")
    (site / "good.md").write_text(PAGE.format(weekday="Thursday"), encoding="utf-8")
    (site / "README.md").write_text("# Our site\n\nNot a seminar page.\n", encoding="utf-8")
    git("init", "-q", cwd=site)
    git("add", "-A", cwd=site)

    failed = run_hook(project, site, home, "bad.md", "good.md", "README.md")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "bad.md:13:" in output and "SEM001 weekday-mismatch" in output
    assert "good.md:" not in output

    passed = run_hook(project, site, home, "good.md", "README.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_seminar_rotate_hook_moves_a_held_talk_and_then_passes(tmp_path: Path, installed: tuple[Path, Path]) -> None:
    """The opt-in fixer: the 2020 talk under Next has ended, so the hook rotates it (and fails, as fixers do)."""
    project, home = installed
    site = tmp_path / "site"
    site.mkdir()
    page = PAGE.format(weekday="Thursday").replace("# Schedule", "# Past Presentations\n\n# Schedule")
    (site / "seminar.md").write_text(page, encoding="utf-8")
    (site / "README.md").write_text("# Our site\n\nNot a seminar page.\n", encoding="utf-8")
    git("init", "-q", cwd=site)
    git("add", "-A", cwd=site)

    fixed = run_hook(project, site, home, "seminar.md", "README.md", hook="seminar-rotate")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "files were modified by this hook" in fixed.stdout
    text = (site / "seminar.md").read_text(encoding="utf-8")
    assert text.index("**Tide Gauges and Graphs**") > text.index("# Past Presentations")
    assert (site / "README.md").read_text(encoding="utf-8") == "# Our site\n\nNot a seminar page.\n"

    git("add", "-A", cwd=site)
    again = run_hook(project, site, home, "seminar.md", "README.md", hook="seminar-rotate")
    assert again.returncode == 0, again.stdout + again.stderr


@pytest.mark.parametrize("hook", ["seminar-lint", "seminar-rotate"])
def test_each_hook_passes_a_commit_of_markdown_that_is_no_seminar_page(tmp_path: Path, hook: str) -> None:
    """The hook's own command line, as pre-commit runs it on a commit that touches only the site's README."""
    import shlex

    yaml = pytest.importorskip("yaml")
    hooks = {entry["id"]: entry for entry in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    (tmp_path / "README.md").write_text("# Our site\n\nNot a seminar page.\n", encoding="utf-8")
    command = [str(Path(sys.executable).parent / "seminar"), *shlex.split(hooks[hook]["entry"])[1:], "README.md"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Our site\n\nNot a seminar page.\n"

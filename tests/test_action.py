"""The GitHub Action (action.yml): its steps, run as a runner runs them, on a site with a seminar page.

The action's shell steps run with bash in a fresh virtual environment, `$GITHUB_ACTION_PATH`
naming a copy of this repository (pip builds in the folder it installs), so `pip install`
installs the project itself. The environment sees the
test environment's packages (a `.pth` line) so that pip installs only the project and not its
dependencies again; the setup-python step is the runner's own and is only checked.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from conftest import HOOK_PAGE, REPO

PAGE = HOOK_PAGE + "\n# Past Presentations\n"
_INPUT = re.compile(r"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}")
_CONDITION = re.compile(r"^inputs\.([a-z-]+) == '([^']*)'$")


def action() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    loaded: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    return loaded


def filled(text: str, inputs: dict[str, str]) -> str:
    return _INPUT.sub(lambda match: inputs[match.group(1)], text)


def runs(step: dict[str, Any], inputs: dict[str, str]) -> bool:
    """Whether the runner runs a step: its `if:` (the only kind the action uses) holds."""
    condition = step.get("if")
    if condition is None:
        return True
    match = _CONDITION.match(condition)
    assert match, condition
    return inputs[match.group(1)] == match.group(2)


@pytest.fixture(scope="module")
def action_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The action's own folder, as the runner checks it out: the project without its caches."""
    target = tmp_path_factory.mktemp("action") / "seminar"
    skipped = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis")
    shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*skipped))
    return target


@pytest.fixture(scope="module")
def runner_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """PATH with a fresh virtual environment first, as setup-python leaves it."""
    venv = tmp_path_factory.mktemp("runner") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    site = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "test-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"


def run_action(site: Path, path: str, folder: Path, **given: str) -> list[subprocess.CompletedProcess[str]]:
    spec = action()
    inputs = {name: str(value.get("default", "")) for name, value in spec["inputs"].items()} | given
    done = []
    for step in spec["runs"]["steps"]:
        if "run" not in step or not runs(step, inputs):
            continue
        assert step["shell"] == "bash"
        env = {**os.environ, "PATH": path, "GITHUB_ACTION_PATH": str(folder), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        env |= {key: filled(str(value), inputs) for key, value in step.get("env", {}).items()}
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", filled(step["run"], inputs)]
        done.append(subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, timeout=300))
        if done[-1].returncode:
            break
    return done


def test_the_action_is_a_composite_with_its_inputs() -> None:
    spec = action()
    assert spec["runs"]["using"] == "composite"
    assert set(spec["inputs"]) == {"pages", "python-version", "rotate"}
    setup = spec["runs"]["steps"][0]
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"


def test_the_action_rotates_only_when_asked() -> None:
    spec = action()
    defaults = {name: str(value.get("default", "")) for name, value in spec["inputs"].items()}
    rotate = next(step for step in spec["runs"]["steps"] if "rotate" in step.get("run", ""))
    assert not runs(rotate, defaults) and runs(rotate, defaults | {"rotate": "true"})


def test_the_action_installs_itself_rotates_and_lints_with_annotations(
    tmp_path: Path, runner_path: str, action_path: Path
) -> None:
    """One run on a site with two pages: the good one lints clean, the other's wrong weekday fails the job."""
    site = tmp_path / "site"
    (site / "_events").mkdir(parents=True)
    good, bad = site / "_events" / "harbor-seminar-2020.md", site / "_events" / "bay-seminar-2020.md"
    good.write_text(PAGE.format(weekday="Thursday"), encoding="utf-8")
    bad.write_text(PAGE.format(weekday="Monday"), encoding="utf-8")
    install, rotate, lint = run_action(site, runner_path, action_path, rotate="true")
    assert install.returncode == 0, install.stderr
    assert rotate.returncode == 0, rotate.stderr
    assert rotate.stdout.count("rotated into Past") == 2
    text = good.read_text(encoding="utf-8")
    assert text.index("**Tide Gauges and Graphs**") > text.index("# Past Presentations")
    assert lint.returncode == 1
    assert "::error file=_events/bay-seminar-2020.md,line=" in lint.stdout
    assert "harbor-seminar-2020.md" not in lint.stdout


def test_the_readme_names_the_release_of_this_version() -> None:
    """`rev: vX` (pre-commit), `@vX` (the action, pip): one release, the package's own version."""
    from seminar_cli import __version__

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"rev: (v[\d.]+)", readme) + re.findall(r"seminar@(v[\d.]+)", readme)
    assert len(named) >= 3 and set(named) == {f"v{__version__}"}
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{__version__}"' in pyproject

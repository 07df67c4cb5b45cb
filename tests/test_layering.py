"""The architecture holds: imports go one way down the layers of STYLE.md, and typer and rich stay in cli/.

Every import of every module is read with `ast`, those inside functions included. A
module may import from its own folder and from folders above it in `LAYERS`, never
from one below; folders import each other without cycles; only `cli/` imports typer or rich.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = "seminar_cli"
# The folders (and top-level modules) of STYLE.md, top to bottom: each may import only from itself and above.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"__init__", "errors", "model", "patterns"}),
    frozenset({"text"}),
    frozenset({"read"}),
    frozenset({"edit"}),
    frozenset({"lint"}),
    frozenset({"outputs"}),
    frozenset({"files", "config"}),
    frozenset({"api"}),
    frozenset({"cli", "__main__"}),
)
UNITS = frozenset(name for layer in LAYERS for name in layer)
PRESENTATION = ("typer", "rich", "click")
TOP_MODULES_AT_MOST = 8


def unit_of(module: str) -> str:
    """The folder (or top-level module) a dotted module below the package belongs to: `read.dates` -> `read`."""
    return module.split(".")[0] if module else "__init__"


def layer_of(unit: str) -> int:
    return next(index for index, layer in enumerate(LAYERS) if unit in layer)


def module_name(root: Path, path: Path) -> str:
    """`read.dates` for seminar_cli/read/dates.py, `read` for seminar_cli/read/__init__.py, `` for the package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(root: Path, path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the file, function-level ones too; ours below the package."""
    module = module_name(root, path)
    is_package = path.name == "__init__.py"
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append((node.lineno, node.module or ""))
                continue
            base = module.split(".") if module else []
            if not is_package:
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            target = ".".join([*base, *([node.module] if node.module else [])])
            names = [".".join(filter(None, [target, alias.name])) for alias in node.names]
            found.extend((node.lineno, f"{PACKAGE}.{name}" if name else PACKAGE) for name in names)
    return found


def violations(root: Path) -> list[str]:
    """Every import that goes down the layers, reaches presentation outside cli/, or closes a cycle of folders."""
    problems: list[str] = []
    edges: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        module = module_name(root, path)
        unit = unit_of(module)
        where = path.relative_to(root.parent)
        for line, imported in imports_of(root, path):
            head = imported.split(".")[0]
            if head in PRESENTATION and unit != "cli":
                problems.append(f"{where}:{line}: imports {imported} outside cli/")
            if head != PACKAGE:
                continue
            target = unit_of(imported[len(PACKAGE) + 1 :])
            if target not in UNITS:  # a name the package itself defines: `from .. import __version__`
                target = "__init__"
            if target == unit:
                continue
            edges.setdefault(unit, set()).add(target)
            if layer_of(target) > layer_of(unit):
                problems.append(f"{where}:{line}: {unit} imports {imported}, a layer below it")
    problems.extend(f"a cycle between folders: {' -> '.join(cycle)}" for cycle in _cycles(edges))
    return problems


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        for target in sorted(edges.get(node, ())):
            if target == path[0]:
                found.append([*path, target])
            elif target not in path and len(path) < len(edges) + 1:
                visit(target, [*path, target])

    for start in sorted(edges):
        visit(start, [start])
    return found


def test_imports_go_one_way_down_the_layers() -> None:
    assert violations(REPO / PACKAGE) == []


def test_every_module_belongs_to_a_layer() -> None:
    units = {unit_of(module_name(REPO / PACKAGE, path)) for path in (REPO / PACKAGE).rglob("*.py")}
    assert units <= UNITS


def test_the_top_of_the_package_stays_small_and_names_say_what_modules_hold() -> None:
    top = sorted(path.name for path in (REPO / PACKAGE).glob("*.py"))
    assert len(top) <= TOP_MODULES_AT_MOST, top
    names = [path.stem for path in (REPO / PACKAGE).rglob("*.py")]
    assert not [name for name in names if name.endswith("_more") or name in ("utils", "helpers", "misc", "common")]


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        (
            "read/dates.py",
            "from ..edit.compose import escape_cell\n",
            "read imports seminar_cli.edit.compose.escape_cell",
        ),
        (
            "text/lines.py",
            "def later() -> None:\n    from ..read import dates\n",
            "text imports seminar_cli.read.dates",
        ),
        ("lint/report.py", "import rich\n", "imports rich outside cli/"),
        ("edit/style.py", "from ..cli import terminal\n", "edit imports seminar_cli.cli.terminal"),
    ],
)
def test_a_deliberate_violation_is_caught(tmp_path: Path, module: str, line: str, expected: str) -> None:
    """In a copy of the package, one import that breaks the rule makes the check fail, naming the line."""
    copy = tmp_path / PACKAGE
    shutil.copytree(REPO / PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + "\n" + line, encoding="utf-8")
    found = violations(copy)
    assert any(expected in problem and problem.startswith(f"{PACKAGE}/{module}:") for problem in found), found


def test_a_cycle_between_folders_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / PACKAGE
    shutil.copytree(REPO / PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "text" / "lines.py").write_text(
        (copy / "text" / "lines.py").read_text(encoding="utf-8") + "\nfrom ..read import dates\n", encoding="utf-8"
    )
    assert any(problem.startswith("a cycle between folders: read -> text -> read") for problem in violations(copy))

"""Golden outputs: what a command prints for a page (announce, plan, organizers list, export), as bytes.

One folder per case under tests/golden_output/: `cmd` (the arguments after `seminar`,
`{page}` and `{case}` standing for the page and the case's folder), `source`
(`examples/NAME` or `shared/NAME`), and the expected standard output: `expected.txt`
for our pages, `expected.lines` for real pages (line references into the page, see
golden_format, so that no real page's text is copied here). `pytest --update-goldens`
rewrites them; review with `git diff`.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, read, shared_page
from golden_format import decode, encode
from typer.testing import CliRunner

from seminar_cli.cli.app import app

GOLDEN = Path(__file__).parent / "golden_output"
CASES = sorted(path for path in GOLDEN.iterdir() if path.is_dir())


def _source(case: Path) -> tuple[Path, bool]:
    kind, _, name = (case / "source").read_text().strip().partition("/")
    return (shared_page(name), True) if kind == "shared" else (EXAMPLES / name, False)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_golden_output(case: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    source, real = _source(case)
    page = tmp_path / "page.md"
    shutil.copyfile(source, page)
    line = (case / "cmd").read_text().strip()
    args = [arg.replace("{page}", str(page)).replace("{case}", str(case)) for arg in shlex.split(line)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, f"{line}: exit {result.exit_code}\n{result.output}"
    output = result.stdout.replace(str(page), "PAGE")
    expected_file = case / ("expected.lines" if real else "expected.txt")
    if request.config.getoption("--update-goldens"):
        if real:
            expected_file.write_text(encode(read(source), output), encoding="utf-8")
        else:
            expected_file.write_bytes(output.encode("utf-8"))
    expected = decode(read(source), expected_file.read_text("utf-8")) if real else read(expected_file)
    assert output == expected
    assert page.read_bytes() == source.read_bytes()  # printing never edits the page


def test_there_are_golden_outputs_for_every_printing_command() -> None:
    commands = {(case / "cmd").read_text().split()[0] for case in CASES}
    assert commands >= {"announce", "plan", "organizers", "export"}

"""`seminar lint` and `seminar rules` on the command line: formats, exit codes, options, fixes,
suppression comments, configuration files, folders and files that are not seminar pages."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES, REPO, read
from lint_pages import NEXT, PAST, ROWS, line_of, page_text
from typer.testing import CliRunner

from seminar_cli.api import parse_page, render_page
from seminar_cli.config import find_config
from seminar_cli.lint import all_rules, default_today
from seminar_cli.model import Config

runner = CliRunner()
TODAY = ["--today", "2026-01-27"]
# Two mistakes: a weekday (fixable) and a row that disagrees with its block on the place.
BAD = page_text(
    next_talks=[NEXT.replace("Thursday, 01/29", "Friday, 01/29")],
    rows=[*ROWS[:3], ROWS[3].replace("| On Site", "| Virtual"), *ROWS[4:]],
)
WEEKDAY_LINE = line_of(BAD, "Friday, 01/29")
WEEKDAY_COLUMN = BAD.splitlines()[WEEKDAY_LINE - 1].index("Friday") + 1
ROW_LINE = line_of(BAD, "| 01-22-2026")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(__import__("seminar_cli.cli.app", fromlist=["app"]).app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_text_report_is_one_line_per_finding_and_a_summary_on_stderr(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    code, out, err = run("lint", *TODAY, str(page))
    assert code == 1
    assert out.splitlines() == [
        f"{page}:{WEEKDAY_LINE}:{WEEKDAY_COLUMN}: SEM001 weekday-mismatch "
        "'Friday' does not match 01/29/2026, which is a Thursday; expected 'Thursday'",
        f"{page}:{ROW_LINE}:16: SEM010 row-block-mismatch the schedule row's place 'Virtual' does not match its "
        f"talk block's 'Building 5, Room 12' (line {line_of(BAD, 'Room 12', 2)})",
    ]
    assert err == "seminar lint: 2 problems (2 errors) in 1 of 1 page; 1 fixable with --fix\n"


def test_json_report(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    code, out, _ = run("lint", *TODAY, "--format", "json", str(page))
    data = json.loads(out)
    assert code == 1
    assert [set(item) for item in data] == [{"path", "line", "column", "code", "name", "severity", "message"}] * 2
    assert [(item["code"], item["line"], item["severity"]) for item in data] == [
        ("SEM001", WEEKDAY_LINE, "error"),
        ("SEM010", ROW_LINE, "error"),
    ]


def test_github_report_has_workflow_commands_then_the_plain_report(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar, 2026.md", BAD)
    _, out, _ = run("lint", *TODAY, "--format", "github", str(page))
    lines = out.splitlines()
    escaped = str(page).replace(",", "%2C").replace(":", "%3A")
    assert lines[0].startswith(
        f"::error file={escaped},line={WEEKDAY_LINE},col={WEEKDAY_COLUMN},title=SEM001 weekday-mismatch::"
    )
    assert lines[1].startswith("::error ") and lines[2].startswith(f"{page}:{WEEKDAY_LINE}:{WEEKDAY_COLUMN}: SEM001")
    assert len(lines) == 4


def test_github_report_marks_warnings(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", page_text())
    _, out, _ = run("lint", "--today", "2026-01-30", "--format", "github", str(page))
    assert out.startswith("::warning file=") and "title=SEM020 next-talk-passed::" in out


def test_sarif_report(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    _, out, _ = run("lint", *TODAY, "--format", "sarif", str(page))
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in all_rules()]
    results = run_["results"]
    assert [(item["ruleId"], item["level"]) for item in results] == [("SEM001", "error"), ("SEM010", "error")]
    assert rules[results[0]["ruleIndex"]]["id"] == "SEM001"
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": WEEKDAY_LINE, "startColumn": WEEKDAY_COLUMN}


def test_clean_page_exits_0_and_says_so(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", page_text())
    assert run("lint", *TODAY, str(page)) == (0, "", "seminar lint: 1 page checked, no problems\n")
    code, out, _ = run("lint", *TODAY, "--format", "json", str(page))
    assert (code, json.loads(out)) == (0, [])


def test_exit_zero_keeps_the_report(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    code, out, _ = run("lint", *TODAY, "--exit-zero", str(page))
    assert code == 0 and len(out.splitlines()) == 2


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--select", "SEM001"], ["SEM001"]),
        (["--select", "SEM00"], ["SEM001"]),
        (["--select", "row-block-mismatch"], ["SEM010"]),
        (["--select", "SEM001,SEM010"], ["SEM001", "SEM010"]),
        (["--select", "SEM001", "--select", "SEM010"], ["SEM001", "SEM010"]),
        (["--ignore", "SEM001"], ["SEM010"]),
        (["--select", "ALL", "--ignore", "SEM010,weekday-mismatch"], []),
    ],
)
def test_select_and_ignore(tmp_path: Path, options: list[str], codes: list[str]) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    code, out, _ = run("lint", *TODAY, "--format", "json", *options, str(page))
    assert [item["code"] for item in json.loads(out)] == codes
    assert code == (1 if codes else 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lint", "--today", "2026-02-30", "x.md"], "seminar: --today: '2026-02-30' is not a date"),
        (["lint", "--select", "SEM999", "x.md"], "seminar: --select: unknown rule 'SEM999'"),
        (["lint", "--ignore", "nonsense", "x.md"], "seminar: --ignore: unknown rule 'nonsense'"),
        (["rules", "SEM999"], "seminar: rules: unknown rule 'SEM999'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith(message) and len(err.splitlines()) == 1


def test_no_paths_and_no_configured_pages_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("lint", *TODAY)
    assert code == 2
    assert "no pages to lint" in err and "pages = [...]" in err


def test_unreadable_page_exits_2_but_the_others_are_still_linted(tmp_path: Path) -> None:
    good = write(tmp_path, "good.md", page_text())
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x89PNG\x00")
    code, out, err = run("lint", *TODAY, str(tmp_path / "missing.md"), str(binary), str(good))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"seminar: {tmp_path / 'missing.md'}: no such file: expected the path of a markdown page",
        f"seminar: {binary}:1:5: is a binary file, not a markdown page: found a NUL byte",
        "seminar lint: 1 page checked, no problems; 2 files could not be read",
    ]


def test_markdown_that_is_not_a_seminar_page_is_skipped_quietly(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.md", "")
    code, out, err = run("lint", *TODAY, str(DATA / "not-a-seminar.md"), str(empty))
    assert (code, out) == (0, "")
    assert err == "seminar lint: 0 pages checked, no problems; 2 markdown files skipped (not a seminar page)\n"


def test_folders_are_searched_for_markdown(tmp_path: Path) -> None:
    write(tmp_path, "site/README.md", "# A site\n\nNothing to see.\n")
    write(tmp_path, "site/events/good.md", page_text())
    write(tmp_path, "site/.git/bad.md", BAD)  # hidden folders are left alone
    write(tmp_path, "site/node_modules/pkg/bad.md", BAD)
    code, _, err = run("lint", *TODAY, str(tmp_path / "site"))
    assert code == 0
    assert err == "seminar lint: 1 page checked, no problems; 1 markdown file skipped (not a seminar page)\n"
    bad = write(tmp_path, "site/events/bad.md", BAD)
    code, out, _ = run("lint", *TODAY, str(tmp_path / "site"))
    assert code == 1 and {line.split(":")[0] for line in out.splitlines()} == {str(bad)}


def test_fix_writes_only_the_fix_and_the_page_still_round_trips(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    code, out, err = run("lint", *TODAY, "--fix", str(page))
    after = read(page)
    assert after == BAD.replace("Friday, 01/29", "Thursday, 01/29")
    assert render_page(parse_page(after)) == after
    assert code == 1 and [line.split(": ")[1].split()[0] for line in out.splitlines()] == ["SEM010"]
    assert "fixed 1" in err
    mtime = page.stat().st_mtime_ns
    assert run("lint", *TODAY, "--fix", str(page))[0] == 1
    assert page.stat().st_mtime_ns == mtime  # nothing left to fix: the file is not written again


def test_fix_fills_a_tbd_row_keeping_its_padding(tmp_path: Path) -> None:
    text = page_text(rows=[*ROWS[:4], ROWS[4].replace("| Graph Methods for Tide Prediction |", "|  TBD  |"), ROWS[5]])
    page = write(tmp_path, "seminar.md", text)
    assert run("lint", *TODAY, "--fix", str(page))[0] == 0
    assert read(page) == text.replace("|  TBD  |", "|  Graph Methods for Tide Prediction  |")


def test_fix_keeps_crlf_line_endings(tmp_path: Path) -> None:
    text = BAD.replace("\n", "\r\n")
    page = write(tmp_path, "seminar.md", text)
    run("lint", *TODAY, "--fix", "--select", "SEM001", str(page))
    assert page.read_bytes() == text.replace("Friday, 01/29", "Thursday, 01/29").encode()


def test_suppression_comments(tmp_path: Path) -> None:
    row = BAD.splitlines(keepends=True)
    weekday, place = WEEKDAY_LINE - 1, ROW_LINE - 1
    next_line = [*row[:place], "<!-- seminar-lint disable-next-line SEM010 -->\n", *row[place:]]
    whole = ["<!-- seminar-lint disable weekday-mismatch, SEM010 -->\n", *row]
    ranged = [*row[:weekday], "<!-- seminar-lint disable SEM001 -->\n", row[weekday],
              "<!-- seminar-lint enable SEM001 -->\n", *row[weekday + 1 :]]  # fmt: skip
    wrong_line = [*row[: place - 1], "<!-- seminar-lint disable-next-line SEM010 -->\n", *row[place - 1 :]]
    for lines, codes in (  # a comment line inside a table also breaks it on GitHub Pages: SEM056 says so
        (next_line, ["SEM001", "SEM056"]),
        (whole, []),
        (ranged, ["SEM010"]),
        (wrong_line, ["SEM001", "SEM056", "SEM010"]),
    ):
        page = write(tmp_path, "seminar.md", "".join(lines))
        _, out, _ = run("lint", *TODAY, "--format", "json", str(page))
        assert [item["code"] for item in json.loads(out)] == codes


def test_configuration_in_pyproject_applies_to_pages_below_it(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "site"\n\n[tool.seminar]\nignore = ["SEM001"]\n')
    page = write(tmp_path, "events/seminar.md", BAD)
    _, out, _ = run("lint", *TODAY, "--format", "json", str(page))
    assert [item["code"] for item in json.loads(out)] == ["SEM010"]
    _, out, _ = run("lint", *TODAY, "--format", "json", "--select", "SEM001", str(page))
    assert [item["code"] for item in json.loads(out)] == []  # --select replaces, the configured ignore stays


def test_nearest_configuration_wins_and_lists_the_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "pyproject.toml", '[tool.seminar]\nignore = ["SEM001"]\n')
    write(tmp_path, "site/.seminar.toml", 'select = ["SEM001"]\npages = ["events/*.md"]\n')
    page = write(tmp_path, "site/events/seminar.md", BAD)
    monkeypatch.chdir(tmp_path / "site")
    code, out, _ = run("lint", *TODAY)
    assert code == 1 and out.startswith(f"{page}:{WEEKDAY_LINE}:{WEEKDAY_COLUMN}: SEM001")
    assert len(out.splitlines()) == 1


def test_configuration_values() -> None:
    from seminar_cli.config import _config

    config = _config(
        {"timezone": "America/Chicago", "meeting-day": "Tue", "hours": "3-4 pm", "past_order": "oldest-first"},
        "pyproject.toml",
    )
    assert (config.timezone, config.meeting_day, config.past_order) == ("America/Chicago", 1, "oldest-first")
    assert config.hours is not None and config.hours[0].hour == 15


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool.seminar]\ntimezone = 'Mars/Olympus'\n", "timezone = 'Mars/Olympus': unknown time zone"),
        ("[tool.seminar]\ntimzone = 'America/Chicago'\n", "unknown key 'timzone': expected 'timezone'"),
        ("[tool.seminar]\nmeeting-day = 'someday'\n", "expected a weekday such as 'Thursday'"),
        ("[tool.seminar\n", "is not valid TOML"),
        ("[tool.seminar]\nignore = ['\udcff']\n", "pyproject.toml:2:12: byte 0xff is not UTF-8 text"),
    ],
)
def test_bad_configuration_exits_2(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content.encode("utf-8", "surrogateescape"))
    page = write(tmp_path, "seminar.md", BAD)
    code, out, err = run("lint", *TODAY, str(page))
    assert (code, out) == (2, "")
    assert err.startswith(f"seminar: {tmp_path / 'pyproject.toml'}") and message in err


def test_a_pyproject_that_cannot_name_seminar_is_not_read(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "site"\n[tool.black\n')  # not TOML, and not ours
    page = write(tmp_path, "events/talks.md", BAD)
    code, out, _ = run("lint", *TODAY, "--format", "json", str(page))
    assert code == 1 and "SEM001" in {item["code"] for item in json.loads(out)}
    assert find_config(page).path is None
    write(tmp_path, "pyproject.toml", '[tool."semin\\u0061r"]\nignore = ["SEM001"]\n')  # an escape spells our name
    assert find_config(page).ignore == ("SEM001",)


def test_today_defaults_to_the_date_in_the_series_time_zone() -> None:
    page = parse_page(page_text())
    late_evening_in_new_york = datetime(2026, 1, 28, 3, 30, tzinfo=UTC)
    assert default_today(page, Config(), late_evening_in_new_york) == date(2026, 1, 27)
    assert default_today(page, Config(timezone="Europe/Berlin"), late_evening_in_new_york) == date(2026, 1, 28)
    assert find_config(EXAMPLES / "ml-seminar-2026.md").path is None  # our pyproject.toml has no [tool.seminar]


def test_our_examples_lint_clean() -> None:
    code, out, err = run("lint", "--today", "2026-11-23", str(EXAMPLES))
    assert (code, out) == (0, ""), out
    assert err == f"seminar lint: {len(list(EXAMPLES.glob('*.md')))} pages checked, no problems\n"


def test_rules_lists_every_rule_and_explains_one() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [rule.code for rule in all_rules()]
    _, out, _ = run("rules", "SEM001")
    assert out.splitlines()[0].split()[:4] == ["SEM001", "weekday-mismatch", "error", "fix"]
    assert "example:" in out
    _, out, _ = run("rules", "--json", "SEM01")
    assert [rule["code"] for rule in json.loads(out)] == ["SEM010", "SEM011", "SEM012", "SEM013", "SEM014"]


def test_readme_lists_every_rule() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"| {rule.code} | `{rule.name}` | {rule.severity} |" in readme, rule.code


def test_help_teaches() -> None:
    _, out, _ = run("lint", "--help")
    assert "Examples:" in out and "--today" in out and "--fix" in out and "Exit codes" in out


def test_lint_module_starts_without_heavy_imports() -> None:
    code = (
        "import sys, seminar_cli.cli.app, seminar_cli.cli.lint; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'mistune', 'dateutil')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_console_exit_codes(tmp_path: Path) -> None:
    good, bad = write(tmp_path, "good.md", page_text()), write(tmp_path, "bad.md", BAD)
    for path, expected in ((good, 0), (bad, 1), (tmp_path / "missing.md", 2)):
        result = subprocess.run(
            [sys.executable, "-m", "seminar_cli", "lint", *TODAY, str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == expected, result.stderr
        assert "Traceback" not in result.stderr


def test_past_blocks_untouched_by_lint(tmp_path: Path) -> None:
    """Linting never writes without --fix."""
    page = write(tmp_path, "seminar.md", page_text(past=PAST[::-1]))
    before = page.read_bytes()
    run("lint", *TODAY, str(page))
    assert page.read_bytes() == before


def test_a_page_named_twice_is_linted_once(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    _, out, err = run("lint", *TODAY, str(page), str(tmp_path), str(tmp_path / "." / "seminar.md"))
    assert len(out.splitlines()) == 2 and "in 1 of 1 page" in err


def test_fix_on_a_read_only_page_reports_it_and_keeps_the_findings(tmp_path: Path) -> None:
    page = write(tmp_path, "seminar.md", BAD)
    page.chmod(0o444)
    code, out, err = run("lint", *TODAY, "--fix", str(page))
    assert code == 2 and len(out.splitlines()) == 2
    assert f"seminar: {page}: is read-only; nothing was written" in err
    assert read(page) == BAD

"""Lint reports: text (`path:line:col: CODE name message`), JSON, GitHub workflow commands, SARIF."""

from __future__ import annotations

from collections.abc import Sequence

from .finding import Finding
from .registry import Rule

FORMATS = ("text", "json", "github", "sarif")


def as_text(findings: Sequence[Finding]) -> str:
    """One line per finding."""
    return "".join(
        f"{item.path}:{item.line}:{item.column}: {item.code} {item.name} {item.message}\n" for item in findings
    )


def as_json(findings: Sequence[Finding]) -> str:
    """A JSON list of objects with path, line, column, code, name, severity and message."""
    import json

    return json.dumps([item.data() for item in findings], indent=2, ensure_ascii=False) + "\n"


def as_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands (annotations on the pull request), then the plain report."""
    commands = "".join(
        f"::{item.severity} file={_property(item.path)},line={item.line},col={item.column},"
        f"title={_property(item.code + ' ' + item.name)}::{_data(item.message)}\n"
        for item in findings
    )
    return commands + as_text(findings)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def as_sarif(findings: Sequence[Finding], rules: Sequence[Rule]) -> str:
    """A SARIF 2.1.0 log, for code-scanning tools."""
    from .. import __version__

    index = {rule.code: position for position, rule in enumerate(rules)}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "seminar", "version": __version__, "rules": [_rule(rule) for rule in rules]}
                },
                "results": [_result(item, index) for item in findings],
            }
        ],
    }
    import json

    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "help": {"text": f"{rule.summary} Example: {rule.example}"},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"fixable": rule.fixable},
    }


def _result(item: Finding, index: dict[str, int]) -> dict[str, object]:
    from pathlib import Path  # only for SARIF

    path = Path(item.path)
    return {
        "ruleId": item.code,
        "ruleIndex": index.get(item.code, -1),
        "level": item.severity,
        "message": {"text": item.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": path.as_uri() if path.is_absolute() else path.as_posix()},
                    "region": {"startLine": item.line, "startColumn": item.column},
                }
            }
        ],
    }


def summary(
    findings: Sequence[Finding], checked: int, skipped: int, fixed: int, unreadable: int = 0, unwritten: int = 0
) -> str:
    """One line for stderr: how many problems, of which kind, in how many pages."""
    pages = _count(checked, "page")
    extra = _files_left(skipped, unreadable, unwritten)
    done = f"; fixed {fixed}" if fixed else ""
    if not findings:
        return f"seminar lint: {pages} checked, no problems{done}{extra}"
    errors = sum(1 for item in findings if item.severity == "error")
    fixable = sum(1 for item in findings if item.fix)
    kinds = ", ".join(
        part for part in (_count(errors, "error"), _count(len(findings) - errors, "warning")) if part[0] != "0"
    )
    hint = f"; {fixable} fixable with --fix" if fixable else ""
    with_problems = len({item.path for item in findings})
    return (
        f"seminar lint: {_count(len(findings), 'problem')} ({kinds}) in {with_problems} of {pages}{done}{hint}{extra}"
    )


def _files_left(skipped: int, unreadable: int, unwritten: int) -> str:
    """The end of the summary: files skipped, files that could not be read, fixes that could not be written."""
    parts = (
        (skipped, f"{_count(skipped, 'markdown file')} skipped (not a seminar page)"),
        (unreadable, f"{_count(unreadable, 'file')} could not be read"),
        (unwritten, f"the fixes of {_count(unwritten, 'page')} could not be written"),
    )
    return "".join(f"; {text}" for number, text in parts if number)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"

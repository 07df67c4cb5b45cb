"""`seminar lint`: rules with stable codes that catch the mistakes organizers make on seminar pages.

from seminar_cli.lint import lint_page
findings = lint_page(page, today=date(2026, 1, 27))

Files and folders are linted with `seminar_cli.api.lint_paths`.
"""

from __future__ import annotations

from .engine import Report, default_today, lint_page, lint_report
from .finding import Finding, Fix, Notice, TextEdit
from .registry import Rule, all_rules, select_rules

__all__ = [
    "Finding",
    "Fix",
    "Notice",
    "Report",
    "Rule",
    "TextEdit",
    "all_rules",
    "default_today",
    "lint_page",
    "lint_report",
    "select_rules",
]

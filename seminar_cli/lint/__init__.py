"""`seminar lint`: rules with stable codes that catch the mistakes organizers make on seminar pages.

from seminar_cli.lint import lint_page
findings = lint_page(page, today=date(2026, 1, 27))
"""

from __future__ import annotations

from ..config import Config, find_config
from .engine import LintResult, default_today, lint_page, lint_paths
from .finding import Edit, Finding, Fix
from .registry import Rule, all_rules, select_rules

__all__ = [
    "Config",
    "Edit",
    "Finding",
    "Fix",
    "LintResult",
    "Rule",
    "all_rules",
    "default_today",
    "find_config",
    "lint_page",
    "lint_paths",
    "select_rules",
]

"""The rule registry: every rule has a stable code, a name, a severity, a summary and an example."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..errors import UsageError
from ..model import Frozen, frozen
from .finding import Hit, Severity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .context import Context

Check = Callable[["Context"], Iterable[Hit]]


@frozen
class Rule(Frozen):
    """One lint rule: a small pure function of the page, today and the configuration."""

    code: str
    name: str
    severity: Severity
    summary: str
    example: str
    check: Check
    fixable: bool = False


_RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: Severity, *, summary: str, example: str, fixable: bool = False
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule `code`."""

    def register(check: Check) -> Check:
        _RULES[code] = Rule(code, name, severity, summary, example, check, fixable)
        return check

    return register


def all_rules() -> list[Rule]:
    """Every rule, by code."""
    from . import (  # noqa: F401  (they register)
        rules_listings,
        rules_markup,
        rules_order,
        rules_photos,
        rules_schedule,
        rules_season,
        rules_series,
        rules_tables,
        rules_talks,
        rules_time,
    )

    return [_RULES[code] for code in sorted(_RULES)]


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules `select` picks (all when empty) minus those `ignore` names; codes, prefixes or names."""
    rules = all_rules()
    chosen = [rule for rule in rules if not select or any(_matches(rule, word) for word in select)]
    for word in [*select, *ignore]:
        if not any(_matches(rule, word) for rule in rules):
            raise UsageError(
                f"unknown rule {word!r}",
                expected="a rule code such as SEM001, a code prefix such as SEM0, a rule name, or ALL "
                "(see `seminar rules`)",
            )
    return [rule for rule in chosen if not any(_matches(rule, word) for word in ignore)]


def _matches(rule: Rule, word: str) -> bool:
    word = word.strip()
    return word.upper() == "ALL" or rule.code.startswith(word.upper()) or rule.name == word.lower()


def split_codes(values: Iterable[str]) -> list[str]:
    """`["SEM001,SEM002", "SEM010"]` -> `["SEM001", "SEM002", "SEM010"]`."""
    return [word for value in values for word in value.replace(",", " ").split() if word]

"""In-page suppression with HTML comments (they do not show on the rendered page).

    <!-- seminar-lint disable SEM004 -->            from here to the end, or to a matching enable
    <!-- seminar-lint enable SEM004 -->
    <!-- seminar-lint disable-next-line SEM010 -->  the line after the comment only

Codes may be rule names too, several separated by spaces or commas; none means every rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Frozen, frozen
from ..patterns import DOTALL, IGNORECASE, compiled
from .finding import Finding

# An unclosed comment is read to the end once (and ignored), not again from every opening after it.
_DIRECTIVE = compiled(r"<!--\s*+seminar-lint\s++(disable-next-line|disable|enable)\b(.*?)(-->|\Z)", DOTALL | IGNORECASE)
_ALL = "*"


@frozen
class Quiet(Frozen):
    """Lines `first`..`last` (inclusive; `last` None for the end) where `word` is off."""

    word: str
    first: int
    last: int | None

    def covers(self, finding: Finding) -> bool:
        """True when this suppression silences the finding."""
        if finding.line < self.first or (self.last is not None and finding.line > self.last):
            return False
        return self.word in (_ALL, finding.code.lower(), finding.name.lower())


def quiet_ranges(text: str) -> list[Quiet]:
    """The suppressions the page's comments declare."""
    found: list[Quiet] = []
    open_: dict[str, int] = {}
    line, counted = 1, 0  # lines are counted as the matches go: linear in the page
    for match in _DIRECTIVE.finditer(text):
        if not match.group(3):
            break  # no `-->` closes this comment
        start_line = line = line + text.count("\n", counted, match.start())
        end_line = line = line + text.count("\n", match.start(), match.end())
        counted = match.end()
        words = [word.lower() for word in match.group(2).replace(",", " ").split()] or [_ALL]
        action = match.group(1).lower()
        for word in words:
            if action == "disable-next-line":
                found.append(Quiet(word, end_line + 1, end_line + 1))
            elif action == "disable":
                open_.setdefault(word, start_line)
            elif word == _ALL:
                found.extend(Quiet(key, first, end_line) for key, first in open_.items())
                open_.clear()
            elif word in open_:
                found.append(Quiet(word, open_.pop(word), end_line))
    found.extend(Quiet(word, first, None) for word, first in open_.items())
    return found


def unsuppressed(findings: Iterable[Finding], text: str) -> list[Finding]:
    """The findings no comment of the page silences."""
    ranges = quiet_ranges(text)
    return [finding for finding in findings if not any(quiet.covers(finding) for quiet in ranges)]

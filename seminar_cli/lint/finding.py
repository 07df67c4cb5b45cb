"""What lint reports: a finding with its position and, for some rules, a safe fix as exact text edits."""

from __future__ import annotations

from ..model import Frozen, frozen

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    Severity = Literal["error", "warning"]
else:  # annotations are not evaluated at run time
    Severity = str


@frozen
class TextEdit(Frozen):
    """Replace `old` by `new` at `line`:`column` (1-based) of the page's source text."""

    line: int
    column: int
    old: str
    new: str


@frozen
class Fix(Frozen):
    """A safe fix: what it does, in words, and the text edits that do it."""

    description: str
    edits: tuple[TextEdit, ...]


@frozen
class Hit(Frozen):
    """What one rule found at one place: the engine adds the path, code, name and severity."""

    line: int
    column: int
    message: str
    fix: Fix | None = None


@frozen
class Notice(Frozen):
    """What lint tells of a page that is not a problem on it: no talk could be read there, say."""

    path: str
    message: str


@frozen
class Finding(Frozen):
    """One problem on a page: where, which rule, how bad, what was found and what was expected."""

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = None

    @property
    def key(self) -> tuple[str, int, str]:
        """What identifies a finding across a re-lint: code, line and message."""
        return (self.code, self.line, self.message)

    def data(self) -> dict[str, object]:
        """The finding as JSON-ready data."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
        }

"""How many of a property's examples get as far as its check.

A property that returns early on most of its examples (the text was refused, the fast path
did not apply) passes while checking almost nothing. `Reach` counts the examples and those
that reached the assertions; the test asserts the share and records it (`pytest -v` prints it).
"""

from __future__ import annotations

from collections.abc import Callable


class Reach:
    """The examples a property drew, and how many of them reached its check."""

    def __init__(self, record: Callable[[str, object], None], least: float = 0.8) -> None:
        self.record = record
        self.least = least
        self.examples = 0
        self.checked = 0

    def example(self) -> None:
        """Count one example drawn (call it first thing in the property)."""
        self.examples += 1

    def reached(self) -> None:
        """Count one example that reached the assertions (call it just before them)."""
        self.checked += 1

    @property
    def share(self) -> float:
        """The share of the examples that reached the check (0 when none was drawn)."""
        return self.checked / self.examples if self.examples else 0.0

    def __str__(self) -> str:
        return f"{self.checked} of {self.examples} examples reached the check ({self.share:.0%})"

    def assert_enough(self, least: float | None = None) -> None:
        """Record the count; fail unless at least `least` (default: the counter's) of the examples reached the check."""
        self.record("reach", str(self))
        least = self.least if least is None else least
        assert self.examples > 0 and self.share >= least, f"{self}; at least {least:.0%} must"

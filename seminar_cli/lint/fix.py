"""Safe fixes: exact text edits on the source, each checked before anything is written.

A fix is kept only when the edited text still parses, renders back to itself, and a
new lint shows the finding gone and nothing new; otherwise the page is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import SeminarError
from ..model import Frozen, Page, frozen
from ..read.page import parse_page
from ..text.lines import split_lines
from ..text.render import render_page
from .finding import Finding, TextEdit

Relint = Callable[[Page, str], list[Finding]]


@frozen
class FixOutcome(Frozen):
    """The fixed text (None when nothing changed), what was fixed, what remains, what was refused."""

    text: str | None
    fixed: tuple[Finding, ...]
    findings: list[Finding]
    refused: tuple[Finding, ...]


def apply_edits(text: str, edits: Sequence[TextEdit]) -> str | None:
    """`text` with the edits made, or None when one does not find its old text where it says."""
    starts = [0]
    for line in split_lines(text):
        starts.append(starts[-1] + len(line))
    spans = []
    for edit in edits:
        if not 1 <= edit.line < len(starts):
            return None
        offset = starts[edit.line - 1] + edit.column - 1
        if text[offset : offset + len(edit.old)] != edit.old:
            return None
        spans.append((offset, offset + len(edit.old), edit.new))
    spans.sort(reverse=True)
    for (_, end, _), (next_start, _, _) in zip(spans[1:], spans, strict=False):
        if end > next_start:
            return None
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def fix_page(text: str, path: str | None, findings: list[Finding], relint: Relint) -> FixOutcome:
    """Apply the findings' fixes one at a time, last position first, keeping each only if it checks out."""
    current, remaining = text, findings
    fixed: list[Finding] = []
    refused: list[Finding] = []
    for finding in sorted(
        (item for item in findings if item.fix), key=lambda item: (item.line, item.column), reverse=True
    ):
        assert finding.fix is not None
        attempt = _attempt(current, path, finding, remaining, relint)
        if attempt is None:
            refused.append(finding)
            continue
        current, remaining = attempt
        fixed.append(finding)
    return FixOutcome(current if fixed else None, tuple(fixed), remaining, tuple(refused))


def _attempt(
    text: str, path: str | None, finding: Finding, findings: list[Finding], relint: Relint
) -> tuple[str, list[Finding]] | None:
    assert finding.fix is not None
    edited = apply_edits(text, finding.fix.edits)
    if edited is None or edited == text:
        return None
    try:
        page = parse_page(edited, path)
    except SeminarError:
        return None
    if render_page(page) != edited:
        return None
    after = relint(page, edited)
    before = {item.key for item in findings if item is not finding}
    if finding.key in {item.key for item in after} or not {item.key for item in after} <= before:
        return None
    return edited, after

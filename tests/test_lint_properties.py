"""Properties of lint over generated pages: it never fails, its positions are on the page,
and its fixes only ever leave a page that reads back to itself with the finding gone."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from reach import Reach
from strategies import PageSpec, mutated_pages, pages

from seminar_cli.api import parse_page, render_page
from seminar_cli.errors import SeminarError
from seminar_cli.lint import lint_page
from seminar_cli.lint.fix import apply_edits, fix_page

days = st.dates(min_value=date(2019, 1, 1), max_value=date(2031, 12, 31))


@given(pages(), days)
def test_findings_point_into_the_page_and_fixes_check_out(spec: PageSpec, today: date) -> None:
    page = parse_page(spec.text)
    findings = lint_page(page, today=today)
    lines = spec.text.split("\n")
    for finding in findings:
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
        if finding.fix:
            assert apply_edits(spec.text, finding.fix.edits) is not None
    outcome = fix_page(spec.text, None, findings, lambda again, source: lint_page(again, today=today, source=source))
    if outcome.text is not None:
        assert render_page(parse_page(outcome.text)) == outcome.text
        assert {item.key for item in outcome.findings}.isdisjoint(item.key for item in outcome.fixed)
    assert lint_page(page, today=today) == findings  # the same page, the same findings


def test_any_page_that_parses_lints_without_failing(reach: Reach) -> None:
    @given(mutated_pages(), days)
    def examples(text: str, today: date) -> None:
        reach.example()
        try:
            page = parse_page(text)
        except SeminarError:
            return
        reach.reached()
        lines = text.split("\n")
        for finding in lint_page(page, today=today):
            assert 1 <= finding.line <= len(lines), finding
            assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding

    examples()
    reach.assert_enough()

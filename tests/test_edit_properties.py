"""Edit locality and rotate idempotence over generated pages."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st
from reach import Reach
from strategies import PageSpec, pages

from seminar_cli.api import edit_text, parse_page
from seminar_cli.edit import rotate as rotation
from seminar_cli.edit import talks
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.errors import WriteRefusedError
from seminar_cli.model import Page
from seminar_cli.read.refs import TalkRef, talk_refs
from seminar_cli.read.zones import series_zone
from seminar_cli.text.lines import split_lines


def lines_of(text: str, ref: TalkRef) -> tuple[list[str], set[int]]:
    """The page's lines and the (0-based) indexes of the lines of `ref`'s block and row."""
    lines = split_lines(text)
    own: set[int] = set()
    if ref.entry is not None:
        own.add(ref.entry.line - 1)
    if ref.talk is not None:
        from seminar_cli.text.render import render_part

        length = len(split_lines("".join(render_part(part) for part in ref.talk.parts)))
        own.update(range(ref.talk.line - 1, ref.talk.line - 1 + length))
    return lines, own


def outside(lines: list[str], own: set[int]) -> list[str]:
    return [line for index, line in enumerate(lines) if index not in own]


def test_reschedule_touches_only_its_block_and_row(reach: Reach) -> None:
    @given(pages(), st.data())
    def examples(spec: PageSpec, data: st.DataObject) -> None:
        page = parse_page(spec.text)
        refs = talk_refs(page)
        assume(refs)
        reach.example()
        ref = data.draw(st.sampled_from(refs))
        new_day = data.draw(st.one_of(st.none(), st.dates(date(spec.year, 1, 1), date(spec.year, 12, 31))))
        location = data.draw(st.one_of(st.none(), st.sampled_from(["Room 9", "Hall B | East"])))

        def operation(page: Page, style: PageStyle) -> Edit:
            target = next(other for other in talk_refs(page) if other.line == ref.line)
            return talks.reschedule(page, style, target, day=new_day, location=location)

        try:
            result = edit_text(spec.text, operation)
        except WriteRefusedError as refusal:
            # Moving (or un-dating) the one row whose day is above 12 leaves every date of the schedule
            # reading either way, day or month first: refused rather than written as dates nothing settles.
            assert ref.entry is not None and ".date" in refusal.message, refusal
            entries = page.schedule.entries  # type: ignore[union-attr]
            dated = [entry.date for entry in entries if entry is not ref.entry and entry.date] + [new_day]
            assert all(day.day <= 12 for day in dated if day), refusal
            return
        reach.reached()
        before_lines, own = lines_of(spec.text, ref)
        after_lines = split_lines(result.after)
        assert len(after_lines) == len(before_lines)
        table = page.schedule.table  # type: ignore[union-attr]
        rows = set(range(table.line + 1, table.line + 1 + len(table.body)))
        # Outside the talk's block and the schedule's rows, every line stays where it was.
        for index, (one, other) in enumerate(zip(before_lines, after_lines, strict=True)):
            if index not in own and index not in rows:
                assert one == other, index
        # Among the rows, at most one line differs: the talk's row (which may have moved).
        old_rows = Counter(before_lines[index] for index in rows)
        new_rows = Counter(after_lines[index] for index in rows)
        assert (old_rows - new_rows).total() <= 1 and (new_rows - old_rows).total() <= 1
        if ref.entry is None:
            assert old_rows == new_rows

    examples()
    reach.assert_enough()


@given(pages(), st.integers(0, 400), st.integers(0, 23))
def test_rotate_is_idempotent_and_keeps_every_talk(spec: PageSpec, day: int, hour: int) -> None:
    page = parse_page(spec.text)
    tz = series_zone(page)
    now = datetime(spec.year, 1, 1, hour, tzinfo=tz) + timedelta(days=day)

    def operation(page: Page, style: PageStyle) -> Edit:
        return rotation.rotate(page, style, now=now, tz=tz)

    once = edit_text(spec.text, operation)
    twice = edit_text(once.after, operation)
    assert twice.after == once.after
    titles = sorted(talk.title for _, talk in page.talks())
    after = parse_page(once.after)
    kept = sorted(talk.title for _, talk in after.talks())
    assert kept == titles  # nothing is dropped: a page without Past gets one
    for section, talk in after.talks():
        if section.kind in ("next", "upcoming") and talk.when and talk.when.date:
            assert talk.when.date >= now.date() or (talk.when.date == now.date())


@given(pages(), st.data())
def test_cancel_touches_only_its_block_and_row(spec: PageSpec, data: st.DataObject) -> None:
    page = parse_page(spec.text)
    refs = talk_refs(page)
    assume(refs)
    ref = data.draw(st.sampled_from(refs))

    def operation(page: Page, style: PageStyle) -> Edit:
        target = next(other for other in talk_refs(page) if other.line == ref.line)
        return talks.cancel(page, style, target, remove=False)

    result = edit_text(spec.text, operation)
    before_lines, own = lines_of(spec.text, ref)
    after_lines = split_lines(result.after)
    assert len(after_lines) == len(before_lines)
    changed = {index for index, (one, other) in enumerate(zip(before_lines, after_lines, strict=True)) if one != other}
    assert changed <= own

"""Edit locality and rotate idempotence over generated pages."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st
from reach import Reach
from strategies import PageSpec, pages, talk_block

from seminar_cli.api import edit_text, parse_page
from seminar_cli.edit import rotate as rotation
from seminar_cli.edit import talks
from seminar_cli.edit.result import Edit
from seminar_cli.edit.style import PageStyle
from seminar_cli.errors import WriteRefusedError
from seminar_cli.model import Page, Section, Talk
from seminar_cli.read.refs import TalkRef, talk_refs
from seminar_cli.read.zones import series_zone, talk_end
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


def next_after_rotating(page: Page, now: datetime) -> list[str]:
    """The titles Next must hold after a rotation at `now`: unchanged when no talk has ended; else its
    talks still to come, else the earliest talk still to come under Upcoming (never a cancelled one)."""
    tz = series_zone(page)

    def to_come(section: Section) -> list[Talk]:
        return [talk for talk in section.talks if (end := talk_end(talk, tz)) is None or end > now]

    nexts, upcomings = page.sections_of("next"), page.sections_of("upcoming")
    if all(to_come(section) == list(section.talks) for section in (*nexts, *upcomings)):
        return [talk.title for talk in nexts[0].talks] if nexts else []
    staying = to_come(nexts[0]) if nexts else []
    held = [talk for talk in to_come(upcomings[0]) if not talk.cancelled] if upcomings else []
    if staying or not held:
        return [talk.title for talk in staying]
    return [min(held, key=lambda talk: talk.when.date if talk.when and talk.when.date else date.max).title]


def titles_to_come(page: Page, now: datetime) -> Counter[str]:
    """The titles of the talks under Next and Upcoming that have not ended at `now`."""
    tz = series_zone(page)
    sections = (*page.sections_of("next"), *page.sections_of("upcoming"))
    return Counter(
        talk.title for section in sections for talk in section.talks if (end := talk_end(talk, tz)) is None or end > now
    )


def test_rotate_is_idempotent_and_keeps_every_talk(reach: Reach) -> None:
    @given(st.one_of(pages(), pages(keep=("next", "upcoming", "schedule"))), st.data())
    def examples(spec: PageSpec, data: st.DataObject) -> None:
        reach.example()
        page = parse_page(spec.text)
        tz = series_zone(page)
        # Most rotations run at, or just after, the end of a talk under Next or Upcoming: where Next changes.
        ends = sorted({end for _, talk in page.talks() if (end := talk_end(talk, tz)) is not None})
        if ends and data.draw(st.integers(0, 3)) > 0:
            now = data.draw(st.sampled_from(ends)) + timedelta(minutes=data.draw(st.sampled_from([-1, 0, 1, 600])))
        else:
            start = datetime(spec.year, 1, 1, tzinfo=tz) + timedelta(days=data.draw(st.integers(0, 400)))
            now = start + timedelta(hours=data.draw(st.integers(0, 23)))

        def operation(page: Page, style: PageStyle) -> Edit:
            return rotation.rotate(page, style, now=now, tz=tz)

        once = edit_text(spec.text, operation)
        twice = edit_text(once.after, operation)
        reach.reached()
        assert twice.after == once.after
        titles = sorted(talk.title for _, talk in page.talks())
        after = parse_page(once.after)
        kept = sorted(talk.title for _, talk in after.talks())
        assert kept == titles  # nothing is dropped: a page without Past gets one
        for section, talk in after.talks():
            if section.kind in ("next", "upcoming") and talk.when and talk.when.date:
                assert talk.when.date >= now.date()
        assert [talk.title for talk in after.sections_of("next")[0].talks] == next_after_rotating(page, now)
        assert titles_to_come(after, now) == titles_to_come(page, now)  # promoted, not copied

    examples()
    reach.assert_enough()


@st.composite
def promotions(draw: st.DrawFn) -> tuple[str, list[str], datetime]:
    """A page whose earliest talk ends before the others (under Next, or under Upcoming with Next empty),
    the titles of its talks from the earliest, and a moment after that end and before any other."""
    year = draw(st.integers(2019, 2030))
    blocks = draw(
        st.lists(
            talk_block(year, "upcoming"), min_size=2, max_size=4, unique_by=(lambda b: b[1].day, lambda b: b[1].title)
        )
    )
    blocks.sort(key=lambda block: block[1].day)
    in_next = blocks[:1] if draw(st.booleans()) else []
    upcoming = draw(st.permutations(blocks[len(in_next) :]))
    lines = ["# Next Presentation", "", *(line for block, _ in in_next for line in (*block, ""))]
    lines += ["# Upcoming Presentations", ""]
    for block, _ in upcoming:
        lines += [*block, "", "---", ""]
    lines += ["# Past Presentations", ""] if draw(st.booleans()) else []
    text = "\n".join(lines)
    page = parse_page(text)
    first = next(talk for _, talk in page.talks() if talk.title == blocks[0][1].title)
    end = talk_end(first, series_zone(page))
    assert end is not None  # every generated talk has its day and time
    now = end + timedelta(minutes=draw(st.integers(0, 12 * 60)))  # before the next day's talks end
    return text, [spec.title for _, spec in blocks], now


def test_rotate_moves_the_earliest_upcoming_talk_into_next(reach: Reach) -> None:
    @given(promotions())
    def examples(promotion: tuple[str, list[str], datetime]) -> None:
        reach.example()
        text, titles, now = promotion
        tz = series_zone(parse_page(text))
        after = parse_page(edit_text(text, lambda page, style: rotation.rotate(page, style, now=now, tz=tz)).after)
        reach.reached()
        assert [talk.title for talk in after.sections_of("past")[0].talks] == titles[:1]
        assert [talk.title for talk in after.sections_of("next")[0].talks] == titles[1:2]
        assert sorted(talk.title for talk in after.sections_of("upcoming")[0].talks) == sorted(titles[2:])

    examples()
    reach.assert_enough()


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

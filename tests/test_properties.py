"""Properties over generated pages: exact round trip, and the parser reads what was written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reach import Reach
from strategies import PageSpec, mutated_pages, pages

from seminar_cli.api import parse_page, render_page
from seminar_cli.errors import SeminarError
from seminar_cli.outputs.data import page_data


@given(pages())
def test_generated_pages_round_trip(spec: PageSpec) -> None:
    page = parse_page(spec.text)
    output = render_page(page)
    assert output == spec.text
    assert page_data(parse_page(output)) == page_data(page)


@given(pages())
def test_parser_reads_what_the_generator_wrote(spec: PageSpec) -> None:
    page = parse_page(spec.text)
    talks = [(section.kind, talk) for section, talk in page.talks()]
    assert [(kind, talk.title) for kind, talk in talks] == [(t.section, t.title) for t in spec.talks]
    for (_, talk), expected in zip(talks, spec.talks, strict=False):
        assert talk.when is not None and talk.when.date == expected.day
        assert [speaker.name for speaker in talk.speakers] == expected.speakers
        assert talk.location == expected.location
        assert talk.abstract and talk.bio
    schedule = page.schedule
    assert schedule is not None
    rows = [(entry.date, entry.name, entry.title) for entry in schedule.entries]
    assert rows == [(row.day, row.name, row.title) for row in spec.rows]
    assert page.season_year == spec.year or page.front_matter is None


def refused_cleanly(error: SeminarError, text: str) -> None:
    """A refusal says what it found, and where it points is on the page."""
    assert error.message
    assert error.line is None or 1 <= error.line <= len(text.split("\n")) + 1, error


def test_any_text_round_trips_or_is_refused_cleanly(reach: Reach) -> None:
    @given(mutated_pages())
    def examples(text: str) -> None:
        reach.example()
        try:
            page = parse_page(text)
        except SeminarError as error:
            refused_cleanly(error, text)
            return
        reach.reached()
        assert render_page(page) == text

    examples()
    reach.assert_enough()


def test_mangled_pages_round_trip_or_are_refused_cleanly(reach: Reach) -> None:
    @given(pages(), st.data())
    def examples(spec: PageSpec, data: st.DataObject) -> None:
        reach.example()
        lines = spec.text.split("\n")
        for _ in range(data.draw(st.integers(1, 4))):
            index = data.draw(st.integers(0, len(lines) - 1))
            action = data.draw(st.sampled_from(["drop", "dup", "pipe", "star", "bracket", "cut"]))
            if action == "drop":
                del lines[index]
            elif action == "dup":
                lines.insert(index, lines[index])
            elif action == "pipe":
                lines[index] += " | x |"
            elif action == "star":
                lines[index] = "**" + lines[index]
            elif action == "bracket":
                lines[index] = lines[index].replace("]", "", 1)
            else:
                lines[index] = lines[index][: len(lines[index]) // 2]
            if not lines:
                lines = [""]
        text = "\n".join(lines)
        try:
            page = parse_page(text)
        except SeminarError as error:
            refused_cleanly(error, text)
            return
        reach.reached()
        assert render_page(page) == text

    examples()
    reach.assert_enough()

"""Properties over generated pages: exact round trip, and the parser reads what was written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from strategies import PageSpec, pages

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


@given(st.text(max_size=400))
def test_any_text_round_trips_or_is_refused_cleanly(text: str) -> None:
    try:
        page = parse_page(text)
    except SeminarError:
        return
    assert render_page(page) == text


@given(pages(), st.data())
def test_mangled_pages_round_trip_or_are_refused_cleanly(spec: PageSpec, data: st.DataObject) -> None:
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
    except SeminarError:
        return
    assert render_page(page) == text

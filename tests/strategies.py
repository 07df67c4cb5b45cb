"""Hypothesis strategies that write seminar pages from the markup's grammar.

Each generated page comes with what a reader would say it holds (talk titles,
dates, speakers, schedule rows), so tests can check the parser recovers them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from hypothesis import strategies as st

WORDS = (
    "Learning", "Neural", "Operators", "for", "Climate", "Graph", "Models", "Scalable", "Inference",
    "Quantum", "Surrogates", "Robust", "Data", "Sparse", "Physics", "Control", "Uncertainty", "Design",
    "Generative", "Materials", "Fusion", "Networks", "Kernel", "Methods", "Bayesian", "Optimization",
)  # fmt: skip
FIRST = ("Ada", "Bruno", "Chiara", "Dmitri", "Esi", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Zoë")
LAST = ("Okafor", "Lindqvist", "Marchetti", "Nakamura", "Osei", "Petrov", "Quintero", "Álvarez", "Brandt")
PLACES = ("Building 12, Room 204", "Hollis Hall (HH/310)", "Virtual (Zoom)", "MS Teams", "Room B-7 and Zoom")
WEEKDAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class TalkSpec:
    """What a generated talk block says."""

    title: str
    day: date
    speakers: list[str]
    location: str
    section: str


@dataclass
class RowSpec:
    """What a generated schedule row says."""

    day: date | None
    name: str
    title: str


@dataclass
class PageSpec:
    """A generated page's text and what it holds."""

    text: str
    year: int
    talks: list[TalkSpec] = field(default_factory=list)
    rows: list[RowSpec] = field(default_factory=list)


title_text = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(" ".join)
person = st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join)
trailing = st.sampled_from(["", "", "", " ", "  "])


@st.composite
def talk_block(draw: st.DrawFn, year: int, section: str) -> tuple[list[str], TalkSpec]:
    """The lines of one talk block in one of the markup's shapes."""
    title = draw(title_text)
    day = date(year, 1, 1) + timedelta(days=draw(st.integers(0, 360)))
    speakers = draw(st.lists(person, min_size=1, max_size=3, unique=True))
    location = draw(st.sampled_from(PLACES))
    weekday = WEEKDAY[day.weekday()]
    mmddyyyy = day.strftime("%m/%d/%Y")
    time_line = draw(
        st.sampled_from(
            [
                f"Time: 10:00 a.m. - 11 a.m. ET, {weekday}, {mmddyyyy}",
                f"Time: 10-11 a.m. ET, {weekday}, {mmddyyyy}",
                f"Time: {mmddyyyy}, 2:00 PM - 4:00 PM (ET)",
                f"Time: 11am - noon ET, {weekday}, {mmddyyyy}",
            ]
        )
    )
    links = [f"[{name}](https://example.org/{index})" for index, name in enumerate(speakers)]
    speaker_line = draw(
        st.sampled_from(
            [
                "Speaker: " + ", ".join(links),
                ", ".join(links),
                " and ".join(f'<a href="https://example.org/{i}">{name}</a>' for i, name in enumerate(speakers)),
            ]
        )
    )
    location_line = draw(st.sampled_from([f"Location: {location}", f"Room: {location}", location]))
    br = draw(st.sampled_from(["<br>", "<br> ", "<br/>"]))
    one_line = draw(st.booleans())
    lines = [f"**{title}**{draw(trailing)}"]
    if one_line:
        lines[0] += f"{br}{location_line}{br}{time_line}{draw(trailing)}"
        lines.append(f"{br}{speaker_line}")
    else:
        if draw(st.booleans()):
            lines.append("")
        order = draw(st.sampled_from([(location_line, time_line), (time_line, location_line)]))
        lines.extend(f"{br}{item}{draw(trailing)}" for item in (*order, speaker_line))
    if draw(st.booleans()):
        lines += ["", "|         |", "| ------- |", '| <img src="https://example.org/p.jpg" width="200" /> |']
        lines.append(f"| {speakers[0]} <br> Professor <br>Example University |")
    abstract_label = draw(st.sampled_from(["**Abstract**", "**Abstract:** ", "**Abstract:**"]))
    lines += ["", abstract_label] + ([""] if draw(st.booleans()) else []) + [draw(title_text) + "."]
    if draw(st.booleans()):
        lines += ["", draw(title_text) + "."]
    bio_label = draw(st.sampled_from(["**Bio**", "**Speaker's Bio**", "**Speaker Bio**", "**Bio:** "]))
    lines += ["", bio_label, f"{speakers[0]} works on {draw(title_text).lower()}."]
    if draw(st.booleans()):
        lines += ["", "> [slides](https://example.org/slides.pdf)"]
    return lines, TalkSpec(title, day, speakers, location, section)


HEADINGS = {
    "about": ["# About"],
    "next": ["# Next Presentation", "# Next Presentations", "## Next Talk", "# Next Tutorial"],
    "upcoming": ["# Upcoming Presentations", "# Upcoming Talks"],
    "past": ["# Past Presentations", "# Past Presentation", "# Past Talks"],
    "schedule": ["# Schedule", "# Schedule "],
    "organization": ["# Organization", "# Organizers"],
    "unknown": ["# Sponsors", "# Travel", "## Notes"],
}


@st.composite
def schedule_block(draw: st.DrawFn, year: int, yearless: bool) -> tuple[list[str], list[RowSpec]]:
    """A schedule table with some padding habit and date format (`MM/DD` only when the page names its year)."""
    fmt = draw(st.sampled_from(["%m-%d-%Y", "%m/%d/%Y"] + (["%m/%d"] if yearless else [])))
    pad = draw(st.sampled_from([" ", "  ", ""]))
    closed = draw(st.sampled_from([True, True, True, False]))
    header = ["Date", "Location", "Name", "Affiliation", "Talk"]
    rows: list[RowSpec] = []
    lines = [
        "|" + "|".join(f"{pad}{cell}{pad}" for cell in header) + "|",
        "|" + "|".join(draw(st.sampled_from([" :------------: ", " -------------- ", "---"])) for _ in header) + "|",
    ]
    days = sorted(draw(st.lists(st.integers(0, 360), max_size=6, unique=True)))
    settling = [offset for offset in days if (date(year, 1, 1) + timedelta(days=offset)).day > 12]
    if days and len(settling) < 2:
        # Days above 12 settle that the page writes its dates month first; two, so that one edit leaves one.
        days = sorted({*days, 349, 350})
    for offset in days:
        day = date(year, 1, 1) + timedelta(days=offset)
        tbd = day.day <= 12 and draw(st.integers(0, 9)) == 0  # the rows that settle the order keep their dates
        name, title = draw(person), draw(st.one_of(title_text, st.just("TBD")))
        cells = ["TBD" if tbd else day.strftime(fmt), draw(st.sampled_from(PLACES)), name, "Example University", title]
        line = "|" + "|".join(f"{pad}{cell}{pad}" for cell in cells)
        lines.append(line + ("|" if closed else "") + draw(trailing))
        rows.append(RowSpec(None if tbd else day, name, title))
    return lines, rows


@st.composite
def pages(draw: st.DrawFn, keep: tuple[str, ...] = ("next", "schedule")) -> PageSpec:
    """A whole page: front matter, sections in varied order (always those in `keep`), separators, comments, endings."""
    year = draw(st.integers(2019, 2030))
    spec = PageSpec("", year)
    lines: list[str] = []
    has_front = draw(st.booleans())
    if has_front:
        lines += ["---", "layout: default", f"title: Example Seminar Series {year} <br/> "]
        if draw(st.booleans()):
            lines.append("# a YAML comment")
        lines += [f"permalink: /events/example-seminar-{year}/", "---", draw(st.sampled_from(["", " "]))]
    kinds = draw(st.permutations(["about", "next", "upcoming", "past", "schedule", "organization", "unknown"]))
    kinds = [kind for kind in kinds if kind in keep or draw(st.booleans())]
    separator = draw(
        st.sampled_from([["", "---", ""], [""], ["", '<a href="#top"> &#10558; Back to top</a>', "", "---", ""]])
    )
    for kind in kinds:
        lines += [draw(st.sampled_from(HEADINGS[kind])), ""]
        if draw(st.integers(0, 4)) == 0:
            lines += ["<!---", "Keep the newest talk first.", "-->", ""]
        if kind in ("next", "upcoming", "past"):
            count = draw(st.integers(0, 1 if kind == "next" else 3))
            for index in range(count):
                block, talk = draw(talk_block(year, kind))
                lines += block
                lines += separator if index < count - 1 else [""]
                spec.talks.append(talk)
        elif kind == "schedule":
            block, rows = draw(schedule_block(year, yearless=has_front))
            lines += ["Please reach out if you would like to present.", "", *block, ""]
            spec.rows = rows
        elif kind == "organization":
            lines += ["<style>", "td, th {", "   border: none!important;", "}", "</style>", ""]
        else:
            prose = st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="<>`~|#*_[]-=")
            lines += [draw(st.text(prose, max_size=40)), ""]
        lines += ['<a href="#top"> &#10558; Back to top</a>', ""]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines)
    if draw(st.booleans()):
        text += newline
    spec.text = text
    return spec


# Markup that breaks or starts blocks when it lands inside a line of a page.
NOISE = (
    "|", "**", "[", "]", "(", ")", "<br>", "---", "# ", "#### Schedule", "<!--", "-->", "`", "```", "~~",
    "\t", "\r", "\ufeff", "TBD", "02/30/2026", "13/13/13", "12 a.m.", "<pre>", "</PRE>", "<div>", "> ", "- ",
)  # fmt: skip


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A generated page with a few lines dropped, duplicated, swapped or cut, or markup noise or any text put in."""
    lines = draw(pages()).text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "swap", "cut", "noise", "text"]))
        at = draw(st.integers(0, len(lines[index])))
        if action == "drop" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "cut":
            lines[index] = lines[index][:at]
        else:
            noise = draw(st.sampled_from(NOISE)) if action == "noise" else draw(st.text(max_size=12))
            lines[index] = lines[index][:at] + noise + lines[index][at:]
    return "\n".join(lines)

"""Write a seminar page of N talks in the current markup (fictional talks), for the benchmarks.

Usage: python benchmarks/genpage.py N > page.md
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

HEAD = """---
layout: default
title: Benchmark Seminar Series <br/>
description: Organized by the Benchmark Institute <br/>
             10am - 11am ET <br/>
permalink: /events/benchmark-seminar-{year}/
---

# About

A generated page for measuring how `seminar` scales.

<a href="#top"> &#10558; Back to top</a>

# Next Presentation

{next}
<a href="#top"> &#10558; Back to top</a>

---

# Schedule

| Date | Location | Name | Affiliation | Talk |
| :--: | :------: | :--: | :---------: | :--: |
{rows}
<a href="#top"> &#10558; Back to top</a>

# Past Presentations

{past}
<a href="#top"> &#10558; Back to top</a>
"""

BLOCK = """**Talk number {n} on learned surrogates**

<br>Location: Building {room}, Room 204 and Zoom
<br> Time: 10:00 a.m. - 11 a.m. ET, {weekday}, {day:%m/%d/%Y}
<br>Speaker: [Speaker {n}](https://people.example.org/s{n})

|         |
| ------- |
| <img src="https://people.example.org/s{n}/photo.jpg" width="200" /> |
| Speaker {n} <br> Research Scientist <br>Example University |

**Abstract**
Talk {n} studies surrogate models for expensive simulations and how far their predictions can be trusted.

**Bio**
Speaker {n} works on scientific machine learning at Example University.
"""


def page(talks: int, end: date = date(2026, 12, 30)) -> str:
    """A page with one talk a day, the last on `end`: one under Next, the others under Past (newest first).

    Pages of more than a year of talks keep earlier seasons' talks, which lint reports (as it should).
    """
    days = [end - timedelta(days=talks - 1 - index) for index in range(talks)]
    blocks = [
        BLOCK.format(n=index + 1, room=index % 50 + 1, weekday=day.strftime("%A"), day=day)
        for index, day in enumerate(days)
    ]
    rows = "\n".join(
        f"| {day:%m-%d-%Y} | On Site | Speaker {index + 1} | Example University | Talk number {index + 1} on learned "
        "surrogates |"
        for index, day in enumerate(days)
    )
    past = "\n---\n\n".join(reversed(blocks[:-1]))
    return HEAD.format(year=days[-1].year, next=blocks[-1], rows=rows + "\n", past=past)


if __name__ == "__main__":
    sys.stdout.write(page(int(sys.argv[1])))

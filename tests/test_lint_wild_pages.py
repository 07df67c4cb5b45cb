"""`seminar lint` on twenty other groups' real pages (../shared/pages-wild) reports only what a reader agrees with.

Every page is linted as of one fixed day. Each finding below was checked by reading the
page (and, for markup, by rendering it with kramdown, as GitHub Pages does); the test
holds the exact set, so a new finding on these pages, true or false, has to be looked at
and added here. Only codes and line numbers are stated; the pages' text stays there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import SHARED

from seminar_cli.api import lint_paths

WILD = SHARED.parent / "pages-wild"
TODAY = date(2026, 12, 1)

# gccl-rub: each abstract sits in a <details> block without markdown="1": kramdown leaves its
# blockquote and its arXiv link as literal text (SEM052), one finding per link line.
_DETAILS_LINKS = (
    25, 39, 53, 69, 83, 97, 111, 127, 143, 157, 171, 187, 201, 215, 229, 242, 253, 264, 289, 302, 315, 341,
    354, 365, 378, 393, 417, 430, 443, 456, 469, 482, 495, 508, 521, 534, 547, 560, 573, 586, 599, 612, 625,
    638, 651, 655, 668, 681,
)  # fmt: skip

EXPECTED: dict[str, set[tuple[str, int]]] = {
    # the programme runs oldest first, then lists 2021-03-12 above 2021-01-29 and 2020-12-04
    "algorithmicsociety__algorithmicsociety.github.io__seminar.md": {("SEM033", 37), ("SEM033", 40)},
    # an upcoming talk's title is the link `[TBA]()`, with an empty target
    "csml-cam__csml-cam.github.io__reading_group.md": {("SEM053", 26)},
    "gccl-rub__gccl-rub.github.io__seminars.md": {
        *(("SEM052", line) for line in _DETAILS_LINKS),
        ("SEM033", 384),  # 13/10/2020 above 30/10/2020 in a newest-first list (its slides say November)
        ("SEM033", 629),  # 20/12/2020 between 17/1/2020 and 6/12/2019 (its slides say December 2019)
    },
    # Feb 22, 2023 above Feb 23, 2023 in a newest-first table
    "isid-smu__isid-smu.github.io__seminars-2023.md": {("SEM033", 38)},
}


def wild_pages() -> list[Path]:
    """The real pages of other groups (none when the folder is absent)."""
    return sorted(path for path in WILD.glob("*.md") if path.name != "README.md") if WILD.is_dir() else []


def test_the_expected_pages_are_there() -> None:
    if not WILD.is_dir():
        pytest.skip(f"{WILD} is absent: the real pages live outside this repository")
    assert set(EXPECTED) <= {path.name for path in wild_pages()}


@pytest.mark.parametrize("path", wild_pages(), ids=lambda path: path.name[:40])
def test_lint_reports_only_what_a_reader_agrees_with(path: Path) -> None:
    result = lint_paths([str(path)], today=TODAY)
    assert result.errors == () and result.checked == (str(path),)
    found = {(finding.code, finding.line) for finding in result.findings}
    assert found == EXPECTED.get(path.name, set()), sorted(found ^ EXPECTED.get(path.name, set()))
    assert result.notices == ()  # a talk was read on every one of them

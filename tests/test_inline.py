"""The inline AST built without mistune for simple values is exactly mistune's."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from reach import Reach

from seminar_cli.read.inline import images, links, mistune_tokens, simple_tokens, strip_markup, unescape

# Words, punctuation, HTML tags and links the fast path reads itself (alone; side by side they can
# make an entity, an image or a tag it must notice), and markup and links it leaves to mistune.
PLAIN = [
    "Ann", "Lee", " ", "  ", "Dr.", ",", " and ", "(", ")", "é", "#", "|", ":", ";", "-", "'", "\"", "=", "/", "!",
    "&", "R&D", "amp;", "#10558;", "\t", "<br>", "<br/>", "<br />", "<b>", "</b>", "<a href=\"https://a.example\">",
    "<a href=x y>", "<span class='x'>", "</a>", "<img src=\"p.jpg\" width=\"200\" />", "  \n ",
]  # fmt: skip
MARKUP = [
    "**", "*", "_", "`", "~", "~~", "\\", "&amp;", "R&D;", "&#10558;", "<3", "< a>", "[", "]", "![", "](", "<", ">",
    "[n]", "[](u)", "[a!b](u)", "[x](y[z])", "[x][y]", "[R&D](u)", "[Ann](u v)", "[Ann](x(y))", "[Ann](<u>)",
    "![Ann](x(y))",
]  # fmt: skip
link_texts = st.builds(
    lambda label, url, image: f"![{label}]({url})" if image else f"[{label}]({url})",
    st.sampled_from(["Ann Lee", "Dr. A. B. Cee", " Bo ", "x (y)", "a-b"]),
    st.sampled_from(["https://a.example/p", "", "https://a.example/?a=1&b=2", "p.png", "https://a.example/~x?y=1"]),
    st.booleans(),
)
image_links = st.builds(
    lambda alt, src, url: f"[![{alt}]({src})]({url})",
    st.sampled_from(["", "Ann"]),
    st.sampled_from(["p.png", "https://a.example/p.jpg?h=1&w=2"]),
    st.sampled_from(["u", ""]),
)
pieces = st.lists(st.one_of(st.sampled_from(PLAIN), link_texts, image_links), max_size=8)


@st.composite
def values(draw: st.DrawFn) -> str:
    """A value of words, tags and links, one in ten or so with a piece only mistune reads put in."""
    parts = draw(pieces)
    if draw(st.integers(0, 9)) == 5:  # not 0, which hypothesis draws more often than one in ten
        parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from(MARKUP)))
    return "".join(parts)


def merged(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tokens with adjacent text runs joined (how text is cut into runs does not matter to a reader)."""
    out: list[dict[str, Any]] = []
    for token in tokens:
        token = dict(token)
        if "children" in token:
            token["children"] = merged(token["children"])
        if out and token["type"] == "text" and out[-1]["type"] == "text":
            out[-1] = {"type": "text", "raw": out[-1]["raw"] + token["raw"]}
        else:
            out.append(token)
    return out


def test_simple_values_read_exactly_as_mistune_reads_them(reach: Reach) -> None:
    @given(values())
    def examples(text: str) -> None:
        reach.example()
        simple = simple_tokens(text)
        if simple is None:
            return  # mistune reads it: nothing to compare
        reach.reached()
        assert merged(simple) == merged(mistune_tokens(text))

    examples()
    reach.assert_enough()


def test_the_values_of_real_pages_are_mostly_simple() -> None:
    for value in (
        "[Dr. Raphaël Pestourie](https://cse.example.edu/people/raphael-pestourie)",
        ' <a href="https://a.example/~anand/">Anand Rangarajan</a> and <a href="https://s.example/"> Sanjay Ranka </a>',
        "[![Yan Liu](https://img.example/liu.png?h=5114cd9b&itok=5Nt4keCd)](https://people.example/yan-liu)",
        '<img src="https://img.example/p.jpg" width="200" />',
        "The series (biweekly), run by the [AI group](https://a.example),\nmeets on Thursdays.  \nAll welcome.",
        "Thursday, October 16, 4:00 PM **[Postponed]**",
    ):
        assert simple_tokens(value) is not None
    assert [link.text for link in links(" <a href='u'>Ann</a> and [Bo](v)")] == ["Ann", "Bo"]
    assert [image.src for image in images('<a href="x"><img src="p.jpg" height="250"/></a><br>Ann')] == ["p.jpg"]
    assert strip_markup("[Ann](u) &amp; <b>Bo</b>") == "Ann & Bo"


MARKED = [
    "Ann", "Lee", "AI for science", "1.5", "é", " ", "  ", ",", ":", ".", "(", ")", "*", "**", "`", "_", "x y",
    "<style>", "<b>", "</b>", "[x](y)", "[", "]", '"', "\\", "\n", "  \n", "\n\t", "\t\n", "[Postponed]",
]  # fmt: skip
marked = st.lists(st.sampled_from(MARKED), min_size=1, max_size=10).map("".join)


def test_bold_emphasis_and_code_read_exactly_as_mistune_reads_them() -> None:
    drawn, compared = [], []

    @given(marked)
    def examples(text: str) -> None:
        drawn.append(text)
        simple = simple_tokens(text)
        if simple is not None:
            compared.append(text)
            assert merged(simple) == merged(mistune_tokens(text))

    examples()
    assert len(compared) >= len(drawn) / 5, f"{len(compared)} of {len(drawn)} examples read without mistune"


def test_the_usual_bold_emphasis_and_code_are_read_without_mistune() -> None:
    for value, kind in (
        ("**Speaker:** Ann Lee", "strong"),
        ("each half-day covers **AI for science** applications", "strong"),
        ("*Sparse Models*. Presented by Ann", "emphasis"),
        ("run `seminar lint` on it", "codespan"),
    ):
        simple = simple_tokens(value)
        assert simple is not None and kind in [token["type"] for token in simple], value
        assert merged(simple) == merged(mistune_tokens(value))
    for value in ("**Speaker:**Ann", "x**:a**", "` x `", "*a **b** c*", "**a*"):
        assert simple_tokens(value) is None, value  # left to mistune: emphasis it may or may not read


_REFERENCES = st.one_of(
    st.integers(0, 0x11FFFF).map(lambda number: f"&#{number};"),
    st.integers(0, 0x11FFFF).map(lambda number: f"&#x{number:x};"),
    st.integers(0, 0x11FFFF).map(lambda number: f"&#X{number:X}"),  # no semicolon: html reads it too
    st.sampled_from(
        [
            "&#10558;",
            "&#0000065;",
            "&amp;",
            "&amp",
            "&nbsp;",
            "&ouml;",
            "&",
            "&#",
            "&#;",
            "&#x;",
            "&bogus;",
            "R&D",
            "Q&A",
        ]
    ),
    st.text(alphabet="aAD ;#x1&<\t\n\r", max_size=4),
)


@given(st.lists(_REFERENCES, max_size=6).map("".join))
def test_unescape_reads_every_reference_as_html_does(text: str) -> None:
    assert unescape(text) == html.unescape(text)


def test_numbered_references_to_plain_characters_are_read_without_the_entity_table() -> None:
    code = (
        "import sys; from seminar_cli.read.inline import unescape; "
        "assert unescape('&#10558; Q&A & R&D: top &#x2934;') == '\u293e Q&A & R&D: top \u2934'; "
        "assert 'html.entities' not in sys.modules; "
        "assert unescape('&nbsp;') == '\\xa0' and 'html.entities' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@given(st.text(alphabet="ab_é1 -'\u0301\u00b2", max_size=12), st.text(alphabet="abé1\u00b2", min_size=1, max_size=3))
def test_a_whole_word_is_found_as_the_word_boundary_pattern_finds_it(text: str, word: str) -> None:
    from seminar_cli.read.compare import has_word

    assert has_word(text, word) == (re.search(rf"\b{re.escape(word)}\b", text) is not None)

"""The inline AST built without mistune for simple values is exactly mistune's."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from seminar_cli.read.inline import images, links, mistune_tokens, simple_tokens, strip_markup

FRAGMENTS = [
    "Ann", "Lee", " ", "  ", "Dr.", ",", " and ", "(", ")", "[", "]", "![", "](", "https://a.example/~x?y=1&z=2",
    "<a href=\"https://a.example\">", "</a>", "<img src=\"p.jpg\" width=\"200\" />", "<br>", "<br/>", "<b>", "<3",
    "< a>", "<a href=x y>", "**", "*", "_", "`", "~", "~~", "\\", "!", "&", "&amp;", "&#10558;", "é", "#", "|",
    ":", ";", "-", "'", "\"", "=", "/", "<", ">", "\t",
]  # fmt: skip
pieces = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)
links_like = st.builds(
    lambda label, url, image: f"[{'!' if image else ''}{label}]({url})" if not image else f"![{label}]({url})",
    st.sampled_from(["Ann Lee", "Dr. A. B. Cee", " Bo ", "", "x (y)", "a*b", "[n]"]),
    st.sampled_from(["https://a.example/p", "", "u v", "x(y)", "https://a.example/?a=1&b=2", "<u>"]),
    st.booleans(),
)
values = st.lists(st.one_of(pieces, links_like), max_size=5).map("".join)


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


@given(values)
def test_simple_values_read_exactly_as_mistune_reads_them(text: str) -> None:
    simple = simple_tokens(text)
    if simple is not None:
        assert merged(simple) == merged(mistune_tokens(text))


def test_the_values_of_real_pages_are_mostly_simple() -> None:
    for value in (
        "[Dr. Raphaël Pestourie](https://cse.example.edu/people/raphael-pestourie)",
        ' <a href="https://a.example/~anand/">Anand Rangarajan</a> and <a href="https://s.example/"> Sanjay Ranka </a>',
        "[![Yan Liu](https://img.example/liu.png?h=5114cd9b&itok=5Nt4keCd)](https://people.example/yan-liu)",
        '<img src="https://img.example/p.jpg" width="200" />',
    ):
        assert simple_tokens(value) is not None
    assert [link.text for link in links(" <a href='u'>Ann</a> and [Bo](v)")] == ["Ann", "Bo"]
    assert [image.src for image in images('<a href="x"><img src="p.jpg" height="250"/></a><br>Ann')] == ["p.jpg"]
    assert strip_markup("[Ann](u) &amp; <b>Bo</b>") == "Ann & Bo"


MARKED = [
    "Ann", "Lee", "AI for science", "1.5", "é", " ", "  ", ",", ":", ".", "(", ")", "*", "**", "`", "_", "x y",
    "<style>", "<b>", "</b>", "[x](y)", "[", "]", '"', "\\",
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

"""Where a sentence ends: the one rule for pages that write abstracts and bios one sentence per line.

A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets after it) followed
by a space and a capital letter. It never ends after an abbreviation (`Dr.`, `e.g.`,
`U.S.`, `Ph.D.`, `et al.`), an initial (`Rama K. Vasudevan`), a decimal or version
number (`3.5.`, `v2.1.`), or inside brackets or quotes: a sentence left unsplit is only
a long line, while a split after `Dr.` leaves the title alone on a line.
"""

from __future__ import annotations

from ..patterns import compiled

ABBREVIATIONS = frozenset(
    {
        "dr", "drs", "prof", "profs", "mr", "mrs", "ms", "mx", "jr", "sr", "st", "mt", "sen", "rep", "gov",
        "gen", "col", "capt", "lt", "sgt", "rev", "hon", "vs", "cf", "al", "fig", "figs", "eq", "eqs", "ref",
        "refs", "sec", "ch", "vol", "vols", "no", "nos", "pp", "inc", "ltd", "co", "corp", "dept", "univ",
        "assoc", "asst", "approx", "ca", "resp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    }
)  # fmt: skip
_TERMINAL = compiled(r"(?P<word>.*?)(?P<marks>[.!?]+)[\"”’')\]*_]*$")
_DOTTED = compiled(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")  # U.S, e.g, Ph.D, a.m
_NUMBER_WITH_POINT = compiled(r"\d\.\d")  # 3.5, v2.1
_OPENERS = "([{"
_CLOSERS = ")]}"


def sentences(paragraph: str) -> list[str]:
    """The sentences of one line of prose, split only where a sentence surely ends."""
    found: list[str] = []
    start = depth = 0
    quoted = False
    for index, char in enumerate(paragraph):
        depth, quoted = _nesting(char, depth, quoted)
        if depth == 0 and not quoted and _splits_at(paragraph, start, index):
            found.append(paragraph[start:index])
            start = len(paragraph) - len(paragraph[index:].lstrip())
    found.append(paragraph[start:])
    return [sentence for sentence in found if sentence.strip()]


def _splits_at(paragraph: str, start: int, index: int) -> bool:
    """True when the space at `index` (the first of a run) ends the sentence that began at `start`."""
    if not paragraph[index].isspace() or index == 0 or paragraph[index - 1].isspace():
        return False
    rest = paragraph[index:].lstrip()
    return bool(rest) and _ends_sentence(paragraph[start:index], rest)


def is_one_sentence(line: str) -> bool:
    """True for a line that is one whole sentence (it ends a sentence and holds no other end)."""
    text = line.strip()
    return bool(text) and text.endswith((".", "?", "!", '."', ".”", ".)")) and len(sentences(text)) == 1


def _nesting(char: str, depth: int, quoted: bool) -> tuple[int, bool]:
    """Bracket depth and whether a quotation is open, after `char`."""
    if char in _OPENERS:
        return depth + 1, quoted
    if char in _CLOSERS:
        return max(0, depth - 1), quoted
    if char == "“":
        return depth, True
    if char == "”":
        return depth, False
    if char == '"':
        return depth, not quoted
    return depth, quoted


def _ends_sentence(before: str, after: str) -> bool:
    """True when `before` ends a sentence and `after` starts the next one."""
    if not (after[0].isupper() or (after[0] in '“"([' and after[1:2].isupper())):
        return False
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    match = _TERMINAL.match(token)
    if match is None:
        return False
    if "." not in match.group("marks") or len(match.group("marks")) > 1:
        return True
    return not _abbreviated(match.group("word").lstrip("([{“\"'*_"))


def _abbreviated(word: str) -> bool:
    """True when a word before a period is an abbreviation, an initial or a number with a point."""
    acronym = len(word) > 1 and word.isupper()  # `CO.` is a place or an acronym ending a sentence, not `Co.`
    if (word.casefold() in ABBREVIATIONS and not acronym) or (len(word) == 1 and word.isalpha()):
        return True
    return bool(_DOTTED.fullmatch(word) or _NUMBER_WITH_POINT.search(word))

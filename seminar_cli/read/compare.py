"""Comparing what a schedule row and a talk block say, the way an organizer would.

Names match without titles (Dr., Prof.) and with initials; titles match without case,
spacing or punctuation; places only contradict when both are specific.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from sys import intern

from ..model import Speaker
from ..patterns import IGNORECASE, compiled
from .dates import is_tbd
from .memo import Memo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    PlaceKind = Literal["virtual", "onsite", "hybrid"]
else:  # annotations are not evaluated at run time
    PlaceKind = str

_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "phd", "jr", "sr"})
_HEAD_END = compiled(r"[:—–]| - ")
_NOT_WORD = compiled(r"[\W_]+")
_WORD_RUN = compiled(r"[^\W_]+")
_VIRTUAL = compiled(
    r"\b(virtual(ly)?|online|remote(ly)?|zoom|teams|webex|webinar|google meet|live ?stream(ed)?|streamed)\b", IGNORECASE
)
_HYBRID = compiled(r"\bhybrid\b", IGNORECASE)
_ONSITE = compiled(r"\b(on[- ]?site|in[- ]person|on campus)\b", IGNORECASE)
_PLACE = compiled(
    r"\b(building|bldg|room|rm|hall|auditorium|cent(er|re)|library|theat(er|re)|suite|floor|campus|lecture)\b|\d",
    IGNORECASE,
)
# Each run of letters or spaces is read once from its start, and a note in a cancel mark is at most
# 200 characters long: long runs on a page cost linear time.
_UNIT = compiled(r"(?<![a-z])[a-z]*+\d+[a-z0-9-]*+", IGNORECASE)
_CANCEL_MARK = compiled(
    r"(?:(?<!\s)\s++)?+[(\[]\s*+(cancel+ed|postponed|rescheduled)\b[^)\]]{0,200}+[)\]]\s*+$"
    r"|^\s*+(cancel+ed|postponed)\s*+:\s*+",
    IGNORECASE,
)
_PARENTHESES = compiled(r"\(([^)]*)\)")
_PLACEHOLDER = compiled(r"^(tbd|tba|tbc|to be (determined|announced|confirmed))\.?$", IGNORECASE)
_NICKNAME = compiled(
    r"^(?P<given>[^(\"“”'\s](?:[^(\"“”']*[^(\"“”'\s])?)\s*+[(\"“'](?P<nick>[^()\"“”']+)[)\"”']\s*+(?P<rest>\S.*)$"
)  # the given name ends with a letter and a run of spaces is read once: linear on long runs
_NAME_WORD = compiled(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|da|di|du|do|dos|das|del|della|van|von|der|den|ter|le|la|bin|ibn|al|el|y|e|zu))$"
)  # a capitalised word, an initial, or a particle of a family name (`de`, `van`, `al`)


@lru_cache(maxsize=4096)  # folding ASCII costs what a look-up does: a big cache would only hold memory
def fold(text: str) -> str:
    """Lower case without accents: `Raphaël` -> `raphael`."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a person's name without titles, punctuation or a part in parentheses."""
    cut = name.rfind(")") + 1  # no `(` after the last `)` closes: reading them would cost quadratic time
    outside = _PARENTHESES.sub(" ", name[:cut]) + name[cut:]  # `Ada Park (Harbor U)`
    return _words(outside) or _words(name)


def has_word(text: str, word: str) -> bool:
    """True when `word` (letters and digits) stands in `text` as a whole word, as the pattern `\\bword\\b` finds it."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _words(text: str) -> tuple[str, ...]:
    return tuple(word for word in _WORD_RUN.findall(fold(text)) if word not in _HONORIFICS)


def same_person(first: str, second: str) -> bool:
    """True when two written names can be the same person (`Dr. Kutyniok`, `S. V. Venkatakrishnan`)."""
    return any(_same_words(one, two) for one in _spellings(first) for two in _spellings(second))


@Memo
def _spellings(name: str) -> tuple[tuple[str, ...], ...]:
    """A name's words, and those outside and inside parentheses (`王晓明 (Xiaoming Wang)`), and with its nickname.

    A nickname in parentheses or quotes before the last name stands for the first name:
    `Ferdinando (Nando) Fioretto` is also `Nando Fioretto` and `Ferdinando Fioretto`.
    """
    inside = " ".join(_PARENTHESES.findall(name[: name.rfind(")") + 1]))
    spellings = [_words(name), name_tokens(name), _words(inside)]
    nickname = _NICKNAME.match(name)
    if nickname:
        rest = nickname.group("rest")
        spellings += [_words(f"{nickname.group('nick')} {rest}"), _words(f"{nickname.group('given')} {rest}")]
    # Each spelling once, its words shared with every other name's (a page's memo holds one entry per name).
    return tuple(dict.fromkeys(tuple(map(intern, words)) for words in spellings if words))


Agreement = tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]


def person_keys(name: str) -> Agreement:
    """What a name offers and looks for: `same_person` exactly when one's look-ups meet the other's offers."""
    offers: set[tuple[str, ...]] = set()
    wants: set[tuple[str, ...]] = set()
    for words in _spellings(name):
        last = words[-1]
        offers.add(("last", last))
        if len(words) == 1:  # a single word is the same person as any name ending with it
            offers.add(("alone", last))
            wants.add(("last", last))
        else:
            offers.add(("initial", last, words[0][0]))
            wants.update((("alone", last), ("initial", last, words[0][0])))
    return frozenset(offers), frozenset(wants)


def _same_words(one: tuple[str, ...], two: tuple[str, ...]) -> bool:
    if one[-1] != two[-1]:
        return False
    return one == two or len(one) == 1 or len(two) == 1 or one[0][0] == two[0][0]


def known_names(speakers: Iterable[Speaker]) -> list[str]:
    """The names of speakers that are not TBD."""
    return [speaker.name for speaker in speakers if speaker.name and not is_tbd(speaker.name)]


def share_someone(first: Iterable[str], second: Iterable[str]) -> bool:
    """True when some name of `first` is the same person as some name of `second`."""
    seconds = list(second)
    return any(same_person(one, two) for one in first for two in seconds)


def looks_like_name(text: str) -> bool:
    """True for `Ada Lovelace`, `S. V. Venkatakrishnan`; false for `Professor` or a sentence."""
    words = text.split()
    if not 2 <= len(words) <= 6 or any(char.isdigit() for char in text) or len(text) > 60:
        return False
    if any(len(word) > 3 and word.endswith(".") for word in words[:-1]):
        return False  # a sentence ends inside: `PhD Thesis Defence. Adventures in Formalisation`
    return all(_NAME_WORD.match(word) for word in words) and words[0][:1].isupper()


@Memo
def title_key(title: str) -> str:
    """A title's letters and digits only, folded: spacing, case, punctuation and a cancel mark do not count."""
    return _NOT_WORD.sub("", fold(_CANCEL_MARK.sub("", title)))


def is_known(text: str | None) -> bool:
    """True when a value says something (not empty, not TBD/TBA)."""
    return bool(text and text.strip() and not is_tbd(text))


def is_placeholder(text: str | None) -> bool:
    """True for a value left as TBD, TBA, TBC or 'to be announced'."""
    return bool(text and _PLACEHOLDER.match(text.strip()))


def last_names(names: Iterable[str]) -> set[str]:
    """The last words of every spelling of the names: two names are the same person only if these meet."""
    return {words[-1] for name in names for words in _spellings(name)}


def head_key(title: str) -> str:
    """The key of a title's part before its colon or dash (`Graph Transformers` of `Graph Transformers: ...`)."""
    return title_key(_HEAD_END.split(title, maxsplit=1)[0])


def title_keys(title: str) -> set[str]:
    """The keys two titles must share to be the same: the whole title's and its part before a colon."""
    return {key for key in (title_key(title), head_key(title)) if key}


def title_agreement(title: str) -> Agreement:
    """What a title offers and looks for: `same_title(earlier, later)` when later's look-ups meet earlier's offers."""
    key, head = title_key(title), head_key(title)
    if not key:
        return frozenset(), frozenset()
    offers = {("title", key)}
    wants = {("title", key), ("head", key)}
    if head and len(key) > len(head):  # the longer title's head names the shorter title
        offers.add(("head", head))
    if head and len(head) <= len(key):
        wants.add(("title", head))
    return frozenset(offers), frozenset(wants)


def same_title(first: str, second: str) -> bool:
    """True when two titles are the same, or one is the other's part before its colon."""
    one, two = title_key(first), title_key(second)
    if not one or not two:
        return False
    if one == two:
        return True
    short, long = sorted((first, second), key=lambda title: len(title_key(title)))
    return head_key(long) == title_key(short)


def place_kind(text: str | None) -> PlaceKind | None:
    """Whether a place is virtual, on site or hybrid; None when it does not say (or is TBD)."""
    if not is_known(text):
        return None
    assert text is not None
    virtual = bool(_VIRTUAL.search(text))
    physical = bool(_ONSITE.search(text) or _PLACE.search(text))
    if _HYBRID.search(text) or (virtual and physical):
        return "hybrid"
    if virtual:
        return "virtual"
    return "onsite" if physical else None


def places_contradict(row: str | None, block: str | None) -> bool:
    """True only for a real contradiction: virtual against on site, or two different rooms."""
    kinds = {place_kind(row), place_kind(block)}
    if kinds == {"virtual", "onsite"}:
        return True
    if None in kinds or "virtual" in kinds:
        return False
    assert row is not None and block is not None
    row_units = {unit.lower() for unit in _UNIT.findall(row)}
    block_units = {unit.lower() for unit in _UNIT.findall(block)}
    return bool(row_units and block_units and not (row_units <= block_units or block_units <= row_units))

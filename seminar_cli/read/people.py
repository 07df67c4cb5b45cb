"""Who, what and where inside one cell or line: speakers and their affiliation, a title, a place, a status.

The patterns people write: `Name (Affiliation)`, `Name, Affiliation`, several speakers joined
by `and`, `&`, commas or `<br>`; `Title (Speaker)`, `(Speaker) Title`, `Title by Speaker`,
`Title. Presented by Speaker.`, `Speaker: Title`, `date - Title - Speaker`, `*Title*`,
`"Title"`; and the marks of a slot without a talk (`Cancelled`, `~~…~~`, `[Postponed]`,
`No seminar`, `Finals week`, `TBD`).
"""

from __future__ import annotations

from functools import lru_cache
from sys import intern

from ..model import EntryStatus, Frozen, Speaker, frozen
from ..patterns import DOTALL, IGNORECASE, compiled
from . import inline
from .compare import looks_like_name
from .dates import is_tbd

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

_CAPITAL_WORD = compiled(r"[A-Z][\w'’-]+")
_LINK_END = compiled(r"\]\([^)]*\)|</a>")
_INSTITUTION = compiled(
    r"\b(univ\w*|universit\w*|institut\w*|college|school|lab(orator(y|ies))?|cent(er|re)|department|dept|"
    r"academy|inc|ltd|corp\w*|company|research|hospital|foundation|observatory|agency|ministry|cnrs|inria|"
    r"mit|ucla|ucsd|eth|epfl|nasa|google|microsoft|meta|ibm|amazon|deepmind|openai|uk|usa|china|india|japan)\b",
    IGNORECASE,
)
# What joins two names; the parts are stripped (no `\s*` around). A mark after a backslash is part of a
# name as markdown shows it (`Smith\, Jr.`), and `&` that starts an entity (`&#124;`) is a character.
_JOIN = compiled(r"(?<!\\)(?:<br\s*/?>|,\s*and\s|&(?!#?\w{1,8};)|;|,)|\sand\s", IGNORECASE)
_CANCELLED = compiled(r"\b(cancel+ed|postponed|called off)\b", IGNORECASE)
_NO_MEETING = compiled(
    r"\bno\s+(seminars?|meetings?|talks?|class(es)?|sessions?|reading groups?|lectures?|workshops?|colloqui(um|a))\b"
    r"|\b(holiday|thanksgiving|"
    r"christmas|recess|vacation|finals?\s+week|(spring|winter|fall|autumn|summer|mid-?term|reading|exam|study)\s+"
    r"(break|week))\b",
    IGNORECASE,
)
_STRUCK = compiled(r"^\s*~~.*~~\s*$", DOTALL)
_LEAD_SEPARATORS = " \t-–—:.,;|"
_LABELLED = compiled(
    r"(?:^|[\s(])(?:discussion\s+)?(?:presented|given|led|lead|moderated|hosted)\s+by\s+(?P<name>[^().;]*[^().;\s])"
    r"\s*(?:\)|[.;]|$)"
    r"|(?:^|[\s(])(?:speakers?|presenters?|moderators?|lecturers?|leaders?)(?:\(s\))?:\s*(?P<named>[^()]*[^()\s])\s*(?:\)|$)",
    IGNORECASE,
)
_BY = compiled(r"\sby\s", IGNORECASE)
_BY_LEAD = compiled(r"^by\s", IGNORECASE)  # `*Title* by Speaker`: the word before the names
_QUOTED = compiled(r"[\"“]([^\"“”]+)[\"”]")
_PAREN_LEAD = compiled(r"^\s*\([^()]*\)")
# `16:00 (room) Name`, `4:00–5:00 pm: Name`: hours that lead what is left of a phrase
_CLOCK = r"\d{1,2}(?:[:.h]\d{2})?(?:\s?[ap]\.?m\.?)?"
_CLOCK_LEAD = compiled(rf"^\s*{_CLOCK}(?:\s?[-–—]\s?{_CLOCK})?(?=[\s(:,])", IGNORECASE)
_NOT_NAMES = frozenset({
    "introduction", "overview", "discussion", "part", "review", "tutorial", "workshop", "keynote", "break", "notes",
    "slides", "recording", "video", "summary", "conclusion", "conclusions", "background", "applications", "theory",
    "practice", "tba", "tbd", "cancelled", "canceled", "postponed", "online", "virtual", "hybrid", "zoom",
})  # fmt: skip
# Endings of abstract nouns that names do not have; long words only (`Clement`, `Felicity` are names),
# and not `-ic` (`Harmonic`, but also `Petrovic`, `Frederic`).
_TITLE_ENDINGS = ("tion", "sion", "ment", "ness", "ology", "ism", "ality", "ivity", "ization")
_TITLE_WORD_LENGTH = 8
_PAREN = compiled(r"\(([^()]*)\)")
_DASH = compiled(r"(?<=\s)[-–—](?=\s)")  # a dash between spaces; the parts are stripped


if TYPE_CHECKING:
    DashOrder = Literal["speaker-first", "title-first"]
else:  # annotations are not evaluated at run time
    DashOrder = str


@frozen
class Described(Frozen):
    """What a line of free text says about a talk."""

    title: str | None
    speakers: tuple[Speaker, ...]
    affiliation: str | None


def status_of(*texts: str | None, speakers: tuple[Speaker, ...] = ()) -> EntryStatus:
    """Held, cancelled, a slot without a meeting, or a placeholder, from the entry's texts (raw markdown)."""
    values = [text for text in texts if text and text.strip()]
    if any(struck(text) or _CANCELLED.search(text) for text in values):
        return "cancelled"
    if any(not blank(speaker.name) for speaker in speakers):
        return "held"
    plain = [inline.strip_markup(text) for text in values]
    if any(_NO_MEETING.search(text) for text in plain):
        return "no-meeting"
    return "placeholder" if all(blank(text) for text in plain) else "held"


def struck(text: str) -> bool:
    """True for a text struck through as a whole (`~~Oct 2 - Ada Park, *Tides*~~`): a cancelled talk."""
    return _STRUCK.match(text) is not None


def blank(text: str) -> bool:
    """True for a value that says nothing yet: empty, a dash, TBD, TBA."""
    stripped = text.strip(" \t.-–—_*:;,|")
    return not stripped or is_tbd(stripped) or is_tbd(text.strip())


@lru_cache(maxsize=4096)
def read_people(text: str) -> tuple[tuple[Speaker, ...], str | None]:
    """The speakers a cell or value names, and an affiliation written with them (`Name (Affil)`, `Name, Affil`)."""
    links = inline.links(text)
    if links:
        speakers = []
        affiliation = None
        for link in links:
            name, inside = _name_and_paren(link.text)
            speakers.append(Speaker(intern(name), link.url or None))
            affiliation = affiliation or inside
        return tuple(speaker for speaker in speakers if speaker.name), affiliation or _after_links(text)
    return _people_in_words(";".join(inline.split_br(text)), raw=True)


def _name_and_paren(text: str) -> tuple[str, str | None]:
    """`Danny Perez (LANL)` -> (`Danny Perez`, `LANL`); a parenthesis that is part of a name stays."""
    opening = text.find("(")
    closing = text.find(")", opening + 1)
    name, inside = text[:opening].strip(), text[opening + 1 : closing]
    if opening < 0 or closing < 0 or not name or ")" in name or not inside.strip() or "(" in inside:
        return text.strip(), None
    if text[closing + 1 :].strip():
        return text.strip(), None
    inside = inside.strip()
    if person(inside):
        return text.strip(), None  # `Hao-Yi (Heidi) Wu`, `Ryan (Qinyu) Wang`
    return name, inside


def _after_links(text: str) -> str | None:
    tail = _LINK_END.split(text)[-1]
    value = inline.strip_markup(tail).strip(" ,;-–—()")
    return value or None


def _people_in_words(text: str, *, raw: bool = False) -> tuple[tuple[Speaker, ...], str | None]:
    """The people `text` names; `raw` markdown is split at its joining marks first, then read piece by piece."""
    name, inside = _name_and_paren(text)
    institutions: list[str] = []
    speakers: list[Speaker] = []
    pieces = _JOIN.split(name)
    if raw:
        pieces = [inline.strip_markup(piece) for piece in pieces]
        inside = inline.strip_markup(inside) if inside else inside
    for part in (piece.strip() for piece in pieces):
        if not part or blank(part) or _slot_mark(part):
            continue
        if speakers and _INSTITUTION.search(part):
            institutions.append(part)
            continue
        speakers.append(Speaker(part))
    if inside and _INSTITUTION.search(inside):
        institutions.insert(0, inside)
    return tuple(speakers), (", ".join(institutions) if institutions else inside)


def _slot_mark(text: str) -> bool:
    """True for words that mark a slot without a talk (`Spring break`, `No seminar`), not a name (`Ann Holiday`)."""
    return _NO_MEETING.search(text) is not None and not person(text)


def read_free(text: str, order: DashOrder | None = None) -> Described:
    """A talk written as a phrase: its title, its speakers and their affiliation, by the patterns people use.

    `order` is the listing's own order of speaker and title around a dash, for a phrase whose two sides
    both read as names (`Talia Brooks - Harmonic Measures`).
    """
    parts = inline.segments(text)
    plain = _plain(parts)
    if not plain:
        return Described(None, (), None)
    # `(cancelled)`, `Cancelled:` say the talk's status, not its title or speaker
    plain = inline.split_cancelled(plain)[0].strip(_LEAD_SEPARATORS + "*_~") or plain
    found = _marked(plain, parts) or _dashed(plain, order) or _colon(plain, parts)
    return _linked(found, parts) if found is not None else Described(_title(plain), (), None)


def dash_order(texts: list[str]) -> DashOrder | None:
    """The order of speaker and title around a dash that most phrases of a listing show clearly, or None."""
    votes = [_clear_order(text) for text in texts]
    first, last = votes.count("speaker-first"), votes.count("title-first")
    return "speaker-first" if first > last else "title-first" if last > first else None


def _clear_order(text: str) -> DashOrder | None:
    """Which side of a dashed phrase names the speakers, when only one side reads as names best."""
    parts = inline.segments(text)
    plain = _plain(parts)
    if not plain or _marked(plain, parts) is not None:
        return None
    pieces = [piece.strip() for piece in _DASH.split(plain)]
    named = _named_pieces(pieces)
    least = min((_wordiness(found[0]) for _, found in named), default=None)
    best = [position for position, found in named if _wordiness(found[0]) == least]
    if len(best) != 1 or best[0] not in (0, len(pieces) - 1):
        return None
    return "speaker-first" if best[0] == 0 else "title-first"


def _plain(parts: list[inline.Segment]) -> str:
    return " ".join("".join(part.text for part in parts).split()).strip(_LEAD_SEPARATORS + "*_~")


def _marked(plain: str, parts: list[inline.Segment]) -> Described | None:
    """A phrase whose marks say which part is what: a label, emphasis or quotes, `by`, a parenthesis."""
    for reader in (_labelled, _emphasised, _by, _parenthesised):
        found = reader(plain, parts)
        if found is not None:
            return found
    return None


def _linked(found: Described, parts: list[inline.Segment]) -> Described:
    """The speakers with the links the phrase gives their names."""
    urls = {part.text: part.url for part in parts if part.kind == "link"}
    speakers = tuple(Speaker(speaker.name, speaker.url or urls.get(speaker.name)) for speaker in found.speakers)
    return Described(found.title, speakers, found.affiliation)


def _title(text: str) -> str | None:
    value = " ".join(text.split()).strip(" ,;:-–—*_~").strip()
    return value or None


def _labelled(plain: str, parts: list[inline.Segment]) -> Described | None:
    """`Title (Discussion led by X)`, `Title. Presented by X.`, `Speaker: X`."""
    match = _LABELLED.search(plain)
    if match is None:
        return None
    names = match.group("name") or match.group("named") or ""
    rest = (plain[: match.start()] + plain[match.end() :]).strip(" ()" + _LEAD_SEPARATORS)
    speakers, affiliation = _people_in_words(names)
    return Described(_title(rest), tuple(speaker for speaker in speakers if not blank(speaker.name)), affiliation)


def _emphasised(plain: str, parts: list[inline.Segment]) -> Described | None:
    """`[Speaker (Affil)](url), *Title*` or `"Title" Speaker`: the emphasis or the quotes hold the title."""
    emphasis = next((part.text for part in parts if part.kind == "emphasis" and part.text.strip()), None)
    written = emphasis
    if emphasis is None or emphasis.strip() == plain:
        quoted = _QUOTED.search(plain)
        if quoted is None or quoted.group(1).strip() == plain.strip('"“” '):
            return None
        emphasis, written = quoted.group(1), quoted.group(0)  # the quotes go with the title
    rest = plain.replace(written or emphasis, " ", 1)
    speakers, affiliation = _names_in(rest, parts)
    if written == emphasis and plain.startswith(emphasis) and _more_namelike(emphasis, speakers):
        return _leading_name(emphasis, rest) or Described(_title(emphasis), speakers, affiliation)
    return Described(_title(emphasis.strip('"“”')), speakers, affiliation)


def _more_namelike(emphasis: str, speakers: tuple[Speaker, ...]) -> bool:
    """True when a leading emphasis reads as a name better than what the rest of the phrase names."""
    named = people_phrase(emphasis)
    return named is not None and (not speakers or _wordiness(named[0]) < _wordiness(speakers))


def _leading_name(emphasis: str, rest: str) -> Described | None:
    """`**Ann Liang** (Affil) - Title`: an emphasised name leads, and a title follows it (not a title's own words)."""
    named = people_phrase(emphasis)
    cleaned = rest.strip(_LEAD_SEPARATORS)
    paren = _PAREN_LEAD.match(cleaned)
    title = _title(cleaned[paren.end() :] if paren else cleaned)
    if named is None or title is None or not title[:1].isupper():
        return None
    return Described(title, named[0], paren.group(0).strip(" ()") if paren else named[1])


def _names_in(rest: str, parts: list[inline.Segment]) -> tuple[tuple[Speaker, ...], str | None]:
    """The people a leftover part names: its links that name people, or words that look like a name."""
    for part in parts:
        if part.kind == "link":
            found = people_phrase(part.text)
            if found:
                return found
    cleaned = _PAREN_LEAD.sub("", _CLOCK_LEAD.sub("", rest)).strip(" ,;:-–—[]")
    return people_phrase(cleaned) or people_phrase(_BY_LEAD.sub("", cleaned)) or ((), None)


def _by(plain: str, parts: list[inline.Segment]) -> Described | None:
    """`Title by Speaker` (or by several: `by A and B`): the names after the last `by`."""
    found_by = list(_BY.finditer(plain))
    last = found_by[-1] if found_by else None
    if last is None or last.start() == 0:
        return None
    names = plain[last.end() :].strip(" .")
    named = people_phrase(names) if names and not any(mark in names for mark in ",()") else None
    if named is None:
        return None
    return Described(_title(plain[: last.start()].rstrip(" ,.")), *named)


def _parenthesised(plain: str, parts: list[inline.Segment]) -> Described | None:
    """`(Speaker) Title` or `Title (Speaker)`: a parenthesis at either end that names people."""
    for match in _PAREN.finditer(plain):
        inside = match.group(1).strip()
        at_edge = match.start() == 0 or match.end() == len(plain.rstrip(" ."))
        if not at_edge or not inside:
            continue
        speakers, affiliation = _people_in_words(inside)
        if speakers and all(_namelike(speaker.name) for speaker in speakers):
            rest = (plain[: match.start()] + plain[match.end() :]).strip(_LEAD_SEPARATORS)
            return Described(_title(rest), speakers, affiliation)
    return None


def _dashed(plain: str, order: DashOrder | None) -> Described | None:
    """`Title - Speaker`, `Speaker (Affil) - Title`, `Title - Speaker - notes`: the part that names people."""
    pieces = [piece.strip() for piece in _DASH.split(plain)]
    named = _named_pieces(pieces) if len(pieces) >= 2 else []
    if not named:
        return None
    # Where two parts read as names (`Ada Quill - Tidal Models of Learning`), the shorter one without small words;
    # where they read as names alike, the listing's order says, else the last part is the speaker.
    least = min(_wordiness(found[0]) for _, found in named)
    best = [(position, found) for position, found in named if _wordiness(found[0]) == least]
    wanted = 0 if order == "speaker-first" else len(pieces) - 1
    position, found = next((pair for pair in best if pair[0] == wanted), best[0])
    title = " - ".join(pieces[:position]) if position else " - ".join(pieces[1:])
    return Described(_title(title), *found)


def _named_pieces(pieces: list[str]) -> list[tuple[int, tuple[tuple[Speaker, ...], str | None]]]:
    """The parts of a dashed phrase that read as names, the last part first, then the first, then the others."""
    named = []
    for position in [len(pieces) - 1, 0, *range(1, len(pieces) - 1)]:
        found = people_phrase(pieces[position]) or _first_name(pieces[position], last=position == len(pieces) - 1)
        if found:
            named.append((position, found))
    return named


def _wordiness(speakers: tuple[Speaker, ...]) -> int:
    """How little the names look like names: their length in words, small words and title words counting thrice."""
    return max((len(words) + 2 * sum(word.islower() or _title_word(word) for word in words) for words in
                (speaker.name.split() for speaker in speakers)), default=0)  # fmt: skip


def _title_word(word: str) -> bool:
    """A long word with an abstract noun's ending (`Tokenization`, `Alignment`, `Topology`): a title's, not a name's."""
    return len(word) >= _TITLE_WORD_LENGTH and word.lower().rstrip("s").endswith(_TITLE_ENDINGS)


def _first_name(text: str, *, last: bool) -> tuple[tuple[Speaker, ...], str | None] | None:
    """A first name alone (`Justin`, `Seong-Heon (notes)`) ending a dashed phrase, as reading groups write them."""
    name, _ = _name_and_paren(text)
    if last and _namelike(name) and name.lower() not in _NOT_NAMES:
        return (Speaker(name),), None
    return None


def _colon(plain: str, parts: list[inline.Segment]) -> Described | None:
    """`Speaker: Title`, `Speaker (Affil): Title` (the people before a colon)."""
    head, colon, rest = plain.partition(":")
    named = people_phrase(head) if colon else None
    if named is None:
        return None
    return Described(_title(rest), *named)


def person(text: str) -> bool:
    """A person's name (`Ada Lovelace`, `S. V. Venkatakrishnan`), not an institution's."""
    return looks_like_name(text) and not _INSTITUTION.search(text)


def _namelike(text: str) -> bool:
    """A name, or a first name alone as reading groups write them (`Vishnu`, `Seong-Heon`)."""
    return person(text) or bool(_CAPITAL_WORD.fullmatch(text) and not _INSTITUTION.search(text))


def people_phrase(text: str) -> tuple[tuple[Speaker, ...], str | None] | None:
    """The speakers of a phrase that only names people: `Name`, `Name (Affil)`, `Name, Affil`, `A & B`; else None."""
    plain = inline.strip_markup(text).strip(_LEAD_SEPARATORS)
    if not plain or len(plain) > 120:
        return None
    speakers, affiliation = read_people(text) if inline.links(text) else _people_in_words(plain)
    if speakers and all(person(speaker.name) for speaker in speakers):
        return speakers, affiliation
    return None

"""Rules on talks as they come and go: Next filled in, the next talk's details in time, no TBD place left behind.

Which talk is next has one home (`read.refs.next_talk`); these rules only ask what the
page shows for it. They stay quiet on an archived season's page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ..model import Entry, Field, RawBlock, Section, Talk, TextPart
from ..patterns import IGNORECASE, compiled
from ..read import inline
from ..read.compare import is_known, is_placeholder, known_names
from ..read.refs import TalkRef, next_talk
from .context import PAST_KINDS, Context
from .finding import Hit
from .registry import rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

_TAGS = compiled(r"<[^>]*>")
_TBD_WORD = compiled(r"\b(tb[adc]|to be (?:determined|announced|confirmed))\b", IGNORECASE)
_NOT_CONTENT = frozenset({"blank", "separator", "back_to_top", "comment"})


def _coming(ctx: Context) -> TalkRef | None:
    """The next talk within `details-days`, when it is a talk (not a slot still TBD) and the season is current."""
    found = None if ctx.archived else _next_after_today(ctx)
    if found is None or found.date is None or found.status != "held":
        return None
    return found if 0 <= (found.date - ctx.today).days <= ctx.config.details_days else None


def _next_after_today(ctx: Context) -> TalkRef | None:
    """The next talk; a talk of today whose block is already under Past was given earlier today, so the one after."""
    found = ctx.next_talk
    if found is not None and found.date == ctx.today and found.section and found.section.kind in PAST_KINDS:
        return next_talk(ctx.page, ctx.today + timedelta(days=1))
    return found


def _who(ref: TalkRef) -> str:
    names = known_names(ref.speakers)
    return f" ({', '.join(names)})" if names else ""


def _when(ref: TalkRef) -> str:
    if ref.talk and ref.talk.when and ref.talk.when.date_text:
        return ref.talk.when.date_text
    if ref.entry is not None and ref.entry.date_text:
        return ref.entry.date_text
    written = ref.listed.date_text if ref.listed else None
    return written or (ref.date.isoformat() if ref.date else "TBD")


@rule(
    "SEM023",
    "next-empty",
    "warning",
    summary="The next talk is a few days away (details-days, 7) while Next is empty or says TBD.",
    example="# Next Presentation  with nothing under it, and the row of 10-24-2024 ahead",
)
def next_empty(ctx: Context) -> Iterator[Hit]:
    """Next shows the next talk a few days before it (`details-days`)."""
    coming = _coming(ctx)
    if coming is None or (coming.section is not None and coming.section.kind == "next"):
        return
    for section in ctx.page.sections_of("next"):
        says = _what_it_says(ctx, section)
        if says is not None:
            title = section.heading.title if section.heading else "Next"
            yield Hit(
                section.line,
                1,
                f"{title!r} {says}, but the talk of {_when(coming)}{_who(coming)} is coming up "
                f"{_where(coming)} (line {coming.line}): {_how(ctx, coming)}",
            )
            return


def _where(coming: TalkRef) -> str:
    if coming.section is not None and coming.section.heading is not None:
        return f"under {coming.section.heading.title!r}"
    return "in the schedule"


def _how(ctx: Context, coming: TalkRef) -> str:
    if coming.talk is not None:
        return "move its block up under Next"
    return f"write its block there (`seminar update-talk {ctx.page.path or 'PAGE'} --talk {coming.date} --next`)"


def _next_is_empty(ctx: Context) -> bool:
    """True when a Next section is there and holds no talk (SEM023 speaks of it)."""
    return any(_what_it_says(ctx, section) is not None for section in ctx.page.sections_of("next"))


def _what_it_says(ctx: Context, section: Section) -> str | None:
    """'is empty' or 'says TBD' for a Next section without a talk; None when it holds one (or anything else)."""
    if section.talks or _holds_listing(ctx, section):
        return None
    texts = []
    for item in section.items:
        if not isinstance(item, RawBlock):
            return None  # a table the page keeps there
        text = "" if item.kind in _NOT_CONTENT else inline.strip_markup(_TAGS.sub(" ", item.text)).strip()
        if text:
            texts.append(text)
    if not texts:
        return "is empty"
    return f"says {texts[0]!r}" if all(is_placeholder(text) for text in texts) else None


def _holds_listing(ctx: Context, section: Section) -> bool:
    """True when one of the page's listings (a table, a list, an HTML table) stands in the section."""
    following = [other.line for other in ctx.page.sections if other.line > section.line]
    end = min(following, default=len(ctx.lines) + 1)
    return any(section.line <= entry.line < end for listing in ctx.listings for entry in listing.entries)


@rule(
    "SEM024",
    "details-missing",
    "warning",
    summary="The next talk is a few days away (details-days, 7) and still has no abstract or bio.",
    example="the 12/03/2026 talk, on 2026-11-30, with no **Abstract** while most of the page's other talks have one",
)
def details_missing(ctx: Context) -> Iterator[Hit]:
    """The next talk's abstract and bio are on the page a few days before it."""
    coming = _coming(ctx)
    if coming is None or coming.date is None:
        return
    days = (coming.date - ctx.today).days
    soon = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    wanted = _kept_details(ctx, coming.talk)
    if coming.talk is not None:
        yield from _missing_details(coming.talk, wanted, _when(coming), soon)
    elif wanted and not _next_is_empty(ctx):  # an empty Next is SEM023's: one finding for one gap
        yield Hit(
            coming.line,
            1,
            f"the next talk, of {_when(coming)}{_who(coming)}, is {soon} and has no talk block yet: no "
            f"{' and no '.join(wanted)}; most of the page's other talks have them",
        )


def _kept_details(ctx: Context, talk: Talk | None) -> list[str]:
    """What most of the page's other talk blocks give (`abstract`, `bio`): what the next talk needs too."""
    others = [other for _, other in ctx.page.talks() if other is not talk]
    return [
        kind
        for kind in ("abstract", "bio")
        if others and sum(is_known(_text(other, kind)) for other in others) * 2 >= len(others)
    ]


def _missing_details(talk: Talk, wanted: list[str], when: str, soon: str) -> Iterator[Hit]:
    missing = [kind for kind in wanted if not is_known(_text(talk, kind))]
    if missing:
        yield Hit(
            _line_of(talk, missing[0]),
            1,
            f"the next talk, of {when}, is {soon} and still has no {' and no '.join(missing)}; "
            "most of the page's other talks have them",
        )


def _text(talk: Talk, kind: str) -> str | None:
    text = talk.abstract if kind == "abstract" else talk.bio
    # A placeholder is a word or three: a longer text is the real thing, and costs no markdown parse.
    return inline.strip_markup(text) if text and len(text) < 60 else text


def _line_of(talk: Talk, kind: str) -> int:
    """The line of the talk's abstract or bio when it is there (TBA), else of its title."""
    for part in talk.parts:
        if isinstance(part, TextPart) and part.kind == kind:
            return part.line
    return talk.line


@rule(
    "SEM025",
    "tbd-place",
    "warning",
    summary="A place still partly TBD on a talk that was given (`Location: room TBD and MS Teams`).",
    example="Location: room TBD and MS Teams  on a talk under Past Presentations",
)
def tbd_place(ctx: Context) -> Iterator[Hit]:
    """A talk that was given says where it was, all of it."""
    for section, talk in ctx.page.talks():
        if _given(ctx, section, talk):
            yield from _block_places(ctx, talk)
    if not ctx.archived:
        yield from _listed_places(ctx)


def _given(ctx: Context, section: Section, talk: Talk) -> bool:
    """True for a talk block of a talk that was held before today (on an archive, one under Past)."""
    day = talk.when.date if talk.when else None
    if day is None or day >= ctx.today or talk.cancelled:
        return False
    return not ctx.archived or section.kind in PAST_KINDS


def _block_places(ctx: Context, talk: Talk) -> Iterator[Hit]:
    when = talk.when.date_text if talk.when and talk.when.date_text else "its date"
    for part in talk.parts:
        found = _partly_tbd(part.text) if isinstance(part, Field) and part.kind == "location" else None
        if found is not None and isinstance(part, Field):
            line, column = ctx.value_at(talk, part)
            yield _place_hit(line, column + found.start(), part.text, found.group(0), when)


def _listed_places(ctx: Context) -> Iterator[Hit]:
    """The places of talks that only a row, an item or a heading holds (a row with a block has the block's)."""
    for entry in _given_entries(ctx):
        found = _partly_tbd(entry.location or "")
        if found is not None:
            column = ctx.column_in(entry.line, found.group(0))
            yield _place_hit(entry.line, column, entry.location or "", found.group(0), entry.date_text or "its date")


def _given_entries(ctx: Context) -> Iterator[Entry]:
    """The entries of talks held before today that no talk block holds."""
    paired = {pair.entry.line for pair in ctx.matching.pairs}
    for listing in ctx.listings:
        if listing.shape == "blocks":
            continue
        for entry in listing.entries:
            if (
                entry.date is not None
                and entry.date < ctx.today
                and entry.status == "held"
                and entry.line not in paired
            ):
                yield entry


def _partly_tbd(text: str) -> re.Match[str] | None:
    """The TBD word of a place that names something else too (a wholly TBD place is SEM022's)."""
    found = _TBD_WORD.search(text)
    return found if found is not None and not is_placeholder(inline.strip_markup(text)) else None


def _place_hit(line: int, column: int, place: str, word: str, when: str) -> Hit:
    return Hit(
        line,
        column,
        f"the place {' '.join(place.split())!r} still says {word!r} on the talk of {when} that was already "
        "given; write where it was held",
    )

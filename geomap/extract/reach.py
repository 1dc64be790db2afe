"""Places an outcome reaches beyond its own theme.

"Kunduz is the third provincial capital to fall, after Zaranj and Sheberghan": the places a
rank counts went the same way; "seized Arghistan and parts of Maruf": the second place is
only fought over. "All of P is in Taliban hands, apart from X": X, excepted
from the whole, is the other side's. "From A and B, two districts that fell": the relative
clause describes the listed places. Each function returns places; ``frames`` makes frames.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geomap.extract.chunks import LIST_JOIN, TIME_SAID, Chunks
from geomap.extract.lexicon import Lexicon
from geomap.extract.scope import RANK, clause_end
from geomap.records import Place

_RANKED = re.compile(
    rf"\bthe\s+{RANK}\s+(?:[\w'’-]+\s+){{0,4}}?to\s+(?:be\s+|have\s+been\s+)?$",
    re.IGNORECASE,
)
_PREDECESSORS = re.compile(r"[^.;:]{0,60}?,?\s+(?:after|following)\s+(?:the\s+)?", re.IGNORECASE)
_RANK_REACH = 80  # characters from a rank ("the third … to") to its verb
_TOTALITY = re.compile(r"\b(?:all|every|entire|whole|rest\s+of)\b", re.IGNORECASE)
_EXCEPTION_BEFORE = re.compile(
    r"\b(?:except(?:\s+for)?|apart\s+from|other\s+than|save\s+for|with\s+the\s+exception\s+of"
    r"|(?<![,;]\s)but)"  # "every district of P but X" (not "…, but X held")
    r"\s+(?:the\s+)?(?:(?:provincial\s+)?capital,?\s+|(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
# "all but two of P's districts – A and B –": the bracketed places are the exceptions
_ALL_BUT_NAMED = re.compile(r"\ball\s+but\s+[^.;:—–()]{0,60}?(?:[—–(]|\s-)\s*$", re.IGNORECASE)
_ALL_BUT_APPOSED = re.compile(r"\ball\s+but\s+[^.;:—–(),]{0,60}?,\s*$", re.IGNORECASE)
_EXCEPTION_REACH = 45  # characters from "except" to the place it names
_TOTALITY_REACH = 120  # characters from "all of" to the verb (a bounded look back: linear)


def ranked_before(text: str, start: int, ts: int) -> bool:
    """A rank opens the outcome at ``ts``: "the third provincial capital to (fall)"."""
    return bool(_RANKED.search(text, max(start, ts - _RANK_REACH), ts))


def predecessors(
    text: str, start: int, end: int, trigger: tuple[int, int], chunks: Chunks
) -> tuple[Place, ...]:
    """The list after a ranked outcome's ", after" ("the third to fall, after A and B")."""
    ts, te = trigger
    if not ranked_before(text, start, ts):
        return ()
    after = _PREDECESSORS.match(text, te, end)
    first = after and next((p for p in chunks.candidates if p.start == after.end()), None)
    return chunks.group_of(first) if first else ()


# "… Arghistan and parts of / several villages in Maruf": a part after the object's "and"
_AND_A_PART = re.compile(
    r"(?:\s+(?:district|province|city|town))?\s*,?\s+and\s+(?:the\s+|a\s+|several\s+|some\s+)?"
    r"(?P<part>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:of|in|around)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def coordinated_part(
    text: str, hi: int, places: Sequence[Place], chunks: Chunks, lexicon: Lexicon
) -> tuple[Place, ...]:
    """The place a part of which is the object's second conjunct ("seized the district of
    Arghistan and parts of Maruf"), before ``hi``: fought over, not taken whole."""
    after = _AND_A_PART.match(text, places[-1].end, hi)
    noun = lexicon.part.search(after.group("part")) if after else None
    if after is None or noun is None or noun.end() != len(after.group("part")):
        return ()  # (the conjunct ends on a part's noun: "two outposts", "parts")
    first = next(iter(chunks.candidates_in(after.end(), after.end() + 1)), None)
    return chunks.group_of(first) if first else ()


# "Khulm fell, but not Aybak": the same verb, denied of the place after "but not"
_BUT_NOT = re.compile(
    r"(?:\s+(?:district|province|city|town))?\s*,?\s+but\s+not\s+(?:the\s+)?(?:city\s+of\s+)?",
    re.IGNORECASE,
)


# "Khulm fell on Monday, followed by Kaldar on Tuesday": the same event, at another place
_FOLLOWED_BY = re.compile(
    rf"(?:\s+(?:district|province|city|town))?(?:{TIME_SAID})?\s*,?\s+followed\s+by\s+"
    r"(?:the\s+)?(?:(?:fall|capture|loss|seizure|takeover)\s+of\s+)?",
    re.IGNORECASE,
)


def followed_beside(text: str, after: int, hi: int, chunks: Chunks) -> tuple[Place, ...]:
    """The places an outcome's ", followed by …" right ``after`` its verb and places adds
    ("Khulm fell on Monday, followed by Kaldar on Tuesday"), before ``hi``."""
    return _list_right_after(_FOLLOWED_BY, text, after, hi, chunks)


def denied_beside(text: str, after: int, hi: int, chunks: Chunks) -> tuple[Place, ...]:
    """The places an outcome's "but not …" right ``after`` its verb and places leaves out
    ("Khulm and Aybak fell, but not Chimtal"), before ``hi``."""
    return _list_right_after(_BUT_NOT, text, after, hi, chunks)


def _list_right_after(
    gap: re.Pattern[str], text: str, after: int, hi: int, chunks: Chunks
) -> tuple[Place, ...]:
    """The list of places that starts right where ``gap`` ends, matched at ``after``."""
    found = gap.match(text, after, hi)
    first = next(iter(chunks.candidates_in(found.end(), found.end() + 1)), None) if found else None
    return chunks.group_of(first) if first else ()


# "… all of Nad Ali except the district centre": the seat kept by the other side
_EXCEPT_THE = re.compile(
    r"(?:\s+(?:district|province|city|town))?\s*,?\s*(?:except(?:\s+for)?|apart\s+from|save\s+for|"
    r"other\s+than|but\s+for)\s+(?:the|its)\s+",
    re.IGNORECASE,
)
_NAME_NEXT = re.compile(r"\s*[,(]?\s*(?-i:[A-Z])")


def seat_excepted(text: str, places: Sequence[Place], hi: int, lexicon: Lexicon) -> bool:
    """A whole held but for its seat ("controlled all of X except the district centre"):
    X is not yet taken, only fought over."""
    m = _EXCEPT_THE.match(text, places[-1].end, hi)
    seat = lexicon.seat.match(text, m.end()) if m else None
    # (not "except the provincial capital, Tarinkot": a named exception, held by the other)
    return seat is not None and not _NAME_NEXT.match(text, seat.end())


def excepted_places(
    text: str,
    start: int,
    end: int,
    trigger: tuple[int, int],
    places: Sequence[Place],
    chunks: Chunks,
) -> tuple[Place, ...]:
    """The places a whole's outcome excepts in its clause ("all of P except X and Y")."""
    lo = max(trigger[1], places[-1].end)
    if not _TOTALITY.search(text, max(start, trigger[0] - _TOTALITY_REACH), lo):
        return ()
    hi = start + clause_end(text[start:end], lo - start)
    excepted: list[Place] = []
    for p in chunks.places:
        if not lo <= p.start < hi:
            continue
        if excepted and LIST_JOIN.fullmatch(text, excepted[-1].end, p.start):
            excepted.append(p)
        elif not excepted and _EXCEPTION_BEFORE.search(
            text, max(start, p.start - _EXCEPTION_REACH), p.start
        ):
            excepted.append(p)
    return tuple(excepted)


def excepted_theme(
    text: str, start: int, trigger: tuple[int, int], places: Sequence[Place]
) -> bool:
    """The places a whole's outcome took as its theme are its exceptions ("all districts in
    P have fallen except X"; "the Taliban hold every district of P but X")."""
    first = places[0].start
    if _ALL_BUT_NAMED.search(text, max(start, first - _TOTALITY_REACH), first):
        return True  # "all but two of P's districts – A and B – are in Taliban hands"
    if first < trigger[0] and _ALL_BUT_APPOSED.search(
        text, max(start, first - _TOTALITY_REACH), first
    ):
        return True  # "All but two of P's districts, A and B, have fallen" (names before the verb)
    if first < trigger[1]:
        return False
    return bool(
        _EXCEPTION_BEFORE.search(text, max(start, first - _EXCEPTION_REACH), first)
        and _TOTALITY.search(text, max(start, trigger[0] - _TOTALITY_REACH), first)
    )


def listed_with(text: str, places: Sequence[Place], last: Place) -> tuple[Place, ...]:
    """``last`` with the places listed right before it ("Almar and Pashtun Kot")."""
    group = [last]
    for p in reversed(places[: places.index(last)]):
        if not LIST_JOIN.fullmatch(text, p.end, group[0].start):
            break
        group.insert(0, p)
    return tuple(group)

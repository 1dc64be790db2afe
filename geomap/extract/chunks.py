"""Place chunks in a sentence: which places are bystanders, and which form one list.

A bystander only stands beside the event: a dateline, a reference point ("an hour's drive
from Kabul"), a place inside a title ("the Almar district chief"), or a locator ("Panjwai
district in Kandahar province", "Jawzjan's Darzab", "In Logar, ..."). Lists join places
that share one verb: "the districts of A, B and C in P", "A district in P1 and B in P2".
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from geomap.extract.cues import FRONTED_SCENE
from geomap.extract.lexicon import POSSESSIVE, Lexicon
from geomap.extract.references import named_by_phrase
from geomap.geo.names import loose_key
from geomap.records import Place

_DATELINE_AFTER = re.compile(
    r"^\s*(?:,\s*[A-Z][A-Za-z]+)?(?:\s*\([A-Za-z ]+\))?"  # "KABUL, Afghanistan (AP)"
    r"\s*(?::|—|–|-{2}|\s-\s|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d|\d))"
    r"(?!\s*(?:a|an|the|one|its)\s+[a-z])"  # (not "Khulm – a key district …": an apposition)
)
_LOWER_CASE_NEXT = re.compile(r"\s*[a-z]")  # after a dateline's dash
_POSSESSIVE_AFTER = re.compile(r"^(?:\s+(?:province|city|district))?['’](?:s\b|(?=\s))")
# "'s district centre", " city's third police district": what a possessive names (group 1).
POSSESSED = re.compile(rf"{POSSESSIVE}((?:[\w-]+\s+){{0,2}}[\w-]+)", re.I)
_SEAT_OF_DISTRICT = re.compile(
    r"(?:\w+\s+)?(?:district\s+(?:cent(?:re|er)|headquarters|compound|administration|offices?)|"
    r"headquarters|administrative\s+cent(?:re|er))",
    re.IGNORECASE,
)
_CENTRE_AFTER = re.compile(r"(?:\s+district)?['’]s?\s+(?:administrative\s+)?cent(?:re|er)\b", re.I)
_IN_BEFORE = re.compile(
    r"\b(?:in|of|across)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:province\s+of\s+)?$", re.I
)
# A named unit the gazetteer does not know, located in the province that follows.
_UNKNOWN_UNIT_BEFORE = re.compile(
    r"(?:\b(?:district|village|town|area)\s+of\s+(?-i:[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,3})"
    r"|(?-i:[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,3})\s+"
    r"(?:district|village|area|(?:border\s+)?crossing|border\s+post|(?:air\s*)?base|airport|dam)"
    # a list member: "…, including Dand-e Ghori in Baghlan and Bilchiragh in Faryab"
    r"|(?:\b(?:including|such\s+as|namely|and)\s+|,\s+)(?-i:[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,3})"
    r"(?=\s+in\s))"
    r"\s*,?\s+(?:in|of)\s+(?:the\s+)?(?:[a-z-]+\s+)?$",
    re.IGNORECASE,
)
# "the Kapisa districts", "a Kapisa district": units of the province, not the province
_UNITS_NAMED_BY_PROVINCE = ("district", "districts", "cities", "towns")
# "Burka (Baghlan)"; "Zaranj, Nimroz province": a province right after one of its places
_PAREN_OR_COMMA_LOCATOR = re.compile(r"\s*(?:\(|,\s*(?:the\s+)?(?:[a-z-]+\s+)?)")
# "districts in Herat", "towns across Ghazni": the place counts units, it is not the scene.
_COUNT_NOUN = re.compile(
    r"\b(?:districts|cities|towns|villages|"
    r"parts\s+of\s+the\s+country)\s+(?:(?:lost|taken|held|captured|seized|located|retaken)\s+)?"
    r"(?:in|of|across)\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,2}(?:province\s+of\s+)?$",
    re.I,
)
# "the capital of Nimruz", "a district in Kapisa province": the province only locates.
_UNIT_OF_PROVINCE = re.compile(
    r"\b(?:(?:provincial\s+)?capitals?|cent(?:re|er)s?|district|city|town)\s+(?:(?:located\s+)?in|of)"
    r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:province\s+of\s+)?$",
    re.I,
)
_CAPITAL_NEXT = re.compile(r"(?:\s+provincial)?\s+capital\b", re.I)  # "the Helmand capital"
# A short time adverbial after a name: "on Monday", "last week", "overnight".
TIME_SAID = (
    r"\s+(?:on|last|this|early|late)\s+(?:\d{1,2}\s+)?[\w-]+(?:\s+\d{1,2})?"  # "on 8 August"
    r"|\s+(?:overnight|earlier|later)"
    r"|\s+(?:the\s+(?:day|week)\s+after|an?\s+(?:day|week)\s+later|the\s+(?:next|following)\s+day)"
)
# A short place adverbial said of one member: "X on the Turkmen border and Y", "X in the north".
_PLACE_SAID = (
    r"\s*,?\s*(?:on|near|along|at|in|by|close\s+to)\s+the\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:border|frontier|north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"cent(?:re|er)|outskirts|highway|road|river|coast)(?:\s+with\s+[A-Z][\w'’-]+)?"
)
_JOIN = re.compile(
    r"^(?:\s*(?:districts?|provinces?|cities|city|towns?|villages?|areas?))?"
    r"(?:\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:province\s+of\s+)?LOC"
    r"(?:\s+provinces?)?|\s*\(\s*LOC(?:\s+province)?\s*\)|\s*,\s*LOC\s+province)*"
    r"(?-i:\s*,\s*[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?)*"  # a name the gazetteer lacks
    # "X near Iran and Y near Turkmenistan": a neighbour abroad locates the member
    r"(?:\s+(?:with|near|bordering)\s+(?-i:[A-Z][a-z]+))?"
    r"(?:\s*,\s*(?:the|a|an)\s+[^,;()\"“”]{1,60}?(?=\s*,))?"  # "X, the main crossing, and Y"
    rf"(?:{_PLACE_SAID})?(?:{TIME_SAID})?"  # "X on Monday and Y on Tuesday": said of one
    r"\s*(?:,|;|,?\s+and|,?\s+or|,?\s+nor|,?\s+as\s+well\s+as|,?\s+and\s+also|,?\s+plus|/"
    r"|,?\s+(?:and\s+)?then|,?\s+followed\s+by)\s*"  # "took X, then Y", "X fell, followed by Y"
    rf"(?:,(?:{TIME_SAID})\s*,\s*)?"  # "X and, a day later, Y"
    r"(?:in\s+)?(?:the\s+)?(?:districts?\s+of\s+)?(?:LOC['’]s\s+)?(?:neighbou?ring\s+|nearby\s+)?"
    # "X and the provincial capital, Y"; "X and the city of Y"
    r"(?:(?:provincial\s+)?(?:capital|cent(?:re|er)|city|town)(?:\s*,|\s+of)\s*(?:the\s+)?)?$",
    re.I,
)
_GOVERNED_REACH = 120  # characters from a trigger's start to the place it governs
# Between a trigger and the place it governs: "stormed into the city of X".
_GOVERNED_GAP = re.compile(
    r"\s*(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?"  # "overran neighbouring X": X itself
    r"(?:(?:provincial\s+)?(?:city|town|district|village|capital|settlement)"
    r"\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
# Between a place and the one locating it: "Panjwai district in ", "the Sarband area of ".
_LOCATOR_GAP = re.compile(
    r"(?:\s+(?:district|province|city|town|areas?|villages?|districts))?,?\s+"
    r"(?:in|of|near|located\s+in|in\s+the\s+province\s+of|(?:the\s+)?"
    r"(?:provincial\s+)?capital\s+of)\s+(?:the\s+)?(?:(?!and\s|or\s)[a-z-]+\s+){0,2}"
)
_POSSESSIVE_GAP = re.compile(r"(?:\s+province)?['’]s?\s+")  # "Herat's Kushk"
_LAST_WORDS = re.compile(r"(?:[\w-]+\s+){1,2}$")
# "civilians from A and B districts, where fighting goes on": the scene of the next clause
WHERE_NEXT = r"(?:\s+(?:districts?|provinces?|villages?|areas?|towns?|city))?\s*,\s*where\b"
_WHERE_AFTER = re.compile(
    rf"(?:\s*(?:,|,?\s+and|,?\s+or)\s+[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){{0,2}})*{WHERE_NEXT}"
)
LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*(?:the\s+)?")  # "A, B and the C"


@dataclass(frozen=True)
class Chunks:
    """A sentence's places split into candidates (in list groups) and bystanders."""

    candidates: tuple[Place, ...]
    groups: tuple[tuple[Place, ...], ...]
    bystanders: frozenset[int]  # start offsets of bystander places
    references: frozenset[int] = frozenset()  # bystanders only as landmarks ("near X")
    places: tuple[Place, ...] = ()  # all of the sentence's places, bystanders too
    destinations: frozenset[int] = frozenset()  # references where someone went ("to X")

    def candidates_in(self, lo: int, hi: int) -> tuple[Place, ...]:
        """The candidates that start in ``lo:hi`` (a bisection: a long sentence stays linear)."""
        return _starting_in(self.candidates, lo, hi)

    def places_in(self, lo: int, hi: int) -> tuple[Place, ...]:
        """All the places, bystanders too, that start in ``lo:hi``."""
        return _starting_in(self.places, lo, hi)

    def group_of(self, place: Place) -> tuple[Place, ...]:
        """The list a candidate belongs to (itself alone when it is in none)."""
        return self._group_by_place.get(place, (place,))

    @functools.cached_property
    def _group_by_place(self) -> dict[Place, tuple[Place, ...]]:
        groups: dict[Place, tuple[Place, ...]] = {}
        for group in self.groups:
            for place in group:
                groups.setdefault(place, group)
        return groups


def chunk_places(
    text: str,
    start: int,
    end: int,
    places: Sequence[Place],
    lexicon: Lexicon,
    spans: Sequence[tuple[int, int]] = (),
) -> Chunks:
    """Split one sentence's places (``text[start:end]``) into list groups and bystanders.

    ``spans`` holds the spans of trigger words: a place a trigger governs directly
    ("withdrew from X") is not a reference point even though a preposition precedes it.
    """
    governed = _Governed(spans)
    bystanders: set[int] = set()
    references: set[int] = set()  # bystanders for the words before them ("near X")
    destinations: set[int] = set()  # of those, where someone went ("fled towards X")
    has_smaller = any(p.kind != "province" for p in places)
    smaller_seen = False  # a district or town before this place in the sentence
    for i, p in enumerate(places):
        previous = places[i - 1] if i else None
        if named_by_phrase(p) or _where_spoken(text, start, p):
            # "the provincial capital": a reference, resolved; "In Kabul, a spokesman said
            # …": where it was said, not what happened (what "the city" may still mean)
            bystanders.add(p.start)
            references.add(p.start)
        elif _is_bystander(text, start, p, previous, smaller_seen, lexicon, governed, has_smaller):
            bystanders.add(p.start)
            if _is_reference(text, start, p, lexicon, governed):
                references.add(p.start)
                if _is_destination(text, start, p, lexicon):
                    destinations.add(p.start)
        elif i >= 2 and _located_by_possessor(text, places[i - 2], places[i - 1], p, bystanders):
            bystanders.add(p.start)  # "Torghundi, in Herat's Kushk district": Kushk locates
        elif i + 1 < len(places) and _locates_the_apposition(text, start, p, places[i + 1]):
            bystanders.add(p.start)  # "the last stronghold in P, X, fell": P locates X
        smaller_seen = smaller_seen or p.kind != "province"
    # A place joined in a list to a locator locates too: "in Ghazni and Parwan" (provinces),
    # "near Klishchiivka and Andriivka" (any place after a reference word).
    for a, b in zip(places, places[1:], strict=False):
        if (
            a.start in bystanders
            and (
                a.kind == b.kind == "province"
                or a.start in references
                or lexicon.route_before.search(text, max(start, a.start - 30), a.start)
            )
            and LIST_JOIN.fullmatch(text, a.end, b.start)
        ):
            bystanders.add(b.start)
            if a.start in references:
                references.add(b.start)
    candidates = tuple(p for p in places if p.start not in bystanders)
    return Chunks(
        candidates,
        _groups(text, candidates, places, bystanders),
        frozenset(bystanders),
        frozenset(references),
        tuple(places),
        frozenset(destinations),
    )


# "In Kabul, a defence ministry spokesman said …": the place of the speaking
_SPOKEN_AFTER = re.compile(
    r"(?:\s+province)?\s*,\s*(?:an?|the)\s+[^,;.\"“]{0,60}?\b(?:said|says|told|announced|claimed)\b",
    re.IGNORECASE,
)


def _where_spoken(text: str, start: int, p: Place) -> bool:
    return bool(FRONTED_SCENE.fullmatch(text, start, p.start) and _SPOKEN_AFTER.match(text, p.end))


def _locates_the_apposition(text: str, start: int, p: Place, nxt: Place) -> bool:
    """A province (or the capital named after it) after "in", with one of its own places in
    apposition right after it ("the last stronghold in Badakhshan, Faizabad, fell"): it
    locates that place, and is no member of a list with it."""
    return (
        _names_its_province(p)
        and nxt.kind != "province"
        and nxt.province_pcode == p.province_pcode
        and bool(_IN_BEFORE.search(text, max(start, p.start - 40), p.start))
        and bool(_APPOSED.fullmatch(text, p.end, nxt.start))
        and bool(_APPOSITION_CLOSES.match(text, nxt.end))
    )


def _names_its_province(p: Place) -> bool:
    """A province, or the capital that bears its name ("in Luhansk": either)."""
    return p.kind == "province" or (
        p.province is not None and loose_key(p.name) == loose_key(p.province)
    )


_APPOSED = re.compile(r"(?:\s+province)?\s*,\s*")
# "…, X, fell": the apposition closes before the verb (not "…, X, Y and Z": a list)
_APPOSITION_CLOSES = re.compile(r"(?:\s+(?:city|district|town))?\s*,(?!\s*(?:and|or)\b)\s*[a-z]")


def _located_by_possessor(
    text: str, head: Place, owner: Place, p: Place, bystanders: set[int]
) -> bool:
    """``p`` is the possessed end of a locator after ``head``: "X, in P's D"."""
    return (
        owner.start in bystanders
        and _POSSESSIVE_GAP.fullmatch(text, owner.end, p.start) is not None
        and _LOCATOR_GAP.fullmatch(text, head.end, owner.start) is not None
    )


def _start(p: Place) -> int:
    return p.start


class _Governed:
    """The spans of trigger words, in order: how far those starting before an offset reach,
    found by bisection (a sentence of thousands of triggers stays linear)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.reach = list(accumulate((e for _s, e in self.spans), max))

    def reach_before(self, at: int) -> int:
        """The furthest end of the spans that start at or before ``at`` (-1: none)."""
        i = bisect_right(self.starts, at)
        return self.reach[i - 1] if i else -1

    def ending_near(self, at: int, reach: int) -> list[int]:
        """The ends of the spans starting at or before ``at`` and at most ``reach`` before it."""
        i = bisect_right(self.starts, at)
        return [e for _s, e in self.spans[bisect_left(self.starts, at - reach) : i]]


def _starting_in(places: tuple[Place, ...], lo: int, hi: int) -> tuple[Place, ...]:
    return places[bisect_left(places, lo, key=_start) : bisect_left(places, hi, key=_start)]


def _is_bystander(
    text: str,
    start: int,
    p: Place,
    last: Place | None,
    smaller_before: bool,
    lexicon: Lexicon,
    governed: _Governed,
    has_smaller: bool,
) -> bool:
    before = text[max(start, p.start - 60) : p.start]
    after = text[p.end : p.end + 50]
    dateline = _DATELINE_AFTER.match(after) if p.start - start < 3 else None
    if (
        dateline
        and _at_paragraph_start(text, p)
        # (not "Zaranj, Nimroz - fell on …", a list's line: after a dateline's dash its
        # sentence starts with a capital, unless the dateline is in capitals itself)
        and (
            p.mention.isupper()
            or ":" in dateline.group(0)
            or not _LOWER_CASE_NEXT.match(after, dateline.end())
        )
    ):
        return True
    quoted = text[p.start - 1 : p.start] in ("‘", "'")  # ‘Sher Khan Bandar’ closes a quote
    if lexicon.title_after.match(after) and not (
        _POSSESSIVE_AFTER.match(after) and _owns_a_part(p, after, lexicon)
    ):
        return True  # "a Jawzjan police spokesman" (not "Almar's police headquarters")
    spaces_from = p.start - (len(before) - len(before.rstrip()))  # where the gap before p opens
    if lexicon.speaking_after.match(after) and governed.reach_before(p.start) < spaces_from:
        return True  # "Kabul said"; but "residents of Taliban-held X said": X is held
    if (
        _POSSESSIVE_AFTER.match(after)
        and not quoted
        and not _owns_a_part(p, after, lexicon)
        and not lexicon.possessed_event.match(after)
    ):
        return True
    if _is_reference(text, start, p, lexicon, governed) or lexicon.route_before.search(before):
        return True
    if p.kind == "province" and (_COUNT_NOUN.search(before) or _UNIT_OF_PROVINCE.search(before)):
        return True
    if p.kind == "province" and p.mention.lower().endswith(_UNITS_NAMED_BY_PROVINCE):
        return True  # "the fall of the Kapisa districts", "another Kapisa district"
    if p.kind == "province" and _CAPITAL_NEXT.match(after):
        return True  # "the Helmand capital": the province only says whose capital
    if last is not None:
        gap = text[last.end : p.start]
        if len(gap) < 40 and (
            re.fullmatch(r"\s*(?:district|province|city|town|village)?\s*\(\s*", gap)
            or (
                p.kind == "province"
                and (locator := _PAREN_OR_COMMA_LOCATOR.fullmatch(text, last.end, p.start))
                and (
                    locator.group(0).endswith("(")
                    or (p.province_pcode == last.province_pcode and _says_province(text, p))
                )
            )
            or _LOCATOR_GAP.fullmatch(gap)
        ):
            return True  # "Panjwai district in Kandahar", "Burka (Baghlan)", "Sarband area of Nili"
    if p.kind == "province" and _UNKNOWN_UNIT_BEFORE.search(before):
        return True  # "the district of Dand Ghori in Baghlan": a place the gazetteer lacks
    if p.kind == "province" and has_smaller:
        if _IN_BEFORE.search(before) and smaller_before:
            return True  # "Azra district fell to insurgents in Logar province"
        if FRONTED_SCENE.fullmatch(text, start, p.start) and re.match(
            r"^(?:\s+province)?\s*,", after
        ):
            return True  # "In Logar, insurgents overran Azra district"
    return False


def _says_province(text: str, p: Place) -> bool:
    """ "Nimroz province", said with the word (a bare "Nimroz" after a city may be a list's)."""
    return p.mention.lower().endswith(" province") or text.startswith(" province", p.end)


def reference_word_before(before: str, lexicon: Lexicon) -> re.Match[str] | None:
    """ "near ", "south of the city of ": a reference word ending ``before``.

    The pattern is anchored at the end, so only the last few words can start a match:
    searching from there gives the same match for a fraction of the work.
    """
    words = before.rsplit(None, lexicon.reference_words)
    tail = len(words[0]) if len(words) > lexicon.reference_words else 0
    return lexicon.reference_before.search(before, tail)


def _is_destination(text: str, start: int, p: Place, lexicon: Lexicon) -> bool:
    """ "fled towards X", "retreated to X": X is where someone went."""
    return bool(lexicon.destination_before.search(text, max(start, p.start - 60), p.start))


def _is_reference(text: str, start: int, p: Place, lexicon: Lexicon, governed: _Governed) -> bool:
    """ "south of X", "near X", "from X": a reference point, unless a trigger governs it."""
    before = text[max(start, p.start - 60) : p.start]
    m = reference_word_before(before, lexicon)
    if (
        m is None
        or _WHERE_AFTER.match(text, p.end)
        or governed.reach_before(p.start) > p.start - 12
        or any(
            _GOVERNED_GAP.fullmatch(text, e, p.start)
            for e in governed.ending_near(p.start, _GOVERNED_REACH)
        )
    ):
        return False
    # "checkpoints around X", "villages near X": X's own ground, not a landmark
    head = _LAST_WORDS.search(before, 0, m.start())
    owned = head is not None and lexicon.part.search(head.group(0)) is not None
    return not (owned and lexicon.landmark.match(before, m.start()))


def _owns_a_part(p: Place, after: str, lexicon: Lexicon) -> bool:
    """ "Darzab's district centre", "the city's police district": the place itself is at stake
    (a province's "capital" or a named place after it still only locate)."""
    m = POSSESSED.match(after)
    if p.kind == "province" or m is None or re.search(r"[A-Z]", m.group(1)):
        return False
    return bool(
        lexicon.part.search(m.group(1))
        or _SEAT_OF_DISTRICT.match(m.group(1))
        # "Kohistanat district's center": a district's centre is its seat
        or (
            _CENTRE_AFTER.match(after)
            and (p.kind == "district" or p.mention.lower().endswith("district"))
        )
    )


def _at_paragraph_start(text: str, p: Place) -> bool:
    line_start = text.rfind("\n", 0, p.start) + 1
    return not text[line_start : p.start].strip()


_BARE_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
# A phrase fronted before the subject: "Despite the fall of A, …", "After taking A, …"
_FRONTED_PHRASE = re.compile(
    r"(?:^|[.!?\n]\s*)[\"“‘]?(?:Despite|In\s+spite\s+of|After|Following|Since|Before|Amid|With|"
    r"Unlike|Like|Besides|Apart\s+from|Beyond|Until)\b[^,.;!?\n]*$"
)


def _closes_fronted_phrase(text: str, at: int) -> bool:
    """The place at ``at`` ends a phrase fronted at its sentence's start."""
    return bool(_FRONTED_PHRASE.search(text, max(0, at - 120), at))


def _groups(
    text: str, candidates: Sequence[Place], places: Sequence[Place], bystanders: set[int]
) -> tuple[tuple[Place, ...], ...]:
    groups: list[list[Place]] = []
    starts = [q.start for q in places]
    for p in candidates:
        if groups and _joined(text, groups[-1][-1], p, places, starts, bystanders):
            groups[-1].append(p)
        else:
            groups.append([p])
    return tuple(tuple(g) for g in groups if len(g) > 1)


def _joined(
    text: str,
    a: Place,
    b: Place,
    places: Sequence[Place],
    starts: Sequence[int],
    bystanders: set[int],
) -> bool:
    if b.start - a.end > 120:
        return False
    gap = text[a.end : b.start]
    if _BARE_COMMA.fullmatch(gap) and _closes_fronted_phrase(text, a.start):
        return False  # "Despite the fall of A, B remains …": the comma ends a fronted phrase
    between = places[bisect_left(starts, a.end) : bisect_left(starts, b.start)]
    for q in reversed(between):
        if q.start in bystanders and q.end <= b.start:
            gap = gap[: q.start - a.end] + "LOC" + gap[q.end - a.end :]
    return bool(_JOIN.match(gap))

"""Back-references: "the crossing", "the provincial capital", "it" — a place named earlier."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence

from geomap.extract.anchors import gated
from geomap.extract.numerals import number
from geomap.geo.entry import is_centre_district
from geomap.geo.names import loose_key
from geomap.records import Place

_MODIFIER = (
    r"(?:key|main|strategic|important|largest|biggest|major|provincial|border|northern|"
    r"southern|eastern|western|northeastern|northwestern|restive|embattled|besieged|"
    r"former|same|only|regional|first|second|third|\w+-largest|busy|lucrative|vital|nearby|"
    r"surrounding|customs|trading|remote|mountainous|neighbou?ring|aforementioned|small|"
    r"frontline|front-line|entire|whole|ancient|historic)"
)
ANAPHOR = gated(
    rf"\b(?P<det>the|this|that|a|an|its)\s+(?:{_MODIFIER}\s+)*(?P<noun>border\s+(?:town|crossing|"
    r"post|point|checkpoint)|crossing(?:\s+point)?|checkpoint|border\s+post|site|provincial\s+"
    r"capital|capital|city|town|village|settlement|district|province|(?:air\s*)?base|airfield|airport|dam|"
    r"port"
    r"|former|latter)\b"  # "the latter fell": one of the last two places (see _VERB_NEXT)
    r"(?!\s+(?:of|in)\s+(?-i:[A-Z]))(?!\s+(?:governor|police|chief|council|officials?|authorities|"
    r"residents|spokes(?:man|person)|elders|administrator|commander|centres|centers)\b)",
    re.IGNORECASE,
)
NOUN_KINDS = {
    "border": ("border-crossing", "city"),
    "crossing": ("border-crossing",),
    "checkpoint": ("border-crossing",),
    "port": ("border-crossing",),
    "site": ("border-crossing", "base", "site", "city", "district"),
    "provincial": ("city",),
    "capital": ("city",),
    "city": ("city",),
    "town": ("city", "border-crossing"),
    "village": ("village",),
    "settlement": ("village", "city"),
    "district": ("district", "city"),
    "province": ("province",),
    "base": ("base",),
    "air": ("base",),
    "airbase": ("base",),
    "airfield": ("base",),
    "airport": ("base",),
    "dam": ("site",),
}
_NEAREST_OF_ANY_KIND = frozenset({"town"})
_ORDINAL = {"former": 0, "latter": 1}  # which of the last two places named
# "the former was still held", "the latter fell" (not "the former Taliban stronghold")
_VERB_NEXT = re.compile(
    r"\s*(?:[,;.)]|(?:is|was|were|are|has|had|have|remains?|remained|still|also|now|then|"
    r"later|fell|falls|came|went|stayed)\b|\w+ed\b)",
    re.IGNORECASE,
)
# "the crossings", "both districts": every such place named just before.
PLURAL_ANAPHOR = gated(
    r"\b(?:the|these|those|(?P<pair>both|the\s+two)|all(?:\s+the)?)\s+"
    r"(?!(?:remaining|other|rest)\b)"  # the others
    r"(?:(?P<count>two|three|four|five|six|\d)\s+|\w+\s+)?"  # "all three cities"
    r"(?P<noun>crossings|districts|cities|towns|capitals|bases|border\s+posts)\b"
    r"(?!\s+(?:of|in)\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
PLURAL_KINDS = {
    "crossings": ("border-crossing",),
    "districts": ("district", "city"),
    "cities": ("city",),
    "towns": ("city",),
    "capitals": ("city",),
    "bases": ("base",),
    "border": ("border-crossing",),
}
PLURAL_REACH = 300  # characters back within which the places a plural noun gathers are named
COUNTED_REACH = 1500  # the same for a counted one ("all three cities"): the count bounds it
# "The assault was beaten off": an event named before, whose places the outcome concerns.
EVENT_ANAPHOR = gated(
    r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:assault|attack|attacks|offensive|push|advance|raid)\b",
    re.IGNORECASE,
)
PRONOUN = re.compile(r"\b(?:it|them|both|the\s+two)\b", re.IGNORECASE)
THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|seems?)\b)", re.I)
CATAPHORA_WINDOW = 600  # "a key district" early in an article may point forward
NAMED_NEXT = 200  # elsewhere "a provincial capital … Qala-i-Naw" names it in the sentence


def _stands_for_district(p: Place) -> bool:
    """A district, or a town or crossing that bears its district's name and is no provincial
    capital ("Chimtal" for Chimtal district, the "Ishkashim" crossing for Eshkashem; Maymana
    is "the city")."""
    if p.kind == "district":
        return True
    return (
        p.kind in ("city", "border-crossing")
        and p.district is not None
        and loose_key(p.name) == loose_key(p.district)
        and not is_centre_district(p.district_pcode)
    )


def named_by_phrase(p: Place) -> bool:
    """A place the text names with a common noun ("the provincial capital"), not a name."""
    return p.mention[:4].lower() == "the "


_LOCATED_AFTER = re.compile(
    r"\s+(?:near|in|at|on|outside|close\s+to)\s+(?:the\s+)?(?-i:[A-Z])", re.I
)
ANTECEDENTS = 200  # places back from a referring phrase that may be what it means
SALIENCE_REACH = 400  # characters back in which a rival antecedent still competes
LEAD = 600  # characters of headline, dateline and first paragraph that say what a story is about


def _start(p: Place) -> int:
    return p.start


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘(]?[A-Z])")


def _sentence_start(text: str, at: int, back: int = 0) -> int:
    """Where the sentence holding ``at`` starts (``back``: that many sentences before it),
    within ``SALIENCE_REACH``."""
    lo = max(0, at - SALIENCE_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, at + 3) if m.end() <= at]
    return ends[-1 - back] if len(ends) > back else lo


def _most_salient(text: str, earlier: Sequence[Place], places: Sequence[Place], at: int) -> Place:
    """The antecedent the article speaks most of, among those named since the sentence
    before (the latest counting once more if named in the phrase's own sentence); else the
    latest
    ("captured Sheberghan …, a day after seizing Zaranj. The city has been taken": the story
    is Sheberghan's, named in the headline and the dateline too)."""
    latest = earlier[-1]
    # rivals: those named since the sentence before, or since the last one's sentence
    since = min(_sentence_start(text, at, back=1), _sentence_start(text, latest.start))
    rivals = {p.name: p for p in earlier if p.end >= since}
    if len(rivals) < 2:
        return latest

    # counted in the article's lead (headline, dateline, first paragraph) and lately: a
    # bounded count, so that a run-on text stays linear
    def index(offset: int) -> int:
        return bisect_left(places, offset, key=_start)

    lead = places[: index(min(at, LEAD))]
    recent = places[index(max(LEAD, at - SALIENCE_REACH)) : index(at)]
    counts: dict[str, int] = {}
    for p in (*lead, *recent):
        if p.name in rivals:
            counts[p.name] = counts.get(p.name, 0) + 1
    if latest.start >= _sentence_start(text, at):  # "took X, but the city is still held"
        counts[latest.name] = counts.get(latest.name, 0) + 1
    best = max(rivals, key=lambda name: (counts.get(name, 0), rivals[name].start))
    return rivals[best]


def _last_two(antecedents: Sequence[Place], at: int) -> list[Place]:
    """The last two places of different names before ``at``, in order."""
    pair: list[Place] = []
    for p in reversed(antecedents):
        if p.end <= at and all(q.name != p.name for q in pair):
            pair.insert(0, p)
            if len(pair) == 2:
                break
    return pair


def references(
    text: str,
    lo: int,
    hi: int,
    places: Sequence[Place],
    bystanders: Collection[int],
    aside: Collection[int] = (),
) -> list[Place]:
    """The place a phrase such as "the crossing" between ``lo`` and ``hi`` refers to, none
    of those at ``bystanders`` or ``aside`` (offsets).

    Only the last ``ANTECEDENTS`` places before it compete (more than an article names):
    a run-on text of thousands of places stays linear."""
    if not (ANAPHOR.search(text, lo, hi) or PLURAL_ANAPHOR.search(text, lo, hi)):
        return []
    first = bisect_left(places, lo, key=_start) - ANTECEDENTS
    last = (
        len(places) if lo < CATAPHORA_WINDOW else bisect_left(places, hi + NAMED_NEXT, key=_start)
    )
    antecedents = [
        p
        for p in places[max(0, first) : last]
        if p.start not in bystanders and p.start not in aside
    ]
    for m in ANAPHOR.finditer(text, lo, hi):
        noun = m.group("noun").lower().split()[0]
        if noun in _ORDINAL:
            if not _VERB_NEXT.match(text, m.end()):
                continue
            pair = _last_two(antecedents, m.start())
            if len(pair) == 2:
                return [pair[_ORDINAL[noun]]]
            continue
        kinds = NOUN_KINDS.get(noun, ("city",))
        border = "border" in m.group(0).lower()
        if border:  # "the border town": a crossing before any town
            kinds = ("border-crossing", *kinds)
        if m.group("det").lower() in ("a", "an"):
            # "a provincial capital" introduces a place: it may be named next, never before
            if _LOCATED_AFTER.match(text, m.end()):
                continue  # "a border post near Chaman": one placed by what follows, unnamed
            reach = len(text) if m.start() < CATAPHORA_WINDOW else m.end() + NAMED_NEXT
            later = [
                p
                for p in antecedents
                if m.end() <= p.start < reach and p.kind in kinds and not named_by_phrase(p)
            ]
            if later:
                return [later[0]]
            continue
        if noun == "district":  # the most recent district, or town named as its district is
            seats = [p for p in antecedents if p.end <= m.start() and _stands_for_district(p)]
            if seats:
                return [seats[-1]]
        # the kinds in order of preference, each the most recent; "the town" is the most
        # recent of any of its kinds (a crossing town such as Spin Boldak, or a city)
        nearest = noun in _NEAREST_OF_ANY_KIND and not border
        order = (kinds,) if nearest else tuple((k,) for k in kinds)
        for group in order:
            # (a place found at the phrase itself is what it names: "the provincial capital")
            earlier = [
                p
                for p in antecedents
                if p.kind in group and (p.end <= m.start() or p.start == m.start())
            ]
            if noun in ("provincial", "capital"):  # a provincial capital, if one was named
                earlier = [p for p in earlier if is_centre_district(p.district_pcode)] or earlier
            if earlier:
                return [_most_salient(text, earlier, places, m.start())]
    for m in PLURAL_ANAPHOR.finditer(text, lo, hi):
        kinds = PLURAL_KINDS[m.group("noun").lower().split()[0]]
        # "all three cities": the last three named, however far back; else those named lately
        counted = number(m.group("count")) or (2 if m.group("pair") else None)
        reach = COUNTED_REACH if counted else PLURAL_REACH
        named = [
            p
            for p in antecedents
            if m.start() - reach <= p.start and p.end <= m.start() and p.kind in kinds
        ]
        distinct = list({p.name: p for p in named}.values())
        if counted and len(distinct) >= counted >= 2:
            return distinct[-counted:]
        if not counted and len(named) >= 2:
            return named
    return []

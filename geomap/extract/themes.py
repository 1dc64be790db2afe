"""Themes: which places a trigger acts on, and what the words before them say of them.

A capture verb's object ("took the district of X", "captured buildings in X"), a passive
verb's subject ("X, a road hub, was taken"), the list that follows a noun trigger: read
from the sentence's chunks (``chunks.py``) by position, never by a window of characters.
"""

from __future__ import annotations

import re
from itertools import islice

from geomap.extract.chunks import POSSESSED, TIME_SAID, Chunks
from geomap.extract.lexicon import Lexicon
from geomap.extract.mentions import GENERIC_KIND
from geomap.extract.references import ANAPHOR, PLURAL_ANAPHOR
from geomap.records import CONTESTED, Place

_PREPOSITION_END = re.compile(
    r"\b(?:in|at|near|inside|around|across|on|from|for|with|into|outside|to|towards?)\s+"
    r"(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)


MAX_OBJECT_GAP = 70  # characters between a verb and the first place of its object


def group_after(chunks: Chunks, lo: int, hi: int, text: str, lexicon: Lexicon) -> tuple[Place, ...]:
    """The list a trigger governs: the first place in ``lo:hi`` and the rest of its group
    (with its members after "namely", "including")."""
    first = next(iter(chunks.candidates_in(lo, hi)), None)
    if first is None or first.start - lo > MAX_OBJECT_GAP * 2:
        return ()
    group = tuple(p for p in chunks.group_of(first) if p.start >= first.start)
    if _CONJUNCTION_GAP.fullmatch(text, lo, first.start) and _OWN_VERB_AFTER.match(
        text, group[-1].end
    ):
        return ()  # "X was under attack and Y was quiet": Y is the next clause's subject
    inside = tuple(p for p in group if p.start < hi)
    if len(inside) < len(group) and _OWN_VERB_AFTER.match(text, group[-1].end):
        group = inside  # "entered A, and B and C were captured": B and C have a verb of their own
    elif (
        len(group) > 1
        and _AND_BEFORE.search(text, group[-2].end, group[-1].start)
        and (
            _OWN_VERB_AFTER_APPOSITION.match(text, group[-1].end)
            or _next_verbs_subject(text, group[-1].end, hi)
        )
    ):
        group = group[:-1]  # "seized A, and B, on the border, was under threat", "retook A
        # and B fell": B has a verb of its own
    members = lexicon.members.match(text, group[-1].end)
    nxt = next(iter(chunks.candidates_in(group[-1].end, hi)), None)
    if members and nxt is not None and nxt.start == members.end() and nxt.start < hi:
        group += tuple(p for p in chunks.group_of(nxt) if p.start >= nxt.start)
    return group


def _next_verbs_subject(text: str, end: int, hi: int) -> bool:
    """A place ending at ``end`` right before the next trigger (at ``hi``) and its auxiliary:
    that verb's subject ("retook A and B fell"; not "the districts of A and B has stalled")."""
    own = _OWN_VERB_AFTER.match(text, end)
    return own is not None and (own.end() > hi or bool(_ADVERB_GAP.fullmatch(text, own.end(), hi)))


_ADVERB_GAP = re.compile(r"\s+(?:(?:then|later|also|quickly|soon|eventually|\w+ly)\s+)*")
BE_FORMS = r"was|were|is|are"  # a passive's auxiliaries, and a state's verb
HAVE_FORMS = r"had|has|have"
AUXILIARIES = rf"{HAVE_FORMS}|{BE_FORMS}"  # the verbs a clause's own verb leans on
_AND_BEFORE = re.compile(r",?\s+and\s+$", re.IGNORECASE)
_CONJUNCTION_GAP = re.compile(r"\s*,?\s*(?:and|but|while|whereas)\s+(?:the\s+)?", re.IGNORECASE)
_OWN_VERB = rf"\s+(?:{AUXILIARIES}|fell)\b"  # a list member's own verb: "B and C were …"
_OWN_VERB_AFTER = re.compile(rf"(?:\s+(?:district|city|town|province)s?)?{_OWN_VERB}", re.I)
_OWN_VERB_AFTER_APPOSITION = re.compile(rf",\s+[^,;]{{1,60}},{_OWN_VERB}", re.IGNORECASE)
# A passive verb's subject that is only part of a place: "some areas (of X) were taken".
PART_SUBJECT = re.compile(
    r"\b(?:some|several|many|parts?\s+of|most\s+of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:areas?|parts?|villages|neighbou?rhoods?|positions|outposts|checkpoints)\b"
    r"(?:\s+of\s+[^,;]{0,40}?)?\s+(?:have\s+been|has\s+been|had\s+been|were|was|are|is)\s+$",
    re.IGNORECASE,
)


_APPOSITIVE = re.compile(r",\s+(?:a|an|the|another)\s+(?:[\w-]+\s+){0,2}")


APPOSITIVE_RELATIVE = re.compile(
    r",\s+(?:a|an|the|another)\s+(?:[\w'’-]+\s+){0,4}?(?:which|that)\s*"
    r"(?:(?:[\w'’-]+\s+){0,3}?)"  # the relative clause's subject: "which Ukrainian forces"
)


def appositive(
    text: str, chunks: Chunks, lo: int, ts: int, gap: re.Pattern[str] = _APPOSITIVE
) -> tuple[Place, ...]:
    """The place an appositive describes: "Tokmak, a Russian-occupied road hub" (a landmark
    in its own clause is still the subject of its apposition)."""
    # the nearest place, or the one before it ("X, another village near Y which …")
    heads = islice((p for p in reversed(chunks.places_in(lo - 80, ts)) if p.end <= ts), 2)
    for head in heads:
        if head.start < lo - 80 or not gap.fullmatch(text, head.end, ts):
            continue
        if head.start in chunks.bystanders and head.start not in chunks.references:
            return ()
        return (head,)
    return ()


def group_before(chunks: Chunks, lo: int, hi: int) -> tuple[Place, ...]:
    """The list before a trigger (a passive verb's subject): the last group in ``lo:hi``."""
    last = next((p for p in reversed(chunks.candidates_in(lo, hi)) if p.end <= hi), None)
    if last is None:
        return ()
    group = chunks.group_of(last)
    return tuple(p for p in group if p.start >= lo)


# "X, which the Taliban had held since May, was retaken"; "X, the last government-held
# district in P, fell": a comma-bracketed clause or appositive between a subject and its verb.
BRACKET_REACH = 200  # characters from a subject to its verb across a bracketed clause
# ", seized by the Taliban in June, …", ", lost in July, …": a participle's own event
_PARTICIPLE_CLAUSE = (  # (of a list: ", both lost in June,")
    r"(?:(?:both|all|each)\s+)?(?:[a-z]+(?:ed|en)|lost|held|won|left|kept|fought)\s+"
    r"(?:by|in|on|during|since|last|early|late|for|after|before|months|weeks|days|years)"
)
# ", which …", ", a stronghold …", ", long held …", and participle clauses
_OPENS_APPOSITION = (
    rf",\s+(?:which|who|that|the|a|an|long|once|previously|formerly|{_PARTICIPLE_CLAUSE})\b"
)
APPOSITION = re.compile(_OPENS_APPOSITION, re.IGNORECASE)  # ", a stronghold …", ", which …"
# A closed bracket of background: "X, lost in July, was retaken on Monday" (its date is not
# the sentence's main event's; an appositive "the …" may be a list's member, and stays)
BACKGROUND = re.compile(
    rf",\s+(?:{_PARTICIPLE_CLAUSE}|(?:which|who)\s+[a-z]+"
    # ", a district in Badghis that fell to the Taliban in May,": an apposition's relative
    r"|(?:an?|the)\s+[^,;\"“”]{1,80}?\b(?:that|which|who)\s+[a-z]+)\b[^,;]*,",
    re.IGNORECASE,
)
BRACKETED = re.compile(
    rf"(?:\s+(?:district|province|city|town))?{_OPENS_APPOSITION}[^,;]*,\s+"
    # "X, the capital, and a handful of districts remain": unnamed units joined to X
    r"(?:and\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:districts|towns|cities|villages|areas|others|surroundings|environs|outskirts|suburbs)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}",
    re.IGNORECASE,
)


# "Four districts — A, B and C — have fallen": a list between dashes names the subject
_DASH_CLOSES = re.compile(r"\s*[—–]\s*(?:[\w'’-]+\s+){0,2}")
_DASH_OPENS = re.compile(r"[—–]\s*$")
# "Khulm district – one of the 14 districts of Balkh – fell": an apposition between dashes
_DASHED_APPOSITION = re.compile(
    # (a hyphenated word inside: "— the last government-held district —")
    r"(?:\s+(?:district|province|city|town))?\s+[-—–]\s+(?:(?!\s[-—–]\s)[^.;:]){1,100}?\s+[-—–]\s+"
    r"(?:[\w'’-]+\s+){0,2}"
)


# "X, and its surroundings, remain": the place with its own ground
_AND_ITS_SURROUNDINGS = re.compile(
    r",?\s+and\s+(?:its|their|the)\s+(?:immediate\s+)?(?:surroundings|environs|outskirts|suburbs"
    r"|surrounding\s+(?:areas?|villages))\s*,?\s+(?:[\w'’-]+\s+){0,2}",
    re.IGNORECASE,
)


def bracketed_subject(chunks: Chunks, text: str, lo: int, ts: int) -> tuple[Place, ...]:
    """The subject a bracketed clause or an apposition between dashes separates from its
    verb at ``ts`` (see ``BRACKETED``), or a list between dashes right before it."""
    lo = max(lo, ts - BRACKET_REACH)
    inside = [p for p in chunks.candidates_in(lo, ts) if p.end <= ts]
    for place in reversed(inside):
        if (
            BRACKETED.fullmatch(text, place.end, ts)
            or _DASHED_APPOSITION.fullmatch(text, place.end, ts)
            or _AND_ITS_SURROUNDINGS.fullmatch(text, place.end, ts)
        ):
            return chunks.group_of(place)
    if inside and _DASH_CLOSES.fullmatch(text, inside[-1].end, ts):
        group = chunks.group_of(inside[-1])
        if _DASH_OPENS.search(text, max(0, group[0].start - 4), group[0].start):
            return group
    return ()


def possessed_head(text: str, end: int, lexicon: Lexicon) -> str | None:
    """ "Kunduz's entrance", "the city's outskirts": the possessed noun is the object."""
    m = POSSESSED.match(text, end)
    if m is None:
        return None
    status = object_status(m.group(1), lexicon)  # the first noun of "10 police districts"
    return status if status in (CONTESTED, "drop") else None


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NOUNS_AFTER = re.compile(r"\s+((?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*))?)")


def adjunct_head(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """ "the Khulm police headquarters": a place naming the noun after it, whose object
    that noun is (a part: the place fought over)."""
    if not _THE_BEFORE.search(text, max(0, start - 8), start):
        return None
    m = _NOUNS_AFTER.match(text, end)
    if m is None or m.group(1).split()[0].lower() in GENERIC_KIND:
        return None  # "the Dashtak area": the place's own kind
    return CONTESTED if lexicon.part.match(m.group(1)) else None


# An unnamed unit inside the place: "a village in X", "two towns near X" (not "the district
# headquarters in X", which is X's own seat).
_BASE_INSIDE = re.compile(
    r"\bbase\s+(?:in|near|outside|around)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_UNIT_INSIDE = re.compile(
    r"\b(?:villages?|towns?|settlements?|hamlets?|districts?|cities)\s+(?:in|near|outside|around)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def object_head(words: str, lexicon: Lexicon) -> str | None:
    """The kind of the first noun of an object: "seat", "part", "other" or None (unknown)."""
    heads = [
        (m.start(), -len(m.group(0)), kind)
        for kind, pattern in (
            ("seat", lexicon.seat),
            ("part", lexicon.part),
            ("other", lexicon.other),
        )
        if (m := pattern.search(words))
    ]
    return min(heads)[2] if heads else None


def object_status(gap: str, lexicon: Lexicon) -> str | None:
    """What the words between a capture verb and its place say about the place."""
    if len(gap) > MAX_OBJECT_GAP:
        return "drop"
    head = object_head(gap, lexicon)  # the object's first noun decides
    if head == "seat" and _UNIT_INSIDE.search(gap):
        return "drop"  # "recaptured their first village in Kherson": the place only locates
    if head == "seat" and _BASE_INSIDE.search(gap):
        return CONTESTED  # "overran an army base in X": a part of X, X still fought over
    if head == "seat":
        return None
    if head == "other":
        return "drop"  # "captured a facilitator in Kunar", "took part in"
    if head == "part":
        return CONTESTED  # "recaptured buildings in X": X is still fought over
    if _PREPOSITION_END.search(gap) and re.search(r"[a-z]", gap.split()[0] if gap.split() else ""):
        return "drop"  # "took a bus to X": the object is something else
    return None


_COLON_BEFORE = re.compile(r"\s*[:—–]\s*(?:the\s+)?$")


def listed_object_status(text: str, te: int, object_at: int, lexicon: Lexicon) -> str | None:
    """``object_status`` of the words from a verb's end to its place, where a place listed
    after "including" is one of the objects, taken whole ("took several border posts,
    including X"; not "two checkpoints, including one in X": a part of X)."""
    intro = lexicon.members.search(text, te, object_at + 1) or _COLON_BEFORE.search(
        text, te, object_at
    )  # "lost three villages since Friday: A, B and C": the villages themselves
    if (
        intro is None
        or intro.end() != object_at
        or _PREPOSITION_END.search(text, intro.start(), object_at)
    ):
        return object_status(text[te:object_at], lexicon)
    return "drop" if object_status(text[te : intro.start()], lexicon) == "drop" else None


# ... and then names them: "three districts: A, B and C", "three districts from the Taliban — A"
_LIST_FOLLOWS = re.compile(
    r"(?:[^.;:—–]{0,40}?(?::|—|–|\bnamely\b|\bsuch\s+as\b)|[\s,(]*)\s*(?:the\s+)?"
)


_SPACES = re.compile(r"\s*")


def names_a_reference(text: str, te: int) -> bool:
    """The trigger's object is a back-reference ("recapture the crossings", "took the town")."""
    space = _SPACES.match(text, te)
    at = space.end() if space else te
    return bool(ANAPHOR.match(text, at) or PLURAL_ANAPHOR.match(text, at))


# "…, and Y too", "…, as has Y": a second subject that shares the verb before it.
_ELLIPSIS_BEFORE = re.compile(
    r"(?:\s+[\w-]+){0,4}?,?\s+(?:and|(?:and\s+)?(?:as|so)\s+(?:was|were|has|have|had|is|are|did))"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)


_SAID_AGAIN = re.compile(r"\b(?:as|so)\s", re.IGNORECASE)  # "as has Y", "and so has Y"
# "…, and Y too"; "X fell on Monday, and Y followed (suit) a day later"
_ELLIPSIS_AFTER = re.compile(
    r"\s*(?:too|as\s+well|also|(?:soon\s+)?follow(?:ed|s)(?:\s+suit)?|did\s+(?:the\s+)?same)\b",
    re.IGNORECASE,
)


# "X fell on Monday, Y on Tuesday": the verb is left out, each subject keeps its own time
_GAPPED_BEFORE = re.compile(rf"(?:{TIME_SAID})(?:,\s+and|,|\s+and)\s+(?:the\s+)?", re.IGNORECASE)
_GAPPED_AFTER = re.compile(rf"(?:\s+(?:district|city|town|province))?(?:{TIME_SAID})\b", re.I)


def shares_predicate(text: str, te: int, after: tuple[Place, ...]) -> bool:
    """ "X has been taken, and Y too", "…, as has Y", "X fell on Monday(, and) Y on Tuesday":
    ``after`` is a second subject."""
    if _GAPPED_BEFORE.fullmatch(text, te, after[0].start) and _GAPPED_AFTER.match(
        text, after[0].end
    ):
        return True
    gap = _ELLIPSIS_BEFORE.fullmatch(text, te, after[0].start)
    if gap is None:
        return False
    return bool(_SAID_AGAIN.search(gap.group(0)) or _ELLIPSIS_AFTER.match(text, after[-1].end))


def _counts_provinces(tally: str) -> bool:
    return GENERIC_KIND.get(tally.split()[-1].lower()) == "province"  # "3 of 4 oblasts"


def counts_not_names(text: str, te: int, after: tuple[Place, ...], lexicon: Lexicon) -> bool:
    """The verb's object is a count of units ("controls 14 of 17 districts") that no list of
    names follows: the places around it are where the units are counted, not its object."""
    tally = lexicon.counted_units.match(text, te)
    if tally is None:
        return False
    if PLURAL_ANAPHOR.match(text, tally.end() - len(tally.group(0).lstrip())):
        return False  # "all three districts", "the two districts": those named before
    return not after or (
        tally.end() <= after[0].start
        and (
            not _LIST_FOLLOWS.fullmatch(text, tally.end(), after[0].start)
            # "controls 26 of 28 districts, Takhar (…)": a province is no member of the units
            or (after[0].kind == "province" and not _counts_provinces(tally.group(0)))
        )
    )

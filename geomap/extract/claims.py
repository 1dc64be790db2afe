"""Claims: who says which status holds at which place, and when.

For each sentence: find status cues (``cues.py``); give each cue the places it governs
(named after it up to the clause's end, else named before it, else a back-reference such
as "the crossing" resolved to an earlier place); drop places mentioned only in passing
("in Herat province" after a district, "the Kabul government"); read who says it and when.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from geomap.extract.aggregates import aggregates_in_sentence, may_count
from geomap.extract.cues import (
    HABITUAL,
    HEDGE,
    Cue,
    agent_status,
    classify_speaker,
    denier_of,
    speaker_of,
    status_cues,
)
from geomap.extract.dates import resolve_in_sentence
from geomap.extract.sentences import sentences
from geomap.records import AggregateClaim, Article, Claim, Place

RULES_VERSION = 2  # bump when a rule changes: stored articles are then extracted again
# What a denial turns a claim into.
OPPOSITE = {"taliban": "government", "government": "taliban"}
CLAIMABLE_KINDS = frozenset(
    {"district", "province", "city", "village", "border-crossing", "base", "site"}
)
_MODIFIER = (
    r"(?:key|main|strategic|important|largest|biggest|major|provincial|border|northern|"
    r"southern|eastern|western|northeastern|northwestern|restive|embattled|besieged|"
    r"former|same|second|third|\w+-largest|busy|lucrative|vital|nearby|surrounding|"
    r"customs|trading)"
)
ANAPHOR = re.compile(
    rf"\b(?P<det>the|this|that|a|an|its)\s+(?:{_MODIFIER}\s+)*(?P<noun>border\s+(?:town|crossing|"
    r"post|point|checkpoint)|crossing(?:\s+point)?|checkpoint|border\s+post|site|provincial\s+"
    r"capital|capital|city|town|district|province|(?:air\s*)?base|airfield|dam|area|port)\b"
    r"(?!\s+(?:of|in)\s+[A-Z])(?!\s+(?:governor|police|chief|council|officials?|authorities|"
    r"residents|spokes(?:man|person)|elders|administrator|commander)\b)",
    re.IGNORECASE,
)
NOUN_KINDS = {
    "border": ("border-crossing", "city"),
    "crossing": ("border-crossing",),
    "checkpoint": ("border-crossing",),
    "port": ("border-crossing",),
    "site": ("border-crossing", "base", "site", "city", "district"),
    "area": ("border-crossing", "base", "site", "city", "district"),
    "provincial": ("city",),
    "capital": ("city",),
    "city": ("city",),
    "town": ("city", "border-crossing"),
    "district": ("district", "city"),
    "province": ("province",),
    "base": ("base",),
    "air": ("base",),
    "airbase": ("base",),
    "airfield": ("base",),
    "dam": ("site",),
}
_CLAUSE_END = re.compile(
    r";|\bbut\b|,?\s+while\b|, and (?=(?:the |a |an )?[a-z])|, as(?! well)\b|"
    r", (?:raising|causing|sending|forcing|leaving|prompting|killing|resulting|which|who|where|"
    r"when|after|before|amid)\b|\bafter\b|\bbefore\b|\bwhen\b|\bsince\b|"
    r", (?!including|according|during|excluding|neighbou?ring|surrounding|morning|evening)"
    r"[a-z]+ing\b"
)
_LOCATOR_BEFORE = re.compile(
    r"(?:\b(?:provinces?|districts?|capital|city|cities|towns?|crossing|post|dam|base|areas?|"
    r"parts?|villages?)\s+in|\b(?:districts|bastion|stronghold|heartland|birthplace|families|"
    r"residents|people|governor|governors|police\s+chief|council|lawmaker|mp|officials?|"
    r"commander|spokesman|head)\s+(?:of|for)|\b(?!the\b|a\b|this\b|that\b)[a-z]+\s+"
    r"district\s+of|\b(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest)\s+of|\bproximity\s+to|\bnear|\boutside|\bfrom|"
    r"\bgovernment\s+in|\bcapital\s+of|\blocated\s+in|\bborder\s+with|\bborders?\s+of)\s+"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|central|neighbou?ring|restive|former|their|its|same|"
    r"province\s+of|northwest|northeast|southwest|southeast)\s+)*$",
    re.IGNORECASE,
)
_PLACE_GAP_LOCATOR = re.compile(
    r"^(?:\s+(?:district|province|city|districts))?,?\s+(?:in|of|near|outside|located\s+in|"
    r"in\s+the\s+province\s+of|(?:the\s+)?(?:provincial\s+)?capital\s+of)\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,2}$"
)
_TITLE_AFTER = re.compile(
    r"^\s+(?:government|regime|administration|provincial\s+council|"
    r"council|governor|police\s+chief|officials?|authorities|delegation)\b",
    re.IGNORECASE,
)
_PART_OF_PLACE = re.compile(
    r"\b(?:buildings?|compound|headquarters|offices?|checkpoints?|"
    r"outposts?|posts|bases|parts|areas|outskirts|villages|neighbou?rhoods?"
    r"|prison|police\s+station)\b",
    re.IGNORECASE,
)
_SAME_DAY = re.compile(r"\b(?:the|that)\s+same\s+day\b|\bthat\s+day\b", re.IGNORECASE)
# "the district headquarters/centre" is the seat of the district: taking it takes the district.
_SEAT = re.compile(
    r"\b(?:district|provincial)\s+(?:headquarters|cent(?:re|er)|compound|"
    r"administration|offices?)\b",
    re.IGNORECASE,
)
_PRONOUN_OBJECT = re.compile(
    r"^\s*(?:control\s+(?:of|over)\s+)?(?:them|it|both|the\s+two)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class _Target:
    place: Place
    via: str  # named | reference | cataphora


def claims_from_article(
    article: Article, places: Sequence[Place]
) -> tuple[list[Claim], list[AggregateClaim]]:
    """Claims and aggregate claims in one article."""
    text = article.text
    year = article.published.year if article.published else _year_hint(text)
    afghan = [p for p in places if p.country == "AF" and p.kind in CLAIMABLE_KINDS]
    claims: list[Claim] = []
    aggregates: list[AggregateClaim] = []
    last_end = 0
    last: tuple[date | None, str] = (None, "unknown")
    previous: list[Claim] = []  # the last sentence's claims, for "X rejected the claim"
    starts = [p.start for p in afghan]
    for start, end in sentences(text):
        sentence = text[start:end]
        has_place = bisect_left(starts, start) < bisect_left(starts, end)
        may_claim = (has_place or ANAPHOR.search(sentence)) and not HABITUAL.search(sentence)
        found = _claims_in_sentence(article, afghan, start, end) if may_claim else []
        counts = may_count(sentence)
        rejected = [] if found else _rejection(sentence, previous)
        if not (
            found or rejected or counts or article.published is None or _SAME_DAY.search(sentence)
        ):
            previous = []
            continue  # nothing to date: skip the date work
        as_of, precision = resolve_in_sentence(sentence, article.published, year)
        if _SAME_DAY.search(sentence) or (
            article.published is None and as_of is None and "\n\n" not in text[last_end:start]
        ):
            as_of, precision = last  # narrative order: "On the same day", the next sentence
        last, last_end = (as_of, precision), end
        if counts:
            aggregates += aggregates_in_sentence(
                sentence, start, speaker_of(sentence), as_of, article.id
            )
        claims += [
            replace(
                c, evidence=" ".join(sentence.split()), start=start, end=end, as_of=as_of or c.as_of
            )
            for c in rejected
        ]
        previous = []
        for cue, target in found:
            previous.extend(
                _claims(
                    article,
                    sentence,
                    start,
                    end,
                    cue,
                    target,
                    speaker_of(sentence, cue.start),
                    as_of,
                    precision,
                )
            )
        claims += previous
    return _outcome_beats_process(claims), aggregates


_REJECTION = re.compile(
    r"\b(?:denied|denies|rejected|rejects|dismissed|refuted)\s+(?:the|this|"
    r"that|these|those|such)\s+(?:claims?|reports?|statements?|assertions?)",
    re.IGNORECASE,
)


def _rejection(sentence: str, previous: Sequence[Claim]) -> list[Claim]:
    """ "The Taliban rejected the claim": the other side's view of the last sentence's claims."""
    m = _REJECTION.search(sentence)
    if m is None or not previous:
        return []
    denier = classify_speaker(sentence[: m.start()]) or "reporter"
    opposite = OPPOSITE
    return [
        replace(
            c, status=opposite[c.status], claimed_by=denier, confidence=round(c.confidence * 0.7, 2)
        )
        for c in previous
        if c.status in opposite and c.claimed_by != denier
    ]


def _claims_in_sentence(
    article: Article, afghan: Sequence[Place], start: int, end: int
) -> list[tuple[Cue, _Target]]:
    text = article.text
    sentence = text[start:end]
    cues = status_cues(sentence)
    if not cues:
        return []
    inside = [p for p in afghan if start <= p.start and p.end <= end]
    named = [p for p in inside if not _in_passing(p, inside, text, start)]
    out: list[tuple[Cue, _Target]] = []
    previous: list[_Target] = []
    for i, cue in enumerate(cues):
        lo = max([start + c.end for c in cues[:i]] + [start + _clause_start(sentence, cue.start)])
        hi = min(
            [start + c.start for c in cues[i + 1 :]] + [start + _clause_end(sentence, cue.end)]
        )
        after = [_Target(p, "named") for p in named if start + cue.end <= p.start < hi]
        before = [
            _Target(p, "named") for p in named if lo <= p.start and p.end <= start + cue.start
        ]
        targets = (
            after
            or _references(article, afghan, start + cue.end, hi)
            or before
            or _references(article, afghan, lo, start + cue.start)
        )
        if not targets and previous and _PRONOUN_OBJECT.match(sentence[cue.end :]):
            targets = previous
        out += [(cue, t) for t in targets]
        previous = targets or previous
    return out


def _clause_start(sentence: str, index: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence[:index])]
    return ends[-1] if ends else 0


def _clause_end(sentence: str, index: int) -> int:
    m = _CLAUSE_END.search(sentence, index)
    return m.start() if m else len(sentence)


def _in_passing(place: Place, inside: Sequence[Place], text: str, sentence_start: int) -> bool:
    """A place that locates another ("X in Herat province") or names an office."""
    before = text[max(sentence_start, place.start - 60) : place.start]
    if _LOCATOR_BEFORE.search(before) or _TITLE_AFTER.match(text[place.end : place.end + 40]):
        return True
    for other in inside:
        if other.end <= place.start and place.start - other.end < 60:
            gap = text[other.end : place.start]
            if _PLACE_GAP_LOCATOR.match(gap):
                return True
            if re.fullmatch(r",?\s+(?:and|or)\s+(?:the\s+)?|,\s*", gap) and _in_passing(
                other, inside, text, sentence_start
            ):
                return True  # "districts in Ghazni and Parwan": both locate
    return False


def _references(article: Article, afghan: Sequence[Place], lo: int, hi: int) -> list[_Target]:
    """ "the crossing", "the provincial capital": the place named earlier in the article."""
    text = article.text
    antecedents = [p for p in afghan if not _TITLE_AFTER.match(text[p.end : p.end + 40])]
    for m in ANAPHOR.finditer(text, lo, hi):
        noun = m.group("noun").lower().split()[0]
        kinds = NOUN_KINDS.get(noun, ("city",))
        earlier = [p for p in antecedents if p.end <= m.start() and p.kind in kinds]
        if earlier:
            return [_Target(earlier[-1], "reference")]
        if m.group("det").lower() in ("a", "an") and m.start() < 600:
            later = [p for p in antecedents if p.start >= m.end() and p.kind in kinds]
            if later:
                return [_Target(later[0], "cataphora")]
    return []


def _claims(
    article: Article,
    sentence: str,
    start: int,
    end: int,
    cue: Cue,
    target: _Target,
    speaker: str,
    as_of: date | None,
    precision: str,
) -> list[Claim]:
    """The claim a cue makes about a place; with a denial by another party, both claims."""
    status = agent_status(sentence, cue)
    between = sentence[cue.end : max(cue.end, target.place.start - start)]
    if (
        status != "contested"
        and target.via == "named"
        and _PART_OF_PLACE.search(between)
        and not _SEAT.search(between)
    ):
        status = "contested"  # "recaptured government buildings in X": X is still fought over
    confidence = {"named": 0.85, "reference": 0.7, "cataphora": 0.55}[target.via]
    hedged = bool(HEDGE.search(sentence))
    if hedged:
        confidence *= 0.8
    opposite = OPPOSITE.get(status, status)
    made = []
    if cue.negated:
        made.append((opposite, speaker, confidence * 0.7))
    elif status != "contested" and (denial := denier_of(sentence)):
        denier, where = denial
        if denier != speaker and where > cue.start:
            made.append((status, speaker, confidence))  # "…took Y, a claim the ministry denied"
        made.append((opposite, denier, confidence * 0.7))
    else:
        made.append((status, speaker, confidence))
    return [
        Claim(
            place=target.place,
            status=claimed_status,
            claimed_by=by,
            as_of=as_of,
            evidence=" ".join(sentence.split()),
            start=start,
            end=end,
            confidence=round(value, 2),
            article_id=article.id,
            as_of_precision=precision if as_of else "unknown",
            hedged=hedged,
        )
        for claimed_status, by, value in made
    ]


def _identity(claim: Claim) -> tuple:
    return (
        claim.start,
        claim.place.name,
        claim.place.district_pcode,
        claim.place.province_pcode,
        claim.claimed_by,
    )


def _outcome_beats_process(claims: list[Claim]) -> list[Claim]:
    """In one sentence, "attacked and toppled X" reports the outcome: drop the contested claim."""
    decisive = {_identity(c) for c in claims if c.status != "contested"}
    kept, seen = [], set()
    for c in claims:
        key = (*_identity(c), c.status)
        if (c.status == "contested" and _identity(c) in decisive) or key in seen:
            continue
        seen.add(key)
        kept.append(c)
    return kept


def _year_hint(text: str) -> int | None:
    """The year an undated text is about: the most frequent plausible year in it."""
    years = [int(y) for y in re.findall(r"\b(19[89]\d|20[0-4]\d)\b", text)]
    return max(set(years), key=years.count) if years else None

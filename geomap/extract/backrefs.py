"""Places a trigger means without naming them: a back-reference after it or before it
("recaptured the district"), "there", "it", "them", an event named before ("the assault
was beaten off"), the subject of the clause before, the place of an outcome that fighting
goes on after ("took X, but fighting continues")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from geomap.extract.chunks import TIME_SAID, Chunks, reference_word_before
from geomap.extract.lexicon import Lexicon
from geomap.extract.references import ANAPHOR, EVENT_ANAPHOR, PRONOUN, named_by_phrase
from geomap.extract.scenes import DROP, part_or_other
from geomap.extract.site import Frame, Site
from geomap.extract.speakers import only_attribution
from geomap.extract.subjects import VERB_FIRST, continues_subject
from geomap.extract.themes import AUXILIARIES
from geomap.records import CONTESTED, Place

_PRONOUN_OBJECT = re.compile(  # "retook it", "hold large parts of it": the part is judged
    r"\s*(?:control\s+(?:of|over)\s+)?(?P<part>(?:[\w-]+\s+){0,3}?of\s+)?"
    r"(?:it|them|both|the\s+two)\b",
    re.I,
)
_THERE = re.compile(  # "there" as a place, not "there were"
    r"(?:\s+[\w'’-]+){0,4}?\s+there\b(?!\s+(?:is|are|was|were|has|have|had|will|would|seem)\b)",
    re.I,
)
_IT = re.compile(r"\s*(?:control\s+(?:of|over)\s+)?it\b", re.IGNORECASE)
_WHERE_THEY = re.compile(r"\bwhere\s+(?:they|it)\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they|both)\s+(?:\w+\s+){0,2}$", re.I)
# nothing but punctuation, and adverbs of time, left in the clause ("it was lost again on Monday.")
_CLAUSE_DONE = re.compile(
    rf"(?:\s+(?:again|too|also|back|soon|later|quickly|briefly)\b|{TIME_SAID}"
    r"|\s+on\s+\d{1,2}\s+[A-Z][a-z]+|\s+in\s+(?:early\s+|late\s+|mid-?)?[A-Z][a-z]+\b)*"
    r"[\s.,;:!?\"'”’)]*"
)
# A passive verb's agent: "by the Taliban", "by Afghan commandos"
_BY_PHRASE = re.compile(r"\s+by\s+(?:the\s+)?[\w'’-]+(?:\s+(?!on\b|in\b|at\b)[\w'’-]+){0,2}")
# A second predicate of the subject ("… and have been mounting pressure on"): it ends an object.
_NEW_PREDICATE = re.compile(rf"\b(?:and|but)\s+(?:{AUXILIARIES})\b", re.IGNORECASE)
# A plural noun a relative clause describes, the trigger its verb ("the districts it has
# lost", "the towns the Taliban captured"): a set, not places named before
_DESCRIBED_BY_VERB = re.compile(
    r"\b(?:the|those|these)\s+(?:[\w-]+\s+)?(?:districts|towns|cities|areas|villages|places|"
    r"bases|posts)\s+(?:that\s+|which\s+)?(?:it|they|we|the\s+[\w-]+|[A-Z][\w-]+)\s+"
    r"(?:(?:has|have|had)\s+)?$",
    re.IGNORECASE,
)
DESTINATION = re.compile(r"\b(?:to|towards?|into|across|through|via|for)\b", re.IGNORECASE)


def _span_of(frame: Frame) -> tuple[Sequence[Place], int, int]:
    return frame.places, frame.start, frame.end


def _nearest_before(
    resolve: Callable[[int, int], list[Place]], text: str, lo: int, ts: int, lexicon: Lexicon
) -> list[Place]:
    """The back-reference before a trigger nearest to it ("pulled back to the provincial
    capital, in the first district the group has taken": the district), not a reference
    point ("the airport, south of the city, is held": not the city)."""
    for m in reversed(list(ANAPHOR.finditer(text, lo, ts))):
        if reference_word_before(text[max(lo, m.start() - 60) : m.start()], lexicon):
            continue
        found = resolve(m.start(), ts)
        if found:
            return found
    return resolve(lo, ts)


def referred(
    text: str,
    span: tuple[int, int],
    bounds: tuple[int, int],
    active_object: bool,
    leaves: bool,
    chunks: Chunks,
    resolve: Callable[[int, int], list[Place]],
    lexicon: Lexicon,
) -> tuple[Place, ...]:
    """What a trigger naming no place refers to ("recaptured the district"): a back-reference
    after it (``span``) in its clause (``bounds``), else the nearest one before it."""
    (ts, te), (lo, hi) = span, bounds
    # "pulled back to the provincial capital": where they went is not what they left; an
    # active verb's object is near it ("overran districts … and have been mounting pressure
    # on the provincial capital": not overrun)
    went_to = DESTINATION.search(text, te, hi) if leaves else None
    reach = went_to.start() if went_to else hi
    predicate = _NEW_PREDICATE.search(text, te, reach)
    if predicate and active_object:
        reach = predicate.start()
    found = resolve(te, reach)
    if not found and active_object and _DESCRIBED_BY_VERB.search(text, max(lo, ts - 60), ts):
        return ()  # "Of the districts it has lost, …": the verb describes a set, names none
    found = found or _nearest_before(resolve, text, lo, ts, lexicon)
    # "were near Kunduz but had not entered the city": a landmark may be what it means
    return tuple(
        p
        for p in found
        if p.start not in chunks.bystanders
        or (p.start in chunks.references and (p.end <= ts or named_by_phrase(p)))
    )


def pronoun_places(
    site: Site,
    judged: tuple[tuple[Place, ...], str, str | None],
    earlier: Sequence[Frame],
    previous: Sequence[Place],
) -> tuple[tuple[Place, ...], str, str | None] | None:
    """A trigger that names no place may mean one by "there", "it", "them", an event named
    before ("the assault was beaten off") or a subject it shares with the clause before;
    ``judged`` and the result are (places, via, what the object says of them)."""
    text, start, m, hi, clause = site.text, site.start, site.m, site.hi, site.clause
    ts, te, passive = site.ts, site.te, site.passive
    places, via, status = judged
    clause_before = site.clause_before
    there = None if places else _THERE.match(text, te, hi)
    named_before = (
        [p for p in site.chunks.candidates if start <= p.start and p.end <= ts] if there else []
    )
    if there and named_before:  # "inside Kandahar city after taking the prison there"
        places, via = (named_before[-1],), "pronoun"
        status = part_or_other(text[te : there.end()], site.lexicon) or status
        if status == DROP:
            return None
    pronoun = None if places else _PRONOUN_OBJECT.match(text, te, hi)  # "retook it", "them"
    part = pronoun.group("part") if pronoun else None
    if part and part_or_other(part, site.lexicon) != CONTESTED:
        pronoun = None  # "captured 20 of them": not a part of the place
    if not places and not pronoun and not there:
        by = _BY_PHRASE.match(text, te, hi) if passive else None
        rest = by.end() if by else te  # "it was seized by the Taliban, officials said"
        pronoun = (
            _PRONOUN_SUBJECT.search(clause_before)
            if _CLAUSE_DONE.fullmatch(text, rest, hi) or only_attribution(text, rest, hi)
            else None
        )  # "it was retaken.", "officials said both remained in government hands."
        if pronoun and _WHERE_THEY.search(text, max(start, clause - 8), min(ts, clause + 20)):
            pronoun = None  # "retreated to X, where they are holding out": people, not places
    if not places and (pronoun or there):  # "fighting was still going on there"
        places = earlier[-1].places if earlier else tuple(previous)
        via = "pronoun"
        status = CONTESTED if part and pronoun else status  # "hold large parts of it"
        if pronoun and _IT.search(pronoun.group(0)) and len(places) > 1:
            # "it": one place, the last named (a district before the province locating it)
            places = tuple([p for p in places if p.kind != "province"] or places)[-1:]
    if (
        not places
        and m.trigger.action == "repel"
        and (
            EVENT_ANAPHOR.search(clause_before)
            or PRONOUN.search(m.text)
            or EVENT_ANAPHOR.match(text, te + 1, hi)  # "… but pushed back the attacks"
        )
    ):
        # "Insurgents stormed X. The assault was beaten off": the attack named before
        places = earlier[-1].places if earlier else tuple(previous)
        via = "pronoun"
    elif not places and earlier and goes_on(site):
        # "raised the flag in X, but mopping-up operations go on": X is still fought over
        places, via = earlier[-1].places, "pronoun"
    elif (
        not places
        and earlier
        and (
            (passive and m.trigger.action == "expel")
            or (m.trigger.action == "withdraw" and VERB_FIRST.fullmatch(text, clause, ts))
            or (
                (passive or m.trigger.theme == "subject")
                and continues_subject(
                    text,
                    start,
                    clause,
                    ts,
                    _span_of(earlier[-1]),
                    # (a hold is a state in either voice: "… and is now held by the Taliban")
                    state=not passive or m.trigger.action == "hold",
                )
            )
        )
    ):
        # "Insurgents entered X overnight but were driven out / forced to retreat": out of the
        # place just entered
        places, via = earlier[-1].places, "pronoun"
    return places, via, status


_ELSEWHERE = re.compile(r"\b(?:elsewhere|in\s+other\s+\w+|across\s+the\s+\w+)\b", re.I)
_CONTRAST_BEFORE = re.compile(r"(?:\b(?:but|though|although|yet)|;)\s*$", re.IGNORECASE)


def goes_on(site: Site) -> bool:
    """Fighting in a clause that contrasts with the one before ("…, but clashes go on"; not
    "…; clashes go on elsewhere")."""
    return (
        site.m.trigger.action == "contest"
        and bool(_CONTRAST_BEFORE.search(site.text, max(site.start, site.clause - 10), site.clause))
        and not _ELSEWHERE.search(site.text, site.te, site.hi)
    )

"""Frames: who did what to which places, read from one sentence.

Per sentence: trigger words (``lexicon.toml``) → clause → for each trigger, its frame
(``grammar.py``: the places of its theme, as a whole list → its agent → status from action ×
agent → modality) → what the frames reach beyond their own places (ranked outcomes,
exceptions, a list after "including"). Attribution and dates are added by ``claims.py``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from geomap.extract.backrefs import DESTINATION
from geomap.extract.chunks import Chunks, chunk_places
from geomap.extract.clause_dates import SINCE
from geomap.extract.dates import mentions_date
from geomap.extract.grammar import RELATIVE_PRONOUN, read_frame
from geomap.extract.lexicon import Lexicon
from geomap.extract.reach import (
    coordinated_part,
    denied_beside,
    excepted_places,
    excepted_theme,
    followed_beside,
    predecessors,
    seat_excepted,
)
from geomap.extract.scope import (
    QUOTES_AS_SPACES,
    clause_end,
    clause_marks,
    habitual,
)
from geomap.extract.site import Frame, TriggerMatch
from geomap.extract.themes import (
    BRACKET_REACH,
    BRACKETED,
)
from geomap.records import CONTESTED, Place

# a destination right after a leaving verb ("fled towards X")
_TOWARDS = re.compile(rf"\s+(?:back\s+)?{DESTINATION.pattern}", re.IGNORECASE)
REPEL_REACH = 40  # "repelled a large Taliban attack on": the attack belongs to the repel
_INCLUDING = re.compile(  # "…, including (the districts of) A and B"
    r"\b(?:including|such\s+as|namely|among\s+them)\s+(?:the\s+)?"
    r"(?:(?:districts?|provinces?|cities|towns)\s+of\s+)?"
    # members the gazetteer lacks before it: "including Dand-e Ghori in Baghlan and B"
    r"(?:(?-i:[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,3})(?:\s+in\s+(?-i:[A-Z][\w'’-]+))?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)){0,3}$",
    re.I,
)
INCLUDING_REACH = 120  # characters before a list's head in which "including" opens it


@functools.lru_cache(maxsize=16)  # asked by the grammar and by the pending-list check
def triggers_in(sentence: str, lexicon: Lexicon) -> tuple[TriggerMatch, ...]:
    """Trigger words, left to right; where two overlap the earlier, longer one wins.

    Quotation marks are read as spaces (offsets unchanged): 'efforts to "retake the
    district"' holds the same words as 'efforts to retake the district'.
    """
    sentence = sentence.translate(QUOTES_AS_SPACES)
    phrases = lexicon.trigger_phrases
    found = [
        TriggerMatch(phrases[i][0], m.start(), m.end(), m.group(0))
        for i in sorted(lexicon.trigger_filter.candidates(sentence))
        for m in phrases[i][1].finditer(sentence)
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TriggerMatch] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        if (
            kept
            and kept[-1].trigger.action == "repel"
            and m.trigger.action in ("contest", "enter")
            and m.start - kept[-1].end < REPEL_REACH
        ):
            continue  # "repelled an attack on X": the attack is what was repelled
        kept.append(m)
    return tuple(kept)


def frames_in_sentence(
    text: str,
    start: int,
    end: int,
    places: Sequence[Place],
    lexicon: Lexicon,
    resolve: Callable[[int, int, Collection[int]], list[Place]],
    previous: Sequence[Place] = (),
) -> tuple[list[Frame], Chunks]:
    """Every frame in ``text[start:end]`` given the sentence's places.

    ``resolve(lo, hi, aside)`` finds a back-reference ("the crossing") between two offsets,
    not among the places at ``aside`` (this sentence's titles and locators: "Ghazni's
    council chief said most of the city …" is no Ghazni);
    ``previous`` are the places the sentence before made claims about ("it", "them").
    """
    sentence = text[start:end]
    matches = triggers_in(sentence, lexicon)
    # A trigger governs the place right after it ("withdrew from X"); a repelled attack
    # governs its whole clause ("repelled attacks near X": X is held, not a landmark).
    governed = [
        (
            start + m.start,
            start + (clause_end(sentence, m.end) if m.trigger.action == "repel" else m.end),
        )
        for m in matches
        # (not "fled towards X": where they went is no place the verb acts on)
        if not (lexicon.actions[m.trigger.action].get("leaves") and _TOWARDS.match(sentence, m.end))
    ]
    chunks = chunk_places(text, start, end, places, lexicon, governed)
    named_aside = chunks.bystanders - chunks.references  # titles, locators: not "the city"

    def resolve_here(lo: int, hi: int) -> list[Place]:
        # (nor is where someone went: "the mayor fled to Herat after the Taliban took the
        # city" is no Herat)
        return resolve(lo, hi, named_aside | chunks.destinations)

    frames: list[Frame] = []
    unplaced: list[Frame] = []  # "districts have fallen …, including X": the list comes later
    clause_ends = clause_marks(sentence)[1]
    for i, m in enumerate(matches):
        # The theme lies between the neighbouring triggers, inside the trigger's clause.
        before = bisect_right(clause_ends, m.start)
        clause = start + (clause_ends[before - 1] if before else 0)
        lo = max(clause, start + matches[i - 1].end) if i else clause
        if (
            i
            and m.trigger.theme == "subject"
            and RELATIVE_PRONOUN.search(text, clause, start + matches[i - 1].start)
        ):
            lo = clause  # "The district, which was besieged for weeks, fell": its subject
        hi = start + clause_end(sentence, m.end)
        hi = min(hi, start + matches[i + 1].start) if i + 1 < len(matches) else hi
        if habitual(text, start, lo, hi, start + m.start, lexicon, m.trigger.action == "hold"):
            continue  # "the Taliban have long controlled X"; "Over the years, … clashed in X"
        frame = read_frame(
            text, start, m, lo, hi, clause, chunks, lexicon, resolve_here, frames, previous
        )
        if frame is None:
            continue
        if (
            frame.places
            and frame.status in lexicon.parties
            and seat_excepted(text, frame.places, hi, lexicon)
        ):
            frame = replace(frame, status=CONTESTED)  # "all of X except the district centre"
        # "the third capital to fall, after A and B": A and B went the same way (also when
        # the ranked one is unnamed: "It is the third district to fall, after A and B")
        ranked = predecessors(text, start, end, (frame.start, frame.end), chunks)
        extra = tuple(p for p in ranked if p not in frame.places)
        if frame.places or extra:
            frames.append(replace(frame, places=frame.places + extra))
        elif frame.status != CONTESTED:
            unplaced.append(frame)
        part = coordinated_part(text, hi, frame.places, chunks, lexicon) if frame.places else ()
        if part and frame.status != CONTESTED and frame.places[0].start > frame.start:
            frames.append(replace(frame, status=CONTESTED, places=part))
        after = max([frame.end, *(p.end for p in frame.places)])
        spared = denied_beside(text, after, end, chunks)
        if spared and frame.status != CONTESTED and not frame.negated:
            frames.append(replace(frame, places=spared, negated=True))  # "…, but not Y"
        followed = followed_beside(text, after, end, chunks)
        if followed and frame.status != CONTESTED and not frame.negated:
            frames.append(replace(frame, places=followed))  # "…, followed by Y"
    frames = [
        replace(f, action="hold", status=lexicon.opponent(f.status))
        if f.status in lexicon.parties and excepted_theme(text, start, (f.start, f.end), f.places)
        else f
        for f in _without_superseded(text, end, _without_background(text, frames))
    ]
    for f in list(frames):
        excepted = excepted_places(text, start, end, (f.start, f.end), f.places, chunks)
        if excepted and f.status in lexicon.parties:  # "all of P except X": X is the other's
            holder = lexicon.opponent(f.status)
            frames.append(Frame("hold", holder, f.start, f.end, excepted, "named"))
    return _attach_inclusions(text, frames, unplaced, chunks), chunks


def _without_background(text: str, frames: list[Frame]) -> list[Frame]:
    """ "X, long held by the Taliban, was retaken", "X, seized by the Taliban in June, was
    retaken": the bracket is the state or event before the change the main verb reports,
    not a second claim of the same moment; so too before a state that undoes it ("X, which
    the army retook last year, is again in Taliban hands")."""
    changes = [f for f in frames if f.status != CONTESTED and f.places]
    starts = [c.start for c in changes]  # in the sentence's order

    def background(f: Frame) -> bool:
        later = changes[
            bisect_right(starts, f.start) : bisect_right(starts, f.start + BRACKET_REACH)
        ]
        return any(
            (c.action != "hold" or c.status != f.status)
            and set(f.places) <= set(c.places)
            and c.places[-1].end < f.start < c.start < c.places[-1].end + BRACKET_REACH
            and BRACKETED.fullmatch(text, c.places[-1].end, c.start)
            for c in later
        )

    return [f for f in frames if not background(f)]


# "had captured", "had been occupied": a time before the one the sentence reports
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:already|just|once|first|twice|\w+ly)\s+)*(?:been\s+)?$", re.IGNORECASE
)
# "X, which Russian troops had occupied", "X, a town that …", "X, the only capital Moscow
# had captured": a clause describing the place before it
_DESCRIBING_GAP = re.compile(r"\s*,\s*(?:which|that|who|an?|the)\b[^,;.()]{0,100}$", re.I)
_CLAUSE_CLOSE = re.compile(r"[,;.]")
_CLAUSE_TIME_REACH = 120  # characters after the verb in which its clause's time is looked for


def _without_superseded(text: str, end: int, frames: list[Frame]) -> list[Frame]:
    """A clause that describes a place with an event in the past perfect and no time of its
    own tells what the sentence's own event on that place undid: "liberated X, which Russian
    troops had occupied since March" is no Russian claim of today (with a time it is one of
    then: "retook X, which had fallen last week")."""
    statuses: dict[Place, set[str]] = {}  # what the sentence's outcomes say of each place
    for g in frames:
        if g.status != CONTESTED:
            for p in g.places:
                statuses.setdefault(p, set()).add(g.status)

    def superseded(f: Frame) -> bool:
        if not (f.places and _PAST_PERFECT.search(text, max(0, f.start - 40), f.start)):
            return False
        for p in f.places:
            if not (p.end <= f.start and _DESCRIBING_GAP.fullmatch(text, p.end, f.start)):
                continue
            reach = min(end, f.end + _CLAUSE_TIME_REACH)  # (bounded: a run-on text stays linear)
            closes = _CLAUSE_CLOSE.search(text, f.end, reach)
            described = text[p.end : closes.start() if closes else reach]
            if statuses.get(p, set()) - {f.status} and not mentions_date(SINCE.sub(" ", described)):
                return True
        return False

    return [f for f in frames if not superseded(f)]


def _attach_inclusions(
    text: str, frames: list[Frame], unplaced: Sequence[Frame], chunks: Chunks
) -> list[Frame]:
    """A list after "including" belongs to the sentence's event about unnamed places."""
    if not unplaced:
        return frames
    for group in chunks.groups or tuple((p,) for p in chunks.candidates):
        head = group[0]
        if not _INCLUDING.search(text, max(0, head.start - INCLUDING_REACH), head.start):
            continue
        event = next((f for f in unplaced if f.end <= head.start), None)
        if event is None:
            continue
        frames = [f for f in frames if not set(f.places) & set(group)]
        frames.append(replace(event, places=tuple(group), via="named"))
    return frames
